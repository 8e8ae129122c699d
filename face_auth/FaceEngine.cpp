// The one translation unit with dlib's DNN headers (they take ~90 s to compile).
#include "FaceEngine.h"

#include "FaceLog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <dlib/dnn.h>
#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>

#include <algorithm>
#include <cstring>
#include <dlfcn.h>
#include <exception>
#include <mutex>

namespace mk::face {
namespace {
template<typename Pixel>
struct QImageView;
}
}  // namespace mk::face

namespace dlib {
template<typename Pixel>
struct image_traits<mk::face::QImageView<Pixel>> {
    using pixel_type = Pixel;
};
}  // namespace dlib

namespace mk::face {

namespace {

// dlib_face_recognition_resnet_model_v1: the network of dlib's dnn_face_recognition_ex.cpp.
template<template<int, template<typename> class, int, typename> class block, int N,
         template<typename> class BN, typename SUBNET>
using residual = dlib::add_prev1<block<N, BN, 1, dlib::tag1<SUBNET>>>;
template<template<int, template<typename> class, int, typename> class block, int N,
         template<typename> class BN, typename SUBNET>
using residual_down = dlib::add_prev2<
    dlib::avg_pool<2, 2, 2, 2, dlib::skip1<dlib::tag2<block<N, BN, 2, dlib::tag1<SUBNET>>>>>>;
template<int N, template<typename> class BN, int stride, typename SUBNET>
using block =
    BN<dlib::con<N, 3, 3, 1, 1, dlib::relu<BN<dlib::con<N, 3, 3, stride, stride, SUBNET>>>>>;
template<int N, typename SUBNET>
using ares = dlib::relu<residual<block, N, dlib::affine, SUBNET>>;
template<int N, typename SUBNET>
using ares_down = dlib::relu<residual_down<block, N, dlib::affine, SUBNET>>;
template<typename SUBNET>
using alevel0 = ares_down<256, SUBNET>;
template<typename SUBNET>
using alevel1 = ares<256, ares<256, ares_down<256, SUBNET>>>;
template<typename SUBNET>
using alevel2 = ares<128, ares<128, ares_down<128, SUBNET>>>;
template<typename SUBNET>
using alevel3 = ares<64, ares<64, ares<64, ares_down<64, SUBNET>>>>;
template<typename SUBNET>
using alevel4 = ares<32, ares<32, ares<32, SUBNET>>>;
using anet_type = dlib::loss_metric<dlib::fc_no_bias<
    128, dlib::avg_pool_everything<alevel0<alevel1<alevel2<alevel3<alevel4<dlib::max_pool<
             3, 3, 2, 2,
             dlib::relu<dlib::affine<
                 dlib::con<32, 7, 7, 2, 2, dlib::input_rgb_image_sized<150>>>>>>>>>>>>>;

// Zero-copy dlib views over a QImage (dlib's generic image interface): the detector, the shape
// predictor and the chip extraction read the frame's own pixels, without a per-pixel copy.
// Format_Grayscale8 for the grey view, Format_RGB888 (bytes R, G, B = dlib::rgb_pixel) for the
// colour one.
template<typename Pixel>
struct QImageView {
    const QImage* image = nullptr;
};
using GreyView = QImageView<unsigned char>;
using RgbView = QImageView<dlib::rgb_pixel>;

template<typename Pixel>
long num_rows(const QImageView<Pixel>& v)
{
    return v.image->height();
}
template<typename Pixel>
long num_columns(const QImageView<Pixel>& v)
{
    return v.image->width();
}
template<typename Pixel>
const void* image_data(const QImageView<Pixel>& v)
{
    return v.image->constBits();
}
template<typename Pixel>
long width_step(const QImageView<Pixel>& v)
{
    return long(v.image->bytesPerLine());
}

QString expectedSha256(const QString& file)
{
    if (file == QLatin1String(FaceEngine::kShapePredictorFile))
        return QStringLiteral(MK_FACE_SHA256_SHAPE_PREDICTOR);
    if (file == QLatin1String(FaceEngine::kResNetFile))
        return QStringLiteral(MK_FACE_SHA256_RESNET);
    return {};
}

void toRgb(const QImage& rgb, dlib::matrix<dlib::rgb_pixel>& out)
{
    out.set_size(rgb.height(), rgb.width());
    for (int y = 0; y < rgb.height(); ++y) {
        const uchar* row = rgb.constScanLine(y);
        for (int x = 0; x < rgb.width(); ++x)
            out(y, x) = dlib::rgb_pixel(row[3 * x], row[3 * x + 1], row[3 * x + 2]);
    }
}

Landmarks5 toLandmarks(const dlib::full_object_detection& shape)
{
    Landmarks5 l;
    for (unsigned long i = 0; i < 5 && i < shape.num_parts(); ++i)
        l.points[i] = QPointF(double(shape.part(i).x()), double(shape.part(i).y()));
    return l;
}

QImage chipToGrey(const dlib::matrix<dlib::rgb_pixel>& chip)
{
    QImage img(int(chip.nc()), int(chip.nr()), QImage::Format_RGB888);
    for (int y = 0; y < img.height(); ++y) {
        uchar* row = img.scanLine(y);
        for (int x = 0; x < img.width(); ++x) {
            const dlib::rgb_pixel& p = chip(y, x);
            row[3 * x] = p.red;
            row[3 * x + 1] = p.green;
            row[3 * x + 2] = p.blue;
        }
    }
    return img.convertToFormat(QImage::Format_Grayscale8);
}

// dlib's frontal face detector with the same five trained HOG filters, scanning a pyramid whose
// levels shrink by 4/5 instead of 5/6: 2.8 instead of 3.3 times the first level's pixels. The
// filters tolerate the coarser step: on photos/faces and the 640x480 johns frames it finds every
// face of the quality gate's size that the full-frame detector finds (tests/face/tst_faceengine).
using CoarseDetector = dlib::object_detector<dlib::scan_fhog_pyramid<dlib::pyramid_down<5>>>;

CoarseDetector coarserPyramid(const dlib::frontal_face_detector& trained)
{
    dlib::scan_fhog_pyramid<dlib::pyramid_down<5>> scanner;
    const auto& from = trained.get_scanner();
    scanner.set_detection_window_size(from.get_detection_window_width(),
                                      from.get_detection_window_height());
    scanner.set_padding(from.get_padding());
    scanner.set_cell_size(from.get_cell_size());
    scanner.set_max_pyramid_levels(from.get_max_pyramid_levels());
    scanner.set_min_pyramid_layer_size(from.get_min_pyramid_layer_width(),
                                       from.get_min_pyramid_layer_height());
    std::vector<dlib::matrix<double, 0, 1>> weights;
    for (unsigned long i = 0; i < trained.num_detectors(); ++i) weights.push_back(trained.get_w(i));
    return CoarseDetector(scanner, trained.get_overlap_tester(), weights);
}

// OpenBLAS picks its kernels from the CPU model; a model it does not know (a virtual machine's
// generic "Intel Xeon Processor") gets its oldest SSE3 kernels ("Prescott") even on an AVX2 CPU,
// and the ResNet descriptor then takes about 1.5 times as long (bench_face: 34 ms against 22 ms
// with OPENBLAS_CORETYPE=Haswell). Said once at load, for whoever sets up the kiosk.
void warnAboutGenericBlasKernels()
{
    void* symbol = dlsym(RTLD_DEFAULT, "openblas_get_corename");
    if (!symbol || !qEnvironmentVariableIsEmpty("OPENBLAS_CORETYPE")) return;
    char* (*core_name)() = nullptr;
    static_assert(sizeof(core_name) == sizeof(symbol));
    std::memcpy(&core_name, &symbol, sizeof(core_name));
    const QString core = QString::fromLatin1(core_name()).toLower();
    const bool generic = core == QLatin1String("prescott") || core == QLatin1String("core2") ||
                         core == QLatin1String("nehalem") || core == QLatin1String("katmai");
    if (generic && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        qCWarning(lcFace).noquote()
            << "OpenBLAS uses its" << core
            << "kernels on a CPU with AVX2 (it does not recognise the CPU model): face "
               "descriptors take about 1.5 times as long; set OPENBLAS_CORETYPE=Haswell in the "
               "kiosk's environment";
    }
}

// The smallest face (full-frame px) the detection copy must reach: never larger than the quality
// gate's minimum, so that every face big enough to pass the gate (or to count as a second person)
// is searched for.
int searchMinFacePx(const EngineOptions& o)
{
    if (o.detect_min_face_px <= 0 || o.quality.min_face_width_px <= 0) return 0;
    return std::min(o.detect_min_face_px, o.quality.min_face_width_px);
}

}  // namespace

struct FaceEngine::Impl {
    std::mutex mutex;
    bool loaded = false;
    dlib::frontal_face_detector detector = dlib::get_frontal_face_detector();
    CoarseDetector coarse_detector = coarserPyramid(detector);
    dlib::shape_predictor shape_predictor;
    anet_type net;
    dlib::array2d<unsigned char> small;  // the detection copy, reused frame to frame
    std::vector<dlib::rect_detection> dets;

