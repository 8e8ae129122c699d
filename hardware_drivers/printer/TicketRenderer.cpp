#include "hw/printer/TicketRenderer.h"

#include <QFont>
#include <QFontMetrics>
#include <QPainter>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>
#include <exception>

namespace mk::hw {

namespace {

constexpr int kMargin_px = 16;

QFont fontFor(const TicketRun& run)
{
    QFont font(QStringLiteral("Noto Sans Mono CJK SC"));
    font.setStyleHint(QFont::Monospace);
    font.setPixelSize(TicketRenderer::kBaseHeight_px);
    font.setBold(run.bold);
    return font;
}

// One printed row: pieces of runs that fit in the head's width.
struct Piece {
    TicketRun run;
    int width_px = 0;
};
struct Row {
    const TicketItem* item = nullptr;
    QList<Piece> pieces;
    int width_px = 0;
    int height_px = 0;
    QImage qr;
    int qr_scale = 1;
};

int charWidth(const QFontMetrics& metrics, QChar c)
{
    // A thermal head prints Latin at half the width of Han characters.
    return c.unicode() < 0x2e80
               ? std::max(metrics.horizontalAdvance(c), TicketRenderer::kBaseHeight_px / 2)
               : TicketRenderer::kBaseHeight_px;
}

QList<Row> layoutText(const TicketItem& item)
{
    QList<Row> rows;
    Row row;
    row.item = &item;
    row.height_px = TicketRenderer::kBaseHeight_px;
    for (const TicketRun& run : item.runs) {
        const QFontMetrics metrics(fontFor(run));
        Piece piece;
        piece.run = run;
        piece.run.text.clear();
        for (const QChar c : run.text) {
            const int w = charWidth(metrics, c) * run.width_mul;
            if (row.width_px + piece.width_px + w > TicketRenderer::kWidth_px &&
                row.width_px + piece.width_px > 0) {
                if (!piece.run.text.isEmpty()) row.pieces.append(piece);
                row.width_px += piece.width_px;
                rows.append(row);
                row = Row();
                row.item = &item;
                row.height_px = TicketRenderer::kBaseHeight_px;
                piece.run.text.clear();
                piece.width_px = 0;
            }
            piece.run.text += c;
            piece.width_px += w;
            row.height_px =
                std::max(row.height_px, TicketRenderer::kBaseHeight_px * run.height_mul);
        }
        if (!piece.run.text.isEmpty()) {
            row.pieces.append(piece);
            row.width_px += piece.width_px;
        }
    }
    rows.append(row);
    return rows;
}

int xFor(EscPos::Align align, int width_px)
{
    if (align == EscPos::Align::Center) return (TicketRenderer::kWidth_px - width_px) / 2;
    if (align == EscPos::Align::Right) return TicketRenderer::kWidth_px - width_px;
    return 0;
}

}  // namespace

QImage TicketRenderer::qrModules(const QByteArray& data, char level)
{
    const int ecc = level == 'H' ? 8 : level == 'Q' ? 6 : level == 'M' ? 4 : 1;
    try {
        const ZXing::BitMatrix matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                                            .setEncoding(ZXing::CharacterSet::UTF8)
                                            .setEccLevel(ecc)
                                            .setMargin(0)
                                            .encode(data.toStdString(), 0, 0);
        QImage image(matrix.width(), matrix.height(), QImage::Format_Grayscale8);
        image.fill(255);
        for (int y = 0; y < matrix.height(); ++y) {
            for (int x = 0; x < matrix.width(); ++x) {
                if (matrix.get(x, y)) image.setPixel(x, y, qRgb(0, 0, 0));
            }
        }
        return image;
    } catch (const std::exception&) {
        return {};  // too long or not encodable: a real printer prints nothing either
    }
}

QImage TicketRenderer::render(const ParsedTicket& ticket)
{
    QList<Row> rows;
    for (const TicketItem& item : ticket.items) {
        if (item.kind == TicketItem::Kind::Text) {
            rows.append(layoutText(item));
        } else if (item.kind == TicketItem::Kind::Feed) {
            Row row;
            row.item = &item;
            row.height_px = (kBaseHeight_px + kLineSpacing_px) * item.feed_lines - kLineSpacing_px;
            rows.append(row);
        } else if (item.kind == TicketItem::Kind::Qr) {
            Row row;
            row.item = &item;
            row.qr = qrModules(item.qr_data, item.qr_level);
            if (row.qr.isNull()) continue;
            row.qr_scale =
                std::clamp(item.qr_module_size, 1, std::max(1, kWidth_px / row.qr.width()));
            row.width_px = row.qr.width() * row.qr_scale;
            row.height_px = row.width_px;
            rows.append(row);
        }
    }
    int height_px = 2 * kMargin_px;
    for (const Row& row : rows) height_px += row.height_px + kLineSpacing_px;
    height_px = std::min(height_px, 20000);

    QImage image(kWidth_px, height_px, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setPen(Qt::black);
    int y = kMargin_px;
    for (const Row& row : rows) {
        if (y >= height_px) break;
        int x = xFor(row.item->align, row.width_px);
        if (!row.qr.isNull()) {
            painter.drawImage(QRect(x, y, row.width_px, row.height_px), row.qr);
        }
        for (const Piece& piece : row.pieces) {
            painter.save();
            painter.setFont(fontFor(piece.run));
            // Characters sit on the row's baseline; taller runs grow upwards.
            const int run_height = kBaseHeight_px * piece.run.height_mul;
            painter.translate(x, y + row.height_px - run_height);
            painter.scale(piece.run.width_mul, piece.run.height_mul);
            const QFontMetrics metrics(painter.font());
            int cx = 0;
            for (const QChar c : piece.run.text) {
                const int w = charWidth(metrics, c);
                painter.drawText(QRect(cx, 0, w, kBaseHeight_px),
                                 Qt::AlignCenter | Qt::TextDontClip, QString(c));
                cx += w;
            }
            painter.restore();
            x += piece.width_px;
        }
        y += row.height_px + kLineSpacing_px;
    }
    painter.end();
    return image;
}

}  // namespace mk::hw
