// Face sign-in in the kiosk window (issue 5): the face screens, their entries on Home and Result,
// and what happens once a face was identified.
#include "KioskWindow.h"
#include "core/booking/BookingService.h"
#include "core/booking/BookingSession.h"
#include "core/common/Log.h"
#include "core/common/UserMessages.h"
#include "core/common/WhenFinished.h"
#include "face/FaceConsentScreen.h"
#include "face/FaceEnrollScreen.h"
#include "face/FaceIdentifyScreen.h"
#include "payment/PayIdentifyScreen.h"
#include "screens/HomeScreen.h"
#include "screens/IdentifyScreen.h"
#include "screens/ResultScreen.h"

#include <QStackedWidget>

namespace mk::ui {

void KioskWindow::installFace(const FaceServices& services)
{
    if (screen(ScreenId::FaceConsent) != nullptr) return;
    auto* consent = new FaceConsentScreen(context_, services, stack_);
    auto* enroll = new FaceEnrollScreen(context_, services, stack_);
    auto* identify = new FaceIdentifyScreen(context_, services, stack_);
    addScreen(consent);
    addScreen(enroll);
    addScreen(identify);
    connect(consent, &FaceConsentScreen::agreed, enroll, &FaceEnrollScreen::setConsent);
    connect(identify, &FaceIdentifyScreen::identified, this, &KioskWindow::onFaceIdentified);
    static_cast<HomeScreen*>(screen(ScreenId::Home))->setFaceAvailable(true);
    if (Screen* pay = screen(ScreenId::PayIdentify))
        static_cast<PayIdentifyScreen*>(pay)->setFaceAvailable(true);
    static_cast<ResultScreen*>(screen(ScreenId::Result))->setFaceEnrollmentAvailable(true);
    retranslate();
}

void KioskWindow::onFaceIdentified(const QString& patient_id)
{
    if (context_.service == nullptr) return;
    const quint64 generation = ++face_generation_;
    session_->identified.reset();
    session_->children.clear();
    session_->patient.reset();
    // The same sign-in as after IdentifyScreen: the person and their children from the pool.
    whenFinished(
        context_.service->signInById(patient_id), this,
        [this, generation](Result<booking::SignIn> result) {
            if (generation != face_generation_ || current_ != ScreenId::FaceIdentify) return;
            if (!result.ok()) {
                const Error& error = result.error();
                qCInfo(lcUi) << "face sign-in: the patient record could not be read, code"
                             << int(error.code);
                showScreen(ScreenId::Identify);
                static_cast<IdentifyScreen*>(screen(ScreenId::Identify))->showNotice([error] {
                    if (error.code == ErrorCode::NotFound) {
                        return tr(
                            "Your face was recognised, but the hospital system does not "
                            "have your patient record. Please sign in here with your "
                            "patient card or number, or ask the staff at the service "
                            "desk.");
                    }
                    return tr("Your face was recognised, but your patient record could not be "
                              "opened now. %1 You can sign in here with your patient card or "
                              "number instead.")
                        .arg(userMessage(error));
                });
                return;
            }
            showScreen(booking::applySignIn(result.value(), *session_) ? ScreenId::ChildChoice
                                                                       : ScreenId::Department);
        });
}

}  // namespace mk::ui
