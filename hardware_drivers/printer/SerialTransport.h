// PrinterTransport over QSerialPort (RS-232, USB-serial adapters, a pty in tests). 8N1, no flow
// control. Worker-thread only.
#pragma once

#include "hw/printer/PrinterTransport.h"

#include <QSerialPort>

namespace mk::hw {

class SerialTransport : public PrinterTransport
{
public:
    SerialTransport(QString port_name, int baud);
    HwStatus open() override;
    void close() override;
    bool isOpen() const override;
    HwStatus writeAll(const QByteArray& bytes, int timeout_ms) override;
    int readByte(int timeout_ms) override;
    void discardInput() override;

private:
    QString port_name_;
    int baud_ = 115200;
    QSerialPort port_;
};

}  // namespace mk::hw
