// Outbox: staff actions (retry, discard, with audit), listings and the queue status.
#include "core/common/Log.h"
#include "core/outbox/Outbox.h"
#include "core/outbox/OutboxSql.h"
#include "core/store/Store.h"

namespace mk::outbox {

using namespace sql;

namespace {

Status writeAudit(SqlCipherDb& db, qint64 id, const QString& action, const QString& who,
                  const QString& why, const QDateTime& now)
{
    auto stmt =
        db.prepare(QByteArrayLiteral("INSERT INTO outbox_audit(outbox_id, action, who, why, at_ms) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5)"));
    if (!stmt) return stmt.error();
    if (Status b = bindAll(stmt.value(), id, action, who, why, now.toMSecsSinceEpoch()); !b)
        return b;
    return stmt.value().run();
}

Result<QString> stateOf(SqlCipherDb& db, qint64 id)
{
    auto stmt = db.prepare(QByteArrayLiteral("SELECT state FROM outbox WHERE id = ?1"));
    if (!stmt) return stmt.error();
    if (Status b = stmt.value().bind(1, id); !b) return b.error();
    auto step = stmt.value().step();
    if (!step) return step.error();
    if (step.value() == SqlStatement::Step::Done) {
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("mk::outbox::Outbox", "there is no outbox record %1")
                .arg(id));
    }
    return stmt.value().columnText(0);
}

}  // namespace

Status Outbox::retry(qint64 id, const QString& who, const QString& why, const QDateTime& now)
{
    if (who.trimmed().isEmpty()) return makeError(ErrorCode::BadRequest, tr("who is required"));
    return write("retry", [&](SqlCipherDb& db) -> Status {
        auto state = stateOf(db, id);
        if (!state) return state.error();
        if (state.value() != stateName(CommandState::Dead) &&
            state.value() != stateName(CommandState::Discarded)) {
            return makeError(ErrorCode::BadRequest,
                             tr("record %1 is %2: only dead or discarded records can be retried")
                                 .arg(id)
                                 .arg(state.value()));
        }
        auto stmt = db.prepare(QByteArrayLiteral(
            "UPDATE outbox SET state = 'queued', attempts = 0, next_attempt_at_ms = ?2,"
            " finished_at_ms = 0 WHERE id = ?1"));
        if (!stmt) return stmt.error();
        if (Status b = bindAll(stmt.value(), id, now.toMSecsSinceEpoch()); !b) return b;
        if (Status r = stmt.value().run(); !r) return r;
        qCInfo(lcStore) << "outbox record" << id << "queued again by staff";
        return writeAudit(db, id, QStringLiteral("retry"), who, why, now);
    });
}

Status Outbox::discard(qint64 id, const QString& who, const QString& why, const QDateTime& now)
{
    if (who.trimmed().isEmpty() || why.trimmed().isEmpty())
        return makeError(ErrorCode::BadRequest, tr("who and a reason are required"));
    return write("discard", [&](SqlCipherDb& db) -> Status {
        auto state = stateOf(db, id);
        if (!state) return state.error();
        if (state.value() != stateName(CommandState::Dead) &&
            state.value() != stateName(CommandState::Queued)) {
            return makeError(ErrorCode::BadRequest,
                             tr("record %1 is %2: only queued or dead records can be discarded")
                                 .arg(id)
                                 .arg(state.value()));
        }
        auto stmt = db.prepare(QByteArrayLiteral(
            "UPDATE outbox SET state = 'discarded', finished_at_ms = ?2 WHERE id = ?1"));
        if (!stmt) return stmt.error();
        if (Status b = bindAll(stmt.value(), id, now.toMSecsSinceEpoch()); !b) return b;
        if (Status r = stmt.value().run(); !r) return r;
        qCInfo(lcStore) << "outbox record" << id << "discarded by staff";
        return writeAudit(db, id, QStringLiteral("discard"), who, why, now);
    });
}

Result<std::optional<OutboxRecord>> Outbox::record(qint64 id)
{
    std::optional<OutboxRecord> out;
    Status s = write("record", [&](SqlCipherDb& db) -> Status {
        auto stmt = db.prepare(QByteArrayLiteral("SELECT ") + kColumns +
                               QByteArrayLiteral(" FROM outbox WHERE id = ?1"));
        if (!stmt) return stmt.error();
        if (Status b = stmt.value().bind(1, id); !b) return b;
        auto rows = readAll(stmt.value());
        if (!rows) return rows.error();
        if (!rows.value().isEmpty()) out = rows.value().first();
        return Ok{};
    });
    if (!s) return s.error();
    return out;
}

