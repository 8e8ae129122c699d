// paycore_driver STORE URL PLAN_FILE: a kiosk process taking payments, killed with SIGKILL at
// random moments by tst_paycore_kill. At start it settles what a previous run left (payments
// in state sending are sent again with their key and body; delivered outbox records settled),
// then pays every line "PATIENT INVOICE AMOUNT_FEN" of PLAN_FILE that has no payment yet (face
// evidence), while the relay forwards anything taken offline. Prints "done <paid> <other>" and
// exits 0 when no payment is left sending or offline; 1 on a store error.
#include "core/outbox/Outbox.h"
#include "core/outbox/PoolCommandSender.h"
#include "core/outbox/Relay.h"
#include "core/payment/PaymentCore.h"
#include "core/pool/PoolClient.h"
#include "core/store/SecureKey.h"
#include "core/store/Store.h"

#include <QCoreApplication>
#include <QFile>
#include <QSet>
#include <QTextStream>

#include <condition_variable>
#include <mutex>

using namespace mk;
using namespace mk::payment;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        out << "usage: paycore_driver STORE URL PLAN_FILE\n";
        return 2;
    }
    QByteArray raw(store::SecureKey::kSizeBytes, 'k');
    auto opened = store::Store::open(args[1], store::SecureKey(raw));
    if (!opened) {
        out << "store: " << opened.error().detail << '\n';
        return 1;
    }
    auto st = std::move(opened).value();
    outbox::Outbox ob(*st);
    pool::TransportOptions t;
    t.connect_timeout_ms = 2000;
    t.request_timeout_ms = 5000;
    outbox::PoolCommandSender sender(QUrl(args[2]), t);
    outbox::RelayOptions ro;
    ro.backoff.base_ms = 5;
    ro.backoff.cap_ms = 100;
    ro.probe_interval_ms = 50;
    ro.idle_poll_ms = 50;
    outbox::Relay relay(ob, sender, ro);
    relay.start();
    pool::PoolOptions po;
    po.base_url = QUrl(args[2]);
    po.request_timeout_ms = 5000;
    po.max_attempts = 3;
    po.backoff_base_ms = 10;
    auto client = std::make_shared<pool::PoolClient>(po);
    PaymentOptions o;
    o.kiosk_id = QStringLiteral("KILL");
    o.client_id = QStringLiteral("unauthenticated");
    o.caps.perTransaction = pay::Money::yuan(1000);
    o.caps.perPatientPerDay = pay::Money::yuan(100000);
    o.caps.kioskOutstanding = pay::Money::yuan(100000);
    PaymentCore core(client, *st, ob, o);

    if (auto r = core.resumeSending(); !r) {
        out << "resume: " << r.error().detail << '\n';
        return 1;
    }
    QFile plan(args[3]);
    if (!plan.open(QIODevice::ReadOnly)) return 2;
    const QStringList lines = QString::fromUtf8(plan.readAll()).split(u'\n', Qt::SkipEmptyParts);
    int paid = 0;
    int other = 0;
    auto rows = core.records().list(QString());
    if (!rows) return 1;
    QSet<QString> have;  // bills with a payment (paid, refused, in flight) from earlier runs
    for (const PaymentRow& r : rows.value()) have.insert(r.invoice_id);
    for (const QString& line : lines) {
        const QStringList f = line.split(u' ');
        if (f.size() != 3 || have.contains(f[1])) continue;
        const BillPayment p = core.payBill(f[0], BillToPay{f[1], f[2].toLongLong()},
                                           Evidence{Evidence::Method::Face, 0.9});
        if (p.status == PayStatus::Paid || p.status == PayStatus::PaidOffline)
            ++paid;
        else
            ++other;
        if (p.status == PayStatus::Failed && p.error.code == ErrorCode::Storage) {
            out << "store: " << p.error.detail << '\n';
            return 1;
        }
    }
    // Wait until nothing is left in flight: the relay delivers what was taken offline (woken by
    // each command the relay finishes; a bounded wait covers a missed wake-up).
    std::mutex finished_mutex;
    std::condition_variable finished_cv;
    quint64 finished = 0;
    QObject::connect(&relay, &outbox::Relay::commandFinished, [&] {
        std::lock_guard lock(finished_mutex);
        ++finished;
        finished_cv.notify_all();
    });
    for (;;) {
        quint64 seen = 0;
        {
            std::lock_guard lock(finished_mutex);
            seen = finished;
        }
        if (auto r = core.resumeSending(); !r) return 1;
        if (auto s = core.settleFromOutbox(); !s) return 1;
        auto sending = core.records().byState(state::kSending);
        auto offline = core.records().byState(state::kOffline);
        if (!sending || !offline) return 1;
        if (sending.value().isEmpty() && offline.value().isEmpty()) break;
        std::unique_lock lock(finished_mutex);
        finished_cv.wait_for(lock, std::chrono::milliseconds(500),
                             [&] { return finished != seen; });
    }
    relay.stop();
    out << "done " << paid << ' ' << other << '\n';
    return 0;
}
