// When the store file exists but cannot be read with this kiosk's key (wrong key, not a store,
// damaged pages), the kiosk must neither wipe it nor stop serving patients: the file is moved
// aside (renamed, never deleted) for IT to recover with the right key, staff are told where it
// went, and the kiosk starts with a new, empty store.
#pragma once

#include "core/common/Result.h"
#include "core/store/SecureKey.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace mk::store {

class StoreRecovery
{
    Q_DECLARE_TR_FUNCTIONS(mk::store::StoreRecovery)

public:
    enum class Verdict {
        Unset = 0,
        Readable,    // opens and passes the quick check: never moved
        Unreadable,  // "not a database" with this key, or the quick check reports damage
        Unknown,     // busy, permission, I/O, missing: not the file's fault, never moved
    };

    // Reads the file read-only with key and says which case it is; detail says why (no data).
    static Verdict diagnose(const QString& path, const SecureKey& key, QString* detail);

    // Renames path and its -wal / -shm companions to "<path>.unreadable-<yyyyMMdd-HHmmss>" (plus
    // "-wal" / "-shm"); returns the new path of the main file. Nothing is deleted or rewritten.
    static Result<QString> moveAside(const QString& path, const QDateTime& now);
};

}  // namespace mk::store
