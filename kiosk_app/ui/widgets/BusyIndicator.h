// A spinning arc and a short text ("Please wait…") shown while a screen waits for the pool.
#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;

namespace mk::ui {

class BusyIndicator : public QWidget
{
    Q_OBJECT
public:
    explicit BusyIndicator(QWidget* parent = nullptr);

    void setBusy(bool busy);  // shows and animates, or hides
    bool isBusy() const { return timer_.isActive(); }
    void retranslate();

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QTimer timer_;
    QLabel* label_ = nullptr;
    int angle_deg_ = 0;
};

}  // namespace mk::ui
