// A contactless card on the vsmartcard virtual reader (vpcd) for the card-reader tests: speaks the
// vpcd protocol over TCP (2-byte big-endian length, then 1-byte control 0x00 off, 0x01 on, 0x02
// reset, 0x04 "send ATR", or an APDU to answer). tests/devices/printer, tests/checkin.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTcpSocket>

#include <utility>

namespace mk::test {

// A virtual card speaking the vpcd protocol over TCP.
class VirtualCard : public QObject
{
public:
    enum class Mode { Uid, NoGetData, VanishOnApdu };
    VirtualCard(QByteArray atr, QByteArray uid, Mode mode = Mode::Uid)
        : atr_(std::move(atr)), uid_(std::move(uid)), mode_(mode)
    {
        connect(&socket_, &QTcpSocket::readyRead, this, &VirtualCard::onReadyRead);
    }
    void insert(quint16 port) { socket_.connectToHost(QStringLiteral("127.0.0.1"), port); }
    void remove() { socket_.abort(); }
    bool connected() const { return socket_.state() == QAbstractSocket::ConnectedState; }
    int apdus = 0;

private:
    void send(const QByteArray& data)
    {
        QByteArray msg;
        msg.append(static_cast<char>(data.size() >> 8))
            .append(static_cast<char>(data.size() & 0xff))
            .append(data);
        socket_.write(msg);
    }
    void onReadyRead()
    {
        buffer_.append(socket_.readAll());
        while (buffer_.size() >= 2) {
            const int length =
                (static_cast<quint8>(buffer_.at(0)) << 8) | static_cast<quint8>(buffer_.at(1));
            if (buffer_.size() < 2 + length) return;
            const QByteArray msg = buffer_.mid(2, length);
            buffer_.remove(0, 2 + length);
            if (length == 1) {
                if (msg.at(0) == 0x04) send(atr_);  // 0x00 off, 0x01 on, 0x02 reset: no answer
                continue;
            }
            ++apdus;
            if (mode_ == Mode::VanishOnApdu) {
                socket_.abort();  // pulled out mid-read
                return;
            }
            if (msg == QByteArray::fromHex("ffca000000") && mode_ == Mode::Uid) {
                send(uid_ + QByteArray::fromHex("9000"));
            } else {
                send(QByteArray::fromHex("6d00"));  // instruction not supported
            }
        }
    }
    QTcpSocket socket_;
    QByteArray buffer_;
    QByteArray atr_;
    QByteArray uid_;
    Mode mode_;
};

}  // namespace mk::test
