#include "core/store/StoreRecovery.h"

#include "core/common/Log.h"
#include "core/store/SqlCipherDb.h"
#include "core/store/Store.h"

#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

namespace mk::store {
namespace {

// rc of the first step of sql, and its first text column.
int stepOnce(sqlite3* db, const char* sql, QString* first_text)
{
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW && first_text != nullptr) {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
            *first_text = text != nullptr ? QString::fromUtf8(text) : QString();
        }
    }
    sqlite3_finalize(stmt);
    return rc;
}

bool isDamage(int rc)
{
    const int primary = rc & 0xff;
    return primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT;
}

}  // namespace

StoreRecovery::Verdict StoreRecovery::diagnose(const QString& path, const SecureKey& key,
                                               QString* detail)
{
    auto say = [detail](const QString& text) {
        if (detail != nullptr) *detail = text;
    };
    if (!QFileInfo(path).isFile()) {
        say(tr("no store file"));
        return Verdict::Unknown;
    }
    // Keyed, SQLCipher checked and the page size set exactly as Store::open does: without
    // SQLCipher every store would look unreadable, and a good store must never be moved aside.
    auto opened = SqlCipherDb::openKeyed(path, SqlCipherDb::OpenMode::ReadOnly, key);
    if (!opened) {
        say(opened.error().detail);
        return Verdict::Unknown;
    }
    SqlCipherDb& db = *opened.value();
    int rc = stepOnce(db.handle(), "SELECT count(*) FROM sqlite_master", nullptr);
    if (isDamage(rc)) {
        say(tr("not readable with this key (wrong key, not a store, or damaged)"));
        return Verdict::Unreadable;
    }
    if (rc != SQLITE_ROW) {
        say(SqlCipherDb::makeSqlError(rc, QString(), QString()).detail);
        return Verdict::Unknown;
    }
    QString check;
    rc = stepOnce(db.handle(), "PRAGMA quick_check", &check);
    if (isDamage(rc) || (rc == SQLITE_ROW && check != QLatin1String("ok"))) {
        say(tr("damaged: the quick check found problems"));
        return Verdict::Unreadable;
    }
    if (rc != SQLITE_ROW) {
        say(SqlCipherDb::makeSqlError(rc, QString(), QString()).detail);
        return Verdict::Unknown;
    }
    say(tr("readable"));
    return Verdict::Readable;
}

Result<QString> StoreRecovery::moveAside(const QString& path, const QDateTime& now)
{
    const QString stamp = now.toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = path + QStringLiteral(".unreadable-") + stamp;
    for (int n = 2; QFileInfo::exists(target); ++n) {
        target =
            path + QStringLiteral(".unreadable-") + stamp + QLatin1Char('-') + QString::number(n);
    }
    if (!QFile::rename(path, target)) {
        return makeError(ErrorCode::Storage,
                         tr("cannot move the store %1 aside to %2").arg(path, target));
    }
    for (const QLatin1String suffix : {QLatin1String("-wal"), QLatin1String("-shm")}) {
        const QString companion = path + suffix;
        if (QFileInfo::exists(companion) && !QFile::rename(companion, target + suffix)) {
            return makeError(ErrorCode::Storage,
                             tr("cannot move %1 aside to %2").arg(companion, target + suffix));
        }
    }
    qCWarning(lcStore) << "unreadable store moved aside to" << target;
    return target;
}

}  // namespace mk::store
