// The ledger's chain rules: append the next row, verify a whole chain. Pure functions over rows;
// the storage (SQLCipher) is the caller's.
#pragma once

#include "payment/LedgerEntry.h"

#include <QList>
#include <QString>

#include <optional>

namespace mk::pay {

// The next row after `previous` (nullptr for the first row): seq = previous.seq + 1, prevHash =
// previous.hash (genesis for the first), hash computed. `row` gives time_ms, invoiceId, amount,
// method, idempotencyKey and result; its seq/prevHash/hash are overwritten.
LedgerEntry appendLedgerEntry(const LedgerEntry* previous, LedgerEntry row);

// Zero is not a problem kind.
enum class LedgerProblem {
    Unset = 0,
    Altered,     // a row's content does not match its hash (the row at `seq` was changed)
    Removed,     // seq numbers jump (rows missing), or the first row is not seq 1/genesis
    Reordered,   // a row is stored out of order (its seq or its chain link belongs elsewhere)
    Duplicated,  // two rows with the same seq
    Broken,      // prevHash does not match the previous row's recomputed hash, not explained by
                 // the above (the previous row was altered and its hash forged, or a row replaced)
    Truncated,   // fewer rows / another last hash than the expected head (only with a head)
};
QString ledgerProblemName(LedgerProblem problem);  // "altered", "removed", ...

// What a verified chain ends with; the kiosk may keep it apart from the rows (e.g. in the
// store's meta table and in the daily close) to detect removal of the LAST rows, which the chain
// alone cannot see.
struct LedgerHead {
    qint64 count = 0;     // number of rows (== last seq)
    QByteArray lastHash;  // hash of the last row; genesis for an empty ledger
};

struct LedgerVerification {
    bool ok = false;
    LedgerProblem problem = LedgerProblem::Unset;
    qint64 seq = 0;    // the seq of the first problem (for Removed: the first missing seq)
    qint64 index = 0;  // its position in the given sequence (0-based)
    QString message;   // one sentence for staff: "row 57 was altered (hash mismatch)"
    qint64 rowsChecked = 0;
    LedgerHead head;  // the recomputed head when ok
};

// Checks `rows` in the order given (the caller reads them ORDER BY its storage order, e.g.
// rowid, so that reordering is visible), recomputing every hash: stored hashes are never trusted.
// Reports the FIRST problem. With `expected`, also fails when the chain ends elsewhere
// (Truncated). O(n), one SHA-256 per row.
LedgerVerification verifyLedger(const QList<LedgerEntry>& rows,
                                const std::optional<LedgerHead>& expected = std::nullopt);

}  // namespace mk::pay
