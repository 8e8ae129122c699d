#include "hw/printer/ReceiptPrinter.h"

#include "hw/common/ThreadJoin.h"
#include "hw/printer/PrinterWorker.h"

#include <QLoggingCategory>
#include <QPromise>
#include <QThread>

namespace mk::hw {

namespace {
Q_LOGGING_CATEGORY(lcPrinter, "medkiosk.hw.printer")
}

ReceiptPrinter::ReceiptPrinter(PrinterConfig config, QObject* parent)
    : Device(parent), config_(std::move(config))
{
    qRegisterMetaType<mk::hw::PrinterStatus>();
    qRegisterMetaType<mk::hw::DeviceHealth>();
    health_.device_id = config_.device_id;
    health_.kind = QStringLiteral("printer");
}

ReceiptPrinter::~ReceiptPrinter()
{
    stop(QDeadlineTimer(ThreadJoin::kDeviceJoinMs));
}

void ReceiptPrinter::stop(QDeadlineTimer deadline)
{
    if (thread_ == nullptr) return;
    // Queued, never blocking: the worker may be inside a write that does not return.
    QMetaObject::invokeMethod(worker_, &PrinterWorker::stop, Qt::QueuedConnection);
    worker_->deleteLater();
    worker_ = nullptr;
    ThreadJoin::finish(thread_, deadline, QStringLiteral("printer"));
    thread_ = nullptr;
    health_.detail = tr("printer stopped");
}

void ReceiptPrinter::start()
{
    if (thread_ != nullptr) return;
    if (config_.transport == PrinterConfig::Transport::None ||
        config_.transport == PrinterConfig::Transport::Unset) {
        health_.state = DeviceState::Missing;
        health_.detail = config_.transport == PrinterConfig::Transport::None
                             ? tr("no printer configured ([devices] printer_transport = none)")
                             : tr("unknown [devices] printer_transport: use serial, usblp or tcp");
        Q_EMIT healthChanged(health_);
        return;
    }
    thread_ = new QThread;
    thread_->setObjectName(QStringLiteral("printer"));
    worker_ = new PrinterWorker(config_);
    worker_->moveToThread(thread_);
    connect(worker_, &PrinterWorker::polled, this, &ReceiptPrinter::onPolled, Qt::QueuedConnection);
    thread_->start();
    QMetaObject::invokeMethod(worker_, &PrinterWorker::start, Qt::QueuedConnection);
}

QFuture<HwStatus> ReceiptPrinter::print(const QByteArray& escpos)
{
    auto promise = std::make_shared<QPromise<HwStatus>>();
    QFuture<HwStatus> future = promise->future();
    if (worker_ == nullptr) {
        promise->start();
        promise->addResult(HwStatus(hwError(
            HwErrorCode::NotStarted,
            health_.detail.isEmpty() ? QStringLiteral("printer not started") : health_.detail)));
        promise->finish();
        return future;
    }
    PrinterWorker* worker = worker_;
    QMetaObject::invokeMethod(
        worker, [worker, escpos, promise]() { worker->print(escpos, promise); },
        Qt::QueuedConnection);
    return future;
}

void ReceiptPrinter::pollNow()
{
    if (worker_ != nullptr)
        QMetaObject::invokeMethod(worker_, &PrinterWorker::poll, Qt::QueuedConnection);
}

DeviceHealth ReceiptPrinter::healthFor(const QString& device_id, bool reachable,
                                       const PrinterStatus& status, const QString& error)
{
    DeviceHealth h;
    h.device_id = device_id;
    h.kind = QStringLiteral("printer");
    h.state = DeviceState::Missing;
    if (!reachable) {
        h.detail = tr("printer not reachable (%1): check its power and cable").arg(error);
    } else if (status.cover_open) {
        h.detail = tr("cover open: close the printer cover");
    } else if (status.paperMissing()) {
        h.detail = tr("paper out: load a new paper roll and close the cover");
    } else if (status.cutter_error) {
        h.detail = tr("cutter error: open the cover, clear the paper jam, close the cover");
    } else if (status.unrecoverable_error) {
        h.detail = tr("printer error: switch the printer off and on again");
    } else if (status.offline || status.error || status.auto_recoverable_error) {
        h.detail = tr("printer offline: check paper and cover; it resumes by itself when cleared");
    } else if (status.paper_near_end) {
        h.state = DeviceState::Degraded;
        h.detail = tr("paper near end: replace the paper roll soon");
    } else {
        h.state = DeviceState::Ready;
    }
    return h;
}

void ReceiptPrinter::onPolled(bool reachable, const mk::hw::PrinterStatus& status,
                              const QString& error)
{
    status_ = status;
    const DeviceHealth h = healthFor(config_.device_id, reachable, status, error);
    if (h == health_) return;
    health_ = h;
    qCInfo(lcPrinter) << "printer" << h.device_id << deviceStateName(h.state) << h.detail;
    Q_EMIT healthChanged(health_);
}

}  // namespace mk::hw
