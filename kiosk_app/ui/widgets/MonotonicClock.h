// Milliseconds on a monotonic clock, injectable: empty means the real one (QElapsedTimer).
// The wedge scanner measures the gaps between keys with it, the window its idle time; tests
// move time with a clock of their own instead of waiting.
#pragma once

#include <QElapsedTimer>
#include <QtGlobal>

#include <functional>
#include <utility>

namespace mk::ui {

class MonotonicClock
{
public:
    using Source = std::function<qint64()>;

    MonotonicClock() { since_start_.start(); }
    void setSource(Source source) { source_ = std::move(source); }
    qint64 nowMs() const { return source_ ? source_() : since_start_.elapsed(); }

private:
    Source source_;
    QElapsedTimer since_start_;
};

}  // namespace mk::ui
