// The payment screens in the screen catalog (issue 9), against the demo simulator's seeded bills
// and credit lines (tools/poolsim, docs/pool-protocol.md "Payments"):
//  - the identify choices, Identify and the child choice in the payment flow (P00001001, the
//    guardian of pat-1002 and pat-1003, whose credit line pays the children's bills);
//  - pat-1003's bills, the payment choices and the phone-digits check (not paid);
//  - pat-1002's bills paid on credit once (first pass: the e-receipt; later passes: "nothing
//    unpaid" and the same receipt);
//  - pat-1001's own bills: over the limit without face (the refusal page);
//  - pat-1004 (credit near its limit, owing 430.00): the repay QR, over the available amount,
//    the phone-payment QR with its countdown (cancelled);
//  - pat-1006 (no credit care; the credit service refuses): agreement, consent, check, refusal;
//  - the staff payments screen.
#include "ScreenCatalog.h"
#include "core/booking/BookingSession.h"
#include "ui/KioskWindow.h"
#include "ui/payment/PayFlow.h"

#include <QLabel>
#include <QPushButton>

namespace mk::app {

namespace {
constexpr int kPayWaitMs = 60000;
const QString kGuardianNumber = QStringLiteral("P00001001");
const QString kGuardianBirth = QStringLiteral("19850312");
const QString kGuardianDigits = QStringLiteral("8000");  // 13800138000
}  // namespace

bool ScreenCatalog::waitPay(const std::function<bool()>& condition, const QString& what)
{
    settle(150);
    if (waitUntil(condition, kPayWaitMs)) {
        settle(150);
        return true;
    }
    failure_ = QStringLiteral("payment screens: %1").arg(what);
    return false;
}

bool ScreenCatalog::identifyForPay(const QString& number, const QString& birth_digits)
{
    using ui::ScreenId;
    window_.goHome();
    window_.showScreen(ScreenId::PayIdentify);
    if (!waitScreen(int(ScreenId::PayIdentify)) || !click(QStringLiteral("payByNumber")) ||
        !waitScreen(int(ScreenId::Identify)))
        return false;
    if (!typeOnKeypad(number) || !click(QStringLiteral("dobField")) ||
        !typeOnKeypad(birth_digits) || !click(QStringLiteral("idField")) ||
        !click(QStringLiteral("continueButton")))
        return false;
    return waitPay(
        [this] {
            const ui::Screen* s = window_.currentScreen();
            return s != nullptr && !s->loading() &&
                   (s->id() == ScreenId::ChildChoice || s->id() == ScreenId::PayBills);
        },
        QStringLiteral("identification of %1 did not lead to the bills").arg(number));
}

bool ScreenCatalog::walkPay()
{
    using ui::ScreenId;
    if (window_.screen(ScreenId::PayIdentify) == nullptr || window_.payFlow() == nullptr)
        return true;  // payment not installed
    const auto onScreen = [this](ScreenId id) {
        return [this, id] {
            const ui::Screen* s = window_.currentScreen();
            return s != nullptr && s->id() == id && !s->loading();
        };
    };

    // The choices, Identify and the child choice in the payment flow.
    window_.goHome();
    window_.showScreen(ScreenId::PayIdentify);
    if (!waitScreen(int(ScreenId::PayIdentify)) || !visit(QStringLiteral("pay-identify")))
        return false;
    if (!click(QStringLiteral("payByNumber")) || !waitScreen(int(ScreenId::Identify)) ||
        !visit(QStringLiteral("pay-identify-keypad")))
        return false;

    // pat-1003: bills, choices, the phone-digits check; not paid.
    if (!identifyForPay(kGuardianNumber, kGuardianBirth)) return false;
    if (!visit(QStringLiteral("pay-childchoice"))) return false;
    if (!click(QStringLiteral("personTile_2")) ||
        !waitPay(onScreen(ScreenId::PayBills), QStringLiteral("bills of pat-1003")) ||
        !visit(QStringLiteral("pay-bills")))
        return false;
    if (!click(QStringLiteral("payButton")) ||
        !waitPay(onScreen(ScreenId::Pay), QStringLiteral("pay choices")) ||
        !visit(QStringLiteral("pay-choose")))
        return false;
    if (!click(QStringLiteral("payCreditButton")) || !visit(QStringLiteral("pay-verify-digits")))
        return false;

    // pat-1002: paid on credit once; later passes show "nothing unpaid" and that receipt.
    if (!identifyForPay(kGuardianNumber, kGuardianBirth) ||
        !click(QStringLiteral("personTile_1")) ||
        !waitPay(onScreen(ScreenId::PayBills), QStringLiteral("bills of pat-1002")))
        return false;
    if (receipts_.isEmpty()) {
        if (!click(QStringLiteral("payButton")) ||
            !waitPay(onScreen(ScreenId::Pay), QStringLiteral("pay choices of pat-1002")) ||
            !click(QStringLiteral("payCreditButton")) || !typeOnKeypad(kGuardianDigits))
            return false;
        if (!waitPay(onScreen(ScreenId::PayReceipt), QStringLiteral("the receipt of pat-1002"))) {
            const auto* problem = window_.findChild<QLabel*>(QStringLiteral("payProblem"));
            if (problem != nullptr) failure_ += QStringLiteral(": ") + problem->text();
            return false;
        }
        receipts_ = window_.payFlow()->receipts;
        // Paid: the first pass comes back to show "nothing unpaid" as the later passes do.
        if (!identifyForPay(kGuardianNumber, kGuardianBirth) ||
            !click(QStringLiteral("personTile_1")) ||
            !waitPay(onScreen(ScreenId::PayBills), QStringLiteral("bills of pat-1002, paid")))
            return false;
    }
    if (!visit(QStringLiteral("pay-bills-none"))) return false;
    window_.payFlow()->receipts = receipts_;
    window_.payFlow()->receipts_are_copies = false;
    window_.showScreen(ScreenId::PayReceipt);
    if (!waitPay(onScreen(ScreenId::PayReceipt), QStringLiteral("the receipt"))) return false;
    if (!visit(QStringLiteral("pay-receipt"))) return false;

    // pat-1001's own bills: more than credit may pay without face.
    if (!identifyForPay(kGuardianNumber, kGuardianBirth) ||
        !click(QStringLiteral("personTile_0")) ||
        !waitPay(onScreen(ScreenId::PayBills), QStringLiteral("bills of pat-1001")) ||
        !click(QStringLiteral("payButton")) ||
        !waitPay(onScreen(ScreenId::Pay), QStringLiteral("pay choices of pat-1001")) ||
        !click(QStringLiteral("payCreditButton")) || !visit(QStringLiteral("pay-problem")))
        return false;

    // pat-1004: owing on credit, over the available amount, the phone QR.
    if (!identifyForPay(QStringLiteral("P00001004"), QStringLiteral("19900720")) ||
        !visit(QStringLiteral("pay-bills-owing")))
        return false;
    if (!click(QStringLiteral("payButton")) ||
        !waitPay(onScreen(ScreenId::Pay), QStringLiteral("pay choices of pat-1004")) ||
        !visit(QStringLiteral("pay-over-limit")))
        return false;
    if (!click(QStringLiteral("payPhoneButton")) ||
        !waitPay(onScreen(ScreenId::Pay), QStringLiteral("the phone order")) ||
        !visit(QStringLiteral("pay-phone")) || !click(QStringLiteral("payPhoneCancel")))
        return false;

    // pat-1006: open credit care, refused by the credit service.
    if (!identifyForPay(QStringLiteral("P00001006"), QStringLiteral("19800125")) ||
        !visit(QStringLiteral("pay-bills-nocredit")) ||
        !click(QStringLiteral("openCreditButton")) ||
        !waitPay(onScreen(ScreenId::CreditOpen), QStringLiteral("the credit agreement")) ||
        !visit(QStringLiteral("credit-agreement")) || !click(QStringLiteral("creditRead")) ||
        !visit(QStringLiteral("credit-consent")) || !click(QStringLiteral("creditAgree")) ||
        !visit(QStringLiteral("credit-verify")) || !typeOnKeypad(QStringLiteral("7000")) ||
        !waitPay(onScreen(ScreenId::CreditOpen), QStringLiteral("the credit service's answer")) ||
        !visit(QStringLiteral("credit-result")))
        return false;

    // Staff: today's payments, the daily close, failed payments.
    if (window_.screen(ScreenId::StaffPayments) != nullptr) {
        window_.goHome();
        window_.showScreen(ScreenId::StaffPayments);
        if (!waitScreen(int(ScreenId::StaffPayments)) || !visit(QStringLiteral("staff-payments")))
            return false;
    }
    window_.goHome();
    return true;
}

}  // namespace mk::app
