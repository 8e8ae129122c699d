// outbox_driver STORE URL IDS_FILE: what the kiosk does with its outbox, as a separate process
// that tst_outbox_sim kills with SIGKILL at random moments. For every line "CHECKIN_ID CANCEL_ID"
// of IDS_FILE not yet handled locally, one transaction writes the local effect (a row in
// driver_local) with a check-in of the first appointment and a cancel of the second (the pool
// refuses to cancel an appointment that has arrived); a Relay forwards them to the pool at URL
// meanwhile. Exits 0 once every command is sent or dead ("drained <sent> <dead>"), 1 on a store
// error.
#include "core/outbox/Outbox.h"
#include "core/outbox/PoolCommandSender.h"
#include "core/outbox/Relay.h"
#include "core/store/SecureKey.h"
#include "core/store/SqlCipherDb.h"
#include "core/store/SqlStatement.h"
#include "core/store/Store.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>
#include <QTimer>

using namespace mk;
using namespace mk::outbox;

namespace {

store::SecureKey driverKey()
{
    QByteArray raw(store::SecureKey::kSizeBytes, 'd');
    for (int i = 0; i < raw.size(); ++i) raw[i] = char(raw[i] + i);
    return store::SecureKey(raw);
}

Result<bool> handled(store::Store& s, const QString& id)
{
    bool found = false;
    Status st = s.withTransaction([&](store::SqlCipherDb& db) -> Status {
        if (Status c = db.exec(QByteArrayLiteral(
                "CREATE TABLE IF NOT EXISTS driver_local(appointment TEXT PRIMARY KEY)"));
            !c)
            return c;
        auto q = db.prepare(QByteArrayLiteral("SELECT 1 FROM driver_local WHERE appointment = ?1"));
        if (!q) return q.error();
        if (Status b = q.value().bind(1, id); !b) return b;
        auto step = q.value().step();
        if (!step) return step.error();
        found = step.value() == store::SqlStatement::Step::Row;
        return Ok{};
    });
    if (!st) return st.error();
    return found;
}

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        out << "usage: outbox_driver STORE URL IDS_FILE\n";
        return 2;
    }
    QFile ids_file(args.at(3));
    if (!ids_file.open(QIODevice::ReadOnly)) return 2;
    const QStringList lines =
        QString::fromUtf8(ids_file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);

    auto opened = store::Store::open(args.at(1), driverKey());
    if (!opened) {
        out << "store: " << opened.error().detail << '\n';
        return 1;
    }
    store::Store& s = *opened.value();
    Outbox outbox(s);
    pool::TransportOptions t;
    t.connect_timeout_ms = 2000;
    t.request_timeout_ms = 5000;
    PoolCommandSender sender(QUrl(args.at(2)), t);
    RelayOptions o;
    o.backoff.base_ms = 5;
    o.backoff.cap_ms = 100;
    o.probe_interval_ms = 50;
    o.idle_poll_ms = 100;
    o.max_attempts = 100;
    Relay relay(outbox, sender, o);
    relay.start();
    int enqueued = 0;
    for (const QString& line : lines) {
        const QStringList pair = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (pair.size() != 2) return 2;
        const QString& id = pair.at(0);
        auto done = handled(s, id);
        if (!done) return 1;
        if (done.value()) continue;
        auto r = outbox.enqueue(
            {checkInCommand(id), cancelCommand(pair.at(1))}, [&](store::SqlCipherDb& db) -> Status {
                auto ins = db.prepare(
                    QByteArrayLiteral("INSERT INTO driver_local(appointment) VALUES (?1)"));
                if (!ins) return ins.error();
                if (Status b = ins.value().bind(1, id); !b) return b;
                return ins.value().run();
            });
        if (!r) {
            out << "enqueue: " << r.error().detail << '\n';
            return 1;
        }
        ++enqueued;
        relay.wake();
    }
    out << "enqueued " << enqueued << '\n';
    out.flush();
    // Done when nothing waits any more: looked at once now (all may be sent already) and again
    // each time the relay publishes its status (after every batch it sent).
    bool finished = false;
    const auto check = [&] {
        if (finished) return;
        auto st = outbox.status(QDateTime::currentDateTimeUtc());
        if (!st) {
            finished = true;
            app.exit(1);
        } else if (st.value().waiting == 0) {
            out << "drained " << st.value().sent << ' ' << st.value().dead << '\n';
            out.flush();
            finished = true;
            app.exit(0);
        }
    };
    QObject::connect(
        &relay, &Relay::statusChanged, &app, [&check](const QueueStatus&) { check(); },
        Qt::QueuedConnection);
    QTimer::singleShot(0, &app, check);
    QTimer::singleShot(180000, &app, [&] {
        if (!finished) out << "not drained within 180 s\n";
        finished = true;
        app.exit(1);
    });
    const int code = app.exec();
    relay.stop();
    return code;
}
