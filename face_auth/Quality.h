// Quality gates on one frame, each failure with a hint the patient can act on. The thresholds are
// configuration (QualityConfig); the hint texts are English source text for the UI to translate.
#pragma once

#include "FaceTypes.h"

#include <QImage>
#include <QString>

namespace mk::face {

// Zero is not a real value.
enum class QualityIssue {
    Unset = 0,
    Ok,
    NoFace,
    MultipleFaces,
    TooSmall,    // face too small: too far from the camera
    NotFrontal,  // head turned, tilted or nodding
    Blurred,     // moving or out of focus (variance of the Laplacian)
    TooDark,
    TooBright,
};

struct QualityConfig {
    int min_face_width_px = 120;  // detector box width in the full frame
    double max_abs_yaw = 0.22;    // |nose offset| / inter-ocular distance
    double min_pitch = 0.45;      // nose below the eye line / inter-ocular distance
    double max_pitch = 1.15;
    double max_abs_roll_deg = 20.0;
    // On the 150x150 grey chip; photos/johns chips (soft, upscaled web photos) measure 24-1624.
    double min_laplacian_variance = 15.0;
    double min_mean_luminance = 55.0;  // 0..255, on the chip
    double max_mean_luminance = 215.0;
};

struct QualityReport {
    QualityIssue issue = QualityIssue::Unset;
    int face_count = 0;
    int face_width_px = 0;
    PoseProxy pose;
    double laplacian_variance = 0.0;
    double mean_luminance = 0.0;

    bool ok() const { return issue == QualityIssue::Ok; }
};

class Quality
{
public:
    // Gates in order: count, size, luminance, blur, pose. chip_grey is the aligned 150x150 chip
    // (Format_Grayscale8); check_size is false for a ready chip (its size says nothing).
    static QualityReport assess(int face_count, const DetectedFace* face, const QImage& chip_grey,
                                const QualityConfig& config, bool check_size = true);
    static double laplacianVariance(const QImage& grey);
    static double meanLuminance(const QImage& grey);

    // English source text, translated through QCoreApplication::translate("mk::face::Quality").
    static QString hint(QualityIssue issue);
    // Stable machine name for JSON and logs ("no_face", "multiple_faces"...).
    static QString name(QualityIssue issue);
};

}  // namespace mk::face
