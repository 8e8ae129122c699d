// The product's QR decoding pipeline on ZXing-C++ 1.4: QR codes only, decoding straight from the
// pixels of a QImage, a mapped QVideoFrame or a raw frame buffer (no copy for grey, RGB888 and
// 32-bit RGB images, nor for the luma plane of YUV camera frames). Re-entrant: one decoder may be
// used from any thread, one call at a time per instance is not required.
#pragma once

#include <QImage>
#include <QString>
#include <QVideoFrame>

#include <cstdint>
#include <optional>

namespace mk::hw {

class QrDecoder
{
public:
    // Pixel layouts of raw frame buffers.
    enum class PixelFormat {
        Grey8,   // one luma byte per pixel
        Rgb24,   // R, G, B bytes
        Bgrx32,  // B, G, R, X bytes (QImage::Format_RGB32 / ARGB32 on little endian)
        Rgbx32,  // R, G, B, X bytes (QImage::Format_RGBX8888 / RGBA8888)
        Yuyv16,  // Y0 U Y1 V: luma every second byte
    };

    // Measured on the shared set as camera frames (bench_qrdecode): QR only, a first pass without
    // "try harder" (finder patterns searched on every few rows), then a second pass with it and
    // the global histogram binarizer, which reads low-contrast and unevenly lit codes the local
    // average one misses. Leaving ZXing's maxNumberOfSymbols at its default is faster than 1.
    struct Options {
        bool fast_first_pass = true;  // false: the first pass tries harder too
        bool fallback_pass = true;    // false: one pass only (LocalAverage)
        // Then, still nothing found: the luminance inverted, halved (short side 120-499 px) and
        // enlarged 3/2 (long side <= 800 px), each like the first pass (local average binarizer, no
        // "try harder").
        bool hard_image_passes = true;
    };

    QrDecoder();
    explicit QrDecoder(const Options& options);

    // The text of the first QR code found, or nothing.
    std::optional<QString> decode(const QImage& image) const;
    std::optional<QString> decode(const uint8_t* data, int width_px, int height_px,
                                  int bytes_per_line, PixelFormat format) const;
    // Maps the frame read-only; YUV frames are decoded from their luma plane, RGB ones directly;
    // other layouts go through QVideoFrame::toImage().
    std::optional<QString> decode(const QVideoFrame& frame) const;

    const Options& options() const { return options_; }

private:
    Options options_;
};

}  // namespace mk::hw
