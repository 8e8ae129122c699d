// Bills (FHIR Invoice) and the other payment resources: the realistic fixtures of
// tests/data/payment parse to the expected figures; bad bills are refused with the field named;
// the writers are the parsers' inverse.
#include "PaymentTestUtil.h"
#include "payment/BillParser.h"
#include "payment/CreditLine.h"
#include "payment/EReceipt.h"
#include "payment/FhirWriters.h"
#include "payment/PaymentOutcome.h"

#include <QJsonArray>
#include <QTest>

using namespace mk::pay;
using mk::test::paymentFixture;

Q_DECLARE_METATYPE(mk::pay::PayErrorCode)

namespace {

// Replaces the first occurrence of `from` in the fixture's text and parses the result.
QJsonObject mutated(const QString& fixture, const QByteArray& from, const QByteArray& to)
{
    QByteArray bytes = mk::test::paymentFixtureBytes(fixture);
    const qsizetype at = bytes.indexOf(from);
    if (at < 0) return {};
    bytes.replace(at, from.size(), to);
    auto doc = parseExactJson(bytes);
    return doc.ok() ? doc.value().object() : QJsonObject();
}

}  // namespace

class TestBill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outpatientInvoice();
    void smallAmountsAddUpExactly();
    void badFixtures_data();
    void badFixtures();
    void badInvoices_data();
    void badInvoices();
    void bundle();
    void creditLine();
    void creditLineBundle();
    void eReceipt();
    void eReceiptBad_data();
    void eReceiptBad();
    void paymentReconciliation();
    void payReply();
    void payRules();
    void writersRoundTrip();
};

void TestBill::outpatientInvoice()
{
    auto bill = parseInvoice(paymentFixture(QStringLiteral("invoice-outpatient.json")));
    QVERIFY2(bill.ok(), qPrintable(bill.ok() ? QString() : bill.error().message()));
    const Bill& b = bill.value();
    QCOMPARE(b.id, QStringLiteral("inv-1001-01"));
    QCOMPARE(b.versionId, QStringLiteral("3"));
    QCOMPARE(b.billNumber, QStringLiteral("B20261204-0001"));
    QCOMPARE(b.patientId, QStringLiteral("pat-1001"));
    QCOMPARE(b.status, BillStatus::Issued);
    QVERIFY(b.payable());
    QCOMPARE(b.date.toUTC().toString(Qt::ISODate), QStringLiteral("2026-12-04T01:42:17Z"));
    QCOMPARE(b.lines.size(), 4);
    QCOMPARE(b.lines.at(0).category, ChargeCategory::Registration);
    QCOMPARE(b.lines.at(0).name(u"en"), QStringLiteral("Outpatient registration"));
    QCOMPARE(b.lines.at(0).name(u"zh"), QStringLiteral("普通门诊挂号费"));
    QCOMPARE(b.lines.at(0).insurance, Money());
    QCOMPARE(b.lines.at(1).category, ChargeCategory::Laboratory);
    QCOMPARE(b.lines.at(1).selfPay.toDecimalText(), QStringLiteral("7.50"));
    QCOMPARE(b.lines.at(2).category, ChargeCategory::Examination);
    QCOMPARE(b.lines.at(3).category, ChargeCategory::Medicine);
    QCOMPARE(b.lines.at(3).name(u"en"), b.lines.at(3).nameZh);  // no translation: Chinese
    QCOMPARE(b.totalGross.toDecimalText(), QStringLiteral("223.60"));
    QCOMPARE(b.totalNet.toDecimalText(), QStringLiteral("107.80"));
    QCOMPARE(b.insuranceTotal().toDecimalText(), QStringLiteral("115.80"));
}

void TestBill::smallAmountsAddUpExactly()
{
    // 1.1 + 2.20 + 0.29 = 3.59: in doubles 3.5900000000000003.
    auto bill = parseInvoice(paymentFixture(QStringLiteral("invoice-small-amounts.json")));
    QVERIFY2(bill.ok(), qPrintable(bill.ok() ? QString() : bill.error().message()));
    QCOMPARE(bill.value().totalNet.toFen(), qint64(359));
    QCOMPARE(bill.value().lines.at(0).gross.toFen(), qint64(110));
    QCOMPARE(bill.value().lines.at(2).gross.toFen(), qint64(29));
}

