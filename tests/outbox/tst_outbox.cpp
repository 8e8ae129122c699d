// The outbox and its relay with a scripted sender: the command commits with its local effect or
// not at all, the idempotency key never changes, order per key, dead letters, one bad record
// never blocks the others, staff retry/discard with audit, and a restart resumes from the table.
#include "OutboxTestUtil.h"
#include "core/outbox/Backoff.h"
#include "core/outbox/Outbox.h"
#include "core/outbox/Relay.h"
#include "core/store/Migrations.h"
#include "core/store/SqlCipherDb.h"
#include "core/store/SqlStatement.h"
#include "core/store/Store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace mk;
using namespace mk::outbox;
using mk::outbox::test::FakeSender;
using mk::outbox::test::makeKey;
using mk::outbox::test::waitFor;
using mk::store::SqlCipherDb;
using mk::store::Store;

namespace {

RelayOptions fastOptions()
{
    RelayOptions o;
    o.backoff.base_ms = 2;
    o.backoff.cap_ms = 20;
    o.max_attempts = 5;
    o.probe_interval_ms = 20;
    o.idle_poll_ms = 50;
    o.store_error_pause_ms = 10;
    return o;
}

std::unique_ptr<Store> openStore(const QString& path)
{
    auto s = Store::open(path, makeKey('o'));
    if (!s) qWarning() << s.error().detail;
    return s ? std::move(s).value() : nullptr;
}

qint64 countRows(Store& store, const QByteArray& sql)
{
    qint64 n = -1;
    Status s = store.withTransaction([&](SqlCipherDb& db) -> Status {
        auto t = db.queryText(sql);
        if (!t) return t.error();
        n = t.value().toLongLong();
        return Ok{};
    });
    return s ? n : -1;
}

Status localEffect(SqlCipherDb& db, const QString& appointment)
{
    if (Status s = db.exec(QByteArrayLiteral(
            "CREATE TABLE IF NOT EXISTS local_checkin(appointment TEXT PRIMARY KEY)"));
        !s)
        return s;
    auto st = db.prepare(QByteArrayLiteral("INSERT INTO local_checkin(appointment) VALUES (?1)"));
    if (!st) return st.error();
    if (Status b = st.value().bind(1, appointment); !b) return b;
    return st.value().run();
}

bool allFinished(Outbox& outbox)
{
    auto s = outbox.status(QDateTime::currentDateTimeUtc());
    return s && s.value().waiting == 0;
}

}  // namespace

class TestOutbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void enqueueCommitsWithLocalEffectOrNotAtAll_data();
    void enqueueCommitsWithLocalEffectOrNotAtAll();
    void idempotencyKeyStableAcrossRetries();
    void orderingPerKey();
    void recordsOfOtherKeysInFlightAtOnce_data();
    void recordsOfOtherKeysInFlightAtOnce();
    void busyPoolGetsOneRecordAtATimeThenMoreAgain();
    void deadLetters_data();
    void deadLetters();
    void deadRecordBlocksOnlyItsKeyUntilStaffAct();
    void oneBadRecordNeverBlocksOthers();
    void resumeAfterReopeningTheStore();
    void offlineProbesInsteadOfSending();
    void backoffCeiling_data();
    void backoffCeiling();
    void busyPoolNeverMakesACommandDead();
    void throttleDelaySpreadsAfterRetryAfter();
    void statusCounts();
    void upgradeKeepsIdsAndNeverReusesThem();
};

void TestOutbox::enqueueCommitsWithLocalEffectOrNotAtAll_data()
{
    QTest::addColumn<QString>("failure");  // none | local | command | injected
    QTest::addColumn<bool>("committed");
    QTest::newRow("both commit") << u"none"_qs << true;
    QTest::newRow("local write fails") << u"local"_qs << false;
    QTest::newRow("command invalid after local write") << u"command"_qs << false;
    QTest::newRow("store fails after both writes") << u"injected"_qs << false;
}

