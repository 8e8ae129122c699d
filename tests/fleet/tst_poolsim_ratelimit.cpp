// The simulator's rate limit and keep-alive, as a program (issue 13): medkiosk-poolsim
// --rate-limit/--rate-burst/--max-connections, the /_sim/rate-limit control, and connection reuse,
// spoken to with plain libcurl on loopback.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <curl/curl.h>

namespace {

struct Reply {
    long status = 0;
    long connects = 0;  // new connections this request needed (0: a kept-alive one was reused)
    QByteArray headers;
    QByteArray body;
};

size_t append(char* data, size_t size, size_t count, void* user)
{
    static_cast<QByteArray*>(user)->append(data, qsizetype(size * count));
    return size * count;
}

Reply fetch(CURL* h, const QByteArray& url, const QByteArray& post_body = {})
{
    Reply r;
    curl_easy_setopt(h, CURLOPT_URL, url.constData());
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 10000L);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &append);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &r.body);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &append);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &r.headers);
    if (post_body.isNull()) {
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, post_body.constData());
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, long(post_body.size()));
    }
    if (curl_easy_perform(h) == CURLE_OK) {
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &r.status);
        curl_easy_getinfo(h, CURLINFO_NUM_CONNECTS, &r.connects);
    }
    return r;
}

}  // namespace

class TestPoolSimRateLimit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void limitFromTheCommandLineAndTheControl();
    void badLimitRefusedAtStart();
};

void TestPoolSimRateLimit::limitFromTheCommandLineAndTheControl()
{
    QProcess sim;
    sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // One request every two seconds, two at once: the third of three quick requests is refused.
    sim.start(QStringLiteral(POOLSIM),
              {QStringLiteral("--no-auth"), QStringLiteral("--rate-limit"), QStringLiteral("0.5"),
               QStringLiteral("--rate-burst"), QStringLiteral("2"),
               QStringLiteral("--max-connections"), QStringLiteral("3")});
    QVERIFY(sim.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(sim.canReadLine(), 20000);
    const QByteArray line = sim.readLine().trimmed();  // "listening on http://127.0.0.1:N/fhir"
    QVERIFY2(line.startsWith("listening on http://127.0.0.1:"), line.constData());
    const QByteArray fhir = line.mid(line.indexOf("http://"));
    const QByteArray root = fhir.left(fhir.lastIndexOf("/fhir"));
    const QByteArray search = fhir + "/HealthcareService?active=true";

    CURL* h = curl_easy_init();
    const Reply first = fetch(h, search);
    const Reply second = fetch(h, search);
    const Reply third = fetch(h, search);
    QCOMPARE(first.status, 200L);
    QVERIFY(first.headers.toLower().contains("connection: keep-alive"));
    QCOMPARE(second.status, 200L);
    QCOMPARE(second.connects, 0L);  // the same connection
    QCOMPARE(third.status, 429L);
    QCOMPARE(third.connects, 0L);  // a 429 keeps the connection too
    QVERIFY2(third.headers.toLower().contains("retry-after: "), third.headers.constData());
    const QJsonObject outcome = QJsonDocument::fromJson(third.body).object();
    QCOMPARE(outcome.value(QStringLiteral("resourceType")).toString(),
             QStringLiteral("OperationOutcome"));

    const Reply counters = fetch(h, root + "/_sim/rate-limit");  // never limited itself
    QCOMPARE(counters.status, 200L);
    const QJsonObject c = QJsonDocument::fromJson(counters.body).object();
    QCOMPARE(c.value(QStringLiteral("served")).toInt(), 2);
    QCOMPARE(c.value(QStringLiteral("throttled")).toInt(), 1);
    QCOMPARE(c.value(QStringLiteral("max_connections")).toInt(), 3);
    QCOMPARE(c.value(QStringLiteral("requests_per_s")).toDouble(), 0.5);

    QCOMPARE(fetch(h, root + "/_sim/rate-limit", "{\"requests_per_s\": -1}").status, 400L);
    QCOMPARE(fetch(h, root + "/_sim/rate-limit", "{\"requests_per_s\": 0}").status, 200L);
    for (int i = 0; i < 6; ++i) QCOMPARE(fetch(h, search).status, 200L);  // no limit now
    curl_easy_cleanup(h);

    sim.terminate();
    QVERIFY(sim.waitForFinished(10000));
}

void TestPoolSimRateLimit::badLimitRefusedAtStart()
{
    QProcess sim;
    sim.start(QStringLiteral(POOLSIM), {QStringLiteral("--no-auth"), QStringLiteral("--rate-limit"),
                                        QStringLiteral("fast")});
    QVERIFY(sim.waitForFinished(20000));
    QCOMPARE(sim.exitCode(), 2);
    QVERIFY(sim.readAllStandardError().contains("--rate-limit"));
}

QTEST_GUILESS_MAIN(TestPoolSimRateLimit)
#include "tst_poolsim_ratelimit.moc"
