#include "core/outbox/Relay.h"

#include "core/common/Log.h"
#include "core/outbox/CommandSender.h"
#include "core/outbox/Outbox.h"

#include <algorithm>
#include <chrono>

namespace mk::outbox {

Relay::Relay(Outbox& outbox, CommandSender& sender, RelayOptions options, QObject* parent)
    : QObject(parent), outbox_(outbox), sender_(sender), options_(options), clock_([] {
          return QDateTime::currentDateTimeUtc();
      })
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

bool Relay::processOne(const OutboxRecord& record)
{
    {
        std::lock_guard lock(mutex_);
        ++sends_;
    }
    const SendOutcome outcome = sender_.send(record);
    if (outcome.kind == SendOutcome::Kind::NotAuthorised) {
        // Not the command's fault: the record stays as it was (no attempt counted, never dead)
        // and is sent again, with the same key, once the kiosk is authorised.
        setOnline(true);
        setAuthorised(false, outcome.error);
        return false;
    }
    const int attempts = record.attempts + 1;
    const QDateTime t = now();
    Status saved = Ok{};
    QString new_state;
    if (outcome.kind == SendOutcome::Kind::Done) {
        saved = outbox_.markSent(record.id, attempts, outcome.result, t);
        new_state = QStringLiteral("sent");
        if (saved) {
            std::lock_guard lock(mutex_);
            last_sync_ = t;
        }
    } else if (outcome.kind == SendOutcome::Kind::Permanent) {
        saved = outbox_.markDead(record.id, attempts, outcome.error, t);
        new_state = QStringLiteral("dead");
    } else if (attempts >= options_.max_attempts) {
        saved = outbox_.markDead(
            record.id, attempts,
            QStringLiteral("gave up after %1 attempts: %2").arg(attempts).arg(outcome.error), t);
        new_state = QStringLiteral("dead");
    } else {
        qint64 delay_ms = backoffDelayMs(options_.backoff, attempts);
        if (outcome.retry_after_s >= 0) {
            delay_ms = qint64(std::min(outcome.retry_after_s, options_.max_retry_after_s)) * 1000;
        }
        saved = outbox_.markRetry(record.id, attempts, t.addMSecs(delay_ms), outcome.error);
    }
    if (!saved) {
        // The record stays as it was; it is sent again with the same idempotency key.
        qCWarning(lcStore) << "relay: cannot record the outcome of record" << record.id << ":"
                           << saved.error().detail;
    } else if (!new_state.isEmpty()) {
        if (new_state == QLatin1String("dead"))
            qCWarning(lcStore) << "relay: record" << record.id << record.kind
                               << "is dead:" << outcome.error;
        Q_EMIT commandFinished(record.id, new_state);
    } else {
        qCInfo(lcStore) << "relay: record" << record.id << "attempt" << attempts
                        << "failed:" << outcome.error;
    }
    setOnline(outcome.reached_server);
    return outcome.reached_server && saved.ok();
}

void Relay::run()
{
    using namespace std::chrono;
    QDateTime next_probe = now();
    for (;;) {
        {
            std::lock_guard lock(mutex_);
            if (stop_) return;
            woken_ = false;
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
        if ((!online || !known || !authorised) && (probe_now || now() >= next_probe)) {
            const Status p = sender_.probe();
            const bool refused =
                !p.ok() && (p.error().http_status == 401 || p.error().http_status == 403);
            setOnline(p.ok() || refused);
            online = p.ok() || refused;
            if (p.ok()) setAuthorised(true, QString());
            if (refused) setAuthorised(false, p.error().detail);
            authorised = !refused && (p.ok() || authorised);
            next_probe = now().addMSecs(refused ? options_.unauthorised_probe_interval_ms
                                                : options_.probe_interval_ms);
        }
        if (online && authorised) {
            auto due = outbox_.due(now(), std::max(1, options_.batch));
            if (!due) {
                qCWarning(lcStore) << "relay: cannot read the outbox:" << due.error().detail;
                wait_ms = options_.store_error_pause_ms;
            } else if (!due.value().isEmpty()) {
                bool went_offline = false;
                for (const OutboxRecord& r : due.value()) {
                    {
                        std::lock_guard lock(mutex_);
                        if (stop_) return;
                    }
                    if (!processOne(r)) {
                        went_offline = true;
                        break;
                    }
                }
                publish();
                if (!went_offline) continue;  // read the next batch at once
                bool refused = false;
                {
                    std::lock_guard lock(mutex_);
                    refused = !authorised_;
                }
                next_probe = now().addMSecs(refused ? options_.unauthorised_probe_interval_ms
                                                    : options_.probe_interval_ms);
            } else {
                auto next = outbox_.nextAttemptAt();
                if (next && next.value()) {
                    wait_ms =
                        std::clamp<qint64>(now().msecsTo(*next.value()), 0, options_.idle_poll_ms);
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
