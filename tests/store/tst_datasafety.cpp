// Issue 14: the kiosk's own tools never destroy or strand a store. Each case runs the real
// medkioskctl / medkiosk as IT would, on a real SQCipher store, and checks what is on disk after:
// an export never overwrites the store, a device, a FIFO or a symlink's target and reports a
// failed write; a missing key file never makes a new key beside an existing store; inspection
// commands write nothing; a named configuration that is missing or not INI stops everything
// before anything is created; files are 0600 in 0700 folders; a FIFO is never read.
#include "StoreFileTest.h"
#include "core/outbox/Outbox.h"
#include "core/store/KeyProvider.h"
#include "core/store/SqlCipherDb.h"
#include "core/store/Store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <sys/types.h>

using namespace mk;
using mk::test::modeOf;
using mk::test::Run;
using mk::test::sha256;

namespace {

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

}  // namespace

class TestDataSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void exportRefuses_data();
    void exportRefuses();
    void exportForceReplacesOnlyARegularFile();
    void exportReportsAFailedWrite();
    void missingKeyFileStopsTheKioskAndLeavesTheStore();
    void inspectionWritesNothing_data();
    void inspectionWritesNothing();
    void namedConfigurationMustExistAndBeIni_data();
    void namedConfigurationMustExistAndBeIni();
    void unknownKeysStayWarnings();
    void demoFilesArePrivate();
    void qrDecodeRefusesAFifo();

private:
    Run run(const QString& program, const QStringList& args, const QString& shell_prefix = {});
    Run ctl(const QStringList& args) { return run(QStringLiteral(MEDKIOSK_CTL), args); }
    void makeStore(int records);
    QString path(const QString& name) const { return dir_->filePath(name); }

    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<QTemporaryDir> elsewhere_;  // a folder that is not the store's
    QString store_;
    QString key_;
    QString config_;
};

Run TestDataSafety::run(const QString& program, const QStringList& args,
                        const QString& shell_prefix)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_qs, u"offscreen"_qs);
    env.insert(u"HOME"_qs, path(u"home"_qs));
    env.insert(u"XDG_STATE_HOME"_qs, path(u"home/state"_qs));
    for (const char* name : {"MEDKIOSK_CONFIG", "CREDENTIALS_DIRECTORY", "STATE_DIRECTORY"})
        env.remove(QString::fromLatin1(name));
    p.setProcessEnvironment(env);
    if (shell_prefix.isEmpty()) {
        p.start(program, args);
    } else {
        // bash: ulimit -f counts 1024-byte blocks; SIGXFSZ ignored so write() returns EFBIG.
        p.start(u"/bin/bash"_qs,
                QStringList{u"-c"_qs, shell_prefix + u"; exec \"$0\" \"$@\""_qs, program} + args);
    }
    Run r;
    r.finished = p.waitForFinished(60000);
    if (!r.finished) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exit_code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void TestDataSafety::makeStore(int records)
{
    auto key = store::KeyProvider::load(key_, QString(), nullptr);
    QVERIFY(key);
    auto opened = store::Store::open(store_, key.value());
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().detail));
    outbox::Outbox outbox(*opened.value());
    for (int i = 1; i <= records; ++i)
        QVERIFY(outbox.enqueue(outbox::checkInCommand(u"appt-%1"_qs.arg(i))));
}

void TestDataSafety::init()
{
    dir_ = std::make_unique<QTemporaryDir>();
    elsewhere_ = std::make_unique<QTemporaryDir>();
    QVERIFY(dir_->isValid() && elsewhere_->isValid());
    QVERIFY(QDir().mkpath(path(u"home"_qs)));
    store_ = path(u"store.db"_qs);
    key_ = path(u"store.key"_qs);
    config_ = path(u"kiosk.ini"_qs);
    writeFile(config_, QStringLiteral("[store]\npath = %1\nkey_file = %2\n[pool]\nbase_url = "
                                      "http://127.0.0.1:9/fhir\n")
                           .arg(store_, key_)
                           .toUtf8());
}

