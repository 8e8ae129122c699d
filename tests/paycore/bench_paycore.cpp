// Figures of the kiosk's payment core (issue 9), printed, never asserted:
//  1. durable payment (ledger row + payment row + receipt number + outbox record in ONE
//     transaction, synchronous=FULL, WAL: PaymentStore::takeOffline) against the raw SQLCipher
//     single-row durable transaction on the same disk (as bench_outbox): rates, ratio (goal >=
//     0.7);
//  2. `pay ledger verify` over 100,000 ledger rows in the store (read + recompute every hash);
//  3. tap "Pay" -> receipt, credit path online on the local simulator (PaymentCore::payBill:
//     attempt committed, $pay, paid committed), split into kiosk time and pool time (waiting for
//     the simulator's replies over loopback): median, p95.
// MEDKIOSK_BENCH_DIR puts the stores on a chosen disk (default: the current folder).
#include "PayCoreFixture.h"
#include "RawStoreBench.h"
#include "core/payment/PaymentCommand.h"
#include "core/store/SqlCipherDb.h"
#include "core/store/SqlStatement.h"
#include "payment/Ledger.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <vector>

using namespace mk;
using namespace mk::payment;
using namespace mk::payment::test;

namespace {

constexpr int kRows = 300;
constexpr int kRuns = 5;

double quantile(std::vector<double> v, double q)
{
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const double pos = q * double(v.size() - 1);
    const size_t lo = size_t(pos);
    const size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - double(lo));
}

QString times(const std::vector<double>& v)
{
    return QStringLiteral("median %1 ms, p95 %2 ms, min %3, max %4 (n=%5)")
        .arg(quantile(v, 0.5), 0, 'f', 2)
        .arg(quantile(v, 0.95), 0, 'f', 2)
        .arg(*std::min_element(v.begin(), v.end()), 0, 'f', 2)
        .arg(*std::max_element(v.begin(), v.end()), 0, 'f', 2)
        .arg(v.size());
}

store::SecureKey key(char c)
{
    return store::SecureKey(QByteArray(store::SecureKey::kSizeBytes, c));
}

PaymentRow benchRow(int i)
{
    PaymentRow r;
    r.key = pay::newIdempotencyKey();
    r.invoice_id = QStringLiteral("inv-bench-%1").arg(i);
    r.patient_id = QStringLiteral("pat-bench");
    r.bill_number = QStringLiteral("B20261205-%1").arg(i, 4, 10, QLatin1Char('0'));
    r.amount_fen = 10225;
    r.method = QStringLiteral("credit");
    r.verification = QStringLiteral("face");
    r.day = QStringLiteral("2026-12-05");
    // A $pay body of the real size.
    r.request = QByteArrayLiteral(
        "{\"parameter\":[{\"name\":\"method\",\"valueCode\":\"credit\"},{\"name\":\"amount\","
        "\"valueMoney\":{\"currency\":\"CNY\",\"value\":102.25}},{\"name\":\"verification\","
        "\"part\":[{\"name\":\"method\",\"valueCode\":\"face\"},{\"name\":\"score\","
        "\"valueDecimal\":0.9312}]},{\"name\":\"offline\",\"valueBoolean\":true},{\"name\":"
        "\"takenAt\",\"valueInstant\":\"2026-12-05T10:15:00.000+08:00\"}],\"resourceType\":"
        "\"Parameters\"}");
    return r;
}

Result<double> durablePaymentRun(const QString& path)
{
    mk::test::removeStoreFiles(path);
    auto st = store::Store::open(path, key('d'));
    if (!st) return st.error();
    outbox::Outbox ob(*st.value());
    PaymentStore records(*st.value(), ob, QStringLiteral("BENCH"));
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kRows; ++i) {
        const PaymentRow r = benchRow(i);
        auto taken = records.takeOffline(
            r, paymentCommand(PaymentPayload{r.invoice_id, r.patient_id, r.request}, r.key),
            1764900000000 + i);
        if (!taken) return taken.error();
    }
    return kRows / (double(timer.nsecsElapsed()) / 1e9);
}

QString benchDir()
{
    const QString d = qEnvironmentVariable("MEDKIOSK_BENCH_DIR");
    return d.isEmpty() ? QDir::currentPath() : d;
}

}  // namespace

class BenchPayCore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void durablePaymentVsRaw();
    void ledgerVerify100k();
    void tapToReceiptOnline();
};

