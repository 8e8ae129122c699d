// The outbox command of a payment (kind "payment", issue 9): what the relay replays, the answer it
// keeps, and how a refusal's rule travels to the staff list. Shared by PaymentCore (enqueues,
// settles) and PoolCommandSender (sends).
#pragma once

#include "core/common/Result.h"
#include "core/outbox/OutboxRecord.h"
#include "payment/PaymentOutcome.h"

#include <QByteArray>
#include <QString>

namespace mk::payment {

struct PaymentPayload {
    QString invoice_id;
    QString patient_id;
    QByteArray request;  // the exact $pay body (exact JSON), sent with the record's key
};

// ordering key "invoice:<id>"; the payment's own idempotency key (made before its first send).
outbox::Command paymentCommand(const PaymentPayload& payload, const QString& idempotency_key);
Result<PaymentPayload> parsePaymentPayload(const QByteArray& payload);

// What the outbox keeps when the pool accepted it: {"payment_id", "receipt": DocumentReference}.
QByteArray paymentResult(const pay::PayReply& reply);
struct DeliveredPayment {
    QString payment_id;
    QByteArray receipt;  // the e-receipt as exact JSON
};
Result<DeliveredPayment> parsePaymentResult(const QByteArray& result);

// A refusal's rule inside the outbox record's last_error: "[rule:credit-limit]".
QString ruleMarker(const QString& rule);
QString ruleFromError(const QString& last_error);

}  // namespace mk::payment
