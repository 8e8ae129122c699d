#include "core/store/SqlCipherDb.h"

#include "core/common/Log.h"
#include "core/common/SecureWipe.h"
#include "core/store/SecureKey.h"
#include "core/store/SqlStatement.h"
#include "core/store/Store.h"

#include <QFile>

#include <sqlite3.h>

#include <cstring>

namespace mk::store {

SqlCipherDb::~SqlCipherDb()
{
    cached_.clear();  // finalized before the connection closes
    if (db_ != nullptr) {
        const int rc = sqlite3_close_v2(db_);
        if (rc != SQLITE_OK) qCWarning(lcStore) << "closing the store failed, code" << rc;
        db_ = nullptr;
    }
}

Result<std::unique_ptr<SqlCipherDb>> SqlCipherDb::open(const QString& path, OpenMode mode)
{
    int flags = SQLITE_OPEN_FULLMUTEX;
    switch (mode) {
        case OpenMode::ReadWriteCreate:
            flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
            break;
        case OpenMode::ReadWrite:
            flags |= SQLITE_OPEN_READWRITE;
            break;
        case OpenMode::ReadOnly:
            flags |= SQLITE_OPEN_READONLY;
            break;
    }
    std::unique_ptr<SqlCipherDb> db(new SqlCipherDb());
    db->path_ = path;
    const QByteArray native = path == u":memory:" ? path.toUtf8() : QFile::encodeName(path);
    const int rc = sqlite3_open_v2(native.constData(), &db->db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString message = db->db_ != nullptr ? QString::fromUtf8(sqlite3_errmsg(db->db_))
                                                   : QString::fromUtf8(sqlite3_errstr(rc));
        return makeSqlError(rc, tr("cannot open %1").arg(path), message);
    }
    sqlite3_extended_result_codes(db->db_, 1);
    return db;
}

Result<std::unique_ptr<SqlCipherDb>> SqlCipherDb::openKeyed(const QString& path, OpenMode mode,
                                                            const SecureKey& key)
{
    if (!key.isValid()) {
        return makeError(ErrorCode::Storage,
                         tr("the store key must be %1 bytes").arg(SecureKey::kSizeBytes));
    }
    auto opened = open(path, mode);
    if (!opened) return opened.error();
    std::unique_ptr<SqlCipherDb> db = std::move(opened).value();
    if (Status keyed = db->setKey(key); !keyed) return keyed.error();
    auto version = db->queryText(QByteArrayLiteral("PRAGMA cipher_version"));
    if (!version || version.value().isEmpty()) {
        return makeError(ErrorCode::Storage, tr("SQLCipher not linked: refusing to run"));
    }
    db->cipher_version_ = version.value();
    // Before the first access: only then does it apply to a new file (and must match an old one).
    const QByteArray page_size = QByteArrayLiteral("PRAGMA cipher_page_size = ") +
                                 QByteArray::number(Store::kCipherPageSizeBytes);
    if (Status s = db->exec(page_size); !s) return s.error();
    return db;
}

Status SqlCipherDb::exec(const QByteArray& sql)
{
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, sql.constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const QString text = message != nullptr ? QString::fromUtf8(message) : QString();
        sqlite3_free(message);
        return makeSqlError(rc, tr("statement failed"), text);
    }
    return Ok{};
}

