// The ledger's chain (payment/Ledger.h): a chain built with appendLedgerEntry verifies; an altered,
// removed, reordered, duplicated or forged row is found and named; the last rows' removal is found
// with a recorded head.
#include "payment/Ledger.h"

#include <QTest>

using namespace mk::pay;

Q_DECLARE_METATYPE(mk::pay::LedgerProblem)

namespace {

QList<LedgerEntry> chain(int n)
{
    QList<LedgerEntry> rows;
    rows.reserve(n);
    for (int i = 0; i < n; ++i) {
        LedgerEntry row;
        row.time_ms = 1'796'000'000'000 + i * 1000;
        row.invoiceId = QStringLiteral("inv-%1").arg(1000 + i / 2);
        row.amount = Money::fen(100 + i);
        row.method = QStringLiteral("credit");
        row.idempotencyKey = QStringLiteral("key-%1").arg(i / 2);
        row.result = i % 2 == 0 ? QStringLiteral("attempt") : QStringLiteral("paid");
        rows.append(appendLedgerEntry(rows.isEmpty() ? nullptr : &rows.last(), row));
    }
    return rows;
}

// Recomputes the hashes of rows[from..] as a forger would (chain links rewritten as well).
void reforge(QList<LedgerEntry>& rows, qsizetype from)
{
    for (qsizetype i = from; i < rows.size(); ++i) {
        rows[i].prevHash = i == 0 ? ledgerGenesisHash() : rows[i - 1].hash;
        rows[i].hash = rows[i].computeHash();
    }
}

}  // namespace

class TestLedger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyAndIntact();
    void canonicalEncoding();
    void tampering_data();
    void tampering();
    void head();
};

void TestLedger::emptyAndIntact()
{
    const LedgerVerification empty = verifyLedger({});
    QVERIFY(empty.ok);
    QCOMPARE(empty.head.count, 0);
    QCOMPARE(empty.head.lastHash, ledgerGenesisHash());
    const QList<LedgerEntry> rows = chain(50);
    QCOMPARE(rows.first().seq, 1);
    QCOMPARE(rows.last().seq, 50);
    QCOMPARE(rows.first().prevHash, ledgerGenesisHash());
    const LedgerVerification v = verifyLedger(rows);
    QVERIFY2(v.ok, qPrintable(v.message));
    QCOMPARE(v.rowsChecked, 50);
    QCOMPARE(v.head.count, 50);
    QCOMPARE(v.head.lastHash, rows.last().hash);
    QCOMPARE(v.problem, LedgerProblem::Unset);
}

void TestLedger::canonicalEncoding()
{
    LedgerEntry a;
    a.seq = 1;
    a.invoiceId = QStringLiteral("ab");
    a.method = QStringLiteral("c");
    LedgerEntry b = a;
    b.invoiceId = QStringLiteral("a");
    b.method = QStringLiteral("bc");
    QVERIFY(a.canonicalBytes() != b.canonicalBytes());  // length prefixes: no field absorbs another
    QVERIFY(a.canonicalBytes().startsWith("mk-ledger-v1"));
    QCOMPARE(a.computeHash().size(), 32);
    // Fixed vector: the encoding is a stored format, it must not change silently.
    LedgerEntry v;
    v.seq = 1;
    v.time_ms = 1'796'000'000'000;
    v.invoiceId = QStringLiteral("inv-1001-01");
    v.amount = Money::fen(10780);
    v.method = QStringLiteral("credit");
    v.idempotencyKey = QStringLiteral("k");
    v.result = QStringLiteral("paid");
    v.prevHash = ledgerGenesisHash();
    const QByteArray bytes = v.canonicalBytes();
    QCOMPARE(bytes.size(),
             12 + 8 + 8 + (4 + 11) + (4 + 6) + (4 + 6) + (4 + 1) + (4 + 4) + (4 + 32));
    QCOMPARE(bytes.mid(12, 8), QByteArray::fromHex("0000000000000001"));
    QCOMPARE(bytes.mid(28, 4), QByteArray::fromHex("0000000b"));
    QVERIFY(bytes.contains("107.80"));
}

