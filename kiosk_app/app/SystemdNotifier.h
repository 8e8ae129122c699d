// The kiosk's side of the systemd service (packaging/debian/medkiosk.service, Type=notify,
// NotifyAccess=all, WatchdogSec=): READY=1 once the first screen is on the display at its full
// size, then WATCHDOG=1 from a timer on the UI thread's event loop, so a UI that stops handling
// events stops the pings and systemd restarts the session. Only when $NOTIFY_SOCKET is set
// (libsystemd's sd_notify); the pings only when $WATCHDOG_USEC is set for this process or for its
// parent (cage is the service's main process, medkiosk its child), every half of that time.
//
// "On the display at its full size": a full-screen window under a Wayland compositor (cage) is
// first shown at its own size and resized when the compositor's configure arrives; READY=1 (and
// the log line "first screen shown") waits for an expose at the screen's size, so that what
// systemd, the journal and the packaging test's screenshot see is the real first screen.
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

class QWidget;

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

    // Calls ready() once window has been exposed at its screen's full size (any size when it was
    // not shown full-screen or maximised), after that frame was handed to the display; at the
    // latest after kShownDeadlineMs, saying the size it has then. Call it right after showing.
    void readyWhenShown(QWidget& window);
    // READY=1 (with a STATUS= line), then starts the pings when a watchdog is configured.
    void ready();
    // STOPPING=1: shutting down on purpose (once, however often shutdown runs).
    void stopping();

    static constexpr int kShownDeadlineMs = 10000;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void ping();
    bool shownAtFullSize() const;
    void checkShown();

    QTimer ping_timer_;
    QTimer shown_deadline_;
    QPointer<QWidget> window_;
    int pings_ = 0;
    bool full_screen_ = false;  // shown full-screen or maximised (readyWhenShown)
    bool ready_sent_ = false;
    bool stopping_sent_ = false;
};

}  // namespace mk::app