void TestOutbox::enqueueCommitsWithLocalEffectOrNotAtAll()
{
    QFETCH(QString, failure);
    QFETCH(bool, committed);
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(u"s.db"_qs));
    QVERIFY(store);
    Outbox outbox(*store);
    if (failure == u"injected"_qs)
        outbox.setFailureInjector(
            [](qint64, const char* name) { return qstrcmp(name, "enqueue") == 0; });
    Command cmd = checkInCommand(u"appt-1"_qs);
    if (failure == u"command"_qs) cmd.kind.clear();
    auto id = outbox.enqueue(cmd, [&](SqlCipherDb& db) -> Status {
        if (Status s = localEffect(db, u"appt-1"_qs); !s) return s;
        if (failure == u"local"_qs) return makeError(ErrorCode::Internal, u"local refused"_qs);
        return Ok{};
    });
    QCOMPARE(id.ok(), committed);
    if (!committed)
        QCOMPARE(countRows(*store,
                           "SELECT count(*) FROM sqlite_master "
                           "WHERE name = 'local_checkin'") == 0 ||
                     countRows(*store, "SELECT count(*) FROM local_checkin") == 0,
                 true);
    else
        QCOMPARE(countRows(*store, "SELECT count(*) FROM local_checkin"), qint64(1));
    QCOMPARE(countRows(*store, "SELECT count(*) FROM outbox"), qint64(committed ? 1 : 0));
    if (committed) {
        auto r = outbox.record(id.value());
        QVERIFY(r && r.value());
        QCOMPARE(r.value()->state, CommandState::Queued);
        QCOMPARE(r.value()->ordering_key, u"appointment:appt-1"_qs);
        QCOMPARE(r.value()->idempotency_key.size(), 36);  // a UUID
    }
}

void TestOutbox::idempotencyKeyStableAcrossRetries()
{
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(u"s.db"_qs));
    QVERIFY(store);
    Outbox outbox(*store);
    FakeSender sender;
    const QString key = appointmentOrderingKey(u"a"_qs);
    sender.script(
        key, {SendOutcome::transient(u"5xx"_qs, true), SendOutcome::transient(u"reset"_qs, true),
              SendOutcome::transient(u"429"_qs, true, 0)});
    auto id = outbox.enqueue(checkInCommand(u"a"_qs));
    QVERIFY(id);
    const QString stored = outbox.record(id.value()).value()->idempotency_key;
    Relay relay(outbox, sender, fastOptions());
    relay.start();
    QVERIFY(waitFor([&] { return allFinished(outbox); }));
    relay.stop();
    const auto sent = sender.sent();
    QCOMPARE(sent.size(), 4);
    for (const auto& s : sent) QCOMPARE(s.idempotency_key, stored);
    const auto r = outbox.record(id.value()).value();
    QCOMPARE(r->state, CommandState::Sent);
    QCOMPARE(r->attempts, 4);
    QCOMPARE(r->result, QByteArrayLiteral("{\"ok\":true}"));
}

void TestOutbox::orderingPerKey()
{
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(u"s.db"_qs));
    QVERIFY(store);
    Outbox outbox(*store);
    FakeSender sender;
    // The check-in of A fails three times: the cancel of A waits, B does not.
    sender.script(appointmentOrderingKey(u"A"_qs),
                  {SendOutcome::transient(u"x"_qs, true), SendOutcome::transient(u"x"_qs, true),
                   SendOutcome::transient(u"x"_qs, true)});
    QVERIFY(outbox.enqueue(checkInCommand(u"A"_qs)));
    QVERIFY(outbox.enqueue(cancelCommand(u"A"_qs)));
    QVERIFY(outbox.enqueue(checkInCommand(u"B"_qs)));
    QVERIFY(outbox.enqueue(cancelCommand(u"B"_qs)));
    Relay relay(outbox, sender, fastOptions());
    relay.start();
    QVERIFY(waitFor([&] { return allFinished(outbox); }));
    relay.stop();
    QStringList order;
    for (const auto& s : sender.sent()) order.append(s.kind + u' ' + s.ordering_key.mid(12));
    // A's cancel only after A's check-in succeeded (4th attempt); B's commands in order too.
    const int a_checkin_done = order.lastIndexOf(u"check-in A"_qs);
    QCOMPARE(order.count(u"check-in A"_qs), 4);
    QCOMPARE(order.count(u"cancel A"_qs), 1);
    QVERIFY(order.indexOf(u"cancel A"_qs) > a_checkin_done);
    QVERIFY(order.indexOf(u"cancel B"_qs) > order.indexOf(u"check-in B"_qs));
    QVERIFY2(order.indexOf(u"check-in B"_qs) < a_checkin_done, qPrintable(order.join(u", ")));
}