void TestDataSafety::exportRefuses_data()
{
    QTest::addColumn<QString>("target");  // "store", "in-store-folder", "existing", "symlink",
                                          // "fifo", "device", "folder"
    QTest::addColumn<bool>("force");
    QTest::addColumn<QString>("message");
    QTest::newRow("the store itself") << "store" << false << "folder of the local store";
    QTest::newRow("the store itself, --force") << "store" << true << "folder of the local store";
    QTest::newRow("a new file in the store's folder")
        << "in-store-folder" << false << "folder of the local store";
    QTest::newRow("an existing file") << "existing" << false << "--force";
    QTest::newRow("a symlink to a file") << "symlink" << false << "symbolic link";
    QTest::newRow("a symlink to a file, --force") << "symlink" << true << "symbolic link";
    QTest::newRow("a FIFO, --force") << "fifo" << true << "FIFO";
    QTest::newRow("a device, --force") << "device" << true << "device";
    QTest::newRow("a folder, --force") << "folder" << true << "folder";
}

void TestDataSafety::exportRefuses()
{
    QFETCH(QString, target);
    QFETCH(bool, force);
    QFETCH(QString, message);
    makeStore(3);
    const QByteArray store_before = sha256(store_);
    const QString victim = elsewhere_->filePath(u"victim.txt"_qs);
    writeFile(victim, "precious\n");
    QString file;
    if (target == u"store") {
        file = store_;
    } else if (target == u"in-store-folder") {
        file = path(u"report.json"_qs);
    } else if (target == u"existing") {
        file = victim;
    } else if (target == u"symlink") {
        file = elsewhere_->filePath(u"link.json"_qs);
        QVERIFY(QFile::link(victim, file));
    } else if (target == u"fifo") {
        file = elsewhere_->filePath(u"fifo"_qs);
        QCOMPARE(::mkfifo(QFile::encodeName(file).constData(), 0600), 0);
    } else if (target == u"device") {
        file = u"/dev/null"_qs;
    } else {
        file = elsewhere_->path();
    }
    QStringList args{u"queue"_qs, u"export"_qs, file, u"--config"_qs, config_};
    if (force) args << u"--force"_qs;
    const Run r = ctl(args);
    QVERIFY2(r.finished, "medkioskctl queue export hung");
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(sha256(store_), store_before);
    QCOMPARE(sha256(victim), QCryptographicHash::hash("precious\n", QCryptographicHash::Sha256));
    QVERIFY(!QFileInfo::exists(path(u"report.json"_qs)));
    if (target == u"device") {
        QVERIFY(!QFileInfo(file).isFile());  // still a device
    }
    if (target == u"symlink") QVERIFY(QFileInfo(file).isSymLink());
    // The store still opens with every record.
    auto key = store::KeyProvider::loadExisting(key_, QString(), nullptr);
    QVERIFY(key);
    auto reopened = store::Store::open(store_, key.value());
    QVERIFY(reopened);
}

void TestDataSafety::exportForceReplacesOnlyARegularFile()
{
    makeStore(3);
    const QString file = elsewhere_->filePath(u"report.json"_qs);
    Run r = ctl({u"queue"_qs, u"export"_qs, file, u"--config"_qs, config_});
    QCOMPARE(r.exit_code, 0);
    QCOMPARE(modeOf(file), 0600);
    QCOMPARE(QJsonDocument::fromJson([&] {
                 QFile f(file);
                 return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
             }())
                 .object()
                 .value(u"records"_qs)
                 .toArray()
                 .size(),
             3);
    // Again: refused without --force, the first report untouched; with --force, replaced.
    const QByteArray first = sha256(file);
    r = ctl({u"queue"_qs, u"export"_qs, file, u"--config"_qs, config_});
    QCOMPARE(r.exit_code, 1);
    QCOMPARE(sha256(file), first);
    makeStore(5);  // appt-1..5 on top: 8 records
    r = ctl({u"queue"_qs, u"export"_qs, file, u"--force"_qs, u"--config"_qs, config_});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY(sha256(file) != first);
    QCOMPARE(modeOf(file), 0600);
    QCOMPARE(QDir(elsewhere_->path()).entryList(QDir::Files | QDir::Hidden).size(), 1);  // no temp
}

