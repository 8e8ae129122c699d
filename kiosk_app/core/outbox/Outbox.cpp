#include "core/outbox/Outbox.h"

#include "core/common/Log.h"
#include "core/outbox/OutboxSql.h"
#include "core/store/SqlCipherDb.h"
#include "core/store/SqlStatement.h"
#include "core/store/Store.h"

#include <QUuid>

#include <algorithm>

namespace mk::outbox {

using namespace sql;

Outbox::Outbox(store::Store& store) : store_(store) {}

void Outbox::setFailureInjector(FailureInjector injector)
{
    std::lock_guard lock(injector_mutex_);
    injector_ = std::move(injector);
}

Status Outbox::inject(const char* name)
{
    const qint64 n = ++operations_;
    std::lock_guard lock(injector_mutex_);
    if (injector_ && injector_(n, name)) {
        return makeError(ErrorCode::Storage,
                         QStringLiteral("injected failure of store operation %1 (%2)")
                             .arg(n)
                             .arg(QLatin1String(name)));
    }
    return Ok{};
}

Status Outbox::write(const char* name, const LocalWrites& fn)
{
    return store_.withTransaction([&](SqlCipherDb& db) -> Status {
        if (Status s = fn(db); !s) return s;
        return inject(name);  // after the writes: an injected failure rolls them back
    });
}

Result<QList<qint64>> Outbox::enqueue(const QList<Command>& commands, const LocalWrites& local)
{
    QList<qint64> ids;
    const qint64 now_ms = QDateTime::currentMSecsSinceEpoch();
    Status s = write("enqueue", [&](SqlCipherDb& db) -> Status {
        ids.clear();
        if (local) {
            if (Status l = local(db); !l) return l;
        }
        // Kept prepared on the connection: preparing costs about as much as writing a page.
        auto stmt = db.cached(QByteArrayLiteral(
            "INSERT INTO outbox(kind, ordering_key, payload, idempotency_key, created_at_ms, "
            "next_attempt_at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?5)"));
        if (!stmt) return stmt.error();
        for (const Command& c : commands) {
            if (c.kind.isEmpty() || c.ordering_key.isEmpty()) {
                return makeError(ErrorCode::BadRequest,
                                 tr("an outbox command needs a kind and an ordering key"));
            }
            SqlStatement& st = *stmt.value();
            st.reset();
            const QString key = c.idempotency_key.isEmpty()
                                    ? QUuid::createUuid().toString(QUuid::WithoutBraces)
                                    : c.idempotency_key;
            if (Status b = bindAll(st, c.kind, c.ordering_key, c.payload, key, now_ms); !b)
                return b;
            if (Status r = st.run(); !r) return r;
            ids.append(db.lastInsertRowId());
        }
        return Ok{};
    });
    if (!s) {
        qCWarning(lcStore) << "outbox enqueue failed:" << s.error().detail;
        return s.error();
    }
    return ids;
}

Result<qint64> Outbox::enqueue(const Command& command, const LocalWrites& local)
{
    auto ids = enqueue(QList<Command>{command}, local);
    if (!ids) return ids.error();
    return ids.value().value(0);
}

Result<QList<OutboxRecord>> Outbox::due(const QDateTime& now, int limit, const QSet<qint64>& skip)
{
    QList<OutboxRecord> out;
    Status s = write("due", [&](SqlCipherDb& db) -> Status {
        auto stmt = db.cached(
            QByteArrayLiteral("SELECT ") + kColumns +
            QByteArrayLiteral(
                " FROM outbox o WHERE o.state = 'queued' AND o.next_attempt_at_ms <= ?1"
                " AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.ordering_key = o.ordering_key"
                "   AND p.state IN ('queued', 'dead') AND p.id < o.id)"
                " ORDER BY o.next_attempt_at_ms, o.id LIMIT ?2"));
        if (!stmt) return stmt.error();
        SqlStatement& st = *stmt.value();
        if (Status b = bindAll(st, now.toMSecsSinceEpoch(), qint64(limit) + skip.size()); !b)
            return b;
        while (out.size() < limit) {
            auto step = st.step();
            if (!step) return step.error();
            if (step.value() == SqlStatement::Step::Done) break;
            if (skip.contains(st.columnInt64(0))) continue;  // only its id is read
            out.append(sql::readRecord(st));
        }
        return Ok{};
    });
    if (!s) return s.error();
    return out;
}

Result<std::optional<QDateTime>> Outbox::nextAttemptAt()
{
    std::optional<QDateTime> next;
    Status s = write("next", [&](SqlCipherDb& db) -> Status {
        auto stmt = db.prepare(QByteArrayLiteral(
            "SELECT COUNT(*), MIN(o.next_attempt_at_ms) FROM outbox o WHERE o.state = 'queued'"
            " AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.ordering_key = o.ordering_key"
            "   AND p.state IN ('queued', 'dead') AND p.id < o.id)"));
        if (!stmt) return stmt.error();
        auto step = stmt.value().step();
        if (!step) return step.error();
        if (step.value() == SqlStatement::Step::Done) return Ok{};
        const qint64 count = stmt.value().columnInt64(0);
        const qint64 first_ms = stmt.value().columnInt64(1);
        if (count > 0) next = QDateTime::fromMSecsSinceEpoch(first_ms, Qt::UTC);
        return Ok{};
    });
    if (!s) return s.error();
    return next;
}

Status Outbox::markSent(qint64 id, int attempts, const QByteArray& result, const QDateTime& now)
{
    return markSent(QList<SentMark>{SentMark{id, attempts, result, now}});
}

Status Outbox::markSent(const QList<SentMark>& marks)
{
    if (marks.isEmpty()) return Ok{};
    return write("mark-sent", [&](SqlCipherDb& db) -> Status {
        auto stmt = db.prepare(QByteArrayLiteral(
            "UPDATE OR FAIL outbox SET state = 'sent', attempts = ?2, result = ?3, last_error = '',"
            " finished_at_ms = ?4 WHERE id = ?1 AND state = 'queued'"));
        if (!stmt) return stmt.error();
        qint64 last_ms = 0;
        for (const SentMark& m : marks) {
            SqlStatement& st = stmt.value();
            st.reset();
            const qint64 at_ms = m.at.toMSecsSinceEpoch();
            if (Status b = bindAll(st, m.id, qint64(m.attempts), m.result, at_ms); !b) return b;
            if (Status r = st.run(); !r) return r;
            last_ms = std::max(last_ms, at_ms);
        }
        return setMeta(db, QStringLiteral("last_sync_ms"), QString::number(last_ms));
    });
}

Status Outbox::markRetry(qint64 id, int attempts, const QDateTime& next_attempt_at,
                         const QString& error)
{
    return write("mark-retry", [&](SqlCipherDb& db) -> Status {
        auto stmt = db.prepare(QByteArrayLiteral(
            "UPDATE OR FAIL outbox SET attempts = ?2, next_attempt_at_ms = ?3, last_error = ?4"
            " WHERE id = ?1 AND state = 'queued'"));
        if (!stmt) return stmt.error();
        if (Status b = bindAll(stmt.value(), id, qint64(attempts),
                               next_attempt_at.toMSecsSinceEpoch(), error);
            !b)
            return b;
        return stmt.value().run();
    });
}

Status Outbox::markDead(qint64 id, int attempts, const QString& error, const QDateTime& now)
{
    return write("mark-dead", [&](SqlCipherDb& db) -> Status {
        auto stmt = db.prepare(QByteArrayLiteral(
            "UPDATE OR FAIL outbox SET state = 'dead', attempts = ?2, last_error = ?3,"
            " finished_at_ms = ?4 WHERE id = ?1 AND state = 'queued'"));
        if (!stmt) return stmt.error();
        if (Status b = bindAll(stmt.value(), id, qint64(attempts), error, now.toMSecsSinceEpoch());
            !b)
            return b;
        return stmt.value().run();
    });
}

}  // namespace mk::outbox
