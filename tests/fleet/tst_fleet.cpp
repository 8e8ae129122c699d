// Issue 13, part 1: thirty kiosks come back at once after an outage, each with 500 queued
// check-ins, against one pool that serves a limited number of requests a second (429 with
// Retry-After beyond it) and a limited number of connections (503 beyond them). All on loopback:
// the simulator on a thread of this process, every kiosk (fleet_kiosk: store, outbox, relay with
// the kiosk's defaults) its own process. One kiosk is killed with SIGKILL in the middle and
// started again on its store. Checked on the pool's side: every command carried out exactly once
// (per Idempotency-Key and per appointment), none lost, none dead; the relays honoured
// Retry-After (the 429s stay a small share of what was served). Printed: the storm table (peak
// request rate against the limit, time until every queue is empty against the ideal).
// MEDKIOSK_FLEET_KIOSKS, MEDKIOSK_FLEET_QUEUE and MEDKIOSK_FLEET_RATE change 30, 500 and the
// limit (1000 requests a second).
#include "../outbox/OutboxTestUtil.h"
#include "core/outbox/Outbox.h"
#include "core/pool/CurlTransport.h"
#include "core/store/Store.h"
#include "poolsim/SimulatorThread.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace mk;
using mk::outbox::test::makeKey;
using mk::outbox::test::waitFor;

namespace {

int envInt(const char* name, int fallback)
{
    const int v = qEnvironmentVariableIntValue(name);
    return v > 0 ? v : fallback;
}

struct KioskProcess {
    QString store;
    QString ids_file;
    std::unique_ptr<QProcess> process;
    QByteArray output;  // everything it printed, over its restarts
    int last_sent = 0;  // from its "sent <n>" lines

    void start(const QString& url)
    {
        process = std::make_unique<QProcess>();
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.info=false"));  // warnings
        process->setProcessEnvironment(env);
        process->start(QStringLiteral(FLEET_KIOSK), {store, url, ids_file});
    }
    void read()
    {
        if (!process) return;
        output += process->readAllStandardOutput();
        const QList<QByteArray> lines = output.split('\n');
        for (const QByteArray& line : lines) {
            if (line.startsWith("sent ")) last_sent = line.mid(5).toInt();
        }
    }
    bool running() const { return process && process->state() != QProcess::NotRunning; }
};

}  // namespace

class TestFleet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reconnectStorm();

private:
    QJsonObject simStats(const QUrl& base)
    {
        pool::HttpRequest r;
        QUrl u = base;
        u.setPath(QStringLiteral("/_sim/stats"));
        r.url = u;
        const auto reply = transport_.perform(r);
        if (!reply || reply.value().status != 200) return {};
        return QJsonDocument::fromJson(reply.value().body).object();
    }

    pool::CurlTransport transport_{pool::TransportOptions{}};
};

