#include "core/outbox/Backoff.h"

#include <QRandomGenerator>

#include <algorithm>

namespace mk::outbox {

qint64 backoffCeilingMs(const BackoffPolicy& policy, int attempt)
{
    const qint64 base_ms = std::max(1, policy.base_ms);
    const qint64 cap_ms = std::max<qint64>(base_ms, policy.cap_ms);
    const int shift = std::clamp(attempt - 1, 0, 40);
    if (shift >= 40 || base_ms > (cap_ms >> shift)) return cap_ms;
    return std::min(cap_ms, base_ms << shift);
}

qint64 backoffDelayMs(const BackoffPolicy& policy, int attempt)
{
    const qint64 ceiling_ms = backoffCeilingMs(policy, attempt);
    return QRandomGenerator::global()->bounded(ceiling_ms + 1);
}

qint64 throttleDelayMs(const BackoffPolicy& policy, int retry_after_s, int streak)
{
    if (retry_after_s < 0) return backoffDelayMs(policy, streak);
    const qint64 told_ms = qint64(retry_after_s) * 1000;
    const qint64 spread_ms = std::min(backoffCeilingMs(policy, streak),
                                      std::max<qint64>(told_ms, std::max(1, policy.base_ms)));
    return told_ms + QRandomGenerator::global()->bounded(spread_ms + 1);
}

}  // namespace mk::outbox
