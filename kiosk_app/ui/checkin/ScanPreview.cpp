#include "ui/checkin/ScanPreview.h"

#include <QPainter>
#include <QPixmap>
#include <QVideoFrame>

#include <algorithm>

namespace mk::ui {

ScanPreview::ScanPreview(QWidget* parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("checkinScanPreview"));
    setMinimumSize(kWidthPx, kHeightPx);
    setAlignment(Qt::AlignCenter);
}

QPixmap ScanPreview::render(const QImage& frame, const QSize& size)
{
    QPixmap pixmap =
        QPixmap::fromImage(frame.scaled(size, Qt::KeepAspectRatio, Qt::FastTransformation));
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal side = std::min(pixmap.width(), pixmap.height()) * 0.6;
    const QRectF guide((pixmap.width() - side) / 2.0, (pixmap.height() - side) / 2.0, side, side);
    const qreal arm = side / 4.0;
    for (const QColor& colour : {QColor(0, 0, 0, 160), QColor(255, 255, 255)}) {
        painter.setPen(QPen(colour, colour.alpha() == 255 ? 5 : 9, Qt::SolidLine, Qt::RoundCap));
        const QPointF corners[] = {guide.topLeft(), guide.topRight(), guide.bottomRight(),
                                   guide.bottomLeft()};
        for (const QPointF& c : corners) {
            const qreal dx = c.x() < guide.center().x() ? arm : -arm;
            const qreal dy = c.y() < guide.center().y() ? arm : -arm;
            painter.drawLine(c, c + QPointF(dx, 0));
            painter.drawLine(c, c + QPointF(0, dy));
        }
    }
    painter.end();
    return pixmap;
}

bool ScanPreview::due()
{
    if (!isVisible()) return false;
    if (last_.isValid() && last_.elapsed() < 1000 / kMaxFps) return false;
    last_.start();
    return true;
}

void ScanPreview::showImage(const QImage& frame)
{
    if (frame.isNull() || !due()) return;
    setPixmap(render(frame, QSize(kWidthPx, kHeightPx)));
    ++shown_;
}

void ScanPreview::showVideoFrame(const QVideoFrame& frame)
{
    if (!frame.isValid() || !due()) return;
    const QImage image = frame.toImage();
    if (image.isNull()) return;
    setPixmap(render(image, QSize(kWidthPx, kHeightPx)));
    ++shown_;
}

void ScanPreview::clearFrame()
{
    clear();
    last_.invalidate();
}

}  // namespace mk::ui
