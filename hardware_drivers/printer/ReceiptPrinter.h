// The kiosk's 80 mm ESC/POS receipt printer (a Device). Transport from PrinterConfig: serial
// (QSerialPort), USB line-printer file (/dev/usb/lp0) or TCP (port 9100). All I/O runs in the
// printer's own worker thread: print() returns at once with a QFuture, and status is polled
// (DLE EOT 1-4) every poll_interval_ms to keep health() current. A printer that goes away
// (unplugged, switched off, cable pulled) turns Missing and comes back Ready on its own, without
// a restart.
//
// Use from the check-in screen (UI thread), with the kiosk's owner-bound continuation
// (kiosk_app/core/common/WhenFinished.h; not QFuture::then(this, ...), which asserts or drops the
// answer when the screen goes before the job finishes):
//   mk::whenFinished(printer->print(VisitTicket{...}.toEscPos()), this,
//                    [this](const mk::hw::HwStatus& r) { ... });
//
// Health:  Ready     status answered, nothing wrong
//          Degraded  paper near end (prints, but the roll must be replaced soon)
//          Missing   not reachable / not answering, cover open, paper out, cutter or other error;
//                    detail says what staff should do ("cover open: close the printer cover").
#pragma once

#include "hw/common/DeviceHealth.h"
#include "hw/common/HwResult.h"
#include "hw/printer/PrinterConfig.h"
#include "hw/printer/PrinterStatus.h"

#include <QDeadlineTimer>
#include <QFuture>

class QThread;

namespace mk::hw {

class PrinterWorker;

class ReceiptPrinter : public Device
{
    Q_OBJECT
public:
    explicit ReceiptPrinter(PrinterConfig config, QObject* parent = nullptr);
    ~ReceiptPrinter() override;

    // Starts the worker thread and status polling. health() is Unset until the first poll.
    void start();
    // Closes the transport and ends the worker thread by the deadline (the destructor:
    // ThreadJoin::kDeviceJoinMs). A thread blocked in a driver (a serial or USB write that never
    // returns) is logged and abandoned (common/ThreadJoin.h). Jobs sent afterwards fail.
    // Idempotent.
    void stop(QDeadlineTimer deadline);
    DeviceHealth health() const override { return health_; }
    PrinterStatus lastStatus() const { return status_; }
    const PrinterConfig& config() const { return config_; }

    // Sends an ESC/POS job (see EscPos, VisitTicket). Never blocks; the future finishes with the
    // result (not ok when the printer is missing, out of paper, cover open...). Jobs run in order.
    QFuture<HwStatus> print(const QByteArray& escpos);
    // Polls status now instead of waiting for the next period.
    void pollNow();

    // Health for a poll outcome (pure; the texts staff see).
    static DeviceHealth healthFor(const QString& device_id, bool reachable,
                                  const PrinterStatus& status, const QString& error);

private:
    void onPolled(bool reachable, const mk::hw::PrinterStatus& status, const QString& error);

    PrinterConfig config_;
    QThread* thread_ = nullptr;        // owned; abandoned when it does not stop in time
    PrinterWorker* worker_ = nullptr;  // lives on thread_
    DeviceHealth health_;
    PrinterStatus status_;
};

}  // namespace mk::hw
