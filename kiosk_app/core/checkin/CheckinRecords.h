// The table of check-ins made at this kiosk (store migration 4). Functions run on a database the
// caller holds inside a transaction (Store::withTransaction or the outbox's enqueue), so a record
// and its outbox command commit together.
#pragma once

#include "core/checkin/CheckinTypes.h"
#include "core/common/Result.h"

#include <optional>

namespace mk::store {
class SqlCipherDb;
}

namespace mk::checkin::records {

Result<std::optional<CheckinRecord>> find(store::SqlCipherDb& db, const QString& appointment_id);
Status insert(store::SqlCipherDb& db, const CheckinRecord& record);
// The next provisional number of this kiosk in [first, last], persisted in checkin_counter.
// After the last it starts again at first, skipping numbers still held by a provisional record
// (Storage error when every number of the range is held).
Result<int> nextProvisional(store::SqlCipherDb& db, const QString& kiosk_id, int first, int last);
// provisional -> confirmed with the pool's number. Returns whether a row changed.
Result<bool> confirm(store::SqlCipherDb& db, const QString& appointment_id, int visit_number,
                     qint64 now_ms);
Result<QList<CheckinRecord>> provisional(store::SqlCipherDb& db);

}  // namespace mk::checkin::records
