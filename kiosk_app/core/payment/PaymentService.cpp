#include "core/payment/PaymentService.h"

#include "core/common/WhenFinished.h"
#include "core/outbox/Relay.h"
#include "core/payment/PaymentCore.h"
#include "core/pool/PoolClient.h"
#include "payment/PayLog.h"

#include <QtConcurrent/QtConcurrentRun>

namespace mk::payment {

PaymentService::PaymentService(std::shared_ptr<pool::PoolClient> client, store::Store& store,
                               outbox::Outbox& outbox, PaymentOptions options, QObject* parent)
    : QObject(parent),
      core_(std::make_unique<PaymentCore>(std::move(client), store, outbox, std::move(options)))
{
    qRegisterMetaType<PayOutcome>();
    qRegisterMetaType<Receipt>();
    qRegisterMetaType<FailedPayment>();
    workers_.setMaxThreadCount(2);
}

PaymentService::~PaymentService()
{
    workers_.waitForDone();
}

void PaymentService::setClock(Clock clock)
{
    core_->setClockSource(std::move(clock));
}

QDateTime PaymentService::now() const
{
    return core_->now();
}

const PaymentOptions& PaymentService::options() const
{
    return core_->options();
}

bool PaymentService::online() const
{
    return core_->online();
}

void PaymentService::setOnline(bool online)
{
    core_->setOnline(online);
    noteOnline();
}

void PaymentService::noteOnline()
{
    const bool now_online = core_->online();
    if (now_online == announced_online_) return;
    announced_online_ = now_online;
    Q_EMIT onlineChanged(now_online);
}

template<typename T, typename Fn, typename Emit>
QFuture<T> PaymentService::run(Fn fn, Emit emit_result)
{
    // The returned future finishes after the signal, on the service's thread; canceled when the
    // service is destroyed before the worker's answer came back (core/common/WhenFinished.h).
    return thenWhileAlive(QtConcurrent::run(&workers_, std::move(fn)), this,
                          [this, emit_result = std::move(emit_result)](T value) {
                              noteOnline();
                              emit_result(value);
                              return value;
                          });
}

QFuture<Result<PatientBills>> PaymentService::bills(const QString& patient_id)
{
    return run<Result<PatientBills>>(
        [this, patient_id] { return core_->bills(patient_id); },
        [this, patient_id](const Result<PatientBills>& r) { Q_EMIT billsFinished(patient_id, r); });
}

QFuture<Result<QList<PatientBills>>> PaymentService::familyBills(const QString& guardian_patient_id)
{
    return run<Result<QList<PatientBills>>>(
        [this, guardian_patient_id] { return core_->familyBills(guardian_patient_id); },
        [this, guardian_patient_id](const Result<QList<PatientBills>>& r) {
            Q_EMIT familyBillsFinished(guardian_patient_id, r);
        });
}

QFuture<Result<CreditLine>> PaymentService::creditLine(const QString& patient_id)
{
    return run<Result<CreditLine>>([this, patient_id] { return core_->creditLine(patient_id); },
                                   [this, patient_id](const Result<CreditLine>& r) {
                                       Q_EMIT creditLineFinished(patient_id, r);
                                   });
}

QFuture<Result<Agreement>> PaymentService::agreement(const QString& language)
{
    return run<Result<Agreement>>(
        [this, language] { return core_->agreement(language); },
        [this](const Result<Agreement>& r) { Q_EMIT agreementFinished(r); });
}

QFuture<OpenCreditOutcome> PaymentService::openCredit(const OpenCreditRequest& request)
{
    return run<OpenCreditOutcome>(
        [this, request] { return core_->openCredit(request); },
        [this](const OpenCreditOutcome& o) { Q_EMIT openCreditFinished(o); });
}

QFuture<PayOutcome> PaymentService::payOnCredit(const PayRequest& request)
{
    return run<PayOutcome>([this, request] { return core_->payOnCredit(request); },
                           [this](const PayOutcome& o) { Q_EMIT payFinished(o); });
}

QFuture<Result<PhoneOrder>> PaymentService::createPhoneOrder(const QString& patient_id,
                                                             const BillToPay& bill)
{
    return run<Result<PhoneOrder>>(
        [this, patient_id, bill] { return core_->createPhoneOrder(patient_id, bill); },
        [this](const Result<PhoneOrder>& r) { Q_EMIT phoneOrderCreated(r); });
}

QFuture<Result<PhoneOrderState>> PaymentService::pollPhoneOrder(const PhoneOrder& order)
{
    return run<Result<PhoneOrderState>>([this, order] { return core_->pollPhoneOrder(order); },
                                        [this, order](const Result<PhoneOrderState>& r) {
                                            Q_EMIT phoneOrderPolled(order.order_id, r);
                                        });
}

QFuture<Status> PaymentService::cancelPhoneOrder(const PhoneOrder& order)
{
    return run<Status>(
        [this, order] { return core_->cancelPhoneOrder(order); },
        [this, order](const Status& s) { Q_EMIT phoneOrderCancelled(order.order_id, s); });
}

QFuture<Result<QList<Receipt>>> PaymentService::receiptsToday(const QString& patient_id)
{
    return run<Result<QList<Receipt>>>(
        [this, patient_id] { return core_->receiptsToday(patient_id); },
        [this, patient_id](const Result<QList<Receipt>>& r) {
            Q_EMIT receiptsFinished(patient_id, r);
        });
}

QFuture<Result<QList<MethodTotal>>> PaymentService::paymentsByMethod(const QDate& day)
{
    return run<Result<QList<MethodTotal>>>([this, day] { return core_->paymentsByMethod(day); },
                                           [this, day](const Result<QList<MethodTotal>>& r) {
                                               Q_EMIT paymentsByMethodFinished(day, r);
                                           });
}

QFuture<Result<DailyClose>> PaymentService::dailyClose(const QDate& day)
{
    return run<Result<DailyClose>>(
        [this, day] { return core_->dailyClose(day); },
        [this, day](const Result<DailyClose>& r) { Q_EMIT dailyCloseFinished(day, r); });
}

QFuture<Result<QList<FailedPayment>>> PaymentService::failedPayments()
{
    return run<Result<QList<FailedPayment>>>(
        [this] { return core_->failedPayments(); },
        [this](const Result<QList<FailedPayment>>& r) { Q_EMIT failedPaymentsFinished(r); });
}

void PaymentService::attachRelay(outbox::Relay* relay)
{
    relay_ = relay;
    auto settle = [this] {
        run<Result<PaymentCore::Settled>>(
            [this] {
                if (core_->online()) {
                    if (auto r = core_->resumeSending(); !r)
                        qCWarning(lcPay) << "resume:" << r.error().detail;
                }
                return core_->settleFromOutbox();
            },
            [this](const Result<PaymentCore::Settled>& r) {
                if (!r) {
                    qCWarning(lcPay) << "settle:" << r.error().detail;
                    return;
                }
                for (const Receipt& receipt : r.value().confirmed) Q_EMIT receiptConfirmed(receipt);
                for (const FailedPayment& f : r.value().refused) Q_EMIT paymentRefused(f);
            });
    };
    if (relay) {
        connect(relay, &outbox::Relay::commandFinished, this, settle);
        connect(relay, &outbox::Relay::connectivityChanged, this, &PaymentService::setOnline);
    }
    settle();  // what finished while the kiosk was not running
}

}  // namespace mk::payment
