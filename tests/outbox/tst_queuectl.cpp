// medkioskctl queue status|list|retry|discard|export as IT staff run it (a process per case),
// on a store the kiosk wrote: JSON output, exit codes, audit rows, and an export without
// personal data.
#include "core/outbox/Outbox.h"
#include "core/store/KeyProvider.h"
#include "core/store/Store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace mk;
using namespace mk::outbox;

namespace {

const QString kSecret = QStringLiteral("Zhang San 13800138000");  // personal data in a payload

struct CtlRun {
    int exit_code = -1;
    QByteArray out;
    QByteArray err;
};

}  // namespace

class TestQueueCtl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void statusAndList();
    void retryAndDiscard_data();
    void retryAndDiscard();
    void exportIsRedacted();

private:
    CtlRun ctl(const QStringList& args) const;
    std::unique_ptr<store::Store> openStore() const;
    QTemporaryDir dir_;
    QString config_;
};

CtlRun TestQueueCtl::ctl(const QStringList& args) const
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

std::unique_ptr<store::Store> TestQueueCtl::openStore() const
{
    auto key = store::KeyProvider::load(dir_.filePath(u"store.key"_qs), QString(), nullptr);
    if (!key) return nullptr;
    auto s = store::Store::open(dir_.filePath(u"store.db"_qs), key.value());
    return s ? std::move(s).value() : nullptr;
}

void TestQueueCtl::initTestCase()
{
    QVERIFY(dir_.isValid());
    config_ = dir_.filePath(u"kiosk.ini"_qs);
    QFile ini(config_);
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write(QStringLiteral("[store]\npath = %1\nkey_file = %2\n")
                  .arg(dir_.filePath(u"store.db"_qs), dir_.filePath(u"store.key"_qs))
                  .toUtf8());
    ini.close();
    auto store = openStore();
    QVERIFY(store);
    Outbox outbox(*store);
    for (int i = 1; i <= 4; ++i) {
        Command c = checkInCommand(u"appt-%1"_qs.arg(i));
        c.payload = QJsonDocument(QJsonObject{{u"appointment_id"_qs, u"appt-%1"_qs.arg(i)},
                                              {u"note"_qs, kSecret}})
                        .toJson(QJsonDocument::Compact);
        QVERIFY(outbox.enqueue(c));
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(outbox.markDead(2, 3, u"POST $check-in: HTTP 404 unknown appointment"_qs, now));
    QVERIFY(outbox.markDead(4, 1, u"bad payload"_qs, now));
    QVERIFY(outbox.markSent(3, 1, kSecret.toUtf8(), now));
}

void TestQueueCtl::statusAndList()
{
    const CtlRun status = ctl({u"queue"_qs, u"status"_qs, u"--json"_qs});
    QCOMPARE(status.exit_code, 1);  // dead letters wait
    const QJsonObject s = QJsonDocument::fromJson(status.out).object();
    QCOMPARE(s.value(u"waiting"_qs).toInt(), 1);
    QCOMPARE(s.value(u"dead"_qs).toInt(), 2);
    QCOMPARE(s.value(u"sent"_qs).toInt(), 1);
    QCOMPARE(s.value(u"connectivity_known"_qs).toBool(), false);
    const CtlRun text = ctl({u"queue"_qs, u"status"_qs});
    QVERIFY(text.out.contains("dead letters"));
    const CtlRun list = ctl({u"queue"_qs, u"list"_qs, u"--state"_qs, u"dead"_qs, u"--json"_qs});
    QCOMPARE(list.exit_code, 0);
    const QJsonArray rows = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).toObject().value(u"id"_qs).toInt(), 4);  // newest first
    QCOMPARE(rows.at(1).toObject().value(u"attempts"_qs).toInt(), 3);
    QVERIFY(!list.out.contains(kSecret.toUtf8()));
    QCOMPARE(ctl({u"queue"_qs, u"list"_qs, u"--state"_qs, u"lost"_qs}).exit_code, 2);
}

void TestQueueCtl::retryAndDiscard_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exit_code");
    QTest::addColumn<QString>("state_after");  // of the record named in args
    QTest::newRow("retry dead") << QStringList{u"retry"_qs, u"2"_qs} << 0 << u"queued"_qs;
    QTest::newRow("retry queued refused") << QStringList{u"retry"_qs, u"1"_qs} << 2 << u"queued"_qs;
    QTest::newRow("discard without reason")
        << QStringList{u"discard"_qs, u"4"_qs} << 2 << u"dead"_qs;
    QTest::newRow("discard dead") << QStringList{u"discard"_qs, u"4"_qs, u"--reason"_qs,
                                                 u"appointment deleted at the desk"_qs}
                                  << 0 << u"discarded"_qs;
    QTest::newRow("discard sent refused")
        << QStringList{u"discard"_qs, u"3"_qs, u"--reason"_qs, u"x"_qs} << 2 << u"sent"_qs;
    QTest::newRow("unknown id") << QStringList{u"retry"_qs, u"99"_qs} << 1 << QString();
    QTest::newRow("not a number") << QStringList{u"retry"_qs, u"x"_qs} << 2 << QString();
}

void TestQueueCtl::retryAndDiscard()
{
    QFETCH(QStringList, args);
    QFETCH(int, exit_code);
    QFETCH(QString, state_after);
    const CtlRun r = ctl(QStringList{u"queue"_qs} + args);
    QVERIFY2(r.exit_code == exit_code, r.err.constData());
    if (state_after.isEmpty()) return;
    auto store = openStore();
    QVERIFY(store);
    Outbox outbox(*store);
    const auto rec = outbox.record(args.at(1).toLongLong()).value();
    QVERIFY(rec);
    QCOMPARE(stateName(rec->state), state_after);
    if (exit_code == 0) {
        const auto audit = outbox.audit(rec->id).value();
        QVERIFY(!audit.isEmpty());
        QCOMPARE(audit.last().action, args.at(0));
        QVERIFY(!audit.last().who.isEmpty());
    }
}

void TestQueueCtl::exportIsRedacted()
{
    QTemporaryDir reports;  // never the store's folder: that is refused
    QVERIFY(reports.isValid());
    const QString file = reports.filePath(u"report.json"_qs);
    const CtlRun r = ctl({u"queue"_qs, u"export"_qs, file});
    QVERIFY2(r.exit_code == 0, r.err.constData());
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());
    const QByteArray bytes = f.readAll();
    QVERIFY(!bytes.contains(kSecret.toUtf8()));
    QVERIFY(!bytes.contains("appointment deleted at the desk"));  // free-text reasons left out
    const QJsonObject report = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(report.value(u"records"_qs).toArray().size(), 4);
    QCOMPARE(report.value(u"redacted"_qs).toBool(), true);
    QVERIFY(report.value(u"audit"_qs).toArray().size() >= 2);
    QCOMPARE(ctl({u"queue"_qs, u"export"_qs}).exit_code, 2);
}

QTEST_GUILESS_MAIN(TestQueueCtl)
#include "tst_queuectl.moc"
