#include "hw/printer/EscPos.h"

#include <QStringEncoder>

#include <algorithm>

namespace mk::hw {

namespace {
constexpr char kEsc = 0x1b;
constexpr char kGs = 0x1d;
constexpr char kFs = 0x1c;
constexpr char kDle = 0x10;
constexpr char kEot = 0x04;
constexpr int kQrMaxBytes = 7089;

char byteOf(int value)
{
    return static_cast<char>(static_cast<unsigned char>(value & 0xff));
}
}  // namespace

EscPos& EscPos::init()
{
    bytes_.append(kEsc).append('@');
    return chineseMode(true);
}

EscPos& EscPos::chineseMode(bool on)
{
    bytes_.append(kFs).append(on ? '&' : '.');
    return *this;
}

QByteArray EscPos::encode(const QString& text)
{
    QStringEncoder encoder("GB18030");
    if (!encoder.isValid()) return text.toLatin1();
    return encoder.encode(text);
}

EscPos& EscPos::text(const QString& text)
{
    bytes_.append(encode(text));
    return *this;
}

EscPos& EscPos::line(const QString& text)
{
    bytes_.append(encode(text)).append('\n');
    return *this;
}

EscPos& EscPos::feed(int lines)
{
    bytes_.append(kEsc).append('d').append(byteOf(std::clamp(lines, 0, 255)));
    return *this;
}

EscPos& EscPos::size(int width_mul, int height_mul)
{
    const int w = std::clamp(width_mul, 1, 8) - 1;
    const int h = std::clamp(height_mul, 1, 8) - 1;
    bytes_.append(kGs).append('!').append(byteOf((w << 4) | h));
    return *this;
}

EscPos& EscPos::bold(bool on)
{
    bytes_.append(kEsc).append('E').append(on ? '\x01' : '\x00');
    return *this;
}

EscPos& EscPos::align(Align align)
{
    int n = 0;
    if (align == Align::Center) n = 1;
    if (align == Align::Right) n = 2;
    bytes_.append(kEsc).append('a').append(byteOf(n));
    return *this;
}

EscPos& EscPos::qr(const QByteArray& data, int module_size, QrLevel level)
{
    auto function = [this](const QByteArray& params) {
        // GS ( k pL pH cn(49) params
        const int length = static_cast<int>(params.size()) + 1;
        bytes_.append(kGs)
            .append('(')
            .append('k')
            .append(byteOf(length))
            .append(byteOf(length >> 8));
        bytes_.append('1').append(params);
    };
    const QByteArray payload = data.left(kQrMaxBytes);
    function(QByteArray("A2\x00", 3));                                         // fn 65: model 2
    function(QByteArray("C").append(byteOf(std::clamp(module_size, 1, 16))));  // fn 67: module size
    char level_byte = '1';  // 48 L, 49 M, 50 Q, 51 H
    if (level == QrLevel::L) level_byte = '0';
    if (level == QrLevel::Q) level_byte = '2';
    if (level == QrLevel::H) level_byte = '3';
    function(QByteArray("E").append(level_byte));  // fn 69: error correction level
    function(QByteArray("P0").append(payload));    // fn 80: store data
    function(QByteArray("Q0"));                    // fn 81: print
    return *this;
}

EscPos& EscPos::cut(Cut cut)
{
    bytes_.append(kGs).append('V').append(cut == Cut::Partial ? '\x01' : '\x00');
    return *this;
}

EscPos& EscPos::raw(const QByteArray& bytes)
{
    bytes_.append(bytes);
    return *this;
}

QByteArray EscPos::statusQuery(int n)
{
    return QByteArray().append(kDle).append(kEot).append(byteOf(std::clamp(n, 1, 4)));
}

}  // namespace mk::hw