Result<QList<OutboxRecord>> Outbox::list(std::optional<CommandState> state, int limit)
{
    QList<OutboxRecord> out;
    Status s = write("list", [&](SqlCipherDb& db) -> Status {
        auto stmt =
            db.prepare(QByteArrayLiteral("SELECT ") + kColumns +
                       QByteArrayLiteral(
                           " FROM outbox WHERE (?1 = '' OR state = ?1) ORDER BY id DESC LIMIT ?2"));
        if (!stmt) return stmt.error();
        const QString wanted = state ? stateName(*state) : QStringLiteral("");
        if (Status b = bindAll(stmt.value(), wanted, qint64(limit)); !b) return b;
        auto rows = readAll(stmt.value());
        if (!rows) return rows.error();
        out = std::move(rows).value();
        return Ok{};
    });
    if (!s) return s.error();
    return out;
}

Result<QList<AuditEntry>> Outbox::audit(qint64 outbox_id)
{
    QList<AuditEntry> out;
    Status s = write("audit", [&](SqlCipherDb& db) -> Status {
        auto stmt = db.prepare(
            QByteArrayLiteral("SELECT id, outbox_id, action, who, why, at_ms FROM outbox_audit"
                              " WHERE ?1 = 0 OR outbox_id = ?1 ORDER BY id"));
        if (!stmt) return stmt.error();
        if (Status b = stmt.value().bind(1, outbox_id); !b) return b;
        for (;;) {
            auto step = stmt.value().step();
            if (!step) return step.error();
            if (step.value() == SqlStatement::Step::Done) break;
            const SqlStatement& st = stmt.value();
            out.append(AuditEntry{st.columnInt64(0), st.columnInt64(1), st.columnText(2),
                                  st.columnText(3), st.columnText(4), fromMs(st.columnInt64(5))});
        }
        return Ok{};
    });
    if (!s) return s.error();
    return out;
}

Result<QueueStatus> Outbox::status(const QDateTime& now)
{
    QueueStatus q;
    q.taken_at = now;
    Status s = write("status", [&](SqlCipherDb& db) -> Status {
        auto stmt = db.prepare(QByteArrayLiteral(
            "SELECT state, COUNT(*), MIN(created_at_ms) FROM outbox GROUP BY state"));
        if (!stmt) return stmt.error();
        for (;;) {
            auto step = stmt.value().step();
            if (!step) return step.error();
            if (step.value() == SqlStatement::Step::Done) break;
            const std::optional<CommandState> st = stateFromName(stmt.value().columnText(0));
            const int count = int(stmt.value().columnInt64(1));
            if (st == CommandState::Queued) {
                q.waiting = count;
                q.oldest_waiting_created_at = fromMs(stmt.value().columnInt64(2));
            } else if (st == CommandState::Dead) {
                q.dead = count;
            } else if (st == CommandState::Sent) {
                q.sent = count;
            } else if (st == CommandState::Discarded) {
                q.discarded = count;
            }
        }
        auto meta = db.prepare(QByteArrayLiteral("SELECT key, value FROM outbox_meta"));
        if (!meta) return meta.error();
        for (;;) {
            auto step = meta.value().step();
            if (!step) return step.error();
            if (step.value() == SqlStatement::Step::Done) break;
            const QString key = meta.value().columnText(0);
            const QString value = meta.value().columnText(1);
            if (key == QLatin1String("last_sync_ms")) {
                q.last_successful_sync = fromMs(value.toLongLong());
            } else if (key == QLatin1String("online")) {
                q.connectivity_known = true;
                q.online = value == QLatin1String("1");
            } else if (key == QLatin1String("offline_since_ms")) {
                q.offline_since = fromMs(value.toLongLong());
            }
        }
        return Ok{};
    });
    if (!s) return s.error();
    if (q.online) q.offline_since = QDateTime();
    if (q.oldest_waiting_created_at.isValid()) {
        q.oldest_waiting_age_s = std::max<qint64>(0, q.oldest_waiting_created_at.secsTo(now));
    }
    return q;
}

Status Outbox::recordConnectivity(bool online, const QDateTime& offline_since)
{
    return write("connectivity", [&](SqlCipherDb& db) -> Status {
        if (Status m = setMeta(db, QStringLiteral("online"),
                               online ? QStringLiteral("1") : QStringLiteral("0"));
            !m)
            return m;
        return setMeta(db, QStringLiteral("offline_since_ms"),
                       QString::number(offline_since.isValid() ? offline_since.toMSecsSinceEpoch()
                                                               : qint64(0)));
    });
}

}  // namespace mk::outbox
