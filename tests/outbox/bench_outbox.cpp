// Benchmarks of the outbox (figures printed, nothing asserted about speed):
//  1. durable enqueue rate (one command per transaction, synchronous=FULL, WAL) against raw
//     SQLCipher single-row durable transactions on the same disk: median, min-max, ratio;
//  2. time from process start (store open) to a resumed relay with 10,000 items waiting (first
//     command accepted by the pool);
//  3. drain rate of those 10,000 check-ins to the local simulator, and what bounds it.
// MEDKIOSK_BENCH_DIR chooses the disk (default: the current folder); MEDKIOSK_BENCH_QUEUE the
// queue size (default 10000).
#include "OutboxTestUtil.h"
#include "RawStoreBench.h"
#include "core/outbox/Outbox.h"
#include "core/outbox/PoolCommandSender.h"
#include "core/outbox/Relay.h"
#include "core/store/SqlCipherDb.h"
#include "core/store/SqlStatement.h"
#include "core/store/Store.h"
#include "poolsim/SimulatorThread.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <vector>

using namespace mk;
using namespace mk::outbox;
using mk::outbox::test::makeKey;
using mk::outbox::test::waitFor;

namespace {

constexpr int kRows = 300;
constexpr int kRuns = 5;

Result<double> outboxRun(const QString& path)
{
    mk::test::removeStoreFiles(path);
    auto store = store::Store::open(path, makeKey('b'));
    if (!store) return store.error();
    Outbox outbox(*store.value());
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kRows; ++i) {
        auto id = outbox.enqueue(checkInCommand(QStringLiteral("appt-%1").arg(i)));
        if (!id) return id.error();
    }
    return kRows / (double(timer.nsecsElapsed()) / 1e9);
}

// Times the HTTP side of each send, to tell what bounds the drain.
class TimingSender : public CommandSender
{
public:
    explicit TimingSender(CommandSender& inner) : inner_(inner) {}
    SendOutcome send(const OutboxRecord& record) override
    {
        QElapsedTimer t;
        t.start();
        SendOutcome o = inner_.send(record);
        send_ns_ += t.nsecsElapsed();
        return o;
    }
    Status probe() override { return inner_.probe(); }
    double sendSeconds() const { return double(send_ns_.load()) / 1e9; }

private:
    CommandSender& inner_;
    std::atomic<qint64> send_ns_{0};
};

}  // namespace

class BenchOutbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void durableEnqueueRate();
    void resumeAndDrain();

private:
    QString benchDir() const
    {
        const QString d = qEnvironmentVariable("MEDKIOSK_BENCH_DIR");
        return d.isEmpty() ? QDir::currentPath() : d;
    }
};

void BenchOutbox::durableEnqueueRate()
{
    QTemporaryDir dir(QDir(benchDir()).filePath(QStringLiteral("bench-outbox-XXXXXX")));
    QVERIFY(dir.isValid());
    std::vector<double> raw;
    std::vector<double> enq;
    for (int run = 0; run < kRuns; ++run) {  // interleaved, so drift hits both alike
        auto r = mk::test::rawDurableInsertRate(dir.filePath(QStringLiteral("raw.db")), kRows,
                                                makeKey('r'));
        QVERIFY2(r, r ? "" : qPrintable(r.error().detail));
        raw.push_back(r.value());
        auto o = outboxRun(dir.filePath(QStringLiteral("outbox.db")));
        QVERIFY2(o, o ? "" : qPrintable(o.error().detail));
        enq.push_back(o.value());
    }
    qInfo().noquote() << QStringLiteral("disk: %1 (%2 rows x %3 runs, synchronous=FULL, WAL)")
                             .arg(dir.path())
                             .arg(kRows)
                             .arg(kRuns);
    qInfo().noquote() << "raw SQLCipher single-row durable tx:" << mk::test::rateFigures(raw);
    qInfo().noquote() << "outbox durable enqueue:             " << mk::test::rateFigures(enq);
    qInfo().noquote() << QStringLiteral("ratio enqueue/raw (medians): %1 (goal >= 0.8)")
                             .arg(mk::test::medianOf(enq) / mk::test::medianOf(raw), 0, 'f', 2);
}

