// Shutdown is bounded whatever a device library does (issue 16, docs/hardware.md): a device
// double whose worker thread blocks forever inside its "library call" is abandoned by
// ThreadJoin::finish at the deadline (logged, counted, never deleted under the thread), one that
// stops in time is joined and its worker deleted, and the real receipt printer, blocked in a read
// from a printer that never answers, is stopped by its deadline the same way.
#include "hw/common/DeviceHealth.h"
#include "hw/common/ThreadJoin.h"
#include "hw/printer/ReceiptPrinter.h"

#include <QPointer>
#include <QRegularExpression>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <memory>

using namespace mk::hw;

namespace {
// What the double's worker shares with the test: it outlives the device when it is abandoned.
struct Library {
    QSemaphore entered;  // released when the worker is inside the call
    QSemaphore release;  // the call returns when the test releases this
    std::atomic<bool> returned{false};
};

// The worker: one blocking call into a device library that may never return.
class BlockingWorker : public QObject
{
    Q_OBJECT
public:
    explicit BlockingWorker(std::shared_ptr<Library> library) : library_(std::move(library)) {}
    void work(bool block)
    {
        library_->entered.release();
        if (block) library_->release.acquire();  // "inside libspeechd"
        library_->returned = true;
    }

private:
    std::shared_ptr<Library> library_;
};

// A device double built like Speaker and ReceiptPrinter: a worker on its own QThread, ended with
// ThreadJoin::finish in stop() and in the destructor.
class BlockingDevice : public Device
{
    Q_OBJECT
public:
    BlockingDevice(std::shared_ptr<Library> library, bool block, int stop_ms) : stop_ms_(stop_ms)
    {
        thread_ = new QThread;
        worker_ = new BlockingWorker(std::move(library));
        worker_->moveToThread(thread_);
        thread_->start();
        BlockingWorker* worker = worker_;
        QMetaObject::invokeMethod(worker, [worker, block] { worker->work(block); });
    }
    ~BlockingDevice() override { stop(); }
    DeviceHealth health() const override { return {}; }
    QPointer<BlockingWorker> worker() const { return worker_; }
    bool stop()
    {
        if (thread_ == nullptr) return true;
        worker_->deleteLater();
        const bool joined =
            ThreadJoin::finish(thread_, QDeadlineTimer(stop_ms_), QStringLiteral("double"));
        thread_ = nullptr;
        return joined;
    }

private:
    int stop_ms_ = 0;
    QThread* thread_ = nullptr;
    QPointer<BlockingWorker> worker_;
};
}  // namespace

class TestDeviceThreads : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void blockedWorkerIsAbandoned();
    void freeWorkerIsJoined();
    void nullThreadIsFinished();
    void printerBlockedInAReadStops();
};

void TestDeviceThreads::blockedWorkerIsAbandoned()
{
    auto library = std::make_shared<Library>();
    const int abandoned_before = ThreadJoin::abandonedThreads();
    QTest::ignoreMessage(
        QtWarningMsg,
        QRegularExpression(QStringLiteral("device thread double did not stop in time")));
    {
        BlockingDevice device(library, true, 200);
        QVERIFY(library->entered.tryAcquire(1, 60000));  // inside the call that never returns
        QVERIFY(!device.stop());                         // returns: abandoned, not joined
        QVERIFY(device.worker());                        // never deleted under its running thread
    }  // the device is gone, its thread still blocked
    QCOMPARE(ThreadJoin::abandonedThreads(), abandoned_before + 1);
    QVERIFY(!library->returned);
    // The library call returns at last: the abandoned thread ends without touching the device.
    library->release.release();
    QTRY_VERIFY_WITH_TIMEOUT(library->returned, 60000);
}

void TestDeviceThreads::freeWorkerIsJoined()
{
    auto library = std::make_shared<Library>();
    const int abandoned_before = ThreadJoin::abandonedThreads();
    QTest::failOnWarning(QRegularExpression(QStringLiteral("did not stop in time")));
    BlockingDevice device(library, false, 60000);
    QVERIFY(library->entered.tryAcquire(1, 60000));
    const QPointer<BlockingWorker> worker = device.worker();
    QVERIFY(device.stop());
    QVERIFY(worker.isNull());  // deleted on its own thread before the thread finished
    QVERIFY(library->returned);
    QCOMPARE(ThreadJoin::abandonedThreads(), abandoned_before);
}

void TestDeviceThreads::nullThreadIsFinished()
{
    QVERIFY(ThreadJoin::finish(static_cast<QThread*>(nullptr), QDeadlineTimer(0),
                               QStringLiteral("none")));
    QVERIFY(ThreadJoin::finish(static_cast<QThreadPool*>(nullptr), QDeadlineTimer(0),
                               QStringLiteral("none")));
}

// A printer that takes the status query and never answers: the worker sits in readByte for
// io_timeout_ms (long); stop() with a short deadline returns and abandons it, and the thread
// ends by itself later (the printer's connection is then closed).
void TestDeviceThreads::printerBlockedInAReadStops()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    PrinterConfig config;
    config.transport = PrinterConfig::Transport::Tcp;
    config.host = QStringLiteral("127.0.0.1");
    config.tcp_port = silent.serverPort();
    config.io_timeout_ms = 20000;
    config.poll_interval_ms = 60000;
    const int abandoned_before = ThreadJoin::abandonedThreads();
    QTest::ignoreMessage(
        QtWarningMsg,
        QRegularExpression(QStringLiteral("device thread printer did not stop in time")));
    QPointer<QTcpSocket> peer;
    {
        ReceiptPrinter printer(config);
        printer.start();
        QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections(), 60000);
        peer = silent.nextPendingConnection();
        QVERIFY(peer);
        // The status query arrived: the worker now waits for an answer that never comes.
        QTRY_VERIFY_WITH_TIMEOUT(peer->bytesAvailable() > 0, 60000);
        QCOMPARE(printer.health().state, DeviceState::Unset);
        printer.stop(QDeadlineTimer(200));
        QCOMPARE(ThreadJoin::abandonedThreads(), abandoned_before + 1);
        QVERIFY(!printer.print(QByteArrayLiteral("x")).result().ok());  // stopped: jobs fail
    }
    // The read times out, the worker closes the connection and its thread ends.
    QTRY_VERIFY_WITH_TIMEOUT(peer->state() == QAbstractSocket::UnconnectedState, 120000);
}

QTEST_GUILESS_MAIN(TestDeviceThreads)
#include "tst_devicethreads.moc"
