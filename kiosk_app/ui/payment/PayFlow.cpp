#include "ui/payment/PayFlow.h"

#include "core/booking/BookingSession.h"

namespace mk::ui {

namespace {
constexpr char kPayFlowProperty[] = "mk_pay_flow";

void wipe(QString& s)
{
    s.fill(QLatin1Char(' '));
    s.clear();
}
}  // namespace

PayFlow::PayFlow(QObject* parent) : QObject(parent) {}

void PayFlow::setPayFlow(booking::BookingSession* session, bool on)
{
    if (session != nullptr) session->setProperty(kPayFlowProperty, on);
}

bool PayFlow::isPayFlow(const booking::BookingSession* session)
{
    return session != nullptr && session->property(kPayFlowProperty).toBool();
}

void PayFlow::clear()
{
    bills.reset();
    credit.reset();
    for (payment::Receipt& r : receipts) {
        wipe(r.payer_masked);
        wipe(r.view_url);
    }
    receipts.clear();
    receipts_are_copies = false;
    to_pay.clear();
    to_pay_fen = 0;
    credit_opened = false;
}

}  // namespace mk::ui
