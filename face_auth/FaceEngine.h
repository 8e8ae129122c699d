// The face pipeline over dlib: frame (QImage) -> grey -> HOG detection on a downscaled copy (boxes
// mapped back) -> 5-point landmarks on the full-resolution frame -> aligned 150x150 chip -> ResNet
// 128-D descriptor. dlib lives only in FaceEngine.cpp (the one translation unit with its DNN
// headers); every dlib exception is caught there and returned as a FaceError.
// Thread-safe (one internal lock); run it on a worker thread, never the UI thread.
#pragma once

#include "FaceResult.h"
#include "FaceTypes.h"
#include "Quality.h"

#include <QCoreApplication>
#include <QImage>
#include <QSize>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace mk::face {

struct EngineOptions {
    // Smallest face (detector box width, full-frame px) the detector must find; the quality
    // gate's quality.min_face_width_px caps it, so every face big enough to pass the size gate or
    // to count as a second person is searched for, and smaller ones are not paid for. dlib's HOG
    // filters (80 px window) still find faces about 1/kHogReach of their window, so the frame is
    // scaled by 80 / (kHogReach * that size) before detection (never enlarged): with the default
    // 120 px a 640x480 frame is searched at 366x274 (0.33 of the pixels); tst_faceengine checks
    // that no face of 120 px or more that dlib finds on the full frame is lost. Faces well under
    // the gate may then go unseen (no "come closer" hint for them). 0: detect on the full frame.
    int detect_min_face_px = 120;
    int upsample = 0;  // dlib pyramid upsampling of the detection copy
    // Step of the HOG scale pyramid: dlib's pyramid_down<N>, each level (N-1)/N of the previous.
    // 6 is dlib's default (the raw pipeline); 5 scans 15% fewer pixels and, on the test photos,
    // finds the same faces of gate size. Only 5 and 6 are supported.
    int hog_pyramid_down = 5;
    double min_detector_score = 0.0;  // HOG confidence below this is not a face
    QualityConfig quality;

    static constexpr int kHogWindowPx = 80;
    // How far under its window dlib's frontal face detector reliably reaches (measured on
    // photos/faces and the johns frames of tst_faceengine: 7/6 finds every face, 5/4 does not).
    static constexpr double kHogReach = 7.0 / 6.0;
};

struct FaceAnalysis {
    std::vector<DetectedFace> faces;
    QualityReport quality;
    std::optional<Descriptor> descriptor;  // computed when exactly one face was found
    QImage chip_grey;                      // the aligned 150x150 chip, for quality and display

    ~FaceAnalysis()
    {
        if (descriptor) secureWipe(*descriptor);
    }
    FaceAnalysis() = default;
    FaceAnalysis(const FaceAnalysis&) = default;
    FaceAnalysis(FaceAnalysis&&) = default;
    FaceAnalysis& operator=(const FaceAnalysis&) = default;
    FaceAnalysis& operator=(FaceAnalysis&&) = default;
};

class FaceEngine
{
    Q_DECLARE_TR_FUNCTIONS(mk::face::FaceEngine)

public:
    static constexpr const char* kShapePredictorFile = "shape_predictor_5_face_landmarks.dat";
    static constexpr const char* kResNetFile = "dlib_face_recognition_resnet_model_v1.dat";

    explicit FaceEngine(EngineOptions options = {});
    ~FaceEngine();
    FaceEngine(const FaceEngine&) = delete;
    FaceEngine& operator=(const FaceEngine&) = delete;

    // $MEDKIOSK_MODELS_DIR, else ~/.cache/medkiosk/models.
    static QString defaultModelsDir();
    // Checks both files against the SHA-256 sums of scripts/face-models.sha256 (embedded at build
    // time), then deserializes them. ModelMissing / ModelDamaged with the file named; the engine
    // stays unloaded and every later call returns NotLoaded.
    FaceStatus load(const QString& models_dir);
    bool isLoaded() const;
    const EngineOptions& options() const { return options_; }
    void setOptions(const EngineOptions& options);

    // The size of the copy HOG detection runs on for a frame of this size (the frame's own size
    // when it is not scaled down).
    static QSize detectionSize(QSize frame, const EngineOptions& options);

    // Faces with landmarks, no descriptor (cheap: for liveness frames).
    FaceResult<std::vector<DetectedFace>> detect(const QImage& frame) const;
    // Detection, quality gates and (when exactly one face) the descriptor.
    FaceResult<FaceAnalysis> analyze(const QImage& frame) const;
    // A ready aligned 150x150 chip (e.g. dlib's examples/johns): landmarks for the pose gate,
    // quality and descriptor; no detection and no size gate.
    FaceResult<FaceAnalysis> analyzeChip(const QImage& chip) const;

    // The raw dlib pipeline of DESIGN §7, for benchmarks and accuracy comparisons: HOG on the full
    // grey frame without upsampling, landmarks, chip, descriptor of the largest face.
    FaceResult<Descriptor> referenceDescriptor(const QImage& frame) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    EngineOptions options_;
};

}  // namespace mk::face
