// The simulator's payment side (issue 9, docs/pool-protocol.md "Payments"), over real HTTP on
// loopback: every rule code of $pay, idempotent replay and a key reused for another body, two
// payers of one invoice at once, a charge whose reply is lost, 5xx storms, pay by phone (paid,
// expired, cancelled), opening credit care (granted, refused), state across a restart. Money is
// read from the replies exactly (payment/ExactJson.h), never through a double.
#include "SimTestUtil.h"
#include "payment/BillParser.h"
#include "payment/CreditLine.h"
#include "payment/EReceipt.h"
#include "payment/ExactJson.h"
#include "payment/FhirMoney.h"
#include "payment/PaymentOutcome.h"
#include "poolsim/SimulatorThread.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mk::sim;
using namespace mk::sim::test;

namespace {

QUrl fhir(const QUrl& base, const QString& path)
{
    return QUrl(base.toString() + QLatin1Char('/') + path);
}

QUrl control(const QUrl& base, const QString& path)
{
    QUrl u(base);
    u.setPath(path);
    return u;
}

// A $pay body written as text, so the amount literal is exactly what a client sends.
QByteArray payBody(const QString& amount, const QString& verification = QStringLiteral("face"),
                   const QString& currency = QStringLiteral("CNY"),
                   const QString& method = QStringLiteral("credit"))
{
    QString v;
    if (verification == QLatin1String("face")) {
        v = QStringLiteral(
            R"(,{"name":"verification","part":[{"name":"method","valueCode":"face"},)"
            R"({"name":"score","valueDecimal":0.93}]})");
    } else if (verification == QLatin1String("phone-digits")) {
        v = QStringLiteral(
            R"(,{"name":"verification","part":[{"name":"method","valueCode":"phone-digits"}]})");
    } else if (verification == QLatin1String("face-no-score")) {
        v = QStringLiteral(
            R"(,{"name":"verification","part":[{"name":"method","valueCode":"face"}]})");
    } else if (verification == QLatin1String("face-bad-score")) {
        v = QStringLiteral(
            R"(,{"name":"verification","part":[{"name":"method","valueCode":"face"},)"
            R"({"name":"score","valueDecimal":1.5}]})");
    }
    return QStringLiteral(R"({"resourceType":"Parameters","parameter":[)"
                          R"({"name":"method","valueCode":"%1"},)"
                          R"({"name":"amount","valueMoney":{"value":%2,"currency":"%3"}}%4]})")
        .arg(method, amount, currency, v)
        .toUtf8();
}

Reply payInvoice(const QUrl& base, const QString& invoice, const QByteArray& body,
                 const QByteArray& key, int timeout_ms = 10000)
{
    return call(QByteArrayLiteral("POST"),
                fhir(base, QStringLiteral("Invoice/%1/$pay").arg(invoice)), body,
                {{QByteArrayLiteral("Idempotency-Key"), key}}, timeout_ms);
}

QJsonObject exact(const Reply& r)
{
    const mk::pay::PayResult<QJsonDocument> doc = mk::pay::parseExactJson(r.body);
    return doc ? doc.value().object() : QJsonObject();
}

QJsonObject param(const QJsonObject& parameters, const QString& name)
{
    for (const QJsonValue& v : parameters.value(QStringLiteral("parameter")).toArray()) {
        if (v.toObject().value(QStringLiteral("name")).toString() == name) return v.toObject();
    }
    return {};
}

// The canonical text of a FHIR Money read exactly ("" when it is not valid).
QString moneyText(const QJsonValue& money)
{
    const mk::pay::PayResult<mk::pay::Money> m =
        mk::pay::readFhirMoney(money, QStringLiteral("money"));
    return m ? m.value().toDecimalText() : QString();
}

QString subExtension(const QJsonObject& resource, const QString& name, const QString& type)
{
    const QJsonArray parts = resource.value(QStringLiteral("extension"))
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value(QStringLiteral("extension"))
                                 .toArray();
    for (const QJsonValue& v : parts) {
        if (v.toObject().value(QStringLiteral("url")).toString() == name) {
            const QJsonValue value = v.toObject().value(type);
            return type == QLatin1String("valueMoney") ? moneyText(value) : value.toString();
        }
    }
    return {};
}

QJsonObject creditLine(const QUrl& base, const QString& patient)
{
    return exact(get(base,
                     QStringLiteral("Account?patient=Patient/%1&type=credit-line").arg(patient)))
        .value(QStringLiteral("entry"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("resource"))
        .toObject();
}

QString invoiceStatus(const QUrl& base, const QString& invoice)
{
    return get(base, QStringLiteral("Invoice/") + invoice)
        .json()
        .value(QStringLiteral("status"))
        .toString();
}

int paymentsApplied(const QUrl& base)
{
    return call(QByteArrayLiteral("GET"), control(base, QStringLiteral("/_sim/stats")))
        .json()
        .value(QStringLiteral("payments_applied"))
        .toInt(-1);
}

QByteArray openCreditBody(const QString& patient, bool consent = true,
                          const QString& verification = QStringLiteral("face"),
                          const QString& version = QStringLiteral("1"))
{
    const QString v =
        verification.isEmpty()
            ? QString()
            : QStringLiteral(
                  R"(,{"name":"verification","part":[{"name":"method","valueCode":"%1"},)"
                  R"({"name":"score","valueDecimal":0.91}]})")
                  .arg(verification);
    return QStringLiteral(R"({"resourceType":"Parameters","parameter":[)"
                          R"({"name":"patient","valueReference":{"reference":"Patient/%1"}},)"
                          R"({"name":"agreementVersion","valueString":"%2"},)"
                          R"({"name":"consent","valueBoolean":%3}%4]})")
        .arg(patient, version, consent ? QStringLiteral("true") : QStringLiteral("false"), v)
        .toUtf8();
}

Reply postOpenCredit(const QUrl& base, const QByteArray& body, const QByteArray& key)
{
    return call(QByteArrayLiteral("POST"), fhir(base, QStringLiteral("Account/$open-credit")), body,
                {{QByteArrayLiteral("Idempotency-Key"), key}});
}

Reply phoneOrder(const QUrl& base, const QString& invoice, const QString& amount,
                 const QByteArray& key)
{
    return call(QByteArrayLiteral("POST"),
                fhir(base, QStringLiteral("Invoice/%1/$phone-order").arg(invoice)),
                QStringLiteral(R"({"resourceType":"Parameters","parameter":[{"name":"amount",)"
                               R"("valueMoney":{"value":%1,"currency":"CNY"}}]})")
                    .arg(amount)
                    .toUtf8(),
                {{QByteArrayLiteral("Idempotency-Key"), key}});
}

QString orderStatus(const QUrl& base, const QString& invoice, const QString& order)
{
    return param(exact(get(base,
                           QStringLiteral("Invoice/%1/$phone-order?order=%2").arg(invoice, order))),
                 QStringLiteral("status"))
        .value(QStringLiteral("valueCode"))
        .toString();
}

std::unique_ptr<SimulatorThread> startSim(const SimOptions& o)
{
    auto sim = std::make_unique<SimulatorThread>(o);
    QString error;
    if (!sim->start(&error)) qWarning("simulator: %s", qPrintable(error));
    return sim;
}

}  // namespace

class TestPoolSimPayments : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seededBillsAndCredit();
    void refusals_data();
    void refusals();
    void paysAndIssuesReceipt();
    void childPaysOnGuardianLine();
    void limitWithoutFaceConfigurable();
    void replaySameKey();
    void keyReusedWithAnotherBody();
    void concurrentPayersOfOneInvoice();
    void chargeThenReplyLost_data();
    void chargeThenReplyLost();
    void serverErrorStorm();
    void phoneOrderPaid();
    void phoneOrderExpires();
    void phoneOrderCancelled();
    void openCredit_data();
    void openCredit();
    void receiptNumbersUnique();
    void stateSurvivesRestart();
    void kioskParsersAcceptEverything();
};

