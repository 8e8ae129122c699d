#include "core/payment/PaymentCommand.h"

#include "payment/ExactJson.h"
#include "payment/FhirWriters.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace mk::payment {

outbox::Command paymentCommand(const PaymentPayload& payload, const QString& idempotency_key)
{
    outbox::Command c;
    c.kind = outbox::kind::kPayment;
    c.ordering_key = QStringLiteral("invoice:") + payload.invoice_id;
    c.idempotency_key = idempotency_key;
    c.payload =
        QJsonDocument(QJsonObject{{QStringLiteral("invoice_id"), payload.invoice_id},
                                  {QStringLiteral("patient_id"), payload.patient_id},
                                  {QStringLiteral("request"), QString::fromUtf8(payload.request)}})
            .toJson(QJsonDocument::Compact);
    return c;
}

Result<PaymentPayload> parsePaymentPayload(const QByteArray& payload)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &err);
    const QJsonObject o = doc.object();
    PaymentPayload p;
    p.invoice_id = o.value(u"invoice_id").toString();
    p.patient_id = o.value(u"patient_id").toString();
    p.request = o.value(u"request").toString().toUtf8();
    if (err.error != QJsonParseError::NoError || p.invoice_id.isEmpty() || p.patient_id.isEmpty() ||
        p.request.isEmpty() || p.invoice_id.contains(QLatin1Char('/')) ||
        p.invoice_id.contains(QLatin1Char('?')) || p.invoice_id.contains(QLatin1Char('#'))) {
        return makeError(ErrorCode::BadRequest,
                         QStringLiteral("bad payment payload: invoice_id, patient_id and request "
                                        "are required"));
    }
    return p;
}

QByteArray paymentResult(const pay::PayReply& reply)
{
    return pay::writeExactJson(
        QJsonObject{{QStringLiteral("payment_id"), reply.payment.id},
                    {QStringLiteral("receipt"), pay::eReceiptJson(reply.receipt)}});
}

Result<DeliveredPayment> parsePaymentResult(const QByteArray& result)
{
    const pay::PayResult<QJsonDocument> doc = pay::parseExactJson(result);
    if (!doc.ok())
        return makeError(ErrorCode::BadReply,
                         QStringLiteral("payment result: ") + doc.error().message());
    const QJsonObject o = doc.value().object();
    DeliveredPayment d;
    d.payment_id = o.value(u"payment_id").toString();
    d.receipt = pay::writeExactJson(o.value(u"receipt").toObject());
    if (d.payment_id.isEmpty())
        return makeError(ErrorCode::BadReply, QStringLiteral("payment result without payment_id"));
    return d;
}

QString ruleMarker(const QString& rule)
{
    return rule.isEmpty() ? QString() : QStringLiteral("[rule:%1]").arg(rule);
}

QString ruleFromError(const QString& last_error)
{
    static const QRegularExpression re(QStringLiteral("\\[rule:([a-z0-9-]+)\\]"));
    const auto m = re.match(last_error);
    return m.hasMatch() ? m.captured(1) : QString();
}

}  // namespace mk::payment
