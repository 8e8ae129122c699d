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

    // Shutdown (KioskApp::shutdown, docs/hardware.md "Shutdown is bounded"): every request under
    // way in this process ends within about a second (curl's progress callback, called at least
    // once a second while it waits, sees the flag) with ErrorCode::Network "aborted: shutting
    // down", and a later one fails at once; so no worker (relay, check-in, booking, token) holds
    // the kiosk for the pool's request timeout. An aborted command stays in the outbox and is sent
    // again, with the same idempotency key, after the restart. resumeRequests() undoes it (a new
    // kiosk in the same process: tests).
    static void abortRequests();
    static void resumeRequests();
    static bool requestsAborted();

private:
    TransportOptions options_;
};

}  // namespace mk::pool
