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

bool PrinterWorker::ensureOpen(QString* error)
{
    if (!transport_) {
        *error = QStringLiteral("no printer transport configured");
        return false;
    }
    return transport_->isOpen() || transport_->open(error);
}

bool PrinterWorker::queryStatus(PrinterStatus* status, QString* error)
{
    if (!ensureOpen(error)) return false;
    if (!transport_->canRead()) {
        // Write-only device file: the best we know is that it is there.
        *status = PrinterStatus();
        return true;
    }
    transport_->discardInput();
    for (int n = 1; n <= 4; ++n) {
        if (!transport_->writeAll(EscPos::statusQuery(n), config_.io_timeout_ms, error))
            return false;
        const int byte = transport_->readByte(config_.io_timeout_ms);
        if (byte < 0 || !status->apply(n, static_cast<quint8>(byte))) {
            *error = byte < 0 ? QStringLiteral("the printer does not answer status queries")
                              : QStringLiteral("the printer answered a status query with 0x%1")
                                    .arg(byte, 2, 16, QLatin1Char('0'));
            transport_->close();
            return false;
        }
    }
    return true;
}

void PrinterWorker::poll()
{
    PrinterStatus status;
    QString error;
    const bool reachable = queryStatus(&status, &error);
    Q_EMIT polled(reachable, status, error);
}

void PrinterWorker::print(const QByteArray& bytes,
                          const std::shared_ptr<QPromise<PrintResult>>& promise)
{
    PrintResult result;
    PrinterStatus status;
    QString error;
    const bool reachable = queryStatus(&status, &error);
    Q_EMIT polled(reachable, status, error);
    if (!reachable) {
        result.detail = error;
    } else if (status.cover_open) {
        result.detail = QStringLiteral("cover open");
    } else if (status.paperMissing()) {
        result.detail = QStringLiteral("paper out");
    } else if (status.cutter_error || status.unrecoverable_error) {
        result.detail = QStringLiteral("printer error");
    } else if (!transport_->writeAll(
                   bytes, config_.io_timeout_ms + static_cast<int>(bytes.size()) * 10, &error)) {
        result.detail = error;  // the timeout allows 10 ms a byte: a 1200-baud serial link
        Q_EMIT polled(false, PrinterStatus(), error);
    } else {
        result.ok = true;
    }
    promise->start();
    promise->addResult(result);
    promise->finish();
}

}  // namespace mk::hw