void TestDataSafety::exportReportsAFailedWrite()
{
    makeStore(400);  // a report of well over 64 KiB
    const QString file = elsewhere_->filePath(u"report.json"_qs);
    const Run r = run(QStringLiteral(MEDKIOSK_CTL),
                      {u"queue"_qs, u"export"_qs, file, u"--config"_qs, config_},
                      u"trap '' XFSZ; ulimit -f 64"_qs);
    QVERIFY(r.finished);
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains(u"cannot write"_qs), qPrintable(r.err));
    QVERIFY(!r.out.contains(u"records written"_qs));
    QVERIFY(!QFileInfo::exists(file));  // no half report left behind
}

void TestDataSafety::missingKeyFileStopsTheKioskAndLeavesTheStore()
{
    makeStore(2);
    const QByteArray store_before = sha256(store_);
    const QByteArray key_before = sha256(key_);
    const QString typo = path(u"store.kye"_qs);
    writeFile(config_, QStringLiteral("[store]\npath = %1\nkey_file = %2\n[pool]\nbase_url = "
                                      "http://127.0.0.1:9/fhir\n")
                           .arg(store_, typo)
                           .toUtf8());
    const Run r =
        run(QStringLiteral(MEDKIOSK_BIN), {u"--config"_qs, config_, u"--bench-startup"_qs});
    QVERIFY(r.finished);
    QVERIFY2(r.exit_code != 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(u"STAFF"_qs) && r.err.contains(typo), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(typo));  // no new key made up
    QCOMPARE(sha256(store_), store_before);
    QCOMPARE(sha256(key_), key_before);
    const QStringList aside = QDir(dir_->path()).entryList({u"store.db.unreadable*"_qs});
    QVERIFY2(aside.isEmpty(), qPrintable(aside.join(u' ')));
}

void TestDataSafety::inspectionWritesNothing_data()
{
    QTest::addColumn<QString>("content");  // "empty", "foreign", "store"
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<int>("exit_code");
    QTest::addColumn<QString>("message");
    const QStringList check{u"store"_qs, u"check"_qs};
    const QStringList status{u"queue"_qs, u"status"_qs};
    const QStringList list{u"queue"_qs, u"list"_qs};
    QTest::newRow("store check, 0-byte file") << "empty" << check << 1 << "empty (0 bytes)";
    QTest::newRow("queue status, 0-byte file") << "empty" << status << 1 << "empty (0 bytes)";
    QTest::newRow("queue list, 0-byte file") << "empty" << list << 1 << "empty (0 bytes)";
    QTest::newRow("store check, foreign database")
        << "foreign" << check << 1 << "not a medkiosk store";
    QTest::newRow("queue status, foreign database")
        << "foreign" << status << 1 << "not a medkiosk store";
    QTest::newRow("store check, the kiosk's store") << "store" << check << 0 << "OK";
    QTest::newRow("queue status, the kiosk's store") << "store" << status << 0 << "waiting";
    QTest::newRow("queue list, the kiosk's store") << "store" << list << 0 << "appt";
}

void TestDataSafety::inspectionWritesNothing()
{
    QFETCH(QString, content);
    QFETCH(QStringList, command);
    QFETCH(int, exit_code);
    QFETCH(QString, message);
    if (content == u"empty") {
        writeFile(store_, QByteArray());
        auto key = store::KeyProvider::load(key_, QString(), nullptr);  // the key exists
        QVERIFY(key);
    } else if (content == u"foreign") {
        // Another program's database, encrypted with this very key.
        auto key = store::KeyProvider::load(key_, QString(), nullptr);
        QVERIFY(key);
        auto db = store::SqlCipherDb::openKeyed(
            store_, store::SqlCipherDb::OpenMode::ReadWriteCreate, key.value());
        QVERIFY(db);
        QVERIFY(db.value()->exec("CREATE TABLE notes(x); INSERT INTO notes VALUES ('hello');"));
    } else {
        makeStore(2);
    }
    const QByteArray before = sha256(store_);
    const qint64 size_before = QFileInfo(store_).size();
    const Run r = ctl(command + QStringList{u"--config"_qs, config_});
    QVERIFY(r.finished);
    QVERIFY2(r.exit_code == exit_code, qPrintable(r.out + r.err));
    QVERIFY2((r.out + r.err).contains(message), qPrintable(r.out + r.err));
    QCOMPARE(QFileInfo(store_).size(), size_before);
    QCOMPARE(sha256(store_), before);
    QVERIFY(!QFileInfo(store_ + u"-wal"_qs).size());
}

