// The kiosk's encrypted local store (SQLCipher through its C API, never Qt's QSQLITE driver).
// Thread-safe: one connection guarded by a mutex; callers are worker threads, never the UI thread.
#pragma once

#include "core/common/Result.h"
#include "core/store/SecureKey.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace mk::store {

class SqlCipherDb;

struct CacheEntry {
    QByteArray payload;
    QDateTime fetched_at;
};

class Store
{
    Q_DECLARE_TR_FUNCTIONS(mk::store::Store)

public:
    static constexpr int kCipherPageSizeBytes = 4096;
    static constexpr int kBusyTimeoutMs = 5000;

    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // How a program may touch the file. The kiosk creates and migrates; the tools for IT
    // (medkioskctl) never create, migrate or re-journal a store: they open an existing medkiosk
    // store of this program's schema, read-only to inspect, read-write to retry or discard.
    enum class Access { CreateAndMigrate = 1, InspectReadOnly, ExistingReadWrite };

    // Opens with a raw 256-bit key, checks PRAGMA cipher_version (refuses a build without
    // SQLCipher), sets cipher_page_size=4096, runs the quick check. CreateAndMigrate creates a
    // missing store (file 0600, a new folder 0700), switches to WAL, synchronous=FULL, and runs the
    // numbered migrations. The other accesses refuse a missing, empty (0-byte) or foreign file
    // (no medkiosk schema) and a schema other than this program's, and write nothing. A wrong key
    // or a corrupt file gives ErrorCode::Storage with a clear detail and leaves the file
    // untouched. path ":memory:" gives an in-memory store (no WAL, nothing durable) for tests.
    static Result<std::unique_ptr<Store>> open(const QString& path, const SecureKey& key,
                                               Access access = Access::CreateAndMigrate);

    // For the tools that never create a store: Ok for an existing, non-empty regular file; else
    // a sentence saying what the path is (missing, empty, a FIFO...).
    static Status checkExistingFile(const QString& path);
    // The schema version of an existing store, read without creating anything (the store and
    // StoreInspector): an error for a file without medkiosk's schema table.
    static Result<int> existingSchemaVersion(SqlCipherDb& db, const QString& path);

    QString cipherVersion() const;
    bool readOnly() const { return access_ == Access::InspectReadOnly; }
    int schemaVersion() const;
    QString path() const;

    // Last known availability and reference data, keyed by the caller (e.g. "slots:<ids>:<day>").
    Status putCache(const QString& key, const QByteArray& payload, const QDateTime& fetched_at);
    std::optional<CacheEntry> getCache(const QString& key) const;

    // PRAGMA quick_check (full = false) or integrity_check (full = true): Ok, or ErrorCode::Storage
    // whose detail carries the first problems SQLite reported.
    Status checkIntegrity(bool full) const;
    // Runs fn inside one BEGIN IMMEDIATE transaction under the store's lock, and commits when fn
    // returns Ok (rolls back otherwise). For the outbox and other tables added by later migrations.
    Status withTransaction(const std::function<Status(SqlCipherDb&)>& fn);

    // The SQLCipher version of the library this program is linked with, read from a keyed
    // in-memory database; ErrorCode::Storage when the library is plain SQLite (DESIGN §6).
    static Result<QString> linkedCipherVersion();

private:
    Store() = default;
    std::unique_ptr<SqlCipherDb> db_;
    QString path_;
    QString cipher_version_;
    int schema_version_ = 0;
    Access access_ = Access::CreateAndMigrate;
    mutable std::mutex mutex_;
};

}  // namespace mk::store