void TestPoolSimPayments::seededBillsAndCredit()
{
    auto sim = startSim(options());
    const QUrl base = sim->baseUrl();
    const Reply bills = get(base, QStringLiteral("Invoice?subject=Patient/pat-1001&status=issued"));
    QCOMPARE(bills.status, 200);
    // Exact 2-decimal money on the wire, whatever QJsonDocument would make of it.
    QVERIFY(bills.body.contains(R"("totalNet":{"currency":"CNY","value":346.70})"));
    QVERIFY(bills.body.contains(R"("value":102.25)"));
    const QJsonArray entries = exact(bills).value(QStringLiteral("entry")).toArray();
    QCOMPARE(entries.size(), 3);
    QString previous;
    for (const QJsonValue& e : entries) {  // oldest first
        const QString date = e.toObject()
                                 .value(QStringLiteral("resource"))
                                 .toObject()
                                 .value(QStringLiteral("date"))
                                 .toString();
        QVERIFY2(date.endsWith(QLatin1String("+08:00")), qPrintable(date));
        QVERIFY(previous < date);
        previous = date;
    }
    const QJsonObject line1001 = creditLine(base, QStringLiteral("pat-1001"));
    QCOMPARE(line1001.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    QCOMPARE(subExtension(line1001, QStringLiteral("limit"), QStringLiteral("valueMoney")),
             QStringLiteral("3000.00"));
    QCOMPARE(subExtension(line1001, QStringLiteral("used"), QStringLiteral("valueMoney")),
             QStringLiteral("0.00"));
    QCOMPARE(
        subExtension(line1001, QStringLiteral("limitWithoutFace"), QStringLiteral("valueMoney")),
        QStringLiteral("200.00"));
    const QJsonObject line1004 = creditLine(base, QStringLiteral("pat-1004"));
    QCOMPARE(subExtension(line1004, QStringLiteral("used"), QStringLiteral("valueMoney")),
             QStringLiteral("430.00"));
    QCOMPARE(
        creditLine(base, QStringLiteral("pat-1005")).value(QStringLiteral("status")).toString(),
        QStringLiteral("on-hold"));
    QVERIFY(creditLine(base, QStringLiteral("pat-1006")).isEmpty());
    // The agreement in both languages, its version in meta.
    const QJsonObject agreement =
        get(base, QStringLiteral("DocumentReference?type=credit-agreement"))
            .json()
            .value(QStringLiteral("entry"))
            .toArray()
            .at(0)
            .toObject()
            .value(QStringLiteral("resource"))
            .toObject();
    QCOMPARE(agreement.value(QStringLiteral("meta"))
                 .toObject()
                 .value(QStringLiteral("versionId"))
                 .toString(),
             QStringLiteral("1"));
    const QJsonArray content = agreement.value(QStringLiteral("content")).toArray();
    QCOMPARE(content.size(), 2);
    const QString zh =
        QString::fromUtf8(QByteArray::fromBase64(content.at(0)
                                                     .toObject()
                                                     .value(QStringLiteral("attachment"))
                                                     .toObject()
                                                     .value(QStringLiteral("data"))
                                                     .toString()
                                                     .toLatin1()));
    QVERIFY(zh.contains(QStringLiteral("信用就医")));
    // Deterministic: a second simulator with the same seed serves the same bills.
    auto again = startSim(options());
    QCOMPARE(get(again->baseUrl(), QStringLiteral("Invoice?subject=Patient/pat-1103")).body.size(),
             get(base, QStringLiteral("Invoice?subject=Patient/pat-1103")).body.size());
    // A search without its narrowing criterion is refused (personal data).
    QCOMPARE(get(base, QStringLiteral("Invoice?status=issued")).status, 400);
    QCOMPARE(get(base, QStringLiteral("DocumentReference?type=e-receipt")).status, 400);
}

void TestPoolSimPayments::refusals_data()
{
    QTest::addColumn<QString>("setup");  // "", amend, window
    QTest::addColumn<QString>("invoice");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("rule");

    QTest::newRow("amount-changed (kiosk showed another total)")
        << QString() << "inv-1001-3" << payBody(QStringLiteral("100.00")) << 422
        << "amount-changed";
    QTest::newRow("amount-changed (bill amended since)")
        << "amend"
        << "inv-1001-3" << payBody(QStringLiteral("102.25")) << 422 << "amount-changed";
    QTest::newRow("credit-limit (over available)")
        << QString() << "inv-1004-2" << payBody(QStringLiteral("98.50")) << 422 << "credit-limit";
    QTest::newRow("credit-limit (over the limit without face)")
        << QString() << "inv-1001-1"
        << payBody(QStringLiteral("346.70"), QStringLiteral("phone-digits")) << 422
        << "credit-limit";
    QTest::newRow("credit-suspended")
        << QString() << "inv-1005-1" << payBody(QStringLiteral("48.80")) << 422
        << "credit-suspended";
    QTest::newRow("no-credit") << QString() << "inv-1006-1" << payBody(QStringLiteral("101.00"))
                               << 422 << "no-credit";
    QTest::newRow("verification-required (none)")
        << QString() << "inv-1001-3" << payBody(QStringLiteral("102.25"), QString()) << 422
        << "verification-required";
    QTest::newRow("verification-required (face without score)")
        << QString() << "inv-1001-3"
        << payBody(QStringLiteral("102.25"), QStringLiteral("face-no-score")) << 422
        << "verification-required";
    QTest::newRow("verification-required (score out of range)")
        << QString() << "inv-1001-3"
        << payBody(QStringLiteral("102.25"), QStringLiteral("face-bad-score")) << 422
        << "verification-required";
    QTest::newRow("already-paid (cashier window)")
        << "window"
        << "inv-1001-3" << payBody(QStringLiteral("102.25")) << 409 << "already-paid";
    QTest::newRow("unknown invoice")
        << QString() << "inv-nope" << payBody(QStringLiteral("1.00")) << 404 << QString();
    QTest::newRow("3 decimals") << QString() << "inv-1001-3" << payBody(QStringLiteral("102.250"))
                                << 400 << QString();
    QTest::newRow("another currency")
        << QString() << "inv-1001-3"
        << payBody(QStringLiteral("102.25"), QStringLiteral("face"), QStringLiteral("USD")) << 400
        << QString();
    QTest::newRow("negative") << QString() << "inv-1001-3" << payBody(QStringLiteral("-102.25"))
                              << 400 << QString();
    QTest::newRow("amount as a string")
        << QString() << "inv-1001-3" << payBody(QStringLiteral("\"102.25\"")) << 400 << QString();
    QTest::newRow("exponent") << QString() << "inv-1001-3" << payBody(QStringLiteral("1.0225e2"))
                              << 400 << QString();
    QTest::newRow("method other than credit")
        << QString() << "inv-1001-3"
        << payBody(QStringLiteral("102.25"), QStringLiteral("face"), QStringLiteral("CNY"),
                   QStringLiteral("cash"))
        << 400 << QString();
    QTest::newRow("not JSON") << QString() << "inv-1001-3" << QByteArray("{\"resourceType\":")
                              << 400 << QString();
}

void TestPoolSimPayments::refusals()
{
    QFETCH(QString, setup);
    QFETCH(QString, invoice);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, rule);
    auto sim = startSim(options());
    const QUrl base = sim->baseUrl();
    if (!setup.isEmpty()) {
        const QString action = setup == QLatin1String("amend") ? QStringLiteral("amend")
                                                               : QStringLiteral("pay-at-window");
        QCOMPARE(call(QByteArrayLiteral("POST"),
                      control(base, QStringLiteral("/_sim/invoices/%1/%2").arg(invoice, action)))
                     .status,
                 200);
    }
    const QString before_used = subExtension(creditLine(base, QStringLiteral("pat-1001")),
                                             QStringLiteral("used"), QStringLiteral("valueMoney"));
    const Reply r = payInvoice(base, invoice, body, QByteArrayLiteral("k-refused-1"));
    QCOMPARE(r.status, status);
    QCOMPARE(r.json().value(QStringLiteral("resourceType")).toString(),
             QStringLiteral("OperationOutcome"));
    QVERIFY(!r.issue().value(QStringLiteral("diagnostics")).toString().isEmpty());
    QCOMPARE(r.ruleCode(), rule);
    if (!rule.isEmpty()) {
        QCOMPARE(r.issue()
                     .value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("coding"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("system"))
                     .toString(),
                 QStringLiteral("urn:medkiosk:rule"));
    }
    // Nothing was charged.
    QCOMPARE(paymentsApplied(base), 0);
    QCOMPARE(subExtension(creditLine(base, QStringLiteral("pat-1001")), QStringLiteral("used"),
                          QStringLiteral("valueMoney")),
             before_used);
}

