#include "core/store/Store.h"

#include "core/common/Log.h"
#include "core/common/SafeFile.h"
#include "core/store/Migrations.h"
#include "core/store/SqlCipherDb.h"
#include "core/store/SqlStatement.h"
#include "core/store/SqlTransaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mk::store {

Store::~Store() = default;

Result<QString> Store::linkedCipherVersion()
{
    const SecureKey probe_key(QByteArray(SecureKey::kSizeBytes, '\x5a'));
    auto db = SqlCipherDb::openKeyed(QStringLiteral(":memory:"),
                                     SqlCipherDb::OpenMode::ReadWriteCreate, probe_key);
    if (!db) return db.error();
    // Make SQLCipher actually derive and use the key, so a broken codec shows up here too.
    if (Status s = db.value()->exec(QByteArrayLiteral("CREATE TABLE probe(x); DROP TABLE probe;"));
        !s) {
        return s.error();
    }
    return db.value()->cipherVersion();
}

namespace {

// The kiosk's own new store: the file made here, 0600, before SQLite makes it with the umask's
// mode (SQLite gives the -wal and -shm files the main file's mode); a folder made here 0700.
// An existing file readable by others is tightened.
Status prepareStoreFile(const QString& path)
{
    if (Status folder = SafeFile::makePrivateFolder(QFileInfo(path).absolutePath()); !folder)
        return folder;
    const QByteArray native = QFile::encodeName(path);
    const int fd =
        ::open(native.constData(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0) {
        return makeError(
            ErrorCode::Storage,
            Store::tr("cannot open the store file %1: %2").arg(path, errnoText(errno)));
    }
    struct stat st {
    };
    Status result = Ok{};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        result = makeError(ErrorCode::Storage,
                           Store::tr("the store path %1 is not a regular file").arg(path));
    } else if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0 && st.st_uid == ::geteuid()) {
        if (::fchmod(fd, S_IRUSR | S_IWUSR) != 0) {
            result = makeError(ErrorCode::Storage,
                               Store::tr("cannot make the store file %1 private (chmod 0600): %2")
                                   .arg(path, errnoText(errno)));
        } else {
            qCInfo(lcStore) << "store file mode tightened to 0600";
        }
    }
    ::close(fd);
    return result;
}

}  // namespace

Status Store::checkExistingFile(const QString& path)
{
    if (!QFileInfo::exists(path) && !QFileInfo(path).isSymLink()) {
        return makeError(ErrorCode::Storage,
                         tr("no store file at %1 (the kiosk creates it on first start)").arg(path));
    }
    if (Status regular = SafeFile::checkRegularFile(path); !regular) return regular;
    const QFileInfo wal(path + QStringLiteral("-wal"));
    if (QFileInfo(path).size() == 0 && !(wal.isFile() && wal.size() > 0)) {
        return makeError(ErrorCode::Storage,
                         tr("the file %1 is empty (0 bytes): it is not a medkiosk store. "
                            "It was left untouched.")
                             .arg(path));
    }
    return Ok{};
}

Result<int> Store::existingSchemaVersion(SqlCipherDb& db, const QString& path)
{
    auto tables = db.queryText(QByteArrayLiteral(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"));
    if (!tables) {
        Error e = tables.error();
        e.detail = tr("cannot read the store %1: %2").arg(path, e.detail);
        return e;
    }
    if (tables.value().toInt() == 0) {
        return makeError(ErrorCode::Storage,
                         tr("the file %1 is a database without medkiosk's schema: not a "
                            "medkiosk store (or one never opened by the kiosk). It was "
                            "left untouched.")
                             .arg(path));
    }
    auto version =
        db.queryText(QByteArrayLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    if (!version) return version.error();
    return version.value().toInt();
}

Result<std::unique_ptr<Store>> Store::open(const QString& path, const SecureKey& key, Access access)
{
    if (!key.isValid()) {
        return makeError(ErrorCode::Storage,
                         tr("the store key must be %1 bytes").arg(SecureKey::kSizeBytes));
    }
    if (path.isEmpty()) return makeError(ErrorCode::Storage, tr("no store path configured"));
    const bool in_memory = path == u":memory:";  // for tests of code built on the store
    const bool creating = access == Access::CreateAndMigrate;
    if (!in_memory) {
        Status ready = creating ? prepareStoreFile(path) : checkExistingFile(path);
        if (!ready) return ready.error();
    }

    const SqlCipherDb::OpenMode mode = creating ? SqlCipherDb::OpenMode::ReadWriteCreate
                                       : access == Access::InspectReadOnly
                                           ? SqlCipherDb::OpenMode::ReadOnly
                                           : SqlCipherDb::OpenMode::ReadWrite;
    auto opened = SqlCipherDb::openKeyed(path, mode, key);
    if (!opened) {
        qCCritical(lcStore) << opened.error().detail;
        return opened.error();
    }
    std::unique_ptr<SqlCipherDb> db = std::move(opened).value();

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
    store->cipher_version_ = store->db_->cipherVersion();
    store->access_ = access;
    SqlCipherDb& d = *store->db_;

    if (!creating) {
        auto schema = existingSchemaVersion(d, path);
        if (!schema) return schema.error();
        const int latest = Migrations::latestVersion();
        if (schema.value() != latest) {
            return makeError(ErrorCode::Storage,
                             tr("the store %1 has schema version %2 and this program %3; this "
                                "tool does not migrate a store (the kiosk of the matching "
                                "version does). Nothing was changed.")
                                 .arg(path)
                                 .arg(schema.value())
                                 .arg(latest));
        }
        store->schema_version_ = schema.value();
        if (Status s = store->checkIntegrity(false); !s) return s.error();
        const QByteArray pragmas = access == Access::InspectReadOnly
                                       ? QByteArrayLiteral("PRAGMA query_only = ON;")
                                       : QByteArrayLiteral(
                                             "PRAGMA synchronous = FULL; "
                                             "PRAGMA foreign_keys = ON;");
        if (Status s = d.exec(pragmas); !s) return s.error();
        d.setBusyTimeout(kBusyTimeoutMs);
        return store;
    }

    if (Status s = store->checkIntegrity(false); !s) {
        qCCritical(lcStore) << s.error().detail;
        return s.error();
    }
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
    SqlTransaction tx(*db_,
                      readOnly() ? SqlTransaction::Kind::ReadOnly : SqlTransaction::Kind::Write);
    if (!tx.ok()) return tx.begin();
    Status s = fn(*db_);
    if (!s) return s;  // rolled back by ~SqlTransaction
    return tx.commit();
}

}  // namespace mk::store