    Descriptor describe(const dlib::matrix<dlib::rgb_pixel>& chip)
    {
        dlib::matrix<float, 0, 1> d = net(chip);
        Descriptor out{};
        for (int i = 0; i < kDescriptorSize; ++i) out[size_t(i)] = d(i);
        d = 0;
        return out;
    }

    template<typename Image>
    void runDetector(const Image& img, const EngineOptions& o)
    {
        dets.clear();
        if (o.hog_pyramid_down == 6)
            detector(img, dets, 0.0);
        else
            coarse_detector(img, dets, 0.0);
    }

    // HOG on the copy of detectionSize() (boxes mapped back), landmarks on the full-resolution
    // grey frame. Under the lock.
    std::vector<DetectedFace> detectFaces(const QImage& grey, const EngineOptions& o)
    {
        const GreyView full{&grey};
        const QSize size = FaceEngine::detectionSize(grey.size(), o);
        double scale_x = 1.0;
        double scale_y = 1.0;
        if (size != grey.size() || o.upsample > 0) {
            if (size != grey.size()) {
                small.set_size(size.height(), size.width());
                dlib::resize_image(full, small);
                scale_x = double(grey.width()) / double(small.nc());
                scale_y = double(grey.height()) / double(small.nr());
            } else {
                dlib::assign_image(small, full);
            }
            for (int i = 0; i < o.upsample; ++i) {
                dlib::pyramid_up(small);
                scale_x /= 2.0;
                scale_y /= 2.0;
            }
            runDetector(small, o);
        } else {
            runDetector(full, o);
        }
        std::vector<DetectedFace> faces;
        for (const dlib::rect_detection& d : dets) {
            if (d.detection_confidence < o.min_detector_score) continue;
            const dlib::rectangle r(long(std::lround(double(d.rect.left()) * scale_x)),
                                    long(std::lround(double(d.rect.top()) * scale_y)),
                                    long(std::lround(double(d.rect.right() + 1) * scale_x)) - 1,
                                    long(std::lround(double(d.rect.bottom() + 1) * scale_y)) - 1);
            DetectedFace face;
            face.box = QRect(int(r.left()), int(r.top()), int(r.width()), int(r.height()));
            face.score = d.detection_confidence;
            face.landmarks = toLandmarks(shape_predictor(full, r));
            faces.push_back(face);
        }
        return faces;
    }
};

FaceEngine::FaceEngine(EngineOptions options) : impl_(std::make_unique<Impl>()), options_(options)
{}

FaceEngine::~FaceEngine() = default;

QString FaceEngine::defaultModelsDir()
{
    QString env = qEnvironmentVariable("MEDKIOSK_MODELS_DIR");
    if (!env.isEmpty()) return env;
    return QDir::homePath() + QStringLiteral("/.cache/medkiosk/models");
}

void FaceEngine::setOptions(const EngineOptions& options)
{
    std::lock_guard lock(impl_->mutex);
    options_ = options;
}

bool FaceEngine::isLoaded() const
{
    std::lock_guard lock(impl_->mutex);
    return impl_->loaded;
}

FaceStatus FaceEngine::load(const QString& models_dir)
{
    std::lock_guard lock(impl_->mutex);
    impl_->loaded = false;
    for (const char* name : {kShapePredictorFile, kResNetFile}) {
        const QString file = QString::fromLatin1(name);
        const QString path = QDir(models_dir).filePath(file);
        QFile f(path);
        if (!f.exists()) {
            return faceError(
                FaceErrorCode::ModelMissing,
                tr("face model %1 is missing (run scripts/fetch-face-models.sh)").arg(path));
        }
        if (!f.open(QIODevice::ReadOnly)) {
            return faceError(FaceErrorCode::ModelMissing,
                             tr("face model %1 cannot be read: %2").arg(path, f.errorString()));
        }
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(&f);
        const QString sum = QString::fromLatin1(hash.result().toHex());
        if (sum != expectedSha256(file)) {
            return faceError(FaceErrorCode::ModelDamaged,
                             tr("face model %1 is damaged: SHA-256 %2, expected %3 (fetch it "
                                "again with scripts/fetch-face-models.sh)")
                                 .arg(path, sum, expectedSha256(file)));
        }
    }
    try {
        dlib::deserialize(
            QDir(models_dir).filePath(QLatin1String(kShapePredictorFile)).toStdString()) >>
            impl_->shape_predictor;
        dlib::deserialize(QDir(models_dir).filePath(QLatin1String(kResNetFile)).toStdString()) >>
            impl_->net;
    } catch (const std::exception& e) {
        return faceError(FaceErrorCode::ModelDamaged,
                         tr("face models in %1 could not be loaded: %2")
                             .arg(models_dir, QString::fromLocal8Bit(e.what())));
    }
    impl_->loaded = true;
    qCInfo(lcFace) << "face models loaded from" << models_dir;
    warnAboutGenericBlasKernels();
    return FaceOk{};
}

QSize FaceEngine::detectionSize(QSize frame, const EngineOptions& options)
{
    const int min_face = searchMinFacePx(options);
    if (min_face <= 0 || frame.isEmpty()) return frame;
    const double s = double(EngineOptions::kHogWindowPx) / (EngineOptions::kHogReach * min_face);
    if (s >= 1.0) return frame;
    return QSize(std::max(1, int(std::lround(frame.width() * s))),
                 std::max(1, int(std::lround(frame.height() * s))));
}

FaceResult<std::vector<DetectedFace>> FaceEngine::detect(const QImage& frame) const
{
    std::lock_guard lock(impl_->mutex);
    if (!impl_->loaded) return faceError(FaceErrorCode::NotLoaded, tr("face models not loaded"));
    if (frame.isNull() || frame.width() < 16 || frame.height() < 16)
        return faceError(FaceErrorCode::BadImage, tr("empty or tiny image"));
    try {
        return impl_->detectFaces(frame.convertToFormat(QImage::Format_Grayscale8), options_);
    } catch (const std::exception& e) {
        return faceError(FaceErrorCode::Dlib,
                         tr("face detection failed: %1").arg(QString::fromLocal8Bit(e.what())));
    }
}

FaceResult<FaceAnalysis> FaceEngine::analyze(const QImage& frame) const
{
    std::lock_guard lock(impl_->mutex);
    if (!impl_->loaded) return faceError(FaceErrorCode::NotLoaded, tr("face models not loaded"));
    if (frame.isNull() || frame.width() < 16 || frame.height() < 16)
        return faceError(FaceErrorCode::BadImage, tr("empty or tiny image"));
    FaceAnalysis analysis;
    try {
        // One conversion of each kind per frame (none when the camera already gives RGB888).
        const QImage rgb = frame.convertToFormat(QImage::Format_RGB888);
        const QImage grey = rgb.convertToFormat(QImage::Format_Grayscale8);
        analysis.faces = impl_->detectFaces(grey, options_);
        if (analysis.faces.size() != 1) {
            analysis.quality =
                Quality::assess(int(analysis.faces.size()), nullptr, QImage(), options_.quality);
            return analysis;
        }
        const DetectedFace& face = analysis.faces.front();
        std::vector<dlib::point> parts;
        for (const QPointF& p : face.landmarks.points)
            parts.emplace_back(long(std::lround(p.x())), long(std::lround(p.y())));
        const dlib::full_object_detection shape(
            dlib::rectangle(face.box.left(), face.box.top(), face.box.right(), face.box.bottom()),
            parts);
        dlib::matrix<dlib::rgb_pixel> chip;
        dlib::extract_image_chip(RgbView{&rgb},
                                 dlib::get_face_chip_details(shape, kChipSizePx, 0.25), chip);
        analysis.chip_grey = chipToGrey(chip);
        analysis.quality = Quality::assess(1, &face, analysis.chip_grey, options_.quality, true);
        analysis.descriptor = impl_->describe(chip);
    } catch (const std::exception& e) {
        return faceError(FaceErrorCode::Dlib,
                         tr("face description failed: %1").arg(QString::fromLocal8Bit(e.what())));
    }
    return analysis;
}

FaceResult<FaceAnalysis> FaceEngine::analyzeChip(const QImage& chip_image) const
{
    std::lock_guard lock(impl_->mutex);
    if (!impl_->loaded) return faceError(FaceErrorCode::NotLoaded, tr("face models not loaded"));
    if (chip_image.width() != kChipSizePx || chip_image.height() != kChipSizePx) {
        return faceError(FaceErrorCode::BadImage,
                         tr("a face chip must be %1x%1 pixels, this image is %2x%3")
                             .arg(kChipSizePx)
                             .arg(chip_image.width())
                             .arg(chip_image.height()));
    }
    try {
        const QImage rgb = chip_image.convertToFormat(QImage::Format_RGB888);
        dlib::matrix<dlib::rgb_pixel> chip;
        toRgb(rgb, chip);
        FaceAnalysis analysis;
        DetectedFace face;
        face.box = QRect(0, 0, kChipSizePx, kChipSizePx);
        face.score = 1.0;
        face.landmarks = toLandmarks(
            impl_->shape_predictor(chip, dlib::rectangle(0, 0, kChipSizePx - 1, kChipSizePx - 1)));
        analysis.faces.push_back(face);
        analysis.chip_grey = rgb.convertToFormat(QImage::Format_Grayscale8);
        analysis.quality = Quality::assess(1, &face, analysis.chip_grey, options_.quality, false);
        analysis.descriptor = impl_->describe(chip);
        return analysis;
    } catch (const std::exception& e) {
        return faceError(FaceErrorCode::Dlib,
                         tr("face description failed: %1").arg(QString::fromLocal8Bit(e.what())));
    }
}

FaceResult<Descriptor> FaceEngine::referenceDescriptor(const QImage& frame) const
{
    std::lock_guard lock(impl_->mutex);
    if (!impl_->loaded) return faceError(FaceErrorCode::NotLoaded, tr("face models not loaded"));
    if (frame.isNull()) return faceError(FaceErrorCode::BadImage, tr("empty image"));
    try {
        dlib::matrix<dlib::rgb_pixel> img;
        toRgb(frame.convertToFormat(QImage::Format_RGB888), img);
        dlib::array2d<unsigned char> grey;
        dlib::assign_image(grey, img);
        const std::vector<dlib::rectangle> dets = impl_->detector(grey);
        if (dets.empty()) return faceError(FaceErrorCode::NotFound, tr("no face"));
        const dlib::rectangle largest = *std::max_element(
            dets.begin(), dets.end(),
            [](const dlib::rectangle& a, const dlib::rectangle& b) { return a.area() < b.area(); });
        const dlib::full_object_detection shape = impl_->shape_predictor(img, largest);
        dlib::matrix<dlib::rgb_pixel> chip;
        dlib::extract_image_chip(img, dlib::get_face_chip_details(shape, kChipSizePx, 0.25), chip);
        return impl_->describe(chip);
    } catch (const std::exception& e) {
        return faceError(FaceErrorCode::Dlib,
                         tr("face description failed: %1").arg(QString::fromLocal8Bit(e.what())));
    }
}

}  // namespace mk::face