void TestPoolSimPayments::paysAndIssuesReceipt()
{
    auto sim = startSim(options());
    const QUrl base = sim->baseUrl();
    const Reply r = payInvoice(base, QStringLiteral("inv-1001-3"),
                               payBody(QStringLiteral("102.25")), QByteArrayLiteral("k-pay-1"));
    QCOMPARE(r.status, 200);
    const QJsonObject result = exact(r);
    const QJsonObject payment =
        param(result, QStringLiteral("payment")).value(QStringLiteral("resource")).toObject();
    const QJsonObject receipt =
        param(result, QStringLiteral("receipt")).value(QStringLiteral("resource")).toObject();
    QCOMPARE(payment.value(QStringLiteral("resourceType")).toString(),
             QStringLiteral("PaymentReconciliation"));
    QCOMPARE(moneyText(payment.value(QStringLiteral("paymentAmount"))), QStringLiteral("102.25"));
    QCOMPARE(payment.value(QStringLiteral("outcome")).toString(), QStringLiteral("complete"));
    QCOMPARE(payment.value(QStringLiteral("request"))
                 .toObject()
                 .value(QStringLiteral("reference"))
                 .toString(),
             QStringLiteral("Invoice/inv-1001-3"));
    QCOMPARE(payment.value(QStringLiteral("identifier"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("value"))
                 .toString(),
             QStringLiteral("k-pay-1"));
    QCOMPARE(receipt.value(QStringLiteral("resourceType")).toString(),
             QStringLiteral("DocumentReference"));
    QCOMPARE(subExtension(receipt, QStringLiteral("amount"), QStringLiteral("valueMoney")),
             QStringLiteral("102.25"));
    QCOMPARE(subExtension(receipt, QStringLiteral("payer"), QStringLiteral("valueString")),
             QStringLiteral("李明"));
    const QString code =
        subExtension(receipt, QStringLiteral("invoiceCode"), QStringLiteral("valueString"));
    const QString number =
        subExtension(receipt, QStringLiteral("invoiceNumber"), QStringLiteral("valueString"));
    const QString check =
        subExtension(receipt, QStringLiteral("checkCode"), QStringLiteral("valueString"));
    QVERIFY2(code.size() >= 8 && code.size() <= 12 && code.toLongLong() > 0, qPrintable(code));
    QVERIFY2(number.size() == 10 && number.toLongLong() > 0, qPrintable(number));
    QCOMPARE(check.size(), 6);
    QVERIFY(receipt.value(QStringLiteral("content"))
                .toArray()
                .at(0)
                .toObject()
                .value(QStringLiteral("attachment"))
                .toObject()
                .value(QStringLiteral("url"))
                .toString()
                .contains(number));
    // The bill is paid, the line charged, the receipt and the payment can be found again.
    QCOMPARE(invoiceStatus(base, QStringLiteral("inv-1001-3")), QStringLiteral("balanced"));
    QCOMPARE(mk::pay::exactIntegerValue(
                 exact(get(base, QStringLiteral("Invoice?subject=Patient/pat-1001&status=issued")))
                     .value(QStringLiteral("total"))),
             std::optional<qint64>(2));
    QCOMPARE(subExtension(creditLine(base, QStringLiteral("pat-1001")), QStringLiteral("used"),
                          QStringLiteral("valueMoney")),
             QStringLiteral("102.25"));
    const QString day = receipt.value(QStringLiteral("date")).toString().left(10);
    const QDate next = QDate::fromString(day, Qt::ISODate).addDays(1);
    const Reply receipts = get(
        base, QStringLiteral("DocumentReference?subject=Patient/pat-1001&type=e-receipt&date=ge%1")
                  .arg(day));
    QCOMPARE(receipts.json().value(QStringLiteral("total")).toInt(), 1);
    QCOMPARE(get(base, QStringLiteral(
                           "DocumentReference?subject=Patient/pat-1001&type=e-receipt&date=ge%1")
                           .arg(next.toString(Qt::ISODate)))
                 .json()
                 .value(QStringLiteral("total"))
                 .toInt(),
             0);
    const Reply payments =
        get(base, QStringLiteral("PaymentReconciliation?requestor=Device/unauthenticated"
                                 "&created=ge%1&created=lt%2")
                      .arg(day, next.toString(Qt::ISODate)));
    QCOMPARE(payments.json().value(QStringLiteral("total")).toInt(), 1);
    QCOMPARE(get(base, QStringLiteral("PaymentReconciliation?requestor=Device/other-kiosk"))
                 .json()
                 .value(QStringLiteral("total"))
                 .toInt(),
             0);
    QCOMPARE(paymentsApplied(base), 1);
}

void TestPoolSimPayments::childPaysOnGuardianLine()
{
    auto sim = startSim(options());
    const QUrl base = sim->baseUrl();
    const Reply r = payInvoice(base, QStringLiteral("inv-1002-1"), payBody(QStringLiteral("46.90")),
                               QByteArrayLiteral("k-child-1"));
    QCOMPARE(r.status, 200);
    const QJsonObject receipt =
        param(exact(r), QStringLiteral("receipt")).value(QStringLiteral("resource")).toObject();
    QCOMPARE(receipt.value(QStringLiteral("subject"))
                 .toObject()
                 .value(QStringLiteral("reference"))
                 .toString(),
             QStringLiteral("Patient/pat-1002"));
    QCOMPARE(subExtension(receipt, QStringLiteral("payer"), QStringLiteral("valueString")),
             QStringLiteral("李明"));
    QCOMPARE(subExtension(creditLine(base, QStringLiteral("pat-1001")), QStringLiteral("used"),
                          QStringLiteral("valueMoney")),
             QStringLiteral("46.90"));
}

void TestPoolSimPayments::limitWithoutFaceConfigurable()
{
    {
        auto sim = startSim(options());  // default 200.00: 102.25 by phone digits is fine
        const Reply r =
            payInvoice(sim->baseUrl(), QStringLiteral("inv-1001-3"),
                       payBody(QStringLiteral("102.25"), QStringLiteral("phone-digits")),
                       QByteArrayLiteral("k-lwf-1"));
        QCOMPARE(r.status, 200);
    }
    SimOptions o = options();
    o.limit_without_face_fen = 10000;  // 100.00
    auto sim = startSim(o);
    const QUrl base = sim->baseUrl();
    QCOMPARE(subExtension(creditLine(base, QStringLiteral("pat-1001")),
                          QStringLiteral("limitWithoutFace"), QStringLiteral("valueMoney")),
             QStringLiteral("100.00"));
    const Reply r = payInvoice(base, QStringLiteral("inv-1001-3"),
                               payBody(QStringLiteral("102.25"), QStringLiteral("phone-digits")),
                               QByteArrayLiteral("k-lwf-2"));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.ruleCode(), QStringLiteral("credit-limit"));
    // The same charge with face goes through (a new key: the body differs).
    QCOMPARE(payInvoice(base, QStringLiteral("inv-1001-3"), payBody(QStringLiteral("102.25")),
                        QByteArrayLiteral("k-lwf-3"))
                 .status,
             200);
}

