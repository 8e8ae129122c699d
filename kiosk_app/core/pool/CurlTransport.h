// HttpTransport over libcurl. Connections are reused (HTTP/1.1 keep-alive): a request takes an idle
// easy handle (with its open connection) or makes one, and gives it back when the exchange ended
// cleanly, so one transport may serve several threads at once, each on its own handle; at most
// kMaxIdleHandles wait. TLS verification is always on (peer and host); only http and https are
// spoken.
#pragma once

#include "core/pool/HttpTransport.h"

#include <memory>
#include <mutex>
#include <vector>

namespace mk::pool {

class CurlTransport : public HttpTransport
{
public:
    explicit CurlTransport(TransportOptions options);
    ~CurlTransport() override;
    CurlTransport(const CurlTransport&) = delete;
    CurlTransport& operator=(const CurlTransport&) = delete;
    Result<HttpResponse> perform(const HttpRequest& request) override;
    bool threadSafe() const override { return true; }  // one easy handle per exchange
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

    // Idle handles (each with its kept-alive connection) kept for the next requests.
    static constexpr int kMaxIdleHandles = 4;

private:
    struct CurlDeleter {
        void operator()(void* handle) const;  // curl_easy_cleanup
    };
    using Handle = std::unique_ptr<void, CurlDeleter>;
    Handle takeHandle();
    void giveBack(Handle handle);

    TransportOptions options_;
    std::mutex idle_mutex_;
    std::vector<Handle> idle_;
};

}  // namespace mk::pool
