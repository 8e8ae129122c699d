// A pool transport that answers each request with the next scripted reply and records the
// requests (no network): for client tests of replies a server would rarely send. tests/paycore,
// tests/pool.
#pragma once

#include "core/pool/HttpTransport.h"

#include <QList>
#include <QMutex>

#include <utility>

namespace mk::test {

class ScriptedTransport : public pool::HttpTransport
{
public:
    QList<pool::HttpResponse> replies;
    QList<pool::HttpRequest> requests;
    Result<pool::HttpResponse> perform(const pool::HttpRequest& request) override
    {
        QMutexLocker lock(&mutex_);
        requests.append(request);
        if (replies.isEmpty()) return makeError(ErrorCode::Network, QStringLiteral("no reply"));
        return replies.takeFirst();
    }

private:
    QMutex mutex_;
};

// A reply of the pool: status and FHIR JSON body.
inline pool::HttpResponse reply(int status, QByteArray body)
{
    pool::HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    r.content_type = QByteArrayLiteral("application/fhir+json");
    return r;
}

}  // namespace mk::test
