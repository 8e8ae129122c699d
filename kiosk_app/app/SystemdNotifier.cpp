#include "SystemdNotifier.h"

#include "core/common/Log.h"

#include <chrono>
#include <systemd/sd-daemon.h>
#include <thread>
#include <unistd.h>

namespace mk::app {

SystemdNotifier::SystemdNotifier(QObject* parent) : QObject(parent)
{
    ping_timer_.setTimerType(Qt::CoarseTimer);
    connect(&ping_timer_, &QTimer::timeout, this, &SystemdNotifier::ping);
    bool ok = false;
    const int hang = qEnvironmentVariableIntValue("MEDKIOSK_TEST_HANG_UI_AFTER_PINGS", &ok);
    hang_after_pings_ = ok && hang > 0 ? hang : 0;
}

bool SystemdNotifier::enabled()
{
    return !qEnvironmentVariableIsEmpty("NOTIFY_SOCKET");
}

qint64 SystemdNotifier::watchdogTimeoutMs()
{
    bool ok = false;
    const qint64 usec = qEnvironmentVariable("WATCHDOG_USEC").toLongLong(&ok);
    if (!ok || usec <= 0) return 0;
    // systemd names the service's main process; under cage that is our parent.
    const QString pid = qEnvironmentVariable("WATCHDOG_PID");
    if (!pid.isEmpty()) {
        const qint64 target = pid.toLongLong(&ok);
        if (!ok || (target != qint64(::getpid()) && target != qint64(::getppid()))) return 0;
    }
    return std::max<qint64>(1, usec / 1000);
}

void SystemdNotifier::ready()
{
    if (!enabled()) return;
    const int rc = sd_notify(0, "READY=1\nSTATUS=medkiosk: the first screen is shown");
    if (rc < 0) qCWarning(lcUi) << "sd_notify(READY=1) failed:" << rc;
    const qint64 timeout_ms = watchdogTimeoutMs();
    if (timeout_ms <= 0) return;
    ping_timer_.start(std::chrono::milliseconds(std::max<qint64>(1, timeout_ms / 2)));
    qCInfo(lcUi) << "systemd watchdog:" << timeout_ms << "ms; pinging every"
                 << ping_timer_.interval() << "ms from the UI thread";
    ping();
}

void SystemdNotifier::stopping()
{
    ping_timer_.stop();
    if (stopping_sent_ || !enabled()) return;
    stopping_sent_ = true;
    (void)sd_notify(0, "STOPPING=1");
}

void SystemdNotifier::ping()
{
    const int rc = sd_notify(0, "WATCHDOG=1");
    if (rc < 0) qCWarning(lcUi) << "sd_notify(WATCHDOG=1) failed:" << rc;
    ++pings_;
    if (hang_after_pings_ > 0 && pings_ >= hang_after_pings_) {
        qCWarning(lcUi) << "test hook: the UI thread hangs now";
        for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
    }
}

}  // namespace mk::app
