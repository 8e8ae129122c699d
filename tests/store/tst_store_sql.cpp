// The SQL layer under the store: the migration runner (each migration once, no downgrade, no
// gaps), statements and transactions, error mapping, and the store's lock under concurrent writers.

#include "core/store/Migrations.h"
#include "core/store/SqlCipherDb.h"
#include "core/store/SqlStatement.h"
#include "core/store/SqlTransaction.h"
#include "core/store/Store.h"

#include <QTest>

#include <sqlite3.h>

#include <array>
#include <thread>
#include <vector>

using mk::ErrorCode;
using mk::store::Migration;
using mk::store::Migrations;
using mk::store::SecureKey;
using mk::store::SqlCipherDb;
using mk::store::SqlStatement;
using mk::store::SqlTransaction;
using mk::store::Store;

class TestStoreSql : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void migrationRunner_data();
    void migrationRunner();
    void transactionRollsBackOnDestruction();
    void statementRoundTrip();
    void errorMapping_data();
    void errorMapping();
    void concurrentWriters();
};

void TestStoreSql::migrationRunner_data()
{
    QTest::addColumn<int>("first_count");   // migrations known to the first program
    QTest::addColumn<int>("second_count");  // migrations known to the next program
    QTest::addColumn<int>("expected_version");
    QTest::addColumn<bool>("expect_ok");
    QTest::newRow("upgrade adds only the new one") << 2 << 3 << 3 << true;
    QTest::newRow("same program twice") << 3 << 3 << 3 << true;
    QTest::newRow("downgrade refused") << 3 << 2 << 3 << false;
}

void TestStoreSql::migrationRunner()
{
    QFETCH(int, first_count);
    QFETCH(int, second_count);
    QFETCH(int, expected_version);
    QFETCH(bool, expect_ok);
    static constexpr std::array kList{
        Migration{1, "one", "CREATE TABLE one(x INTEGER);"},
        Migration{2, "two", "CREATE TABLE two(x INTEGER); INSERT INTO one VALUES (2);"},
        Migration{3, "three", "INSERT INTO one VALUES (3);"},
    };
    auto db = SqlCipherDb::open(u":memory:"_qs);
    QVERIFY(db.ok());
    auto first = Migrations::migrate(*db.value(), std::span(kList).first(size_t(first_count)));
    QVERIFY(first.ok());
    QCOMPARE(first.value(), first_count);
    auto second = Migrations::migrate(*db.value(), std::span(kList).first(size_t(second_count)));
    QCOMPARE(second.ok(), expect_ok);
    if (!expect_ok) {
        QCOMPARE(second.error().code, ErrorCode::Storage);
        QVERIFY2(second.error().detail.contains(u"refusing"_qs), qPrintable(second.error().detail));
    }
    QCOMPARE(Migrations::currentVersion(*db.value()).value(), expected_version);
    // Each migration ran exactly once: rows 2 and 3 are inserted once each.
    auto rows = db.value()->queryText(QByteArrayLiteral("SELECT count(*) FROM one"));
    QVERIFY(rows.ok());
    QCOMPARE(rows.value().toInt(), std::max(first_count, second_count) - 1);

    static constexpr std::array kGap{Migration{1, "one", "SELECT 1;"},
                                     Migration{3, "x", "SELECT 1;"}};
    auto gap_db = SqlCipherDb::open(u":memory:"_qs);
    QVERIFY(!Migrations::migrate(*gap_db.value(), kGap).ok());
}

void TestStoreSql::transactionRollsBackOnDestruction()
{
    auto db = SqlCipherDb::open(u":memory:"_qs);
    QVERIFY(db.ok());
    SqlCipherDb& d = *db.value();
    QVERIFY(d.exec(QByteArrayLiteral("CREATE TABLE t(x INTEGER);")).ok());
    {
        SqlTransaction tx(d);
        QVERIFY(tx.ok());
        QVERIFY(d.exec(QByteArrayLiteral("INSERT INTO t VALUES (1);")).ok());
    }  // not committed
    QCOMPARE(d.queryText(QByteArrayLiteral("SELECT count(*) FROM t")).value(), u"0"_qs);
    {
        SqlTransaction tx(d);
        QVERIFY(d.exec(QByteArrayLiteral("INSERT INTO t VALUES (2);")).ok());
        QVERIFY(tx.commit().ok());
    }
    QCOMPARE(d.queryText(QByteArrayLiteral("SELECT count(*) FROM t")).value(), u"1"_qs);
}

