// Payment intents and the operation bodies ($pay, $phone-order, $phone-order-cancel,
// $open-credit): built by the kiosk, parsed by the simulator, exact money on the wire.
#include "PaymentTestUtil.h"
#include "payment/BillParser.h"
#include "payment/OperationBodies.h"
#include "payment/PaymentOutcome.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace mk::pay;

class TestPaymentBodies : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void intentFromBill();
    void fingerprint();
    void payBody();
    void payBodyWithoutVerification();
    void payBodyBad();
    void phoneOrder();
    void openCredit();
};

namespace {

QJsonObject wire(const QJsonObject& body)
{
    return parseExactJson(writeExactJson(body)).value().object();
}

}  // namespace

void TestPaymentBodies::intentFromBill()
{
    const Bill bill =
        parseInvoice(mk::test::paymentFixture(QStringLiteral("invoice-outpatient.json"))).value();
    const PaymentIntent a = makePaymentIntent(bill, PayMethod::Credit, Verification::face(0.41254));
    QCOMPARE(a.invoiceId, bill.id);
    QCOMPARE(a.versionId, QStringLiteral("3"));
    QCOMPARE(a.amountShown, bill.totalNet);
    QCOMPARE(a.verification.scoreText, QStringLiteral("0.4125"));
    QCOMPARE(a.idempotencyKey.size(), 36);
    QVERIFY(!a.idempotencyKey.contains(u'{'));
    QSet<QString> keys;
    for (int i = 0; i < 1000; ++i) keys.insert(newIdempotencyKey());
    QCOMPARE(keys.size(), 1000);
}

void TestPaymentBodies::fingerprint()
{
    PaymentIntent a;
    a.invoiceId = QStringLiteral("inv-1");
    a.amountShown = Money::fen(10780);
    a.method = PayMethod::Credit;
    a.verification = Verification::face(0.5);
    a.idempotencyKey = newIdempotencyKey();
    PaymentIntent retry = a;
    retry.idempotencyKey = newIdempotencyKey();  // the key is not part of the request
    QCOMPARE(retry.fingerprint(), a.fingerprint());
    QCOMPARE(a.fingerprint().size(), 32);
    PaymentIntent other = a;
    other.amountShown = Money::fen(10781);
    QVERIFY(other.fingerprint() != a.fingerprint());
    other = a;
    other.invoiceId = QStringLiteral("inv-2");
    QVERIFY(other.fingerprint() != a.fingerprint());
    other = a;
    other.verification = Verification::phoneDigits();
    QVERIFY(other.fingerprint() != a.fingerprint());
}

void TestPaymentBodies::payBody()
{
    PaymentIntent intent;
    intent.invoiceId = QStringLiteral("inv-1001-01");
    intent.amountShown = Money::fen(10780);
    intent.method = PayMethod::Credit;
    intent.verification = Verification::face(0.3871);
    intent.offline = true;
    intent.takenAt = QStringLiteral("2026-12-04T10:03:12+08:00");
    const QByteArray text = writeExactJson(payParameters(intent));
    QVERIFY(text.contains(R"("valueMoney":{"currency":"CNY","value":107.80})"));
    QVERIFY(text.contains(R"("valueDecimal":0.3871)"));
    QVERIFY(text.contains(R"("valueBoolean":true)"));
    auto request = parsePayParameters(wire(payParameters(intent)));
    QVERIFY2(request.ok(), qPrintable(request.ok() ? QString() : request.error().message()));
    QCOMPARE(request.value().method, PayMethod::Credit);
    QCOMPARE(request.value().amount, intent.amountShown);
    QCOMPARE(request.value().verification.method, VerificationMethod::Face);
    QCOMPARE(request.value().verification.scoreText, QStringLiteral("0.3871"));
    QVERIFY(request.value().offline);
    QCOMPARE(request.value().takenAt, intent.takenAt);
    // Phone digits: no score.
    intent.verification = Verification::phoneDigits();
    intent.offline = false;
    const QByteArray phone = writeExactJson(payParameters(intent));
    QVERIFY(!phone.contains("score"));
    QVERIFY(!phone.contains("takenAt"));
    QCOMPARE(parsePayParameters(wire(payParameters(intent))).value().verification.method,
             VerificationMethod::PhoneDigits);
}

void TestPaymentBodies::payBodyWithoutVerification()
{
    auto body = parseExactJson(R"({"resourceType": "Parameters", "parameter": [
        {"name": "method", "valueCode": "credit"},
        {"name": "amount", "valueMoney": {"value": 12.3, "currency": "CNY"}}]})");
    auto request = parsePayParameters(body.value().object());
    QVERIFY(request.ok());  // the pool answers verification-required, not a parse error
    QCOMPARE(request.value().verification.method, VerificationMethod::Unset);
    QCOMPARE(request.value().amount.toFen(), qint64(1230));
}