void TestLedger::tampering_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<LedgerProblem>("problem");
    QTest::addColumn<qint64>("seq");
    QTest::newRow("amount altered") << "alter-amount" << LedgerProblem::Altered << qint64(57);
    QTest::newRow("result altered") << "alter-result" << LedgerProblem::Altered << qint64(57);
    QTest::newRow("time altered") << "alter-time" << LedgerProblem::Altered << qint64(57);
    QTest::newRow("stored hash altered") << "alter-hash" << LedgerProblem::Altered << qint64(57);
    QTest::newRow("altered, own hash rewritten")
        << "alter-reforge-one" << LedgerProblem::Broken << qint64(58);
    QTest::newRow("one row removed") << "remove-one" << LedgerProblem::Removed << qint64(57);
    QTest::newRow("three rows removed") << "remove-three" << LedgerProblem::Removed << qint64(57);
    QTest::newRow("first row removed") << "remove-first" << LedgerProblem::Removed << qint64(1);
    QTest::newRow("removed and renumbered")
        << "remove-renumber" << LedgerProblem::Altered << qint64(57);
    QTest::newRow("removed, renumbered, hashes reforged")
        << "remove-renumber-reforge" << LedgerProblem::Broken << qint64(57);
    QTest::newRow("two rows swapped") << "swap" << LedgerProblem::Reordered << qint64(57);
    QTest::newRow("row moved to the end")
        << "move-to-end" << LedgerProblem::Reordered << qint64(57);
    QTest::newRow("row moved earlier") << "move-earlier" << LedgerProblem::Reordered << qint64(57);
    QTest::newRow("row duplicated") << "duplicate" << LedgerProblem::Duplicated << qint64(57);
    QTest::newRow("seq swapped between rows") << "swap-seq" << LedgerProblem::Altered << qint64(57);
    QTest::newRow("foreign first row") << "bad-genesis" << LedgerProblem::Broken << qint64(1);
}

void TestLedger::tampering()
{
    QFETCH(QString, how);
    QFETCH(LedgerProblem, problem);
    QFETCH(qint64, seq);
    QList<LedgerEntry> rows = chain(100);  // seq 57 is index 56
    const qsizetype i = 56;
    if (how == u"alter-amount") {
        rows[i].amount = Money::fen(1);
    } else if (how == u"alter-result") {
        rows[i].result = QStringLiteral("refused:credit-limit");
    } else if (how == u"alter-time") {
        rows[i].time_ms += 1;
    } else if (how == u"alter-hash") {
        rows[i].hash[0] = static_cast<char>(rows[i].hash[0] ^ 1);
    } else if (how == u"alter-reforge-one") {
        rows[i].amount = Money::fen(1);
        rows[i].hash = rows[i].computeHash();
    } else if (how == u"remove-one") {
        rows.removeAt(i);
    } else if (how == u"remove-three") {
        rows.remove(i, 3);
    } else if (how == u"remove-first") {
        rows.removeFirst();
        rows.removeFirst();
    } else if (how == u"remove-renumber" || how == u"remove-renumber-reforge") {
        rows.removeAt(i);
        for (qsizetype k = i; k < rows.size(); ++k) rows[k].seq -= 1;
        if (how == u"remove-renumber-reforge") {
            for (qsizetype k = i; k < rows.size(); ++k) rows[k].hash = rows[k].computeHash();
        }
    } else if (how == u"swap") {
        rows.swapItemsAt(i, i + 1);
    } else if (how == u"move-to-end") {
        rows.append(rows.takeAt(i));
    } else if (how == u"move-earlier") {
        // Row 58 stored before row 57 and 56 ... (a row moved up by two positions).
        rows.move(i + 1, i - 1);
        // the first anomaly is at position 55: row 58 where 56 is expected -> 56 found later
        seq = 56;
    } else if (how == u"duplicate") {
        rows.insert(i, rows.at(i));
        rows[i + 1] = rows[i];
        // rows: ..., 56, 57, 57, 58 ...
    } else if (how == u"swap-seq") {
        std::swap(rows[i].seq, rows[i + 1].seq);
        rows.swapItemsAt(i, i + 1);  // stored by seq: contents exchanged
    } else if (how == u"bad-genesis") {
        rows[0].prevHash = QByteArray(32, '\x01');
        rows[0].hash = rows[0].computeHash();
    }
    const LedgerVerification v = verifyLedger(rows);
    QVERIFY(!v.ok);
    QCOMPARE(v.problem, problem);
    QCOMPARE(v.seq, seq);
    QVERIFY2(v.message.contains(QString::number(seq)), qPrintable(v.message));
    QVERIFY(!ledgerProblemName(v.problem).isEmpty());
}

void TestLedger::head()
{
    QList<LedgerEntry> rows = chain(20);
    const LedgerHead recorded = verifyLedger(rows).head;
    QVERIFY(verifyLedger(rows, recorded).ok);
    // Grown since the head was recorded: still fine.
    LedgerEntry more;
    more.invoiceId = QStringLiteral("inv-x");
    rows.append(appendLedgerEntry(&rows.last(), more));
    QVERIFY(verifyLedger(rows, recorded).ok);
    // The last rows removed: the chain alone cannot see it, the head can.
    rows.remove(18, 3);
    QVERIFY(verifyLedger(rows).ok);
    const LedgerVerification v = verifyLedger(rows, recorded);
    QVERIFY(!v.ok);
    QCOMPARE(v.problem, LedgerProblem::Truncated);
    // Whole chain rewritten from row 10 (every hash reforged): the recorded head differs.
    QList<LedgerEntry> forged = chain(20);
    forged[9].amount = Money::fen(1);
    reforge(forged, 9);
    QVERIFY(verifyLedger(forged).ok);
    QCOMPARE(verifyLedger(forged, recorded).problem, LedgerProblem::Truncated);
}

QTEST_GUILESS_MAIN(TestLedger)
#include "tst_ledger.moc"
