// The encrypted store: cache round trip, SQLCipher really linked and really encrypting (no
// plaintext on disk, DESIGN §6), wrong key and corrupt files refused without touching the file,
// migrations run once, and a full disk reported as such without losing committed data.

#include "TestSkip.h"
#include "core/store/Migrations.h"
#include "core/store/SqlCipherDb.h"
#include "core/store/SqlStatement.h"
#include "core/store/Store.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <dlib/matrix.h>
#include <dlib/md5.h>

#include <cerrno>
#include <cstring>
#include <sys/mount.h>

using mk::ErrorCode;
using mk::store::CacheEntry;
using mk::store::Migrations;
using mk::store::SecureKey;
using mk::store::SqlCipherDb;
using mk::store::Store;

namespace {

SecureKey makeKey(char fill)
{
    QByteArray raw(SecureKey::kSizeBytes, fill);
    for (int i = 0; i < raw.size(); ++i) raw[i] = char(raw[i] + i);
    return SecureKey(raw);
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll();
}

// Every file of the store: the database, its WAL and shared-memory index when present.
QStringList storeFiles(const QString& db_path)
{
    QStringList files;
    for (const QString& suffix : {u""_qs, u"-wal"_qs, u"-shm"_qs, u"-journal"_qs}) {
        if (QFile::exists(db_path + suffix)) files << db_path + suffix;
    }
    return files;
}

QMap<QString, QByteArray> snapshot(const QString& dir)
{
    QMap<QString, QByteArray> files;
    const QStringList names = QDir(dir).entryList(QDir::Files | QDir::Hidden);
    for (const QString& name : names) files.insert(name, readAll(QDir(dir).filePath(name)));
    return files;
}

const QStringList kPatientStrings{
    u"张小明"_qs,       u"李秀英"_qs,
    u"王建国"_qs,       u"Emily Johnson"_qs,
    u"Oliver Smith"_qs, u"P2024000123"_qs,
    u"P2024000456"_qs,  u"13812345678"_qs,
    u"15987654321"_qs,  u"110101201503074512"_qs,
};

}  // namespace

class TestStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cacheRoundTrip();
    void cipherVersionIsNotEmpty();
    void fileHoldsNoPlaintext();
    void wrongKeyIsRefusedAndFileUntouched();
    void corruptFileIsRefusedAndNotWiped_data();
    void corruptFileIsRefusedAndNotWiped();
    void migrationsRunOnce();
    void diskFullIsReportedAndCommittedDataSurvives();
    void inMemoryStoreForTests();
    void dlibIsOnTheLinkLine();
};

void TestStore::cacheRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"sub/store.db"_qs);
    const QDateTime fetched = QDateTime::fromMSecsSinceEpoch(1'790'000'000'123, Qt::UTC);
    {
        auto store = Store::open(path, makeKey('a'));
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().detail));
        QVERIFY(!store.value()->getCache(u"slots:d1:2026-11-23"_qs).has_value());
        QVERIFY(
            store.value()->putCache(u"slots:d1:2026-11-23"_qs, QByteArray("first"), fetched).ok());
        QVERIFY(
            store.value()->putCache(u"slots:d1:2026-11-23"_qs, QByteArray("second"), fetched).ok());
        QVERIFY(store.value()->putCache(u"empty"_qs, QByteArray(""), fetched).ok());
    }
    auto store = Store::open(path, makeKey('a'));
    QVERIFY(store.ok());
    const std::optional<CacheEntry> entry = store.value()->getCache(u"slots:d1:2026-11-23"_qs);
    QVERIFY(entry.has_value());
    QCOMPARE(entry->payload, QByteArray("second"));
    QCOMPARE(entry->fetched_at, fetched);
    const std::optional<CacheEntry> empty = store.value()->getCache(u"empty"_qs);
    QVERIFY(empty.has_value());
    QVERIFY(empty->payload.isEmpty());
    QCOMPARE(store.value()->path(), path);
    QVERIFY(store.value()->checkIntegrity(true).ok());
}

void TestStore::cipherVersionIsNotEmpty()
{
    auto linked = Store::linkedCipherVersion();
    QVERIFY2(linked.ok(), qPrintable(linked.ok() ? QString() : linked.error().detail));
    QVERIFY(!linked.value().isEmpty());
    QVERIFY2(linked.value().startsWith(u"3."_qs) || linked.value().startsWith(u"4."_qs),
             qPrintable(linked.value()));

    QTemporaryDir dir;
    auto store = Store::open(dir.filePath(u"store.db"_qs), makeKey('b'));
    QVERIFY(store.ok());
    QCOMPARE(store.value()->cipherVersion(), linked.value());
}

