// The kiosk's side of the systemd service (packaging/debian/medkiosk.service, Type=notify,
// NotifyAccess=all, WatchdogSec=): READY=1 once the first screen is shown, then WATCHDOG=1 from a
// timer on the UI thread's event loop, so a UI that stops handling events stops the pings and
// systemd restarts the session. Only when $NOTIFY_SOCKET is set (libsystemd's sd_notify); the
// pings only when $WATCHDOG_USEC is set for this process or for its parent (cage is the service's
// main process, medkiosk its child), every half of that time.
//
// Test hook (tests/app/tst_watchdog): MEDKIOSK_TEST_HANG_UI_AFTER_PINGS=N blocks the UI thread
// for good after the N-th ping, as a hung UI would.
#pragma once

#include <QObject>
#include <QTimer>

namespace mk::app {

class SystemdNotifier : public QObject
{
    Q_OBJECT
public:
    explicit SystemdNotifier(QObject* parent = nullptr);

    // True when systemd (or a test) listens: $NOTIFY_SOCKET is set.
    static bool enabled();
    // The watchdog interval systemd asked for, in ms; 0 when none applies to this process.
    static qint64 watchdogTimeoutMs();

    // READY=1 (with a STATUS= line), then starts the pings when a watchdog is configured.
    void ready();
    // STOPPING=1: shutting down on purpose (once, however often shutdown runs).
    void stopping();

private:
    void ping();

    QTimer ping_timer_;
    int pings_ = 0;
    int hang_after_pings_ = 0;
    bool stopping_sent_ = false;
};

}  // namespace mk::app
