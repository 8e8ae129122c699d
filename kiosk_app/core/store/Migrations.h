// Numbered schema migrations of the store, recorded in the table schema_migrations. A migration
// runs once, in its own transaction together with its row in schema_migrations. To change the
// schema, append an entry to the list in Migrations.cpp; never edit or reorder a shipped one.
#pragma once

#include "core/common/Result.h"

#include <QCoreApplication>

#include <span>

namespace mk::store {

class SqlCipherDb;

struct Migration {
    int version = 0;        // 1, 2, 3... without gaps
    const char* name = "";  // short, for schema_migrations and diagnostics
    const char* sql = "";   // one or more statements (SQLite 3.15: no UPSERT, no json)
};

class Migrations
{
    Q_DECLARE_TR_FUNCTIONS(mk::store::Migrations)

public:
    static std::span<const Migration> all();
    static int latestVersion();

    // The highest applied version (0 for a new database). Creates schema_migrations if absent.
    static Result<int> currentVersion(SqlCipherDb& db);
    // Applies every migration above the current version, in order; returns the new version.
    // Refuses a database newer than this program (a downgrade) without touching it.
    static Result<int> migrate(SqlCipherDb& db, std::span<const Migration> migrations = all());
};

}  // namespace mk::store
