#include "hw/qr/QrDecoder.h"

#include "hw/qr/QrLuma.h"

#include <ZXing/ReadBarcode.h>

#include <algorithm>

namespace mk::hw {

namespace {

// Larger images are not enlarged (by 3/2): a big frame's code has pixels enough, and the pass
// costs 2.25x the area. VGA frames and small crops are.
constexpr int kEnlargeMaxSidePx = 800;
// Smaller images are not halved: too few pixels per module would be left. From ZXing's downscale
// threshold (500 px) up, its own downscaled passes already run.
constexpr int kHalveMinSidePx = 120;
constexpr int kHalveMaxSidePx = 499;

std::optional<QString> textOf(const ZXing::Result& result)
{
    if (!result.isValid()) return std::nullopt;
    return QString::fromStdString(result.text());
}

std::optional<QString> readQr(const ZXing::ImageView& view, const QrDecoder::Options& options)
{
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode)
        .setTryHarder(!options.fast_first_pass)
        .setTryRotate(false)  // the QR detector finds codes at any angle; rotation helps 1D only
        .setTryDownscale(true)
        .setBinarizer(ZXing::Binarizer::LocalAverage);
    if (auto text = textOf(ZXing::ReadBarcode(view, hints))) return text;
    if (!options.fallback_pass) return std::nullopt;
    hints.setTryHarder(true).setBinarizer(ZXing::Binarizer::GlobalHistogram);
    if (auto text = textOf(ZXing::ReadBarcode(view, hints))) return text;
    if (!options.hard_image_passes) return std::nullopt;
    // Only when nothing was found (a frame without a code pays for these, a readable one never):
    // light modules on a dark ground (phone screens in dark mode, inverted prints) ...
    // (these three search finder patterns on every few rows, like the first pass: a frame without
    // a code must not cost much more than raw ZXing's one "try harder" pass)
    hints.setTryHarder(false).setBinarizer(ZXing::Binarizer::LocalAverage);
    if (auto text = textOf(ZXing::ReadBarcode(qr::invertedLuma(view).view(), hints))) return text;
    const int short_side = std::min(view.width(), view.height());
    const int long_side = std::max(view.width(), view.height());
    // ... noisy, dotted or blurred codes, averaged 2x2 (ZXing's own downscale starts at 500 px) ...
    if (short_side >= kHalveMinSidePx && short_side <= kHalveMaxSidePx) {
        if (auto text = textOf(ZXing::ReadBarcode(qr::halvedLuma(view).view(), hints))) return text;
    }
    // ... and small images where a module is only one or two pixels wide.
    if (long_side <= kEnlargeMaxSidePx) {
        hints.setTryDownscale(false);  // it would undo the enlargement
        if (auto text = textOf(ZXing::ReadBarcode(qr::enlargedLuma(view, 3, 2).view(), hints)))
            return text;
    }
    return std::nullopt;
}

bool validGeometry(const uint8_t* data, int width_px, int height_px, int bytes_per_line,
                   int pixel_bytes)
{
    return data != nullptr && width_px > 0 && height_px > 0 &&
           bytes_per_line >= width_px * pixel_bytes;
}

}  // namespace

QrDecoder::QrDecoder() : options_{} {}

QrDecoder::QrDecoder(const Options& options) : options_(options) {}

std::optional<QString> QrDecoder::decode(const uint8_t* data, int width_px, int height_px,
                                         int bytes_per_line, PixelFormat format) const
{
    ZXing::ImageFormat zx_format = ZXing::ImageFormat::Lum;
    int pixel_bytes = 1;
    switch (format) {
        case PixelFormat::Grey8:
            break;
        case PixelFormat::Rgb24:
            zx_format = ZXing::ImageFormat::RGB;
            pixel_bytes = 3;
            break;
        case PixelFormat::Bgrx32:
            zx_format = ZXing::ImageFormat::BGRX;
            pixel_bytes = 4;
            break;
        case PixelFormat::Rgbx32:
            zx_format = ZXing::ImageFormat::RGBX;
            pixel_bytes = 4;
            break;
        case PixelFormat::Yuyv16:
            pixel_bytes = 2;  // luma only, every second byte
            break;
    }
    if (!validGeometry(data, width_px, height_px, bytes_per_line, pixel_bytes)) return std::nullopt;
    return readQr(
        ZXing::ImageView(data, width_px, height_px, zx_format, bytes_per_line, pixel_bytes),
        options_);
}