void TestOutbox::recordsOfOtherKeysInFlightAtOnce_data()
{
    QTest::addColumn<bool>("thread_safe");
    QTest::addColumn<int>("in_flight");
    QTest::addColumn<int>("expected");
    QTest::newRow("thread-safe sender, 2 in flight") << true << 2 << 2;
    QTest::newRow("thread-safe sender, 1 in flight") << true << 1 << 1;
    QTest::newRow("sender not thread-safe") << false << 2 << 1;
}

void TestOutbox::recordsOfOtherKeysInFlightAtOnce()
{
    // Issue 13: a sender that may be called from several threads gets up to in_flight records
    // at once, never two of one ordering key; each is sent once, and A's cancel still waits for
    // A's check-in to be marked sent.
    QFETCH(bool, thread_safe);
    QFETCH(int, in_flight);
    QFETCH(int, expected);
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(u"s.db"_qs));
    QVERIFY(store);
    Outbox outbox(*store);
    FakeSender sender;
    sender.setThreadSafe(thread_safe, 2, 300);
    QVERIFY(outbox.enqueue(checkInCommand(u"A"_qs)));
    QVERIFY(outbox.enqueue(cancelCommand(u"A"_qs)));
    for (const QString& id : {u"B"_qs, u"C"_qs, u"D"_qs, u"E"_qs})
        QVERIFY(outbox.enqueue(checkInCommand(id)));
    RelayOptions options = fastOptions();
    options.in_flight = in_flight;
    Relay relay(outbox, sender, options);
    relay.start();
    QVERIFY(waitFor([&] { return allFinished(outbox); }));
    relay.stop();
    QCOMPARE(sender.maxInFlight(), expected);
    QStringList order;
    QSet<QString> keys;
    for (const auto& s : sender.sent()) {
        order.append(s.kind + u' ' + s.ordering_key.mid(12));
        keys.insert(s.idempotency_key);
    }
    QCOMPARE(order.size(), 6);
    QCOMPARE(keys.size(), 6);  // every command sent once
    QVERIFY2(order.indexOf(u"cancel A"_qs) > order.indexOf(u"check-in A"_qs),
             qPrintable(order.join(u", ")));
    QCOMPARE(outbox.status(QDateTime::currentDateTimeUtc()).value().sent, 6);
}