void TestFleet::reconnectStorm()
{
    const int kiosks = envInt("MEDKIOSK_FLEET_KIOSKS", 30);
    const int per_kiosk = envInt("MEDKIOSK_FLEET_QUEUE", 500);
    const int rate = envInt("MEDKIOSK_FLEET_RATE", 1000);
    const int total = kiosks * per_kiosk;
    sim::SimOptions o;
    o.require_auth = false;  // not about authorisation (tst_kioskauth is)
    o.rate_limit_per_s = rate;
    // Fewer connections than kiosks: some are refused with 503 until a kept-alive connection
    // reaches its request cap (max_requests_per_connection) and closes.
    o.max_connections = std::max(2, kiosks * 4 / 5);
    sim::SimulatorThread sim(o);
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));
    const QStringList ids = sim.createAppointments(total);
    QCOMPARE(ids.size(), total);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::vector<KioskProcess> fleet(static_cast<size_t>(kiosks));
    const QString url = sim.baseUrl().toString();
    QElapsedTimer wall;
    wall.start();
    for (int k = 0; k < kiosks; ++k) {
        KioskProcess& p = fleet[size_t(k)];
        p.store = dir.filePath(QStringLiteral("kiosk-%1.db").arg(k));
        p.ids_file = dir.filePath(QStringLiteral("kiosk-%1.ids").arg(k));
        QFile f(p.ids_file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(ids.mid(k * per_kiosk, per_kiosk).join(QLatin1Char('\n')).toUtf8());
        f.close();
        p.start(url);
    }
    const auto readAll = [&] {
        for (KioskProcess& p : fleet) p.read();
    };

    // kill -9 in the middle: the first kiosk that is between a fifth and four fifths through.
    KioskProcess* victim = nullptr;
    QVERIFY2(waitFor(
                 [&] {
                     readAll();
                     for (KioskProcess& p : fleet) {
                         if (p.running() && p.last_sent >= per_kiosk / 5 &&
                             p.last_sent <= per_kiosk * 4 / 5) {
                             victim = &p;
                             return true;
                         }
                     }
                     return false;
                 },
                 240000),
             "no kiosk got a fifth through its queue");
    victim->process->kill();  // SIGKILL
    QVERIFY(victim->process->waitForFinished(10000));
    victim->read();
    int sent_at_kill = 0;
    {
        auto s = store::Store::open(victim->store, makeKey('f'));
        QVERIFY(s);
        outbox::Outbox ob(*s.value());
        sent_at_kill = ob.status(QDateTime::currentDateTimeUtc()).value().sent;
    }
    QVERIFY2(sent_at_kill > 0 && sent_at_kill < per_kiosk,
             qPrintable(QString::number(sent_at_kill)));
    victim->start(url);

    QVERIFY2(waitFor(
                 [&] {
                     readAll();
                     for (const KioskProcess& p : fleet) {
                         if (p.running()) return false;
                     }
                     return true;
                 },
                 420000),
             "the fleet did not drain within 7 minutes");
    const double drain_s = double(wall.elapsed()) / 1000.0;
    readAll();

    int dead = 0;
    int sent = 0;
    for (int k = 0; k < kiosks; ++k) {
        const KioskProcess& p = fleet[size_t(k)];
        QCOMPARE(p.process->exitCode(), 0);
        const QList<QByteArray> words = p.output.mid(p.output.lastIndexOf("drained")).split(' ');
        QVERIFY2(words.size() >= 5, p.output.constData());
        sent += words.at(1).toInt();
        dead += words.at(2).toInt();
        QCOMPARE(words.at(1).toInt(), per_kiosk);
    }
    const QJsonObject stats = simStats(sim.baseUrl());
    const QJsonObject keys = stats.value(QStringLiteral("idempotency_keys")).toObject();
    const QJsonObject limit = stats.value(QStringLiteral("rate_limit")).toObject();
    const int executed = keys.value(QStringLiteral("keys_executed")).toInt();
    const int twice = keys.value(QStringLiteral("executed_more_than_once")).toInt();
    const int applied = stats.value(QStringLiteral("checkins_applied")).toInt();
    const int duplicates = stats.value(QStringLiteral("duplicate_commands")).toInt();
    const qint64 served = qint64(limit.value(QStringLiteral("served")).toDouble());
    const qint64 throttled = qint64(limit.value(QStringLiteral("throttled")).toDouble());
    const qint64 refused = qint64(limit.value(QStringLiteral("refused_connections")).toDouble());
    const int peak = limit.value(QStringLiteral("peak_served_per_s")).toInt();
    const int peak_offered = limit.value(QStringLiteral("peak_offered_per_s")).toInt();
    const int burst = limit.value(QStringLiteral("burst")).toInt();
    const double pool_s = limit.value(QStringLiteral("first_to_last_ms")).toDouble() / 1000.0;
    // A check-in is two requests (GET for the version, POST $check-in with If-Match).
    const double ideal_s = 2.0 * total / rate;

    qInfo().noquote() << QStringLiteral(
                             "\nfleet storm: %1 kiosks x %2 queued check-ins, one pool limited to "
                             "%3 requests/s (burst %4) and %5 connections; one kiosk killed -9 at "
                             "%6 sent and restarted")
                             .arg(kiosks)
                             .arg(per_kiosk)
                             .arg(rate)
                             .arg(burst)
                             .arg(o.max_connections)
                             .arg(sent_at_kill);
    qInfo().noquote() << "| commands | limit (req/s) | peak served (req/s) | peak offered (req/s) "
                         "| 429 | 503 | queues empty after (s) | ideal (s) | ideal/actual "
                         "| duplicates | lost | dead |";
    qInfo().noquote() << "|---|---|---|---|---|---|---|---|---|---|---|---|";
    qInfo().noquote() << QStringLiteral(
                             "| %1 | %2 | %3 | %4 | %5 | %6 | %7 (pool busy %8) | %9 | "
                             "%10 | %11 | %12 | %13 |")
                             .arg(total)
                             .arg(rate)
                             .arg(peak)
                             .arg(peak_offered)
                             .arg(throttled)
                             .arg(refused)
                             .arg(drain_s, 0, 'f', 1)
                             .arg(pool_s, 0, 'f', 1)
                             .arg(ideal_s, 0, 'f', 1)
                             .arg(ideal_s / drain_s, 0, 'f', 2)
                             .arg(twice + duplicates)
                             .arg(total - executed)
                             .arg(dead);
    qInfo().noquote() << QStringLiteral(
                             "(ideal = %1 commands x 2 requests / %2 requests/s; "
                             "served %3 requests in all)")
                             .arg(total)
                             .arg(rate)
                             .arg(served);

    // Exactly once, nothing lost, nothing dead.
    QCOMPARE(sent, total);
    QCOMPARE(dead, 0);
    QCOMPARE(executed, total);
    QCOMPARE(twice, 0);
    QCOMPARE(applied, total);
    QCOMPARE(duplicates, 0);
    // The limit was met and held: the pool refused some (the storm was real) and never served
    // more than a second's rate plus its burst in any one-second window.
    QVERIFY2(throttled > 0, "the fleet never reached the pool's limit: the storm was not tested");
    QVERIFY2(peak <= rate + burst, qPrintable(QString::number(peak)));
    // The relays honoured Retry-After: a relay that ignored it would be refused far more often
    // than served.
    QVERIFY2(throttled + refused < served / 2,
             qPrintable(
                 QStringLiteral("%1 refusals for %2 served").arg(throttled + refused).arg(served)));
}

QTEST_GUILESS_MAIN(TestFleet)
#include "tst_fleet.moc"
