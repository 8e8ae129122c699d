// Check and confirm the booking: patient (masked), department, doctor, time and the cancellation
// deadline. Confirm is disabled at the first tap, so a double tap books once. A taken slot shows
// the nearest free ones as big buttons; offline says plainly that booking needs the hospital
// system and offers Try again; a hospital rule is named in words.
#pragma once

#include "core/common/Result.h"
#include "core/fhir/FhirTypes.h"
#include "ui/Screen.h"

#include <QList>

class QBoxLayout;
class QGridLayout;
class QLabel;
class QPushButton;
class QWidget;

namespace mk::booking {
struct BookingOutcome;
}

namespace mk::ui {

class ConfirmScreen : public Screen
{
    Q_OBJECT
public:
    explicit ConfirmScreen(ScreenContext& context, QWidget* parent = nullptr);
    ~ConfirmScreen() override;

    ScreenId id() const override { return ScreenId::Confirm; }
    void enter() override;
    void reset() override;
    void retranslate() override;
    QString spokenSummary() const override;  // issue 12: read aloud
    bool loading() const override { return booking_; }

    QPushButton* confirmButton() const { return confirm_; }
    QList<QPushButton*> alternativeButtons() const { return alternative_buttons_; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    enum class Problem { None = 0, Conflict, Offline, Rule, Other };

    void book();
    void onOutcome(const booking::BookingOutcome& outcome);
    void setBooking(bool booking);
    void showDetails();
    void showProblem();
    void setAlternatives(const QList<fhir::Slot>& slots);
    void chooseAlternative(int index);
    QString doctorLine(const fhir::Slot& slot) const;

    QBoxLayout* columns_ = nullptr;
    QLabel* title_ = nullptr;
    QLabel* patient_ = nullptr;
    QLabel* department_ = nullptr;
    QLabel* doctor_ = nullptr;
    QLabel* time_ = nullptr;
    QLabel* deadline_ = nullptr;
    QLabel* message_ = nullptr;
    QLabel* booking_label_ = nullptr;
    QWidget* alternatives_box_ = nullptr;
    QGridLayout* alternatives_grid_ = nullptr;
    QList<QPushButton*> alternative_buttons_;
    QPushButton* try_again_ = nullptr;
    QPushButton* confirm_ = nullptr;

    QList<fhir::Slot> alternatives_;
    Problem problem_ = Problem::None;
    Error error_;
    bool booking_ = false;
    quint64 generation_ = 0;
};

}  // namespace mk::ui
