// How the pool client judges an HTTP reply (docs/pool-protocol.md "Errors"): content type, the
// OperationOutcome of an error status, Retry-After.
#pragma once

#include "core/common/Result.h"
#include "core/pool/HttpTransport.h"

namespace mk::pool::reply {

// application/fhir+json or application/json, any parameters.
bool isFhirJson(const QByteArray& content_type);

// Retry-After as seconds (delta-seconds or an HTTP date); -1 when absent or unreadable.
int retryAfterSeconds(const QByteArray& value);

// The Error for a non-2xx status: 409/412 Conflict, 422 Rule (rule from the outcome's
// urn:medkiosk:rule coding; a 409's rule is read too, e.g. already-paid, code Conflict), 404
// NotFound, 429 RateLimited, 5xx Server, other 4xx BadRequest. outcome_code = issue[0].code, detail
// = issue[0].diagnostics (or details.text).
Error httpError(const HttpResponse& response);

// For 2xx: a body of the FHIR JSON content type (an empty 204 is fine), else BadReply.
Status checkSuccess(const HttpResponse& response);

}  // namespace mk::pool::reply
