// HttpTransport over libcurl: one easy handle per request, so one transport may serve several
// threads at once. TLS verification is always on (peer and host); only http and https are spoken.
#pragma once

#include "core/pool/HttpTransport.h"

namespace mk::pool {

class CurlTransport : public HttpTransport
{
public:
    explicit CurlTransport(TransportOptions options);
    Result<HttpResponse> perform(const HttpRequest& request) override;
    const TransportOptions& options() const { return options_; }

    // curl_global_init, once per process (thread-safe; called by the constructor).
    static void globalInit();

private:
    TransportOptions options_;
};

}  // namespace mk::pool
