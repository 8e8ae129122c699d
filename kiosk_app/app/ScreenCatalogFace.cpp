// Face sign-in and the idle "Need more time?" prompt in the screen catalog (issue 12):
//  - the consent offered after the booking (the result screen's "Sign in with your face next
//    time", the guardian still signed in);
//  - face sign-in's phases on FaceIdentifyScreen: the challenge under way (the movement asked,
//    a camera frame in the preview), identifying (step 2), the phone digits, a wrong entry of
//    them, not recognised, the head movement not seen, and the lockout. Screenshot runs and the
//    audit have no models and no camera (KioskApp::installPictureFace): each phase is shown with
//    FaceIdentifyScreen::showPicture, the same widgets and sentences the flow shows
//    (tests/face/tst_faceflow and tests/gui/tst_kioskface drive the real flow);
//  - "Need more time?" over Identify with a patient number typed: the window's idle clock
//    moved to kIdleLeftMs before the reset, so the countdown shows 15 s in every run.
#include "ScreenCatalog.h"
#include "face_auth/Liveness.h"
#include "ui/KioskWindow.h"
#include "ui/face/FaceIdentifyScreen.h"

#include <QPainter>

#include <memory>

namespace mk::app {

namespace {
constexpr int kSettleMs = 150;
constexpr qint64 kIdleLeftMs = 15000;
const QString kIdlePatientNumber = QStringLiteral("P00001001");
const QSize kFrameSize(640, 480);

// A camera frame without the demo photo: a person's outline in front of a wall, the same in
// every run.
QImage standInFrame()
{
    QImage frame(kFrameSize, QImage::Format_RGB32);
    frame.fill(QColor(118, 128, 138));
    QPainter p(&frame);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(44, 62, 92));
    p.drawEllipse(QRectF(150, 360, 340, 260));  // shoulders
    p.setBrush(QColor(224, 186, 160));
    p.drawRect(QRectF(290, 300, 60, 80));       // neck
    p.drawEllipse(QRectF(232, 110, 176, 228));  // face
    p.setBrush(QColor(60, 44, 36));
    p.drawChord(QRectF(226, 96, 188, 150), 0, 180 * 16);  // hair
    p.end();
    return frame;
}
}  // namespace

QImage ScreenCatalog::faceFrame() const
{
    return services_.face_frame.isNull() ? standInFrame() : services_.face_frame;
}

bool ScreenCatalog::faceState(int phase, const QString& state, bool wrong_digits)
{
    auto* identify = qobject_cast<ui::FaceIdentifyScreen*>(window_.currentScreen());
    if (identify == nullptr) {
        failure_ = QStringLiteral("face sign-in is not shown for %1").arg(state);
        return false;
    }
    identify->showPicture(ui::FaceIdentifyScreen::Phase(phase), faceFrame(),
                          face::LivenessChallenge::TurnLeft, wrong_digits);
    settle(kSettleMs);
    return visit(state);
}

bool ScreenCatalog::walkFace()
{
    using Phase = ui::FaceIdentifyScreen::Phase;
    using ui::ScreenId;
    if (window_.screen(ScreenId::FaceIdentify) == nullptr ||
        window_.screen(ScreenId::FaceConsent) == nullptr)
        return true;  // face screens not installed
    // Right after the booking: the result offers face sign-in for next time.
    if (!click(QStringLiteral("resultFaceEnroll")) || !waitScreen(int(ScreenId::FaceConsent)) ||
        !visit(QStringLiteral("face-consent")))
        return false;

    window_.goHome();
    if (!click(QStringLiteral("faceButton"))) return false;
    settle(kSettleMs);
    const bool ok = faceState(int(Phase::Scanning), QStringLiteral("face-challenge")) &&
                    faceState(int(Phase::Matching), QStringLiteral("face-identify")) &&
                    faceState(int(Phase::Digits), QStringLiteral("face-digits")) &&
                    faceState(int(Phase::Digits), QStringLiteral("face-digits-wrong"), true) &&
                    faceState(int(Phase::NotFound), QStringLiteral("face-notfound")) &&
                    faceState(int(Phase::ChallengeFailed), QStringLiteral("face-nomovement")) &&
                    faceState(int(Phase::LockedOut), QStringLiteral("face-lockout"));
    window_.goHome();  // resets the face screen: no frame kept
    return ok;
}

bool ScreenCatalog::walkIdleWarning()
{
    using ui::ScreenId;
    window_.goHome();
    window_.showScreen(ScreenId::Identify);
    if (!waitScreen(int(ScreenId::Identify)) || !typeOnKeypad(kIdlePatientNumber)) return false;
    auto now_ms = std::make_shared<qint64>(0);
    window_.setIdleClock([now_ms] { return *now_ms; });
    *now_ms = window_.idleTimeoutMs() - kIdleLeftMs;
    window_.checkIdle();
    settle(kSettleMs);
    const bool shown = window_.idleWarningShown();
    if (!shown) failure_ = QStringLiteral("the idle warning was not shown");
    const bool ok = shown && visit(QStringLiteral("idle-warning"));
    window_.setIdleClock({});  // the real clock; the prompt goes
    window_.goHome();
    return ok;
}

}  // namespace mk::app
