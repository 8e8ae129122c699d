// The outbox and relay against the pool simulator (a real HTTP server in this process; its
// applied check-in/cancel counts are the exactly-once oracle): the N-th store operation failing
// for every N, network faults, a full disk, and kill -9 of a process in the middle of a burst.
#include "OutboxTestUtil.h"
#include "TestSkip.h"
#include "core/outbox/Outbox.h"
#include "core/outbox/PoolCommandSender.h"
#include "core/outbox/Relay.h"
#include "core/pool/CurlTransport.h"
#include "core/store/Store.h"
#include "poolsim/SimulatorThread.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cstring>
#include <sys/mount.h>

using namespace mk;
using namespace mk::outbox;
using mk::outbox::test::makeKey;
using mk::outbox::test::waitFor;
using mk::sim::FaultSpec;
using mk::sim::SimCommandStats;
using mk::sim::SimulatorThread;
using mk::store::Store;

namespace {

pool::TransportOptions transportOptions()
{
    pool::TransportOptions t;
    t.connect_timeout_ms = 2000;
    t.request_timeout_ms = 3000;
    return t;
}

RelayOptions relayOptions()
{
    RelayOptions o;
    o.backoff.base_ms = 5;
    o.backoff.cap_ms = 60;
    o.max_attempts = 10;
    o.probe_interval_ms = 30;
    o.idle_poll_ms = 50;
    o.store_error_pause_ms = 10;
    return o;
}

// Store + outbox + sender + relay: what one kiosk process holds. Destroying it is a "restart".
struct Kiosk {
    std::unique_ptr<Store> store;
    std::unique_ptr<Outbox> outbox;    // the relay's (may carry a failure injector)
    std::unique_ptr<Outbox> observer;  // the test's view, never injected
    std::unique_ptr<PoolCommandSender> sender;
    std::unique_ptr<Relay> relay;

    static std::unique_ptr<Kiosk> open(const QString& path, const QUrl& url,
                                       const RelayOptions& options = relayOptions())
    {
        auto s = Store::open(path, makeKey('s'));
        if (!s) {
            qWarning() << s.error().detail;
            return nullptr;
        }
        auto k = std::make_unique<Kiosk>();
        k->store = std::move(s).value();
        k->outbox = std::make_unique<Outbox>(*k->store);
        k->observer = std::make_unique<Outbox>(*k->store);
        k->sender = std::make_unique<PoolCommandSender>(url, transportOptions());
        k->relay = std::make_unique<Relay>(*k->outbox, *k->sender, options);
        return k;
    }
    ~Kiosk()
    {
        if (relay) relay->stop();
    }
    QueueStatus status() const { return observer->status(QDateTime::currentDateTimeUtc()).value(); }
    bool drained(int timeout_ms = 60000) const
    {
        return waitFor([this] { return status().waiting == 0; }, timeout_ms);
    }
};

SimCommandStats minus(const SimCommandStats& a, const SimCommandStats& b)
{
    return SimCommandStats{
        a.checkins_applied - b.checkins_applied, a.cancels_applied - b.cancels_applied,
        a.idempotent_replays - b.idempotent_replays, a.duplicate_commands - b.duplicate_commands};
}

void clearFault(SimulatorThread& sim)
{
    FaultSpec none;
    none.mode = QStringLiteral("none");
    none.count = 0;
    sim.setFault(none);
}

}  // namespace

class TestOutboxSim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyStoreOperationFailingOnce();
    void networkFaults_data();
    void networkFaults();
    void fullDisk();
    void killNineDuringBurst();
    void keyReusedForAnotherAppointmentGoesToStaffReview();

private:
    std::unique_ptr<SimulatorThread> sim_;
    QTemporaryDir dir_;
};

void TestOutboxSim::initTestCase()
{
    QVERIFY(dir_.isValid());
    sim::SimOptions o;
    o.require_auth = false;  // not about authorisation (tests/pool/tst_kioskauth is)
    sim_ = std::make_unique<SimulatorThread>(o);
    QString error;
    QVERIFY2(sim_->start(&error), qPrintable(error));
}

