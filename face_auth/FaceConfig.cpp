#include "FaceConfig.h"

#include <QFileInfo>
#include <QSettings>

namespace mk::face {

QString FaceConfig::modelsDir() const
{
    return models_dir.isEmpty() ? FaceEngine::defaultModelsDir() : models_dir;
}

namespace {

// Reads key into value when present; false (with the error filled) when it is not a number in
// [min, max].
template<typename T>
bool readNumber(const QSettings& s, const char* key, T& value, double min, double max,
                QString* error)
{
    const QString k = QString::fromLatin1(key);
    if (!s.contains(k)) return true;
    bool ok = false;
    const double v = s.value(k).toString().toDouble(&ok);
    if (!ok || v < min || v > max) {
        *error = FaceConfigLoader::tr("[face] %1=%2 is not a number between %3 and %4")
                     .arg(k, s.value(k).toString())
                     .arg(min)
                     .arg(max);
        return false;
    }
    value = T(v);
    return true;
}

bool readBool(const QSettings& s, const char* key, bool& value)
{
    const QString k = QString::fromLatin1(key);
    if (s.contains(k)) value = s.value(k).toBool();
    return true;
}

}  // namespace

FaceResult<FaceConfig> FaceConfigLoader::load(const QString& ini_path)
{
    FaceConfig c;
    if (ini_path.isEmpty() || !QFileInfo::exists(ini_path)) return c;
    QSettings s(ini_path, QSettings::IniFormat);
    if (s.status() != QSettings::NoError)
        return faceError(FaceErrorCode::Config, tr("cannot read %1").arg(ini_path));
    s.beginGroup(QStringLiteral("face"));
    QString error;
    readBool(s, "enabled", c.enabled);
    c.models_dir = s.value(QStringLiteral("models_dir")).toString();
    QualityConfig& q = c.engine.quality;
    const bool ok =
        readNumber(s, "match_threshold", c.identify.match_threshold, 0.1, 1.0, &error) &&
        readNumber(s, "detect_min_face_px", c.engine.detect_min_face_px, 0, 2000, &error) &&
        readNumber(s, "upsample", c.engine.upsample, 0, 2, &error) &&
        readNumber(s, "min_face_width_px", q.min_face_width_px, 0, 2000, &error) &&
        readNumber(s, "max_abs_yaw", q.max_abs_yaw, 0.0, 1.0, &error) &&
        readNumber(s, "min_pitch", q.min_pitch, 0.0, 2.0, &error) &&
        readNumber(s, "max_pitch", q.max_pitch, 0.0, 2.0, &error) &&
        readNumber(s, "max_abs_roll_deg", q.max_abs_roll_deg, 0.0, 90.0, &error) &&
        readNumber(s, "min_laplacian_variance", q.min_laplacian_variance, 0.0, 10000.0, &error) &&
        readNumber(s, "min_mean_luminance", q.min_mean_luminance, 0.0, 255.0, &error) &&
        readNumber(s, "max_mean_luminance", q.max_mean_luminance, 0.0, 255.0, &error) &&
        readNumber(s, "liveness_time_limit_ms", c.liveness.time_limit_ms, 1000, 60000, &error) &&
        readNumber(s, "liveness_neutral_frames", c.liveness.neutral_frames, 1, 30, &error) &&
        readNumber(s, "liveness_min_face_frames", c.liveness.min_face_frames, 1, 60, &error) &&
        readNumber(s, "liveness_max_time_limit_ms", c.liveness.max_time_limit_ms, 1000, 120000,
                   &error) &&
        readNumber(s, "liveness_turn_delta", c.liveness.turn_delta, 0.05, 1.0, &error) &&
        readNumber(s, "liveness_nod_delta", c.liveness.nod_delta, 0.02, 1.0, &error) &&
        readNumber(s, "liveness_return_tolerance", c.liveness.return_tolerance, 0.01, 0.5,
                   &error) &&
        readBool(s, "liveness_nod_enabled", c.liveness.nod_enabled) &&
        readBool(s, "camera_mirrored", c.liveness.camera_mirrored) &&
        readNumber(s, "enroll_frames", c.enrollment.frames_required, 1, 20, &error) &&
        readNumber(s, "retention_days", c.enrollment.retention_days, 1, 3650, &error) &&
        readNumber(s, "min_age_years", c.enrollment.min_age_years, 0, 18, &error) &&
        readBool(s, "guardian_consent_enabled", c.enrollment.guardian_consent_enabled) &&
        readNumber(s, "max_failures", c.identify.max_failures, 1, 100, &error) &&
        readNumber(s, "failure_window_s", c.identify.failure_window_s, 1, 86400, &error) &&
        readNumber(s, "lockout_s", c.identify.lockout_s, 1, 86400, &error);
    if (!ok) return faceError(FaceErrorCode::Config, error);
    if (q.min_mean_luminance >= q.max_mean_luminance || q.min_pitch >= q.max_pitch)
        return faceError(FaceErrorCode::Config, tr("[face] a minimum is not below its maximum"));
    return c;
}

}  // namespace mk::face
