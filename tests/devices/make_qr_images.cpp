// make_qr_images: writes the made hard QR images of tests/data/qr-made (JPEG + <name>.txt with the
// expected text; falsepositives/ holds the same effects on code-like patterns without a code), the
// kinds of failure a kiosk camera meets that the shared samples have few of:
// a phone screen with glare (light and dark mode), moire from filming a screen, defocus blur,
// small codes at the edge of the frame, perspective, low contrast with sensor noise; saved as a
// camera would, JPEG quality 90. Deterministic
// (fixed seeds): running it again rewrites the same files. Codes come from ZXing-C++'s writer.
// Usage: make_qr_images <output folder>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPolygonF>
#include <QTransform>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

namespace {

// The code's modules, one pixel each, quiet zone of 4 modules, black on white.
QImage renderCode(const QByteArray& text, int ecc_level)
{
    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
    writer.setMargin(4).setEccLevel(ecc_level).setEncoding(ZXing::CharacterSet::UTF8);
    const ZXing::BitMatrix m = writer.encode(text.toStdString(), 1, 1);
    QImage image(m.width(), m.height(), QImage::Format_Grayscale8);
    for (int y = 0; y < m.height(); ++y)
        for (int x = 0; x < m.width(); ++x) image.scanLine(y)[x] = m.get(x, y) ? 0 : 255;
    return image;
}

QImage scaledModules(const QImage& code, int module_px)
{
    return code.scaled(code.width() * module_px, code.height() * module_px, Qt::IgnoreAspectRatio,
                       Qt::FastTransformation);
}

// Box blur, radius r, run three times (close to a Gaussian of sigma ~ r).
QImage blurred(const QImage& src, int r)
{
    QImage img = src.convertToFormat(QImage::Format_Grayscale8);
    const int w = img.width();
    const int h = img.height();
    for (int pass = 0; pass < 3; ++pass) {
        QImage tmp(w, h, QImage::Format_Grayscale8);
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                int sum = 0;
                for (int k = -r; k <= r; ++k)
                    sum += img.constScanLine(y)[std::clamp(x + k, 0, w - 1)];
                tmp.scanLine(y)[x] = static_cast<uchar>(sum / (2 * r + 1));
            }
        }
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                int sum = 0;
                for (int k = -r; k <= r; ++k)
                    sum += tmp.constScanLine(std::clamp(y + k, 0, h - 1))[x];
                img.scanLine(y)[x] = static_cast<uchar>(sum / (2 * r + 1));
            }
        }
    }
    return img;
}

// Maps each pixel's luminance v (0..255) through f(x, y, v).
template<typename F>
void mapPixels(QImage& img, F f)
{
    for (int y = 0; y < img.height(); ++y) {
        uchar* line = img.scanLine(y);
        for (int x = 0; x < img.width(); ++x)
            line[x] =
                static_cast<uchar>(std::clamp(f(x, y, static_cast<double>(line[x])), 0.0, 255.0));
    }
}

void addNoise(QImage& img, double sigma, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0.0, sigma);
    mapPixels(img, [&](int, int, double v) { return v + noise(rng); });
}

// A background like a counter top: smooth gradient plus texture.
QImage background(int w, int h, unsigned seed)
{
    QImage img(w, h, QImage::Format_Grayscale8);
    mapPixels(img, [&](int x, int y, double) {
        return 120.0 + 50.0 * std::sin(x * 0.013 + seed) * std::cos(y * 0.017) + 0.04 * (x - y);
    });
    addNoise(img, 6.0, seed);
    return img;
}

// The four corners of an image, for QTransform::quadToQuad (a QPolygonF(QRectF) has five).
QPolygonF corners(const QImage& img)
{
    QPolygonF quad;
    quad << QPointF(0, 0) << QPointF(img.width(), 0) << QPointF(img.width(), img.height())
         << QPointF(0, img.height());
    return quad;
}

// Draws src (grey) into dst through the transform, smooth.
void drawInto(QImage& dst, const QImage& src, const QTransform& t)
{
    QImage rgb = dst.convertToFormat(QImage::Format_RGB32);
    QPainter p(&rgb);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.setTransform(t);
    p.drawImage(0, 0, src);
    p.end();
    dst = rgb.convertToFormat(QImage::Format_Grayscale8);
}