void TestOutboxSim::everyStoreOperationFailingOnce()
{
    // One clean run counts the store operations; then for every N the N-th one fails, the
    // "process" restarts (store and relay destroyed and reopened) and drains.
    qint64 operations = 0;
    for (qint64 n = 0; n <= operations; ++n) {
        const QStringList a = sim_->createAppointments(3);
        QCOMPARE(a.size(), 3);
        const SimCommandStats before = sim_->commandStats();
        const QString path = dir_.filePath(u"inject-%1.db"_qs.arg(n));
        bool fired = false;
        int checkins = 0;
        int cancels = 0;
        {
            auto k = Kiosk::open(path, sim_->baseUrl());
            QVERIFY(k);
            k->outbox->setFailureInjector([n, &fired](qint64 op, const char*) {
                if (op != n) return false;
                fired = true;
                return true;
            });
            const QList<Command> commands{checkInCommand(a[0]), checkInCommand(a[1]),
                                          cancelCommand(a[2])};
            for (const Command& c : commands) {
                if (k->outbox->enqueue(c)) (c.kind == kind::kCheckIn ? checkins : cancels) += 1;
            }
            FaultSpec once;  // the cancel's first attempt fails: a retry is recorded too
            once.mode = QStringLiteral("5xx");
            once.count = 1;
            once.path_contains = QStringLiteral("$cancel");
            sim_->setFault(once);
            k->relay->start();
            QVERIFY(waitFor([&] { return (n > 0 && fired) || k->status().waiting == 0; }));
            if (n == 0) {
                k->relay->stop();
                operations = k->outbox->operationCount();
            }
        }  // "crash": the relay stops after its current send, store closed
        clearFault(*sim_);
        auto k = Kiosk::open(path, sim_->baseUrl());
        QVERIFY(k);
        k->relay->start();
        QVERIFY2(k->drained(), qPrintable(u"N=%1"_qs.arg(n)));
        const QueueStatus s = k->status();
        QCOMPARE(s.sent, checkins + cancels);
        QCOMPARE(s.dead, 0);
        const SimCommandStats d = minus(sim_->commandStats(), before);
        QVERIFY2(d.checkins_applied == checkins && d.cancels_applied == cancels &&
                     d.duplicate_commands == 0,
                 qPrintable(
                     u"N=%1: applied %2 check-ins of %3, %4 cancels of %5, %6 duplicates"_qs.arg(n)
                         .arg(d.checkins_applied)
                         .arg(checkins)
                         .arg(d.cancels_applied)
                         .arg(cancels)
                         .arg(d.duplicate_commands)));
    }
    qInfo() << "store operations in a clean run:" << operations;
    QVERIFY(operations >= 8);
}

void TestOutboxSim::networkFaults_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("latency_ms");
    QTest::addColumn<QString>("path_contains");
    QTest::newRow("outage") << u"outage"_qs << 4 << 0 << QString();
    QTest::newRow("slow") << u"latency"_qs << -1 << 150 << QString();
    QTest::newRow("5xx") << u"5xx"_qs << 6 << 0 << QString();
    QTest::newRow("drop") << u"drop"_qs << 4 << 0 << QString();
    QTest::newRow("drop-after-commit check-in")
        << u"drop-after-commit"_qs << 3 << 0 << u"$check-in"_qs;
    QTest::newRow("drop-after-commit cancel") << u"drop-after-commit"_qs << 3 << 0 << u"$cancel"_qs;
    QTest::newRow("429 Retry-After") << u"429"_qs << 3 << 0 << u"$check-in"_qs;
    QTest::newRow("malformed") << u"malformed"_qs << 3 << 0 << QString();
    QTest::newRow("hang (timeout)") << u"hang"_qs << 1 << 0 << QString();
    QTest::newRow("conflict: cancelled elsewhere") << u"conflict"_qs << 0 << 0 << QString();
}

