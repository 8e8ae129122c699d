// Face identification (issue 5): 1:N against the gallery loaded from the template store, then the
// last 4 digits of the phone number on the on-screen keypad (Identifier), with the lockout after
// repeated failures. The non-face alternative is on the same screen at equal size.
#pragma once

#include "Identifier.h"
#include "Screen.h"
#include "face/FaceServices.h"

#include <memory>
#include <optional>

class QLabel;
class QPushButton;

namespace mk::ui {

class FaceWorker;
class Keypad;

class FaceIdentifyScreen : public Screen
{
    Q_OBJECT
public:
    enum class Phase { Idle = 0, Scanning, Digits, Identified, NotFound, LockedOut, Unavailable };

    FaceIdentifyScreen(ScreenContext& context, const FaceServices& services,
                       QWidget* parent = nullptr);
    ~FaceIdentifyScreen() override;

    ScreenId id() const override { return ScreenId::FaceIdentify; }
    void enter() override;
    void reset() override;
    void retranslate() override;
    bool loading() const override { return phase_ == Phase::Scanning; }

    Phase phase() const { return phase_; }
    QString identifiedPatientId() const { return patient_id_; }
    FaceWorker* worker() const { return worker_; }
    bool holdsCandidate() const { return candidate_.has_value(); }
    bool holdsFrame() const;
    // Tests inject a clock for the lockout.
    void setClock(face::Identifier::Clock clock);

Q_SIGNALS:
    // Face matched and the phone digits confirmed it: the patient id (never shown).
    void identified(const QString& patient_id);

private:
    void onPreview(const QImage& frame);
    void onAnalysed(std::shared_ptr<face::FaceAnalysis> analysis, const QString& detail);
    void onDigits(const QString& text);
    void setPhase(Phase phase);

    const FaceServices& services_;
    FaceWorker* worker_ = nullptr;
    std::unique_ptr<face::Identifier> identifier_;  // kept across visits: the lockout holds
    std::optional<face::IdentifyCandidate> candidate_;
    QString patient_id_;
    Phase phase_ = Phase::Idle;
    face::QualityIssue last_issue_ = face::QualityIssue::Unset;
    bool wrong_digits_ = false;

    QLabel* title_ = nullptr;
    QLabel* preview_ = nullptr;
    QLabel* prompt_ = nullptr;
    QLabel* hint_ = nullptr;
    Keypad* keypad_ = nullptr;
    QPushButton* alternative_ = nullptr;
    QPushButton* retry_ = nullptr;
};

}  // namespace mk::ui
