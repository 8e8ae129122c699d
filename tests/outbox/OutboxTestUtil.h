// Shared by the outbox tests: keys, a scripted CommandSender, waiting for the relay.
#pragma once

#include "core/outbox/CommandSender.h"
#include "core/outbox/Outbox.h"
#include "core/store/SecureKey.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QTest>
#include <QWaitCondition>

#include <functional>

namespace mk::outbox::test {

inline store::SecureKey makeKey(char fill)
{
    QByteArray raw(store::SecureKey::kSizeBytes, fill);
    for (int i = 0; i < raw.size(); ++i) raw[i] = char(raw[i] + i);
    return store::SecureKey(raw);
}

// Waits (processing events) until pred() holds or timeout_ms passed; returns pred().
inline bool waitFor(const std::function<bool()>& pred, int timeout_ms = 60000)
{
    return QTest::qWaitFor(pred, timeout_ms);
}

// A CommandSender whose outcome per appointment is scripted; records every send.
class FakeSender : public CommandSender
{
public:
    struct Sent {
        qint64 id = 0;
        QString kind;
        QString ordering_key;
        QString idempotency_key;
        int at_once = 1;  // sends under way together with this one (itself included)
    };
    // Outcomes for the next sends of `ordering_key` (then Done).
    void script(const QString& ordering_key, QList<SendOutcome> outcomes)
    {
        QMutexLocker lock(&mutex_);
        scripts_[ordering_key] = std::move(outcomes);
    }
    // Every send of this ordering key gets `outcome`.
    void always(const QString& ordering_key, SendOutcome outcome)
    {
        QMutexLocker lock(&mutex_);
        always_[ordering_key] = std::move(outcome);
    }
    void setOnline(bool online)
    {
        QMutexLocker lock(&mutex_);
        online_ = online;
    }
    // Says send() may run on several threads at once; each send then waits (up to
    // rendezvous_ms) until `rendezvous` sends are under way, so that sends the relay makes at
    // once are seen at once, however slow the machine.
    void setThreadSafe(bool thread_safe, int rendezvous = 0, int rendezvous_ms = 500)
    {
        QMutexLocker lock(&mutex_);
        thread_safe_ = thread_safe;
        rendezvous_ = rendezvous;
        rendezvous_ms_ = rendezvous_ms;
    }
    bool threadSafe() const override
    {
        QMutexLocker lock(&mutex_);
        return thread_safe_;
    }
    // The most sends that were under way at the same moment.
    int maxInFlight() const
    {
        QMutexLocker lock(&mutex_);
        return max_in_flight_;
    }
    SendOutcome send(const OutboxRecord& r) override
    {
        QMutexLocker lock(&mutex_);
        ++in_flight_;
        max_in_flight_ = std::max(max_in_flight_, in_flight_);
        period_peak_ = std::max(period_peak_, in_flight_);
        arrived_.wakeAll();
        if (rendezvous_ > 1) {
            QDeadlineTimer deadline(rendezvous_ms_);
            while (in_flight_ < rendezvous_ && !deadline.hasExpired())
                arrived_.wait(&mutex_, deadline);
        }
        const int at_once = period_peak_;  // the most under way since none was
        if (--in_flight_ == 0) period_peak_ = 0;
        sent_.append(Sent{r.id, r.kind, r.ordering_key, r.idempotency_key, at_once});
        if (!online_) return SendOutcome::transient(QStringLiteral("offline"), false);
        if (always_.contains(r.ordering_key)) return always_.value(r.ordering_key);
        QList<SendOutcome>& s = scripts_[r.ordering_key];
        if (!s.isEmpty()) return s.takeFirst();
        return SendOutcome::done(QByteArrayLiteral("{\"ok\":true}"));
    }
    Status probe() override
    {
        QMutexLocker lock(&mutex_);
        ++probes_;
        if (online_) return Ok{};
        return makeError(ErrorCode::Network, QStringLiteral("offline"));
    }
    QList<Sent> sent() const
    {
        QMutexLocker lock(&mutex_);
        return sent_;
    }
    int probes() const
    {
        QMutexLocker lock(&mutex_);
        return probes_;
    }

private:
    mutable QMutex mutex_;
    QWaitCondition arrived_;
    bool thread_safe_ = false;
    int rendezvous_ = 0;
    int rendezvous_ms_ = 500;
    int in_flight_ = 0;
    int max_in_flight_ = 0;
    int period_peak_ = 0;
    QHash<QString, QList<SendOutcome>> scripts_;
    QHash<QString, SendOutcome> always_;
    QList<Sent> sent_;
    bool online_ = true;
    int probes_ = 0;
};

}  // namespace mk::outbox::test
