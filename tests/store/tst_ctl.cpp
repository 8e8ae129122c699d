// medkioskctl as IT staff run it: exit codes (0 ok, 1 check failed, 2 usage), diagnostics and
// store check on healthy, missing, wrongly keyed and damaged stores, JSON output, and never the
// key in what it prints.

#include "core/store/KeyProvider.h"
#include "core/store/Migrations.h"
#include "core/store/Store.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using mk::store::KeyProvider;
using mk::store::SecureKey;
using mk::store::Store;

namespace {

struct CtlRun {
    int exit_code = -1;
    QByteArray out;
    QByteArray err;
};

CtlRun runCtl(const QStringList& arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"CREDENTIALS_DIRECTORY"_qs);
    env.remove(u"MEDKIOSK_CONFIG"_qs);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(MEDKIOSK_CTL), arguments);
    CtlRun run;
    if (!process.waitForFinished(60000)) return run;
    run.exit_code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TestCtl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void usageErrors_data();
    void usageErrors();
    void checks_data();
    void checks();
};

void TestCtl::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exit_code");
    QTest::newRow("no command") << QStringList{} << 2;
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_qs} << 2;
    QTest::newRow("half a command") << QStringList{u"store"_qs} << 2;
    QTest::newRow("unknown option") << QStringList{u"diagnostics"_qs, u"--frob"_qs} << 2;
    QTest::newRow("extra argument") << QStringList{u"store"_qs, u"check"_qs, u"extra"_qs} << 2;
    QTest::newRow("bad bench rows")
        << QStringList{u"bench"_qs, u"store"_qs, u"--rows"_qs, u"many"_qs} << 2;
    QTest::newRow("help") << QStringList{u"--help"_qs} << 0;
    QTest::newRow("command help") << QStringList{u"store"_qs, u"check"_qs, u"--help"_qs} << 0;
    QTest::newRow("version") << QStringList{u"--version"_qs} << 0;
}

void TestCtl::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exit_code);
    const CtlRun run = runCtl(arguments);
    QCOMPARE(run.exit_code, exit_code);
    if (exit_code == 2) QVERIFY2(!run.err.isEmpty(), "a usage error must say what is wrong");
}

void TestCtl::checks_data()
{
    QTest::addColumn<QString>("command");  // "diagnostics" or "store check"
    QTest::addColumn<QString>("state");    // healthy, missing, wrong-key, damaged, bad-config
    QTest::addColumn<int>("exit_code");
    QTest::addColumn<QString>("expected");  // in the output

    QTest::newRow("diagnostics, healthy store")
        << u"diagnostics"_qs << u"healthy"_qs << 0 << u"\"integrity\": \"ok\""_qs;
    QTest::newRow("diagnostics, no store yet")
        << u"diagnostics"_qs << u"missing"_qs << 0 << u"\"present\": false"_qs;
    QTest::newRow("diagnostics, wrong key")
        << u"diagnostics"_qs << u"wrong-key"_qs << 1 << u"wrong key"_qs;
    QTest::newRow("diagnostics, bad config")
        << u"diagnostics"_qs << u"bad-config"_qs << 1 << u"kiosk/idle_timeout_s"_qs;
    QTest::newRow("store check, healthy")
        << u"store check"_qs << u"healthy"_qs << 0 << u"\"schema_version\""_qs;
    QTest::newRow("store check, no store")
        << u"store check"_qs << u"missing"_qs << 1 << u"no store file"_qs;
    QTest::newRow("store check, wrong key")
        << u"store check"_qs << u"wrong-key"_qs << 1 << u"wrong key"_qs;
    QTest::newRow("store check, damaged page")
        << u"store check"_qs << u"damaged"_qs << 1 << u"\"ok\": false"_qs;
}

void TestCtl::checks()
{
    QFETCH(QString, command);
    QFETCH(QString, state);
    QFETCH(int, exit_code);
    QFETCH(QString, expected);

    QTemporaryDir dir;
    const QString db = dir.filePath(u"state/store.db"_qs);
    const QString key_file = dir.filePath(u"state/store.key"_qs);
    const QString ini = dir.filePath(u"kiosk.ini"_qs);
    {
        QFile f(ini);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[kiosk]\nidle_timeout_s = " + QByteArray(state == u"bad-config" ? "-1" : "60") +
                "\n[store]\npath = " + db.toUtf8() + "\nkey_file = " + key_file.toUtf8() + '\n');
    }
    QByteArray key_bytes;
    if (state != u"missing") {
        auto key = KeyProvider::load(key_file, QString(), nullptr);
        QVERIFY(key.ok());
        key_bytes = key.value().bytes();
        auto store = Store::open(db, key.value());
        QVERIFY(store.ok());
        for (int i = 0; i < 40; ++i) {
            QVERIFY(store.value()
                        ->putCache(u"k%1"_qs.arg(i), QByteArray(3000, 'x'),
                                   QDateTime::currentDateTimeUtc())
                        .ok());
        }
    }
    if (state == u"wrong-key") {
        QFile f(key_file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QByteArray(SecureKey::kSizeBytes, 'w'));
    } else if (state == u"damaged") {
        QByteArray bytes = readAll(db);
        QVERIFY(bytes.size() > 10 * Store::kCipherPageSizeBytes);
        for (int i = 0; i < 32; ++i) bytes[7 * Store::kCipherPageSizeBytes + 200 + i] ^= 0x33;
        QFile f(db);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
    }
    const QByteArray before = readAll(db);

    QStringList arguments = command.split(u' ');
    arguments << u"--config"_qs << ini << u"--json"_qs;
    const CtlRun run = runCtl(arguments);
    const QString all = QString::fromUtf8(run.out + run.err);
    QVERIFY2(run.exit_code == exit_code, qPrintable(all));
    QVERIFY2(all.contains(expected), qPrintable(all));
    if (state != u"bad-config") {
        QJsonParseError error{};
        QJsonDocument::fromJson(run.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(all));
    }
    // Checks never change the store, never create a key, never print one.
    QCOMPARE(readAll(db), before);
    QCOMPARE(QFile::exists(key_file), state != u"missing");
    if (!key_bytes.isEmpty()) {
        QVERIFY(!all.contains(QString::fromLatin1(key_bytes.toHex()), Qt::CaseInsensitive));
        QVERIFY(!(run.out + run.err).contains(key_bytes));
    }
}

QTEST_GUILESS_MAIN(TestCtl)
#include "tst_ctl.moc"