void TestOutbox::busyPoolGetsOneRecordAtATimeThenMoreAgain()
{
    // Issue 13: three records in flight until the pool answers "too busy"; then one at a time,
    // a second lane after lane_regrow_after answers without a refusal, a third after as many
    // more. Every command is still sent once (the refused one once more, with its key).
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(u"s.db"_qs));
    QVERIFY(store);
    Outbox outbox(*store);
    FakeSender sender;
    sender.setThreadSafe(true, 3, 600);
    SendOutcome busy = SendOutcome::transient(u"HTTP 429"_qs, true, 0);
    busy.http_status = 429;
    sender.script(appointmentOrderingKey(u"k00"_qs), {busy});
    const int commands = 16;
    for (int i = 0; i < commands; ++i)
        QVERIFY(
            outbox.enqueue(checkInCommand(QStringLiteral("k%1").arg(i, 2, 10, QLatin1Char('0')))));
    RelayOptions options = fastOptions();
    options.in_flight = 3;
    options.lane_regrow_after = 4;
    Relay relay(outbox, sender, options);
    relay.start();
    QVERIFY(waitFor([&] { return allFinished(outbox); }));
    relay.stop();
    const auto sent = sender.sent();
    QStringList trace;
    QSet<QString> keys;
    for (const auto& s : sent) {
        trace.append(s.ordering_key.mid(12) + u'/' + QString::number(s.at_once));
        keys.insert(s.idempotency_key);
    }
    const QString why = trace.join(u", ");
    QCOMPARE(sent.size(), commands + 1);
    QCOMPARE(keys.size(), commands);
    QCOMPARE(relay.throttledCount(), quint64(1));
    QCOMPARE(outbox.status(QDateTime::currentDateTimeUtc()).value().sent, commands);
    // The first three together, one of them refused; then four alone, then pairs, then three.
    for (int i = 0; i < 3; ++i) QVERIFY2(sent.at(i).at_once == 3, qPrintable(why));
    for (int i = 3; i < 7; ++i) QVERIFY2(sent.at(i).at_once == 1, qPrintable(why));
    for (int i = 7; i < 11; ++i) QVERIFY2(sent.at(i).at_once == 2, qPrintable(why));
    QVERIFY2(sent.at(11).at_once == 3, qPrintable(why));
    QCOMPARE(sender.maxInFlight(), 3);
}

void TestOutbox::deadLetters_data()
{
    QTest::addColumn<bool>("permanent");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<QString>("reason");
    QTest::newRow("permanent 404") << true << 1 << u"HTTP 404"_qs;
    QTest::newRow("transient until max_attempts") << false << 5 << u"gave up after 5 attempts"_qs;
}

void TestOutbox::deadLetters()
{
    QFETCH(bool, permanent);
    QFETCH(int, attempts);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(u"s.db"_qs));
    QVERIFY(store);
    Outbox outbox(*store);
    FakeSender sender;
    const QString key = appointmentOrderingKey(u"bad"_qs);
    sender.always(key, permanent ? SendOutcome::permanent(u"POST $check-in: HTTP 404"_qs)
                                 : SendOutcome::transient(u"HTTP 503"_qs, true));
    auto id = outbox.enqueue(checkInCommand(u"bad"_qs));
    QVERIFY(id);
    Relay relay(outbox, sender, fastOptions());
    relay.start();
    QVERIFY(waitFor([&] { return allFinished(outbox); }));
    relay.stop();
    const auto r = outbox.record(id.value()).value();
    QCOMPARE(r->state, CommandState::Dead);
    QCOMPARE(r->attempts, attempts);
    QVERIFY2(r->last_error.contains(reason), qPrintable(r->last_error));
    QCOMPARE(sender.sent().size(), attempts);
    QCOMPARE(outbox.status(QDateTime::currentDateTimeUtc()).value().dead, 1);
}

