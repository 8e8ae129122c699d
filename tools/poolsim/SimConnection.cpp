#include "SimConnection.h"

#include "SimLog.h"

#include <QRegularExpression>

#include <sys/socket.h>

namespace mk::sim {
namespace {

// Qt reads at most this much from the kernel ahead of the parser (back-pressure on a flood).
constexpr qint64 kReadBufferBytes = 256 * 1024;
// The longest method name accepted (the simulator knows GET and POST).
constexpr qsizetype kMaxMethodBytes = 16;

bool isToken(const QByteArray& s)
{
    static const QRegularExpression token(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
    return token.match(QString::fromLatin1(s)).hasMatch();
}

}  // namespace

SimConnection::SimConnection(QTcpSocket* socket, const SimLimits& limits, Handler handler,
                             QObject* parent)
    : QObject(parent), socket_(socket), limits_(limits), handler_(std::move(handler))
{
    socket->setParent(this);
    socket->setReadBufferSize(kReadBufferBytes);
    timer_.setSingleShot(true);
    connect(&timer_, &QTimer::timeout, this, &SimConnection::onTimeout);
    connect(socket, &QTcpSocket::readyRead, this, &SimConnection::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, &SimConnection::onBytesWritten);
    connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    timer_.start(limits_.request_timeout_ms);
    if (socket->bytesAvailable() > 0) {
        QTimer::singleShot(0, this, &SimConnection::onReadyRead);
    }
}

void SimConnection::onReadyRead()
{
    if (!socket_) {
        return;
    }
    if (phase_ == Phase::Handling || (phase_ == Phase::Closing && keep_alive_)) {
        return;  // the next request (keep-alive) is read once this one is answered
    }
    if (phase_ == Phase::Closing) {
        socket_->readAll();  // refused bytes, or a request after the last one: not kept
        return;
    }
    if (buffer_.isEmpty() && served_ > 0 && socket_->bytesAvailable() > 0) {
        timer_.start(limits_.request_timeout_ms);  // the next request began: its own deadline
    }
    buffer_ += socket_->readAll();
    if (phase_ == Phase::Head) {
        // Not HTTP at all (a TLS ClientHello, binary noise): refused at once, not after the
        // timeout, so that such a client fails fast.
        const qsizetype space = buffer_.indexOf(' ');
        const QByteArray method = buffer_.left(space < 0 ? kMaxMethodBytes + 1 : space);
        if (method.size() > kMaxMethodBytes || (!method.isEmpty() && !isToken(method))) {
            refuse(400, QStringLiteral("structure"), QStringLiteral("not an HTTP request"));
            return;
        }
        const qsizetype end = buffer_.indexOf("\r\n\r\n");
        if (end < 0 ? buffer_.size() > limits_.max_header_bytes
                    : end + 4 > limits_.max_header_bytes) {
            refuse(431, QStringLiteral("too-long"),
                   QStringLiteral("request line and headers over %1 bytes")
                       .arg(limits_.max_header_bytes));
            return;
        }
        if (end < 0) {
            return;
        }
        const QByteArray head = buffer_.left(end);
        buffer_.remove(0, end + 4);
        if (!parseHead(head)) {
            return;
        }
        phase_ = Phase::Body;
        timer_.start(limits_.request_timeout_ms);  // the body has its own deadline
        if (content_length_ > 0 && buffer_.isEmpty() &&
            request_.value(QByteArrayLiteral("Expect"))
                    .compare("100-continue", Qt::CaseInsensitive) == 0) {
            socket_->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
        }
    }
    if (buffer_.size() < content_length_) {
        return;
    }
    request_.body = buffer_.left(content_length_);
    buffer_.clear();
    buffer_.squeeze();
    timer_.stop();
    phase_ = Phase::Handling;
    handler_(request_, this);
}

bool SimConnection::parseHead(const QByteArray& head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> first =
        lines.value(0).chopped(lines.value(0).endsWith('\r') ? 1 : 0).split(' ');
    const QByteArray target = first.value(1);
    if (first.size() != 3 || !isToken(first.at(0)) || !target.startsWith('/') ||
        (first.at(2) != "HTTP/1.1" && first.at(2) != "HTTP/1.0")) {
        refuse(400, QStringLiteral("structure"), QStringLiteral("not an HTTP/1.1 request line"));
        return false;
    }
    request_.method = first.at(0);
    keep_alive_ = keep_alive_ && first.at(2) == "HTTP/1.1";
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.left(colon))) {
            refuse(400, QStringLiteral("structure"), QStringLiteral("malformed header line"));
            return false;
        }
        request_.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    const QByteArray local =
        socket_ ? socket_->localAddress().toString().toLatin1() : QByteArrayLiteral("127.0.0.1");
    const quint16 port = socket_ ? socket_->localPort() : quint16(0);
    request_.url = QUrl::fromEncoded(QByteArrayLiteral("http://") + local + ':' +
                                     QByteArray::number(port) + target);
    if (!request_.url.isValid()) {
        refuse(400, QStringLiteral("structure"), QStringLiteral("malformed request target"));
        return false;
    }
    if (!request_.value(QByteArrayLiteral("Transfer-Encoding")).isEmpty()) {
        refuse(411, QStringLiteral("not-supported"),
               QStringLiteral("send the body with Content-Length (no Transfer-Encoding)"));
        return false;
    }
    content_length_ = 0;
    bool seen = false;
    for (const auto& h : std::as_const(request_.headers)) {
        if (h.first.compare("Content-Length", Qt::CaseInsensitive) != 0) {
            continue;
        }
        static const QRegularExpression digits(QStringLiteral("^[0-9]{1,18}$"));
        const qint64 n = h.second.toLongLong();
        if (!digits.match(QString::fromLatin1(h.second)).hasMatch() ||
            (seen && n != content_length_)) {
            refuse(400, QStringLiteral("structure"), QStringLiteral("bad Content-Length"));
            return false;
        }
        content_length_ = n;
        seen = true;
    }
    if (request_.value(QByteArrayLiteral("Connection")).toLower().contains("close")) {
        keep_alive_ = false;
    }
    if (content_length_ > limits_.max_body_bytes) {
        refuse(413, QStringLiteral("too-long"),
               QStringLiteral("request body over %1 bytes").arg(limits_.max_body_bytes));
        return false;
    }
    return true;
}

