// "Need more time? / 需要更多时间吗?" over the whole window before the idle reset (issue 12): a
// visible countdown and a large "More time" button; any tap extends (KioskWindow decides). The
// window owns the timing (an injected monotonic clock); this widget only shows it.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace mk::ui {

class IdleWarning : public QWidget
{
    Q_OBJECT
public:
    explicit IdleWarning(QWidget* parent);

    // Shows the prompt (over the whole parent) with the seconds left until the reset.
    void showCountdown(int seconds_left);
    int secondsLeft() const { return seconds_left_; }
    // What is read aloud in elder mode, in the UI language.
    QString spokenText() const;
    void retranslate();

Q_SIGNALS:
    void moreTimeRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateCountdown();

    int seconds_left_ = 0;
    QLabel* title_ = nullptr;
    QLabel* countdown_ = nullptr;
    QLabel* hint_ = nullptr;
    QPushButton* more_ = nullptr;
};

}  // namespace mk::ui
