// Ends a device's worker thread within a deadline, whatever the third-party library it calls
// (libspeechd, pcsclite, a serial or USB printer driver) is doing. The one place that knows how
// (docs/hardware.md, "Shutdown"): every device backend with a worker thread ends it here.
//
//   worker_->deleteLater();  // queued on the worker thread, runs when its event loop gets there
//   ThreadJoin::finish(thread_, QDeadlineTimer(ThreadJoin::kDeviceJoinMs), "speech");
//   thread_ = nullptr;       // finished: deleted; abandoned: left running, never touched again
//
// A thread that ends in time is deleted (and with it, through deleteLater, the objects living on
// it). One that does not is logged (medkiosk.hw, warning, with `what`) and abandoned: the QThread
// and its objects are deliberately leaked (deleting a running QThread aborts the process, deleting
// an object under its own thread is a use-after-free), so the caller may go on being destroyed
// as long as nothing the abandoned thread still uses belongs to it. The kiosk closes its store and
// outbox before its devices (KioskApp::shutdown), so an abandoned device loses nothing, and the
// process exits without running static destructors under it (abandonedThreads() > 0).
#pragma once

#include <QDeadlineTimer>
#include <QString>

class QThread;
class QThreadPool;

namespace mk::hw {

class ThreadJoin
{
public:
    // What one device's thread gets by default (its destructor, a test): a library call that has
    // not returned by then is not going to.
    static constexpr int kDeviceJoinMs = 1500;

    // Asks the thread to stop (requestInterruption(), quit() of its event loop) and waits until
    // it has finished or the deadline has passed. true: finished, the thread was deleted. false:
    // still running, logged and abandoned (never deleted). A null thread is true.
    static bool finish(QThread* thread, QDeadlineTimer deadline, const QString& what);
    // The same for a private thread pool running such calls (the face models' load in dlib):
    // finished by the deadline, the pool is deleted; else logged, abandoned and never deleted.
    static bool finish(QThreadPool* pool, QDeadlineTimer deadline, const QString& what);

    // Threads abandoned in this process so far (the kiosk then exits with _exit after shutdown).
    static int abandonedThreads();

private:
    static void abandoned(const QString& what);  // counts and logs
};

}  // namespace mk::hw
