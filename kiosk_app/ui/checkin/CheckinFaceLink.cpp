#include "ui/checkin/CheckinFaceLink.h"

#include "ui/KioskWindow.h"
#include "ui/face/FaceIdentifyScreen.h"
#include "ui/screens/CheckinScreen.h"

namespace mk::ui {

bool linkFaceToCheckin(KioskWindow& window)
{
    auto* identify = qobject_cast<FaceIdentifyScreen*>(window.screen(ScreenId::FaceIdentify));
    auto* screen = qobject_cast<CheckinScreen*>(window.screen(ScreenId::Checkin));
    if (identify == nullptr || screen == nullptr) return false;
    if (screen->faceAvailable()) return true;
    screen->setFaceAvailable(true);
    QObject::connect(identify, &FaceIdentifyScreen::identified, screen,
                     [&window, screen](const QString& patient_id) {
                         if (!screen->faceSignInPending()) return;
                         window.showScreen(ScreenId::Checkin);
                         screen->handleFace(patient_id);
                     });
    return true;
}

}  // namespace mk::ui
