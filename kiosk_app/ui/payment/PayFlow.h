// One patient's visit to the payment screens (issue 9), on the UI thread: whose bills (the
// identified person, or the child a guardian chose: BookingSession::patient), the bills and the
// credit line as last shown, the outcome of the last payment and the receipts to show. The
// screens share it; clear() forgets everything (idle timeout, Home).
//
// The window marks the BookingSession as being in the payment flow (a dynamic property, like
// bookingui::kAnyDoctorProperty), so that Identify, ChildChoice and face sign-in, shared with
// booking, lead to the bills instead of the departments.
#pragma once

#include "core/payment/PaymentTypes.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace mk::booking {
class BookingSession;
}

namespace mk::ui {

class PayFlow : public QObject
{
    Q_OBJECT
public:
    explicit PayFlow(QObject* parent = nullptr);

    // The session's pay-flow mark (kept on the session so the shared screens can read it).
    static void setPayFlow(booking::BookingSession* session, bool on);
    static bool isPayFlow(const booking::BookingSession* session);

    std::optional<payment::PatientBills> bills;  // as last read (empty before)
    std::optional<payment::CreditLine> credit;
    QList<payment::Receipt> receipts;  // what the receipt screen shows
    bool receipts_are_copies = false;  // "print a copy of today's receipts": not spoken
    // The bills the patient is paying now and the total the screen showed.
    QList<payment::BillToPay> to_pay;
    qint64 to_pay_fen = 0;
    // Open credit care: come back to the bills afterwards.
    bool credit_opened = false;

    void clear();
};

}  // namespace mk::ui
