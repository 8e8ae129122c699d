#include "hw/printer/TcpTransport.h"

#include <QDeadlineTimer>

namespace mk::hw {

TcpTransport::TcpTransport(QString host, quint16 port, int connect_timeout_ms)
    : host_(std::move(host)), port_(port), connect_timeout_ms_(connect_timeout_ms)
{}

HwStatus TcpTransport::open()
{
    close();
    socket_.connectToHost(host_, port_);
    if (!socket_.waitForConnected(connect_timeout_ms_)) {
        HwError error =
            hwError(HwErrorCode::Unreachable, QStringLiteral("cannot connect to %1:%2: %3")
                                                  .arg(host_)
                                                  .arg(port_)
                                                  .arg(socket_.errorString()));
        socket_.abort();
        return error;
    }
    return Ok{};
}

void TcpTransport::close()
{
    socket_.abort();
}

bool TcpTransport::isOpen() const
{
    return socket_.state() == QAbstractSocket::ConnectedState;
}

HwStatus TcpTransport::writeAll(const QByteArray& bytes, int timeout_ms)
{
    if (!isOpen() || socket_.write(bytes) != bytes.size()) {
        HwError error = hwError(HwErrorCode::Io, QStringLiteral("write to %1:%2 failed: %3")
                                                     .arg(host_)
                                                     .arg(port_)
                                                     .arg(socket_.errorString()));
        close();
        return error;
    }
    const QDeadlineTimer deadline(timeout_ms);
    while (socket_.bytesToWrite() > 0) {
        if (deadline.hasExpired() ||
            !socket_.waitForBytesWritten(static_cast<int>(deadline.remainingTime()))) {
            HwError error =
                hwError(HwErrorCode::Timeout, QStringLiteral("write to %1:%2 timed out: %3")
                                                  .arg(host_)
                                                  .arg(port_)
                                                  .arg(socket_.errorString()));
            close();
            return error;
        }
    }
    return Ok{};
}

int TcpTransport::readByte(int timeout_ms)
{
    if (socket_.bytesAvailable() == 0) {
        if (!isOpen() || !socket_.waitForReadyRead(timeout_ms)) {
            if (socket_.state() != QAbstractSocket::ConnectedState) close();
            return -1;
        }
    }
    char c = 0;
    if (!socket_.getChar(&c)) return -1;
    return static_cast<unsigned char>(c);
}

void TcpTransport::discardInput()
{
    if (!isOpen()) return;
    socket_.waitForReadyRead(0);
    socket_.readAll();
}

}  // namespace mk::hw
