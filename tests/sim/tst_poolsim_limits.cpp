// The simulator's HTTP server has bounded resources (issue 14, item 10): it runs inside
// `medkiosk --demo`, so a huge body, a slow or partial request or a crowd of idle connections
// must not exhaust the kiosk. Raw sockets on loopback send what no polite client would.
#include "SimTestUtil.h"
#include "poolsim/SimulatorThread.h"

#include <QTest>

using namespace mk::sim;
using namespace mk::sim::test;

namespace {

QByteArray requestHead(const QByteArray& method, const QByteArray& target,
                       const QByteArray& extra_headers = {})
{
    return method + ' ' + target + QByteArrayLiteral(" HTTP/1.1\r\nHost: 127.0.0.1\r\n") +
           extra_headers + QByteArrayLiteral("\r\n");
}

SimOptions limited(int request_timeout_ms, int max_connections = 32)
{
    SimOptions o = options();
    o.request_timeout_ms = request_timeout_ms;
    o.max_connections = max_connections;
    return o;
}

}  // namespace

class TestPoolSimLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hugeBodyRefusedBeforeItIsRead();
    void hugeBodyWithExpectContinue();
    void hugeBodyFromAnHttpClient();
    void bodyUnderTheCapIsServed();
    void chunkedBodyRefused();
    void slowRequestTimesOut_data();
    void slowRequestTimesOut();
    void headersTooLarge();
    void connectionsAreBounded();
    void badRequestLine_data();
    void badRequestLine();
};

void TestPoolSimLimits::hugeBodyRefusedBeforeItIsRead()
{
    SimulatorThread sim(options());
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));
    RawClient client;
    QVERIFY(client.connectTo(portOf(sim.baseUrl())));
    // 300 MiB announced; the reply must come while the body is still being sent.
    client.send(requestHead(QByteArrayLiteral("POST"), QByteArrayLiteral("/fhir/Appointment"),
                            QByteArrayLiteral("Content-Type: application/fhir+json\r\n"
                                              "Content-Length: 314572800\r\n")));
    const QByteArray chunk(64 * 1024, ' ');
    for (int i = 0; i < 64 && client.status() == 0; ++i) {  // at most 4 MiB
        client.send(chunk);
        client.socket().waitForBytesWritten(100);
        client.waitFor(QByteArrayLiteral("\r\n\r\n"), 20);
    }
    QVERIFY2(client.waitFor(QByteArrayLiteral("OperationOutcome"), 5000),
             client.received().left(200).constData());
    QCOMPARE(client.status(), 413);
    QVERIFY(client.body().contains("\"code\":\"too-long\""));
    QVERIFY(client.waitClosed(5000));
    QCOMPARE(sim.appointmentsCreated(), 0);
}

void TestPoolSimLimits::hugeBodyWithExpectContinue()
{
    SimulatorThread sim(options());
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));
    RawClient client;
    QVERIFY(client.connectTo(portOf(sim.baseUrl())));
    client.send(requestHead(QByteArrayLiteral("POST"), QByteArrayLiteral("/fhir/Appointment"),
                            QByteArrayLiteral("Content-Length: 314572800\r\n"
                                              "Expect: 100-continue\r\n")));
    QVERIFY(client.waitClosed(5000));
    QCOMPARE(client.status(), 413);  // not "100 Continue"
}

void TestPoolSimLimits::hugeBodyFromAnHttpClient()
{
    SimulatorThread sim(options());
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));
    const Reply r = call(QByteArrayLiteral("POST"),
                         QUrl(sim.baseUrl().toString() + QStringLiteral("/Appointment")),
                         QByteArray(2 * 1024 * 1024, ' '), {}, 5000);
    QCOMPARE(r.status, 413);
    QCOMPARE(r.json().value(QStringLiteral("resourceType")).toString(),
             QStringLiteral("OperationOutcome"));
    // The server is still there for the next request.
    QCOMPARE(get(sim.baseUrl(), QStringLiteral("HealthcareService?active=true")).status, 200);
}

