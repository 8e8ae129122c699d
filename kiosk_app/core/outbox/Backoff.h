// Exponential backoff with full jitter (delay uniform in [0, min(cap, base * 2^(attempt-1))]), and
// the pause after a "too busy" answer (Retry-After plus jitter).
#pragma once

#include <QtGlobal>

namespace mk::outbox {

struct BackoffPolicy {
    int base_ms = 1000;
    int cap_ms = 5 * 60 * 1000;
};

// attempt: 1 after the first failure. The random source is QRandomGenerator::global().
qint64 backoffDelayMs(const BackoffPolicy& policy, int attempt);
// The ceiling the jitter is drawn under (for tests and documentation).
qint64 backoffCeilingMs(const BackoffPolicy& policy, int attempt);

// The pause after the pool said "too busy" (429, 503) `streak` times in a row (1 = the first):
// its Retry-After (seconds, >= 0) plus a jitter uniform in [0, min(backoffCeilingMs(streak),
// max(Retry-After, base))], so a fleet told "1 s" at the same moment does not come back at the
// same moment; without Retry-After (-1), backoffDelayMs(streak).
qint64 throttleDelayMs(const BackoffPolicy& policy, int retry_after_s, int streak);

}  // namespace mk::outbox
