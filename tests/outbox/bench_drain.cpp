// Relay drain against its floor (issue 13, part 4): figures printed, nothing asserted about speed.
//  relay:  N check-ins queued in a durable store (synchronous=FULL, WAL), drained by the Relay
//          with the kiosk's defaults through PoolCommandSender over CurlTransport (reused
//          connections, sent marks committed in groups), from start to the last command marked
//          sent;
//  plain:  the same requests to the same simulator by a plain libcurl loop on one easy handle
//          (keep-alive): per check-in GET Appointment/{id} (the version from its ETag), then POST
//          $check-in with If-Match and an Idempotency-Key; no parsing, no store.
// The relay runs with its default in_flight (records of different appointments sent at once,
// SendLanes) and, for comparison, with one record in flight (as a plain loop sends).
// Interleaved runs (so drift hits both alike), median and min-max of each, and the ratio of the
// medians (goal >= 0.8, and >= 3,000 commands/s). The simulator runs on a thread of this
// process, on loopback. MEDKIOSK_BENCH_QUEUE: N (default 3000); MEDKIOSK_BENCH_DIR: the disk.
#include "OutboxTestUtil.h"
#include "RawStoreBench.h"
#include "core/outbox/Outbox.h"
#include "core/outbox/PoolCommandSender.h"
#include "core/outbox/Relay.h"
#include "core/store/Store.h"
#include "poolsim/SimulatorThread.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <curl/curl.h>

#include <atomic>
#include <vector>

using namespace mk;
using namespace mk::outbox;
using mk::outbox::test::makeKey;
using mk::outbox::test::waitFor;

namespace {

constexpr int kRuns = 5;

size_t discardBody(char*, size_t size, size_t count, void*)
{
    return size * count;
}

size_t keepEtag(char* data, size_t size, size_t count, void* user)
{
    const QByteArray line = QByteArray(data, qsizetype(size * count)).trimmed();
    if (line.toLower().startsWith("etag:")) *static_cast<QByteArray*>(user) = line.mid(5).trimmed();
    return size * count;
}

// The floor: the same requests on one kept-alive connection, nothing else. Commands per second.
double plainLoop(const QUrl& base, const QStringList& ids)
{
    CURL* h = curl_easy_init();
    QByteArray etag;
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &discardBody);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &keepEtag);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &etag);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    const QByteArray root = base.toString().toUtf8();
    QElapsedTimer timer;
    timer.start();
    int done = 0;
    for (const QString& id : ids) {
        const QByteArray get_url = root + "/Appointment/" + id.toUtf8();
        curl_slist* get_headers = curl_slist_append(nullptr, "Accept: application/fhir+json");
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
        curl_easy_setopt(h, CURLOPT_URL, get_url.constData());
        curl_easy_setopt(h, CURLOPT_HTTPHEADER, get_headers);
        etag.clear();
        long status = 0;
        if (curl_easy_perform(h) == CURLE_OK) curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
        curl_slist_free_all(get_headers);
        if (status != 200) continue;
        const QByteArray post_url = root + "/Appointment/" + id.toUtf8() + "/$check-in";
        const QByteArray if_match = "If-Match: " + etag;
        const QByteArray key =
            "Idempotency-Key: " + QUuid::createUuid().toString(QUuid::WithoutBraces).toUtf8();
        curl_slist* post_headers = curl_slist_append(nullptr, "Accept: application/fhir+json");
        post_headers = curl_slist_append(post_headers, if_match.constData());
        post_headers = curl_slist_append(post_headers, key.constData());
        post_headers = curl_slist_append(post_headers, "Expect:");
        curl_easy_setopt(h, CURLOPT_URL, post_url.constData());
        curl_easy_setopt(h, CURLOPT_HTTPHEADER, post_headers);
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, "");
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, 0L);
        status = 0;
        if (curl_easy_perform(h) == CURLE_OK) curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
        curl_slist_free_all(post_headers);
        done += status == 200 ? 1 : 0;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    curl_easy_cleanup(h);
    return done == ids.size() ? done / seconds : -1.0;
}

}  // namespace

class BenchDrain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void relayAgainstPlainLoop();

private:
    // Commands per second of one relay drain of `ids`, or -1.
    double relayRun(const QUrl& base, const QStringList& ids, const QString& path, int in_flight);
};