void BenchPayCore::durablePaymentVsRaw()
{
    QTemporaryDir dir(QDir(benchDir()).filePath(QStringLiteral("bench-paycore-XXXXXX")));
    QVERIFY(dir.isValid());
    std::vector<double> raw;
    std::vector<double> pay;
    for (int run = 0; run < kRuns; ++run) {  // interleaved, so drift hits both alike
        auto r =
            mk::test::rawDurableInsertRate(dir.filePath(QStringLiteral("raw.db")), kRows, key('r'));
        QVERIFY2(r, r ? "" : qPrintable(r.error().detail));
        raw.push_back(r.value());
        auto p = durablePaymentRun(dir.filePath(QStringLiteral("pay.db")));
        QVERIFY2(p, p ? "" : qPrintable(p.error().detail));
        pay.push_back(p.value());
    }
    qInfo().noquote() << QStringLiteral("disk: %1 (%2 rows x %3 runs, synchronous=FULL, WAL)")
                             .arg(dir.path())
                             .arg(kRows)
                             .arg(kRuns);
    qInfo().noquote() << "raw SQLCipher single-row durable tx:        "
                      << mk::test::rateFigures(raw);
    qInfo().noquote() << "durable payment (ledger + row + outbox, 1 tx):"
                      << mk::test::rateFigures(pay);
    qInfo().noquote() << QStringLiteral("ratio payment/raw (medians): %1 (goal >= 0.7)")
                             .arg(quantile(pay, 0.5) / quantile(raw, 0.5), 0, 'f', 2);
}

void BenchPayCore::ledgerVerify100k()
{
    QTemporaryDir dir(QDir(benchDir()).filePath(QStringLiteral("bench-ledger-XXXXXX")));
    QVERIFY(dir.isValid());
    auto st = store::Store::open(dir.filePath(QStringLiteral("ledger.db")), key('l'));
    QVERIFY(st);
    const int n = 100000;
    QElapsedTimer fill;
    fill.start();
    for (int batch = 0; batch < n / 5000; ++batch) {
        Status s = st.value()->withTransaction([&](store::SqlCipherDb& db) -> Status {
            for (int i = 0; i < 5000; ++i) {
                const int k = batch * 5000 + i;
                auto a = PaymentStore::appendLedger(
                    db, QStringLiteral("inv-%1").arg(k / 2), 10225 + k % 977,
                    QStringLiteral("credit"), QStringLiteral("key-%1").arg(k / 2),
                    k % 2 == 0 ? QStringLiteral("attempt") : QStringLiteral("paid"),
                    1764900000000 + k);
                if (!a) return a.error();
            }
            return Ok{};
        });
        QVERIFY2(s, s ? "" : qPrintable(s.error().detail));
    }
    qInfo() << "filled" << n << "ledger rows in" << fill.elapsed() << "ms";
    outbox::Outbox ob(*st.value());
    PaymentStore records(*st.value(), ob, QStringLiteral("BENCH"));
    std::vector<double> ms;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer t;
        t.start();
        auto v = records.verifyLedger();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        QVERIFY(v);
        QVERIFY2(v.value().ok, qPrintable(v.value().message));
        QCOMPARE(v.value().rowsChecked, qint64(n));
    }
    qInfo().noquote() << "pay ledger verify, 100,000 rows:" << times(ms);
}

void BenchPayCore::tapToReceiptOnline()
{
    PayCoreFixture fx;
    QVERIFY(fx.dir.isValid());
    const QString error = fx.startSim();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    std::vector<double> total;
    std::vector<double> kiosk;
    std::vector<double> pool;
    QStringList patients{u"pat-1001"_qs, u"pat-1002"_qs, u"pat-1003"_qs};
    for (int i = 1100; i <= 1115; ++i) patients.append(QStringLiteral("pat-%1").arg(i));
    for (int round = 0; round < 3; ++round) {
        // Back to the seeded bills; a new kiosk (its store remembers what it paid).
        pool::CurlTransport t(PayCoreFixture::transport());
        pool::HttpRequest reset;
        reset.method = QByteArrayLiteral("POST");
        reset.url = fx.sim->baseUrl();
        reset.url.setPath(QStringLiteral("/_sim/reset"));
        QVERIFY(t.perform(reset));
        auto k = fx.kiosk(QStringLiteral("tap-%1").arg(round), PaymentOptions(), 4000, false);
        QVERIFY(k);
        for (const QString& p : patients) {
            if (p.startsWith(QLatin1String("pat-11")))
                QVERIFY(k->core->openCredit(OpenCreditRequest{p, u"1"_qs, true, face()}).opened);
            auto bills = k->core->bills(p);
            QVERIFY(bills);
            qint64 budget = p.startsWith(QLatin1String("pat-11")) ? 50000 : 300000;
            for (const Bill& b : bills.value().bills) {
                if (b.total_net_fen > budget) continue;
                budget -= b.total_net_fen;
                qint64 pool_us = 0;
                QElapsedTimer tap;
                tap.start();
                const BillPayment paid =
                    k->core->payBill(p, BillToPay{b.id, b.total_net_fen}, face(), &pool_us);
                const double ms = double(tap.nsecsElapsed()) / 1e6;
                QCOMPARE(payStatusName(paid.status), payStatusName(PayStatus::Paid));
                total.push_back(ms);
                pool.push_back(double(pool_us) / 1000.0);
                kiosk.push_back(ms - double(pool_us) / 1000.0);
            }
        }
    }
    qInfo().noquote() << "tap Pay -> receipt (credit, online, local simulator):" << times(total);
    qInfo().noquote() << "  kiosk (store commits, parsing, checks):           " << times(kiosk);
    qInfo().noquote() << "  pool (waiting for the simulator over loopback):   " << times(pool);
}

QTEST_GUILESS_MAIN(BenchPayCore)
#include "bench_paycore.moc"
