// Grey copies of a ZXing image view for the QR decoder's fallback passes: the luminance inverted
// (light modules on a dark ground), halved (2x2 box average: large, noisy or dotted codes) and
// enlarged (small images where a module is one or two pixels).
#pragma once

#include <ZXing/ImageView.h>

#include <cstdint>
#include <vector>

namespace mk::hw::qr {

// An owned 8-bit grey image; view() is valid while the object lives and is not resized.
struct LumaImage {
    std::vector<uint8_t> pixels;
    int width_px = 0;
    int height_px = 0;

    ZXing::ImageView view() const
    {
        return {pixels.data(), width_px, height_px, ZXing::ImageFormat::Lum};
    }
};

LumaImage invertedLuma(const ZXing::ImageView& view);
LumaImage halvedLuma(const ZXing::ImageView& view);
// Enlarged by num/den (> 1), bilinear.
LumaImage enlargedLuma(const ZXing::ImageView& view, int num, int den);

}  // namespace mk::hw::qr
