// Internal to the outbox: SQL helpers shared by Outbox.cpp and OutboxQueries.cpp.
#pragma once

#include "core/common/Result.h"
#include "core/outbox/OutboxRecord.h"
#include "core/store/SqlCipherDb.h"
#include "core/store/SqlStatement.h"

#include <QList>

namespace mk::outbox {

using store::SqlCipherDb;
using store::SqlStatement;

namespace sql {

inline constexpr const char* kColumns =
    "id, kind, ordering_key, payload, idempotency_key, created_at_ms, attempts, "
    "next_attempt_at_ms, last_error, state, result, finished_at_ms";

inline QDateTime fromMs(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}

inline OutboxRecord readRecord(const SqlStatement& s)
{
    OutboxRecord r;
    r.id = s.columnInt64(0);
    r.kind = s.columnText(1);
    r.ordering_key = s.columnText(2);
    r.payload = s.columnBlob(3);
    r.idempotency_key = s.columnText(4);
    r.created_at = fromMs(s.columnInt64(5));
    r.attempts = int(s.columnInt64(6));
    r.next_attempt_at = fromMs(s.columnInt64(7));
    r.last_error = s.columnText(8);
    r.state = stateFromName(s.columnText(9)).value_or(CommandState::Queued);
    r.result = s.columnBlob(10);
    r.finished_at = fromMs(s.columnInt64(11));
    return r;
}

inline Result<QList<OutboxRecord>> readAll(SqlStatement& s)
{
    QList<OutboxRecord> out;
    for (;;) {
        auto step = s.step();
        if (!step) return step.error();
        if (step.value() == SqlStatement::Step::Done) break;
        out.append(readRecord(s));
    }
    return out;
}

// Binds each value in order (1-based).
template<typename... Args>
Status bindAll(SqlStatement& s, const Args&... args)
{
    int index = 0;
    Status result = Ok{};
    auto one = [&](const auto& v) {
        ++index;
        if (result.ok()) result = s.bind(index, v);
    };
    (one(args), ...);
    return result;
}

inline Result<qint64> queryInt(SqlCipherDb& db, const QByteArray& sql,
                               const QString& text_arg = QString())
{
    auto stmt = db.prepare(sql);
    if (!stmt) return stmt.error();
    if (!text_arg.isNull()) {
        if (Status b = stmt.value().bind(1, text_arg); !b) return b.error();
    }
    auto step = stmt.value().step();
    if (!step) return step.error();
    if (step.value() == SqlStatement::Step::Done || stmt.value().isNull(0)) return qint64(0);
    return stmt.value().columnInt64(0);
}

inline Status setMeta(SqlCipherDb& db, const QString& key, const QString& value)
{
    auto stmt = db.prepare(
        QByteArrayLiteral("INSERT OR REPLACE INTO outbox_meta(key, value) VALUES (?1, ?2)"));
    if (!stmt) return stmt.error();
    if (Status b = bindAll(stmt.value(), key, value); !b) return b;
    return stmt.value().run();
}

}  // namespace sql

}  // namespace mk::outbox