void TestPoolSimPayments::replaySameKey()
{
    auto sim = startSim(options());
    const QUrl base = sim->baseUrl();
    const QByteArray body = payBody(QStringLiteral("150.50"));
    const Reply first =
        payInvoice(base, QStringLiteral("inv-1001-2"), body, QByteArrayLiteral("k-r"));
    QCOMPARE(first.status, 200);
    const Reply second =
        payInvoice(base, QStringLiteral("inv-1001-2"), body, QByteArrayLiteral("k-r"));
    QCOMPARE(second.status, 200);
    QCOMPARE(second.body, first.body);  // the first result, byte for byte
    QCOMPARE(second.replayed, QByteArrayLiteral("true"));
    QCOMPARE(paymentsApplied(base), 1);
    QCOMPARE(subExtension(creditLine(base, QStringLiteral("pat-1001")), QStringLiteral("used"),
                          QStringLiteral("valueMoney")),
             QStringLiteral("150.50"));
    // Another key for the paid bill: already paid, nothing charged.
    const Reply other =
        payInvoice(base, QStringLiteral("inv-1001-2"), body, QByteArrayLiteral("k-r2"));
    QCOMPARE(other.status, 409);
    QCOMPARE(other.ruleCode(), QStringLiteral("already-paid"));
    QCOMPARE(paymentsApplied(base), 1);
}