void SimConnection::onTimeout()
{
    if (idle()) {  // a kept-alive connection nobody used for keep_alive_idle_ms: closed quietly
        phase_ = Phase::Closing;
        if (socket_) {
            socket_->disconnectFromHost();
        }
        return;
    }
    if (phase_ == Phase::Head || phase_ == Phase::Body) {
        refuse(408, QStringLiteral("timeout"),
               QStringLiteral("the request did not arrive within %1 ms")
                   .arg(limits_.request_timeout_ms));
        return;
    }
    abort();  // a reply the client does not read, or a held ("hang") connection
}

void SimConnection::refuse(int status, const QString& code, const QString& text)
{
    qCInfo(lcPoolSim) << "refused a request:" << status << text;
    keep_alive_ = false;  // the rest of what the client sent cannot be trusted to be a request
    buffer_.clear();
    buffer_.squeeze();
    reply(outcomeReply(status, code, text));
}

void SimConnection::reply(const SimReply& reply, int delay_ms)
{
    if (phase_ == Phase::Closing) {
        return;
    }
    phase_ = Phase::Closing;
    timer_.stop();
    served_ += 1;
    keep_alive_ = keep_alive_ && served_ < limits_.max_requests_per_connection;
    const QByteArray data = serializeReply(reply, keep_alive_);
    if (delay_ms > 0) {
        QTimer::singleShot(delay_ms, this, [this, data] { writeNow(data); });
    } else {
        writeNow(data);
    }
}

void SimConnection::writeNow(const QByteArray& data)
{
    if (!socket_) {
        return;
    }
    // The client has request_timeout_ms to read the reply and close; then it is reset.
    timer_.start(limits_.request_timeout_ms);
    socket_->write(data);
    socket_->flush();
    onBytesWritten();
}

void SimConnection::onBytesWritten()
{
    if (phase_ != Phase::Closing || write_shut_ || !socket_ || socket_->bytesToWrite() > 0) {
        return;
    }
    if (keep_alive_) {
        nextRequest();
        return;
    }
    // Everything is written: end our side, keep reading (and discarding) what the client still
    // sends until it closes, so that it sees the reply rather than a reset.
    write_shut_ = true;
    ::shutdown(int(socket_->socketDescriptor()), SHUT_WR);
}

void SimConnection::nextRequest()
{
    phase_ = Phase::Head;
    request_ = SimRequest{};
    content_length_ = 0;
    timer_.start(limits_.keep_alive_idle_ms);
    if (!buffer_.isEmpty() || (socket_ && socket_->bytesAvailable() > 0)) {
        // The client sent its next request before this reply was out (pipelining).
        timer_.start(limits_.request_timeout_ms);
        QTimer::singleShot(0, this, &SimConnection::onReadyRead);
    }
}

void SimConnection::hold()
{
    phase_ = Phase::Handling;
    timer_.start(limits_.hold_ms);
}

void SimConnection::abort()
{
    phase_ = Phase::Closing;
    timer_.stop();
    if (socket_) {
        socket_->abort();
    }
    deleteLater();
}

}  // namespace mk::sim