void TestBill::badFixtures_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<PayErrorCode>("code");
    QTest::addColumn<QString>("field");
    QTest::newRow("totals do not add up")
        << "invoice-bad-totals.json" << PayErrorCode::Mismatch << "totalNet";
    QTest::newRow("another currency") << "invoice-bad-currency.json" << PayErrorCode::Currency
                                      << "lineItem[2].priceComponent[0].amount.currency";
    QTest::newRow("3 decimals") << "invoice-bad-decimals.json" << PayErrorCode::TooManyDecimals
                                << "lineItem[3].priceComponent[0].amount.value";
}

void TestBill::badFixtures()
{
    QFETCH(QString, fixture);
    QFETCH(PayErrorCode, code);
    QFETCH(QString, field);
    const QJsonObject invoice = paymentFixture(fixture);
    QVERIFY(!invoice.isEmpty());
    auto bill = parseInvoice(invoice);
    QVERIFY(!bill.ok());
    QCOMPARE(bill.error().code, code);
    QCOMPARE(bill.error().field, field);
    QVERIFY(bill.error().message().startsWith(field));
}

void TestBill::badInvoices_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<PayErrorCode>("code");
    QTest::addColumn<QString>("field");
    QTest::newRow("not an invoice")
        << QByteArray(R"("resourceType": "Invoice")") << QByteArray(R"("resourceType": "Account")")
        << PayErrorCode::Invalid << "resourceType";
    QTest::newRow("no id") << QByteArray(R"("id": "inv-1001-01",)") << QByteArray()
                           << PayErrorCode::Missing << "id";
    QTest::newRow("unknown status")
        << QByteArray(R"("status": "issued")") << QByteArray(R"("status": "draft")")
        << PayErrorCode::Invalid << "status";
    QTest::newRow("subject not a patient")
        << QByteArray("Patient/pat-1001") << QByteArray("Group/g1") << PayErrorCode::Invalid
        << "subject.reference";
    QTest::newRow("bad date") << QByteArray("2026-12-04T09:42:17+08:00") << QByteArray("yesterday")
                              << PayErrorCode::Invalid << "date";
    QTest::newRow("no lines") << QByteArray(R"("lineItem": [)") << QByteArray(R"("lineItemX": [)")
                              << PayErrorCode::Missing << "lineItem";
    QTest::newRow("sequence 0") << QByteArray(R"("sequence": 1,)")
                                << QByteArray(R"("sequence": 0,)") << PayErrorCode::Invalid
                                << "lineItem[0].sequence";
    QTest::newRow("sequence repeated")
        << QByteArray(R"("sequence": 2,)") << QByteArray(R"("sequence": 1,)")
        << PayErrorCode::Invalid << "lineItem[1].sequence";
    QTest::newRow("sequence decimal")
        << QByteArray(R"("sequence": 1,)") << QByteArray(R"("sequence": 1.0,)")
        << PayErrorCode::Invalid << "lineItem[0].sequence";
    QTest::newRow("unknown category")
        << QByteArray(R"("code": "registration")") << QByteArray(R"("code": "parking")")
        << PayErrorCode::Invalid << "lineItem[0].chargeItemCodeableConcept.coding";
    QTest::newRow("no name") << QByteArray(R"("text": "普通门诊挂号费",)") << QByteArray()
                             << PayErrorCode::Missing
                             << "lineItem[0].chargeItemCodeableConcept.text";
    QTest::newRow("no base component")
        << QByteArray(R"([{"type": "base", "amount": {"value": 50.00, "currency": "CNY"}}])")
        << QByteArray(R"([])") << PayErrorCode::Missing << "lineItem[0].priceComponent";
    QTest::newRow("two base components")
        << QByteArray(R"([{"type": "base", "amount": {"value": 50.00, "currency": "CNY"}}])")
        << QByteArray(R"([{"type": "base", "amount": {"value": 50.00, "currency": "CNY"}},)"
                      R"({"type": "base", "amount": {"value": 50.00, "currency": "CNY"}}])")
        << PayErrorCode::Invalid << "lineItem[0].priceComponent[1]";
    QTest::newRow("unknown deduction")
        << QByteArray(R"({"text": "insurance"})") << QByteArray(R"({"text": "coupon"})")
        << PayErrorCode::Invalid << "lineItem[1].priceComponent[1].code.text";
    QTest::newRow("deduction above base") << QByteArray(R"({"value": 17.50, "currency": "CNY"})")
                                          << QByteArray(R"({"value": 25.01, "currency": "CNY"})")
                                          << PayErrorCode::Mismatch << "lineItem[1].priceComponent";
    QTest::newRow("negative amount")
        << QByteArray(R"({"value": 50.00, "currency": "CNY"})")
        << QByteArray(R"({"value": -50.00, "currency": "CNY"})") << PayErrorCode::Negative
        << "lineItem[0].priceComponent[0].amount.value";
    QTest::newRow("amount as string")
        << QByteArray(R"({"value": 50.00, "currency": "CNY"})")
        << QByteArray(R"({"value": "50.00", "currency": "CNY"})") << PayErrorCode::Invalid
        << "lineItem[0].priceComponent[0].amount.value";
    QTest::newRow("exponent amount")
        << QByteArray(R"({"value": 50.00, "currency": "CNY"})")
        << QByteArray(R"({"value": 5e1, "currency": "CNY"})") << PayErrorCode::Syntax
        << "lineItem[0].priceComponent[0].amount.value";
    QTest::newRow("gross does not add up") << QByteArray(R"("totalGross": {"value": 223.60)")
                                           << QByteArray(R"("totalGross": {"value": 223.59)")
                                           << PayErrorCode::Mismatch << "totalGross";
    QTest::newRow("no totalNet") << QByteArray(R"("totalNet")") << QByteArray(R"("totalNetX")")
                                 << PayErrorCode::Missing << "totalNet";
    QTest::newRow("huge line") << QByteArray(R"({"value": 120.00, "currency": "CNY"})")
                               << QByteArray(R"({"value": 99999999999999.00, "currency": "CNY"})")
                               << PayErrorCode::OutOfRange
                               << "lineItem[2].priceComponent[0].amount.value";
}