// A phone held up to the camera: the code on a lit screen (dark mode inverts it), inside a black
// bezel, seen at an angle, with a specular glare blob over part of the code.
QImage phoneScreen(const QImage& code, bool dark_mode, double glare_strength, unsigned seed)
{
    QImage screen = scaledModules(code, 6);
    mapPixels(screen, [&](int, int, double v) {
        const double on = dark_mode ? 255.0 - v : v;  // dark mode: light modules on dark ground
        return 40.0 + on * 0.75;                      // an LCD's black is grey, its white dimmer
    });
    const int bezel = 40;
    QImage phone(screen.width() + 2 * bezel, screen.height() + 4 * bezel,
                 QImage::Format_Grayscale8);
    phone.fill(QColor(15, 15, 15));
    QPainter(&phone).drawImage(bezel, 2 * bezel, screen);
    QImage frame = background(1280, 720, seed);
    const QPolygonF from = corners(phone);
    QPolygonF to;
    to << QPointF(420, 90) << QPointF(860, 120) << QPointF(840, 690) << QPointF(400, 650);
    QTransform t;
    if (!QTransform::quadToQuad(from, to, t)) return {};
    drawInto(frame, phone, t);
    // Glare: an elongated bright blob that washes out the modules under it.
    const double gx = 600 + 60 * (seed % 3);
    const double gy = 330;
    mapPixels(frame, [&](int x, int y, double v) {
        const double dx = (x - gx) / 120.0;
        const double dy = (y - gy) / 55.0;
        const double g = glare_strength * std::exp(-(dx * dx + dy * dy));
        return v + (255.0 - v) * g;
    });
    addNoise(frame, 3.0, seed + 1);
    return blurred(frame, 1);
}

// Filming a screen: the screen's pixel grid beats with the sensor's (moire bands), then the
// camera resamples at a non-integer scale.
QImage moire(const QImage& code, unsigned seed)
{
    QImage screen = scaledModules(code, 7);
    const double angle = 0.12 + 0.05 * (seed % 4);
    mapPixels(screen, [&](int x, int y, double v) {
        const double u = x * std::cos(angle) + y * std::sin(angle);
        const double grid = 0.5 + 0.5 * std::sin(u * 2.0 * M_PI / 3.3);
        const double band = 0.5 + 0.5 * std::sin(u * 2.0 * M_PI / 41.0 + y * 0.02);
        return 30.0 + v * 0.8 * (0.55 + 0.45 * grid) * (0.7 + 0.3 * band);
    });
    QImage frame = background(1280, 720, seed);
    QTransform t;
    t.translate(300, 80).rotate(4.0).scale(0.83, 0.83);
    drawInto(frame, screen, t);
    addNoise(frame, 4.0, seed);
    return frame;
}

// Out of focus: a printed code, modules 7 px, blurred by radius r.
QImage defocus(const QImage& code, int r, unsigned seed)
{
    QImage frame = background(800, 600, seed);
    QTransform t;
    t.translate(180, 90).rotate(-6.0).scale(7, 7);
    drawInto(frame, code, t);
    frame = blurred(frame, r);
    addNoise(frame, 3.0, seed);
    return frame;
}

// A small code (modules of module_px pixels) near the frame's edge, its quiet zone partly cut off.
QImage smallAtEdge(const QImage& code, double module_px, int corner, unsigned seed)
{
    QImage frame = background(1280, 720, seed);
    const double side = code.width() * module_px;
    const double quiet = 4 * module_px;
    const double x = corner % 2 ? 1280 - side + quiet / 2 : -quiet / 2;
    const double y = corner / 2 ? 720 - side + quiet / 2 : -quiet / 2;
    QTransform t;
    t.translate(x, y).scale(module_px, module_px);
    drawInto(frame, code, t);
    addNoise(frame, 4.0, seed);
    return frame;  // no blur: at 3 px a module blurred by a 1.4 px lens is gone for any reader
}

// A printed slip curled on a counter: strong perspective, uneven light, low contrast.
QImage lowContrastPerspective(const QImage& code, unsigned seed)
{
    QImage paper = scaledModules(code, 8);
    mapPixels(paper, [&](int, int, double v) { return 95.0 + v * 0.35; });  // ink 95, paper 184
    QImage frame = background(1280, 720, seed);
    const QPolygonF from = corners(paper);
    QPolygonF to;
    to << QPointF(380, 160) << QPointF(900, 110) << QPointF(980, 650) << QPointF(330, 600);
    QTransform t;
    if (!QTransform::quadToQuad(from, to, t)) return {};
    drawInto(frame, paper, t);
    mapPixels(frame, [&](int x, int, double v) { return v * (0.7 + 0.3 * x / 1280.0); });
    addNoise(frame, 5.0, seed);
    return frame;
}

