// PaymentCore: phone orders, receipts, staff figures and settling (after a crash, after the
// relay).
#include "core/common/Masking.h"
#include "core/payment/PaymentCommand.h"
#include "core/payment/PaymentCore.h"
#include "core/pool/PoolClient.h"
#include "payment/ExactJson.h"
#include "payment/FhirWriters.h"
#include "payment/PayLog.h"

#include <QHash>
#include <QMap>
#include <QSet>

namespace mk::payment {

namespace {

PhoneOrderState::Status toStatus(pay::PhoneOrderStatus s)
{
    switch (s) {
        case pay::PhoneOrderStatus::Pending:
            return PhoneOrderState::Status::Pending;
        case pay::PhoneOrderStatus::Paid:
            return PhoneOrderState::Status::Paid;
        case pay::PhoneOrderStatus::Expired:
            return PhoneOrderState::Status::Expired;
        case pay::PhoneOrderStatus::Cancelled:
            return PhoneOrderState::Status::Cancelled;
        default:
            return PhoneOrderState::Status::Unset;
    }
}

bool counts(const PaymentRow& r)  // a payment that stands (confirmed or provisional)
{
    return r.state == state::kPaid || r.state == state::kOffline;
}

}  // namespace

Result<PhoneOrder> PaymentCore::createPhoneOrder(const QString& patient_id, const BillToPay& bill)
{
    if (!online())
        return makeError(ErrorCode::Offline, QStringLiteral("phone payment needs the pool"));
    auto amount = pay::Money::fromFen(bill.shown_net_fen);
    if (!amount) return makeError(ErrorCode::BadRequest, QStringLiteral("bad amount"));
    Result<pay::PhoneOrder> order =
        client_->phoneOrder(bill.bill_id, amount.value(), pay::newIdempotencyKey());
    if (!order.ok()) {
        if (isUnreachable(order.error())) setOnline(false);
        return order.error();
    }
    Q_UNUSED(patient_id)
    PhoneOrder out;
    out.order_id = order.value().orderId;
    out.bill_id = bill.bill_id;
    out.pay_url = order.value().payUrl;
    out.expires = clock_.inZone(order.value().expires);
    out.amount_fen = bill.shown_net_fen;
    return out;
}

Result<PhoneOrderState> PaymentCore::pollPhoneOrder(const PhoneOrder& order)
{
    auto amount = pay::Money::fromFen(order.amount_fen);
    if (!amount) return makeError(ErrorCode::BadRequest, QStringLiteral("bad amount"));
    Result<pay::PhoneOrderState> state =
        client_->phoneOrderStatus(order.bill_id, order.order_id, amount.value());
    if (!state.ok()) {
        if (isUnreachable(state.error())) setOnline(false);
        return state.error();
    }
    PhoneOrderState out;
    out.status = toStatus(state.value().status);
    if (out.status == PhoneOrderState::Status::Paid && state.value().paid) {
        const pay::PayReply& paid = *state.value().paid;
        PaymentRow row;
        row.key = paid.payment.idempotencyKey.isEmpty()
                      ? QStringLiteral("phone-order:") + order.order_id
                      : paid.payment.idempotencyKey;
        row.invoice_id = order.bill_id;
        row.patient_id = paid.receipt.patientId;
        row.amount_fen = paid.payment.amount.toFen();
        row.method = pay::payMethodCode(pay::PayMethod::Phone);
        row.payment_id = paid.payment.id;
        row.receipt = pay::writeExactJson(pay::eReceiptJson(paid.receipt));
        row.day = today().toString(Qt::ISODate);
        if (Status s = records_.recordPaid(row, now().toMSecsSinceEpoch()); !s) return s.error();
        out.receipt = toReceipt(paid.receipt, clock_);
        out.receipt.bill_id = order.bill_id;
        out.receipt.payment_id = paid.payment.id;
        out.receipt.method = row.method;
    }
    return out;
}

Status PaymentCore::cancelPhoneOrder(const PhoneOrder& order)
{
    return client_->cancelPhoneOrder(order.bill_id, order.order_id);
}

Result<QList<Receipt>> PaymentCore::receiptsToday(const QString& patient_id)
{
    QList<Receipt> out;
    auto rows = records_.list(today().toString(Qt::ISODate));
    if (!rows.ok()) return rows.error();
    for (const PaymentRow& r : rows.value()) {
        if (r.patient_id != patient_id || !counts(r)) continue;
        if (r.state == state::kOffline || !online()) out.append(receiptOf(r));
    }
    if (!online()) return out;
    Result<QList<pay::EReceipt>> pool = client_->receiptsSince(patient_id, today());
    if (!pool.ok()) {
        if (!isUnreachable(pool.error())) return pool.error();
        setOnline(false);
        out.clear();
        for (const PaymentRow& r : rows.value()) {
            if (r.patient_id == patient_id && counts(r)) out.append(receiptOf(r));
        }
        return out;
    }
    for (const pay::EReceipt& e : pool.value()) {
        Receipt r = toReceipt(e, clock_);
        out.append(r);
    }
    return out;
}

Result<QList<MethodTotal>> PaymentCore::paymentsByMethod(const QDate& day)
{
    auto rows = records_.list(day.toString(Qt::ISODate));
    if (!rows.ok()) return rows.error();
    QMap<QString, MethodTotal> by;
    for (const PaymentRow& r : rows.value()) {
        if (!counts(r)) continue;
        MethodTotal& t = by[r.method];
        t.method = r.method;
        ++t.count;
        t.amount_fen += r.amount_fen;
    }
    return by.values();
}

Result<DailyClose> PaymentCore::dailyClose(const QDate& day)
{
    auto rows = records_.list(day.toString(Qt::ISODate));
    if (!rows.ok()) return rows.error();
    auto methods = paymentsByMethod(day);
    if (!methods.ok()) return methods.error();
    DailyClose d;
    d.day = day;
    d.by_method = methods.value();
    for (const PaymentRow& r : rows.value()) {
        if (counts(r)) {
            ++d.count;
            d.total_fen += r.amount_fen;
        }
        if (r.state == state::kOffline) {
            ++d.provisional_count;
            d.provisional_fen += r.amount_fen;
        }
        if (r.state == state::kDead || r.state == state::kUnknown) {
            ++d.refused_count;
            d.refused_fen += r.amount_fen;
        }
    }
    return d;
}

Result<QList<FailedPayment>> PaymentCore::failedPayments()
{
    QList<FailedPayment> out;
    for (const QString& s : {state::kDead, state::kUnknown}) {
        auto rows = records_.byState(s);
        if (!rows.ok()) return rows.error();
        for (const PaymentRow& r : rows.value()) {
            FailedPayment f;
            f.bill_id = r.invoice_id;
            f.patient_id = r.patient_id;
            f.amount_fen = r.amount_fen;
            f.taken_at = clock_.inZone(QDateTime::fromMSecsSinceEpoch(r.taken_at_ms, Qt::UTC));
            f.rule = s == state::kUnknown ? QStringLiteral("unknown") : r.rule;
            f.local_number = r.local_number;
            auto ob = records_.outboxStateOf(r.key);
            if (ob.ok() && ob.value()) {
                f.outbox_id = ob.value()->id;
                f.error = ob.value()->last_error;
            }
            out.append(f);
        }
    }
    return out;
}

Result<PaymentCore::Reconciliation> PaymentCore::reconcile(const QDate& day)
{
    auto rows = records_.list(day.toString(Qt::ISODate));
    if (!rows.ok()) return rows.error();
    Result<QList<pay::PaymentOutcome>> pool = client_->reconciliations(options_.deviceId(), day);
    if (!pool.ok()) return pool.error();
    Reconciliation out;
    out.pool_count = int(pool.value().size());
    QHash<QString, const pay::PaymentOutcome*> by_key;
    for (const pay::PaymentOutcome& p : pool.value()) by_key.insert(p.idempotencyKey, &p);
    QSet<QString> kiosk_keys;
    for (const PaymentRow& r : rows.value()) {
        kiosk_keys.insert(r.key);
        if (counts(r)) ++out.kiosk_count;
        const pay::PaymentOutcome* p = by_key.value(r.key, nullptr);
        ReconcileLine line;
        line.key = r.key;
        line.invoice_id = r.invoice_id;
        line.kiosk_fen = r.amount_fen;
        line.kiosk_state = r.state;
        if (p) {
            line.pool_fen = p->amount.toFen();
            line.payment_id = p->id;
        }
        if (r.state == state::kPaid) {
            if (!p)
                line.kind = QStringLiteral("kiosk-only");
            else if (p->amount.toFen() != r.amount_fen)
                line.kind = QStringLiteral("amount");
        } else if (p) {
            line.kind = QStringLiteral("state");  // charged, but the kiosk does not say paid
        }
        if (!line.kind.isEmpty()) out.differences.append(line);
    }
    for (const pay::PaymentOutcome& p : pool.value()) {
        if (kiosk_keys.contains(p.idempotencyKey)) continue;
        ReconcileLine line;
        line.kind = QStringLiteral("pool-only");
        line.key = p.idempotencyKey;
        line.invoice_id = p.invoiceId;
        line.pool_fen = p.amount.toFen();
        line.payment_id = p.id;
        out.differences.append(line);
    }
    return out;
}

Result<int> PaymentCore::resumeSending()
{
    auto rows = records_.byState(state::kSending);
    if (!rows.ok()) return rows.error();
    int settled = 0;
    for (const PaymentRow& r : rows.value()) {
        const auto lock_ptr = invoiceLock(r.invoice_id);
        std::lock_guard lock(*lock_ptr);
        const BillPayment p = fromExisting(r, nullptr);
        if (p.status != PayStatus::Failed) ++settled;
    }
    return settled;
}

Result<PaymentCore::Settled> PaymentCore::settleFromOutbox()
{
    Settled out;
    QList<PaymentRow> candidates;
    for (const QString& s : {state::kOffline, state::kDead}) {
        auto rows = records_.byState(s);
        if (!rows.ok()) return rows.error();
        candidates.append(rows.value());
    }
    const qint64 t = now().toMSecsSinceEpoch();
    for (const PaymentRow& r : candidates) {
        auto ob = records_.outboxStateOf(r.key);
        if (!ob.ok()) return ob.error();
        if (!ob.value()) continue;
        const PaymentStore::OutboxState& o = *ob.value();
        if (o.state == QLatin1String("sent")) {
            Result<DeliveredPayment> d = parsePaymentResult(o.result);
            if (!d.ok()) {
                qCWarning(lcPay) << "delivered payment unreadable:" << d.error().detail;
                continue;
            }
            // Only from the state read above: two settles at once (the relay finishes several
            // commands together) confirm each payment once.
            auto settled = records_.finishFrom(r.state, r.invoice_id, r.key, state::kPaid,
                                               QString(), d.value().payment_id, d.value().receipt,
                                               QStringLiteral("delivered"), t);
            if (!settled) return settled.error();
            if (!settled.value()) continue;
            PaymentRow done = r;
            done.state = state::kPaid;
            done.payment_id = d.value().payment_id;
            done.receipt = d.value().receipt;
            out.confirmed.append(receiptOf(done));
        } else if (r.state == state::kOffline &&
                   (o.state == QLatin1String("dead") || o.state == QLatin1String("discarded"))) {
            QString rule = ruleFromError(o.last_error);
            if (o.state == QLatin1String("discarded")) rule = QStringLiteral("discarded");
            auto settled = records_.finishFrom(
                r.state, r.invoice_id, r.key, state::kDead, rule, QString(), QByteArray(),
                QStringLiteral("dead-letter:") + (rule.isEmpty() ? QStringLiteral("other") : rule),
                t);
            if (!settled) return settled.error();
            if (!settled.value()) continue;
            FailedPayment f;
            f.outbox_id = o.id;
            f.bill_id = r.invoice_id;
            f.patient_id = r.patient_id;
            f.amount_fen = r.amount_fen;
            f.taken_at = clock_.inZone(QDateTime::fromMSecsSinceEpoch(r.taken_at_ms, Qt::UTC));
            f.rule = rule;
            f.error = o.last_error;
            f.local_number = r.local_number;
            out.refused.append(f);
        }
    }
    return out;
}

}  // namespace mk::payment
