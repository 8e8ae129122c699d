// The kiosk's payment core (issue 9): what the payment screens call. Lives on the UI thread and
// never blocks it: every call runs the pool client and the store on the service's worker threads
// and returns a QFuture (attach with mk::whenFinished(future, widget, ...)) AND emits the matching
// *Finished signal on the service's (UI) thread, so a screen may use either. Like BookingService
// and CheckinService.
//
// Paying on credit, per bill: a fresh idempotency key is made and written to the ledger (payment
// attempt) BEFORE the first send; online, POST Invoice/{id}/$pay with it (a timeout or a dropped
// reply is retried with the same key, which returns the first result); the outcome is appended to
// the ledger and committed (synchronous=FULL) before PayOutcome says Paid. A transient failure that
// leaves the charge unknown goes to the outbox with the same key (kind payment) and, when the
// offline rules allow, is reported PaidOffline; otherwise Failed (the relay still settles it).
// Offline (the pool unreachable): only credit, only a bill in the encrypted cache from today, only
// with face evidence, within the caps; ledger entry + outbox record in ONE transaction; provisional
// receipt with a local number. When the relay delivers, receiptConfirmed() carries the e-receipt;
// when the pool refuses later (limit, already paid), paymentRefused() tells staff.
#pragma once

#include "core/common/Result.h"
#include "core/payment/PaymentOptions.h"
#include "core/payment/PaymentTypes.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace mk::pool {
class PoolClient;
}
namespace mk::store {
class Store;
}
namespace mk::outbox {
class Outbox;
class Relay;
}  // namespace mk::outbox

namespace mk::payment {

class PaymentCore;

class PaymentService : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;

    // client, store and outbox are required (store and outbox must outlive the service).
    PaymentService(std::shared_ptr<pool::PoolClient> client, store::Store& store,
                   outbox::Outbox& outbox, PaymentOptions options, QObject* parent = nullptr);
    ~PaymentService() override;

    void setClock(Clock clock);  // tests: the source of instants
    QDateTime now() const;       // in the hospital's zone
    const PaymentOptions& options() const;
    PaymentCore& core() { return *core_; }  // tests, tools

    // Unpaid bills of a patient (pool; the encrypted cache, stale, when the pool is away).
    QFuture<Result<PatientBills>> bills(const QString& patient_id);
    // A guardian's own bills and each child's (PoolClient::dependents): the guardian first.
    QFuture<Result<QList<PatientBills>>> familyBills(const QString& guardian_patient_id);
    // The credit line (status None when the patient has no credit care). Needs the pool
    // (ErrorCode::Offline otherwise).
    QFuture<Result<CreditLine>> creditLine(const QString& patient_id);
    // The credit agreement in `language` ("zh-CN" or "en"; zh-CN when the pool lacks it).
    QFuture<Result<Agreement>> agreement(const QString& language);
    // Opening credit care needs the pool (Offline otherwise) and consent == true.
    QFuture<OpenCreditOutcome> openCredit(const OpenCreditRequest& request);

    // Pays each bill of the set on credit in order; see the header comment. A second call for
    // a bill whose payment is still running returns that payment's outcome (a double tap pays
    // once).
    QFuture<PayOutcome> payOnCredit(const PayRequest& request);

    // Pay by phone: needs the pool. The UI shows order.pay_url as a QR code with a countdown to
    // expires and polls every options().phone_poll_ms; Paid carries the e-receipt (recorded in
    // the ledger).
    QFuture<Result<PhoneOrder>> createPhoneOrder(const QString& patient_id, const BillToPay& bill);
    QFuture<Result<PhoneOrderState>> pollPhoneOrder(const PhoneOrder& order);
    QFuture<Status> cancelPhoneOrder(const PhoneOrder& order);

    // Today's receipts of a patient, for "print a copy": the pool's e-receipts plus this kiosk's
    // provisional ones still waiting.
    QFuture<Result<QList<Receipt>>> receiptsToday(const QString& patient_id);

    // Staff (maintenance mode), from this kiosk's ledger and outbox.
    QFuture<Result<QList<MethodTotal>>> paymentsByMethod(const QDate& day);
    QFuture<Result<DailyClose>> dailyClose(const QDate& day);
    QFuture<Result<QList<FailedPayment>>> failedPayments();

    // Relay::commandFinished -> receipts of delivered offline payments / refusals;
    // Relay::connectivityChanged -> online().
    void attachRelay(outbox::Relay* relay);
    bool online() const;

public Q_SLOTS:
    // Known connectivity (BookingService::onlineChanged, the relay). While false no $pay is
    // tried: allowed payments are taken offline at once, the rest NeedsPool.
    void setOnline(bool online);

Q_SIGNALS:
    // One per call above, with the same value as its future (emitted on the service's thread).
    void billsFinished(const QString& patient_id, const mk::Result<mk::payment::PatientBills>& r);
    void familyBillsFinished(const QString& guardian_patient_id,
                             const mk::Result<QList<mk::payment::PatientBills>>& r);
    void creditLineFinished(const QString& patient_id,
                            const mk::Result<mk::payment::CreditLine>& r);
    void agreementFinished(const mk::Result<mk::payment::Agreement>& r);
    void openCreditFinished(const mk::payment::OpenCreditOutcome& outcome);
    void payFinished(const mk::payment::PayOutcome& outcome);
    void phoneOrderCreated(const mk::Result<mk::payment::PhoneOrder>& r);
    void phoneOrderPolled(const QString& order_id,
                          const mk::Result<mk::payment::PhoneOrderState>& r);
    void phoneOrderCancelled(const QString& order_id, const mk::Status& s);
    void receiptsFinished(const QString& patient_id,
                          const mk::Result<QList<mk::payment::Receipt>>& r);
    void paymentsByMethodFinished(const QDate& day,
                                  const mk::Result<QList<mk::payment::MethodTotal>>& r);
    void dailyCloseFinished(const QDate& day, const mk::Result<mk::payment::DailyClose>& r);
    void failedPaymentsFinished(const mk::Result<QList<mk::payment::FailedPayment>>& r);

    // Pushed: an offline payment was delivered; its e-receipt replaces the provisional one.
    void receiptConfirmed(const mk::payment::Receipt& receipt);
    // Pushed: the pool refused a payment taken offline; it waits in the staff list.
    void paymentRefused(const mk::payment::FailedPayment& failed);
    void onlineChanged(bool online);

private:
    template<typename T, typename Fn, typename Emit>
    QFuture<T> run(Fn fn, Emit emit_result);
    void noteOnline();

    std::unique_ptr<PaymentCore> core_;
    outbox::Relay* relay_ = nullptr;
    QThreadPool workers_;
    bool announced_online_ = true;  // last value emitted by onlineChanged (UI thread only)
};

}  // namespace mk::payment
