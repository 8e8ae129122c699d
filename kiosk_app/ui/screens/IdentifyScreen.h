// "Who are you?": the patient number or mobile phone number plus the date of birth, typed on the
// on-screen keypad into fields that are masked while not being typed; or a patient card QR code
// read by a keyboard-wedge scanner (MKPATIENT:<number>:<yyyyMMdd>). Then the booking pool is
// asked for the patient (several may share a phone: the person chooses among masked names) and
// for their children (ChildChoice when there are any, else straight to Department).
#pragma once

#include "core/fhir/FhirTypes.h"
#include "core/pool/PoolClient.h"
#include "ui/Screen.h"

#include <QDate>
#include <QList>

#include <functional>

class QBoxLayout;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace mk::ui {

class BusyIndicator;
class Keypad;
class MaskedField;
class WedgeScanner;

class IdentifyScreen : public Screen
{
    Q_OBJECT
public:
    explicit IdentifyScreen(ScreenContext& context, QWidget* parent = nullptr);
    ~IdentifyScreen() override;

    ScreenId id() const override { return ScreenId::Identify; }
    void enter() override;
    void reset() override;
    void retranslate() override;
    QString spokenSummary() const override;  // issue 12: read aloud
    bool loading() const override { return loading_; }

    // What the number typed is: P00001234 (or its 8 digits) is a patient number, 11 digits
    // starting with 1 a mobile phone. normalized gets "P00001234" / the digits.
    enum class IdKind { Invalid = 0, PatientNumber, Phone };
    static IdKind classifyId(const QString& text, QString* normalized);
    // yyyyMMdd digits -> a real date, not in the future, not before 1900; invalid QDate otherwise.
    static QDate parseBirthDate(const QString& digits, const QDate& today);

    WedgeScanner* scanner() const { return scanner_; }
    // A sentence shown above Continue until the next attempt, re-worded on a language switch
    // (e.g. face sign-in recognised someone but the pool could not be asked). Call after enter().
    void showNotice(std::function<QString()> text) { setMessage(std::move(text)); }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void activateField(MaskedField* field);
    void submit();
    void onScanned(const QString& text);
    void identify(const pool::PatientQuery& query);
    void onPatients(const QList<fhir::Patient>& patients);
    void choosePatient(const fhir::Patient& patient);
    void showChoices(const QList<fhir::Patient>& patients);
    void clearChoices();
    void setMessage(std::function<QString()> text);  // re-evaluated on a language switch
    void setLoading(bool loading);
    void clearForm();
    void updateMode();
    QDate today() const;

    QLabel* title_ = nullptr;
    QLabel* scan_hint_ = nullptr;
    QLabel* id_label_ = nullptr;
    QLabel* dob_label_ = nullptr;
    QLabel* dob_hint_ = nullptr;
    QLabel* message_ = nullptr;
    QLabel* choice_title_ = nullptr;
    MaskedField* id_field_ = nullptr;
    MaskedField* dob_field_ = nullptr;
    MaskedField* active_field_ = nullptr;
    Keypad* keypad_ = nullptr;
    BusyIndicator* busy_ = nullptr;
    QPushButton* continue_ = nullptr;
    QPushButton* not_listed_ = nullptr;
    QWidget* form_ = nullptr;
    QWidget* choices_ = nullptr;
    QVBoxLayout* choices_layout_ = nullptr;
    QBoxLayout* body_ = nullptr;
    QBoxLayout* heading_ = nullptr;  // title and scan hint: a column, a row in landscape
    QVBoxLayout* root_ = nullptr;
    QVBoxLayout* form_layout_ = nullptr;
    QWidget* actions_ = nullptr;
    bool landscape_ = false;
    WedgeScanner* scanner_ = nullptr;

    QList<QPushButton*> choice_buttons_;
    QList<fhir::Patient> candidates_;
    std::function<QString()> message_text_;
    bool loading_ = false;
    quint64 generation_ = 0;  // answers to requests made before a reset() are dropped
};

}  // namespace mk::ui
