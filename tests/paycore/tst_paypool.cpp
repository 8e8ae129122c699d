// PoolClient's payment requests over a scripted transport (issue 9): bills that do not add up
// (or in another currency, or with 3 decimals) are refused one by one, a reply about another
// patient, invoice or key is an error (never a payment), rule codes are read on 422 and 409
// (already-paid), and every attempt of $pay carries the same Idempotency-Key.
#include "ScriptedTransport.h"
#include "core/pool/PoolClient.h"
#include "payment/PaymentIntent.h"

#include <QFile>
#include <QTest>

using namespace mk;
using mk::test::reply;
using mk::test::ScriptedTransport;

namespace {

QByteArray fixture(const char* name)
{
    QFile f(QStringLiteral(MEDKIOSK_TESTDATA "/payment/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray bundle(const QList<QByteArray>& resources)
{
    QByteArray out =
        QByteArrayLiteral("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[");
    for (qsizetype i = 0; i < resources.size(); ++i) {
        if (i > 0) out += ',';
        out += QByteArrayLiteral("{\"resource\":") + resources[i] + '}';
    }
    return out + "]}";
}

QByteArray outcome(const char* system, const char* code)
{
    return QByteArrayLiteral(
               "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":"
               "\"error\",\"code\":\"business-rule\",\"diagnostics\":\"refused\","
               "\"details\":{\"coding\":[{\"system\":\"") +
           system + "\",\"code\":\"" + code + "\"}]}}]}";
}

struct Client {
    ScriptedTransport* transport = nullptr;
    std::unique_ptr<pool::PoolClient> client;
    Client()
    {
        auto t = std::make_unique<ScriptedTransport>();
        transport = t.get();
        pool::PoolOptions o;
        o.base_url = QUrl(QStringLiteral("http://127.0.0.1:9/fhir"));
        o.max_attempts = 3;
        o.backoff_base_ms = 1;
        client = std::make_unique<pool::PoolClient>(o, std::move(t));
    }
};

pay::PaymentIntent fixtureIntent()
{
    // What pay-reply.json answers: inv-1001-01, 107.80, this key.
    pay::PaymentIntent i;
    i.invoiceId = QStringLiteral("inv-1001-01");
    i.amountShown = pay::Money::fen(10780);
    i.method = pay::PayMethod::Credit;
    i.verification = pay::Verification::face(0.93);
    i.idempotencyKey = QStringLiteral("6f1c2d3e-4b5a-4c6d-8e7f-90a1b2c3d4e5");
    return i;
}

}  // namespace

class TestPayPool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void billsThatDoNotAddUpAreRefused()
    {
        Client c;
        c.transport->replies.append(reply(
            200,
            bundle({fixture("invoice-outpatient.json"), fixture("invoice-bad-totals.json"),
                    fixture("invoice-bad-currency.json"), fixture("invoice-bad-decimals.json")})));
        auto bills = c.client->unpaidBills(QStringLiteral("pat-1001"));
        QVERIFY2(bills, qPrintable(bills ? QString() : bills.error().detail));
        QCOMPARE(bills.value().bills.size(), 1);
        QCOMPARE(bills.value().bills.first().totalNet.toFen(), qint64(10780));
        QCOMPARE(bills.value().refused_ids.size(), 3);
        QVERIFY(!bills.value().refused_reason.isEmpty());
    }

    void billsOfAnotherPatientAreAnError()
    {
        Client c;
        c.transport->replies.append(reply(200, bundle({fixture("invoice-outpatient.json")})));
        auto bills = c.client->unpaidBills(QStringLiteral("pat-2002"));
        QVERIFY(!bills);
        QCOMPARE(int(bills.error().code), int(ErrorCode::BadReply));
    }

    void payReplyChecked_data()
    {
        QTest::addColumn<QString>("invoice");
        QTest::addColumn<QString>("key");
        QTest::addColumn<qint64>("amount_fen");
        QTest::addColumn<QString>("patient");
        QTest::addColumn<bool>("accepted");
        const QString key = fixtureIntent().idempotencyKey;
        QTest::newRow("the payment asked for")
            << u"inv-1001-01"_qs << key << qint64(10780) << u"pat-1001"_qs << true;
        QTest::newRow("another invoice")
            << u"inv-1001-02"_qs << key << qint64(10780) << u"pat-1001"_qs << false;
        QTest::newRow("another key")
            << u"inv-1001-01"_qs << u"00000000-0000-4000-8000-000000000000"_qs << qint64(10780)
            << u"pat-1001"_qs << false;
        QTest::newRow("another amount")
            << u"inv-1001-01"_qs << key << qint64(10781) << u"pat-1001"_qs << false;
        QTest::newRow("another patient's receipt")
            << u"inv-1001-01"_qs << key << qint64(10780) << u"pat-2002"_qs << false;
    }

    void payReplyChecked()
    {
        QFETCH(QString, invoice);
        QFETCH(QString, key);
        QFETCH(qint64, amount_fen);
        QFETCH(QString, patient);
        QFETCH(bool, accepted);
        Client c;
        c.transport->replies.append(reply(200, fixture("pay-reply.json")));
        pay::PaymentIntent intent = fixtureIntent();
        intent.invoiceId = invoice;
        intent.idempotencyKey = key;
        intent.amountShown = pay::Money::fen(amount_fen);
        auto paid = c.client->pay(intent, patient);
        QCOMPARE(paid.ok(), accepted);
        if (!accepted) QCOMPARE(int(paid.error().code), int(ErrorCode::BadReply));
    }

    void ruleCodes_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("system");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<int>("code");
        QTest::newRow("409 already-paid") << 409 << QByteArray("urn:medkiosk:rule")
                                          << u"already-paid"_qs << int(ErrorCode::Conflict);
        QTest::newRow("422 credit-limit, contract system")
            << 422 << QByteArray("http://medkiosk.example/fhir/CodeSystem/rule")
            << u"credit-limit"_qs << int(ErrorCode::Rule);
        QTest::newRow("422 amount-changed") << 422 << QByteArray("urn:medkiosk:rule")
                                            << u"amount-changed"_qs << int(ErrorCode::Rule);
    }

    void ruleCodes()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, system);
        QFETCH(QString, rule);
        QFETCH(int, code);
        Client c;
        c.transport->replies.append(
            reply(status, outcome(system.constData(), rule.toLatin1().constData())));
        auto paid = c.client->pay(fixtureIntent(), QStringLiteral("pat-1001"));
        QVERIFY(!paid);
        QCOMPARE(int(paid.error().code), code);
        QCOMPARE(paid.error().rule, rule);
        QCOMPARE(c.transport->requests.size(), 1);  // a refusal is not retried
    }

    void retriesCarryTheSameKey()
    {
        Client c;
        c.transport->replies.append(reply(503, outcome("urn:medkiosk:rule", "x")));
        c.transport->replies.append(reply(503, outcome("urn:medkiosk:rule", "x")));
        c.transport->replies.append(reply(200, fixture("pay-reply.json")));
        qint64 pool_us = 0;
        auto paid = c.client->pay(fixtureIntent(), QStringLiteral("pat-1001"), &pool_us);
        QVERIFY2(paid, qPrintable(paid ? QString() : paid.error().detail));
        QCOMPARE(c.transport->requests.size(), 3);
        QByteArray body;
        for (const pool::HttpRequest& r : c.transport->requests) {
            QByteArray key;
            for (const auto& [name, value] : r.headers)
                if (name == "Idempotency-Key") key = value;
            QCOMPARE(key, fixtureIntent().idempotencyKey.toUtf8());
            if (body.isEmpty()) body = r.body;
            QCOMPARE(r.body, body);  // byte for byte the same request
        }
        QVERIFY(body.contains("\"value\":107.80"));  // exact money text on the wire
    }
};

QTEST_GUILESS_MAIN(TestPayPool)
#include "tst_paypool.moc"