double BenchDrain::relayRun(const QUrl& base, const QStringList& ids, const QString& path,
                            int in_flight)
{
    mk::test::removeStoreFiles(path);
    auto store = store::Store::open(path, makeKey('d'));
    if (!store) return -1;
    Outbox outbox(*store.value());
    QList<Command> commands;
    for (const QString& id : ids) commands.append(checkInCommand(id));
    if (!outbox.enqueue(commands)) return -1;  // setup (one transaction), not measured
    PoolCommandSender sender(base, pool::TransportOptions{});
    RelayOptions options;
    options.in_flight = in_flight;
    Relay relay(outbox, sender, options);
    std::atomic<int> sent{0};
    QObject::connect(
        &relay, &Relay::commandFinished, &relay,
        [&sent](qint64, const QString& state) {
            if (state == QLatin1String("sent")) sent.fetch_add(1);
        },
        Qt::DirectConnection);
    QElapsedTimer timer;
    timer.start();
    relay.start();
    const bool drained = waitFor([&] { return sent.load() >= ids.size(); }, 300000);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    relay.stop();
    return drained ? ids.size() / seconds : -1.0;
}

void BenchDrain::relayAgainstPlainLoop()
{
    const int n = qEnvironmentVariableIntValue("MEDKIOSK_BENCH_QUEUE") > 0
                      ? qEnvironmentVariableIntValue("MEDKIOSK_BENCH_QUEUE")
                      : 3000;
    sim::SimOptions o;
    o.require_auth = false;  // the relay's own cost, not authorisation (bench_kioskauth is)
    sim::SimulatorThread sim{o};
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));
    const QString bench_dir = qEnvironmentVariable("MEDKIOSK_BENCH_DIR");
    QTemporaryDir dir(QDir(bench_dir.isEmpty() ? QDir::currentPath() : bench_dir)
                          .filePath(QStringLiteral("bench-drain-XXXXXX")));
    QVERIFY(dir.isValid());
    const int in_flight = RelayOptions{}.in_flight;
    std::vector<double> relay;
    std::vector<double> serial;  // the same relay with one record in flight
    std::vector<double> plain;
    // MEDKIOSK_BENCH_ONLY=relay|serial|plain runs one of the three (to profile it), no ratio.
    const QString only = qEnvironmentVariable("MEDKIOSK_BENCH_ONLY");
    if (!only.isEmpty()) {
        std::vector<double> rates;
        for (int run = 0; run < kRuns; ++run) {
            const QStringList ids = sim.createAppointments(n);
            const QString path = dir.filePath(QStringLiteral("only.db"));
            const double r = only == u"plain"    ? plainLoop(sim.baseUrl(), ids)
                             : only == u"serial" ? relayRun(sim.baseUrl(), ids, path, 1)
                                                 : relayRun(sim.baseUrl(), ids, path, in_flight);
            QVERIFY2(r > 0, "the run failed");
            rates.push_back(r);
        }
        qInfo().noquote() << only << mk::test::rateFigures(rates);
        return;
    }
    for (int run = 0; run < kRuns; ++run) {
        const double r = relayRun(sim.baseUrl(), sim.createAppointments(n),
                                  dir.filePath(QStringLiteral("q.db")), in_flight);
        QVERIFY2(r > 0, "the relay did not drain");
        relay.push_back(r);
        const double s = relayRun(sim.baseUrl(), sim.createAppointments(n),
                                  dir.filePath(QStringLiteral("q1.db")), 1);
        QVERIFY2(s > 0, "the relay (one in flight) did not drain");
        serial.push_back(s);
        const double p = plainLoop(sim.baseUrl(), sim.createAppointments(n));
        QVERIFY2(p > 0, "the plain loop failed");
        plain.push_back(p);
    }
    QCOMPARE(sim.commandStats().checkins_applied, 3 * kRuns * n);
    QCOMPARE(sim.commandStats().duplicate_commands, 0);
    qInfo().noquote() << QStringLiteral(
                             "%1 check-ins (GET + POST $check-in each) x %2 runs, "
                             "loopback, simulator on a thread of this process")
                             .arg(n)
                             .arg(kRuns);
    qInfo().noquote() << QStringLiteral(
                             "relay drain (durable store, grouped sent marks, %1 in "
                             "flight, the default):")
                             .arg(in_flight)
                      << mk::test::rateFigures(relay);
    qInfo().noquote() << "relay drain, one in flight (RelayOptions::in_flight = 1):     "
                      << mk::test::rateFigures(serial);
    qInfo().noquote() << "plain libcurl loop, keep-alive:                  "
                      << mk::test::rateFigures(plain);
    qInfo().noquote() << QStringLiteral(
                             "ratio relay/plain (medians): %1 (goal >= 0.8; relay goal "
                             ">= 3000 commands/s)")
                             .arg(mk::test::medianOf(relay) / mk::test::medianOf(plain), 0, 'f', 2);
    qInfo().noquote() << QStringLiteral("ratio relay with one in flight/plain (medians): %1")
                             .arg(mk::test::medianOf(serial) / mk::test::medianOf(plain), 0, 'f',
                                  2);
}

QTEST_GUILESS_MAIN(BenchDrain)
#include "bench_drain.moc"
