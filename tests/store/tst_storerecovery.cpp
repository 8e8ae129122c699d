// A store file this key cannot read is moved aside, byte for byte, never wiped; a readable or
// merely absent one is never touched.
#include "core/store/Store.h"
#include "core/store/StoreRecovery.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using mk::store::SecureKey;
using mk::store::Store;
using mk::store::StoreRecovery;

namespace {

SecureKey keyOf(char fill)
{
    return SecureKey(QByteArray(SecureKey::kSizeBytes, fill));
}

QByteArray hashOf(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// A closed store with one cache row, written with key k.
void makeStore(const QString& path, const SecureKey& k)
{
    auto opened = Store::open(path, k);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().detail));
    QVERIFY(
        opened.value()
            ->putCache(QStringLiteral("k"), QByteArrayLiteral("v"), QDateTime::currentDateTimeUtc())
            .ok());
}

}  // namespace

class TestStoreRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verdicts_data();
    void verdicts();
    void moveAsideKeepsEveryByte();
    void moveAsideNeverOverwrites();
};

void TestStoreRecovery::verdicts_data()
{
    QTest::addColumn<QString>("case_name");
    QTest::addColumn<int>("expected");
    QTest::newRow("same key") << "same-key" << int(StoreRecovery::Verdict::Readable);
    QTest::newRow("other key") << "other-key" << int(StoreRecovery::Verdict::Unreadable);
    QTest::newRow("damaged pages") << "damaged" << int(StoreRecovery::Verdict::Unreadable);
    QTest::newRow("not a store") << "text-file" << int(StoreRecovery::Verdict::Unreadable);
    QTest::newRow("absent") << "absent" << int(StoreRecovery::Verdict::Unknown);
}

void TestStoreRecovery::verdicts()
{
    QFETCH(QString, case_name);
    QFETCH(int, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("store.db"));
    SecureKey key = keyOf('\x11');
    if (case_name == u"text-file") {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
    } else if (case_name != u"absent") {
        makeStore(path, key);
    }
    if (case_name == u"other-key") key = keyOf('\x22');
    if (case_name == u"damaged") {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.size() >= 4096);
        f.seek(100);  // inside page 1: its HMAC no longer matches
        f.write(QByteArray(64, '\0'));
    }
    const QByteArray before = hashOf(path);
    QString detail;
    QCOMPARE(int(StoreRecovery::diagnose(path, key, &detail)), expected);
    QVERIFY(!detail.isEmpty());
    QCOMPARE(hashOf(path), before);  // diagnosing reads only
}

void TestStoreRecovery::moveAsideKeepsEveryByte()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("store.db"));
    makeStore(path, keyOf('\x11'));
    QFile wal(path + QStringLiteral("-wal"));  // a companion left by a crash
    QVERIFY(wal.open(QIODevice::WriteOnly));
    wal.write("wal bytes");
    wal.close();
    const QByteArray before = hashOf(path);
    const QDateTime now(QDate(2026, 11, 23), QTime(13, 30, 5));
    auto moved = StoreRecovery::moveAside(path, now);
    QVERIFY(moved.ok());
    QCOMPARE(moved.value(), path + QStringLiteral(".unreadable-20261123-133005"));
    QVERIFY(!QFile::exists(path));
    QCOMPARE(hashOf(moved.value()), before);
    QVERIFY(QFile::exists(moved.value() + QStringLiteral("-wal")));
    // The moved file still opens with its own key: IT can recover it.
    auto reopened = Store::open(moved.value(), keyOf('\x11'));
    QVERIFY(reopened.ok());
    QVERIFY(reopened.value()->getCache(QStringLiteral("k")).has_value());
}

void TestStoreRecovery::moveAsideNeverOverwrites()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("store.db"));
    const QDateTime now(QDate(2026, 11, 23), QTime(13, 30, 5));
    QStringList targets;
    for (char fill : {'a', 'b'}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(100, fill));
        f.close();
        auto moved = StoreRecovery::moveAside(path, now);
        QVERIFY(moved.ok());
        targets << moved.value();
    }
    QCOMPARE(targets.size(), 2);
    QVERIFY(targets[0] != targets[1]);
    QCOMPARE(hashOf(targets[0]),
             QCryptographicHash::hash(QByteArray(100, 'a'), QCryptographicHash::Sha256));
    QCOMPARE(hashOf(targets[1]),
             QCryptographicHash::hash(QByteArray(100, 'b'), QCryptographicHash::Sha256));
}

QTEST_GUILESS_MAIN(TestStoreRecovery)
#include "tst_storerecovery.moc"
