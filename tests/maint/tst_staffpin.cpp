// StaffPin on a real encrypted store (temp file): right / wrong PIN, lockout and its persistence
// across a reopen, doubling, a fresh salt per set, no PIN in the store's bytes, the audit rows.
#include "TestSkip.h"
#include "core/staff/StaffAudit.h"
#include "core/staff/StaffPin.h"
#include "core/store/KeyProvider.h"
#include "core/store/SecureKey.h"
#include "core/store/SqlCipherDb.h"
#include "core/store/SqlStatement.h"
#include "core/store/Store.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace mk;
using namespace mk::staff;

namespace {
store::SecureKey makeKey()
{
    QByteArray raw(store::SecureKey::kSizeBytes, '\0');
    for (int i = 0; i < raw.size(); ++i) raw[i] = char(0x31 + i);
    return store::SecureKey(raw);
}
const QString kKiosk = QStringLiteral("KIOSK-T-01");
const QDateTime kT0 = QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);

QByteArray saltOf(store::Store& s)
{
    QByteArray salt;
    Status st = s.withTransaction([&](store::SqlCipherDb& db) -> Status {
        auto stmt = db.prepare(QByteArrayLiteral("SELECT salt FROM staff_pin WHERE id = 1"));
        if (!stmt) return stmt.error();
        auto step = stmt.value().step();
        if (!step) return step.error();
        salt = stmt.value().columnBlob(0);
        return Ok{};
    });
    return st ? salt : QByteArray();
}
}  // namespace

class TstStaffPin : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString path() const { return dir_.filePath(QStringLiteral("store.db")); }
    std::unique_ptr<store::Store> open()
    {
        auto s = store::Store::open(path(), makeKey());
        if (!s) qWarning("%s", qPrintable(s.error().detail));
        return s ? std::move(s).value() : nullptr;
    }

