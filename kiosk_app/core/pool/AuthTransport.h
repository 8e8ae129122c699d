// HttpTransport that authenticates every request to the pool as this kiosk (issue 15): adds
// `Authorization: Bearer <token>` from AccessTokens. A 401 forgets the token, gets a new one
// and repeats the request once when it is idempotent (GET/HEAD, or a POST that carries an
// Idempotency-Key or If-None-Exist, which the pool answers without doing it twice); a 403
// tells AccessTokens the kiosk lacks a scope. When no token can be had, the request is not sent
// and the token's error is returned (401/403 refusals: identity::isNotAuthorised; the token
// endpoint unreachable: Network/Timeout/Server, as for the pool itself).
#pragma once

#include "core/pool/HttpTransport.h"

#include <memory>

namespace mk::identity {
class AccessTokens;
}

namespace mk::pool {

class AuthTransport : public HttpTransport
{
public:
    AuthTransport(std::shared_ptr<HttpTransport> inner,
                  std::shared_ptr<identity::AccessTokens> tokens);
    Result<HttpResponse> perform(const HttpRequest& request) override;
    bool threadSafe() const override { return inner_->threadSafe(); }  // AccessTokens is

private:
    std::shared_ptr<HttpTransport> inner_;
    std::shared_ptr<identity::AccessTokens> tokens_;
};

}  // namespace mk::pool