void TestPoolSimPayments::keyReusedWithAnotherBody()
{
    auto sim = startSim(options());
    const QUrl base = sim->baseUrl();
    QCOMPARE(payInvoice(base, QStringLiteral("inv-1001-2"), payBody(QStringLiteral("150.50")),
                        QByteArrayLiteral("k-u"))
                 .status,
             200);
    // Same key, another invoice / another body: refused, neither replayed nor executed.
    const Reply other_invoice =
        payInvoice(base, QStringLiteral("inv-1001-3"), payBody(QStringLiteral("102.25")),
                   QByteArrayLiteral("k-u"));
    QCOMPARE(other_invoice.status, 422);
    QCOMPARE(other_invoice.ruleCode(), QStringLiteral("idempotency-key-reused"));
    const Reply other_body =
        payInvoice(base, QStringLiteral("inv-1001-2"),
                   payBody(QStringLiteral("150.50"), QStringLiteral("phone-digits")),
                   QByteArrayLiteral("k-u"));
    QCOMPARE(other_body.status, 422);
    QCOMPARE(other_body.ruleCode(), QStringLiteral("idempotency-key-reused"));
    QCOMPARE(invoiceStatus(base, QStringLiteral("inv-1001-3")), QStringLiteral("issued"));
    QCOMPARE(paymentsApplied(base), 1);
}

void TestPoolSimPayments::concurrentPayersOfOneInvoice()
{
    auto sim = startSim(options());
    const QUrl base = sim->baseUrl();
    const QList<QPair<QString, QString>> bills{
        {QStringLiteral("inv-1001-1"), QStringLiteral("346.70")},
        {QStringLiteral("inv-1001-2"), QStringLiteral("150.50")},
        {QStringLiteral("inv-1001-3"), QStringLiteral("102.25")},
        {QStringLiteral("inv-1002-1"), QStringLiteral("46.90")},
        {QStringLiteral("inv-1003-1"), QStringLiteral("53.80")}};
    QNetworkAccessManager kiosk_a;
    QNetworkAccessManager kiosk_b;
    for (const auto& [invoice, amount] : bills) {
        // Two kiosks, two keys, the same bill, sent at once.
        QList<QNetworkReply*> replies;
        int k = 0;
        for (QNetworkAccessManager* nam : {&kiosk_a, &kiosk_b}) {
            QNetworkRequest request(fhir(base, QStringLiteral("Invoice/%1/$pay").arg(invoice)));
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/fhir+json"));
            request.setRawHeader("Idempotency-Key",
                                 (invoice + QStringLiteral("-kiosk-%1").arg(++k)).toUtf8());
            replies.append(nam->post(request, payBody(amount)));
        }
        QTRY_VERIFY_WITH_TIMEOUT(replies.at(0)->isFinished() && replies.at(1)->isFinished(), 10000);
        QList<int> statuses;
        QString refused_rule;
        for (QNetworkReply* reply : replies) {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            statuses.append(status);
            if (status == 409) {
                Reply r;
                r.body = reply->readAll();
                refused_rule = r.ruleCode();
            }
            delete reply;
        }
        std::sort(statuses.begin(), statuses.end());
        QCOMPARE(statuses, (QList<int>{200, 409}));
        QCOMPARE(refused_rule, QStringLiteral("already-paid"));
    }
    QCOMPARE(paymentsApplied(base), int(bills.size()));
    QCOMPARE(subExtension(creditLine(base, QStringLiteral("pat-1001")), QStringLiteral("used"),
                          QStringLiteral("valueMoney")),
             QStringLiteral("700.15"));  // each bill once
}

void TestPoolSimPayments::chargeThenReplyLost_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("connection dropped after the charge") << QStringLiteral("drop-after-commit");
    QTest::newRow("no reply after the charge (time-out)") << QStringLiteral("hang-after-commit");
}

void TestPoolSimPayments::chargeThenReplyLost()
{
    QFETCH(QString, mode);
    auto sim = startSim(options());
    const QUrl base = sim->baseUrl();
    FaultSpec fault;
    fault.mode = mode;
    fault.count = 1;
    fault.path_contains = QStringLiteral("$pay");
    sim->setFault(fault);
    const QByteArray body = payBody(QStringLiteral("102.25"));
    // A raw client: QNetworkAccessManager would itself resend a request whose connection
    // closed before the reply (its retry, with the same key, would be the replay below).
    RawClient lost;
    QVERIFY(lost.connectTo(portOf(base)));
    lost.send(QByteArrayLiteral("POST /fhir/Invoice/inv-1001-3/$pay HTTP/1.1\r\n"
                                "Host: 127.0.0.1\r\nContent-Type: application/fhir+json\r\n"
                                "Idempotency-Key: k-lost\r\nContent-Length: ") +
              QByteArray::number(body.size()) + QByteArrayLiteral("\r\n\r\n") + body);
    QTRY_COMPARE_WITH_TIMEOUT(paymentsApplied(base), 1, 10000);  // the pool charged
    // ... and the kiosk heard nothing: reset, or still no reply a while later.
    QVERIFY(lost.waitClosed(mode == QLatin1String("drop-after-commit") ? 10000 : 500) ||
            mode == QLatin1String("hang-after-commit"));
    QCOMPARE(lost.status(), 0);
    // The kiosk's retry with the same key gets the first result, and nothing is charged again.
    const Reply retry =
        payInvoice(base, QStringLiteral("inv-1001-3"), body, QByteArrayLiteral("k-lost"));
    QCOMPARE(retry.status, 200);
    QCOMPARE(retry.replayed, QByteArrayLiteral("true"));
    QCOMPARE(param(exact(retry), QStringLiteral("payment"))
                 .value(QStringLiteral("resource"))
                 .toObject()
                 .value(QStringLiteral("id"))
                 .toString(),
             QStringLiteral("pay-1"));
    QCOMPARE(paymentsApplied(base), 1);
    QCOMPARE(subExtension(creditLine(base, QStringLiteral("pat-1001")), QStringLiteral("used"),
                          QStringLiteral("valueMoney")),
             QStringLiteral("102.25"));
}

