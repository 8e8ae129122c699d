#include "hw/printer/SerialTransport.h"

#include <QDeadlineTimer>
#include <QFileInfo>

namespace mk::hw {

SerialTransport::SerialTransport(QString port_name, int baud)
    : port_name_(std::move(port_name)), baud_(baud)
{}

HwStatus SerialTransport::open()
{
    close();
    if (!QFileInfo::exists(port_name_)) {
        return hwError(HwErrorCode::Unreachable,
                       QStringLiteral("serial port %1 does not exist").arg(port_name_));
    }
    port_.setPortName(port_name_);
    if (!port_.open(QIODevice::ReadWrite)) {
        return hwError(HwErrorCode::Unreachable,
                       QStringLiteral("cannot open %1: %2").arg(port_name_, port_.errorString()));
    }
    port_.setBaudRate(baud_);
    port_.setDataBits(QSerialPort::Data8);
    port_.setParity(QSerialPort::NoParity);
    port_.setStopBits(QSerialPort::OneStop);
    port_.setFlowControl(QSerialPort::NoFlowControl);
    return Ok{};
}

void SerialTransport::close()
{
    if (port_.isOpen()) port_.close();
}

bool SerialTransport::isOpen() const
{
    return port_.isOpen();
}

HwStatus SerialTransport::writeAll(const QByteArray& bytes, int timeout_ms)
{
    if (port_.write(bytes) != bytes.size()) {
        HwError error =
            hwError(HwErrorCode::Io,
                    QStringLiteral("write to %1 failed: %2").arg(port_name_, port_.errorString()));
        close();
        return error;
    }
    const QDeadlineTimer deadline(timeout_ms);
    while (port_.bytesToWrite() > 0) {
        if (deadline.hasExpired() ||
            !port_.waitForBytesWritten(static_cast<int>(deadline.remainingTime()))) {
            HwError error = hwError(
                HwErrorCode::Timeout,
                QStringLiteral("write to %1 timed out: %2").arg(port_name_, port_.errorString()));
            close();
            return error;
        }
    }
    return Ok{};
}

int SerialTransport::readByte(int timeout_ms)
{
    if (!port_.isOpen()) return -1;
    if (port_.bytesAvailable() == 0 && !port_.waitForReadyRead(timeout_ms)) {
        if (port_.error() != QSerialPort::NoError && port_.error() != QSerialPort::TimeoutError)
            close();
        return -1;
    }
    char c = 0;
    if (!port_.getChar(&c)) return -1;
    return static_cast<unsigned char>(c);
}

void SerialTransport::discardInput()
{
    if (!port_.isOpen()) return;
    port_.waitForReadyRead(0);
    port_.readAll();
}

}  // namespace mk::hw