void TestOutbox::deadRecordBlocksOnlyItsKeyUntilStaffAct()
{
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(u"s.db"_qs));
    QVERIFY(store);
    Outbox outbox(*store);
    FakeSender sender;
    const QString key = appointmentOrderingKey(u"A"_qs);
    sender.script(key, {SendOutcome::permanent(u"HTTP 400"_qs)});
    const qint64 checkin = outbox.enqueue(checkInCommand(u"A"_qs)).value();
    const qint64 cancel = outbox.enqueue(cancelCommand(u"A"_qs)).value();
    const qint64 other = outbox.enqueue(checkInCommand(u"B"_qs)).value();
    Relay relay(outbox, sender, fastOptions());
    relay.start();
    QVERIFY(waitFor([&] {
        return outbox.record(other).value()->state == CommandState::Sent &&
               outbox.record(checkin).value()->state == CommandState::Dead;
    }));
    // A later command of another key is sent: the relay read the table again after A died, and
    // a wrongly released cancel (due earlier) would have been sent before it.
    const qint64 later = outbox.enqueue(checkInCommand(u"D"_qs)).value();
    relay.wake();
    QVERIFY(waitFor([&] { return outbox.record(later).value()->state == CommandState::Sent; }));
    QCOMPARE(outbox.record(cancel).value()->state, CommandState::Queued);  // waits for A
    for (const FakeSender::Sent& sent : sender.sent()) QVERIFY(sent.id != cancel);
    // Staff retry the dead check-in: it goes through with the same key, then the cancel.
    const QString first_key = outbox.record(checkin).value()->idempotency_key;
    QCOMPARE(outbox
                 .retry(checkin, u"nurse 12"_qs, u"patient data fixed"_qs,
                        QDateTime::currentDateTimeUtc())
                 .ok(),
             true);
    relay.wake();
    QVERIFY(waitFor([&] { return allFinished(outbox); }));
    relay.stop();
    QCOMPARE(outbox.record(checkin).value()->state, CommandState::Sent);
    QCOMPARE(outbox.record(checkin).value()->idempotency_key, first_key);
    QCOMPARE(outbox.record(cancel).value()->state, CommandState::Sent);
    const auto audit = outbox.audit(checkin).value();
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit.first().action, u"retry"_qs);
    QCOMPARE(audit.first().who, u"nurse 12"_qs);
    // Discard: only queued or dead; a reason is required; audited.
    QCOMPARE(
        outbox.discard(checkin, u"x"_qs, u"y"_qs, QDateTime::currentDateTimeUtc()).error().code,
        ErrorCode::BadRequest);
    const qint64 late = outbox.enqueue(checkInCommand(u"C"_qs)).value();
    QCOMPARE(outbox.discard(late, u"x"_qs, QString(), QDateTime::currentDateTimeUtc()).ok(), false);
    QVERIFY(outbox.discard(late, u"nurse 12"_qs, u"duplicate"_qs, QDateTime::currentDateTimeUtc()));
    QCOMPARE(outbox.record(late).value()->state, CommandState::Discarded);
    QCOMPARE(outbox.discard(999, u"a"_qs, u"b"_qs, QDateTime::currentDateTimeUtc()).error().code,
             ErrorCode::NotFound);
}

void TestOutbox::oneBadRecordNeverBlocksOthers()
{
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(u"s.db"_qs));
    QVERIFY(store);
    Outbox outbox(*store);
    FakeSender sender;
    sender.always(appointmentOrderingKey(u"stuck"_qs), SendOutcome::transient(u"409"_qs, true));
    sender.always(appointmentOrderingKey(u"bad"_qs), SendOutcome::permanent(u"bad payload"_qs));
    QVERIFY(outbox.enqueue(checkInCommand(u"stuck"_qs)));
    QVERIFY(outbox.enqueue(checkInCommand(u"bad"_qs)));
    for (int i = 0; i < 40; ++i) QVERIFY(outbox.enqueue(checkInCommand(u"ok-%1"_qs.arg(i))));
    RelayOptions o = fastOptions();
    o.max_attempts = 1000;  // the stuck one keeps failing
    o.batch = 4;
    Relay relay(outbox, sender, o);
    relay.start();
    QVERIFY(waitFor([&] {
        auto s = outbox.status(QDateTime::currentDateTimeUtc());
        return s && s.value().sent == 40;
    }));
    relay.stop();
    const QueueStatus s = outbox.status(QDateTime::currentDateTimeUtc()).value();
    QCOMPARE(s.waiting, 1);
    QCOMPARE(s.dead, 1);
}

