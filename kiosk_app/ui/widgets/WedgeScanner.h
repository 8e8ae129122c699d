// Reads a keyboard-wedge QR scanner: such a scanner "types" its text very fast and ends it with
// Enter. An application-wide event filter collects key presses that arrive at most maxGapMs()
// apart while the scope widget is visible, and emits scanned() on Enter when at least
// minLength() characters came in one burst. Slower (human) typing never forms a scan. While the
// scope is visible the filter swallows printable keys and Enter (there is no keyboard input on
// the kiosk's screens, and a scan must not press a focused button).
#pragma once

#include "ui/widgets/MonotonicClock.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QWidget>

#include <functional>

namespace mk::ui {

class WedgeScanner : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultMaxGapMs = 50;
    static constexpr int kDefaultMinLength = 8;

    explicit WedgeScanner(QWidget* scope);
    ~WedgeScanner() override;

    void setMaxGapMs(int ms) { max_gap_ms_ = ms; }
    int maxGapMs() const { return max_gap_ms_; }
    void setMinLength(int length) { min_length_ = length; }
    int minLength() const { return min_length_; }
    void clear();  // forgets a partial scan (the buffer may hold personal data)
    // Milliseconds on a monotonic clock, for the gaps between keys; empty: the real one. Tests
    // type "slowly" with a clock of their own instead of waiting.
    using Clock = MonotonicClock::Source;
    void setClock(Clock clock) { clock_.setSource(std::move(clock)); }

Q_SIGNALS:
    void scanned(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    qint64 nowMs() const { return clock_.nowMs(); }

    QPointer<QWidget> scope_;
    QString buffer_;
    MonotonicClock clock_;
    qint64 last_key_ms_ = -1;  // -1: no key of a burst yet
    int max_gap_ms_ = kDefaultMaxGapMs;
    int min_length_ = kDefaultMinLength;
};

}  // namespace mk::ui