void TestBill::badInvoices()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(PayErrorCode, code);
    QFETCH(QString, field);
    const QJsonObject invoice = mutated(QStringLiteral("invoice-outpatient.json"), from, to);
    QVERIFY2(!invoice.isEmpty(), "the mutation must apply and stay JSON");
    auto bill = parseInvoice(invoice);
    QVERIFY(!bill.ok());
    QCOMPARE(bill.error().field, field);
    QCOMPARE(bill.error().code, code);
}

void TestBill::bundle()
{
    const QJsonObject a = paymentFixture(QStringLiteral("invoice-outpatient.json"));
    const QJsonObject b = paymentFixture(QStringLiteral("invoice-small-amounts.json"));
    QJsonObject bundle{
        {QStringLiteral("resourceType"), QStringLiteral("Bundle")},
        {QStringLiteral("type"), QStringLiteral("searchset")},
        {QStringLiteral("entry"), QJsonArray{QJsonObject{{QStringLiteral("resource"), a}},
                                             QJsonObject{{QStringLiteral("resource"), b}}}}};
    auto bills = parseInvoiceBundle(bundle);
    QVERIFY(bills.ok());
    QCOMPARE(bills.value().size(), 2);
    bundle.insert(
        QStringLiteral("entry"),
        QJsonArray{QJsonObject{{QStringLiteral("resource"), a}},
                   QJsonObject{{QStringLiteral("resource"),
                                paymentFixture(QStringLiteral("invoice-bad-totals.json"))}}});
    auto bad = parseInvoiceBundle(bundle);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().field, QStringLiteral("entry[1].resource.totalNet"));
    bundle.remove(QStringLiteral("entry"));
    QCOMPARE(parseInvoiceBundle(bundle).value().size(), 0);
}