std::optional<QString> QrDecoder::decode(const QImage& image) const
{
    if (image.isNull()) return std::nullopt;
    const int w = image.width();
    const int h = image.height();
    const int bpl = static_cast<int>(image.bytesPerLine());
    switch (image.format()) {
        case QImage::Format_Grayscale8:
            return decode(image.constBits(), w, h, bpl, PixelFormat::Grey8);
        case QImage::Format_RGB888:
            return decode(image.constBits(), w, h, bpl, PixelFormat::Rgb24);
        case QImage::Format_RGB32:
        case QImage::Format_ARGB32:
        case QImage::Format_ARGB32_Premultiplied:
            if constexpr (Q_BYTE_ORDER == Q_LITTLE_ENDIAN)
                return decode(image.constBits(), w, h, bpl, PixelFormat::Bgrx32);
            break;
        case QImage::Format_RGBX8888:
        case QImage::Format_RGBA8888:
        case QImage::Format_RGBA8888_Premultiplied:
            return decode(image.constBits(), w, h, bpl, PixelFormat::Rgbx32);
        default:
            break;
    }
    // Any other layout (indexed, 16-bit, mono...): one conversion to grey is unavoidable.
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    return decode(grey.constBits(), grey.width(), grey.height(),
                  static_cast<int>(grey.bytesPerLine()), PixelFormat::Grey8);
}

std::optional<QString> QrDecoder::decode(const QVideoFrame& frame) const
{
    if (!frame.isValid()) return std::nullopt;
    QVideoFrame mapped(frame);  // shallow: shares the buffer
    if (!mapped.map(QVideoFrame::ReadOnly)) return decode(frame.toImage());
    const int w = mapped.width();
    const int h = mapped.height();
    const uint8_t* bits = mapped.bits(0);
    const int bpl = mapped.bytesPerLine(0);
    std::optional<QString> result;
    bool handled = true;
    switch (mapped.pixelFormat()) {
        case QVideoFrameFormat::Format_NV12:
        case QVideoFrameFormat::Format_NV21:
        case QVideoFrameFormat::Format_YUV420P:
        case QVideoFrameFormat::Format_YUV422P:
        case QVideoFrameFormat::Format_YV12:
        case QVideoFrameFormat::Format_Y8:
        case QVideoFrameFormat::Format_IMC1:
        case QVideoFrameFormat::Format_IMC2:
        case QVideoFrameFormat::Format_IMC3:
        case QVideoFrameFormat::Format_IMC4:
            result = decode(bits, w, h, bpl, PixelFormat::Grey8);
            break;
        case QVideoFrameFormat::Format_YUYV:
            result = decode(bits, w, h, bpl, PixelFormat::Yuyv16);
            break;
        case QVideoFrameFormat::Format_UYVY:
            result = decode(bits + 1, w, h, bpl, PixelFormat::Yuyv16);
            break;
        case QVideoFrameFormat::Format_BGRA8888:
        case QVideoFrameFormat::Format_BGRX8888:
            result = decode(bits, w, h, bpl, PixelFormat::Bgrx32);
            break;
        case QVideoFrameFormat::Format_RGBA8888:
        case QVideoFrameFormat::Format_RGBX8888:
            result = decode(bits, w, h, bpl, PixelFormat::Rgbx32);
            break;
        default:
            handled = false;
            break;
    }
    mapped.unmap();
    if (!handled) return decode(frame.toImage());
    return result;
}

}  // namespace mk::hw
