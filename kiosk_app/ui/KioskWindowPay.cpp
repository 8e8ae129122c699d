// Payment in the kiosk window (issue 9): the payment screens (ui/payment), "Pay" on Home,
// "Payments" on the maintenance screen, and the payment flow's route through the screens it
// shares with booking (Identify, ChildChoice, face sign-in lead to the bills, not departments).
#include "KioskWindow.h"
#include "core/booking/BookingSession.h"
#include "payment/CreditOpenScreen.h"
#include "payment/PayBillsScreen.h"
#include "payment/PayFlow.h"
#include "payment/PayIdentifyScreen.h"
#include "payment/PayReceiptScreen.h"
#include "payment/PayScreen.h"
#include "payment/PayServices.h"
#include "payment/StaffPaymentsScreen.h"
#include "screens/HomeScreen.h"
#include "screens/IdentifyScreen.h"
#include "staff/MaintenanceScreen.h"
#include "ui/widgets/WedgeScanner.h"

#include <QStackedWidget>

namespace mk::ui {

void KioskWindow::installPayment(const PayServices& services, const StaffServices* staff)
{
    if (screen(ScreenId::PayIdentify) != nullptr) return;
    pay_flow_ = new PayFlow(this);
    connect(session_.get(), &booking::BookingSession::cleared, pay_flow_, &PayFlow::clear);
    auto* identify = new PayIdentifyScreen(context_, stack_);
    addScreen(identify);
    addScreen(new PayBillsScreen(context_, services, *pay_flow_, stack_));
    addScreen(new PayScreen(context_, services, *pay_flow_, stack_));
    addScreen(new PayReceiptScreen(context_, services, *pay_flow_, stack_));
    addScreen(new CreditOpenScreen(context_, services, *pay_flow_, stack_));
    identify->setFaceAvailable(screen(ScreenId::FaceIdentify) != nullptr);
    // A patient card scanned on the choice screen is read by the Identify screen at once.
    connect(identify, &PayIdentifyScreen::cardScanned, this, [this](const QString& text) {
        showScreen(ScreenId::Identify);
        auto* id_screen = static_cast<IdentifyScreen*>(screen(ScreenId::Identify));
        Q_EMIT id_screen->scanner()->scanned(text);
    });
    static_cast<HomeScreen*>(screen(ScreenId::Home))->setPayAvailable(true);
    if (staff != nullptr && screen(ScreenId::Maintenance) != nullptr) {
        addScreen(new StaffPaymentsScreen(context_, services, *staff, stack_));
        static_cast<MaintenanceScreen*>(screen(ScreenId::Maintenance))->setPaymentsAvailable(true);
    }
    retranslate();
}

ScreenId KioskWindow::payRoute(ScreenId id) const
{
    if (id == ScreenId::Department && pay_flow_ != nullptr && PayFlow::isPayFlow(session_.get()))
        return ScreenId::PayBills;
    return id;
}

}  // namespace mk::ui
