#pragma once

#include "SimHttp.h"

#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>

namespace mk::sim {

// What one connection may cost the simulator (docs/pool-protocol.md "Limits").
struct SimLimits {
    qint64 max_body_bytes = 1024 * 1024;  // larger: 413 before the body is read
    int max_header_bytes = 32 * 1024;     // request line + headers; larger: 431
    int request_timeout_ms = 10000;       // for the headers, then again for the body: 408
    int hold_ms = 60000;                  // the "hang" fault holds a connection at most this long
};

// One client connection of the simulator's HTTP/1.1 server: reads one request within the
// limits, hands it to the handler, writes one reply and closes (`Connection: close`).
// Deletes itself when the connection ends.
class SimConnection : public QObject
{
public:
    using Handler = std::function<void(const SimRequest&, SimConnection*)>;

    // Takes ownership of the socket. The parent (the server) deletes what is still open when it
    // stops.
    SimConnection(QTcpSocket* socket, const SimLimits& limits, Handler handler, QObject* parent);

    // Writes the reply (after delay_ms), then closes; the rest of the request is discarded.
    void reply(const SimReply& reply, int delay_ms = 0);
    // Never replies (the "hang" fault); the connection ends when the client gives up, or after
    // SimLimits::hold_ms.
    void hold();
    // Resets the connection now (the "drop" and "outage" faults).
    void abort();

private:
    enum class Phase { Head = 1, Body, Handling, Closing };

    void onReadyRead();
    void onTimeout();
    // Parses request line and headers from head; false after an error reply.
    bool parseHead(const QByteArray& head);
    void refuse(int status, const QString& code, const QString& text);
    void writeNow(const QByteArray& data);
    void onBytesWritten();

    QPointer<QTcpSocket> socket_;
    SimLimits limits_;
    Handler handler_;
    Phase phase_ = Phase::Head;
    QByteArray buffer_;
    SimRequest request_;
    qint64 content_length_ = 0;
    bool write_shut_ = false;
    QTimer timer_;
};

}  // namespace mk::sim