void TestBill::creditLine()
{
    auto line = parseCreditLineAccount(paymentFixture(QStringLiteral("account-credit-line.json")));
    QVERIFY2(line.ok(), qPrintable(line.ok() ? QString() : line.error().message()));
    const CreditLine& c = line.value();
    QCOMPARE(c.status, CreditStatus::Active);
    QCOMPARE(c.patientId, QStringLiteral("pat-1003"));
    QCOMPARE(c.limit.toDecimalText(), QStringLiteral("500.00"));
    QCOMPARE(c.used.toDecimalText(), QStringLiteral("430.00"));
    QCOMPARE(c.available().toDecimalText(), QStringLiteral("70.00"));
    QCOMPARE(c.maxCharge(true).toDecimalText(), QStringLiteral("70.00"));
    QCOMPARE(c.limitWithoutFace.toDecimalText(), QStringLiteral("200.00"));
    QVERIFY(c.repayUrl.startsWith(QStringLiteral("https://")));
    CreditLine over = c;
    over.used = Money::yuan(600);
    QCOMPARE(over.available(), Money());  // never negative
    over.used = Money();
    QCOMPARE(over.maxCharge(false).toDecimalText(), QStringLiteral("200.00"));

    const QJsonObject onHold = mutated(QStringLiteral("account-credit-line.json"),
                                       R"("status": "active")", R"("status": "on-hold")");
    QCOMPARE(parseCreditLineAccount(onHold).value().status, CreditStatus::OnHold);
    QVERIFY(!parseCreditLineAccount(onHold).value().usable());
    const QJsonObject usd = mutated(QStringLiteral("account-credit-line.json"),
                                    R"(430.00, "currency": "CNY")", R"(430.00, "currency": "USD")");
    QCOMPARE(parseCreditLineAccount(usd).error().code, PayErrorCode::Currency);
    const QJsonObject noLimit = mutated(QStringLiteral("account-credit-line.json"),
                                        R"("url": "limit")", R"("url": "limit-x")");
    QCOMPARE(parseCreditLineAccount(noLimit).error().code, PayErrorCode::Missing);
    const QJsonObject wrongType = mutated(QStringLiteral("account-credit-line.json"),
                                          R"("code": "credit-line")", R"("code": "deposit")");
    QCOMPARE(parseCreditLineAccount(wrongType).error().field, QStringLiteral("type"));
}

void TestBill::creditLineBundle()
{
    QJsonObject bundle{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                       {QStringLiteral("type"), QStringLiteral("searchset")}};
    auto none = parseCreditLineBundle(bundle);
    QVERIFY(none.ok());
    QVERIFY(!none.value().has_value());
    const QJsonObject account = paymentFixture(QStringLiteral("account-credit-line.json"));
    bundle.insert(QStringLiteral("entry"),
                  QJsonArray{QJsonObject{{QStringLiteral("resource"), account}}});
    QVERIFY(parseCreditLineBundle(bundle).value().has_value());
    bundle.insert(QStringLiteral("entry"),
                  QJsonArray{QJsonObject{{QStringLiteral("resource"), account}},
                             QJsonObject{{QStringLiteral("resource"), account}}});
    QVERIFY(!parseCreditLineBundle(bundle).ok());
}

void TestBill::eReceipt()
{
    auto r = parseEReceipt(paymentFixture(QStringLiteral("e-receipt.json")));
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message()));
    QCOMPARE(r.value().invoiceCode, QStringLiteral("35010126"));
    QCOMPARE(r.value().invoiceNumber, QStringLiteral("0001234567"));
    QCOMPARE(r.value().checkCode, QStringLiteral("a3F9k2"));
    QCOMPARE(r.value().amount.toDecimalText(), QStringLiteral("107.80"));
    QCOMPARE(r.value().payer, QStringLiteral("张三明"));
    QVERIFY(r.value().issued.isValid());
    QVERIFY(r.value().url.startsWith(QStringLiteral("https://einvoice.")));
}

