#include "hw/common/ThreadJoin.h"

#include <QLoggingCategory>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <climits>

namespace mk::hw {

namespace {
Q_LOGGING_CATEGORY(lcThreads, "medkiosk.hw")
std::atomic<int> g_abandoned{0};
}  // namespace

bool ThreadJoin::finish(QThread* thread, QDeadlineTimer deadline, const QString& what)
{
    if (thread == nullptr) return true;
    thread->requestInterruption();
    thread->quit();
    if (thread->wait(deadline)) {
        delete thread;
        return true;
    }
    abandoned(what);
    return false;
}

bool ThreadJoin::finish(QThreadPool* pool, QDeadlineTimer deadline, const QString& what)
{
    if (pool == nullptr) return true;
    pool->clear();  // what has not started yet never starts
    if (pool->waitForDone(int(std::min<qint64>(deadline.remainingTime(), INT_MAX)))) {
        delete pool;
        return true;
    }
    abandoned(what);
    return false;
}

void ThreadJoin::abandoned(const QString& what)
{
    ++g_abandoned;
    qCWarning(lcThreads).noquote()
        << "device thread" << what
        << "did not stop in time (blocked in a library call); abandoned so that shutdown "
           "goes on";
}

int ThreadJoin::abandonedThreads()
{
    return g_abandoned.load();
}

}  // namespace mk::hw
