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
    // HTTP/1.1 keep-alive: an idle connection is closed after keep_alive_idle_ms, and after
    // max_requests_per_connection replies (the last one says `Connection: close`); 1 = every
    // reply closes its connection.
    int keep_alive_idle_ms = 5000;
    int max_requests_per_connection = 100;
};

// One client connection of the simulator's HTTP/1.1 server: reads a request within the limits,
// hands it to the handler, writes its reply; then reads the next request on the same connection
// (keep-alive) unless the client asked to close, spoke HTTP/1.0, the request was refused (400,
// 408, 413, 431...), or the connection served max_requests_per_connection; those replies say
// `Connection: close` and the connection ends. Deletes itself when the connection ends.
class SimConnection : public QObject
{
public:
    using Handler = std::function<void(const SimRequest&, SimConnection*)>;

    // Takes ownership of the socket. The parent (the server) deletes what is still open when it
    // stops.
    SimConnection(QTcpSocket* socket, const SimLimits& limits, Handler handler, QObject* parent);

    // Writes the reply (after delay_ms); then either waits for the next request (keep-alive) or
    // closes (the rest of the request is discarded).
    void reply(const SimReply& reply, int delay_ms = 0);
    // The next reply closes the connection (an overload refusal).
    void closeAfterReply() { keep_alive_ = false; }
    // Waiting between two requests of a kept-alive connection (nothing of the next one read).
    bool idle() const { return phase_ == Phase::Head && served_ > 0 && buffer_.isEmpty(); }
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
    void nextRequest();  // keep-alive: back to reading a request

    QPointer<QTcpSocket> socket_;
    SimLimits limits_;
    Handler handler_;
    Phase phase_ = Phase::Head;
    QByteArray buffer_;
    SimRequest request_;
    qint64 content_length_ = 0;
    bool write_shut_ = false;
    bool keep_alive_ = true;  // until the request, the limits or a refusal say otherwise
    int served_ = 0;          // replies written on this connection
    QTimer timer_;
};

}  // namespace mk::sim