void TestPaymentBodies::payBodyBad()
{
    const char* bodies[] = {
        R"({"resourceType": "Bundle"})",
        R"({"resourceType": "Parameters", "parameter": [{"name": "amount", "valueMoney": {"value": 1, "currency": "CNY"}}]})",
        R"({"resourceType": "Parameters", "parameter": [{"name": "method", "valueCode": "cash"}, {"name": "amount", "valueMoney": {"value": 1, "currency": "CNY"}}]})",
        R"({"resourceType": "Parameters", "parameter": [{"name": "method", "valueCode": "credit"}]})",
        R"({"resourceType": "Parameters", "parameter": [{"name": "method", "valueCode": "credit"}, {"name": "amount", "valueMoney": {"value": 1.001, "currency": "CNY"}}]})",
        R"({"resourceType": "Parameters", "parameter": [{"name": "method", "valueCode": "credit"}, {"name": "amount", "valueMoney": {"value": -1, "currency": "CNY"}}]})",
        R"({"resourceType": "Parameters", "parameter": [{"name": "method", "valueCode": "credit"}, {"name": "amount", "valueMoney": {"value": 1, "currency": "HKD"}}]})",
    };
    for (const char* body : bodies) {
        auto doc = parseExactJson(QByteArray(body));
        QVERIFY2(doc.ok(), body);
        QVERIFY2(!parsePayParameters(doc.value().object()).ok(), body);
    }
}

void TestPaymentBodies::phoneOrder()
{
    QCOMPARE(parsePhoneOrderParameters(wire(phoneOrderParameters(Money::fen(359)))).value(),
             Money::fen(359));
    QCOMPARE(
        parsePhoneOrderCancelParameters(wire(phoneOrderCancelParameters(QStringLiteral("ord-7"))))
            .value(),
        QStringLiteral("ord-7"));
    auto reply = parseExactJson(R"({"resourceType": "Parameters", "parameter": [
        {"name": "order", "valueString": "ord-7"},
        {"name": "payUrl", "valueUrl": "https://pay.example/o/ord-7"},
        {"name": "expires", "valueInstant": "2026-12-04T10:05:12+08:00"}]})");
    auto order = parsePhoneOrderReply(reply.value().object());
    QVERIFY(order.ok());
    QCOMPARE(order.value().orderId, QStringLiteral("ord-7"));
    QVERIFY(order.value().expires.isValid());
    auto pending = parseExactJson(
        R"({"resourceType": "Parameters", "parameter": [{"name": "status", "valueCode": "pending"}]})");
    QCOMPARE(parsePhoneOrderStatus(pending.value().object(), QStringLiteral("inv-1001-01"),
                                   Money::fen(10780))
                 .value()
                 .status,
             PhoneOrderStatus::Pending);
    // Paid: the payment + receipt of the $pay reply, checked against the invoice and amount.
    QJsonObject paid = mk::test::paymentFixture(QStringLiteral("pay-reply.json"));
    QJsonArray params = paid.value(u"parameter").toArray();
    params.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("status")},
                              {QStringLiteral("valueCode"), QStringLiteral("paid")}});
    paid.insert(QStringLiteral("parameter"), params);
    auto state = parsePhoneOrderStatus(paid, QStringLiteral("inv-1001-01"), Money::fen(10780));
    QVERIFY2(state.ok(), qPrintable(state.ok() ? QString() : state.error().message()));
    QCOMPARE(state.value().status, PhoneOrderStatus::Paid);
    QVERIFY(state.value().paid.has_value());
    QVERIFY(!parsePhoneOrderStatus(paid, QStringLiteral("inv-other"), Money::fen(10780)).ok());
    QVERIFY(!parsePhoneOrderStatus(paid, QStringLiteral("inv-1001-01"), Money::fen(1)).ok());
}

void TestPaymentBodies::openCredit()
{
    OpenCreditRequest request;
    request.patientId = QStringLiteral("pat-1004");
    request.agreementVersion = QStringLiteral("2");
    request.consent = true;
    request.verification = Verification::face(0.35);
    auto parsed = parseOpenCreditParameters(wire(openCreditParameters(request)));
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message()));
    QCOMPARE(parsed.value().patientId, request.patientId);
    QCOMPARE(parsed.value().agreementVersion, request.agreementVersion);
    QVERIFY(parsed.value().consent);
    QCOMPARE(parsed.value().verification.method, VerificationMethod::Face);
    QCOMPARE(parsed.value().verification.scoreText, QStringLiteral("0.3500"));
    request.patientId.clear();
    QVERIFY(!parseOpenCreditParameters(wire(openCreditParameters(request))).ok());
}

QTEST_GUILESS_MAIN(TestPaymentBodies)
#include "tst_paymentbodies.moc"
