// medkioskctl pay status | list | ledger verify | reconcile as IT staff run them (a process per
// case) on a store a kiosk wrote (issue 9): exit codes, JSON, a ledger row altered on disk named,
// reconcile against the simulator finding a payment the kiosk has no record of.
#include "PayCoreFixture.h"
#include "core/store/KeyProvider.h"
#include "core/store/SqlCipherDb.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace mk;
using namespace mk::payment;
using namespace mk::payment::test;

namespace {

struct CtlRun {
    int exit_code = -1;
    QByteArray out;
    QByteArray err;
};

}  // namespace

class TestPayCtl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void statusListAndVerify();
    void reconcileFindsADifference();
    void alteredRowIsNamed();

private:
    CtlRun ctl(const QStringList& args) const
    {
        QProcess p;
        p.start(QStringLiteral(MEDKIOSK_CTL), QStringList{args} << u"--config"_qs << config_);
        CtlRun r;
        if (!p.waitForFinished(60000)) return r;
        r.exit_code = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }
    std::unique_ptr<Kiosk> kiosk()
    {
        // The fixture's kiosk, on the store the configuration names, with its key file.
        auto key = store::KeyProvider::load(fx_.dir.filePath(u"store.key"_qs), QString(), nullptr);
        if (!key) return nullptr;
        auto k = fx_.kiosk(u"ctl"_qs, PaymentOptions(), 3000, false);
        if (!k) return nullptr;
        k->core.reset();
        k->outbox.reset();
        k->store.reset();
        auto s = store::Store::open(fx_.dir.filePath(u"store.db"_qs), key.value());
        if (!s) return nullptr;
        k->store = std::move(s).value();
        k->outbox = std::make_unique<outbox::Outbox>(*k->store);
        PaymentOptions o;
        o.kiosk_id = u"KIOSK-CTL"_qs;
        o.client_id = kDevice;
        k->core = std::make_unique<PaymentCore>(k->client, *k->store, *k->outbox, o);
        k->path = fx_.dir.filePath(u"store.db"_qs);
        return k;
    }

    PayCoreFixture fx_;
    QString config_;
    QString paid_key_;
};

void TestPayCtl::initTestCase()
{
    QVERIFY(fx_.dir.isValid());
    const QString error = fx_.startSim();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    config_ = fx_.dir.filePath(u"kiosk.ini"_qs);
    QFile ini(config_);
    QVERIFY(ini.open(QIODevice::WriteOnly));
    // kiosk/id is the client id the pool names as requestor: the simulator without
    // authorisation names every kiosk "unauthenticated".
    ini.write(QStringLiteral("[kiosk]\nid = unauthenticated\n[store]\npath = %1\nkey_file = %2\n"
                             "[pool]\nbase_url = %3\n")
                  .arg(fx_.dir.filePath(u"store.db"_qs), fx_.dir.filePath(u"store.key"_qs),
                       fx_.sim->baseUrl().toString())
                  .toUtf8());
    ini.close();
    auto k = kiosk();
    QVERIFY(k);
    for (const QString& patient : {u"pat-1001"_qs, u"pat-1006"_qs}) {
        auto bills = k->core->bills(patient);
        QVERIFY(bills);
        const Bill b = bills.value().bills.last();
        const BillPayment p = k->core->payBill(patient, BillToPay{b.id, b.total_net_fen}, face());
        if (p.status == PayStatus::Paid) paid_key_ = p.idempotency_key;
    }
    QVERIFY(!paid_key_.isEmpty());
}

void TestPayCtl::statusListAndVerify()
{
    const CtlRun verify = ctl({u"pay"_qs, u"ledger"_qs, u"verify"_qs});
    QVERIFY2(verify.exit_code == 0, verify.err.constData());
    QVERIFY(verify.out.contains("4 row"));
    const CtlRun list = ctl({u"pay"_qs, u"list"_qs, u"--json"_qs});
    QCOMPARE(list.exit_code, 0);
    const QJsonArray rows = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(rows.size(), 2);
    QVERIFY(!list.out.contains("pat-"));  // no patient ids
    const CtlRun status = ctl({u"pay"_qs, u"status"_qs, u"--json"_qs});
    QCOMPARE(status.exit_code, 0);  // nothing awaits review
    const QJsonObject s = QJsonDocument::fromJson(status.out).object();
    QCOMPARE(s.value(u"by_state").toObject().value(u"paid").toInt(), 1);
    QCOMPARE(s.value(u"by_state").toObject().value(u"refused").toInt(), 1);
    const CtlRun bad = ctl({u"pay"_qs, u"list"_qs, u"--date"_qs, u"2026-13-45"_qs});
    QCOMPARE(bad.exit_code, 2);
}

void TestPayCtl::reconcileFindsADifference()
{
    const QString today = HospitalClock().today().toString(Qt::ISODate);
    const CtlRun same = ctl({u"pay"_qs, u"reconcile"_qs, u"--date"_qs, today, u"--json"_qs});
    QVERIFY2(same.exit_code == 0, same.out.constData());
    // Another kiosk (same device id) pays: the pool lists a payment this kiosk does not have.
    auto other = fx_.kiosk(u"other"_qs, PaymentOptions(), 3000, false);
    QVERIFY(other);
    auto bills = other->core->bills(u"pat-1004"_qs);
    QVERIFY(bills);
    const Bill b = bills.value().bills.first();
    const BillPayment p =
        other->core->payBill(u"pat-1004"_qs, BillToPay{b.id, b.total_net_fen}, face());
    QCOMPARE(payStatusName(p.status), payStatusName(PayStatus::Paid));
    const CtlRun diff = ctl({u"pay"_qs, u"reconcile"_qs, u"--date"_qs, today, u"--json"_qs});
    QCOMPARE(diff.exit_code, 1);
    const QJsonArray d = QJsonDocument::fromJson(diff.out).object().value(u"differences").toArray();
    QCOMPARE(d.size(), 1);
    QCOMPARE(d.first().toObject().value(u"kind").toString(), u"pool-only"_qs);
    QCOMPARE(d.first().toObject().value(u"key").toString(), p.idempotency_key);
    QCOMPARE(ctl({u"pay"_qs, u"reconcile"_qs}).exit_code, 2);  // --date is required
}

void TestPayCtl::alteredRowIsNamed()
{
    auto key = store::KeyProvider::load(fx_.dir.filePath(u"store.key"_qs), QString(), nullptr);
    QVERIFY(key);
    {
        auto db = store::SqlCipherDb::openKeyed(
            fx_.dir.filePath(u"store.db"_qs), store::SqlCipherDb::OpenMode::ReadWrite, key.value());
        QVERIFY(db);
        QVERIFY(db.value()->exec(
            QByteArrayLiteral("UPDATE payment_ledger SET amount = '0.01' WHERE seq = 2")));
    }
    const CtlRun verify = ctl({u"pay"_qs, u"ledger"_qs, u"verify"_qs});
    QCOMPARE(verify.exit_code, 1);
    QVERIFY2(verify.out.contains("row 2"), verify.out.constData());
    const CtlRun json = ctl({u"pay"_qs, u"ledger"_qs, u"verify"_qs, u"--json"_qs});
    QCOMPARE(json.exit_code, 1);
    const QJsonObject o = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(o.value(u"problem").toString(), u"altered"_qs);
    QCOMPARE(o.value(u"seq").toInteger(), 2);
}

QTEST_GUILESS_MAIN(TestPayCtl)
#include "tst_payctl.moc"