void TestBill::eReceiptBad_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("field");
    QTest::newRow("invoice code short") << QByteArray("\"35010126\"") << QByteArray("\"3501012\"")
                                        << "extension[e-receipt].invoiceCode";
    QTest::newRow("invoice code letters")
        << QByteArray("\"35010126\"") << QByteArray("\"3501012A\"")
        << "extension[e-receipt].invoiceCode";
    QTest::newRow("number 9 digits") << QByteArray("\"0001234567\"") << QByteArray("\"001234567\"")
                                     << "extension[e-receipt].invoiceNumber";
    QTest::newRow("check code 5") << QByteArray("\"a3F9k2\"") << QByteArray("\"a3F9k\"")
                                  << "extension[e-receipt].checkCode";
    QTest::newRow("amount 3 decimals") << QByteArray("107.80") << QByteArray("107.801")
                                       << "extension[e-receipt].amount.valueMoney.value";
    QTest::newRow("no url") << QByteArray("\"url\": \"https") << QByteArray("\"urlx\": \"https")
                            << "content[0].attachment.url";
    QTest::newRow("not e-receipt") << QByteArray("\"code\": \"e-receipt\"")
                                   << QByteArray("\"code\": \"credit-agreement\"") << "type";
}

void TestBill::eReceiptBad()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, field);
    const QJsonObject doc = mutated(QStringLiteral("e-receipt.json"), from, to);
    QVERIFY(!doc.isEmpty());
    auto r = parseEReceipt(doc);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().field, field);
}

void TestBill::paymentReconciliation()
{
    auto p =
        parsePaymentReconciliation(paymentFixture(QStringLiteral("payment-reconciliation.json")));
    QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().message()));
    QCOMPARE(p.value().invoiceId, QStringLiteral("inv-1001-01"));
    QCOMPARE(p.value().deviceId, QStringLiteral("KIOSK-DEMO-01"));
    QCOMPARE(p.value().amount.toDecimalText(), QStringLiteral("107.80"));
    QCOMPARE(p.value().method, PayMethod::Credit);
    QCOMPARE(p.value().outcome, QStringLiteral("complete"));
    QCOMPARE(p.value().idempotencyKey, QStringLiteral("6f1c2d3e-4b5a-4c6d-8e7f-90a1b2c3d4e5"));
}

void TestBill::payReply()
{
    const QJsonObject reply = paymentFixture(QStringLiteral("pay-reply.json"));
    PaymentIntent intent;
    intent.invoiceId = QStringLiteral("inv-1001-01");
    intent.amountShown = Money::fen(10780);
    intent.method = PayMethod::Credit;
    intent.idempotencyKey = QStringLiteral("6f1c2d3e-4b5a-4c6d-8e7f-90a1b2c3d4e5");
    auto ok = parsePayReply(reply, intent);
    QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : ok.error().message()));
    QCOMPARE(ok.value().receipt.invoiceNumber, QStringLiteral("0001234567"));

    PaymentIntent other = intent;
    other.invoiceId = QStringLiteral("inv-9999");
    QCOMPARE(parsePayReply(reply, other).error().code, PayErrorCode::Mismatch);
    other = intent;
    other.amountShown = Money::fen(10781);
    QCOMPARE(parsePayReply(reply, other).error().field,
             QStringLiteral("payment.resource.paymentAmount"));
    other = intent;
    other.idempotencyKey = newIdempotencyKey();
    QCOMPARE(parsePayReply(reply, other).error().field,
             QStringLiteral("payment.resource.identifier"));
    // The receipt's amount must be the payment's.
    QByteArray bytes = mk::test::paymentFixtureBytes(QStringLiteral("pay-reply.json"));
    const qsizetype last = bytes.lastIndexOf("107.80");
    bytes.replace(last, 6, "107.70");
    auto changed = parsePayReply(parseExactJson(bytes).value().object(), intent);
    QCOMPARE(changed.error().code, PayErrorCode::Mismatch);
    QCOMPARE(changed.error().field, QStringLiteral("receipt.resource"));
}

