#include "BusyIndicator.h"

#include "ui/Theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>

namespace mk::ui {

namespace {
constexpr int kSpinnerPx = 56;
constexpr int kFrameMs = 50;
}  // namespace

BusyIndicator::BusyIndicator(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("busyIndicator"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(kSpinnerPx + 24, 0, 0, 0);
    label_ = new QLabel(this);
    Theme::setRole(label_, "body");
    layout->addWidget(label_);
    setMinimumHeight(kSpinnerPx + 8);
    timer_.setInterval(kFrameMs);
    connect(&timer_, &QTimer::timeout, this, [this] {
        angle_deg_ = (angle_deg_ + 30) % 360;
        update();
    });
    retranslate();
    setVisible(false);
}

void BusyIndicator::setBusy(bool busy)
{
    if (busy) {
        timer_.start();
    } else {
        timer_.stop();
    }
    setVisible(busy);
}

void BusyIndicator::retranslate()
{
    label_->setText(tr("Please wait…"));
}

void BusyIndicator::paintEvent(QPaintEvent* event)
{
    QWidget::paintEvent(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF box(6, (height() - kSpinnerPx) / 2.0, kSpinnerPx - 12, kSpinnerPx - 12);
    painter.setPen(QPen(QColor(0xc9, 0xd3, 0xdf), 8));
    painter.drawEllipse(box);
    painter.setPen(QPen(QColor(0x0b, 0x63, 0xc5), 8, Qt::SolidLine, Qt::RoundCap));
    painter.drawArc(box, -angle_deg_ * 16, 100 * 16);
}

}  // namespace mk::ui
