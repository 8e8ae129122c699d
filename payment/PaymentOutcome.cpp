#include "payment/PaymentOutcome.h"

#include "payment/FhirMoney.h"
#include "payment/FhirNames.h"
#include "payment/FhirRead.h"

#include <array>
#include <utility>

namespace mk::pay {

namespace {

constexpr std::array<std::pair<PayRule, QStringView>, 13> kRules{{
    {PayRule::AmountChanged, u"amount-changed"},
    {PayRule::CreditLimit, u"credit-limit"},
    {PayRule::CreditSuspended, u"credit-suspended"},
    {PayRule::NoCredit, u"no-credit"},
    {PayRule::VerificationRequired, u"verification-required"},
    {PayRule::AlreadyPaid, u"already-paid"},
    {PayRule::IdempotencyKeyReused, u"idempotency-key-reused"},
    {PayRule::CreditRefused, u"credit-refused"},
    {PayRule::InvoiceCancelled, u"invoice-cancelled"},
    {PayRule::ConsentRequired, u"consent-required"},
    {PayRule::AgreementOutdated, u"agreement-outdated"},
    {PayRule::OrderExpired, u"order-expired"},
    {PayRule::OrderCancelled, u"order-cancelled"},
}};

PayResult<PayReply> replyFromParameters(const QJsonObject& parameters)
{
    if (PayStatus type = fhir::expectResourceType(parameters, u"Parameters"); !type)
        return type.error();
    const std::optional<QJsonObject> payment = fhir::parameter(parameters, u"payment");
    if (!payment || !payment->value(u"resource").isObject())
        return payError(PayErrorCode::Missing, QStringLiteral("payment.resource"),
                        QStringLiteral("required"));
    const std::optional<QJsonObject> receipt = fhir::parameter(parameters, u"receipt");
    if (!receipt || !receipt->value(u"resource").isObject())
        return payError(PayErrorCode::Missing, QStringLiteral("receipt.resource"),
                        QStringLiteral("required"));
    auto outcome = parsePaymentReconciliation(payment->value(u"resource").toObject());
    if (!outcome) return outcome.error().under(QStringLiteral("payment.resource"));
    auto eReceipt = parseEReceipt(receipt->value(u"resource").toObject());
    if (!eReceipt) return eReceipt.error().under(QStringLiteral("receipt.resource"));
    if (eReceipt.value().amount != outcome.value().amount)
        return payError(PayErrorCode::Mismatch, QStringLiteral("receipt.resource"),
                        QStringLiteral("the receipt's amount %1 is not the payment's %2")
                            .arg(eReceipt.value().amount.toDecimalText(),
                                 outcome.value().amount.toDecimalText()));
    return PayReply{outcome.value(), eReceipt.value()};
}

}  // namespace

PayResult<PaymentOutcome> parsePaymentReconciliation(const QJsonObject& resource)
{
    if (PayStatus type = fhir::expectResourceType(resource, u"PaymentReconciliation"); !type)
        return type.error();
    PaymentOutcome out;
    auto id = fhir::requiredString(resource, u"id", QStringLiteral("id"));
    if (!id) return id.error();
    out.id = id.value();
    out.status = fhir::optionalString(resource, u"status");
    out.outcome = fhir::optionalString(resource, u"outcome");
    out.createdText = fhir::optionalString(resource, u"created");
    if (out.createdText.isEmpty())
        return payError(PayErrorCode::Missing, QStringLiteral("created"),
                        QStringLiteral("required"));
    out.created = QDateTime::fromString(out.createdText, Qt::ISODateWithMs);
    if (!out.created.isValid())
        return payError(PayErrorCode::Invalid, QStringLiteral("created"),
                        QStringLiteral("not an ISO 8601 dateTime"));
    auto amount = readFhirMoney(resource.value(u"paymentAmount"), QStringLiteral("paymentAmount"));
    if (!amount) return amount.error();
    out.amount = amount.value();
    auto invoice =
        fhir::referenceId(resource.value(u"request"), u"Invoice", QStringLiteral("request"));
    if (!invoice) return invoice.error();
    out.invoiceId = invoice.value();
    auto device =
        fhir::referenceId(resource.value(u"requestor"), u"Device", QStringLiteral("requestor"));
    if (!device) return device.error();
    out.deviceId = device.value();
    const QJsonObject detail = resource.value(u"detail").toArray().at(0).toObject();
    const QString method = fhir::codingCode(detail.value(u"type"), {});
    out.method = payMethodFromCode(method).value_or(PayMethod::Unset);
    if (out.method == PayMethod::Unset)
        return payError(method.isEmpty() ? PayErrorCode::Missing : PayErrorCode::Invalid,
                        QStringLiteral("detail[0].type"),
                        QStringLiteral("expected credit or phone"));
    out.idempotencyKey = fhir::identifierValue(resource, fhir::kIdempotencyKeySystem);
    return out;
}

PayResult<QList<PaymentOutcome>> parsePaymentReconciliationBundle(const QJsonObject& bundle)
{
    auto resources = fhir::bundleResources(bundle);
    if (!resources) return resources.error();
    QList<PaymentOutcome> list;
    for (qsizetype i = 0; i < resources.value().size(); ++i) {
        auto one = parsePaymentReconciliation(resources.value().at(i));
        if (!one) return one.error().under(QStringLiteral("entry[%1].resource").arg(i));
        list.append(one.value());
    }
    return list;
}

PayResult<PayReply> parsePayReply(const QJsonObject& parameters, const PaymentIntent& intent)
{
    auto reply = replyFromParameters(parameters);
    if (!reply) return reply;
    const PaymentOutcome& p = reply.value().payment;
    if (p.invoiceId != intent.invoiceId)
        return payError(PayErrorCode::Mismatch, QStringLiteral("payment.resource.request"),
                        QStringLiteral("the reply is about invoice %1, not %2")
                            .arg(p.invoiceId.left(64), intent.invoiceId.left(64)));
    if (p.amount != intent.amountShown)
        return payError(PayErrorCode::Mismatch, QStringLiteral("payment.resource.paymentAmount"),
                        QStringLiteral("paid %1, but %2 was asked")
                            .arg(p.amount.toDecimalText(), intent.amountShown.toDecimalText()));
    if (p.idempotencyKey != intent.idempotencyKey)
        return payError(PayErrorCode::Mismatch, QStringLiteral("payment.resource.identifier"),
                        QStringLiteral("the reply carries another idempotency key"));
    return reply;
}

PayResult<PhoneOrder> parsePhoneOrderReply(const QJsonObject& parameters)
{
    if (PayStatus type = fhir::expectResourceType(parameters, u"Parameters"); !type)
        return type.error();
    PhoneOrder order;
    const std::optional<QJsonObject> id = fhir::parameter(parameters, u"order");
    if (!id)
        return payError(PayErrorCode::Missing, QStringLiteral("order"), QStringLiteral("required"));
    auto idText = fhir::requiredString(*id, u"valueString", QStringLiteral("order.valueString"));
    if (!idText) return idText.error();
    order.orderId = idText.value();
    const std::optional<QJsonObject> url = fhir::parameter(parameters, u"payUrl");
    if (!url)
        return payError(PayErrorCode::Missing, QStringLiteral("payUrl"),
                        QStringLiteral("required"));
    auto urlText = fhir::requiredString(*url, u"valueUrl", QStringLiteral("payUrl.valueUrl"));
    if (!urlText) return urlText.error();
    order.payUrl = urlText.value();
    const std::optional<QJsonObject> expires = fhir::parameter(parameters, u"expires");
    if (!expires)
        return payError(PayErrorCode::Missing, QStringLiteral("expires"),
                        QStringLiteral("required"));
    order.expiresText = expires->value(u"valueInstant").toString();
    order.expires = QDateTime::fromString(order.expiresText, Qt::ISODateWithMs);
    if (!order.expires.isValid())
        return payError(PayErrorCode::Invalid, QStringLiteral("expires.valueInstant"),
                        QStringLiteral("not an ISO 8601 instant"));
    return order;
}

PayResult<PhoneOrderState> parsePhoneOrderStatus(const QJsonObject& parameters,
                                                 const QString& invoiceId, Money amount)
{
    if (PayStatus type = fhir::expectResourceType(parameters, u"Parameters"); !type)
        return type.error();
    PhoneOrderState state;
    const std::optional<QJsonObject> status = fhir::parameter(parameters, u"status");
    const QString code = status ? status->value(u"valueCode").toString() : QString();
    if (code == u"pending")
        state.status = PhoneOrderStatus::Pending;
    else if (code == u"paid")
        state.status = PhoneOrderStatus::Paid;
    else if (code == u"expired")
        state.status = PhoneOrderStatus::Expired;
    else if (code == u"cancelled")
        state.status = PhoneOrderStatus::Cancelled;
    else
        return payError(code.isEmpty() ? PayErrorCode::Missing : PayErrorCode::Invalid,
                        QStringLiteral("status.valueCode"),
                        QStringLiteral("expected pending, paid, expired or cancelled"));
    if (state.status != PhoneOrderStatus::Paid) return state;
    auto reply = replyFromParameters(parameters);
    if (!reply) return reply.error();
    if (reply.value().payment.invoiceId != invoiceId)
        return payError(PayErrorCode::Mismatch, QStringLiteral("payment.resource.request"),
                        QStringLiteral("the order was paid for another invoice"));
    if (reply.value().payment.amount != amount)
        return payError(
            PayErrorCode::Mismatch, QStringLiteral("payment.resource.paymentAmount"),
            QStringLiteral("paid %1, but %2 was asked")
                .arg(reply.value().payment.amount.toDecimalText(), amount.toDecimalText()));
    state.paid = reply.value();
    return state;
}

QString payRuleCode(PayRule rule)
{
    for (const auto& [value, code] : kRules) {
        if (value == rule) return code.toString();
    }
    return {};
}

PayRule payRuleFromCode(QStringView code)
{
    if (code.isEmpty()) return PayRule::Unset;
    for (const auto& [value, text] : kRules) {
        if (text == code) return value;
    }
    return PayRule::Other;
}

PayRule operationOutcomeRule(const QJsonObject& operationOutcome)
{
    const QJsonObject issue = operationOutcome.value(u"issue").toArray().at(0).toObject();
    QString code = fhir::codingCode(issue.value(u"details"), fhir::kRuleSystem);
    if (code.isEmpty()) code = fhir::codingCode(issue.value(u"details"), fhir::kRuleSystemDraft);
    return payRuleFromCode(code);
}

}  // namespace mk::pay