void TestOutboxSim::networkFaults()
{
    QFETCH(QString, mode);
    QFETCH(int, count);
    QFETCH(int, latency_ms);
    QFETCH(QString, path_contains);
    // a[0..3] are checked in, a[4] and a[5] cancelled; the cancel of a[3] comes after its
    // check-in, so the pool refuses it (already-arrived): dead at once, never retried.
    const QStringList a = sim_->createAppointments(6);
    const bool conflict = mode == u"conflict"_qs;
    if (conflict) {  // another channel cancelled a[0]: its check-in gets 409 until it is dead
        pool::CurlTransport t(transportOptions());
        pool::HttpRequest r;
        r.method = QByteArrayLiteral("POST");
        r.url = QUrl(sim_->baseUrl().toString() + u"/Appointment/%1/$cancel"_qs.arg(a[0]));
        QCOMPARE(t.perform(r).value().status, 200);
    }
    const SimCommandStats before = sim_->commandStats();
    auto k = Kiosk::open(dir_.filePath(u"net-%1.db"_qs.arg(
                             QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_'))),
                         sim_->baseUrl());
    QVERIFY(k);
    QList<qint64> ids;
    for (const Command& c :
         {checkInCommand(a[0]), checkInCommand(a[1]), checkInCommand(a[2]), checkInCommand(a[3]),
          cancelCommand(a[4]), cancelCommand(a[5]), cancelCommand(a[3])}) {
        ids.append(k->outbox->enqueue(c).value());
    }
    if (!conflict) {
        FaultSpec f;
        f.mode = mode;
        f.count = count;
        f.latency_ms = latency_ms;
        f.retry_after_s = 1;
        f.path_contains = path_contains;
        sim_->setFault(f);
    }
    k->relay->start();
    const bool drained = k->drained(90000);
    clearFault(*sim_);
    QVERIFY(drained);
    const QueueStatus s = k->status();
    const SimCommandStats d = minus(sim_->commandStats(), before);
    QCOMPARE(d.duplicate_commands, 0);
    QCOMPARE(d.cancels_applied, 2);
    QCOMPARE(d.checkins_applied, conflict ? 3 : 4);
    QCOMPARE(s.sent, conflict ? 5 : 6);
    QCOMPARE(s.dead, conflict ? 2 : 1);
    const auto refused = k->observer->record(ids[6]).value();
    QCOMPARE(refused->state, CommandState::Dead);
    QVERIFY2(refused->last_error.contains(u"already-arrived"_qs), qPrintable(refused->last_error));
    QVERIFY2(!refused->last_error.contains(u"gave up"_qs), qPrintable(refused->last_error));
    if (conflict) {
        const auto dead = k->observer->record(ids[0]).value();
        QCOMPARE(dead->state, CommandState::Dead);
        // Seen at the GET before $check-in: dead after one attempt, not after every retry of
        // a 409 (the relay's attempt limit).
        QVERIFY2(dead->last_error.contains(u"is cancelled at the pool"_qs),
                 qPrintable(dead->last_error));
        QCOMPARE(dead->attempts, 1);
    }
    if (mode == u"drop-after-commit"_qs && path_contains == u"$cancel"_qs)
        QVERIFY(d.idempotent_replays >= 1);  // the retried cancel got the first reply back
    if (mode == u"429"_qs) {
        // "Too busy" pauses the whole relay for Retry-After (plus jitter) and is not the
        // command's fault: each refusal made one pause, and no attempt was counted for it.
        QCOMPARE(k->relay->throttledCount(), quint64(count));
        for (qint64 id : ids) QCOMPARE(k->observer->record(id).value()->attempts, 1);
    }
    const auto sent = k->observer->record(ids[1]).value();
    QCOMPARE(sent->state, CommandState::Sent);
    const QJsonObject result = QJsonDocument::fromJson(sent->result).object();
    QCOMPARE(result.value(u"status"_qs).toString(), u"arrived"_qs);
    QVERIFY(result.value(u"visit_sequence"_qs).toInt() > 0);
}

void TestOutboxSim::keyReusedForAnotherAppointmentGoesToStaffReview()
{
    // Issue 14, item 7, both sides: the simulator binds a key to its request and answers the
    // key of a[0]'s cancel, reused for a cancel of a[1], with 422 idempotency-key-reused; the
    // sender makes that permanent (staff review) and a[1] stays booked.
    const QStringList a = sim_->createAppointments(2);
    const SimCommandStats before = sim_->commandStats();
    PoolCommandSender sender(sim_->baseUrl(), transportOptions());
    OutboxRecord first;
    first.kind = kind::kCancel;
    first.payload = cancelCommand(a[0]).payload;
    first.idempotency_key = u"6f1d3a52-3c55-4a4e-9d1e-2f0c6c0b7a01"_qs;
    QCOMPARE(sender.send(first).kind, SendOutcome::Kind::Done);
    OutboxRecord reused = first;
    reused.payload = cancelCommand(a[1]).payload;
    const SendOutcome o = sender.send(reused);
    QCOMPARE(o.kind, SendOutcome::Kind::Permanent);
    QCOMPARE(o.http_status, 422);
    QCOMPARE(o.rule, rule::kIdempotencyKeyReused);
    QVERIFY2(o.error.contains(u"Idempotency-Key was already used for a different request"_qs),
             qPrintable(o.error));
    const SimCommandStats d = minus(sim_->commandStats(), before);
    QCOMPARE(d.cancels_applied, 1);
    QCOMPARE(d.idempotent_replays, 0);
    QCOMPARE(sender.send(first).kind, SendOutcome::Kind::Done);  // the true repeat is replayed
}

void TestOutboxSim::fullDisk()
{
    const QString mount_point = dir_.filePath(u"tiny"_qs);
    QVERIFY(QDir().mkpath(mount_point));
    const QByteArray native = QFile::encodeName(mount_point);
    if (::mount("medkiosk-outbox-test", native.constData(), "tmpfs", MS_NOSUID | MS_NODEV,
                "size=512k,mode=0700") != 0) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        MK_SKIP_OR_FAIL_IN_CI(u"cannot mount a 512 KiB tmpfs (needs root or CAP_SYS_ADMIN): "_qs +
                              why);
    }
    struct Unmount {
        QByteArray path;
        ~Unmount() { ::umount2(path.constData(), MNT_DETACH); }
    } unmount{native};
    const QString path = mount_point + u"/store.db"_qs;
    const QStringList a = sim_->createAppointments(60);
    int committed = 0;
    Result<qint64> last = qint64(0);
    {
        auto k = Kiosk::open(path, sim_->baseUrl());
        QVERIFY(k);
        for (int i = 0; i < a.size() && last.ok(); ++i) {
            Command c = checkInCommand(a[i]);
            // Padding the sender ignores, so that 512 KiB fill up quickly.
            c.payload = QJsonDocument(QJsonObject{{u"appointment_id"_qs, a[i]},
                                                  {u"padding"_qs, QString(24 * 1024, u'x')}})
                            .toJson(QJsonDocument::Compact);
            last = k->outbox->enqueue(c);
            if (last.ok()) ++committed;
        }
        QVERIFY2(!last.ok(), "512 KiB never filled up");
        QCOMPARE(last.error().code, ErrorCode::Storage);
        QVERIFY2(last.error().detail.contains(u"disk full"_qs), qPrintable(last.error().detail));
        QCOMPARE(k->status().waiting, committed);
    }
    QVERIFY(committed > 0);
    // Committed records survive a restart; once space is back (a larger tmpfs), they drain.
    QVERIFY(::mount(nullptr, native.constData(), nullptr, MS_REMOUNT | MS_NOSUID | MS_NODEV,
                    "size=4m") == 0);
    const SimCommandStats before = sim_->commandStats();
    auto k = Kiosk::open(path, sim_->baseUrl());
    QVERIFY(k);
    QCOMPARE(k->status().waiting, committed);
    k->relay->start();
    QVERIFY(k->drained());
    QCOMPARE(minus(sim_->commandStats(), before).checkins_applied, committed);
    QCOMPARE(k->status().sent, committed);
}

void TestOutboxSim::killNineDuringBurst()
{
    // 500 transactions of a check-in of one appointment and a cancel of another: 1,000 commands.
    // (A cancel of the appointment just checked in would be refused: already-arrived.)
    const int appointments = 500;
    const QStringList a = sim_->createAppointments(2 * appointments);
    QFile ids(dir_.filePath(u"ids.txt"_qs));
    QVERIFY(ids.open(QIODevice::WriteOnly));
    for (int i = 0; i < appointments; ++i)
        ids.write((a[2 * i] + u' ' + a[2 * i + 1] + u'\n').toUtf8());
    ids.close();
    const QString path = dir_.filePath(u"kill9.db"_qs);
    const SimCommandStats before = sim_->commandStats();
    const QStringList args{path, sim_->baseUrl().toString(), ids.fileName()};
    // The kill points come from a seed the test prints, so a failure can be replayed:
    // MEDKIOSK_KILL_SEED=<seed> ctest -R tst_outbox_sim
    bool seeded = false;
    // toUInt, not qEnvironmentVariableIntValue: half the seeds are above INT_MAX.
    const quint32 seed = qEnvironmentVariable("MEDKIOSK_KILL_SEED").toUInt(&seeded);
    QRandomGenerator kill_points(seeded ? seed : QRandomGenerator::global()->generate());
    const quint32 used_seed = seeded ? seed : kill_points.generate();
    kill_points.seed(used_seed);
    qInfo("kill -9 points from seed %u (replay with MEDKIOSK_KILL_SEED=%u)", used_seed, used_seed);
    QRandomGenerator* rng = &kill_points;
    // A kill point is a place in the driver's progress, not a moment: once the pool has applied
    // kill_after more commands in this round (0: as soon as the driver runs, while it opens its
    // store and writes its burst). The same seed kills at about the same places again.
    const auto applied = [this] {
        const SimCommandStats s = sim_->commandStats();
        return s.checkins_applied + s.cancels_applied;
    };
    for (int round = 0; round < 6; ++round) {
        const int kill_after = int(rng->bounded(0, 200));
        const int round_start = applied();
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(QStringLiteral(OUTBOX_DRIVER), args);
        QVERIFY(p.waitForStarted(10000));
        // A fast round may finish by itself before its kill point.
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return p.state() == QProcess::NotRunning ||
                                applied() >= round_start + kill_after;
                     },
                     120000),
                 "the driver neither reached its kill point nor ended within 120 s");
        if (p.state() != QProcess::NotRunning) {
            p.kill();  // SIGKILL
            QVERIFY(p.waitForFinished(30000));
        }
        qInfo() << "round" << round << "kill point" << kill_after << "applied"
                << applied() - round_start
                << (p.exitStatus() == QProcess::CrashExit ? "killed" : "ended");
    }
    QProcess final_run;
    final_run.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    final_run.start(QStringLiteral(OUTBOX_DRIVER), args);
    QVERIFY(final_run.waitForFinished(180000));
    const QString output = QString::fromUtf8(final_run.readAllStandardOutput());
    QVERIFY2(final_run.exitStatus() == QProcess::NormalExit && final_run.exitCode() == 0,
             qPrintable(output));
    QVERIFY2(output.contains(u"drained 1000 0"_qs), qPrintable(output));
    const SimCommandStats d = minus(sim_->commandStats(), before);
    qInfo() << "replays" << d.idempotent_replays;
    QCOMPARE(d.checkins_applied, appointments);
    QCOMPARE(d.cancels_applied, appointments);
    QCOMPARE(d.duplicate_commands, 0);
}

QTEST_GUILESS_MAIN(TestOutboxSim)
#include "tst_outbox_sim.moc"
