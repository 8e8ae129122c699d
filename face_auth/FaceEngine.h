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
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace mk::face {

struct EngineOptions {
    // Smallest face (detector box width, full-frame px) the detector must find. dlib's HOG window
    // finds faces from about 80 px, so the frame is scaled by 80 / detect_min_face_px before
    // detection (never enlarged): 128 px detects a 640x480 frame at 400x300 (0.39 of the pixels).
    // Keep it a little under quality.min_face_width_px so that a face slightly too small is found
    // and told to come closer. 0: detect on the full frame.
    int detect_min_face_px = 128;
    int upsample = 0;                 // dlib pyramid upsampling of the detection copy
    double min_detector_score = 0.0;  // HOG confidence below this is not a face
    QualityConfig quality;

    static constexpr int kHogWindowPx = 80;
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