void TestPoolSimPayments::serverErrorStorm()
{
    auto sim = startSim(options());
    const QUrl base = sim->baseUrl();
    FaultSpec fault;
    fault.mode = QStringLiteral("5xx");
    fault.count = 5;
    fault.path_contains = QStringLiteral("$pay");
    sim->setFault(fault);
    const QByteArray body = payBody(QStringLiteral("102.25"));
    for (int i = 0; i < 5; ++i) {
        const Reply r =
            payInvoice(base, QStringLiteral("inv-1001-3"), body, QByteArrayLiteral("k-storm"));
        QCOMPARE(r.status, 503);
        QCOMPARE(r.json().value(QStringLiteral("resourceType")).toString(),
                 QStringLiteral("OperationOutcome"));
    }
    QCOMPARE(paymentsApplied(base), 0);  // nothing charged during the storm
    QCOMPARE(get(base, QStringLiteral("Invoice/inv-1001-3")).status, 200);  // reads unaffected
    const Reply r =
        payInvoice(base, QStringLiteral("inv-1001-3"), body, QByteArrayLiteral("k-storm"));
    QCOMPARE(r.status, 200);
    QVERIFY(r.replayed.isEmpty());
    QCOMPARE(paymentsApplied(base), 1);
}

void TestPoolSimPayments::phoneOrderPaid()
{
    auto sim = startSim(options());
    const QUrl base = sim->baseUrl();
    QCOMPARE(phoneOrder(base, QStringLiteral("inv-1006-2"), QStringLiteral("150.00"),
                        QByteArrayLiteral("k-po-0"))
                 .ruleCode(),
             QStringLiteral("amount-changed"));
    const Reply created = phoneOrder(base, QStringLiteral("inv-1006-2"), QStringLiteral("155.00"),
                                     QByteArrayLiteral("k-po-1"));
    QCOMPARE(created.status, 201);
    const QJsonObject p = exact(created);
    const QString order =
        param(p, QStringLiteral("order")).value(QStringLiteral("valueString")).toString();
    QVERIFY(!order.isEmpty());
    QVERIFY(param(p, QStringLiteral("payUrl"))
                .value(QStringLiteral("valueUrl"))
                .toString()
                .contains(order));
    const QDateTime expires = QDateTime::fromString(
        param(p, QStringLiteral("expires")).value(QStringLiteral("valueInstant")).toString(),
        Qt::ISODateWithMs);
    QVERIFY(expires.isValid());
    const qint64 left_s = QDateTime::currentDateTimeUtc().secsTo(expires);
    QVERIFY2(left_s > 100 && left_s <= 120, qPrintable(QString::number(left_s)));
    QCOMPARE(orderStatus(base, QStringLiteral("inv-1006-2"), order), QStringLiteral("pending"));
    // The patient's phone pays.
    const Reply paid = call(QByteArrayLiteral("POST"),
                            control(base, QStringLiteral("/_sim/phone-orders/%1/pay").arg(order)));
    QCOMPARE(paid.status, 200);
    const Reply poll = get(base, QStringLiteral("Invoice/inv-1006-2/$phone-order?order=") + order);
    const QJsonObject polled = exact(poll);
    QCOMPARE(param(polled, QStringLiteral("status")).value(QStringLiteral("valueCode")).toString(),
             QStringLiteral("paid"));
    const QJsonObject payment =
        param(polled, QStringLiteral("payment")).value(QStringLiteral("resource")).toObject();
    QCOMPARE(moneyText(payment.value(QStringLiteral("paymentAmount"))), QStringLiteral("155.00"));
    QCOMPARE(payment.value(QStringLiteral("detail"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("type"))
                 .toObject()
                 .value(QStringLiteral("coding"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("code"))
                 .toString(),
             QStringLiteral("phone"));
    QVERIFY(!param(polled, QStringLiteral("receipt")).isEmpty());
    QCOMPARE(invoiceStatus(base, QStringLiteral("inv-1006-2")), QStringLiteral("balanced"));
    // Credit afterwards: already paid.
    QCOMPARE(payInvoice(base, QStringLiteral("inv-1006-2"), payBody(QStringLiteral("155.00")),
                        QByteArrayLiteral("k-po-2"))
                 .status,
             409);
    QCOMPARE(paymentsApplied(base), 1);
}

void TestPoolSimPayments::phoneOrderExpires()
{
    SimOptions o = options();
    o.phone_order_expiry_s = 1;
    auto sim = startSim(o);
    const QUrl base = sim->baseUrl();
    const Reply created = phoneOrder(base, QStringLiteral("inv-1005-1"), QStringLiteral("48.80"),
                                     QByteArrayLiteral("k-exp"));
    QCOMPARE(created.status, 201);
    const QString order = param(exact(created), QStringLiteral("order"))
                              .value(QStringLiteral("valueString"))
                              .toString();
    QTRY_COMPARE_WITH_TIMEOUT(orderStatus(base, QStringLiteral("inv-1005-1"), order),
                              QStringLiteral("expired"), 10000);
    const Reply late = call(QByteArrayLiteral("POST"),
                            control(base, QStringLiteral("/_sim/phone-orders/%1/pay").arg(order)));
    QCOMPARE(late.status, 409);
    QCOMPARE(late.ruleCode(), QStringLiteral("order-expired"));
    QCOMPARE(invoiceStatus(base, QStringLiteral("inv-1005-1")), QStringLiteral("issued"));
    QCOMPARE(paymentsApplied(base), 0);
}

void TestPoolSimPayments::phoneOrderCancelled()
{
    auto sim = startSim(options());
    const QUrl base = sim->baseUrl();
    const Reply created = phoneOrder(base, QStringLiteral("inv-1005-1"), QStringLiteral("48.80"),
                                     QByteArrayLiteral("k-can"));
    const QString order = param(exact(created), QStringLiteral("order"))
                              .value(QStringLiteral("valueString"))
                              .toString();
    const Reply cancelled = call(
        QByteArrayLiteral("POST"),
        fhir(base, QStringLiteral("Invoice/inv-1005-1/$phone-order-cancel")),
        QStringLiteral(
            R"({"resourceType":"Parameters","parameter":[{"name":"order","valueString":"%1"}]})")
            .arg(order)
            .toUtf8(),
        {{QByteArrayLiteral("Idempotency-Key"), QByteArrayLiteral("k-can-2")}});
    QCOMPARE(cancelled.status, 200);
    QCOMPARE(param(exact(cancelled), QStringLiteral("status"))
                 .value(QStringLiteral("valueCode"))
                 .toString(),
             QStringLiteral("cancelled"));
    QCOMPARE(orderStatus(base, QStringLiteral("inv-1005-1"), order), QStringLiteral("cancelled"));
    const Reply late = call(QByteArrayLiteral("POST"),
                            control(base, QStringLiteral("/_sim/phone-orders/%1/pay").arg(order)));
    QCOMPARE(late.status, 409);
    QCOMPARE(late.ruleCode(), QStringLiteral("order-cancelled"));
    QCOMPARE(invoiceStatus(base, QStringLiteral("inv-1005-1")), QStringLiteral("issued"));
    // Polling another invoice's order: 404.
    QCOMPARE(get(base, QStringLiteral("Invoice/inv-1001-1/$phone-order?order=") + order).status,
             404);
}

void TestPoolSimPayments::openCredit_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("diagnostics");
    QTest::newRow("granted") << openCreditBody(QStringLiteral("pat-1100")) << 201 << QString()
                             << QString();
    QTest::newRow("granted (phone digits)")
        << openCreditBody(QStringLiteral("pat-1101"), true, QStringLiteral("phone-digits")) << 201
        << QString() << QString();
    QTest::newRow("already open: the line")
        << openCreditBody(QStringLiteral("pat-1001")) << 200 << QString() << QString();
    QTest::newRow("refused: credit score")
        << openCreditBody(QStringLiteral("pat-1006")) << 422 << "credit-refused"
        << "信用评分不足";
    QTest::newRow("refused: suspended")
        << openCreditBody(QStringLiteral("pat-1005")) << 422 << "credit-refused" << QString();
    QTest::newRow("refused: a child")
        << openCreditBody(QStringLiteral("pat-1002")) << 422 << "credit-refused" << QString();
    QTest::newRow("no consent") << openCreditBody(QStringLiteral("pat-1100"), false) << 422
                                << "consent-required" << QString();
    QTest::newRow("no verification") << openCreditBody(QStringLiteral("pat-1100"), true, QString())
                                     << 422 << "verification-required" << QString();
    QTest::newRow("old agreement") << openCreditBody(QStringLiteral("pat-1100"), true,
                                                     QStringLiteral("face"), QStringLiteral("0"))
                                   << 422 << "agreement-outdated" << QString();
    QTest::newRow("unknown patient")
        << openCreditBody(QStringLiteral("pat-nope")) << 400 << QString() << QString();
}

void TestPoolSimPayments::openCredit()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, rule);
    QFETCH(QString, diagnostics);
    auto sim = startSim(options());
    const QUrl base = sim->baseUrl();
    const Reply r = postOpenCredit(base, body, QByteArrayLiteral("k-open"));
    QCOMPARE(r.status, status);
    QCOMPARE(r.ruleCode(), rule);
    if (!diagnostics.isEmpty()) {
        QCOMPARE(r.issue().value(QStringLiteral("diagnostics")).toString(), diagnostics);
        QCOMPARE(r.issue()
                     .value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("text"))
                     .toString(),
                 QStringLiteral("insufficient credit score"));
    }
    if (status == 201) {
        const QJsonObject account = exact(r);
        QCOMPARE(subExtension(account, QStringLiteral("limit"), QStringLiteral("valueMoney")),
                 QStringLiteral("500.00"));
        QCOMPARE(subExtension(account, QStringLiteral("used"), QStringLiteral("valueMoney")),
                 QStringLiteral("0.00"));
        const QString patient = account.value(QStringLiteral("subject"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QStringLiteral("reference"))
                                    .toString()
                                    .mid(8);
        QCOMPARE(creditLine(base, patient).value(QStringLiteral("id")),
                 account.value(QStringLiteral("id")));
        // The retry of the same request gets the same Account, not a second line.
        const Reply again = postOpenCredit(base, body, QByteArrayLiteral("k-open"));
        QCOMPARE(again.status, 201);
        QCOMPARE(again.body, r.body);
        QCOMPARE(get(base, QStringLiteral("Account?patient=Patient/%1").arg(patient))
                     .json()
                     .value(QStringLiteral("total"))
                     .toInt(),
                 1);
    }
}

