#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>

namespace mk::sim {

// The pool's request-rate limit (docs/pool-protocol.md "Rate limit and overload"): a token
// bucket of `per_s` tokens a second holding at most `burst`; a FHIR or token request takes one
// or is refused with 429 and Retry-After (the whole seconds until a token is there, at least 1).
// It also counts, per 100 ms, the requests served, refused with 429 and connections refused with
// 503 (too many open), so a test can read the peak rate over any one-second window.
class SimRateLimit
{
public:
    SimRateLimit();
    // per_s <= 0: no limit (requests are still counted). burst <= 0: per_s / 10, at least 1.
    // Resets the counters.
    void configure(double per_s, int burst);
    double perSecond() const { return per_s_; }
    int burst() const { return int(burst_); }
    // True when the request may be served; else *retry_after_s is set.
    bool admit(int* retry_after_s);
    void countRefusedConnection();  // a 503 for too many open connections
    // {requests_per_s, burst, served, throttled, refused_connections, peak_served_per_s,
    //  peak_offered_per_s, first_to_last_ms}: peaks over sliding one-second windows.
    QJsonObject stats() const;

private:
    struct Counts {
        int served = 0;
        int throttled = 0;
        int refused = 0;
    };
    Counts& slot();

    double per_s_ = 0;
    double burst_ = 1;
    double tokens_ = 1;
    qint64 refilled_ns_ = 0;
    QElapsedTimer clock_;
    QHash<qint64, Counts> per_tick_;  // 100 ms ticks since configure()
    qint64 served_ = 0;
    qint64 throttled_ = 0;
    qint64 refused_ = 0;
};

}  // namespace mk::sim