Result<SqlStatement> SqlCipherDb::prepare(const QByteArray& sql)
{
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(db_, sql.constData(), int(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return lastError(rc, tr("cannot prepare a statement"));
    }
    return SqlStatement(db_, stmt);
}

CachedStatement::~CachedStatement()
{
    if (statement_ != nullptr) statement_->reset();
}

Result<CachedStatement> SqlCipherDb::cached(const QByteArray& sql)
{
    auto found = cached_.find(sql);
    if (found != cached_.end()) return CachedStatement(found->second.get());
    auto stmt = prepare(sql);
    if (!stmt) return stmt.error();
    auto kept = std::make_unique<SqlStatement>(std::move(stmt).value());
    SqlStatement* out = kept.get();
    cached_.emplace(sql, std::move(kept));
    return CachedStatement(out);
}

Result<QString> SqlCipherDb::queryText(const QByteArray& sql)
{
    auto stmt = prepare(sql);
    if (!stmt) return stmt.error();
    auto step = stmt.value().step();
    if (!step) return step.error();
    if (step.value() == SqlStatement::Step::Done) return QString();
    return stmt.value().columnText(0);
}

Result<QStringList> SqlCipherDb::queryTextColumn(const QByteArray& sql)
{
    auto stmt = prepare(sql);
    if (!stmt) return stmt.error();
    QStringList rows;
    for (;;) {
        auto step = stmt.value().step();
        if (!step) return step.error();
        if (step.value() == SqlStatement::Step::Done) break;
        rows << stmt.value().columnText(0);
    }
    return rows;
}

Status SqlCipherDb::setKey(const SecureKey& key)
{
    QByteArray literal = key.pragmaLiteral();
    Status keyed = setKey(literal);
    secureWipe(literal);
    return keyed;
}

Status SqlCipherDb::setKey(const QByteArray& pragma_literal)
{
    return keyPragma("PRAGMA key = \"", pragma_literal, tr("cannot set the store key"));
}

Status SqlCipherDb::rekey(const SecureKey& new_key)
{
    QByteArray literal = new_key.pragmaLiteral();
    Status rekeyed =
        keyPragma("PRAGMA rekey = \"", literal, tr("cannot re-encrypt the store with the new key"));
    secureWipe(literal);
    return rekeyed;
}

Status SqlCipherDb::keyPragma(const char* head, const QByteArray& pragma_literal,
                              const QString& what)
{
    static constexpr char kTail[] = "\";";
    const auto head_size = qsizetype(std::strlen(head));
    // One buffer of the final size: appending never reallocates and leaves no copy behind.
    QByteArray sql;
    sql.reserve(head_size + pragma_literal.size() + qsizetype(sizeof(kTail)));
    sql.append(head, head_size).append(pragma_literal).append(kTail);
    const int rc = sqlite3_exec(db_, sql.constData(), nullptr, nullptr, nullptr);
    secureWipe(sql);
    if (rc != SQLITE_OK) return lastError(rc, what);
    return Ok{};
}

void SqlCipherDb::setBusyTimeout(int timeout_ms)
{
    sqlite3_busy_timeout(db_, timeout_ms);
}

QString SqlCipherDb::libraryVersion()
{
    return QString::fromLatin1(sqlite3_libversion());
}

qint64 SqlCipherDb::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(db_);
}

int SqlCipherDb::changes() const
{
    return sqlite3_changes(db_);
}

Error SqlCipherDb::lastError(int rc, const QString& what) const
{
    return makeSqlError(rc, what, QString::fromUtf8(sqlite3_errmsg(db_)));
}

bool SqlCipherDb::isNotADatabase(int rc)
{
    return (rc & 0xff) == SQLITE_NOTADB;
}

Error SqlCipherDb::makeSqlError(int rc, const QString& what, const QString& sqlite_message)
{
    QString meaning;
    switch (rc & 0xff) {
        case SQLITE_FULL:
            meaning = tr("disk full: free space on the store's disk");
            break;
        case SQLITE_NOTADB:
            meaning =
                tr("wrong key or not a database: check the key file or credential; the file "
                   "was left untouched");
            break;
        case SQLITE_CORRUPT:
            meaning = tr("the store file is corrupt; it was left untouched for recovery");
            break;
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            meaning = tr("the store is busy: another process or connection holds a lock");
            break;
        case SQLITE_READONLY:
            meaning = tr("the store is read-only: check file permissions and the file system");
            break;
        case SQLITE_CANTOPEN:
            meaning =
                tr("cannot open the store file: check that the folder exists and is writable");
            break;
        case SQLITE_PERM:
        case SQLITE_AUTH:
            meaning = tr("permission denied");
            break;
        case SQLITE_IOERR:
            meaning = tr("input/output error on the store's disk");
            break;
        case SQLITE_NOMEM:
            meaning = tr("out of memory");
            break;
        case SQLITE_CONSTRAINT:
            meaning = tr("a constraint was violated");
            break;
        default:
            meaning = tr("SQLite error %1").arg(rc);
            break;
    }
    QString detail = what.isEmpty() ? meaning : what + u": "_qs + meaning;
    if (!sqlite_message.isEmpty()) detail += u" ("_qs + sqlite_message + u')';
    return makeError(ErrorCode::Storage, detail);
}

}  // namespace mk::store
