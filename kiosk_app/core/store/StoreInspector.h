// Read-only inspection of a store file for diagnostics (medkioskctl): opens it read-only, checks
// the key, reads the schema version and runs quick_check or integrity_check. Never migrates,
// never writes, never creates the file.
#pragma once

#include "core/common/Result.h"
#include "core/store/SecureKey.h"

#include <QCoreApplication>
#include <QString>

namespace mk::store {

struct StoreReport {
    QString path;
    qint64 size_bytes = 0;
    QString cipher_version;
    int schema_version = 0;         // highest applied migration
    int latest_schema_version = 0;  // highest migration this program knows
    bool integrity_ok = false;
    QString integrity_detail;  // "ok", or what SQLite reported
};

class StoreInspector
{
    Q_DECLARE_TR_FUNCTIONS(mk::store::StoreInspector)

public:
    // ErrorCode::Storage when the file is missing, the key is wrong or the file is not a store.
    // A failed integrity check is reported in StoreReport, not as an error.
    static Result<StoreReport> inspect(const QString& path, const SecureKey& key,
                                       bool full_integrity_check);
};

}  // namespace mk::store