void TestOutbox::resumeAfterReopeningTheStore()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"s.db"_qs);
    QHash<qint64, QString> keys;
    {
        auto store = openStore(path);
        QVERIFY(store);
        Outbox outbox(*store);
        for (int i = 0; i < 20; ++i) {
            const qint64 id = outbox.enqueue(checkInCommand(u"r-%1"_qs.arg(i))).value();
            keys.insert(id, outbox.record(id).value()->idempotency_key);
        }
        // Some progress before the "crash": one sent, one backing off.
        QVERIFY(outbox.markSent(1, 1, "{}", QDateTime::currentDateTimeUtc()));
        QVERIFY(outbox.markRetry(2, 3, QDateTime::currentDateTimeUtc().addMSecs(200), u"e"_qs));
    }
    auto store = openStore(path);
    QVERIFY(store);
    QVERIFY(store->schemaVersion() >= 2);
    Outbox outbox(*store);
    const auto r2 = outbox.record(2).value();
    QCOMPARE(r2->attempts, 3);
    QCOMPARE(r2->last_error, u"e"_qs);
    QCOMPARE(outbox.status(QDateTime::currentDateTimeUtc()).value().waiting, 19);
    FakeSender sender;
    Relay relay(outbox, sender, fastOptions());
    relay.start();
    QVERIFY(waitFor([&] { return allFinished(outbox); }));
    relay.stop();
    QCOMPARE(sender.sent().size(), 19);
    for (const auto& s : sender.sent()) QCOMPARE(s.idempotency_key, keys.value(s.id));
    QCOMPARE(outbox.record(2).value()->attempts, 4);
}

void TestOutbox::offlineProbesInsteadOfSending()
{
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(u"s.db"_qs));
    QVERIFY(store);
    Outbox outbox(*store);
    FakeSender sender;
    sender.setOnline(false);
    for (int i = 0; i < 5; ++i) QVERIFY(outbox.enqueue(checkInCommand(u"o-%1"_qs.arg(i))));
    Relay relay(outbox, sender, fastOptions());
    relay.start();
    QVERIFY(waitFor([&] { return sender.probes() >= 5; }));
    QueueStatus s = relay.status();
    QVERIFY(s.connectivity_known);
    QVERIFY(!s.online);
    QVERIFY(s.offline_since.isValid());
    QCOMPARE(s.waiting, 5);
    QVERIFY(sender.sent().size() <= 1);  // nothing is sent while offline (attempts not burnt)
    // medkioskctl reads the same state from the store.
    QCOMPARE(outbox.status(QDateTime::currentDateTimeUtc()).value().online, false);
    sender.setOnline(true);
    QVERIFY(waitFor([&] { return allFinished(outbox); }));
    s = relay.status();
    QVERIFY(s.online);
    QVERIFY(s.last_successful_sync.isValid());
    relay.stop();
    QCOMPARE(outbox.status(QDateTime::currentDateTimeUtc()).value().online, true);
}

void TestOutbox::backoffCeiling_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<qint64>("ceiling_ms");
    QTest::newRow("first") << 1 << qint64(1000);
    QTest::newRow("second") << 2 << qint64(2000);
    QTest::newRow("fifth") << 5 << qint64(16000);
    QTest::newRow("capped") << 12 << qint64(300000);
    QTest::newRow("huge attempt") << 1000 << qint64(300000);
}

void TestOutbox::backoffCeiling()
{
    QFETCH(int, attempt);
    QFETCH(qint64, ceiling_ms);
    const BackoffPolicy p;  // base 1 s, cap 5 min
    QCOMPARE(backoffCeilingMs(p, attempt), ceiling_ms);
    for (int i = 0; i < 200; ++i) {
        const qint64 d = backoffDelayMs(p, attempt);
        QVERIFY(d >= 0 && d <= ceiling_ms);
    }
}

