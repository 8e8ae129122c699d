// The contact sheet of a screenshot pass: thumbnails in a grid, each state's name under it, the
// pass's name on top. Portrait screens at 1/5 (216x384), landscape at 1/6 (320x180).
#include "ScreenshotRunner.h"

#include <QFont>
#include <QImage>
#include <QPainter>

namespace mk::app {

namespace {
constexpr int kGap = 16;
constexpr int kCaptionPx = 18;
constexpr int kCaptionHeight = 30;
constexpr int kTitleHeight = 48;
}  // namespace

bool ScreenshotRunner::contactSheet(const QStringList& pictures, const QStringList& captions,
                                    const QString& title, const QString& out)
{
    if (pictures.isEmpty() || pictures.size() != captions.size()) return false;
    QList<QImage> thumbs;
    QSize thumb_size;
    for (const QString& path : pictures) {
        QImage image(path);
        if (image.isNull()) return false;
        const bool portrait = image.height() > image.width();
        const int width = portrait ? image.width() / 5 : image.width() / 6;
        thumbs << image.scaledToWidth(width, Qt::SmoothTransformation);
        thumb_size = thumb_size.expandedTo(thumbs.last().size());
    }
    const bool portrait = thumb_size.height() > thumb_size.width();
    const int columns = portrait ? 8 : 6;
    const auto rows = (thumbs.size() + columns - 1) / columns;
    const int cell_w = thumb_size.width() + kGap;
    const int cell_h = thumb_size.height() + kCaptionHeight + kGap;
    QImage sheet(kGap + columns * cell_w, int(kTitleHeight + rows * cell_h + kGap),
                 QImage::Format_RGB32);
    sheet.fill(QColor(0xe8, 0xe8, 0xe8));
    QPainter painter(&sheet);
    QFont font = painter.font();
    font.setPixelSize(kCaptionPx + 6);
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(Qt::black);
    painter.drawText(QRect(kGap, 0, sheet.width() - 2 * kGap, kTitleHeight),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     QStringLiteral("%1 (%2 screens)").arg(title).arg(thumbs.size()));
    font.setPixelSize(kCaptionPx);
    font.setBold(false);
    painter.setFont(font);
    for (qsizetype i = 0; i < thumbs.size(); ++i) {
        const int x = kGap + int(i % columns) * cell_w;
        const int y = kTitleHeight + int(i / columns) * cell_h;
        painter.drawImage(x, y, thumbs[i]);
        painter.setPen(QColor(0x80, 0x80, 0x80));
        painter.drawRect(QRect(QPoint(x, y), thumbs[i].size()).adjusted(0, 0, -1, -1));
        painter.setPen(Qt::black);
        const QString caption =
            QStringLiteral("%1 %2").arg(i + 1, 2, 10, QLatin1Char('0')).arg(captions[i]);
        painter.drawText(
            QRect(x, y + thumb_size.height(), thumb_size.width(), kCaptionHeight),
            Qt::AlignHCenter | Qt::AlignVCenter,
            painter.fontMetrics().elidedText(caption, Qt::ElideMiddle, thumb_size.width()));
    }
    painter.end();
    return sheet.save(out, "PNG");
}

}  // namespace mk::app
