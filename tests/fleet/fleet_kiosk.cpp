// fleet_kiosk STORE URL IDS_FILE: one kiosk of the fleet test (tst_fleet), as its own process.
// On its first start it queues a check-in for every appointment id of IDS_FILE (one line each) in
// one transaction, as a kiosk holds its check-ins through an outage; then its Relay (the
// kiosk's defaults: backoff, Retry-After, jitter) forwards them to the pool at URL. tst_fleet may
// kill it with SIGKILL and start it again on the same store: it then resumes what is queued.
// Prints "sent <n>" as its sent count grows (after each committed batch), then
// "drained <sent> <dead> <throttled> <sends>" and exits 0 once nothing waits; 1 on a store error
// or when not drained within 300 s.
#include "../outbox/OutboxTestUtil.h"
#include "core/outbox/Outbox.h"
#include "core/outbox/PoolCommandSender.h"
#include "core/outbox/Relay.h"
#include "core/store/Store.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>
#include <QTimer>

using namespace mk;
using namespace mk::outbox;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        out << "usage: fleet_kiosk STORE URL IDS_FILE\n";
        return 2;
    }
    QFile ids_file(args.at(3));
    if (!ids_file.open(QIODevice::ReadOnly)) return 2;
    const QStringList ids =
        QString::fromUtf8(ids_file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);

    auto opened = store::Store::open(args.at(1), test::makeKey('f'));
    if (!opened) {
        out << "store: " << opened.error().detail << '\n';
        return 1;
    }
    Outbox outbox(*opened.value());
    auto before = outbox.status(QDateTime::currentDateTimeUtc());
    if (!before) return 1;
    if (before.value().waiting + before.value().sent + before.value().dead == 0) {
        QList<Command> commands;
        for (const QString& id : ids) commands.append(checkInCommand(id));
        if (auto r = outbox.enqueue(commands); !r) {
            out << "enqueue: " << r.error().detail << '\n';
            return 1;
        }
    }
    PoolCommandSender sender(QUrl(args.at(2)), pool::TransportOptions{});
    Relay relay(outbox, sender, RelayOptions{});
    bool finished = false;
    int reported = -1;
    const auto check = [&] {
        if (finished) return;
        auto st = outbox.status(QDateTime::currentDateTimeUtc());
        if (!st) {
            finished = true;
            app.exit(1);
            return;
        }
        if (st.value().sent != reported) {
            reported = st.value().sent;
            out << "sent " << reported << '\n';
            out.flush();
        }
        if (st.value().waiting == 0) {
            out << "drained " << st.value().sent << ' ' << st.value().dead << ' '
                << relay.throttledCount() << ' ' << relay.sendsAttempted() << '\n';
            out.flush();
            finished = true;
            app.exit(0);
        }
    };
    QObject::connect(
        &relay, &Relay::statusChanged, &app, [&check](const QueueStatus&) { check(); },
        Qt::QueuedConnection);
    relay.start();
    QTimer::singleShot(0, &app, check);
    QTimer::singleShot(300000, &app, [&] {
        if (!finished) out << "not drained within 300 s\n";
        finished = true;
        app.exit(1);
    });
    const int code = app.exec();
    relay.stop();
    return code;
}