void TestStoreSql::statementRoundTrip()
{
    auto db = SqlCipherDb::open(u":memory:"_qs);
    QVERIFY(db.ok());
    SqlCipherDb& d = *db.value();
    QVERIFY(d.exec(QByteArrayLiteral("CREATE TABLE t(s TEXT, b BLOB, i INTEGER);")).ok());
    auto insert = d.prepare(QByteArrayLiteral("INSERT INTO t VALUES (?1, ?2, ?3)"));
    QVERIFY(insert.ok());
    const QByteArray blob("\x00\x01\xff binary", 10);
    for (int round = 0; round < 2; ++round) {
        SqlStatement& s = insert.value();
        s.reset();
        QVERIFY(s.bind(1, u"张小明 %1"_qs.arg(round)).ok());
        QVERIFY(s.bind(2, blob).ok());
        QVERIFY(s.bind(3, qint64(1) << 40).ok());
        QVERIFY(s.run().ok());
    }
    QCOMPARE(d.changes(), 1);
    QCOMPARE(d.lastInsertRowId(), qint64(2));
    auto select = d.prepare(QByteArrayLiteral("SELECT s, b, i, NULL FROM t ORDER BY rowid"));
    QVERIFY(select.ok());
    SqlStatement& s = select.value();
    QCOMPARE(s.columnCount(), 4);
    QCOMPARE(s.step().value(), SqlStatement::Step::Row);
    QCOMPARE(s.columnText(0), u"张小明 0"_qs);
    QCOMPARE(s.columnBlob(1), blob);
    QCOMPARE(s.columnInt64(2), qint64(1) << 40);
    QVERIFY(s.isNull(3));
    QCOMPARE(s.step().value(), SqlStatement::Step::Row);
    QCOMPARE(s.step().value(), SqlStatement::Step::Done);
    // Moving keeps exactly one owner of the statement.
    SqlStatement moved = std::move(select.value());
    QVERIFY(moved.isValid());
    QVERIFY(!select.value().isValid());

    auto bad = d.prepare(QByteArrayLiteral("SELEC nonsense"));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, ErrorCode::Storage);
}

void TestStoreSql::errorMapping_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("expected");
    QTest::newRow("full") << SQLITE_FULL << u"disk full"_qs;
    QTest::newRow("not a database") << SQLITE_NOTADB << u"wrong key or not a database"_qs;
    QTest::newRow("corrupt") << SQLITE_CORRUPT << u"corrupt"_qs;
    QTest::newRow("busy") << SQLITE_BUSY << u"busy"_qs;
    QTest::newRow("busy snapshot (extended)") << SQLITE_BUSY_SNAPSHOT << u"busy"_qs;
    QTest::newRow("read-only") << SQLITE_READONLY << u"read-only"_qs;
    QTest::newRow("cannot open") << SQLITE_CANTOPEN << u"cannot open"_qs;
    QTest::newRow("I/O write (extended)") << SQLITE_IOERR_WRITE << u"input/output"_qs;
}

void TestStoreSql::errorMapping()
{
    QFETCH(int, code);
    QFETCH(QString, expected);
    const mk::Error e = SqlCipherDb::makeSqlError(code, u"writing"_qs, u"sqlite says"_qs);
    QCOMPARE(e.code, ErrorCode::Storage);
    QVERIFY2(e.detail.startsWith(u"writing: "_qs), qPrintable(e.detail));
    QVERIFY2(e.detail.contains(expected), qPrintable(e.detail));
    QVERIFY2(e.detail.endsWith(u"(sqlite says)"_qs), qPrintable(e.detail));
}

void TestStoreSql::concurrentWriters()
{
    auto store = Store::open(u":memory:"_qs, SecureKey(QByteArray(SecureKey::kSizeBytes, 't')));
    QVERIFY(store.ok());
    Store& s = *store.value();
    constexpr int kThreads = 4;
    constexpr int kWritesPerThread = 200;
    std::vector<std::thread> threads;
    std::array<int, kThreads> failures{};
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&s, &failures, t] {
            for (int i = 0; i < kWritesPerThread; ++i) {
                const QString key = u"t%1:%2"_qs.arg(t).arg(i);
                if (!s.putCache(key, key.toUtf8(), QDateTime::currentDateTimeUtc()).ok() ||
                    s.getCache(key)->payload != key.toUtf8()) {
                    ++failures[size_t(t)];
                }
            }
        });
    }
    for (std::thread& th : threads) th.join();
    for (int f : failures) QCOMPARE(f, 0);
    int rows = -1;
    QVERIFY(s.withTransaction([&](SqlCipherDb& db) -> mk::Status {
                 rows =
                     db.queryText(QByteArrayLiteral("SELECT count(*) FROM cache")).value().toInt();
                 return mk::Ok{};
             }).ok());
    QCOMPARE(rows, kThreads * kWritesPerThread);
}

QTEST_GUILESS_MAIN(TestStoreSql)
#include "tst_store_sql.moc"
