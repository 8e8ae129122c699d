#include "hw/common/ThreadJoin.h"

#include <QLoggingCategory>
#include <QThread>

#include <atomic>

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
    ++g_abandoned;
    qCWarning(lcThreads).noquote()
        << "device thread" << what
        << "did not stop in time (blocked in its device library); abandoned so that shutdown "
           "goes on";
    return false;
}

int ThreadJoin::abandonedThreads()
{
    return g_abandoned.load();
}

}  // namespace mk::hw