void TestOutbox::busyPoolNeverMakesACommandDead()
{
    // Issue 13: 429 and 503 are the pool being too busy, not the command's fault. Twice
    // max_attempts of them in a row: the command still ends sent, with one attempt counted, and
    // every refusal paused the relay once.
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(u"s.db"_qs));
    QVERIFY(store);
    Outbox outbox(*store);
    FakeSender sender;
    const RelayOptions options = fastOptions();  // max_attempts 5
    QList<SendOutcome> busy;
    for (int i = 0; i < 2 * options.max_attempts; ++i) {
        SendOutcome o = SendOutcome::transient(u"HTTP 429"_qs, true, 0);
        o.http_status = i % 2 == 0 ? 429 : 503;
        busy.append(o);
    }
    sender.script(appointmentOrderingKey(u"a"_qs), busy);
    auto a = outbox.enqueue(checkInCommand(u"a"_qs));
    auto b = outbox.enqueue(checkInCommand(u"b"_qs));
    QVERIFY(a && b);
    Relay relay(outbox, sender, options);
    relay.start();
    QVERIFY(waitFor([&] { return allFinished(outbox); }));
    relay.stop();
    QCOMPARE(relay.throttledCount(), quint64(2 * options.max_attempts));
    const auto ra = outbox.record(a.value()).value();
    QCOMPARE(ra->state, CommandState::Sent);
    QCOMPARE(ra->attempts, 1);
    QCOMPARE(outbox.record(b.value()).value()->state, CommandState::Sent);
    QCOMPARE(outbox.status(QDateTime::currentDateTimeUtc()).value().dead, 0);
    // The other command went out once, between the pauses.
    int b_sends = 0;
    for (const auto& sent : sender.sent()) b_sends += sent.ordering_key.endsWith(u"b"_qs) ? 1 : 0;
    QCOMPARE(b_sends, 1);
}

void TestOutbox::throttleDelaySpreadsAfterRetryAfter()
{
    const BackoffPolicy p;  // base 1 s, cap 5 min
    qint64 lowest = 1 << 30;
    qint64 highest = 0;
    for (int i = 0; i < 400; ++i) {
        const qint64 d = throttleDelayMs(p, 1, 1);  // "Retry-After: 1", the first refusal
        QVERIFY2(d >= 1000 && d <= 2000, qPrintable(QString::number(d)));
        lowest = std::min(lowest, d);
        highest = std::max(highest, d);
    }
    QVERIFY2(highest - lowest >= 500, "a fleet told 1 s must not come back at one moment");
    for (int i = 0; i < 200; ++i) {  // longer refusal streaks: never before Retry-After
        const qint64 d = throttleDelayMs(p, 3, 6);
        QVERIFY(d >= 3000 && d <= 6000);
        const qint64 none = throttleDelayMs(p, -1, 3);  // no Retry-After: full jitter
        QVERIFY(none >= 0 && none <= backoffCeilingMs(p, 3));
    }
}

void TestOutbox::statusCounts()
{
    auto store = openStore(u":memory:"_qs);
    QVERIFY(store);
    Outbox outbox(*store);
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    QVERIFY(
        outbox.enqueue({checkInCommand(u"a"_qs), checkInCommand(u"b"_qs), cancelCommand(u"c"_qs)}));
    QVERIFY(outbox.markDead(3, 1, u"HTTP 404"_qs, t0));
    QVERIFY(outbox.markSent(2, 1, "{}", t0));
    const QueueStatus s = outbox.status(t0.addSecs(90)).value();
    QCOMPARE(s.waiting, 1);
    QCOMPARE(s.dead, 1);
    QCOMPARE(s.sent, 1);
    QVERIFY(s.oldest_waiting_age_s >= 89);
    QVERIFY(s.last_successful_sync.isValid());
    QVERIFY(!s.connectivity_known);
    QCOMPARE(s.toJson().value(u"waiting"_qs).toInt(), 1);
    QCOMPARE(outbox.list(CommandState::Dead, 10).value().size(), 1);
    QCOMPARE(outbox.list(std::nullopt, 10).value().size(), 3);
}

