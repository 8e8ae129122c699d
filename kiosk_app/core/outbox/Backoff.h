// Exponential backoff with full jitter (delay uniform in [0, min(cap, base * 2^(attempt-1))]).
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

}  // namespace mk::outbox
