// The outbox of the encrypted store (DESIGN §4, docs/outbox.md): every command that must reach
// the pool is written in the same transaction as its local effect, with an idempotency key made
// before the first send. The Relay reads due records and records each attempt's outcome here.
// Thread-safe (the Store serialises access); call it from worker threads, never the UI thread.
#pragma once

#include "core/common/Result.h"
#include "core/outbox/OutboxRecord.h"
#include "core/outbox/QueueStatus.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>

namespace mk::store {
class Store;
class SqlCipherDb;
}  // namespace mk::store

namespace mk::outbox {

class Outbox
{
    Q_DECLARE_TR_FUNCTIONS(mk::outbox::Outbox)

public:
    // The caller's local writes, run inside the outbox's transaction.
    using LocalWrites = std::function<Status(store::SqlCipherDb&)>;
    // Test hook: called before each store operation with its 1-based sequence number and name;
    // returning true makes that operation fail (ErrorCode::Storage, "injected failure") after
    // its writes were made inside the transaction, so they roll back.
    using FailureInjector = std::function<bool(qint64 operation, const char* name)>;

    explicit Outbox(store::Store& store);

    // Runs `local` (may be empty) and inserts every command in ONE transaction: either the local
    // effect and all its commands commit together, or nothing does. Each command gets a fresh
    // UUID idempotency key (or the one the command brings) and is due at once. Returns the new
    // record ids, in order.
    Result<QList<qint64>> enqueue(const QList<Command>& commands, const LocalWrites& local = {});
    Result<qint64> enqueue(const Command& command, const LocalWrites& local = {});

    // Queued records due at `now` whose ordering_key has no earlier queued or dead record,
    // oldest first, at most `limit`, leaving out the ids in `skip` (the relay's records whose
    // sent mark is not committed yet: they are still queued here, and are not read again).
    Result<QList<OutboxRecord>> due(const QDateTime& now, int limit, const QSet<qint64>& skip = {});
    // The earliest next_attempt_at among queued records (nullopt when none is queued).
    Result<std::optional<QDateTime>> nextAttemptAt();

    // Outcomes of one attempt (the relay's calls). Each is one transaction.
    Status markSent(qint64 id, int attempts, const QByteArray& result, const QDateTime& now);
    // Several sent marks in ONE transaction (the relay commits a batch's successes together):
    // all are recorded or none is. A record not queued any more is left as it is.
    struct SentMark {
        qint64 id = 0;
        int attempts = 0;
        QByteArray result;
        QDateTime at;
    };
    Status markSent(const QList<SentMark>& marks);
    Status markRetry(qint64 id, int attempts, const QDateTime& next_attempt_at,
                     const QString& error);
    Status markDead(qint64 id, int attempts, const QString& error, const QDateTime& now);

    // Staff actions, written with an audit row (who, why, when). retry: a dead (or discarded)
    // record is queued again with attempts reset; its idempotency key is kept. discard: a queued
    // or dead record is given up. NotFound for an unknown id, BadRequest when the state forbids.
    Status retry(qint64 id, const QString& who, const QString& why, const QDateTime& now);
    Status discard(qint64 id, const QString& who, const QString& why, const QDateTime& now);

    Result<std::optional<OutboxRecord>> record(qint64 id);
    // Newest first; every state when `state` is empty.
    Result<QList<OutboxRecord>> list(std::optional<CommandState> state, int limit);
    Result<QList<AuditEntry>> audit(qint64 outbox_id);

    // Counts from the table plus the connectivity the relay last recorded.
    Result<QueueStatus> status(const QDateTime& now);
    // The relay records connectivity changes here (so medkioskctl can report them).
    Status recordConnectivity(bool online, const QDateTime& offline_since);

    void setFailureInjector(FailureInjector injector);
    qint64 operationCount() const { return operations_.load(); }

private:
    Status inject(const char* name);
    Status write(const char* name, const LocalWrites& fn);

    store::Store& store_;
    std::atomic<qint64> operations_{0};
    std::mutex injector_mutex_;
    FailureInjector injector_;
};

}  // namespace mk::outbox