void TestOutbox::upgradeKeepsIdsAndNeverReusesThem()
{
    // Migration 8 rebuilds the outbox without AUTOINCREMENT (one page fewer per enqueue): the
    // records of a store of schema 7 keep their ids, keys and states, the next id follows the
    // highest, a key is still unique, and no record can be deleted (so no id is ever reused).
    QTemporaryDir dir;
    const QString path = dir.filePath(u"s.db"_qs);
    {  // What the program of schema 7 wrote: a sent, a dead (with a staff audit row), a queued.
        auto opened =
            SqlCipherDb::openKeyed(path, SqlCipherDb::OpenMode::ReadWriteCreate, makeKey('o'));
        QVERIFY(opened);
        SqlCipherDb& db = *opened.value();
        auto v7 = store::Migrations::migrate(db, store::Migrations::all().first(7));
        QVERIFY2(v7, qPrintable(v7.ok() ? QString() : v7.error().detail));
        QCOMPARE(v7.value(), 7);
        QVERIFY(db.exec(QByteArrayLiteral(
            "INSERT INTO outbox(kind, ordering_key, payload, idempotency_key, created_at_ms, "
            "next_attempt_at_ms) VALUES "
            "('check-in', 'appointment:a1', '{}', 'key-1', 1, 1),"
            "('check-in', 'appointment:a2', '{}', 'key-2', 2, 2),"
            "('cancel', 'appointment:a2', '{}', 'key-3', 3, 3);"
            "UPDATE outbox SET state = 'sent', result = 'r1' WHERE id = 1;"
            "UPDATE outbox SET state = 'dead', last_error = 'refused' WHERE id = 2;"
            "INSERT INTO outbox_audit(outbox_id, action, who, why, at_ms) "
            "VALUES (2, 'discard', 'nurse', 'test', 4);")));
    }
    auto store = openStore(path);
    QVERIFY(store);
    QCOMPARE(store->schemaVersion(), store::Migrations::latestVersion());
    QVERIFY(store->schemaVersion() >= 8);
    Outbox outbox(*store);
    const QStringList states{u"sent"_qs, u"dead"_qs, u"queued"_qs};
    for (qint64 id = 1; id <= 3; ++id) {
        auto r = outbox.record(id);
        QVERIFY(r && r.value());
        QCOMPARE(r.value()->idempotency_key, QStringLiteral("key-%1").arg(id));
        QCOMPARE(stateName(r.value()->state), states.at(int(id - 1)));
    }
    QCOMPARE(outbox.record(1).value()->result, QByteArray("r1"));
    QCOMPARE(outbox.audit(2).value().size(), 1);
    QCOMPARE(countRows(*store, "SELECT count(*) FROM sqlite_sequence WHERE name = 'outbox'"),
             qint64(0));
    // The dead record still holds its appointment's cancel; a new record gets the next id.
    auto due = outbox.due(QDateTime::currentDateTimeUtc(), 10);
    QVERIFY(due);
    QVERIFY(due.value().isEmpty());
    auto next = outbox.enqueue(checkInCommand(u"a4"_qs));
    QVERIFY(next);
    QCOMPARE(next.value(), qint64(4));
    Command same_key = checkInCommand(u"a5"_qs);
    same_key.idempotency_key = u"key-4-dup"_qs;
    QVERIFY(outbox.enqueue(same_key));
    QVERIFY(!outbox.enqueue(same_key));  // the key is still unique
    // No record can be deleted, not even the newest (its id would be handed out again).
    Status deleted = store->withTransaction([](SqlCipherDb& db) {
        return db.exec(QByteArrayLiteral("DELETE FROM outbox WHERE id = 5"));
    });
    QVERIFY(!deleted);
    QVERIFY(deleted.error().detail.contains(u"never deleted"_qs));
    QCOMPARE(countRows(*store, "SELECT max(id) FROM outbox"), qint64(5));
    auto after = outbox.enqueue(checkInCommand(u"a6"_qs));
    QVERIFY(after);
    QCOMPARE(after.value(), qint64(6));
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
