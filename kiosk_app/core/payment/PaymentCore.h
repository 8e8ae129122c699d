// The synchronous payment logic behind PaymentService (issue 9): blocking, so call it only from a
// worker thread (PaymentService does; tests and the kill -9 driver call it directly). Thread-safe:
// payments of one invoice are serialised (a double tap waits for the first and gets its outcome).
//
// Per bill (payOnCredit): an existing payment of the bill (sending, paid, offline) is answered
// from the store, never paid again. Else a new idempotency key and the exact $pay body are written
// with a ledger "attempt" (one durable transaction) BEFORE the first send; then:
//  - 200: ledger "paid" + e-receipt committed, then Paid;
//  - a refusal: ledger "refused:<rule>", status from the rule (AmountChanged re-reads the bill);
//  - no answer (network, timeout, 5xx after the client's retries with the same key): when the
//    offline rules allow, ledger "queued-offline" + outbox record (same key, same body) in one
//    transaction -> PaidOffline; else ledger "unknown" -> Failed (staff: pay reconcile).
// Known offline (setOnline(false)): only face-verified credit of a bill cached today, within the
// caps: "queued-offline" + outbox (body with offline=true, takenAt) in one transaction.
#pragma once

#include "core/common/HospitalClock.h"
#include "core/common/Result.h"
#include "core/payment/PaymentOptions.h"
#include "core/payment/PaymentStore.h"
#include "core/payment/PaymentTypes.h"
#include "payment/Bill.h"
#include "payment/CreditLine.h"
#include "payment/EReceipt.h"
#include "payment/PaymentIntent.h"

#include <QHash>
#include <QMutex>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>

namespace mk::pool {
class PoolClient;
}

namespace mk::payment {

class PaymentCore
{
public:
    PaymentCore(std::shared_ptr<pool::PoolClient> client, store::Store& store,
                outbox::Outbox& outbox, PaymentOptions options);
    ~PaymentCore();

    void setClockSource(HospitalClock::Source source);
    QDateTime now() const { return clock_.now(); }
    QDate today() const { return clock_.today(); }
    const PaymentOptions& options() const { return options_; }
    void setOnline(bool online) { online_.store(online); }
    bool online() const { return online_.load(); }
    PaymentStore& records() { return records_; }
    pool::PoolClient& client() { return *client_; }

    Result<PatientBills> bills(const QString& patient_id);
    Result<QList<PatientBills>> familyBills(const QString& guardian_patient_id);
    Result<CreditLine> creditLine(const QString& patient_id);
    Result<Agreement> agreement(const QString& language);
    OpenCreditOutcome openCredit(const OpenCreditRequest& request);

    PayOutcome payOnCredit(const PayRequest& request);
    BillPayment payBill(const QString& patient_id, const BillToPay& bill, const Evidence& evidence,
                        qint64* pool_us = nullptr);

    Result<PhoneOrder> createPhoneOrder(const QString& patient_id, const BillToPay& bill);
    Result<PhoneOrderState> pollPhoneOrder(const PhoneOrder& order);
    Status cancelPhoneOrder(const PhoneOrder& order);

    Result<QList<Receipt>> receiptsToday(const QString& patient_id);
    Result<QList<MethodTotal>> paymentsByMethod(const QDate& day);
    Result<DailyClose> dailyClose(const QDate& day);
    Result<QList<FailedPayment>> failedPayments();

    // Differences between this kiosk's payments of `day` and the pool's PaymentReconciliation
    // list for this kiosk (options().deviceId()), by idempotency key:
    //   pool-only      the pool charged a payment the kiosk has no record of
    //   kiosk-only     the kiosk holds a paid payment the pool does not list
    //   amount         both have it, with different amounts
    //   state          the pool charged it, the kiosk still says offline/unknown/refused/dead
    struct ReconcileLine {
        QString kind;
        QString key;
        QString invoice_id;
        qint64 kiosk_fen = 0;
        qint64 pool_fen = 0;
        QString kiosk_state;
        QString payment_id;
    };
    struct Reconciliation {
        int kiosk_count = 0;
        int pool_count = 0;
        QList<ReconcileLine> differences;
    };
    Result<Reconciliation> reconcile(const QDate& day);

    // After a crash: payments left in state sending are sent again with their key and body (the
    // pool answers a repeat with the first result); returns how many were settled.
    Result<int> resumeSending();
    // Offline payments whose outbox record the relay finished: delivered -> ledger "delivered",
    // the e-receipt; refused -> ledger "dead-letter:<rule>", the staff list.
    struct Settled {
        QList<Receipt> confirmed;
        QList<FailedPayment> refused;
    };
    Result<Settled> settleFromOutbox();

    // The pool said nothing (Network, Timeout): the known connectivity turns offline.
    static bool isUnreachable(const Error& e);

private:
    std::shared_ptr<std::mutex> invoiceLock(const QString& invoice_id);
    BillPayment fromExisting(const PaymentRow& row, qint64* pool_us);
    BillPayment sendOnline(const PaymentRow& row, const pay::PaymentIntent& intent,
                           bool may_go_offline, qint64* pool_us);
    BillPayment takeOffline(const QString& patient_id, const BillToPay& bill,
                            const Evidence& evidence);
    // Empty when allowed; else why not (and the cap, when a cap refused).
    QString offlineRefusal(const QString& patient_id, const BillToPay& bill,
                           const Evidence& evidence, QString* cap, pay::Bill* cached);
    std::optional<pay::Bill> cachedBillToday(const QString& patient_id, const QString& invoice_id);
    Receipt receiptOf(const PaymentRow& row) const;

    std::shared_ptr<pool::PoolClient> client_;
    store::Store& store_;
    outbox::Outbox& outbox_;
    PaymentOptions options_;
    HospitalClock clock_;
    PaymentStore records_;
    std::atomic<bool> online_{true};
    QMutex locks_mutex_;
    QHash<QString, std::shared_ptr<std::mutex>> locks_;
};

// mk::pay types -> the kiosk's view.
Bill toBill(const pay::Bill& bill, const HospitalClock& clock);
Receipt toReceipt(const pay::EReceipt& receipt, const HospitalClock& clock);
CreditLine toCreditLine(const std::optional<pay::CreditLine>& line);

}  // namespace mk::payment