// Random modules without finder patterns (looks like a code's data area to a binarizer), 41 x 41.
QImage randomModules(unsigned seed)
{
    std::mt19937 rng(seed);
    QImage modules(49, 49, QImage::Format_Grayscale8);
    modules.fill(255);
    for (int y = 4; y < 45; ++y)
        for (int x = 4; x < 45; ++x) modules.scanLine(y)[x] = rng() % 2 ? 0 : 255;
    return modules;
}

}  // namespace

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_qr_images <output folder>\n");
        return 2;
    }
    const QDir out(QString::fromLocal8Bit(argv[1]));
    if (!out.mkpath(QStringLiteral("."))) return 1;
    // Texts like the kiosk's: appointment slips, visit numbers, a URL, Chinese text (UTF-8).
    const QByteArray t1 = "MK1:APPT:2026-12-05:A1234567";
    const QByteArray t2 = "https://hospital.example.cn/checkin?v=V20261205-0042&k=9f3a7c";
    const QByteArray t3 = QStringLiteral("挂号单 内科 3号诊室 就诊号 0042").toUtf8();
    const QByteArray t4 = "MK1:VISIT:V20261205-0117:DEPT=CARD:SLOT=0930";
    struct Made {
        const char* name;
        QByteArray text;
        QImage image;
    };
    const QImage c1 = renderCode(t1, 2);
    const QImage c2 = renderCode(t2, 1);
    const QImage c3 = renderCode(t3, 2);
    const QImage c4 = renderCode(t4, 3);
    const QList<Made> made{
        {"glare-1", t1, phoneScreen(c1, false, 0.75, 1)},
        {"glare-2", t2, phoneScreen(c2, false, 0.85, 2)},
        {"glare-dark-1", t3, phoneScreen(c3, true, 0.6, 3)},
        {"glare-dark-2", t4, phoneScreen(c4, true, 0.75, 4)},
        {"moire-1", t2, moire(c2, 5)},
        {"moire-2", t3, moire(c3, 6)},
        {"blur-1", t1, defocus(c1, 2, 7)},
        {"blur-2", t4, defocus(c4, 3, 8)},
        {"small-edge-1", t1, smallAtEdge(c1, 3.0, 0, 9)},
        {"small-edge-2", t4, smallAtEdge(c4, 2.5, 3, 10)},
        {"low-contrast-1", t2, lowContrastPerspective(c2, 11)},
        {"low-contrast-2", t3, lowContrastPerspective(c3, 12)},
    };
    // No code at all (falsepositives/, no .txt): the same effects on code-like patterns that the
    // hard-image passes (inverted, halved, enlarged) must not turn into a read.
    const QList<Made> no_code{
        {"falsepositives/dark-phone-random-modules",
         {},
         phoneScreen(randomModules(21), true, 0.7, 21)},
        {"falsepositives/moire-random-modules", {}, moire(randomModules(22), 22)},
        {"falsepositives/small-edge-random-modules",
         {},
         smallAtEdge(randomModules(23), 3.0, 1, 23)},
    };
    if (!out.mkpath(QStringLiteral("falsepositives"))) return 1;
    for (const Made& m : no_code) {
        if (m.image.isNull() ||
            !m.image.save(out.filePath(QString::fromLatin1(m.name)) + QStringLiteral(".jpg"),
                          "JPEG", 90)) {
            std::fprintf(stderr, "make_qr_images: cannot write %s\n", m.name);
            return 1;
        }
    }
    for (const Made& m : made) {
        const QString base = out.filePath(QString::fromLatin1(m.name));
        QFile txt(base + QStringLiteral(".txt"));
        if (m.image.isNull() || !m.image.save(base + QStringLiteral(".jpg"), "JPEG", 90) ||
            !txt.open(QIODevice::WriteOnly) || txt.write(m.text) != m.text.size()) {
            std::fprintf(stderr, "make_qr_images: cannot write %s\n", qPrintable(base));
            return 1;
        }
    }
    std::printf("make_qr_images: %lld images with a code, %lld without in %s\n",
                static_cast<long long>(made.size()), static_cast<long long>(no_code.size()),
                qPrintable(out.absolutePath()));
    return 0;
}
