#include "core/outbox/SendLanes.h"

#include <algorithm>

namespace mk::outbox {

SendLanes::SendLanes(CommandSender& sender, int lanes)
    : sender_(sender), lanes_(std::max(1, lanes)), slots_(size_t(lanes_ - 1))
{}

SendLanes::~SendLanes()
{
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    job_cv_.notify_all();
    for (std::thread& t : threads_) t.join();
}

void SendLanes::startThreads()
{
    if (!threads_.empty()) return;
    threads_.reserve(slots_.size());
    for (Lane& lane : slots_) threads_.emplace_back([this, &lane] { work(lane); });
}

void SendLanes::work(Lane& lane)
{
    std::unique_lock lock(mutex_);
    for (;;) {
        job_cv_.wait(lock, [&] { return stop_ || (lane.record != nullptr && !lane.done); });
        if (lane.record == nullptr || lane.done) return;  // stop with nothing to send
        const OutboxRecord* record = lane.record;
        lock.unlock();
        SendOutcome outcome = sender_.send(*record);
        lock.lock();
        lane.outcome = std::move(outcome);
        lane.done = true;
        done_cv_.notify_all();
        if (stop_) return;
    }
}

QList<SendOutcome> SendLanes::send(const QList<const OutboxRecord*>& records)
{
    QList<SendOutcome> outcomes(records.size());
    if (records.isEmpty()) return outcomes;
    // Records 1..handed go to the lanes; the first, and any beyond the lanes, are sent here.
    const qsizetype handed = std::min<qsizetype>(records.size() - 1, qsizetype(slots_.size()));
    if (handed > 0) {
        startThreads();
        {
            std::lock_guard lock(mutex_);
            for (qsizetype i = 0; i < handed; ++i) {
                slots_[size_t(i)].record = records.at(i + 1);
                slots_[size_t(i)].done = false;
            }
        }
        job_cv_.notify_all();
    }
    outcomes[0] = sender_.send(*records.first());
    for (qsizetype i = handed + 1; i < records.size(); ++i)
        outcomes[i] = sender_.send(*records.at(i));
    if (handed > 0) {
        std::unique_lock lock(mutex_);
        done_cv_.wait(lock, [&] {
            return std::all_of(slots_.begin(), slots_.begin() + handed,
                               [](const Lane& l) { return l.done; });
        });
        for (qsizetype i = 0; i < handed; ++i) {
            Lane& lane = slots_[size_t(i)];
            outcomes[i + 1] = std::move(lane.outcome);
            lane.record = nullptr;
            lane.done = false;
        }
    }
    return outcomes;
}

}  // namespace mk::outbox
