// Sends several outbox records at once (issue 13): the relay's worker sends the first record of a
// group itself and hands the others to lane threads, one record each, then handles every outcome
// in order on its own thread. Only records of different ordering keys are grouped (a due batch
// holds at most one record per key, Outbox::due), so the order per key is kept; each record still
// carries its own idempotency key, so exactly-once does not change. Used only with a sender that
// says it may be called from several threads at once (CommandSender::threadSafe).
#pragma once

#include "core/outbox/CommandSender.h"

#include <QList>

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace mk::outbox {

class SendLanes
{
public:
    // lanes: how many records are in flight at most (1 = no lane thread, everything on the
    // caller). The threads start on the first group of two or more records.
    SendLanes(CommandSender& sender, int lanes);
    ~SendLanes();  // finishes the sends under way (at most the transport's timeout), then joins
    SendLanes(const SendLanes&) = delete;
    SendLanes& operator=(const SendLanes&) = delete;

    int lanes() const { return lanes_; }
    // Sends every record (at most lanes() of them) and returns their outcomes in the same order.
    QList<SendOutcome> send(const QList<const OutboxRecord*>& records);

private:
    struct Lane {
        const OutboxRecord* record = nullptr;  // the job; null when idle
        SendOutcome outcome;
        bool done = false;
    };
    void startThreads();
    void work(Lane& lane);

    CommandSender& sender_;
    const int lanes_;
    std::mutex mutex_;
    std::condition_variable job_cv_;   // a lane got a record, or stop
    std::condition_variable done_cv_;  // a lane finished its record
    std::vector<Lane> slots_;          // lanes_ - 1 of them
    std::vector<std::thread> threads_;
    bool stop_ = false;
};

}  // namespace mk::outbox
