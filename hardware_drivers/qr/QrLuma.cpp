#include "hw/qr/QrLuma.h"

namespace mk::hw::qr {

namespace {

uint8_t lumaAt(const ZXing::ImageView& view, int x, int y)
{
    const uint8_t* p = view.data(x, y);
    if (view.format() == ZXing::ImageFormat::Lum) return *p;
    return ZXing::RGBToLum(p[ZXing::RedIndex(view.format())], p[ZXing::GreenIndex(view.format())],
                           p[ZXing::BlueIndex(view.format())]);
}

LumaImage sized(int width_px, int height_px)
{
    LumaImage out;
    out.width_px = width_px;
    out.height_px = height_px;
    out.pixels.resize(static_cast<size_t>(width_px) * static_cast<size_t>(height_px));
    return out;
}

}  // namespace

LumaImage invertedLuma(const ZXing::ImageView& view)
{
    LumaImage out = sized(view.width(), view.height());
    uint8_t* dst = out.pixels.data();
    if (view.format() == ZXing::ImageFormat::Lum) {  // grey and YUV frames: no colour weights
        for (int y = 0; y < view.height(); ++y) {
            const uint8_t* src = view.data(0, y);
            for (int x = 0; x < view.width(); ++x, src += view.pixStride())
                *dst++ = static_cast<uint8_t>(255 - *src);
        }
        return out;
    }
    for (int y = 0; y < view.height(); ++y)
        for (int x = 0; x < view.width(); ++x)
            *dst++ = static_cast<uint8_t>(255 - lumaAt(view, x, y));
    return out;
}

LumaImage halvedLuma(const ZXing::ImageView& view)
{
    LumaImage out = sized(view.width() / 2, view.height() / 2);
    uint8_t* dst = out.pixels.data();
    for (int y = 0; y < out.height_px; ++y) {
        for (int x = 0; x < out.width_px; ++x) {
            const int sum = lumaAt(view, 2 * x, 2 * y) + lumaAt(view, 2 * x + 1, 2 * y) +
                            lumaAt(view, 2 * x, 2 * y + 1) + lumaAt(view, 2 * x + 1, 2 * y + 1);
            *dst++ = static_cast<uint8_t>((sum + 2) / 4);
        }
    }
    return out;
}

LumaImage doubledLuma(const ZXing::ImageView& view)
{
    // Bilinear at the centres of the new pixels: edges stay soft, so the binarizer places the
    // module boundaries between the old pixels instead of on a blocky staircase.
    LumaImage out = sized(view.width() * 2, view.height() * 2);
    const int w = view.width();
    const int h = view.height();
    uint8_t* dst = out.pixels.data();
    for (int y = 0; y < out.height_px; ++y) {
        const int y0 = y % 2 ? y / 2 : y / 2 - 1;  // the source row above the new pixel's centre
        const int wy = y % 2 ? 1 : 3;              // weight of the row below, in quarters
        const int ya = y0 < 0 ? 0 : y0;
        const int yb = y0 + 1 >= h ? h - 1 : y0 + 1;
        for (int x = 0; x < out.width_px; ++x) {
            const int x0 = x % 2 ? x / 2 : x / 2 - 1;
            const int wx = x % 2 ? 1 : 3;
            const int xa = x0 < 0 ? 0 : x0;
            const int xb = x0 + 1 >= w ? w - 1 : x0 + 1;
            const int top = lumaAt(view, xa, ya) * (4 - wx) + lumaAt(view, xb, ya) * wx;
            const int bottom = lumaAt(view, xa, yb) * (4 - wx) + lumaAt(view, xb, yb) * wx;
            *dst++ = static_cast<uint8_t>((top * (4 - wy) + bottom * wy + 8) / 16);
        }
    }
    return out;
}

}  // namespace mk::hw::qr
