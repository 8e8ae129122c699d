// A small RAII wrapper over the SQLCipher C API (DESIGN §6: never Qt's QSQLITE driver). One
// connection; not thread-safe by itself (Store guards it with a mutex). SQLCipher 3.4.1 is SQLite
// 3.15: no UPSERT, no json functions.
#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <map>
#include <memory>
#include <utility>

struct sqlite3;

namespace mk::store {

class SecureKey;
class SqlStatement;

// A statement kept by SqlCipherDb::cached(), used like a SqlStatement; reset (its rows and
// bindings let go, no read left open) when this handle goes out of scope.
class CachedStatement
{
public:
    explicit CachedStatement(SqlStatement* statement) : statement_(statement) {}
    ~CachedStatement();
    CachedStatement(CachedStatement&& other) noexcept
        : statement_(std::exchange(other.statement_, nullptr))
    {}
    CachedStatement& operator=(CachedStatement&&) = delete;
    CachedStatement(const CachedStatement&) = delete;
    CachedStatement& operator=(const CachedStatement&) = delete;

    SqlStatement& operator*() const { return *statement_; }
    SqlStatement* operator->() const { return statement_; }

private:
    SqlStatement* statement_;
};

class SqlCipherDb
{
    Q_DECLARE_TR_FUNCTIONS(mk::store::SqlCipherDb)

public:
    enum class OpenMode { ReadWriteCreate = 1, ReadWrite, ReadOnly };

    ~SqlCipherDb();
    SqlCipherDb(const SqlCipherDb&) = delete;
    SqlCipherDb& operator=(const SqlCipherDb&) = delete;

    // The one way every program of ours opens an encrypted store (the kiosk's Store, the
    // inspector, recovery, the benchmarks): opens the file, keys it with the raw key (the statement
    // text wiped after use), refuses a library without SQLCipher (PRAGMA cipher_version empty:
    // PRAGMA key would be ignored and the file plaintext, DESIGN §6) and sets cipher_page_size to
    // Store::kCipherPageSizeBytes. Nothing of the file is read yet: the first read shows a wrong
    // key. cipherVersion() then says which SQLCipher it is.
    static Result<std::unique_ptr<SqlCipherDb>> openKeyed(const QString& path, OpenMode mode,
                                                          const SecureKey& key);
    // Opens the file unkeyed (":memory:" for an in-memory database). Nothing is read or written
    // yet. Use openKeyed for a store.
    static Result<std::unique_ptr<SqlCipherDb>> open(const QString& path,
                                                     OpenMode mode = OpenMode::ReadWriteCreate);

    // Runs one or more statements that return no rows of interest.
    Status exec(const QByteArray& sql);
    // Prepares one statement; the statement must not outlive this database.
    Result<SqlStatement> prepare(const QByteArray& sql);
    // The statement for `sql` prepared once on this connection and kept for the next call: for the
    // statements a hot transaction runs every time (a payment, an outbox enqueue; preparing one
    // costs about as much as writing a page). Owned by this database; the handle resets it. Not
    // for two uses of the same text at once.
    Result<CachedStatement> cached(const QByteArray& sql);
    // The first column of the first row as text, or an empty string when there is no row.
    Result<QString> queryText(const QByteArray& sql);
    // Every row's first column as text (PRAGMA quick_check, integrity_check).
    Result<QStringList> queryTextColumn(const QByteArray& sql);

    // PRAGMA key with the raw key; the statement text is built in one buffer and wiped after use.
    Status setKey(const SecureKey& key);
    // PRAGMA key with a raw-key literal x'<64 hex>' (SecureKey::pragmaLiteral): for tests that
    // build foreign files by hand. The statement text is wiped after use; the caller wipes the
    // literal.
    Status setKey(const QByteArray& pragma_literal);
    // PRAGMA rekey with the raw key (SQLCipher re-encrypts every page in one transaction: a
    // failure or a crash leaves the store on the old key). The statement text is wiped after use.
    // Used only by StoreRekey, on a connection that holds the store exclusively.
    Status rekey(const SecureKey& new_key);
    // The SQLCipher version found by openKeyed (empty for an unkeyed connection).
    QString cipherVersion() const { return cipher_version_; }
    void setBusyTimeout(int timeout_ms);

    // The SQLite version the linked library reports (SQLCipher 3.4.1 says 3.15.2).
    static QString libraryVersion();

    qint64 lastInsertRowId() const;
    int changes() const;
    sqlite3* handle() const { return db_; }
    QString path() const { return path_; }

    // Maps an SQLite result code (extended or primary) to an mk::Error of ErrorCode::Storage
    // whose detail says what happened in words IT staff understand, plus SQLite's message.
    static Error makeSqlError(int rc, const QString& what, const QString& sqlite_message);
    Error lastError(int rc, const QString& what) const;
    // True when the code means the file is not readable with this key (or not a database).
    static bool isNotADatabase(int rc);

private:
    SqlCipherDb() = default;
    // Runs head + literal + "\";" from one buffer that is wiped after use.
    Status keyPragma(const char* head, const QByteArray& pragma_literal, const QString& what);
    std::map<QByteArray, std::unique_ptr<SqlStatement>> cached_;
    sqlite3* db_ = nullptr;
    QString path_;
    QString cipher_version_;
};

}  // namespace mk::store
