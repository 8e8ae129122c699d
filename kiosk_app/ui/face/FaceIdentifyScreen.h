// Face identification (issue 5): the liveness challenge first (step 1 of 2: a random head
// movement, so that a picture never passes), then 1:N against the gallery loaded from the
// template store on the first good frame after it (step 2 of 2), then the last 4 digits of the
// phone number on the on-screen keypad (Identifier), with the lockout after repeated failures. A
// failed challenge is not a face mismatch: it does not count toward the lockout. The non-face
// alternative is on the same screen at equal size.
#pragma once

#include "face_auth/Identifier.h"
#include "face_auth/Liveness.h"
#include "ui/Screen.h"
#include "ui/face/FaceServices.h"

#include <memory>
#include <optional>

class QImage;
class QLabel;
class QPushButton;

namespace mk::ui {

class FaceChallenge;
class FacePreview;
class FaceWorker;
class Keypad;

class FaceIdentifyScreen final : public Screen
{
    Q_OBJECT
public:
    enum class Phase {
        Idle = 0,
        Scanning,  // step 1: the liveness challenge
        Digits,
        Identified,
        NotFound,
        LockedOut,
        Unavailable,
        Matching,         // step 2: the challenge passed; the first good frame is identified
        ChallengeFailed,  // the head movement was not seen in time (a picture ends here)
    };
    Q_ENUM(Phase)

    FaceIdentifyScreen(ScreenContext& context, const FaceServices& services,
                       QWidget* parent = nullptr);
    ~FaceIdentifyScreen() override;

    ScreenId id() const override { return ScreenId::FaceIdentify; }
    void enter() override;
    void reset() override;
    void retranslate() override;
    QString spokenSummary() const override;  // issue 12: read aloud
    bool loading() const override { return phase_ == Phase::Scanning || phase_ == Phase::Matching; }

    Phase phase() const { return phase_; }
    // The head movement asked in this attempt (Unset before enter()).
    face::LivenessChallenge challenge() const;
    // The challenge of this attempt: its state ("Look straight at the camera." until NeedMove,
    // then the movement) and stateChanged().
    FaceChallenge* faceChallenge() const { return challenge_; }
    QString identifiedPatientId() const { return patient_id_; }
    FaceWorker* worker() const { return worker_; }
    bool holdsCandidate() const { return candidate_.has_value(); }
    bool holdsFrame() const;
    // Tests inject a clock for the lockout (a new Identifier, attached to the store like the
    // first: the lockout is kept in services.store and read back from it).
    void setClock(face::Identifier::Clock clock);
    // The screen catalog (app/ScreenCatalogFace.cpp: the screenshot command and the screen audit)
    // pictures each phase without models or a camera: the phase's texts and widgets as the flow
    // shows them, frame in the preview while the phase scans (Scanning, Matching), in Scanning
    // challenge asked, in Digits after a wrong entry when wrong_digits. Nothing is identified or
    // counted; the flow never calls it (enter() starts a real attempt).
    void showPicture(Phase phase, const QImage& frame,
                     face::LivenessChallenge challenge = face::LivenessChallenge::TurnLeft,
                     bool wrong_digits = false);

Q_SIGNALS:
    // Face matched and the phone digits confirmed it: the patient id (never shown).
    void identified(const QString& patient_id);
    void phaseChanged(mk::ui::FaceIdentifyScreen::Phase phase);

private:
    void onAnalysed(const std::shared_ptr<face::FaceAnalysis>& analysis, const QString& detail);
    void onChallengeFrame(const face::FaceAnalysis& analysis);
    void onMatchingFrame(const face::FaceAnalysis& analysis);
    void onDigits(const QString& text);
    void setPhase(Phase phase);
    void attachStore();

    const FaceServices& services_;
    FaceWorker* worker_ = nullptr;
    std::unique_ptr<face::Identifier> identifier_;   // kept across visits: the lockout holds
    face::TemplateStore* attached_store_ = nullptr;  // where identifier_ keeps the lockout
    FaceChallenge* challenge_ = nullptr;
    std::optional<face::IdentifyCandidate> candidate_;
    QString patient_id_;
    Phase phase_ = Phase::Idle;
    face::QualityIssue last_issue_ = face::QualityIssue::Unset;
    bool wrong_digits_ = false;

    QLabel* title_ = nullptr;
    FacePreview* preview_ = nullptr;
    QLabel* prompt_ = nullptr;
    QLabel* progress_ = nullptr;
    QLabel* hint_ = nullptr;
    Keypad* keypad_ = nullptr;
    QLabel* typed_ = nullptr;  // circles showing how many digits are typed, never the digits
    QPushButton* alternative_ = nullptr;
    QPushButton* retry_ = nullptr;
};

}  // namespace mk::ui