void TestStore::fileHoldsNoPlaintext()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"store.db"_qs);
    auto check = [&](const QString& when) {
        const QStringList files = storeFiles(path);
        QVERIFY2(!files.isEmpty(), "no store file written");
        for (const QString& file : files) {
            const QByteArray bytes = readAll(file);
            if (file == path) {
                QVERIFY2(!bytes.startsWith("SQLite format 3"),
                         qPrintable(when + u": plaintext SQLite header in "_qs + file));
            }
            for (const QString& secret : kPatientStrings) {
                QVERIFY2(!bytes.contains(secret.toUtf8()),
                         qPrintable(when + u": patient data in clear in "_qs + file));
            }
            QVERIFY2(!bytes.contains("schema_migrations") && !bytes.contains("CREATE TABLE"),
                     qPrintable(when + u": schema in clear in "_qs + file));
        }
    };
    {
        auto store = Store::open(path, makeKey('c'));
        QVERIFY(store.ok());
        for (int i = 0; i < 200; ++i) {
            const QString payload =
                u"{\"name\":\"%1\",\"patient_number\":\"%2\",\"phone\":\"%3\"}"_qs.arg(
                    kPatientStrings[i % 5], kPatientStrings[5 + i % 2],
                    kPatientStrings[7 + i % 2]) +
                kPatientStrings[9];
            QVERIFY(store.value()
                        ->putCache(u"patient:%1"_qs.arg(i), payload.toUtf8(),
                                   QDateTime::currentDateTimeUtc())
                        .ok());
        }
        QVERIFY(QFile::exists(path + u"-wal"_qs));  // WAL mode really on
        check(u"while open"_qs);
    }
    check(u"after close"_qs);

    // Control: the same check finds the data in a database written without a key, so a
    // silently ignored PRAGMA key (DESIGN §6) would fail this test.
    const QString clear = dir.filePath(u"clear.db"_qs);
    {
        auto db = SqlCipherDb::open(clear);
        QVERIFY(db.ok());
        QVERIFY(db.value()->exec(QByteArrayLiteral("CREATE TABLE t(x TEXT);")).ok());
        auto insert = db.value()->prepare(QByteArrayLiteral("INSERT INTO t VALUES (?1)"));
        QVERIFY(insert.ok());
        QVERIFY(insert.value().bind(1, kPatientStrings.join(u' ')).ok());
        QVERIFY(insert.value().run().ok());
    }
    const QByteArray clear_bytes = readAll(clear);
    QVERIFY(clear_bytes.startsWith("SQLite format 3"));
    for (const QString& secret : kPatientStrings) QVERIFY(clear_bytes.contains(secret.toUtf8()));
}

void TestStore::wrongKeyIsRefusedAndFileUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"store.db"_qs);
    {
        auto store = Store::open(path, makeKey('d'));
        QVERIFY(store.ok());
        QVERIFY(store.value()
                    ->putCache(u"k"_qs, QByteArray("v"), QDateTime::currentDateTimeUtc())
                    .ok());
    }
    const auto before = snapshot(dir.path());
    auto wrong = Store::open(path, makeKey('e'));
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().code, ErrorCode::Storage);
    QVERIFY2(wrong.error().detail.contains(u"wrong key"_qs), qPrintable(wrong.error().detail));
    QCOMPARE(snapshot(dir.path()), before);

    auto right = Store::open(path, makeKey('d'));
    QVERIFY(right.ok());
    QCOMPARE(right.value()->getCache(u"k"_qs)->payload, QByteArray("v"));
}

void TestStore::corruptFileIsRefusedAndNotWiped_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("random bytes") << u"random"_qs;
    QTest::newRow("plain SQLite file") << u"plain"_qs;
    QTest::newRow("store truncated to half a page") << u"truncated"_qs;
    QTest::newRow("store with a damaged data page") << u"damaged"_qs;
    QTest::newRow("text file") << u"text"_qs;
}

void TestStore::corruptFileIsRefusedAndNotWiped()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"store.db"_qs);
    const SecureKey key = makeKey('f');
    if (kind == u"plain") {
        auto db = SqlCipherDb::open(path);
        QVERIFY(db.ok());
        QVERIFY(db.value()
                    ->exec(QByteArrayLiteral("CREATE TABLE t(x); INSERT INTO t VALUES(1);"))
                    .ok());
    } else if (kind == u"text") {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a database\n");
    } else if (kind == u"random") {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray bytes(3 * Store::kCipherPageSizeBytes, '\0');
        for (int i = 0; i < bytes.size(); ++i) bytes[i] = char((i * 7919 + 13) % 251);
        f.write(bytes);
    } else {
        {
            auto store = Store::open(path, key);
            QVERIFY(store.ok());
            for (int i = 0; i < 50; ++i) {
                QVERIFY(store.value()
                            ->putCache(u"k%1"_qs.arg(i), QByteArray(3000, char('a' + i % 26)),
                                       QDateTime::currentDateTimeUtc())
                            .ok());
            }
        }
        QByteArray bytes = readAll(path);
        QVERIFY(bytes.size() > 8 * Store::kCipherPageSizeBytes);
        if (kind == u"truncated") {
            bytes.truncate(Store::kCipherPageSizeBytes / 2);
        } else {
            for (int i = 0; i < 64; ++i) bytes[5 * Store::kCipherPageSizeBytes + 100 + i] ^= 0x5a;
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
    }
    const QByteArray before = readAll(path);
    auto store = Store::open(path, key);
    QVERIFY2(!store.ok(), "a damaged store was accepted");
    QCOMPARE(store.error().code, ErrorCode::Storage);
    const QString detail = store.error().detail;
    QVERIFY2(detail.contains(u"corrupt"_qs) || detail.contains(u"wrong key or not a database"_qs),
             qPrintable(detail));
    QVERIFY2(detail.contains(u"untouched"_qs), qPrintable(detail));
    QCOMPARE(readAll(path), before);
}

