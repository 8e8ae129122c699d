// ESC/POS ticket builder for 80 mm thermal receipt printers (576 dots per line). Pure: it only
// builds bytes, so tests can check them byte for byte. Chinese text is sent in GB18030 inside
// the printer's Chinese mode (FS &), which common Chinese 80 mm printers need for Han characters.
//
//   QByteArray bytes = EscPos().init().align(EscPos::Align::Center).size(2, 2).bold(true)
//                          .line(QStringLiteral("A012")).qr("MKAPPT:...").cut().bytes();
#pragma once

#include <QByteArray>
#include <QString>

namespace mk::hw {

class EscPos
{
public:
    enum class Align { Unset = 0, Left, Center, Right };
    enum class Cut { Unset = 0, Full, Partial };
    enum class QrLevel { Unset = 0, L, M, Q, H };

    // ESC @ (reset) then FS & (Chinese mode on).
    EscPos& init();
    // FS & (on) or FS . (off). Off: text bytes are single-byte (ASCII) on the printer.
    EscPos& chineseMode(bool on);
    // Text without a line feed, GB18030-encoded (ASCII stays ASCII).
    EscPos& text(const QString& text);
    // Text then LF.
    EscPos& line(const QString& text);
    // ESC d n: print and feed n lines (0-255).
    EscPos& feed(int lines = 1);
    // GS ! n: character width and height multipliers, each 1-8.
    EscPos& size(int width_mul, int height_mul);
    // ESC E n.
    EscPos& bold(bool on);
    // ESC a n (takes effect at the start of a line).
    EscPos& align(Align align);
    // QR code, model 2: GS ( k select model, module size (1-16 dots), error level, store data,
    // print. data: at most 7089 bytes (longer is truncated).
    EscPos& qr(const QByteArray& data, int module_size = 6, QrLevel level = QrLevel::M);
    // GS V m: full (m=0) or partial (m=1) cut at the current position.
    EscPos& cut(Cut cut = Cut::Full);
    // Raw bytes, for commands this builder does not know.
    EscPos& raw(const QByteArray& bytes);

    const QByteArray& bytes() const { return bytes_; }

    // DLE EOT n (n = 1 printer, 2 offline cause, 3 error cause, 4 paper roll sensor).
    static QByteArray statusQuery(int n);
    // GB18030 bytes of text (what text() appends).
    static QByteArray encode(const QString& text);

private:
    QByteArray bytes_;
};

}  // namespace mk::hw