void TestBill::payRules()
{
    const char* codes[] = {
        "amount-changed",        "credit-limit",     "credit-suspended",       "no-credit",
        "verification-required", "already-paid",     "idempotency-key-reused", "credit-refused",
        "invoice-cancelled",     "consent-required", "agreement-outdated",     "order-expired",
        "order-cancelled"};
    for (const char* code : codes) {
        const PayRule rule = payRuleFromCode(QString::fromLatin1(code));
        QVERIFY(rule != PayRule::Other && rule != PayRule::Unset);
        QCOMPARE(payRuleCode(rule), QString::fromLatin1(code));
    }
    QCOMPARE(payRuleFromCode(u"slot-taken"), PayRule::Other);
    auto outcome = parseExactJson(
        R"({"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "business-rule",
            "details": {"coding": [{"system": "http://medkiosk.example/fhir/CodeSystem/rule",
            "code": "already-paid"}], "text": "Already paid"}}]})");
    QCOMPARE(operationOutcomeRule(outcome.value().object()), PayRule::AlreadyPaid);
    QCOMPARE(operationOutcomeRule(QJsonObject{}), PayRule::Unset);
    // The existing rules' system (what the simulator sends).
    auto urn = parseExactJson(
        R"({"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "business-rule",
            "details": {"coding": [{"system": "urn:medkiosk:rule", "code": "credit-limit"}]}}]})");
    QCOMPARE(operationOutcomeRule(urn.value().object()), PayRule::CreditLimit);
    // A code of another system is not a rule.
    auto other = parseExactJson(
        R"({"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "invalid",
            "details": {"coding": [{"system": "urn:other", "code": "credit-limit"}]}}]})");
    QCOMPARE(operationOutcomeRule(other.value().object()), PayRule::Unset);
}

void TestBill::writersRoundTrip()
{
    // Every writer's output, written as text and read back exactly, parses to the same value.
    auto reread = [](const QJsonObject& o) {
        return parseExactJson(writeExactJson(o)).value().object();
    };
    const Bill bill =
        parseInvoice(paymentFixture(QStringLiteral("invoice-outpatient.json"))).value();
    const Bill again = parseInvoice(reread(invoiceJson(bill))).value();
    QCOMPARE(again.totalNet, bill.totalNet);
    QCOMPARE(again.lines.size(), bill.lines.size());
    QCOMPARE(again.lines.at(1).nameEn, bill.lines.at(1).nameEn);
    QCOMPARE(again.lines.at(1).insurance, bill.lines.at(1).insurance);
    QCOMPARE(again.billNumber, bill.billNumber);
    QCOMPARE(again.dateText, bill.dateText);

    const CreditLine line =
        parseCreditLineAccount(paymentFixture(QStringLiteral("account-credit-line.json"))).value();
    const CreditLine line2 = parseCreditLineAccount(reread(creditLineAccountJson(line))).value();
    QCOMPARE(line2.used, line.used);
    QCOMPARE(line2.repayUrl, line.repayUrl);

    const PayReply reply{
        parsePaymentReconciliation(paymentFixture(QStringLiteral("payment-reconciliation.json")))
            .value(),
        parseEReceipt(paymentFixture(QStringLiteral("e-receipt.json"))).value()};
    PaymentIntent intent;
    intent.invoiceId = reply.payment.invoiceId;
    intent.amountShown = reply.payment.amount;
    intent.idempotencyKey = reply.payment.idempotencyKey;
    auto back = parsePayReply(reread(payReplyJson(reply)), intent);
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message()));
    QCOMPARE(back.value().receipt.checkCode, reply.receipt.checkCode);
    QCOMPARE(back.value().payment.method, PayMethod::Credit);
    // The money text on the wire is canonical.
    QVERIFY(writeExactJson(invoiceJson(bill)).contains(R"("value":223.60)"));
}

QTEST_GUILESS_MAIN(TestBill)
#include "tst_bill.moc"
