// Lives in ReceiptPrinter's worker thread: owns the transport, polls status, sends jobs. Blocking
// I/O happens here only, never on the caller's (UI) thread.
#pragma once

#include "hw/common/HwResult.h"
#include "hw/printer/PrinterConfig.h"
#include "hw/printer/PrinterStatus.h"
#include "hw/printer/PrinterTransport.h"

#include <QObject>
#include <QPromise>
#include <QTimer>

#include <memory>

namespace mk::hw {

class PrinterWorker : public QObject
{
    Q_OBJECT
public:
    explicit PrinterWorker(PrinterConfig config);
    ~PrinterWorker() override;

    void start();
    void stop();
    void poll();
    void print(const QByteArray& bytes, const std::shared_ptr<QPromise<HwStatus>>& promise);

Q_SIGNALS:
    // reachable false: error says why; status is meaningful only when reachable.
    void polled(bool reachable, const mk::hw::PrinterStatus& status, const QString& error);

private:
    HwStatus ensureOpen();
    HwResult<PrinterStatus> queryStatus();

    PrinterConfig config_;
    std::unique_ptr<PrinterTransport> transport_;
    QTimer* timer_ = nullptr;
};

}  // namespace mk::hw
