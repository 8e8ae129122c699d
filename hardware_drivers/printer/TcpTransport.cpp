#include "hw/printer/TcpTransport.h"

#include <QDeadlineTimer>

namespace mk::hw {

TcpTransport::TcpTransport(QString host, quint16 port, int connect_timeout_ms)
    : host_(std::move(host)), port_(port), connect_timeout_ms_(connect_timeout_ms)
{}

bool TcpTransport::open(QString* error)
{
    close();
    socket_.connectToHost(host_, port_);
    if (!socket_.waitForConnected(connect_timeout_ms_)) {
        *error = QStringLiteral("cannot connect to %1:%2: %3")
                     .arg(host_)
                     .arg(port_)
                     .arg(socket_.errorString());
        socket_.abort();
        return false;
    }
    return true;
}

void TcpTransport::close()
{
    socket_.abort();
}

bool TcpTransport::isOpen() const
{
    return socket_.state() == QAbstractSocket::ConnectedState;
}

bool TcpTransport::writeAll(const QByteArray& bytes, int timeout_ms, QString* error)
{
    if (!isOpen() || socket_.write(bytes) != bytes.size()) {
        *error = QStringLiteral("write to %1:%2 failed: %3")
                     .arg(host_)
                     .arg(port_)
                     .arg(socket_.errorString());
        close();
        return false;
    }
    const QDeadlineTimer deadline(timeout_ms);
    while (socket_.bytesToWrite() > 0) {
        if (deadline.hasExpired() ||
            !socket_.waitForBytesWritten(static_cast<int>(deadline.remainingTime()))) {
            *error = QStringLiteral("write to %1:%2 timed out: %3")
                         .arg(host_)
                         .arg(port_)
                         .arg(socket_.errorString());
            close();
            return false;
        }
    }
    return true;
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
