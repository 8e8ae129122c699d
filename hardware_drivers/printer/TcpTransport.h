// PrinterTransport to a network printer's raw port (usually 9100). Worker-thread only.
#pragma once

#include "hw/printer/PrinterTransport.h"

#include <QTcpSocket>

namespace mk::hw {

class TcpTransport : public PrinterTransport
{
public:
    TcpTransport(QString host, quint16 port, int connect_timeout_ms);
    HwStatus open() override;
    void close() override;
    bool isOpen() const override;
    HwStatus writeAll(const QByteArray& bytes, int timeout_ms) override;
    int readByte(int timeout_ms) override;
    void discardInput() override;

private:
    QString host_;
    quint16 port_ = 9100;
    int connect_timeout_ms_ = 2000;
    QTcpSocket socket_;
};

}  // namespace mk::hw
