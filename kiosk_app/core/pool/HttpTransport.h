// One HTTP exchange, as the pool client needs it: an interface so tests and tools can put another
// transport under PoolClient (the real one is CurlTransport).
#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrl>

namespace mk::pool {

struct HttpRequest {
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;  // name, value
    QByteArray body;                               // sent when not empty (or method is POST)
};

struct HttpResponse {
    int status = 0;
    QByteArray body;
    QByteArray content_type;  // as sent, e.g. "application/fhir+json; charset=utf-8"
    QByteArray retry_after;   // Retry-After, raw
    QByteArray etag;
    QByteArray location;
    qint64 elapsed_ms = 0;
};

struct TransportOptions {
    QString ca_file;  // extra CA bundle; empty = system store. Verification is always on.
    int connect_timeout_ms = 3000;
    int request_timeout_ms = 8000;
    qint64 max_reply_bytes = 8 * 1024 * 1024;
};

class HttpTransport
{
public:
    virtual ~HttpTransport() = default;
    // A reply with any HTTP status is a value; only transport failures are errors:
    // Network, Timeout, Tls, BadReply ("oversized"), Config (unusable URL).
    virtual Result<HttpResponse> perform(const HttpRequest& request) = 0;
    // True when perform() may run on several threads at once.
    virtual bool threadSafe() const { return false; }
};

}  // namespace mk::pool
