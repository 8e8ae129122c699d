#include "SystemdNotifier.h"

#include "SystemdNotifierTestHook.h"
#include "core/common/Log.h"

#include <QEvent>
#include <QScreen>
#include <QWidget>
#include <QWindow>

#include <chrono>
#include <systemd/sd-daemon.h>
#include <unistd.h>

namespace mk::app {

SystemdNotifier::SystemdNotifier(QObject* parent) : QObject(parent)
{
    ping_timer_.setTimerType(Qt::CoarseTimer);
    connect(&ping_timer_, &QTimer::timeout, this, &SystemdNotifier::ping);
    shown_deadline_.setSingleShot(true);
    connect(&shown_deadline_, &QTimer::timeout, this, [this] {
        if (ready_sent_) return;
        const QSize size = window_ ? window_->size() : QSize();
        qCWarning(lcUi) << "the window was not exposed at the screen's full size within"
                        << kShownDeadlineMs << "ms; it is" << size;
        ready();
    });
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

void SystemdNotifier::readyWhenShown(QWidget& window)
{
    window_ = &window;
    // As asked by the caller now: a Wayland compositor's first configure may reset the state
    // before the full-screen one arrives.
    full_screen_ = (window.windowState() & (Qt::WindowFullScreen | Qt::WindowMaximized)) != 0;
    window.installEventFilter(this);
    if (QWindow* handle = window.windowHandle()) handle->installEventFilter(this);
    shown_deadline_.start(kShownDeadlineMs);
    // Already exposed at its size (the offscreen platform shows at once): the next turn of the
    // event loop, after the first paint.
    QTimer::singleShot(0, this, &SystemdNotifier::checkShown);
}

bool SystemdNotifier::shownAtFullSize() const
{
    if (!window_ || !window_->isVisible()) return false;
    const QWindow* handle = window_->windowHandle();
    if (handle == nullptr || !handle->isExposed()) return false;
    if (!full_screen_) return true;
    const QScreen* screen = handle->screen();
    return screen != nullptr && window_->size() == screen->geometry().size();
}

void SystemdNotifier::checkShown()
{
    if (ready_sent_ || !shownAtFullSize()) return;
    // Queued behind the paint and the flush that this expose or resize has queued.
    QTimer::singleShot(0, this, [this] {
        if (ready_sent_ || !shownAtFullSize()) return;
        qCInfo(lcUi).noquote() << QStringLiteral("first screen shown: %1x%2%3")
                                      .arg(window_->width())
                                      .arg(window_->height())
                                      .arg(full_screen_ ? QStringLiteral(", the whole screen")
                                                        : QString());
        ready();
    });
}

bool SystemdNotifier::eventFilter(QObject* watched, QEvent* event)
{
    if (!ready_sent_ && (event->type() == QEvent::Expose || event->type() == QEvent::Resize ||
                         event->type() == QEvent::WindowStateChange)) {
        checkShown();
    }
    return QObject::eventFilter(watched, event);
}

void SystemdNotifier::ready()
{
    if (ready_sent_) return;
    ready_sent_ = true;
    shown_deadline_.stop();
    if (window_) {
        window_->removeEventFilter(this);
        if (QWindow* handle = window_->windowHandle()) handle->removeEventFilter(this);
    }
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
    shown_deadline_.stop();
    if (stopping_sent_ || !enabled()) return;
    stopping_sent_ = true;
    (void)sd_notify(0, "STOPPING=1");
}

void SystemdNotifier::ping()
{
    const int rc = sd_notify(0, "WATCHDOG=1");
    if (rc < 0) qCWarning(lcUi) << "sd_notify(WATCHDOG=1) failed:" << rc;
    ++pings_;
    systemdNotifierTestAfterPing(pings_);
}

}  // namespace mk::app
