// A prepared SQLCipher statement, finalized on destruction. Move-only. Bind indexes are 1-based,
// column indexes 0-based, as in the C API.
#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace mk::store {

class SqlStatement
{
public:
    enum class Step { Row = 1, Done };

    SqlStatement() = default;
    SqlStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
    ~SqlStatement();
    SqlStatement(SqlStatement&& other) noexcept;
    SqlStatement& operator=(SqlStatement&& other) noexcept;
    SqlStatement(const SqlStatement&) = delete;
    SqlStatement& operator=(const SqlStatement&) = delete;

    bool isValid() const { return stmt_ != nullptr; }

    Status bind(int index, const QString& text);
    Status bind(int index, const QByteArray& blob);
    Status bind(int index, qint64 value);
    Status bindNull(int index);

    // Row when a row is available, Done when the statement finished; an Error otherwise.
    Result<Step> step();
    // Steps to the end (for INSERT/UPDATE/DELETE); an Error if it fails.
    Status run();
    // Makes the statement ready to run again; bindings are cleared too.
    void reset();

    int columnCount() const;
    bool isNull(int column) const;
    QString columnText(int column) const;
    QByteArray columnBlob(int column) const;
    qint64 columnInt64(int column) const;

private:
    void finalize();
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace mk::store
