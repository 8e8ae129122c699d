// The relay of the outbox (DESIGN §4, docs/outbox.md): one worker thread (never the UI thread)
// that forwards due commands through a CommandSender.
//  - per record: exponential backoff with full jitter (base/cap), Retry-After honoured, retry
//    state persisted in the outbox (so a restart resumes from the table);
//  - "too busy" (429, 503: the pool's rate limit or overload) pauses the whole relay for the
//    Retry-After plus jitter (throttleDelayMs), growing while the pool keeps refusing; such a
//    refusal is not the command's fault: no attempt is counted, it never makes a record dead;
//  - sent marks are committed in groups (one transaction for up to sent_group commands, at the
//    latest after sent_mark_max_delay_ms, before any pause, stop or wait): a crash before the
//    commit only means the command is sent again with its idempotency key, which the pool
//    answers without carrying it out twice; a command's successor (same ordering key) is due
//    only once its sent mark is committed;
//  - order per ordering_key (Outbox::due), other keys never blocked by a failing record; up to
//    in_flight records of different keys are sent at once (SendLanes), their outcomes handled
//    in order on the worker;
//  - permanent failures and records reaching max_attempts go to `dead` with the reason;
//  - connectivity from real results, plus a light probe every probe_interval_ms while offline
//    (no command is sent while offline, so an outage does not burn attempts).
// Signals are emitted from the worker thread: connect with Qt::QueuedConnection (the default
// for a receiver living in another thread).
#pragma once

#include "core/outbox/Backoff.h"
#include "core/outbox/Outbox.h"
#include "core/outbox/QueueStatus.h"

#include <QDateTime>
#include <QObject>
#include <QSet>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace mk::outbox {

class CommandSender;
class SendLanes;
struct OutboxRecord;
struct SendOutcome;

struct RelayOptions {
    BackoffPolicy backoff;  // base_ms, cap_ms
    int max_attempts = 20;  // then the record is dead
    int probe_interval_ms = 10000;
    // While the pool refuses the kiosk (401/403), one probe this often; nothing else is sent.
    int unauthorised_probe_interval_ms = 30000;
    int batch = 32;                // records read per query
    int max_retry_after_s = 3600;  // a longer Retry-After is cut to this
    int idle_poll_ms = 30000;      // re-reads the table at least this often
    int store_error_pause_ms = 1000;
    // Sent marks are committed together, up to this many, waiting at most this long.
    int sent_group = 256;
    int sent_mark_max_delay_ms = 500;
    // Records of different ordering keys in flight at once (SendLanes), when the sender may be
    // called from several threads (CommandSender::threadSafe); otherwise one at a time. A pool
    // that answers "too busy" (429/503) gets one at a time again; one more lane is opened after
    // every lane_regrow_after records sent without such an answer, up to in_flight.
    int in_flight = 3;
    int lane_regrow_after = 64;
};

class Relay : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    // outbox and sender must outlive the relay.
    Relay(Outbox& outbox, CommandSender& sender, RelayOptions options, QObject* parent = nullptr);
    ~Relay() override;  // stop()

    void start();  // starts the worker thread (once)
    // Finishes the current send (at most the transport's request timeout), then joins; safe to
    // call twice. The destructor calls it.
    void stop();
    // Tells the worker to look at the table now (call after enqueue).
    void wake();
    // Probes the pool now (e.g. the kiosk was authorised again), then sends what is due.
    void recheckNow();
    void setClock(Clock clock);  // before start(); UTC wall clock by default

    // Thread-safe: the table's counts plus the live connectivity.
    QueueStatus status() const;
    quint64 sendsAttempted() const;
    // Times the pool answered "too busy" (429/503); the relay paused for each, or for several
    // at once when they were refusals of records sent together.
    quint64 throttledCount() const;

Q_SIGNALS:
    void statusChanged(const mk::outbox::QueueStatus& status);
    void connectivityChanged(bool online);
    void authorisationChanged(bool authorised);
    // state: the record's new state name (sent, dead) after an attempt.
    void commandFinished(qint64 id, const QString& state);

private:
    // What the batch does after one record: go on, stop (offline, not authorised, store error),
    // or stop and pause (the pool is too busy).
    enum class Step { Next = 1, Offline, Paused };

    void run();
    // The outcome of one sent record: its new state in the outbox, and what the batch does next.
    Step handle(const OutboxRecord& record, const SendOutcome& outcome);
    // The outcome of a record sent beside one that stopped the batch: only "done" is kept (its
    // sent mark waits with the others); anything else leaves the record as it was, to be sent
    // again with the same key.
    void handleAfterStop(const OutboxRecord& record, const SendOutcome& outcome);
    void markDone(const OutboxRecord& record, const SendOutcome& outcome);
    // Commits the waiting sent marks in one transaction, then reports them.
    void flushSent();
    // 429/503 (or a probe so answered): pause everything for Retry-After plus jitter, and send
    // one record at a time again.
    QDateTime throttle(int retry_after_s);
    // A record was sent and answered without "too busy": after lane_regrow_after of them, one
    // more lane (up to the lanes there are).
    void regrowLanes();
    static bool tooBusy(const SendOutcome& outcome);
    void setOnline(bool online);
    void setAuthorised(bool authorised, const QString& why);
    void publish();
    QDateTime now() const;

    Outbox& outbox_;
    CommandSender& sender_;
    const RelayOptions options_;
    std::unique_ptr<SendLanes> lanes_;  // used by the worker only
    Clock clock_;
    std::thread thread_;
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    bool stop_ = false;
    bool woken_ = false;
    bool online_ = false;
    bool known_ = false;
    bool authorised_ = true;
    bool probe_now_ = false;
    QDateTime offline_since_;
    QDateTime last_sync_;
    // Worker thread only: the pause, sent marks not yet committed (their ids: such a record is
    // still queued in the table, so the next read returns it again and it is skipped), whether
    // the table changed since the last statusChanged.
    QDateTime throttled_until_;
    int throttle_streak_ = 0;
    int lanes_open_ = 1;     // records sent at once now (1..lanes_->lanes())
    int since_refusal_ = 0;  // records answered since the last lane was opened or closed
    QList<Outbox::SentMark> sent_;
    QSet<qint64> sent_ids_;
    bool unpublished_ = false;
    bool mark_failed_ = false;  // a group commit failed: pause store_error_pause_ms
    quint64 sends_ = 0;
    quint64 throttled_ = 0;
};

}  // namespace mk::outbox
