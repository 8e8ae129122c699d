#include "core/pool/CurlTransport.h"

#include <QByteArrayView>

#include <curl/curl.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace mk::pool {
namespace {

std::atomic<bool> g_aborted{false};  // CurlTransport::abortRequests()

// Called by curl at least once a second while a transfer waits, more often while data moves.
int onProgress(void*, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    return g_aborted.load(std::memory_order_relaxed) ? 1 : 0;  // 1: CURLE_ABORTED_BY_CALLBACK
}

struct Exchange {
    HttpResponse response;
    qint64 max_reply_bytes = 0;
    bool oversized = false;
};

size_t onBody(char* data, size_t size, size_t count, void* user)
{
    auto* ex = static_cast<Exchange*>(user);
    const size_t bytes = size * count;
    if (ex->response.body.size() + qint64(bytes) > ex->max_reply_bytes) {
        ex->oversized = true;
        return 0;  // aborts the transfer with CURLE_WRITE_ERROR
    }
    ex->response.body.append(data, qsizetype(bytes));
    return bytes;
}

// The value of header line `line` when its name is `name` (lower case), else null.
QByteArrayView headerValue(QByteArrayView line, QByteArrayView name)
{
    if (line.size() <= name.size() || line.at(name.size()) != ':') return {};
    if (line.first(name.size()).compare(name, Qt::CaseInsensitive) != 0) return {};
    return line.sliced(name.size() + 1).trimmed();
}

size_t onHeader(char* data, size_t size, size_t count, void* user)
{
    auto* ex = static_cast<Exchange*>(user);
    const size_t bytes = size * count;
    const QByteArrayView line = QByteArrayView(data, qsizetype(bytes)).trimmed();
    if (line.startsWith("HTTP/")) {  // a new response (after 100 Continue): forget the last one
        ex->response.content_type.clear();
        ex->response.retry_after.clear();
        ex->response.etag.clear();
        ex->response.location.clear();
        return bytes;
    }
    // Only the four headers the kiosk reads are copied (no allocation for the others).
    struct Wanted {
        QByteArrayView name;
        QByteArray HttpResponse::*field;
    };
    static constexpr Wanted kWanted[] = {{"content-type", &HttpResponse::content_type},
                                         {"retry-after", &HttpResponse::retry_after},
                                         {"etag", &HttpResponse::etag},
                                         {"location", &HttpResponse::location}};
    for (const Wanted& w : kWanted) {
        const QByteArrayView value = headerValue(line, w.name);
        if (!value.isNull()) {
            ex->response.*w.field = value.toByteArray();
            break;
        }
    }
    return bytes;
}

ErrorCode mapCurlError(CURLcode rc)
{
    switch (rc) {
        case CURLE_OPERATION_TIMEDOUT:
            return ErrorCode::Timeout;
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_ENGINE_NOTFOUND:
        case CURLE_SSL_ENGINE_SETFAILED:
        case CURLE_SSL_ENGINE_INITFAILED:
        case CURLE_SSL_CRL_BADFILE:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_INVALIDCERTSTATUS:
        case CURLE_SSL_SHUTDOWN_FAILED:
        case CURLE_SSL_CLIENTCERT:
        case CURLE_USE_SSL_FAILED:
            return ErrorCode::Tls;
        case CURLE_UNSUPPORTED_PROTOCOL:
        case CURLE_URL_MALFORMAT:
            return ErrorCode::Config;
        case CURLE_FILESIZE_EXCEEDED:
            return ErrorCode::BadReply;
        default:
            // Refused, reset, resolve failure, empty reply, partial body, send/receive errors.
            return ErrorCode::Network;
    }
}

struct SlistDeleter {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

}  // namespace

void CurlTransport::globalInit()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

void CurlTransport::abortRequests()
{
    g_aborted.store(true);
}

void CurlTransport::resumeRequests()
{
    g_aborted.store(false);
}

bool CurlTransport::requestsAborted()
{
    return g_aborted.load();
}

void CurlTransport::CurlDeleter::operator()(void* handle) const
{
    curl_easy_cleanup(static_cast<CURL*>(handle));
}

CurlTransport::CurlTransport(TransportOptions options) : options_(std::move(options))
{
    globalInit();
}

CurlTransport::~CurlTransport() = default;

CurlTransport::Handle CurlTransport::takeHandle()
{
    {
        std::lock_guard lock(idle_mutex_);
        if (!idle_.empty()) {
            Handle h = std::move(idle_.back());
            idle_.pop_back();
            // Options back to their defaults; the handle keeps its open connections (keep-alive),
            // its DNS cache and TLS session ids.
            curl_easy_reset(static_cast<CURL*>(h.get()));
            return h;
        }
    }
    return Handle(curl_easy_init());
}

void CurlTransport::giveBack(Handle handle)
{
    std::lock_guard lock(idle_mutex_);
    if (int(idle_.size()) < kMaxIdleHandles) idle_.push_back(std::move(handle));
}

Result<HttpResponse> CurlTransport::perform(const HttpRequest& request)
{
    globalInit();
    if (requestsAborted())
        return makeError(ErrorCode::Network, QStringLiteral("aborted: the kiosk is shutting down"));
    Handle curl = takeHandle();
    if (!curl) return makeError(ErrorCode::Internal, QStringLiteral("curl_easy_init failed"));
    auto* h = static_cast<CURL*>(curl.get());
    Exchange ex;
    ex.max_reply_bytes = options_.max_reply_bytes;
    char error_buffer[CURL_ERROR_SIZE] = {};

    const QByteArray url = request.url.toEncoded();
    const QByteArray ca_file = options_.ca_file.toLocal8Bit();
    curl_easy_setopt(h, CURLOPT_URL, url.constData());
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!ca_file.isEmpty()) curl_easy_setopt(h, CURLOPT_CAINFO, ca_file.constData());
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, long(options_.connect_timeout_ms));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, long(options_.request_timeout_ms));
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(options_.max_reply_bytes));
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &onBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &ex);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &onHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &ex);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "medkiosk");
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, &onProgress);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);

    curl_slist* raw_headers = curl_slist_append(nullptr, "Expect:");
    for (const auto& [name, value] : request.headers) {
        const QByteArray line = name + ": " + value;
        raw_headers = curl_slist_append(raw_headers, line.constData());
    }
    std::unique_ptr<curl_slist, SlistDeleter> headers(raw_headers);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());

    if (request.method == "POST") {
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.size()));
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.constData());
    } else if (request.method != "GET") {
        curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.constData());
        if (!request.body.isEmpty()) {
            curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.size()));
            curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.constData());
        }
    }

    const CURLcode rc = curl_easy_perform(h);
    curl_off_t total_us = 0;
    curl_easy_getinfo(h, CURLINFO_TOTAL_TIME_T, &total_us);
    ex.response.elapsed_ms = qint64(total_us / 1000);
    if (rc == CURLE_ABORTED_BY_CALLBACK)
        return makeError(ErrorCode::Network, QStringLiteral("aborted: the kiosk is shutting down"));
    if (rc != CURLE_OK) {
        const bool oversized = ex.oversized || rc == CURLE_FILESIZE_EXCEEDED;
        const ErrorCode code = oversized ? ErrorCode::BadReply : mapCurlError(rc);
        QString detail =
            oversized
                ? QStringLiteral("oversized reply (over %1 bytes)").arg(options_.max_reply_bytes)
                : QStringLiteral("curl %1: %2")
                      .arg(int(rc))
                      .arg(QString::fromUtf8(error_buffer[0] != '\0' ? error_buffer
                                                                     : curl_easy_strerror(rc)));
        return makeError(code, detail);
    }
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    ex.response.status = int(status);
    // Only a handle whose exchange ended cleanly is kept: after an error its connection is
    // closed with it, and the next request connects afresh.
    giveBack(std::move(curl));
    return std::move(ex.response);
}

}  // namespace mk::pool
