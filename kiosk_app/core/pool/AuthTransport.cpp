#include "core/pool/AuthTransport.h"

#include "core/common/Log.h"
#include "core/identity/AccessTokens.h"

namespace mk::pool {
namespace {

bool idempotent(const HttpRequest& r)
{
    if (r.method == "GET" || r.method == "HEAD") return true;
    for (const auto& [name, value] : r.headers) {
        const QByteArray n = name.toLower();
        if (n == "idempotency-key" || n == "if-none-exist") return true;
    }
    return false;
}

Result<HttpResponse> sendWith(HttpTransport& inner, HttpRequest request, const QByteArray& token)
{
    request.headers.append(
        {QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token});
    return inner.perform(request);
}

}  // namespace

AuthTransport::AuthTransport(std::shared_ptr<HttpTransport> inner,
                             std::shared_ptr<identity::AccessTokens> tokens)
    : inner_(std::move(inner)), tokens_(std::move(tokens))
{}

Result<HttpResponse> AuthTransport::perform(const HttpRequest& request)
{
    Result<QByteArray> token = tokens_->token();
    if (!token) return token.error();
    Result<HttpResponse> reply = sendWith(*inner_, request, token.value());
    if (reply && reply.value().status == 401) {
        qCInfo(lcPool).noquote() << request.method << request.url.path()
                                 << "401: the token is not accepted; asking for a new one";
        tokens_->invalidate(token.value());
        if (!idempotent(request)) return reply;  // the caller decides; never sent twice here
        Result<QByteArray> fresh = tokens_->token();
        if (!fresh) return fresh.error();
        reply = sendWith(*inner_, request, fresh.value());
    }
    if (reply && reply.value().status == 403) {
        tokens_->reportForbidden(QStringLiteral("%1 %2: HTTP 403")
                                     .arg(QString::fromLatin1(request.method), request.url.path()));
    } else if (reply && reply.value().status != 401) {
        tokens_->reportAccepted();
    }
    return reply;
}

}  // namespace mk::pool
