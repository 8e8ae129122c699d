#include "ShutdownWatchdog.h"

#include "core/common/Log.h"

#include <cstdio>
#include <cstdlib>

namespace mk::app {

ShutdownWatchdog::ShutdownWatchdog(std::chrono::milliseconds bound, int exit_code, Expiry on_expiry)
{
    thread_ = std::thread([this, bound, exit_code, on_expiry = std::move(on_expiry)] {
        QString step;
        {
            std::unique_lock lock(mutex_);
            if (wake_.wait_for(lock, bound, [this] { return disarmed_; })) return;
            step = step_;
        }
        if (on_expiry)
            on_expiry();
        else
            expire(step, exit_code);
    });
}

ShutdownWatchdog::~ShutdownWatchdog()
{
    disarm();
}

void ShutdownWatchdog::disarm()
{
    {
        std::lock_guard lock(mutex_);
        disarmed_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void ShutdownWatchdog::setStep(const QString& step)
{
    std::lock_guard lock(mutex_);
    step_ = step;
}

void ShutdownWatchdog::expire(const QString& step, int exit_code)
{
    qCCritical(lcUi).noquote() << "shutdown did not finish within its bound (step:" << step
                               << "): the process ends now, exit code" << exit_code;
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(exit_code);
}

}  // namespace mk::app