void TestDataSafety::namedConfigurationMustExistAndBeIni_data()
{
    QTest::addColumn<QString>("config");  // "missing", "random", "binary-utf8"
    QTest::addColumn<QString>("message");
    QTest::newRow("missing") << "missing"
                             << "does not exist";
    QTest::newRow("5 KB of random bytes") << "random"
                                          << "not";
    QTest::newRow("text that is not INI") << "prose"
                                          << "not an INI file";
    QTest::newRow("a folder") << "folder"
                              << "folder";
}

void TestDataSafety::namedConfigurationMustExistAndBeIni()
{
    QFETCH(QString, config);
    QFETCH(QString, message);
    QString named = path(u"named.ini"_qs);
    if (config == u"random") {
        QByteArray noise(5 * 1024, '\0');
        QRandomGenerator gen(14);  // fixed seed: the same bytes every run
        for (char& c : noise) c = char(gen.bounded(256));
        writeFile(named, noise);
    } else if (config == u"prose") {
        writeFile(named, "Dear IT,\nplease set the pool address to the new server.\n");
    } else if (config == u"folder") {
        named = elsewhere_->path();
    }
    const QString home = path(u"home"_qs);
    for (const QStringList& args :
         {QStringList{u"diagnostics"_qs}, QStringList{u"queue"_qs, u"status"_qs},
          QStringList{u"store"_qs, u"check"_qs}}) {
        const Run r = ctl(args + QStringList{u"--config"_qs, named});
        QVERIFY(r.finished);
        QVERIFY2(r.exit_code != 0, qPrintable(args.join(u' ') + u": "_qs + r.out));
        QVERIFY2(r.err.contains(message) && r.err.contains(named), qPrintable(r.err));
    }
    const Run app =
        run(QStringLiteral(MEDKIOSK_BIN), {u"--config"_qs, named, u"--bench-startup"_qs});
    QVERIFY(app.finished);
    QVERIFY(app.exit_code != 0);
    QVERIFY2(app.err.contains(message), qPrintable(app.err));
    // Nothing was created before the refusal: no store, no key, no state in the home folder.
    QCOMPARE(QDir(home).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList());
    QVERIFY(!QFileInfo::exists(store_));
}

void TestDataSafety::unknownKeysStayWarnings()
{
    writeFile(config_, QStringLiteral("; a comment\n[store]\npath = %1\nkey_file = %2\n\n"
                                      "[kiosk]\ncolour_scheme = teal\n")
                           .arg(store_, key_)
                           .toUtf8());
    const Run r = ctl({u"diagnostics"_qs, u"--config"_qs, config_});
    QVERIFY(r.finished);
    QVERIFY2(r.exit_code == 0, qPrintable(r.out + r.err));
}

void TestDataSafety::demoFilesArePrivate()
{
    const QString state = path(u"home/state/medkiosk-demo"_qs);
    const Run r = run(QStringLiteral(MEDKIOSK_BIN), {u"--demo"_qs, u"--bench-startup"_qs});
    QVERIFY(r.finished);
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QCOMPARE(modeOf(state), 0700);
    QCOMPARE(modeOf(state + u"/store.db"_qs), 0600);
    QCOMPARE(modeOf(state + u"/store.key"_qs), 0600);
    QCOMPARE(modeOf(state + u"/pool"_qs), 0700);
    QCOMPARE(modeOf(state + u"/tickets"_qs), 0700);
    const QFileInfoList pool_files =
        QDir(state + u"/pool"_qs).entryInfoList(QDir::Files | QDir::Hidden);
    for (const QFileInfo& f : pool_files)
        QVERIFY2(modeOf(f.filePath()) == 0600, qPrintable(f.filePath()));
}

void TestDataSafety::qrDecodeRefusesAFifo()
{
    const QString fifo = elsewhere_->filePath(u"scan.png"_qs);
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const Run r = ctl({u"qr"_qs, u"decode"_qs, fifo});
    QVERIFY2(r.finished, "medkioskctl qr decode hung on a FIFO");
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains(u"FIFO"_qs) || r.out.contains(u"FIFO"_qs), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestDataSafety)
#include "tst_datasafety.moc"
