#include "SimRateLimit.h"

#include <algorithm>
#include <cmath>

namespace mk::sim {
namespace {

constexpr qint64 kTickMs = 100;
constexpr int kTicksPerWindow = 10;  // one second

}  // namespace

SimRateLimit::SimRateLimit()
{
    configure(0, 0);
}

void SimRateLimit::configure(double per_s, int burst)
{
    per_s_ = std::max(0.0, per_s);
    burst_ = burst > 0 ? double(burst) : std::max(1.0, std::floor(per_s_ / 10));
    tokens_ = burst_;
    clock_.start();
    refilled_ns_ = 0;
    per_tick_.clear();
    served_ = 0;
    throttled_ = 0;
    refused_ = 0;
}

SimRateLimit::Counts& SimRateLimit::slot()
{
    return per_tick_[clock_.elapsed() / kTickMs];
}

bool SimRateLimit::admit(int* retry_after_s)
{
    if (per_s_ > 0) {
        const qint64 now_ns = clock_.nsecsElapsed();
        tokens_ = std::min(burst_, tokens_ + double(now_ns - refilled_ns_) * per_s_ / 1e9);
        refilled_ns_ = now_ns;
        if (tokens_ < 1.0) {
            *retry_after_s = std::max(1, int(std::ceil((1.0 - tokens_) / per_s_)));
            ++throttled_;
            ++slot().throttled;
            return false;
        }
        tokens_ -= 1.0;
    }
    ++served_;
    ++slot().served;
    return true;
}

void SimRateLimit::countRefusedConnection()
{
    ++refused_;
    ++slot().refused;
}

QJsonObject SimRateLimit::stats() const
{
    qint64 first = -1;
    qint64 last = -1;
    for (auto it = per_tick_.cbegin(); it != per_tick_.cend(); ++it) {
        first = first < 0 ? it.key() : std::min(first, it.key());
        last = std::max(last, it.key());
    }
    int peak_served = 0;
    int peak_offered = 0;
    for (qint64 start = first; first >= 0 && start <= last; ++start) {
        int served = 0;
        int offered = 0;
        for (qint64 t = start; t < start + kTicksPerWindow; ++t) {
            const Counts c = per_tick_.value(t);
            served += c.served;
            offered += c.served + c.throttled + c.refused;
        }
        peak_served = std::max(peak_served, served);
        peak_offered = std::max(peak_offered, offered);
    }
    return QJsonObject{
        {QStringLiteral("requests_per_s"), per_s_},
        {QStringLiteral("burst"), int(burst_)},
        {QStringLiteral("served"), served_},
        {QStringLiteral("throttled"), throttled_},
        {QStringLiteral("refused_connections"), refused_},
        {QStringLiteral("peak_served_per_s"), peak_served},
        {QStringLiteral("peak_offered_per_s"), peak_offered},
        {QStringLiteral("first_to_last_ms"), first < 0 ? qint64(0) : (last - first + 1) * kTickMs}};
}

}  // namespace mk::sim