void TestPoolSimPayments::receiptNumbersUnique()
{
    auto sim = startSim(options());
    const QUrl base = sim->baseUrl();
    QSet<QString> seen;
    const QStringList invoices{QStringLiteral("inv-1001-1"), QStringLiteral("inv-1001-2"),
                               QStringLiteral("inv-1001-3")};
    const QStringList amounts{QStringLiteral("346.70"), QStringLiteral("150.50"),
                              QStringLiteral("102.25")};
    for (int i = 0; i < invoices.size(); ++i) {
        const Reply r = payInvoice(base, invoices.at(i), payBody(amounts.at(i)),
                                   QStringLiteral("k-u-%1").arg(i).toUtf8());
        QCOMPARE(r.status, 200);
        const QJsonObject receipt =
            param(exact(r), QStringLiteral("receipt")).value(QStringLiteral("resource")).toObject();
        seen.insert(
            subExtension(receipt, QStringLiteral("invoiceCode"), QStringLiteral("valueString")) +
            QLatin1Char('/') +
            subExtension(receipt, QStringLiteral("invoiceNumber"), QStringLiteral("valueString")));
    }
    QCOMPARE(seen.size(), invoices.size());
}

void TestPoolSimPayments::stateSurvivesRestart()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString order;
    QString receipt_number;
    {
        auto sim = startSim(options(dir.path()));
        const QUrl base = sim->baseUrl();
        const Reply paid =
            payInvoice(base, QStringLiteral("inv-1004-1"), payBody(QStringLiteral("40.00")),
                       QByteArrayLiteral("k-restart"));
        QCOMPARE(paid.status, 200);
        receipt_number =
            subExtension(param(exact(paid), QStringLiteral("receipt"))
                             .value(QStringLiteral("resource"))
                             .toObject(),
                         QStringLiteral("invoiceNumber"), QStringLiteral("valueString"));
        QCOMPARE(postOpenCredit(base, openCreditBody(QStringLiteral("pat-1100")),
                                QByteArrayLiteral("k-o"))
                     .status,
                 201);
        order = param(exact(phoneOrder(base, QStringLiteral("inv-1005-1"), QStringLiteral("48.80"),
                                       QByteArrayLiteral("k-p"))),
                      QStringLiteral("order"))
                    .value(QStringLiteral("valueString"))
                    .toString();
        QVERIFY(!order.isEmpty());
    }
    const QFileInfo state(dir.filePath(QStringLiteral("state.json")));
    QVERIFY(state.exists());
    QCOMPARE(state.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                    QFileDevice::WriteGroup | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    auto sim = startSim(options(dir.path()));
    const QUrl base = sim->baseUrl();
    QCOMPARE(invoiceStatus(base, QStringLiteral("inv-1004-1")), QStringLiteral("balanced"));
    QCOMPARE(subExtension(creditLine(base, QStringLiteral("pat-1004")), QStringLiteral("used"),
                          QStringLiteral("valueMoney")),
             QStringLiteral("470.00"));
    QCOMPARE(subExtension(creditLine(base, QStringLiteral("pat-1100")), QStringLiteral("limit"),
                          QStringLiteral("valueMoney")),
             QStringLiteral("500.00"));
    QCOMPARE(orderStatus(base, QStringLiteral("inv-1005-1"), order), QStringLiteral("pending"));
    const Reply receipts =
        get(base, QStringLiteral("DocumentReference?subject=Patient/pat-1004&type=e-receipt"));
    QCOMPARE(receipts.json().value(QStringLiteral("total")).toInt(), 1);
    QVERIFY(receipts.body.contains(receipt_number.toUtf8()));
    // The replay survives too, and the next receipt gets a new number.
    const Reply replay =
        payInvoice(base, QStringLiteral("inv-1004-1"), payBody(QStringLiteral("40.00")),
                   QByteArrayLiteral("k-restart"));
    QCOMPARE(replay.status, 200);
    QCOMPARE(replay.replayed, QByteArrayLiteral("true"));
    const Reply next = payInvoice(base, QStringLiteral("inv-1001-3"),
                                  payBody(QStringLiteral("102.25")), QByteArrayLiteral("k-next"));
    QCOMPARE(next.status, 200);
    QVERIFY(!next.body.contains(receipt_number.toUtf8()));
    QCOMPARE(paymentsApplied(base), 2);
}