void TestPoolSimLimits::bodyUnderTheCapIsServed()
{
    SimulatorThread sim(options());
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));
    const QString slot = freeSlots(sim.baseUrl(), 1).value(0);
    QVERIFY(!slot.isEmpty());
    QByteArray body = booking(QStringLiteral("big-1"), slot);
    body += QByteArray(1024 * 1024 - body.size(), ' ');  // exactly the cap: JSON with padding
    const Reply r = call(QByteArrayLiteral("POST"),
                         QUrl(sim.baseUrl().toString() + QStringLiteral("/Appointment")), body);
    QCOMPARE(r.status, 201);
    QCOMPARE(sim.appointmentsCreated(), 1);
}

void TestPoolSimLimits::chunkedBodyRefused()
{
    SimulatorThread sim(options());
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));
    RawClient client;
    QVERIFY(client.connectTo(portOf(sim.baseUrl())));
    client.send(requestHead(QByteArrayLiteral("POST"), QByteArrayLiteral("/fhir/Appointment"),
                            QByteArrayLiteral("Transfer-Encoding: chunked\r\n")) +
                QByteArrayLiteral("10\r\n"));
    QVERIFY(client.waitClosed(5000));
    QCOMPARE(client.status(), 411);
    QCOMPARE(sim.appointmentsCreated(), 0);
}

void TestPoolSimLimits::slowRequestTimesOut_data()
{
    QTest::addColumn<QByteArray>("first");
    QTest::addColumn<QByteArray>("trickle");  // sent every 100 ms afterwards
    QTest::newRow("connected, nothing sent") << QByteArray() << QByteArray();
    QTest::newRow("partial headers")
        << QByteArrayLiteral("GET /fhir/HealthcareService HTTP/1.1\r\nHost: x\r\n") << QByteArray();
    QTest::newRow("headers trickling in (slowloris)")
        << QByteArrayLiteral("GET /fhir/HealthcareService HTTP/1.1\r\n")
        << QByteArrayLiteral("X-a: b\r\n");
    QTest::newRow("partial body") << requestHead(QByteArrayLiteral("POST"),
                                                 QByteArrayLiteral("/fhir/Appointment"),
                                                 QByteArrayLiteral("Content-Length: 100\r\n")) +
                                         QByteArrayLiteral("{\"resourceType\"")
                                  << QByteArray();
    QTest::newRow("body trickling in")
        << requestHead(QByteArrayLiteral("POST"), QByteArrayLiteral("/fhir/Appointment"),
                       QByteArrayLiteral("Content-Length: 900\r\n"))
        << QByteArrayLiteral("          ");
}

void TestPoolSimLimits::slowRequestTimesOut()
{
    QFETCH(QByteArray, first);
    QFETCH(QByteArray, trickle);
    SimulatorThread sim(limited(600));
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));
    RawClient client;
    QVERIFY(client.connectTo(portOf(sim.baseUrl())));
    QElapsedTimer elapsed;
    elapsed.start();
    if (!first.isEmpty()) {
        client.send(first);
    }
    bool closed = false;
    while (!closed && elapsed.elapsed() < 5000) {
        if (!trickle.isEmpty()) {
            client.send(trickle);
        }
        closed = client.waitClosed(100);
    }
    QVERIFY2(closed, "the server kept a slow request open");
    QVERIFY(elapsed.elapsed() < 3000);  // 600 ms, not "as long as bytes keep coming"
    QCOMPARE(client.status(), 408);
    QVERIFY(client.body().contains("OperationOutcome"));
    // Other clients are served normally.
    QCOMPARE(get(sim.baseUrl(), QStringLiteral("HealthcareService?active=true")).status, 200);
}