void BenchOutbox::resumeAndDrain()
{
    const int n = qEnvironmentVariableIntValue("MEDKIOSK_BENCH_QUEUE") > 0
                      ? qEnvironmentVariableIntValue("MEDKIOSK_BENCH_QUEUE")
                      : 10000;
    sim::SimOptions sim_options;
    sim_options.require_auth = false;  // the outbox's own cost, not authorisation
    sim::SimulatorThread sim{sim_options};
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));
    const QStringList ids = sim.createAppointments(n);
    QCOMPARE(ids.size(), n);
    QTemporaryDir dir(QDir(benchDir()).filePath(QStringLiteral("bench-outbox-XXXXXX")));
    const QString path = dir.filePath(QStringLiteral("queue.db"));
    {
        auto store = store::Store::open(path, makeKey('q'));
        QVERIFY(store);
        Outbox outbox(*store.value());
        QList<Command> commands;
        for (const QString& id : ids) commands.append(checkInCommand(id));
        QVERIFY(outbox.enqueue(commands));  // one transaction: setup, not measured
    }
    QElapsedTimer timer;
    timer.start();
    auto store = store::Store::open(path, makeKey('q'));
    QVERIFY(store);
    const qint64 opened_ms = timer.elapsed();
    Outbox outbox(*store.value());
    pool::TransportOptions t;
    PoolCommandSender pool_sender(sim.baseUrl(), t);
    TimingSender sender(pool_sender);
    RelayOptions options;
    options.batch = 64;
    Relay relay(outbox, sender, options);
    std::atomic<qint64> first_ms{-1};
    std::atomic<int> finished{0};
    QObject::connect(
        &relay, &Relay::commandFinished, &relay,
        [&](qint64, const QString&) {
            if (finished.fetch_add(1) == 0) first_ms = timer.elapsed();
        },
        Qt::DirectConnection);
    relay.start();
    QVERIFY(waitFor([&] { return first_ms.load() >= 0; }, 60000));
    qInfo().noquote() << QStringLiteral(
                             "resume with %1 waiting: store open %2 ms, first command accepted "
                             "%3 ms after the open began")
                             .arg(n)
                             .arg(opened_ms)
                             .arg(first_ms.load());
    QVERIFY(waitFor([&] { return finished.load() >= n; }, 600000));
    const double drain_s = double(timer.elapsed() - first_ms.load()) / 1000.0;
    relay.stop();
    const QueueStatus s = outbox.status(QDateTime::currentDateTimeUtc()).value();
    QCOMPARE(s.sent, n);
    QCOMPARE(sim.commandStats().checkins_applied, n);
    const double rate = (n - 1) / drain_s;
    qInfo().noquote() << QStringLiteral("drain: %1 check-ins in %2 s = %3 commands/s (%4 ms each)")
                             .arg(n)
                             .arg(drain_s, 0, 'f', 1)
                             .arg(rate, 0, 'f', 1)
                             .arg(1000.0 / rate, 0, 'f', 2);
    const double http_s = sender.sendSeconds();
    qInfo().noquote() << QStringLiteral(
                             "bound: HTTP (GET + POST on kept-alive connections) %1 s = %2%; "
                             "store (due reads + sent marks committed in groups) and the rest "
                             "%3 s; one worker, one command at a time")
                             .arg(http_s, 0, 'f', 1)
                             .arg(100.0 * http_s / drain_s, 0, 'f', 0)
                             .arg(drain_s - http_s, 0, 'f', 1);
}

QTEST_GUILESS_MAIN(BenchOutbox)
#include "bench_outbox.moc"
