// The kiosk's encrypted local store (SQLCipher through its C API, never Qt's QSQLITE driver).
// Thread-safe: one connection guarded by a mutex; callers are worker threads, never the UI thread.
#pragma once

#include "common/Result.h"
#include "store/SecureKey.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <memory>
#include <mutex>
#include <optional>

namespace mk::store {

class SqlCipherDb;

struct CacheEntry {
    QByteArray payload;
    QDateTime fetched_at;
};

class Store {
public:
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // Opens (creating if absent) with a raw 256-bit key, checks PRAGMA cipher_version (refuses a
    // build without SQLCipher), sets cipher_page_size=4096, WAL, synchronous=FULL, runs the
    // integrity check and the numbered migrations. A wrong key or a corrupt file gives
    // ErrorCode::Storage with a clear detail and leaves the file untouched.
    static Result<std::unique_ptr<Store>> open(const QString& path, const SecureKey& key);

    QString cipherVersion() const;
    int schemaVersion() const;
    QString path() const;

    // Last known availability and reference data, keyed by the caller (e.g. "slots:<ids>:<day>").
    Status putCache(const QString& key, const QByteArray& payload, const QDateTime& fetched_at);
    std::optional<CacheEntry> getCache(const QString& key) const;

private:
    Store() = default;
    std::unique_ptr<SqlCipherDb> db_;
    QString path_;
    QString cipher_version_;
    int schema_version_ = 0;
    mutable std::mutex mutex_;
};

}  // namespace mk::store
