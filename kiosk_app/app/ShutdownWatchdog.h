// The last resort of the bounded shutdown (docs/hardware.md, "Shutdown is bounded"). KioskApp::
// shutdown arms one when it starts; if shutdown has not finished by the bound, the watchdog's own
// thread logs it and ends the process (_Exit, no destructors). It is for what cannot be
// interrupted or abandoned on the UI thread: Qt Multimedia stopping a camera whose driver does not
// answer (QtCamera lives on the UI thread). Device threads are abandoned earlier (hw::ThreadJoin)
// and pool requests aborted (pool::CurlTransport::abortRequests), so in a normal shutdown it never
// fires. Ending there loses nothing: a check-in or payment is committed before the screen says
// done (synchronous=FULL, DESIGN §4; tested with kill -9 at any point).
#pragma once

#include <QString>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace mk::app {

class ShutdownWatchdog
{
public:
    using Expiry = std::function<void()>;

    // Armed at once. on_expiry runs on the watchdog's thread when bound passes before disarm();
    // empty: expire() (log, flush, _Exit(exit_code)).
    ShutdownWatchdog(std::chrono::milliseconds bound, int exit_code, Expiry on_expiry = {});
    ~ShutdownWatchdog();  // disarm()
    ShutdownWatchdog(const ShutdownWatchdog&) = delete;
    ShutdownWatchdog& operator=(const ShutdownWatchdog&) = delete;

    // Shutdown finished in time: the watchdog's thread ends without acting (joined here).
    void disarm();
    // What the step under way is, for the log line if the watchdog fires ("camera", "store").
    void setStep(const QString& step);

    [[noreturn]] static void expire(const QString& step, int exit_code);  // the default expiry

private:
    std::mutex mutex_;
    std::condition_variable wake_;
    bool disarmed_ = false;
    QString step_;
    std::thread thread_;
};

}  // namespace mk::app