private Q_SLOTS:
    void init() { QFile::remove(path()); }

    void notConfigured()
    {
        auto s = open();
        QVERIFY(s);
        StaffPin pin(*s, kKiosk);
        QCOMPARE(pin.isConfigured().value(), false);
        QCOMPARE(pin.verify(QStringLiteral("1234"), kT0).value().verdict,
                 PinCheck::Verdict::NotConfigured);
        QVERIFY(StaffPin::howToSet().contains(QLatin1String("medkioskctl staff set-pin")));
    }

    void validate_data()
    {
        QTest::addColumn<QString>("pin");
        QTest::addColumn<bool>("ok");
        QTest::newRow("four digits") << QStringLiteral("1234") << true;
        QTest::newRow("twelve digits") << QStringLiteral("123456789012") << true;
        QTest::newRow("three digits") << QStringLiteral("123") << false;
        QTest::newRow("thirteen") << QStringLiteral("1234567890123") << false;
        QTest::newRow("letters") << QStringLiteral("12a4") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("fullwidth digits") << QStringLiteral("１２３４") << false;
    }
    void validate()
    {
        QFETCH(QString, pin);
        QFETCH(bool, ok);
        QCOMPARE(StaffPin::validate(pin).ok(), ok);
    }

    void rightAndWrong_data()
    {
        QTest::addColumn<QString>("attempt");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("right") << QStringLiteral("482913") << true;
        QTest::newRow("wrong digit") << QStringLiteral("482914") << false;
        QTest::newRow("prefix") << QStringLiteral("48291") << false;
        QTest::newRow("longer") << QStringLiteral("4829130") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void rightAndWrong()
    {
        QFETCH(QString, attempt);
        QFETCH(bool, accepted);
        auto s = open();
        QVERIFY(s);
        StaffPin pin(*s, kKiosk);
        QVERIFY(pin.setPin(QStringLiteral("482913"), kT0).ok());
        QCOMPARE(pin.isConfigured().value(), true);
        const PinCheck c = pin.verify(attempt, kT0).value();
        QCOMPARE(c.verdict, accepted ? PinCheck::Verdict::Ok : PinCheck::Verdict::Wrong);
        if (!accepted) QCOMPARE(c.failures_left, StaffPin::kMaxFailures - 1);
    }

    void lockoutPersistsAndDoubles()
    {
        {
            auto s = open();
            QVERIFY(s);
            StaffPin pin(*s, kKiosk);
            QVERIFY(pin.setPin(QStringLiteral("2468"), kT0).ok());
            for (int i = 1; i < StaffPin::kMaxFailures; ++i) {
                const PinCheck c = pin.verify(QStringLiteral("0000"), kT0).value();
                QCOMPARE(c.verdict, PinCheck::Verdict::Wrong);
                QCOMPARE(c.failures_left, StaffPin::kMaxFailures - i);
            }
            const PinCheck locked = pin.verify(QStringLiteral("0000"), kT0).value();
            QCOMPARE(locked.verdict, PinCheck::Verdict::Locked);
            QCOMPARE(locked.remaining_s, StaffPin::kBaseLockoutS);
        }
        // A restart does not reset it: even the right PIN is refused while locked.
        auto s = open();
        QVERIFY(s);
        StaffPin pin(*s, kKiosk);
        const QDateTime later = kT0.addSecs(60);
        QCOMPARE(pin.state(later).value().verdict, PinCheck::Verdict::Locked);
        const PinCheck still = pin.verify(QStringLiteral("2468"), later).value();
        QCOMPARE(still.verdict, PinCheck::Verdict::Locked);
        QCOMPARE(still.remaining_s, StaffPin::kBaseLockoutS - 60);
        // After it expires, five more failures lock for twice as long.
        const QDateTime t1 = kT0.addSecs(StaffPin::kBaseLockoutS + 1);
        QCOMPARE(pin.state(t1).value().verdict, PinCheck::Verdict::Ok);
        PinCheck c;
        for (int i = 0; i < StaffPin::kMaxFailures; ++i)
            c = pin.verify(QStringLiteral("1111"), t1).value();
        QCOMPARE(c.verdict, PinCheck::Verdict::Locked);
        QCOMPARE(c.remaining_s, 2 * StaffPin::kBaseLockoutS);
        // The right PIN after expiry clears everything.
        const QDateTime t2 = t1.addSecs(2 * StaffPin::kBaseLockoutS + 1);
        QCOMPARE(pin.verify(QStringLiteral("2468"), t2).value().verdict, PinCheck::Verdict::Ok);
        QCOMPARE(pin.state(t2).value().failures_left, StaffPin::kMaxFailures);

        // The audit log has the attempts, with the kiosk id, newest first.
        StaffAudit audit(*s, kKiosk);
        const auto entries = audit.list(100).value();
        QVERIFY(entries.size() >= 12);
        QCOMPARE(entries.first().action, action::kLoginOk);
        QCOMPARE(entries.first().kiosk_id, kKiosk);
        QCOMPARE(entries.first().at, t2);
        QCOMPARE(entries.last().action, action::kPinSet);
        int failed = 0;
        int locked = 0;
        for (const auto& e : entries) {
            failed += e.action == action::kLoginFailed;
            locked += e.action == action::kLoginLocked;
        }
        QCOMPARE(failed, 2 * (StaffPin::kMaxFailures - 1));
        QCOMPARE(locked, 3);  // two lockouts + one attempt while locked
    }

    void saltDiffersPerSet()
    {
        auto s = open();
        QVERIFY(s);
        StaffPin pin(*s, kKiosk);
        QVERIFY(pin.setPin(QStringLiteral("13579"), kT0).ok());
        const QByteArray first = saltOf(*s);
        QVERIFY(pin.setPin(QStringLiteral("13579"), kT0).ok());
        const QByteArray second = saltOf(*s);
        QCOMPARE(first.size(), StaffPin::kSaltBytes);
        QCOMPARE(second.size(), StaffPin::kSaltBytes);
        QVERIFY(first != second);
        QCOMPARE(pin.verify(QStringLiteral("13579"), kT0).value().verdict, PinCheck::Verdict::Ok);
    }

    void noPlaintextInStoreFiles()
    {
        const QString secret = QStringLiteral("97531864");
        {
            auto s = open();
            QVERIFY(s);
            StaffPin pin(*s, kKiosk);
            QVERIFY(pin.setPin(secret, kT0).ok());
            QVERIFY(pin.verify(QStringLiteral("11112222"), kT0).ok());
            QVERIFY(pin.verify(secret, kT0).ok());
        }
        const QStringList files{path(), path() + QStringLiteral("-wal"),
                                path() + QStringLiteral("-shm")};
        int read = 0;
        for (const QString& f : files) {
            QFile file(f);
            if (!file.open(QIODevice::ReadOnly)) continue;
            ++read;
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains(secret.toLatin1()), qPrintable(f));
            QVERIFY2(!bytes.contains(QByteArrayLiteral("staff_pin")), qPrintable(f));
        }
        QVERIFY(read >= 1);
    }

    // medkioskctl staff set-pin as a process: the PIN comes from stdin (a pipe here), never argv.
    void ctlSetPin_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("exit_code");
        QTest::newRow("valid") << QByteArray("864209\n") << 0;
        QTest::newRow("too short") << QByteArray("12\n") << 2;
        QTest::newRow("letters") << QByteArray("12ab56\n") << 2;
        QTest::newRow("empty") << QByteArray() << 2;
    }
    void ctlSetPin()
    {
#ifndef MEDKIOSK_CTL
        MK_SKIP_OR_FAIL_IN_CI("built without the medkioskctl path (MEDKIOSK_CTL)");
#else
        QFETCH(QByteArray, input);
        QFETCH(int, exit_code);
        const QString key_file = dir_.filePath(QStringLiteral("store.key"));
        QFile::remove(key_file);
        {
            auto key = store::KeyProvider::load(key_file, QString(), nullptr);
            QVERIFY(key.ok());
            auto s = store::Store::open(path(), key.value());
            QVERIFY(s.ok());
        }
        const QString ini = dir_.filePath(QStringLiteral("kiosk.ini"));
        QFile f(ini);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("[kiosk]\nid = %1\n[store]\npath = %2\nkey_file = %3\n")
                    .arg(kKiosk, path(), key_file)
                    .toUtf8());
        f.close();
        QProcess ctl;
        ctl.start(QStringLiteral(MEDKIOSK_CTL), {QStringLiteral("staff"), QStringLiteral("set-pin"),
                                                 QStringLiteral("--config"), ini});
        QVERIFY(ctl.waitForStarted(60000));
        ctl.write(input);
        ctl.closeWriteChannel();
        QVERIFY(ctl.waitForFinished(120000));
        QCOMPARE(ctl.exitCode(), exit_code);
        QVERIFY(!ctl.readAllStandardOutput().contains("864209"));
        QVERIFY(!ctl.readAllStandardError().contains("864209"));
        auto key = store::KeyProvider::load(key_file, QString(), nullptr);
        auto s = store::Store::open(path(), key.value());
        QVERIFY(s.ok());
        StaffPin pin(*s.value(), kKiosk);
        QCOMPARE(pin.isConfigured().value(), exit_code == 0);
        if (exit_code == 0) {
            QCOMPARE(pin.verify(QStringLiteral("864209"), kT0).value().verdict,
                     PinCheck::Verdict::Ok);
        }
#endif
    }
};

QTEST_GUILESS_MAIN(TstStaffPin)
#include "tst_staffpin.moc"