void TestPoolSimLimits::headersTooLarge()
{
    SimulatorThread sim(options());
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));
    RawClient client;
    QVERIFY(client.connectTo(portOf(sim.baseUrl())));
    client.send(QByteArrayLiteral("GET /fhir/HealthcareService HTTP/1.1\r\nX-Big: ") +
                QByteArray(70 * 1024, 'a'));
    QVERIFY(client.waitClosed(5000));
    QCOMPARE(client.status(), 431);
}

void TestPoolSimLimits::connectionsAreBounded()
{
    SimulatorThread sim(limited(60000, 3));
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));
    const quint16 port = portOf(sim.baseUrl());
    std::vector<std::unique_ptr<RawClient>> idle;
    for (int i = 0; i < 3; ++i) {
        idle.push_back(std::make_unique<RawClient>());
        QVERIFY(idle.back()->connectTo(port));
        idle.back()->send(QByteArrayLiteral("GET /fhir/Heal"));  // and never finishes
    }
    // No wait needed: each connectTo() returned once the handshake was done, so the three are
    // ahead of the extra one in the listen queue, which the server takes in order.
    RawClient extra;
    QVERIFY(extra.connectTo(port));
    extra.send(requestHead(QByteArrayLiteral("GET"),
                           QByteArrayLiteral("/fhir/HealthcareService?active=true")));
    QVERIFY(extra.waitClosed(5000));
    QCOMPARE(extra.status(), 503);
    QVERIFY(extra.received().contains("Retry-After: "));
    // The idle ones still hold their places; when they go, new clients are served again.
    for (const auto& c : idle) {
        QVERIFY(c->socket().state() == QAbstractSocket::ConnectedState);
        c->socket().abort();
    }
    idle.clear();
    // Served again once the server has seen them go (503 until then).
    QTRY_COMPARE_WITH_TIMEOUT(
        get(sim.baseUrl(), QStringLiteral("HealthcareService?active=true")).status, 200, 10000);
}

void TestPoolSimLimits::badRequestLine_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::newRow("garbage") << QByteArrayLiteral("\x16\x03\x01\x02\x00\x01\x00\r\n\r\n") << 400;
    // What curl sends for an https:// URL to this plain port: refused at once, not after the
    // request timeout, so the client fails fast (tst_poolclient tlsToPlainPort).
    QTest::newRow("TLS ClientHello")
        << QByteArrayLiteral("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03") << 400;
    QTest::newRow("no version") << QByteArrayLiteral("GET /fhir/Patient\r\n\r\n") << 400;
    QTest::newRow("absolute form")
        << QByteArrayLiteral("GET http://evil.example/fhir/Patient HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("bad content length")
        << requestHead(QByteArrayLiteral("POST"), QByteArrayLiteral("/fhir/Appointment"),
                       QByteArrayLiteral("Content-Length: -5\r\n"))
        << 400;
    QTest::newRow("two content lengths")
        << requestHead(QByteArrayLiteral("POST"), QByteArrayLiteral("/fhir/Appointment"),
                       QByteArrayLiteral("Content-Length: 5\r\nContent-Length: 6\r\n"))
        << 400;
    QTest::newRow("header without colon")
        << requestHead(QByteArrayLiteral("GET"), QByteArrayLiteral("/fhir/Patient"),
                       QByteArrayLiteral("no colon here\r\n"))
        << 400;
}

void TestPoolSimLimits::badRequestLine()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    SimulatorThread sim(options());
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));
    RawClient client;
    QVERIFY(client.connectTo(portOf(sim.baseUrl())));
    QElapsedTimer elapsed;
    elapsed.start();
    client.send(request);
    QVERIFY(client.waitClosed(5000));
    QCOMPARE(client.status(), status);
    QVERIFY(elapsed.elapsed() < 5000);  // at once, not after request_timeout_ms (10 s)
}

QTEST_GUILESS_MAIN(TestPoolSimLimits)
#include "tst_poolsim_limits.moc"
