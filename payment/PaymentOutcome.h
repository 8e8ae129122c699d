// The pool's answers to a payment: the PaymentReconciliation (PaymentOutcome), the $pay reply
// (payment + receipt), the phone-order replies, and the rule code of a refusal. Input objects come
// from parseExactJson.
#pragma once

#include "payment/EReceipt.h"
#include "payment/Money.h"
#include "payment/PayError.h"
#include "payment/PaymentIntent.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace mk::pay {

struct PaymentOutcome {
    QString id;
    QString status;       // "active"
    QString outcome;      // "complete"
    QString createdText;  // created, as sent
    QDateTime created;
    Money amount;                         // paymentAmount
    QString invoiceId;                    // request.reference "Invoice/{id}"
    QString deviceId;                     // requestor.reference "Device/{client id}"
    PayMethod method = PayMethod::Unset;  // detail[0].type.coding[0].code
    QString idempotencyKey;               // identifier with system kIdempotencyKeySystem
};

PayResult<PaymentOutcome> parsePaymentReconciliation(const QJsonObject& resource);
// PaymentReconciliation?requestor=Device/...&created=...: every entry must parse.
PayResult<QList<PaymentOutcome>> parsePaymentReconciliationBundle(const QJsonObject& bundle);

struct PayReply {
    PaymentOutcome payment;
    EReceipt receipt;
};
// The 200 Parameters of $pay (payment + receipt resources), checked against what was asked
// (DESIGN §3: a reply about another invoice or another key is not a delivery): Mismatch when
// payment.invoiceId != intent.invoiceId, payment.amount != intent.amountShown, or the
// idempotency key differs; Mismatch when receipt.amount != payment.amount.
PayResult<PayReply> parsePayReply(const QJsonObject& parameters, const PaymentIntent& intent);

struct PhoneOrder {
    QString orderId;
    QString payUrl;  // what the QR code encodes
    QString expiresText;
    QDateTime expires;
};
PayResult<PhoneOrder> parsePhoneOrderReply(const QJsonObject& parameters);

enum class PhoneOrderStatus { Unset = 0, Pending, Paid, Expired, Cancelled };
struct PhoneOrderState {
    PhoneOrderStatus status = PhoneOrderStatus::Unset;
    std::optional<PayReply> paid;  // when status is Paid
};
// GET Invoice/{id}/$phone-order?order=...: Paid requires payment + receipt for `invoiceId`.
PayResult<PhoneOrderState> parsePhoneOrderStatus(const QJsonObject& parameters,
                                                 const QString& invoiceId, Money amount);

// Refusal rule codes (OperationOutcome issue[0].details.coding[0] in fhir::kRuleSystem).
enum class PayRule {
    Unset = 0,
    AmountChanged,         // amount-changed (422): re-read the invoice, show the new bill
    CreditLimit,           // credit-limit (422)
    CreditSuspended,       // credit-suspended (422)
    NoCredit,              // no-credit (422)
    VerificationRequired,  // verification-required (422)
    AlreadyPaid,           // already-paid (409)
    IdempotencyKeyReused,  // idempotency-key-reused (422)
    CreditRefused,         // credit-refused (422, $open-credit)
    InvoiceCancelled,      // invoice-cancelled (409, $pay / $phone-order of a cancelled invoice)
    ConsentRequired,       // consent-required (422, $open-credit without consent)
    AgreementOutdated,     // agreement-outdated (422, $open-credit naming an old agreement)
    OrderExpired,          // order-expired (409, phone order)
    OrderCancelled,        // order-cancelled (409, phone order)
    Other,                 // any other rule code
};
QString payRuleCode(PayRule rule);
PayRule payRuleFromCode(QStringView code);  // Other for unknown codes, Unset for empty
// The rule of an OperationOutcome (issue[0].details.coding[0] with system urn:medkiosk:rule, the
// existing rules' system, or the contract's first draft
// http://medkiosk.example/fhir/CodeSystem/rule); Unset when it has none.
PayRule operationOutcomeRule(const QJsonObject& operationOutcome);

}  // namespace mk::pay
