#include "core/store/StoreInspector.h"

#include "core/store/Migrations.h"
#include "core/store/SqlCipherDb.h"
#include "core/store/Store.h"

#include <QFileInfo>

namespace mk::store {

Result<StoreReport> StoreInspector::inspect(const QString& path, const SecureKey& key,
                                            bool full_integrity_check)
{
    const QFileInfo info(path);
    // Missing, empty (0 bytes), a FIFO or a device: said as such, never opened as a store.
    if (Status existing = Store::checkExistingFile(path); !existing) return existing.error();
    StoreReport report;
    report.path = path;
    report.size_bytes = info.size();
    report.latest_schema_version = Migrations::latestVersion();

    auto opened = SqlCipherDb::openKeyed(path, SqlCipherDb::OpenMode::ReadOnly, key);
    if (!opened) return opened.error();
    SqlCipherDb& db = *opened.value();
    report.cipher_version = db.cipherVersion();
    auto schema = Store::existingSchemaVersion(db, path);
    if (!schema) return schema.error();
    report.schema_version = schema.value();
    auto rows =
        db.queryTextColumn(full_integrity_check ? QByteArrayLiteral("PRAGMA integrity_check")
                                                : QByteArrayLiteral("PRAGMA quick_check"));
    if (!rows) {
        report.integrity_ok = false;
        report.integrity_detail = rows.error().detail;
    } else {
        report.integrity_ok = rows.value() == QStringList{u"ok"_qs};
        report.integrity_detail = rows.value().mid(0, 10).join(u"; "_qs);
    }
    return report;
}

}  // namespace mk::store
