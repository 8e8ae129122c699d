// kill -9 of a process taking payments (issue 9): paycore_driver pays a plan of bills against
// the simulator while this test kills it with SIGKILL at points drawn from a seed it prints
// (MEDKIOSK_KILL_SEED=<seed> replays a failure), several rounds, then lets a final run finish.
// Then: every planned bill is paid at the pool exactly once (0 lost, 0 charged twice), every
// payment the kiosk holds as paid is the pool's (reconcile finds no difference) and the ledger
// verifies.
#include "PayCoreFixture.h"
#include "core/common/HospitalClock.h"
#include "payment/Ledger.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

using namespace mk;
using namespace mk::payment;
using namespace mk::payment::test;

class TestPayCoreKill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killNineWhileTakingPayments();
};

void TestPayCoreKill::killNineWhileTakingPayments()
{
    PayCoreFixture fx;
    QVERIFY(fx.dir.isValid());
    const QString error = fx.startSim();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    auto helper = fx.kiosk(QStringLiteral("helper"), PaymentOptions(), 4000, false);
    QVERIFY(helper);
    // The plan: every seeded bill that the patient's (or guardian's) credit line can carry.
    QStringList patients{u"pat-1001"_qs, u"pat-1002"_qs, u"pat-1003"_qs};
    for (int i = 1100; i <= 1115; ++i) patients.append(QStringLiteral("pat-%1").arg(i));
    QFile plan(fx.dir.filePath(u"plan.txt"_qs));
    QVERIFY(plan.open(QIODevice::WriteOnly));
    QStringList invoices;
    for (const QString& p : patients) {
        if (p.startsWith(QLatin1String("pat-11"))) {
            const OpenCreditOutcome o =
                helper->core->openCredit(OpenCreditRequest{p, u"1"_qs, true, face()});
            QVERIFY2(o.opened, qPrintable(o.error.detail));
        }
        auto bills = helper->core->bills(p);
        QVERIFY(bills);
        qint64 budget = p.startsWith(QLatin1String("pat-11")) ? 50000 : 300000;
        for (const Bill& b : bills.value().bills) {
            if (b.total_net_fen > budget) continue;
            budget -= b.total_net_fen;
            plan.write(QStringLiteral("%1 %2 %3\n").arg(p, b.id).arg(b.total_net_fen).toUtf8());
            invoices.append(b.id);
        }
    }
    plan.close();
    QVERIFY(invoices.size() >= 20);
    qInfo() << "plan:" << invoices.size() << "bills";

    const QDate today = HospitalClock(QByteArrayLiteral("Asia/Shanghai")).today();
    const auto poolPaid = [&] {
        auto all = helper->client->reconciliations(kDevice, today);
        return all ? int(all.value().size()) : -1;
    };
    const QString path = fx.dir.filePath(u"kill9.db"_qs);
    const QStringList args{path, fx.sim->baseUrl().toString(), plan.fileName()};
    bool seeded = false;
    const quint32 seed = qEnvironmentVariable("MEDKIOSK_KILL_SEED").toUInt(&seeded);
    QRandomGenerator kill_points(seeded ? seed : QRandomGenerator::global()->generate());
    const quint32 used_seed = seeded ? seed : kill_points.generate();
    kill_points.seed(used_seed);
    qInfo("kill -9 points from seed %u (replay with MEDKIOSK_KILL_SEED=%u)", used_seed, used_seed);
    const int rounds = 6;
    for (int round = 0; round < rounds; ++round) {
        // A kill point is a place in the driver's progress: after this many more payments at
        // the pool (0: while it opens its store and settles the last round).
        const int kill_after = int(kill_points.bounded(0, int(invoices.size()) / rounds + 2));
        const int round_start = poolPaid();
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(QStringLiteral(PAYCORE_DRIVER), args);
        QVERIFY(p.waitForStarted(10000));
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return p.state() == QProcess::NotRunning ||
                                poolPaid() >= round_start + kill_after;
                     },
                     120000),
                 "the driver neither reached its kill point nor ended within 120 s");
        if (p.state() != QProcess::NotRunning) {
            p.kill();  // SIGKILL
            QVERIFY(p.waitForFinished(30000));
        }
        qInfo() << "round" << round << "kill point" << kill_after << "paid at the pool"
                << poolPaid() - round_start
                << (p.exitStatus() == QProcess::CrashExit ? "killed" : "ended");
    }
    QProcess final_run;
    final_run.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    final_run.start(QStringLiteral(PAYCORE_DRIVER), args);
    QVERIFY(final_run.waitForFinished(180000));
    const QString output = QString::fromUtf8(final_run.readAllStandardOutput());
    QVERIFY2(final_run.exitStatus() == QProcess::NormalExit && final_run.exitCode() == 0,
             qPrintable(output));

    // 0 lost, 0 charged twice: every planned bill exactly once at the pool.
    auto all = helper->client->reconciliations(kDevice, today);
    QVERIFY(all);
    QHash<QString, int> per_invoice;
    for (const pay::PaymentOutcome& p : all.value()) ++per_invoice[p.invoiceId];
    for (const QString& id : invoices) QCOMPARE(per_invoice.value(id), 1);
    QCOMPARE(all.value().size(), invoices.size());

    // The kiosk's own records agree with the pool, and the ledger verifies.
    QByteArray raw(store::SecureKey::kSizeBytes, 'k');
    auto st = store::Store::open(path, store::SecureKey(raw));
    QVERIFY(st);
    outbox::Outbox ob(*st.value());
    PaymentOptions o;
    o.client_id = kDevice;
    PaymentCore core(helper->client, *st.value(), ob, o);
    auto verified = core.records().verifyLedger();
    QVERIFY(verified);
    QVERIFY2(verified.value().ok, qPrintable(verified.value().message));
    auto rec = core.reconcile(today);
    QVERIFY(rec);
    for (const auto& d : rec.value().differences) {
        // The helper kiosk opened credit only; every payment of the day is the driver's.
        QFAIL(qPrintable(QStringLiteral("difference %1 %2 %3").arg(d.kind, d.invoice_id, d.key)));
    }
    QCOMPARE(rec.value().kiosk_count, int(invoices.size()));
    qInfo() << "ledger rows" << verified.value().rowsChecked;
}

QTEST_GUILESS_MAIN(TestPayCoreKill)
#include "tst_paycore_kill.moc"
