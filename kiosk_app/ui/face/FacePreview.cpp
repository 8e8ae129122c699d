#include "FacePreview.h"

#include <QPainter>
#include <QPixmap>

namespace mk::ui {

FacePreview::FacePreview(QWidget* parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("face_preview"));
    setMinimumSize(kWidthPx, kHeightPx);
    setAlignment(Qt::AlignCenter);
}

QPixmap FacePreview::render(const QImage& frame, const QSize& size)
{
    QPixmap pixmap =
        QPixmap::fromImage(frame.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(255, 255, 255), 4));
    const QSizeF oval(pixmap.width() * 0.45, pixmap.height() * 0.75);
    painter.drawEllipse(QRectF(
        QPointF((pixmap.width() - oval.width()) / 2.0, (pixmap.height() - oval.height()) / 2.0),
        oval));
    painter.end();
    return pixmap;
}

void FacePreview::showFrame(const QImage& frame)
{
    // As large as the room the screen gives the preview (a portrait screen has plenty: at the
    // minimum size it sat small in an empty page), never below the minimum.
    const QSize room = contentsRect().size().expandedTo(QSize(kWidthPx, kHeightPx));
    setPixmap(render(frame, room));
}

}  // namespace mk::ui
