// Result<T>: a value or an Error, never an exception across a module boundary. The template is
// the one of every module (result/Result.h, mk::BasicResult); this is kiosk_app's error type.
#pragma once

#include "result/Result.h"

#include <QString>

#include <utility>
#include <variant>

namespace mk {

// Kinds of failure a caller can act on. Zero is deliberately not a real kind.
enum class ErrorCode {
    Unset = 0,
    Network,      // connection refused, reset, DNS, dropped mid-reply
    Timeout,      // the server did not answer in time
    Tls,          // certificate or handshake failure: never retried silently
    Server,       // 5xx
    RateLimited,  // 429 (retryAfter_s set when the server said)
    Conflict,     // 409/412: the slot was taken, the version changed
    NotFound,     // 404 or an empty search where one result was required
    BadRequest,   // 400/422 the server refused what we sent
    BadReply,     // malformed, oversized or wrong content type
    Rule,         // a hospital rule forbids it (bookings per day, days ahead, cutoff)
    Offline,      // the pool is unreachable and the action needs it
    Storage,      // the encrypted store failed (disk full, corruption, wrong key)
    Config,       // configuration missing or invalid
    Internal,
};

struct Error {
    ErrorCode code = ErrorCode::Unset;
    QString detail;          // technical cause for staff and logs; never personal data
    int http_status = 0;     // 0 when no HTTP status was received
    int retry_after_s = -1;  // from Retry-After, -1 when absent
    QString outcome_code;    // OperationOutcome.issue[0].code when the server sent one
    QString rule;            // which hospital rule, for ErrorCode::Rule
    // OperationOutcome.issue[0].details.text when it differs from its diagnostics (the pool's
    // reason in English beside the Chinese one, docs/pool-protocol.md); may reach a screen.
    QString details_text;

    bool isTransient() const
    {
        return code == ErrorCode::Network || code == ErrorCode::Timeout ||
               code == ErrorCode::Server || code == ErrorCode::RateLimited ||
               code == ErrorCode::Offline;
    }
};

template<typename T>
using Result = BasicResult<T, Error>;

// For operations that return nothing on success (mk::Ok, result/Result.h).
using Status = Result<Ok>;

inline Error makeError(ErrorCode code, QString detail)
{
    Error e;
    e.code = code;
    e.detail = std::move(detail);
    return e;
}

}  // namespace mk
