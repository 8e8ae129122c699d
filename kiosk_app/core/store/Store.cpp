#include "store/Store.h"

#include "common/Log.h"
#include "store/Migrations.h"
#include "store/SqlCipherDb.h"
#include "store/SqlStatement.h"
#include "store/SqlTransaction.h"

#include <QDir>
#include <QFileInfo>

namespace mk::store {

namespace {

void wipe(QByteArray& buffer)
{
    if (buffer.isEmpty()) return;
    volatile char* p = buffer.data();
    for (qsizetype i = 0; i < buffer.size(); ++i) p[i] = 0;
    buffer.clear();
}

// Keys the connection, then refuses a library without SQLCipher (PRAGMA key would be ignored
// and the "encrypted" file would be plaintext).
Result<QString> keyAndCheckCipher(SqlCipherDb& db, const SecureKey& key)
{
    QByteArray literal = key.pragmaLiteral();
    Status keyed = db.setKey(literal);
    wipe(literal);
    if (!keyed) return keyed.error();
    auto version = db.queryText(QByteArrayLiteral("PRAGMA cipher_version"));
    if (!version || version.value().isEmpty()) {
        return makeError(ErrorCode::Storage,
                         QCoreApplication::translate("mk::store::Store",
                                                     "SQLCipher not linked: refusing to run"));
    }
    return version.value();
}

}  // namespace

Store::~Store() = default;

Result<QString> Store::linkedCipherVersion()
{
    auto db = SqlCipherDb::open(QStringLiteral(":memory:"));
    if (!db) return db.error();
    SecureKey probe_key(QByteArray(SecureKey::kSizeBytes, '\x5a'));
    auto version = keyAndCheckCipher(*db.value(), probe_key);
    if (!version) return version.error();
    // Make SQLCipher actually derive and use the key, so a broken codec shows up here too.
    if (Status s = db.value()->exec(QByteArrayLiteral("CREATE TABLE probe(x); DROP TABLE probe;"));
        !s) {
        return s.error();
    }
    return version.value();
}

Result<std::unique_ptr<Store>> Store::open(const QString& path, const SecureKey& key)
{
    if (!key.isValid()) {
        return makeError(ErrorCode::Storage,
                         tr("the store key must be %1 bytes").arg(SecureKey::kSizeBytes));
    }
    if (path.isEmpty()) return makeError(ErrorCode::Storage, tr("no store path configured"));
    const bool in_memory = path == u":memory:";  // for tests of code built on the store
    const QFileInfo info(path);
    if (!in_memory && !QDir().mkpath(info.absolutePath())) {
        return makeError(ErrorCode::Storage,
                         tr("cannot create the store folder %1").arg(info.absolutePath()));
    }

    auto opened = SqlCipherDb::open(path);
    if (!opened) return opened.error();
    std::unique_ptr<SqlCipherDb> db = std::move(opened).value();

    auto version = keyAndCheckCipher(*db, key);
    if (!version) {
        qCCritical(lcStore) << version.error().detail;
        return version.error();
    }
    // Before the first access: only then does it apply to a new file (and must match an old one).
    if (Status s = db->exec(QByteArrayLiteral("PRAGMA cipher_page_size = 4096;")); !s)
        return s.error();

    // The first read decrypts page 1: a wrong key or a file that is not a store fails here,
    // before anything is written.
    auto probe = db->queryText(QByteArrayLiteral("SELECT count(*) FROM sqlite_master"));
    if (!probe) {
        Error e = probe.error();
        e.detail = tr("cannot read the store %1: %2").arg(path, e.detail);
        qCCritical(lcStore) << e.detail;
        return e;
    }

    std::unique_ptr<Store> store(new Store());
    store->db_ = std::move(db);
    store->path_ = path;
    store->cipher_version_ = version.value();

    if (Status s = store->checkIntegrity(false); !s) {
        qCCritical(lcStore) << s.error().detail;
        return s.error();
    }
    SqlCipherDb& d = *store->db_;
    auto journal = d.queryText(QByteArrayLiteral("PRAGMA journal_mode = WAL"));
    if (!journal) return journal.error();
    if (!in_memory && journal.value().compare(u"wal"_qs, Qt::CaseInsensitive) != 0) {
        return makeError(
            ErrorCode::Storage,
            tr("cannot switch the store to WAL mode (got \"%1\")").arg(journal.value()));
    }
    if (Status s =
            d.exec(QByteArrayLiteral("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"));
        !s) {
        return s.error();
    }
    d.setBusyTimeout(kBusyTimeoutMs);

    auto migrated = Migrations::migrate(d);
    if (!migrated) {
        qCCritical(lcStore) << migrated.error().detail;
        return migrated.error();
    }
    store->schema_version_ = migrated.value();
    qCInfo(lcStore) << "store open, SQLCipher" << store->cipher_version_ << "schema"
                    << store->schema_version_;
    return store;
}

QString Store::cipherVersion() const
{
    return cipher_version_;
}

int Store::schemaVersion() const
{
    return schema_version_;
}

QString Store::path() const
{
    return path_;
}

Status Store::putCache(const QString& key, const QByteArray& payload, const QDateTime& fetched_at)
{
    std::lock_guard lock(mutex_);
    auto stmt = db_->prepare(QByteArrayLiteral(
        "INSERT OR REPLACE INTO cache(key, payload, fetched_at_ms) VALUES (?1, ?2, ?3)"));
    if (!stmt) return stmt.error();
    SqlStatement& s = stmt.value();
    if (Status b = s.bind(1, key); !b) return b;
    if (Status b = s.bind(2, payload); !b) return b;
    if (Status b = s.bind(3, fetched_at.toMSecsSinceEpoch()); !b) return b;
    Status done = s.run();
    if (!done) qCWarning(lcStore) << "cache write failed:" << done.error().detail;
    return done;
}

std::optional<CacheEntry> Store::getCache(const QString& key) const
{
    std::lock_guard lock(mutex_);
    auto stmt =
        db_->prepare(QByteArrayLiteral("SELECT payload, fetched_at_ms FROM cache WHERE key = ?1"));
    if (!stmt) {
        qCWarning(lcStore) << "cache read failed:" << stmt.error().detail;
        return std::nullopt;
    }
    SqlStatement& s = stmt.value();
    if (!s.bind(1, key)) return std::nullopt;
    auto step = s.step();
    if (!step) {
        qCWarning(lcStore) << "cache read failed:" << step.error().detail;
        return std::nullopt;
    }
    if (step.value() == SqlStatement::Step::Done) return std::nullopt;
    CacheEntry entry;
    entry.payload = s.columnBlob(0);
    entry.fetched_at = QDateTime::fromMSecsSinceEpoch(s.columnInt64(1), Qt::UTC);
    return entry;
}

Status Store::checkIntegrity(bool full) const
{
    std::lock_guard lock(mutex_);
    auto rows = db_->queryTextColumn(full ? QByteArrayLiteral("PRAGMA integrity_check")
                                          : QByteArrayLiteral("PRAGMA quick_check"));
    if (!rows) {
        Error e = rows.error();
        e.detail = tr("integrity check of %1 failed: %2").arg(path_, e.detail);
        return e;
    }
    if (rows.value() == QStringList{u"ok"_qs}) return Ok{};
    return makeError(ErrorCode::Storage,
                     tr("the store %1 is corrupt; it was left untouched for recovery: %2")
                         .arg(path_, rows.value().mid(0, 5).join(u"; "_qs)));
}

Status Store::withTransaction(const std::function<Status(SqlCipherDb&)>& fn)
{
    std::lock_guard lock(mutex_);
    SqlTransaction tx(*db_);
    if (!tx.ok()) return tx.begin();
    Status s = fn(*db_);
    if (!s) return s;  // rolled back by ~SqlTransaction
    return tx.commit();
}

}  // namespace mk::store
