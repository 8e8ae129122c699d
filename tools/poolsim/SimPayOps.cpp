// The operations that move money on the simulator (issue 9, docs/pool-protocol.md "Payments"):
// $pay, $phone-order (create, poll, cancel, and the patient's phone paying it), $open-credit.
// The server is one thread: each operation checks and commits the invoice's state in one step,
// so of two payers of one invoice exactly one succeeds.
#include "SeedData.h"
#include "SimLog.h"
#include "SimPayResources.h"
#include "SimPayWire.h"
#include "SimPayments.h"
#include "payment/ExactJson.h"
#include "payment/FhirMoney.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>

namespace mk::sim {
namespace {

const QString kRule = QStringLiteral("business-rule");

SimReply refuse(int status, const QString& rule, const QString& text)
{
    return outcomeReply(status, status == 409 ? QStringLiteral("conflict") : kRule, text, rule);
}

SimReply unknownInvoice(const QString& id)
{
    return outcomeReply(404, QStringLiteral("not-found"),
                        QStringLiteral("Invoice/%1 is unknown").arg(id));
}

// 409 already-paid, or a cancelled bill; empty when it can be paid.
std::optional<SimReply> notPayable(const SimInvoice& inv)
{
    if (inv.status == QLatin1String("balanced")) {
        return refuse(409, QStringLiteral("already-paid"),
                      QStringLiteral("the invoice has already been paid"));
    }
    if (inv.status != QLatin1String("issued")) {
        return refuse(409, QStringLiteral("invoice-cancelled"),
                      QStringLiteral("the invoice was cancelled"));
    }
    return std::nullopt;
}

// The `amount` parameter as exact Money; the 400 reply in *refused when it is not valid.
std::optional<qint64> readAmount(const QJsonArray& params, SimReply* refused)
{
    const pay::PayResult<pay::Money> amount = pay::readFhirMoney(
        paywire::parameter(params, QStringLiteral("amount")).value(QStringLiteral("valueMoney")),
        QStringLiteral("amount.valueMoney"));
    if (!amount) {
        *refused =
            outcomeReply(400, QStringLiteral("invalid"),
                         QStringLiteral("the amount is not valid: ") + amount.error().message());
        return std::nullopt;
    }
    return amount.value().toFen();
}

QString nameOf(const QJsonObject* patient)
{
    return patient == nullptr ? QString()
                              : patient->value(QStringLiteral("name"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QStringLiteral("text"))
                                    .toString();
}

QString guardianOf(const QJsonObject* patient)
{
    if (patient == nullptr) return {};
    for (const QJsonValue& e : patient->value(QStringLiteral("extension")).toArray()) {
        const QString ref = e.toObject()
                                .value(QStringLiteral("valueReference"))
                                .toObject()
                                .value(QStringLiteral("reference"))
                                .toString();
        if (e.toObject().value(QStringLiteral("url")).toString().endsWith(u"/guardian") &&
            ref.startsWith(u"Patient/")) {
            return ref.mid(8);
        }
    }
    return {};
}

QString money(qint64 fen)
{
    return pay::Money::fen(fen).toDecimalText();
}

}  // namespace

QJsonObject SimPayments::orderStatus(QJsonObject& order)
{
    if (order.value(QStringLiteral("status")).toString() == QLatin1String("pending") &&
        QDateTime::currentMSecsSinceEpoch() >=
            order.value(QStringLiteral("expires_ms")).toInteger()) {
        order.insert(QStringLiteral("status"), QStringLiteral("expired"));
        state_.pay.phone_orders.insert(order.value(QStringLiteral("id")).toString(), order);
    }
    return order;
}

QJsonObject SimPayments::commitPayment(SimInvoice& inv, SimAccount* account, qint64 amount_fen,
                                       const QString& method, const QString& verification,
                                       const QString& key, const QString& client_id, bool offline,
                                       const QString& taken_at)
{
    SimPayState& s = state_.pay;
    const QString now = nowIso();
    const QString payment_id = QStringLiteral("pay-%1").arg(s.next_payment++);
    const QString receipt_id = QStringLiteral("rct-%1").arg(s.next_receipt);
    // 票据代码: region 3502, the year, type 01; 票据号码: 10 digits, sequential from a seeded
    // start, so unique; 校验码: 6 characters derived from both.
    const QString code = QStringLiteral("3502") + now.mid(2, 2) + QStringLiteral("01");
    const qint64 number_value =
        1000000000LL + qint64(seedMix(options_.seed, QStringLiteral("receipts")) % 100000) * 10000 +
        s.next_receipt++;
    const QString number = QString::number(number_value);
    const QString check = QString::fromLatin1(
        QCryptographicHash::hash((QString::number(options_.seed) + code + number).toUtf8(),
                                 QCryptographicHash::Sha256)
            .toHex()
            .left(6)
            .toUpper());
    const QString holder = account != nullptr ? account->patient : inv.patient;
    if (account != nullptr) {
        account->used_fen += amount_fen;
        account->version += 1;
    }
    inv.status = QStringLiteral("balanced");
    inv.version += 1;
    inv.payment = payment_id;
    QJsonObject payment{{QStringLiteral("id"), payment_id},
                        {QStringLiteral("invoice"), inv.id},
                        {QStringLiteral("patient"), inv.patient},
                        {QStringLiteral("holder"), holder},
                        {QStringLiteral("account"), account ? account->id : QString()},
                        {QStringLiteral("amount_fen"), amount_fen},
                        {QStringLiteral("method"), method},
                        {QStringLiteral("verification"), verification},
                        {QStringLiteral("key"), key},
                        {QStringLiteral("requestor"), client_id},
                        {QStringLiteral("created"), now},
                        {QStringLiteral("offline"), offline},
                        {QStringLiteral("taken_at"), taken_at},
                        {QStringLiteral("receipt"), receipt_id}};
    s.payments.insert(payment_id, payment);
    s.receipts.insert(receipt_id, QJsonObject{{QStringLiteral("id"), receipt_id},
                                              {QStringLiteral("patient"), inv.patient},
                                              {QStringLiteral("invoice"), inv.id},
                                              {QStringLiteral("payment"), payment_id},
                                              {QStringLiteral("code"), code},
                                              {QStringLiteral("number"), number},
                                              {QStringLiteral("check"), check},
                                              {QStringLiteral("amount_fen"), amount_fen},
                                              {QStringLiteral("payer"), nameOf(patient(holder))},
                                              {QStringLiteral("issued"), now}});
    s.payments_applied += 1;
    qCInfo(lcPoolSim) << "paid" << inv.id << "by" << method << "as" << payment_id;
    return payment;
}

SimReply SimPayments::paymentResult(const QString& payment_id, int status) const
{
    const QJsonObject p = state_.pay.payments.value(payment_id);
    const QJsonObject r = state_.pay.receipts.value(p.value(QStringLiteral("receipt")).toString());
    return paywire::resourceReply(
        status, payres::parameters(
                    {{QStringLiteral("payment"), payres::resourceParam(payres::payment(p))},
                     {QStringLiteral("receipt"), payres::resourceParam(payres::receipt(r))}}));
}

SimReply SimPayments::pay(const SimRequest& request, const QString& invoice_id,
                          const QString& client_id)
{
    if (!state_.pay.invoices.contains(invoice_id)) return unknownInvoice(invoice_id);
    SimInvoice& inv = state_.pay.invoices[invoice_id];
    if (std::optional<SimReply> refused = notPayable(inv)) return *refused;
    SimReply refused;
    const std::optional<QJsonArray> params = paywire::readParameters(request.body, &refused);
    if (!params) return refused;
    const QString method = paywire::parameter(*params, QStringLiteral("method"))
                               .value(QStringLiteral("valueCode"))
                               .toString();
    if (method != QLatin1String("credit")) {
        return outcomeReply(400, QStringLiteral("invalid"),
                            QStringLiteral("method must be the code credit"));
    }
    const std::optional<qint64> amount = readAmount(*params, &refused);
    if (!amount) return refused;
    const paywire::Verification verification = paywire::readVerification(*params);
    if (verification.method.isEmpty()) {
        return refuse(422, QStringLiteral("verification-required"),
                      QStringLiteral("verification is missing or invalid (method face with a "
                                     "score in [0, 1], or phone-digits)"));
    }
    const bool offline = paywire::parameter(*params, QStringLiteral("offline"))
                             .value(QStringLiteral("valueBoolean"))
                             .toBool();
    const QString taken_at = paywire::parameter(*params, QStringLiteral("takenAt"))
                                 .value(QStringLiteral("valueInstant"))
                                 .toString();
    if (*amount != inv.netFen()) {
        return refuse(422, QStringLiteral("amount-changed"),
                      QStringLiteral("the invoice total is now %1, not %2: read it again")
                          .arg(money(inv.netFen()), money(*amount)));
    }
    // The patient's own credit line, else (a child) the guardian's.
    SimAccount* account = accountOf(inv.patient);
    if (account == nullptr) account = accountOf(guardianOf(patient(inv.patient)));
    if (account == nullptr || account->status == QLatin1String("inactive")) {
        return refuse(422, QStringLiteral("no-credit"),
                      QStringLiteral("the patient has no credit care"));
    }
    if (account->status != QLatin1String("active")) {
        return refuse(422, QStringLiteral("credit-suspended"),
                      QStringLiteral("the credit line is suspended"));
    }
    if (verification.method == QLatin1String("phone-digits") &&
        *amount > options_.limit_without_face_fen) {
        return refuse(422, QStringLiteral("credit-limit"),
                      QStringLiteral("%1 is over the limit of a charge without face (%2)")
                          .arg(money(*amount), money(options_.limit_without_face_fen)));
    }
    if (*amount > account->availableFen()) {
        return refuse(422, QStringLiteral("credit-limit"),
                      QStringLiteral("%1 is over the available credit (%2)")
                          .arg(money(*amount), money(account->availableFen())));
    }
    const QString key = QString::fromUtf8(request.value(QByteArrayLiteral("Idempotency-Key")));
    const QJsonObject p = commitPayment(inv, account, *amount, QStringLiteral("credit"),
                                        verification.method, key, client_id, offline, taken_at);
    return paymentResult(p.value(QStringLiteral("id")).toString(), 200);
}

SimReply SimPayments::createPhoneOrder(const SimRequest& request, const QString& invoice_id,
                                       const QString& client_id)
{
    if (!state_.pay.invoices.contains(invoice_id)) return unknownInvoice(invoice_id);
    const SimInvoice& inv = state_.pay.invoices.value(invoice_id);
    if (std::optional<SimReply> refused = notPayable(inv)) return *refused;
    SimReply refused;
    const std::optional<QJsonArray> params = paywire::readParameters(request.body, &refused);
    if (!params) return refused;
    const std::optional<qint64> amount = readAmount(*params, &refused);
    if (!amount) return refused;
    if (*amount != inv.netFen()) {
        return refuse(422, QStringLiteral("amount-changed"),
                      QStringLiteral("the invoice total is now %1, not %2: read it again")
                          .arg(money(inv.netFen()), money(*amount)));
    }
    // One open order per bill: a new one replaces the pending one.
    for (QJsonObject& o : state_.pay.phone_orders) {
        if (o.value(QStringLiteral("invoice")).toString() == invoice_id &&
            orderStatus(o).value(QStringLiteral("status")).toString() == QLatin1String("pending")) {
            o.insert(QStringLiteral("status"), QStringLiteral("cancelled"));
        }
    }
    const QString id = QStringLiteral("po-%1").arg(state_.pay.next_order++);
    const qint64 expires_ms =
        QDateTime::currentMSecsSinceEpoch() + qint64(options_.phone_order_expiry_s) * 1000;
    const QString key = QString::fromUtf8(request.value(QByteArrayLiteral("Idempotency-Key")));
    state_.pay.phone_orders.insert(
        id, QJsonObject{{QStringLiteral("id"), id},
                        {QStringLiteral("invoice"), invoice_id},
                        {QStringLiteral("amount_fen"), *amount},
                        {QStringLiteral("status"), QStringLiteral("pending")},
                        {QStringLiteral("expires_ms"), expires_ms},
                        {QStringLiteral("requestor"), client_id},
                        {QStringLiteral("key"), key}});
    const QString expires =
        QDateTime::fromMSecsSinceEpoch(expires_ms, QTimeZone(seed_.offsetSeconds()))
            .toString(Qt::ISODateWithMs);
    return paywire::resourceReply(
        201,
        payres::parameters(
            {{QStringLiteral("order"), QJsonObject{{QStringLiteral("valueString"), id}}},
             {QStringLiteral("payUrl"),
              QJsonObject{{QStringLiteral("valueUrl"),
                           QStringLiteral("https://pay.medkiosk.example/o/") + id}}},
             {QStringLiteral("expires"), QJsonObject{{QStringLiteral("valueInstant"), expires}}}}));
}

SimReply SimPayments::pollPhoneOrder(const SimRequest& request, const QString& invoice_id)
{
    const QString id =
        QUrlQuery(request.url).queryItemValue(QStringLiteral("order"), QUrl::FullyDecoded);
    if (!state_.pay.phone_orders.contains(id) ||
        state_.pay.phone_orders.value(id).value(QStringLiteral("invoice")).toString() !=
            invoice_id) {
        return outcomeReply(404, QStringLiteral("not-found"),
                            QStringLiteral("no such phone order for this invoice"));
    }
    const QJsonObject order = orderStatus(state_.pay.phone_orders[id]);
    const QString status = order.value(QStringLiteral("status")).toString();
    QList<QPair<QString, QJsonObject>> parts{
        {QStringLiteral("status"), QJsonObject{{QStringLiteral("valueCode"), status}}}};
    if (status == QLatin1String("paid")) {
        const QJsonObject p =
            state_.pay.payments.value(order.value(QStringLiteral("payment")).toString());
        parts.append({QStringLiteral("payment"), payres::resourceParam(payres::payment(p))});
        parts.append({QStringLiteral("receipt"),
                      payres::resourceParam(payres::receipt(state_.pay.receipts.value(
                          p.value(QStringLiteral("receipt")).toString())))});
    }
    return paywire::resourceReply(200, payres::parameters(parts));
}

SimReply SimPayments::cancelPhoneOrder(const SimRequest& request, const QString& invoice_id)
{
    SimReply refused;
    const std::optional<QJsonArray> params = paywire::readParameters(request.body, &refused);
    if (!params) return refused;
    const QString id = paywire::parameter(*params, QStringLiteral("order"))
                           .value(QStringLiteral("valueString"))
                           .toString();
    if (!state_.pay.phone_orders.contains(id) ||
        state_.pay.phone_orders.value(id).value(QStringLiteral("invoice")).toString() !=
            invoice_id) {
        return outcomeReply(404, QStringLiteral("not-found"),
                            QStringLiteral("no such phone order for this invoice"));
    }
    QJsonObject& order = state_.pay.phone_orders[id];
    if (orderStatus(order).value(QStringLiteral("status")).toString() == QLatin1String("pending")) {
        order.insert(QStringLiteral("status"), QStringLiteral("cancelled"));
    }
    // The order as it is now: cancelled, or what it already was (paid: with its result).
    SimRequest poll;
    poll.url.setQuery(QStringLiteral("order=") + id);
    return pollPhoneOrder(poll, invoice_id);
}

SimReply SimPayments::payPhoneOrder(const QString& order_id)
{
    if (!state_.pay.phone_orders.contains(order_id)) {
        return outcomeReply(404, QStringLiteral("not-found"), QStringLiteral("unknown order"));
    }
    QJsonObject& order = state_.pay.phone_orders[order_id];
    const QString status = orderStatus(order).value(QStringLiteral("status")).toString();
    if (status == QLatin1String("paid")) {
        return paymentResult(order.value(QStringLiteral("payment")).toString(), 200);
    }
    if (status != QLatin1String("pending")) {
        return refuse(409, QStringLiteral("order-") + status,
                      QStringLiteral("the phone order is %1").arg(status));
    }
    SimInvoice& inv = state_.pay.invoices[order.value(QStringLiteral("invoice")).toString()];
    if (std::optional<SimReply> refused = notPayable(inv)) return *refused;
    const qint64 amount = order.value(QStringLiteral("amount_fen")).toInteger();
    if (amount != inv.netFen()) {
        return refuse(422, QStringLiteral("amount-changed"),
                      QStringLiteral("the invoice changed after the order was made"));
    }
    const QJsonObject p =
        commitPayment(inv, nullptr, amount, QStringLiteral("phone"), QString(),
                      order.value(QStringLiteral("key")).toString(),
                      order.value(QStringLiteral("requestor")).toString(), false, QString());
    order.insert(QStringLiteral("status"), QStringLiteral("paid"));
    order.insert(QStringLiteral("payment"), p.value(QStringLiteral("id")));
    return paymentResult(p.value(QStringLiteral("id")).toString(), 200);
}

SimReply SimPayments::openCredit(const SimRequest& request, const QString& base_url)
{
    SimReply refused;
    const std::optional<QJsonArray> params = paywire::readParameters(request.body, &refused);
    if (!params) return refused;
    const QString ref = paywire::parameter(*params, QStringLiteral("patient"))
                            .value(QStringLiteral("valueReference"))
                            .toObject()
                            .value(QStringLiteral("reference"))
                            .toString();
    const QString patient_id = ref.startsWith(u"Patient/") ? ref.mid(8) : QString();
    const QJsonObject* p = patient(patient_id);
    if (p == nullptr) {
        return outcomeReply(400, QStringLiteral("invalid"), QStringLiteral("unknown patient"));
    }
    if (!paywire::parameter(*params, QStringLiteral("consent"))
             .value(QStringLiteral("valueBoolean"))
             .toBool()) {
        return refuse(422, QStringLiteral("consent-required"),
                      QStringLiteral("the patient's consent (consent = true) is required"));
    }
    if (paywire::parameter(*params, QStringLiteral("agreementVersion"))
            .value(QStringLiteral("valueString"))
            .toString() != creditAgreementVersion()) {
        return refuse(422, QStringLiteral("agreement-outdated"),
                      QStringLiteral("the consent names another version of the agreement (now "
                                     "%1)")
                          .arg(creditAgreementVersion()));
    }
    if (paywire::readVerification(*params).method.isEmpty()) {
        return refuse(422, QStringLiteral("verification-required"),
                      QStringLiteral("verification is missing or invalid"));
    }
    const auto credit_refused = [](const QString& zh_reason, const QString& en_reason) {
        return outcomeReply(422, kRule, zh_reason, QStringLiteral("credit-refused"), en_reason);
    };
    if (SimAccount* existing = accountOf(patient_id)) {
        if (existing->status == QLatin1String("active")) {
            return paywire::resourceReply(
                200, payres::account(*existing, options_.limit_without_face_fen));
        }
        return credit_refused(QStringLiteral("信用就医已暂停，请到人工窗口咨询"),
                              QStringLiteral("credit care is suspended; please ask at the "
                                             "service desk"));
    }
    const QDate birth =
        QDate::fromString(p->value(QStringLiteral("birthDate")).toString(), Qt::ISODate);
    if (birth.isValid() && birth.addYears(18) > seed_.firstDay()) {
        return credit_refused(QStringLiteral("未满18周岁，不能开通信用就医"),
                              QStringLiteral("under 18: credit care cannot be opened"));
    }
    if (seeded_.refused_patients.contains(patient_id)) {
        return credit_refused(QStringLiteral("信用评分不足"),
                              QStringLiteral("insufficient credit score"));
    }
    SimAccount a;
    a.id = QStringLiteral("acct-n%1").arg(state_.pay.next_account++);
    a.patient = patient_id;
    a.limit_fen = kGrantedCreditLimitFen;
    state_.pay.accounts.insert(a.id, a);
    qCInfo(lcPoolSim) << "opened credit line" << a.id;
    SimReply r = paywire::resourceReply(201, payres::account(a, options_.limit_without_face_fen));
    r.headers.append({QByteArrayLiteral("Location"),
                      (base_url + QStringLiteral("/Account/%1/_history/1").arg(a.id)).toUtf8()});
    return r;
}

}  // namespace mk::sim
