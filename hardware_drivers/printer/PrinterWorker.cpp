#include "hw/printer/PrinterWorker.h"

#include "hw/printer/EscPos.h"

namespace mk::hw {

PrinterWorker::PrinterWorker(PrinterConfig config) : config_(std::move(config)) {}

PrinterWorker::~PrinterWorker() = default;

void PrinterWorker::start()
{
    transport_ = PrinterTransport::create(config_);
    timer_ = new QTimer(this);
    timer_->setInterval(config_.poll_interval_ms);
    connect(timer_, &QTimer::timeout, this, &PrinterWorker::poll);
    timer_->start();
    poll();
}

void PrinterWorker::stop()
{
    if (timer_ != nullptr) timer_->stop();
    if (transport_) transport_->close();
    transport_.reset();
}

HwStatus PrinterWorker::ensureOpen()
{
    if (!transport_)
        return hwError(HwErrorCode::NotConfigured,
                       QStringLiteral("no printer transport configured"));
    if (transport_->isOpen()) return Ok{};
    return transport_->open();
}

HwResult<PrinterStatus> PrinterWorker::queryStatus()
{
    if (HwStatus open = ensureOpen(); !open) return open.error();
    // Write-only device file: the best we know is that it is there.
    if (!transport_->canRead()) return PrinterStatus();
    transport_->discardInput();
    PrinterStatus status;
    for (int n = 1; n <= 4; ++n) {
        HwStatus sent = transport_->writeAll(EscPos::statusQuery(n), config_.io_timeout_ms);
        if (!sent) return sent.error();
        const int byte = transport_->readByte(config_.io_timeout_ms);
        if (byte < 0 || !status.apply(n, static_cast<quint8>(byte))) {
            transport_->close();
            return hwError(HwErrorCode::NoAnswer,
                           byte < 0
                               ? QStringLiteral("the printer does not answer status queries")
                               : QStringLiteral("the printer answered a status query with 0x%1")
                                     .arg(byte, 2, 16, QLatin1Char('0')));
        }
    }
    return status;
}

void PrinterWorker::poll()
{
    const HwResult<PrinterStatus> status = queryStatus();
    Q_EMIT polled(status.ok(), status.ok() ? status.value() : PrinterStatus(),
                  status.ok() ? QString() : status.error().detail);
}

void PrinterWorker::print(const QByteArray& bytes,
                          const std::shared_ptr<QPromise<HwStatus>>& promise)
{
    const HwStatus result = [&]() -> HwStatus {
        const HwResult<PrinterStatus> queried = queryStatus();
        if (!queried) {
            Q_EMIT polled(false, PrinterStatus(), queried.error().detail);
            return queried.error();
        }
        const PrinterStatus& status = queried.value();
        Q_EMIT polled(true, status, QString());
        if (status.cover_open)
            return hwError(HwErrorCode::DeviceState, QStringLiteral("cover open"));
        if (status.paperMissing())
            return hwError(HwErrorCode::DeviceState, QStringLiteral("paper out"));
        if (status.cutter_error || status.unrecoverable_error)
            return hwError(HwErrorCode::DeviceState, QStringLiteral("printer error"));
        // The timeout allows 10 ms a byte: a 1200-baud serial link.
        HwStatus written = transport_->writeAll(
            bytes, config_.io_timeout_ms + static_cast<int>(bytes.size()) * 10);
        if (!written) Q_EMIT polled(false, PrinterStatus(), written.error().detail);
        return written;
    }();
    promise->start();
    promise->addResult(result);
    promise->finish();
}

}  // namespace mk::hw
