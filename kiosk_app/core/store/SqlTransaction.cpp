#include "core/store/SqlTransaction.h"

#include "core/common/Log.h"
#include "core/store/SqlCipherDb.h"

#include <sqlite3.h>

namespace mk::store {

SqlTransaction::SqlTransaction(SqlCipherDb& db, Kind kind) : db_(db), begin_(Ok{})
{
    begin_ = db_.exec(kind == Kind::ReadOnly ? QByteArrayLiteral("BEGIN")
                                             : QByteArrayLiteral("BEGIN IMMEDIATE"));
    open_ = begin_.ok();
}

SqlTransaction::~SqlTransaction()
{
    if (open_) {
        const Status s = rollback();
        if (!s) qCWarning(lcStore) << "rollback failed:" << s.error().detail;
    }
}

Status SqlTransaction::commit()
{
    if (!open_) return begin_.ok() ? Status(Ok{}) : begin_;
    Status s = db_.exec(QByteArrayLiteral("COMMIT"));
    if (s) {
        open_ = false;
    } else {
        // COMMIT can fail (disk full) and leave the transaction open: roll it back now.
        const Status rb = rollback();
        if (!rb)
            qCWarning(lcStore) << "rollback after a failed commit failed:" << rb.error().detail;
    }
    return s;
}

Status SqlTransaction::rollback()
{
    if (!open_) return Ok{};
    open_ = false;
    // SQLite may already have rolled back by itself (after SQLITE_FULL, SQLITE_IOERR...).
    if (sqlite3_get_autocommit(db_.handle()) != 0) return Ok{};
    return db_.exec(QByteArrayLiteral("ROLLBACK"));
}

}  // namespace mk::store
