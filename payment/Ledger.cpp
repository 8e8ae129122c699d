#include "payment/Ledger.h"

namespace mk::pay {

namespace {

LedgerVerification problemAt(LedgerProblem problem, qint64 seq, qint64 index, QString message,
                             qint64 checked)
{
    LedgerVerification v;
    v.ok = false;
    v.problem = problem;
    v.seq = seq;
    v.index = index;
    v.message = std::move(message);
    v.rowsChecked = checked;
    return v;
}

// Index of the first row (other than `skip`) whose seq is `seq`; -1 when none.
qsizetype findSeq(const QList<LedgerEntry>& rows, qint64 seq, qsizetype skip)
{
    for (qsizetype j = 0; j < rows.size(); ++j) {
        if (j != skip && rows.at(j).seq == seq) return j;
    }
    return -1;
}

}  // namespace

LedgerEntry appendLedgerEntry(const LedgerEntry* previous, LedgerEntry row)
{
    row.seq = previous ? previous->seq + 1 : 1;
    row.prevHash = previous ? previous->hash : ledgerGenesisHash();
    row.hash = row.computeHash();
    return row;
}

QString ledgerProblemName(LedgerProblem problem)
{
    switch (problem) {
        case LedgerProblem::Altered:
            return QStringLiteral("altered");
        case LedgerProblem::Removed:
            return QStringLiteral("removed");
        case LedgerProblem::Reordered:
            return QStringLiteral("reordered");
        case LedgerProblem::Duplicated:
            return QStringLiteral("duplicated");
        case LedgerProblem::Broken:
            return QStringLiteral("broken");
        case LedgerProblem::Truncated:
            return QStringLiteral("truncated");
        case LedgerProblem::Unset:
            break;
    }
    return {};
}

LedgerVerification verifyLedger(const QList<LedgerEntry>& rows,
                                const std::optional<LedgerHead>& expected)
{
    const QByteArray genesis = ledgerGenesisHash();
    QByteArray previousHash = genesis;  // recomputed, never the stored one
    qint64 previousSeq = 0;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const LedgerEntry& row = rows.at(i);
        const QByteArray hash = row.computeHash();
        if (hash != row.hash)
            return problemAt(
                LedgerProblem::Altered, row.seq, i,
                QStringLiteral("row %1 was altered (its content does not match its hash)")
                    .arg(row.seq),
                i);
        const qint64 expectedSeq = previousSeq + 1;
        if (row.seq != expectedSeq) {
            if (row.seq < expectedSeq) {
                const qsizetype other = findSeq(rows, row.seq, i);
                if (other >= 0 && other < i && rows.at(other).hash == row.hash)
                    return problemAt(LedgerProblem::Duplicated, row.seq, i,
                                     QStringLiteral("row %1 appears twice (positions %2 and %3)")
                                         .arg(row.seq)
                                         .arg(other)
                                         .arg(i),
                                     i);
                if (other >= 0 && other < i)
                    return problemAt(LedgerProblem::Duplicated, row.seq, i,
                                     QStringLiteral("two different rows carry seq %1 (positions %2 "
                                                    "and %3)")
                                         .arg(row.seq)
                                         .arg(other)
                                         .arg(i),
                                     i);
                return problemAt(
                    LedgerProblem::Reordered, row.seq, i,
                    QStringLiteral("rows were reordered: row %1 is stored after row %2")
                        .arg(row.seq)
                        .arg(previousSeq),
                    i);
            }
            const qsizetype later = findSeq(rows, expectedSeq, i);
            if (later > i)
                return problemAt(LedgerProblem::Reordered, expectedSeq, i,
                                 QStringLiteral("rows were reordered: row %1 is stored at position "
                                                "%2, after row %3")
                                     .arg(expectedSeq)
                                     .arg(later)
                                     .arg(row.seq),
                                 i);
            const QString missing = row.seq - 1 == expectedSeq
                                        ? QStringLiteral("row %1 was removed").arg(expectedSeq)
                                        : QStringLiteral("rows %1 to %2 were removed")
                                              .arg(expectedSeq)
                                              .arg(row.seq - 1);
            return problemAt(LedgerProblem::Removed, expectedSeq, i, missing, i);
        }
        if (row.prevHash != previousHash) {
            if (i == 0)
                return problemAt(LedgerProblem::Broken, row.seq, i,
                                 QStringLiteral("row 1 does not start the chain (its previous "
                                                "hash is not the genesis hash)"),
                                 i);
            return problemAt(LedgerProblem::Broken, row.seq, i,
                             QStringLiteral("row %1 does not chain to row %2: row %2 was altered "
                                            "and its hash rewritten, or a row was replaced")
                                 .arg(row.seq)
                                 .arg(previousSeq),
                             i);
        }
        previousHash = hash;
        previousSeq = row.seq;
    }
    const auto count = static_cast<qint64>(rows.size());
    if (expected) {
        if (expected->count > count)
            return problemAt(LedgerProblem::Truncated, count + 1, count,
                             QStringLiteral("the ledger ends at row %1 but row %2 was recorded: "
                                            "the last rows were removed")
                                 .arg(count)
                                 .arg(expected->count),
                             count);
        const QByteArray atHead =
            expected->count <= 0 ? genesis : rows.at(expected->count - 1).hash;
        if (atHead != expected->lastHash)
            return problemAt(LedgerProblem::Truncated, expected->count, expected->count - 1,
                             QStringLiteral("row %1 is not the row recorded as the ledger's head: "
                                            "rows were replaced")
                                 .arg(expected->count),
                             count);
    }
    LedgerVerification ok;
    ok.ok = true;
    ok.rowsChecked = count;
    ok.head = LedgerHead{count, previousHash};
    ok.message = QStringLiteral("%1 rows verified").arg(count);
    return ok;
}

}  // namespace mk::pay
