// Reads a keyboard-wedge QR scanner: such a scanner "types" its text very fast and ends it with
// Enter. An application-wide event filter collects key presses that arrive at most maxGapMs()
// apart while the scope widget is visible, and emits scanned() on Enter when at least
// minLength() characters came in one burst. Slower (human) typing never forms a scan. While the
// scope is visible the filter swallows printable keys and Enter (there is no keyboard input on
// the kiosk's screens, and a scan must not press a focused button).
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QWidget>

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

Q_SIGNALS:
    void scanned(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QPointer<QWidget> scope_;
    QString buffer_;
    QElapsedTimer last_key_;
    int max_gap_ms_ = kDefaultMaxGapMs;
    int min_length_ = kDefaultMinLength;
};

}  // namespace mk::ui
