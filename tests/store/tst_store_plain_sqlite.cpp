// DESIGN §6 guard, from the other side: the store's own sources built against plain libsqlite3
// (what happens when dlib's link line wins) must refuse to run instead of writing a "encrypted"
// store in clear.

#include "core/store/Store.h"
#include "core/store/StoreRecovery.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using mk::ErrorCode;
using mk::store::SecureKey;
using mk::store::Store;

class TestStorePlainSqlite : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void reallyPlainSqlite();
    void storeRefusesToRun();
    void recoveryNeverCallsAStoreUnreadable();
};

void TestStorePlainSqlite::reallyPlainSqlite()
{
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(":memory:", &db), SQLITE_OK);
    int rows = 0;
    const int rc = sqlite3_exec(
        db, "PRAGMA cipher_version",
        [](void* count, int, char**, char**) {
            ++*static_cast<int*>(count);
            return 0;
        },
        &rows, nullptr);
    sqlite3_close(db);
    QCOMPARE(rc, SQLITE_OK);
    QCOMPARE(rows, 0);  // plain SQLite ignores the pragma: nothing says "not encrypted"
}

void TestStorePlainSqlite::storeRefusesToRun()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"store.db"_qs);
    auto store = Store::open(path, SecureKey(QByteArray(SecureKey::kSizeBytes, 'k')));
    QVERIFY2(!store.ok(), "the store ran on plain SQLite: it would be written in clear");
    QCOMPARE(store.error().code, ErrorCode::Storage);
    QCOMPARE(store.error().detail, u"SQLCipher not linked: refusing to run"_qs);
    QVERIFY(QFile(path).size() == 0);  // nothing written

    auto linked = Store::linkedCipherVersion();
    QVERIFY(!linked.ok());
    QCOMPARE(linked.error().detail, u"SQLCipher not linked: refusing to run"_qs);
}

// Recovery opens the store the one way (SqlCipherDb::openKeyed): without SQLCipher every
// encrypted store would read as "not a database", and the kiosk would move a good store aside.
void TestStorePlainSqlite::recoveryNeverCallsAStoreUnreadable()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"store.db"_qs);
    QByteArray ciphertext(4 * Store::kCipherPageSizeBytes, '\0');
    for (qsizetype i = 0; i < ciphertext.size(); ++i) ciphertext[i] = char((i * 131 + 7) % 251);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(ciphertext), ciphertext.size());
    }
    QString detail;
    const auto verdict = mk::store::StoreRecovery::diagnose(
        path, SecureKey(QByteArray(SecureKey::kSizeBytes, 'k')), &detail);
    QCOMPARE(verdict, mk::store::StoreRecovery::Verdict::Unknown);
    QCOMPARE(detail, u"SQLCipher not linked: refusing to run"_qs);
}

QTEST_GUILESS_MAIN(TestStorePlainSqlite)
#include "tst_store_plain_sqlite.moc"
