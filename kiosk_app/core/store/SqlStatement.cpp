#include "core/store/SqlStatement.h"

#include "core/store/SqlCipherDb.h"

#include <QCoreApplication>

#include <sqlite3.h>

#include <utility>

namespace mk::store {

namespace {

// sqlite copies the bound bytes. SQLITE_TRANSIENT is sqlite's own ((destructor)-1) marker.
const sqlite3_destructor_type kCopy = SQLITE_TRANSIENT;  // NOLINT(performance-no-int-to-ptr)

Status bindResult(sqlite3* db, int rc)
{
    if (rc == SQLITE_OK) return Ok{};
    return SqlCipherDb::makeSqlError(
        rc, QCoreApplication::translate("mk::store::SqlStatement", "cannot bind a value"),
        QString::fromUtf8(sqlite3_errmsg(db)));
}

}  // namespace

SqlStatement::~SqlStatement()
{
    finalize();
}

SqlStatement::SqlStatement(SqlStatement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), stmt_(std::exchange(other.stmt_, nullptr))
{}

SqlStatement& SqlStatement::operator=(SqlStatement&& other) noexcept
{
    if (this != &other) {
        finalize();
        db_ = std::exchange(other.db_, nullptr);
        stmt_ = std::exchange(other.stmt_, nullptr);
    }
    return *this;
}

void SqlStatement::finalize()
{
    if (stmt_ != nullptr) sqlite3_finalize(stmt_);
    stmt_ = nullptr;
}

Status SqlStatement::bind(int index, const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    return bindResult(db_,
                      sqlite3_bind_text(stmt_, index, utf8.constData(), int(utf8.size()), kCopy));
}

Status SqlStatement::bind(int index, const QByteArray& blob)
{
    // A null QByteArray would bind NULL; an empty payload is still a (zero-length) blob.
    return bindResult(db_, blob.isNull() ? sqlite3_bind_zeroblob(stmt_, index, 0)
                                         : sqlite3_bind_blob(stmt_, index, blob.constData(),
                                                             int(blob.size()), kCopy));
}

Status SqlStatement::bind(int index, qint64 value)
{
    return bindResult(db_, sqlite3_bind_int64(stmt_, index, value));
}

Status SqlStatement::bindNull(int index)
{
    return bindResult(db_, sqlite3_bind_null(stmt_, index));
}

Result<SqlStatement::Step> SqlStatement::step()
{
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return Step::Row;
    if (rc == SQLITE_DONE) return Step::Done;
    return SqlCipherDb::makeSqlError(
        rc, QCoreApplication::translate("mk::store::SqlStatement", "statement failed"),
        QString::fromUtf8(sqlite3_errmsg(db_)));
}

Status SqlStatement::run()
{
    for (;;) {
        auto s = step();
        if (!s) return s.error();
        if (s.value() == Step::Done) return Ok{};
    }
}

void SqlStatement::reset()
{
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

int SqlStatement::columnCount() const
{
    return sqlite3_column_count(stmt_);
}

bool SqlStatement::isNull(int column) const
{
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

QString SqlStatement::columnText(int column) const
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    const int size_bytes = sqlite3_column_bytes(stmt_, column);
    if (text == nullptr) return {};
    return QString::fromUtf8(text, size_bytes);
}

QByteArray SqlStatement::columnBlob(int column) const
{
    const void* data = sqlite3_column_blob(stmt_, column);
    const int size_bytes = sqlite3_column_bytes(stmt_, column);
    if (data == nullptr) return {};
    return QByteArray(static_cast<const char*>(data), size_bytes);
}

qint64 SqlStatement::columnInt64(int column) const
{
    return sqlite3_column_int64(stmt_, column);
}

}  // namespace mk::store
