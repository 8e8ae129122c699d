#include "hw/qr/QrLuma.h"

#include <algorithm>

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

LumaImage enlargedLuma(const ZXing::ImageView& view, int num, int den)
{
    // Colour frames: one conversion to grey first, so the inner loop reads bytes.
    if (view.format() != ZXing::ImageFormat::Lum || view.pixStride() != 1) {
        LumaImage grey = sized(view.width(), view.height());
        uint8_t* dst = grey.pixels.data();
        for (int y = 0; y < view.height(); ++y)
            for (int x = 0; x < view.width(); ++x) *dst++ = lumaAt(view, x, y);
        return enlargedLuma(grey.view(), num, den);
    }
    // Bilinear at the centres of the new pixels (fixed point, 8 fractional bits): edges stay soft,
    // so the binarizer places module boundaries between the old pixels, not on a staircase.
    const int w = view.width();
    const int h = view.height();
    LumaImage out = sized(w * num / den, h * num / den);
    // Source position of a new pixel's centre, in 1/256 px: ((i + 0.5) * den / num - 0.5) * 256.
    const auto source = [num, den](int i) { return ((2 * i + 1) * den * 128) / num - 128; };
    std::vector<int> x0(static_cast<size_t>(out.width_px));
    std::vector<int> x1(static_cast<size_t>(out.width_px));
    std::vector<int> fx(static_cast<size_t>(out.width_px));
    for (int x = 0; x < out.width_px; ++x) {
        const int sx = std::max(0, source(x));
        x0[x] = std::min(w - 1, sx >> 8);
        x1[x] = std::min(w - 1, x0[x] + 1);
        fx[x] = sx & 0xff;
    }
    uint8_t* dst = out.pixels.data();
    for (int y = 0; y < out.height_px; ++y) {
        const int sy = std::max(0, source(y));
        const uint8_t* top = view.data(0, std::min(h - 1, sy >> 8));
        const uint8_t* bottom = view.data(0, std::min(h - 1, (sy >> 8) + 1));
        const int fy = sy & 0xff;
        for (int x = 0; x < out.width_px; ++x) {
            const int a = top[x0[x]] * (256 - fx[x]) + top[x1[x]] * fx[x];
            const int b = bottom[x0[x]] * (256 - fx[x]) + bottom[x1[x]] * fx[x];
            *dst++ = static_cast<uint8_t>((a * (256 - fy) + b * fy + (1 << 15)) >> 16);
        }
    }
    return out;
}

}  // namespace mk::hw::qr
