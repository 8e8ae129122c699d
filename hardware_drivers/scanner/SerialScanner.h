// Serial (RS-232 / USB CDC-ACM) QR scanner on QSerialPort: each code arrives as a line ended by
// CR and/or LF (SerialFrameSplitter). Hot-plug: a read error, the port vanishing or failing to
// open → Missing, then a reopen attempt every reopen_interval_ms → Ready when it opens again.
#pragma once

#include "hw/scanner/QrScanner.h"
#include "hw/scanner/SerialFrameSplitter.h"

#include <QSerialPort>
#include <QTimer>

namespace mk::hw {

struct SerialScannerConfig {
    QString port;  // "ttyACM0", "/dev/ttyUSB0" or a stable symlink like /dev/serial/by-id/...
    qint32 baud_rate = 9600;
    QByteArray terminators = QByteArrayLiteral("\r\n");  // any of these bytes ends a code
    int max_line_bytes = 1024;
    int reopen_interval_ms = 1000;
};

class SerialScanner : public QrScanner
{
    Q_OBJECT
public:
    explicit SerialScanner(const SerialScannerConfig& config,
                           const QString& device_id = QStringLiteral("scanner-serial"),
                           QObject* parent = nullptr);
    ~SerialScanner() override;

    bool start() override;
    void stop() override;
    DeviceHealth health() const override;

    const SerialFrameStats& stats() const { return splitter_.stats(); }
    bool isOpen() const { return port_.isOpen(); }

private:
    bool tryOpen();
    void onReadyRead();
    void onError(QSerialPort::SerialPortError error);
    void lost(const QString& detail);
    void setHealth(DeviceState state, const QString& detail);

    SerialScannerConfig config_;
    QSerialPort port_;
    SerialFrameSplitter splitter_;
    QTimer reopen_timer_;
    DeviceHealth health_;
    bool running_ = false;
};

}  // namespace mk::hw
