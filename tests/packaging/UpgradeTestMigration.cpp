// The packaging test's "newer version" (test-packaging.sh, upgrade and rollback): medkiosk and
// medkioskctl exactly as built, linked with one more store migration after the shipped ones. The
// link wraps Migrations::all() and Migrations::latestVersion() (ld --wrap, tests/packaging/
// CMakeLists.txt), so Store::open runs the real Migrations::migrate over the store the older
// package made: a new table filled from existing records and a column added to a table that holds
// a record (the staff PIN). Never shipped: the targets are built only by the packaging test.
#include "core/store/Migrations.h"

#include <span>
#include <vector>

using mk::store::Migration;

// The mangled names of mk::store::Migrations::all() and ::latestVersion() (static members: the
// same calling convention as these free functions).
extern "C" {
std::span<const Migration> __real__ZN2mk5store10Migrations3allEv();
std::span<const Migration> __wrap__ZN2mk5store10Migrations3allEv();
int __wrap__ZN2mk5store10Migrations13latestVersionEv();
}

namespace {

const std::vector<Migration>& withUpgradeTest()
{
    static const std::vector<Migration> all = [] {
        const std::span<const Migration> shipped = __real__ZN2mk5store10Migrations3allEv();
        std::vector<Migration> list(shipped.begin(), shipped.end());
        list.push_back(
            {list.empty() ? 1 : list.back().version + 1, "upgrade-test",
             "CREATE TABLE upgrade_probe ("
             "  id INTEGER PRIMARY KEY NOT NULL,"
             "  outbox_rows INTEGER NOT NULL,"
             "  staff_pins INTEGER NOT NULL"
             ");"
             "INSERT INTO upgrade_probe(outbox_rows, staff_pins)"
             "  SELECT (SELECT count(*) FROM outbox), (SELECT count(*) FROM staff_pin);"
             "ALTER TABLE staff_pin ADD COLUMN upgrade_probe TEXT NOT NULL DEFAULT 'migrated';"});
        return list;
    }();
    return all;
}

}  // namespace

std::span<const Migration> __wrap__ZN2mk5store10Migrations3allEv()
{
    return withUpgradeTest();
}

int __wrap__ZN2mk5store10Migrations13latestVersionEv()
{
    return withUpgradeTest().back().version;
}
