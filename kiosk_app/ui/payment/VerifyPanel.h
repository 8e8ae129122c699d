// The identity check at the moment of paying on credit or opening credit care (issue 9): a fresh
// face check — the liveness challenge (a random head movement, so a picture never passes), then
// 1:1 against the identified patient's own templates (face::Identifier::verify, not 1:N) — or,
// for a patient without face sign-in, the last 4 digits of the phone number on the keypad.
// A face that fails 1:1 counts like an identification failure: the kiosk-wide lockout of face
// sign-in applies (the Identifier keeps it in the template store). The camera runs only while
// the check scans; the frame is never kept.
#pragma once

#include "core/payment/PaymentTypes.h"

#include <QString>
#include <QWidget>

#include <memory>

class QBoxLayout;
class QLabel;
class QPushButton;

namespace mk::face {
class Identifier;
struct FaceAnalysis;
}  // namespace mk::face

namespace mk::ui {

class FaceChallenge;
class FacePreview;
class FaceWorker;
class Keypad;
struct FaceServices;

class VerifyPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Phase {
        Idle = 0,
        Scanning,         // face: the liveness challenge
        Matching,         // face: 1:1 on the next good frame
        Digits,           // the last 4 phone digits
        Verified,         // evidence emitted
        NoMatch,          // face did not match (counted); may try again
        ChallengeFailed,  // the movement was not seen (not counted); may try again
        WrongDigits,      // too many wrong digits
        LockedOut,        // face sign-in paused kiosk-wide
        Unavailable,      // neither face nor phone digits can be checked
    };
    Q_ENUM(Phase)

    explicit VerifyPanel(const FaceServices* face, QWidget* parent = nullptr);
    ~VerifyPanel() override;

    // True when the face engine, the store and at least one template of patient_id are there.
    bool faceAvailableFor(const QString& patient_id) const;
    // Starts the face check against patient_id's templates.
    void startFace(const QString& patient_id);
    // Starts the phone-digits check against phone (its last 4 digits).
    void startDigits(const QString& phone);
    // Camera off, templates and typed digits forgotten, Idle.
    void stop();
    void retranslate();
    Phase phase() const { return phase_; }
    bool scanning() const { return phase_ == Phase::Scanning || phase_ == Phase::Matching; }
    bool usingFace() const { return face_mode_; }
    FaceWorker* worker() const { return worker_; }
    FaceChallenge* faceChallenge() const { return challenge_; }

    static constexpr int kDigits = 4;
    static constexpr int kMaxDigitAttempts = 3;

protected:
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;

Q_SIGNALS:
    void verified(const mk::payment::Evidence& evidence);
    void phaseChanged(mk::ui::VerifyPanel::Phase phase);

private:
    bool ensureFace();
    void fitKeypad();  // maximum 720x560 unless the keys need more
    void setPhase(Phase phase);
    void onAnalysed(const std::shared_ptr<face::FaceAnalysis>& analysis, const QString& detail);
    void onDigits(const QString& typed_ref);

    const FaceServices* face_ = nullptr;
    FaceWorker* worker_ = nullptr;
    FaceChallenge* challenge_ = nullptr;
    std::unique_ptr<face::Identifier> identifier_;
    QString patient_id_;
    QString phone_last4_;
    int digit_failures_ = 0;
    bool face_mode_ = false;
    bool wrong_once_ = false;
    Phase phase_ = Phase::Idle;

    QBoxLayout* box_ = nullptr;
    FacePreview* preview_ = nullptr;
    QLabel* prompt_ = nullptr;
    QLabel* progress_ = nullptr;
    Keypad* keypad_ = nullptr;
    QLabel* typed_ = nullptr;
};

}  // namespace mk::ui

Q_DECLARE_METATYPE(mk::payment::Evidence)