// The kiosk's own parsers (payment/) accept every bill, credit line, receipt, payment and phone
// order the simulator sends: the two sides of the contract agree.
void TestPoolSimPayments::kioskParsersAcceptEverything()
{
    auto sim = startSim(options());
    const QUrl base = sim->baseUrl();
    QStringList patients{QStringLiteral("pat-1001"), QStringLiteral("pat-1002"),
                         QStringLiteral("pat-1003"), QStringLiteral("pat-1004"),
                         QStringLiteral("pat-1005"), QStringLiteral("pat-1006")};
    for (int i = 1100; i < 1116; ++i) patients.append(QStringLiteral("pat-%1").arg(i));
    int bills = 0;
    for (const QString& patient : std::as_const(patients)) {
        const auto parsed = mk::pay::parseInvoiceBundle(exact(
            get(base, QStringLiteral("Invoice?subject=Patient/%1&status=issued").arg(patient))));
        QVERIFY2(parsed.ok(),
                 qPrintable(patient + u' ' + (parsed.ok() ? QString() : parsed.error().message())));
        for (const mk::pay::Bill& b : parsed.value()) {
            QVERIFY(b.payable());
            QCOMPARE(b.patientId, patient);
            QVERIFY(b.lines.size() >= 2 && b.lines.size() <= 5);
        }
        QVERIFY(!parsed.value().isEmpty());
        bills += int(parsed.value().size());
        const auto line = mk::pay::parseCreditLineBundle(exact(
            get(base, QStringLiteral("Account?patient=Patient/%1&type=credit-line").arg(patient))));
        QVERIFY2(line.ok(), qPrintable(line.ok() ? QString() : line.error().message()));
    }
    QVERIFY(bills >= 16 + 10);
    const auto line = mk::pay::parseCreditLineBundle(
        exact(get(base, QStringLiteral("Account?patient=Patient/pat-1004&type=credit-line"))));
    QVERIFY(line.ok() && line.value().has_value());
    QCOMPARE(line.value()->available(), mk::pay::Money::fen(7000));
    QVERIFY(line.value()->usable());

    const Reply paid = payInvoice(base, QStringLiteral("inv-1004-1"),
                                  payBody(QStringLiteral("40.00")), QByteArrayLiteral("k-parse-1"));
    QCOMPARE(paid.status, 200);
    const QJsonObject result = exact(paid);
    const auto outcome = mk::pay::parsePaymentReconciliation(
        param(result, QStringLiteral("payment")).value(QStringLiteral("resource")).toObject());
    QVERIFY2(outcome.ok(), qPrintable(outcome.ok() ? QString() : outcome.error().message()));
    QCOMPARE(outcome.value().idempotencyKey, QStringLiteral("k-parse-1"));
    const auto receipt = mk::pay::parseEReceipt(
        param(result, QStringLiteral("receipt")).value(QStringLiteral("resource")).toObject());
    QVERIFY2(receipt.ok(), qPrintable(receipt.ok() ? QString() : receipt.error().message()));

    const Reply created = phoneOrder(base, QStringLiteral("inv-1006-2"), QStringLiteral("155.00"),
                                     QByteArrayLiteral("k-parse-2"));
    const auto order = mk::pay::parsePhoneOrderReply(exact(created));
    QVERIFY2(order.ok(), qPrintable(order.ok() ? QString() : order.error().message()));
    QCOMPARE(
        call(QByteArrayLiteral("POST"),
             control(base, QStringLiteral("/_sim/phone-orders/%1/pay").arg(order.value().orderId)))
            .status,
        200);
    const auto state = mk::pay::parsePhoneOrderStatus(
        exact(get(base, QStringLiteral("Invoice/inv-1006-2/$phone-order?order=") +
                            order.value().orderId)),
        QStringLiteral("inv-1006-2"), mk::pay::Money::fen(15500));
    QVERIFY2(state.ok(), qPrintable(state.ok() ? QString() : state.error().message()));
    QCOMPARE(state.value().status, mk::pay::PhoneOrderStatus::Paid);
    QVERIFY(state.value().paid.has_value());
}

QTEST_GUILESS_MAIN(TestPoolSimPayments)
#include "tst_poolsim_payments.moc"
