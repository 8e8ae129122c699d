#include "core/outbox/Relay.h"

#include "core/common/Log.h"
#include "core/outbox/CommandSender.h"
#include "core/outbox/Outbox.h"
#include "core/outbox/SendLanes.h"

#include <algorithm>
#include <chrono>

namespace mk::outbox {

Relay::Relay(Outbox& outbox, CommandSender& sender, RelayOptions options, QObject* parent)
    : QObject(parent),
      outbox_(outbox),
      sender_(sender),
      options_(options),
      lanes_(std::make_unique<SendLanes>(sender, sender.threadSafe() ? options.in_flight : 1)),
      clock_([] { return QDateTime::currentDateTimeUtc(); }),
      lanes_open_(lanes_->lanes())
{
    qRegisterMetaType<mk::outbox::QueueStatus>();
}

Relay::~Relay()
{
    stop();
}

void Relay::setClock(Clock clock)
{
    std::lock_guard lock(mutex_);
    clock_ = std::move(clock);
}

QDateTime Relay::now() const
{
    return clock_();
}

void Relay::start()
{
    std::lock_guard lock(mutex_);
    if (thread_.joinable()) return;
    stop_ = false;
    thread_ = std::thread([this] { run(); });
}

void Relay::stop()
{
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void Relay::wake()
{
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    cv_.notify_all();
}

void Relay::recheckNow()
{
    {
        std::lock_guard lock(mutex_);
        probe_now_ = true;
        woken_ = true;
    }
    cv_.notify_all();
}

void Relay::setAuthorised(bool authorised, const QString& why)
{
    {
        std::lock_guard lock(mutex_);
        if (authorised_ == authorised) return;
        authorised_ = authorised;
    }
    if (authorised)
        qCInfo(lcStore) << "relay: the pool accepts the kiosk again; sending what waits";
    else
        qCWarning(lcStore).noquote()
            << "relay: the pool does not accept the kiosk; commands wait:" << why;
    Q_EMIT authorisationChanged(authorised);
    publish();
}

quint64 Relay::sendsAttempted() const
{
    std::lock_guard lock(mutex_);
    return sends_;
}

quint64 Relay::throttledCount() const
{
    std::lock_guard lock(mutex_);
    return throttled_;
}

QueueStatus Relay::status() const
{
    Result<QueueStatus> stored = outbox_.status(now());
    QueueStatus q = stored ? stored.value() : QueueStatus{};
    if (!stored) q.taken_at = now();
    std::lock_guard lock(mutex_);
    q.online = online_;
    q.connectivity_known = known_;
    q.authorised = authorised_;
    q.offline_since = online_ ? QDateTime() : offline_since_;
    if (last_sync_.isValid()) q.last_successful_sync = last_sync_;
    return q;
}

void Relay::publish()
{
    Q_EMIT statusChanged(status());
}

void Relay::setOnline(bool online)
{
    bool changed = false;
    QDateTime since;
    {
        std::lock_guard lock(mutex_);
        changed = !known_ || online_ != online;
        known_ = true;
        online_ = online;
        if (changed) offline_since_ = online ? QDateTime() : now();
        since = offline_since_;
    }
    if (!changed) return;
    qCInfo(lcStore) << "relay:" << (online ? "pool reachable" : "pool unreachable");
    if (Status s = outbox_.recordConnectivity(online, since); !s)
        qCWarning(lcStore) << "relay: cannot record connectivity:" << s.error().detail;
    Q_EMIT connectivityChanged(online);
    publish();
}

bool Relay::tooBusy(const SendOutcome& outcome)
{
    return outcome.kind == SendOutcome::Kind::Transient && outcome.reached_server &&
           (outcome.http_status == 429 || outcome.http_status == 503);
}

QDateTime Relay::throttle(int retry_after_s)
{
    throttle_streak_ = std::min(throttle_streak_ + 1, 30);
    const int told = retry_after_s < 0 ? -1 : std::min(retry_after_s, options_.max_retry_after_s);
    const qint64 delay_ms = throttleDelayMs(options_.backoff, told, throttle_streak_);
    throttled_until_ = now().addMSecs(delay_ms);
    lanes_open_ = 1;
    since_refusal_ = 0;
    {
        std::lock_guard lock(mutex_);
        ++throttled_;
    }
    qCInfo(lcStore) << "relay: the pool is too busy; pausing" << delay_ms << "ms (Retry-After"
                    << retry_after_s << "s, refusal" << throttle_streak_ << "in a row)";
    return throttled_until_;
}

void Relay::regrowLanes()
{
    if (lanes_open_ >= lanes_->lanes()) return;
    if (++since_refusal_ < std::max(1, options_.lane_regrow_after)) return;
    ++lanes_open_;
    since_refusal_ = 0;
}

void Relay::flushSent()
{
    if (sent_.isEmpty()) return;
    const Status saved = outbox_.markSent(sent_);
    if (!saved) {
        // The records stay queued; they are sent again with the same idempotency keys, and the
        // pool answers without carrying them out twice.
        qCWarning(lcStore) << "relay: cannot record" << sent_.size()
                           << "sent commands:" << saved.error().detail;
        mark_failed_ = true;
    } else {
        {
            std::lock_guard lock(mutex_);
            last_sync_ = sent_.last().at;
        }
        for (const Outbox::SentMark& m : std::as_const(sent_))
            Q_EMIT commandFinished(m.id, QStringLiteral("sent"));
        unpublished_ = true;
    }
    sent_.clear();
    sent_ids_.clear();
}

void Relay::markDone(const OutboxRecord& record, const SendOutcome& outcome)
{
    const QDateTime t = now();
    sent_.append(Outbox::SentMark{record.id, record.attempts + 1, outcome.result, t});
    sent_ids_.insert(record.id);
    if (sent_.size() >= std::max(1, options_.sent_group) ||
        sent_.first().at.msecsTo(t) >= options_.sent_mark_max_delay_ms) {
        flushSent();
    }
}

void Relay::handleAfterStop(const OutboxRecord& record, const SendOutcome& outcome)
{
    if (outcome.kind == SendOutcome::Kind::Done) {
        markDone(record, outcome);
    } else if (tooBusy(outcome)) {  // one more refusal, covered by the pause already taken
        std::lock_guard lock(mutex_);
        ++throttled_;
    }
}

Relay::Step Relay::handle(const OutboxRecord& record, const SendOutcome& outcome)
{
    if (outcome.kind == SendOutcome::Kind::NotAuthorised) {
        // Not the command's fault: the record stays as it was (no attempt counted, never dead)
        // and is sent again, with the same key, once the kiosk is authorised.
        setOnline(true);
        setAuthorised(false, outcome.error);
        return Step::Offline;
    }
    const QDateTime t = now();
    if (tooBusy(outcome)) {
        // Not the command's fault either: the record keeps its attempts (never dead because of
        // a busy pool) and everything waits for the pause.
        const QDateTime until = throttle(outcome.retry_after_s);
        const Status saved = outbox_.markRetry(record.id, record.attempts, until, outcome.error);
        unpublished_ = true;
        if (!saved) {
            qCWarning(lcStore) << "relay: cannot record the outcome of record" << record.id << ":"
                               << saved.error().detail;
        }
        setOnline(true);
        return Step::Paused;
    }
    if (outcome.kind == SendOutcome::Kind::Done) {
        throttle_streak_ = 0;
        regrowLanes();
        markDone(record, outcome);
        setOnline(true);
        return Step::Next;
    }
    const int attempts = record.attempts + 1;
    Status saved = Ok{};
    bool dead = false;
    if (outcome.kind == SendOutcome::Kind::Permanent) {
        saved = outbox_.markDead(record.id, attempts, outcome.error, t);
        dead = true;
    } else if (attempts >= options_.max_attempts) {
        saved = outbox_.markDead(
            record.id, attempts,
            QStringLiteral("gave up after %1 attempts: %2").arg(attempts).arg(outcome.error), t);
        dead = true;
    } else {
        qint64 delay_ms = backoffDelayMs(options_.backoff, attempts);
        if (outcome.retry_after_s >= 0) {
            delay_ms = qint64(std::min(outcome.retry_after_s, options_.max_retry_after_s)) * 1000;
        }
        saved = outbox_.markRetry(record.id, attempts, t.addMSecs(delay_ms), outcome.error);
    }
    unpublished_ = true;
    if (!saved) {
        // The record stays as it was; it is sent again with the same idempotency key.
        qCWarning(lcStore) << "relay: record" << record.id
                           << ": cannot record the outcome:" << saved.error().detail;
    } else if (dead) {
        qCWarning(lcStore) << "relay: record" << record.id << record.kind
                           << "is dead:" << outcome.error;
        Q_EMIT commandFinished(record.id, QStringLiteral("dead"));
    } else {
        qCInfo(lcStore) << "relay: record" << record.id << "attempt" << attempts
                        << "failed:" << outcome.error;
    }
    setOnline(outcome.reached_server);
    return outcome.reached_server && saved.ok() ? Step::Next : Step::Offline;
}

void Relay::run()
{
    using namespace std::chrono;
    QDateTime next_probe = now();
    for (;;) {
        bool stopping = false;
        {
            std::lock_guard lock(mutex_);
            stopping = stop_;
            woken_ = false;
        }
        if (stopping) {
            flushSent();
            return;
        }
        qint64 wait_ms = options_.idle_poll_ms;
        bool online = false;
        bool known = false;
        bool authorised = true;
        bool probe_now = false;
        {
            std::lock_guard lock(mutex_);
            online = online_;
            known = known_;
            authorised = authorised_;
            probe_now = probe_now_;
            probe_now_ = false;
        }
        const bool paused = throttled_until_.isValid() && now() < throttled_until_;
        if (!paused && (!online || !known || !authorised) && (probe_now || now() >= next_probe)) {
            const Status p = sender_.probe();
            const int http = p.ok() ? 0 : p.error().http_status;
            const bool refused = http == 401 || http == 403;
            const bool busy = http == 429 || http == 503;  // there, but too busy: pause
            if (busy) throttle(p.error().retry_after_s);
            setOnline(p.ok() || refused || busy);
            online = p.ok() || refused || busy;
            if (p.ok()) setAuthorised(true, QString());
            if (refused) setAuthorised(false, p.error().detail);
            authorised = !refused && (p.ok() || authorised);
            next_probe = now().addMSecs(refused ? options_.unauthorised_probe_interval_ms
                                                : options_.probe_interval_ms);
        }
        if (throttled_until_.isValid() && now() < throttled_until_) {
            wait_ms = std::clamp<qint64>(now().msecsTo(throttled_until_), 0, wait_ms);
        } else if (online && authorised) {
            auto due = outbox_.due(now(), std::max(1, options_.batch), sent_ids_);
            if (!due) {
                qCWarning(lcStore) << "relay: cannot read the outbox:" << due.error().detail;
                flushSent();
                mark_failed_ = false;  // this pause covers it
                wait_ms = options_.store_error_pause_ms;
            } else {
                Step step = Step::Next;
                const QList<OutboxRecord>& records = due.value();  // none waits for its mark
                const int fresh = int(records.size());
                for (qsizetype at = 0; at < records.size() && step == Step::Next;) {
                    {
                        std::lock_guard lock(mutex_);
                        stopping = stop_;
                    }
                    if (stopping) break;
                    QList<const OutboxRecord*> group;  // into `records`, which outlives it
                    for (const qsizetype end = std::min(records.size(), at + lanes_open_); at < end;
                         ++at)
                        group.append(&records.at(at));
                    {
                        std::lock_guard lock(mutex_);
                        sends_ += quint64(group.size());
                    }
                    const QList<SendOutcome> outcomes = lanes_->send(group);
                    for (qsizetype i = 0; i < group.size(); ++i) {
                        if (step == Step::Next)
                            step = handle(*group.at(i), outcomes.at(i));
                        else
                            handleAfterStop(*group.at(i), outcomes.at(i));
                    }
                }
                const bool had_marks = !sent_.isEmpty();
                const bool old =
                    had_marks && sent_.first().at.msecsTo(now()) >= options_.sent_mark_max_delay_ms;
                // Nothing new to send, a pause, a stop or a failure: commit what was sent.
                if (fresh == 0 || step != Step::Next || stopping || old) flushSent();
                if (unpublished_) {
                    unpublished_ = false;
                    publish();
                }
                if (stopping) return;
                if (mark_failed_) {  // the store refused the group: resent later, not at once
                    mark_failed_ = false;
                    wait_ms = options_.store_error_pause_ms;
                } else if ((fresh > 0 && step != Step::Offline) || (fresh == 0 && had_marks)) {
                    continue;  // read again at once: more is due, or successors became due
                } else if (fresh == 0) {  // nothing due: wait for the next attempt (or a wake)
                    auto next = outbox_.nextAttemptAt();
                    if (next && next.value()) {
                        wait_ms = std::clamp<qint64>(now().msecsTo(*next.value()), 0,
                                                     options_.idle_poll_ms);
                    }
                } else {  // offline or not authorised: probe before sending again
                    bool refused = false;
                    {
                        std::lock_guard lock(mutex_);
                        refused = !authorised_;
                    }
                    next_probe = now().addMSecs(refused ? options_.unauthorised_probe_interval_ms
                                                        : options_.probe_interval_ms);
                }
            }
        }
        {
            std::lock_guard lock(mutex_);
            online = online_ && authorised_;
        }
        if (!online) {
            wait_ms = std::clamp<qint64>(now().msecsTo(next_probe), 0, wait_ms);
        }
        std::unique_lock lock(mutex_);
        cv_.wait_for(lock, milliseconds(std::max<qint64>(wait_ms, 0)),
                     [this] { return stop_ || woken_; });
    }
}

}  // namespace mk::outbox
