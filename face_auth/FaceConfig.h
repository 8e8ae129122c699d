// Every face threshold in one place, read from the [face] group of the kiosk's INI file
// (kiosk.ini) so that hospital IT can tune them without a rebuild. Missing keys keep the defaults
// of the config structs; values out of range are refused with a clear error.
//
// [face]
// enabled=false                 ; face identification offered at all
// models_dir=/usr/share/medkiosk/models
// match_threshold=0.5           ; L2 distance (measure with `medkioskctl face eval`)
// min_face_width_px=120  detect_min_face_px=120  max_abs_yaw=0.22  min_laplacian_variance=15
// min_mean_luminance=55  max_mean_luminance=215
// liveness_time_limit_ms=8000  liveness_neutral_frames=2  liveness_turn_delta=0.14
// liveness_min_face_frames=6  liveness_max_time_limit_ms=20000  ; slow machines: Liveness.h
// liveness_nod_delta=0.08  liveness_nod_enabled=false
// camera_mirrored=false
// enroll_frames=3  retention_days=365  min_age_years=14  guardian_consent_enabled=false
// max_failures=3  failure_window_s=300  lockout_s=300
#pragma once

#include "Enrollment.h"
#include "FaceEngine.h"
#include "FaceResult.h"
#include "Identifier.h"
#include "Liveness.h"

#include <QCoreApplication>
#include <QString>

namespace mk::face {

struct FaceConfig {
    bool enabled = false;
    QString models_dir;  // empty: FaceEngine::defaultModelsDir()
    EngineOptions engine;
    LivenessConfig liveness;
    EnrollmentConfig enrollment;
    IdentifyConfig identify;

    QString modelsDir() const;
};

class FaceConfigLoader
{
    Q_DECLARE_TR_FUNCTIONS(mk::face::FaceConfigLoader)

public:
    // A missing file or a missing [face] group gives the defaults.
    static FaceResult<FaceConfig> load(const QString& ini_path);
};

}  // namespace mk::face