void TestStore::migrationsRunOnce()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"store.db"_qs);
    auto countMigrations = [](Store& store) {
        qint64 rows = -1;
        const auto s = store.withTransaction([&](SqlCipherDb& db) -> mk::Status {
            auto text = db.queryText(QByteArrayLiteral("SELECT count(*) FROM schema_migrations"));
            if (!text) return text.error();
            rows = text.value().toLongLong();
            return mk::Ok{};
        });
        return s.ok() ? rows : -1;
    };
    for (int round = 0; round < 3; ++round) {
        auto store = Store::open(path, makeKey('g'));
        QVERIFY(store.ok());
        QCOMPARE(store.value()->schemaVersion(), Migrations::latestVersion());
        QCOMPARE(countMigrations(*store.value()), qint64(Migrations::all().size()));
    }
}

void TestStore::diskFullIsReportedAndCommittedDataSurvives()
{
    QTemporaryDir dir;
    const QString mount_point = dir.filePath(u"tiny"_qs);
    QVERIFY(QDir().mkpath(mount_point));
    const QByteArray native = QFile::encodeName(mount_point);
    if (::mount("medkiosk-test", native.constData(), "tmpfs", MS_NOSUID | MS_NODEV,
                "size=512k,mode=0700") != 0) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        MK_SKIP_OR_FAIL_IN_CI(u"cannot mount a 512 KiB tmpfs (needs root or CAP_SYS_ADMIN): "_qs +
                              why);
    }
    struct Unmount {
        QByteArray path;
        ~Unmount() { ::umount2(path.constData(), MNT_DETACH); }
    } unmount{native};

    const QString path = mount_point + u"/store.db"_qs;
    const SecureKey key = makeKey('h');
    const QByteArray committed = QByteArray("committed before the disk filled");
    mk::Status last = mk::Ok{};
    {
        auto store = Store::open(path, key);
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().detail));
        QVERIFY(
            store.value()->putCache(u"before"_qs, committed, QDateTime::currentDateTimeUtc()).ok());
        QByteArray big(32 * 1024, 'x');
        for (int i = 0; i < 100 && last.ok(); ++i) {
            big[0] = char(i);
            last =
                store.value()->putCache(u"fill:%1"_qs.arg(i), big, QDateTime::currentDateTimeUtc());
        }
        QVERIFY2(!last.ok(), "512 KiB never filled up");
        QCOMPARE(last.error().code, ErrorCode::Storage);
        QVERIFY2(last.error().detail.contains(u"disk full"_qs), qPrintable(last.error().detail));
        QCOMPARE(store.value()->getCache(u"before"_qs)->payload, committed);
    }
    auto reopened = Store::open(path, key);
    QVERIFY2(reopened.ok(), qPrintable(reopened.ok() ? QString() : reopened.error().detail));
    const auto entry = reopened.value()->getCache(u"before"_qs);
    QVERIFY(entry.has_value());
    QCOMPARE(entry->payload, committed);
}

void TestStore::inMemoryStoreForTests()
{
    auto store = Store::open(u":memory:"_qs, makeKey('i'));
    QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().detail));
    QCOMPARE(store.value()->schemaVersion(), Migrations::latestVersion());
    QVERIFY(
        store.value()->putCache(u"k"_qs, QByteArray("v"), QDateTime::currentDateTimeUtc()).ok());
    QCOMPARE(store.value()->getCache(u"k"_qs)->payload, QByteArray("v"));
    // A failing function rolls its transaction back.
    const mk::Status failed = store.value()->withTransaction([](SqlCipherDb& db) -> mk::Status {
        if (mk::Status s = db.exec(QByteArrayLiteral("DELETE FROM cache")); !s) return s;
        return mk::makeError(ErrorCode::Internal, u"on purpose"_qs);
    });
    QVERIFY(!failed.ok());
    QVERIFY(store.value()->getCache(u"k"_qs).has_value());
}

void TestStore::dlibIsOnTheLinkLine()
{
    // The kiosk links dlib, whose CMake target drags libsqlite3 in (DESIGN §6). This binary does
    // too, so the tests above prove the store stays encrypted with dlib on the link line.
    dlib::matrix<double, 2, 2> m;
    m = 1, 2, 3, 4;
    QCOMPARE(dlib::sum(m), 10.0);
    QCOMPARE(QString::fromStdString(dlib::md5("abc")), u"900150983cd24fb0d6963f7d28e17f72"_qs);
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
