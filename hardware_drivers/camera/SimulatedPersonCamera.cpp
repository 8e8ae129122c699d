#include "hw/camera/SimulatedPersonCamera.h"

#include <QImageReader>

#include <algorithm>
#include <cmath>

namespace mk::hw {

namespace {
// The head in chip pixels (1 chip px is about 1.2 mm at dlib's 150 px chip, whose eye centres are
// 52 px apart). The rotation axis is the ellipsoid's centre plane, about 60 mm behind the face.
constexpr double kHeadCentreX = 75.0;
constexpr double kHeadCentreY = 72.0;
constexpr double kHeadHalfWidth = 62.0;
constexpr double kHeadHalfHeight = 80.0;
constexpr double kHeadDepth = 50.0;  // face surface in front of the axis at the centre
// The nose: a bump centred on the tip, a little above the nose base landmark, so that the nose
// base ends up about 0.6 inter-ocular distances in front of the eye corners (the 3D head of
// tst_liveness has 0.46; dlib's landmarks follow a rendered nod only by about half of the
// geometric movement, so the simulated nose is a little longer).
constexpr double kNoseBump = 26.0;
constexpr double kNoseSigmaX = 8.0;
constexpr double kNoseSigmaY = 12.0;
constexpr double kNoseTipAboveBase = 6.0;
// The eyes sit in sockets, a little behind the cheeks and the brow.
constexpr double kEyeSocket = 7.0;
constexpr double kEyeSocketSigma = 9.0;
// Camera distance (perspective), chip px: about 60 cm.
constexpr double kFocal = 500.0;
constexpr int kFixedPointIterations = 5;
constexpr double kLandsPx = 0.5;  // chip px: an inverse-map solution counts

double smoothStep(double s)
{
    s = std::clamp(s, 0.0, 1.0);
    return 0.5 - 0.5 * std::cos(s * M_PI);
}

// 0 → 1 → 0 over one movement (neutral, out, hold, back), then 0.
double movementFraction(qint64 t_ms, const SimulatedPersonConfig& c)
{
    const double t = double(t_ms);
    const double out_start = c.neutral_ms;
    const double hold_start = out_start + c.move_ms;
    const double back_start = hold_start + c.hold_ms;
    const double back_end = back_start + c.move_ms;
    if (t < out_start || t >= back_end) return 0.0;
    if (t < hold_start) return smoothStep((t - out_start) / std::max(1, c.move_ms));
    if (t < back_start) return 1.0;
    return 1.0 - smoothStep((t - back_start) / std::max(1, c.move_ms));
}
}  // namespace

SimulatedPersonCamera::SimulatedPersonCamera(const SimulatedPersonConfig& config,
                                             const QString& device_id, QObject* parent)
    : Camera(parent), config_(config)
{
    setObjectName(device_id);
    health_.device_id = device_id;
    health_.kind = QStringLiteral("camera");
    health_.state = DeviceState::Missing;
    health_.detail = QStringLiteral("no portrait loaded");
    const double fps = config_.frames_per_second > 0.1 ? config_.frames_per_second : 0.1;
    timer_.setInterval(static_cast<int>(1000.0 / fps));
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &SimulatedPersonCamera::tick);
    script_clock_.start();
}

void SimulatedPersonCamera::setHealth(DeviceState state, const QString& detail)
{
    if (health_.state == state && health_.detail == detail) return;
    health_.state = state;
    health_.detail = detail;
    Q_EMIT healthChanged(health_);
}

bool SimulatedPersonCamera::setPortrait(const QImage& chip)
{
    if (chip.isNull() || chip.width() < 32 || chip.width() != chip.height()) {
        setHealth(DeviceState::Missing, QStringLiteral("the portrait must be a square face chip"));
        return false;
    }
    portrait_ = chip.convertToFormat(QImage::Format_RGB888);
    if (portrait_.width() != kChipPx)
        portrait_ =
            portrait_.scaled(kChipPx, kChipPx, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    buildDepth();
    setHealth(DeviceState::Ready, QStringLiteral("simulated person, %1 frames/s, script %2")
                                      .arg(config_.frames_per_second)
                                      .arg(scriptName(script_)));
    return true;
}

bool SimulatedPersonCamera::loadPortrait(const QString& path)
{
    QImageReader reader(path);
    const QImage image = reader.read();
    if (image.isNull()) {
        setHealth(DeviceState::Missing, QStringLiteral("cannot read portrait %1").arg(path));
        return false;
    }
    return setPortrait(image);
}

bool SimulatedPersonCamera::start()
{
    script_clock_.restart();
    timer_.start();
    return !portrait_.isNull();
}

void SimulatedPersonCamera::stop()
{
    timer_.stop();
}

void SimulatedPersonCamera::setScript(SimulatedScript script)
{
    script_ = script;
    script_clock_.restart();
    if (!portrait_.isNull())
        setHealth(DeviceState::Ready, QStringLiteral("simulated person, %1 frames/s, script %2")
                                          .arg(config_.frames_per_second)
                                          .arg(scriptName(script_)));
}

qint64 SimulatedPersonCamera::scriptElapsedMs() const
{
    return script_clock_.elapsed();
}

QString SimulatedPersonCamera::scriptName(SimulatedScript script)
{
    switch (script) {
        case SimulatedScript::Absent:
            return QStringLiteral("absent");
        case SimulatedScript::Still:
            return QStringLiteral("still");
        case SimulatedScript::TurnLeft:
            return QStringLiteral("turn_left");
        case SimulatedScript::TurnRight:
            return QStringLiteral("turn_right");
        case SimulatedScript::Nod:
            return QStringLiteral("nod");
        case SimulatedScript::CycleAll:
            return QStringLiteral("cycle_all");
        case SimulatedScript::FlatTurnLeft:
            return QStringLiteral("flat_turn_left");
        case SimulatedScript::FlatTurnRight:
            return QStringLiteral("flat_turn_right");
        case SimulatedScript::FlatNod:
            return QStringLiteral("flat_nod");
    }
    return QStringLiteral("unknown");
}

bool SimulatedPersonCamera::isFlat(SimulatedScript script)
{
    return script == SimulatedScript::FlatTurnLeft || script == SimulatedScript::FlatTurnRight ||
           script == SimulatedScript::FlatNod;
}

qint64 SimulatedPersonCamera::movementMs(const SimulatedPersonConfig& config)
{
    return qint64(config.neutral_ms) + 2 * qint64(config.move_ms) + qint64(config.hold_ms);
}

SimulatedHeadPose SimulatedPersonCamera::poseAt(SimulatedScript script, qint64 t_ms,
                                                const SimulatedPersonConfig& config)
{
    SimulatedHeadPose pose;
    if (script == SimulatedScript::CycleAll) {
        const qint64 period = std::max<qint64>(1, movementMs(config));
        const qint64 k = (t_ms / period) % 3;
        const SimulatedScript step = k == 0   ? SimulatedScript::TurnLeft
                                     : k == 1 ? SimulatedScript::TurnRight
                                              : SimulatedScript::Nod;
        return poseAt(step, t_ms % period, config);
    }
    const double f = movementFraction(t_ms, config);
    switch (script) {
        case SimulatedScript::TurnLeft:
        case SimulatedScript::FlatTurnLeft:
            pose.yaw_deg = config.turn_yaw_deg * f;
            break;
        case SimulatedScript::TurnRight:
        case SimulatedScript::FlatTurnRight:
            pose.yaw_deg = -config.turn_yaw_deg * f;
            break;
        case SimulatedScript::Nod:
        case SimulatedScript::FlatNod:
            pose.pitch_deg = config.nod_pitch_deg * f;
            break;
        default:
            break;
    }
    return pose;
}

void SimulatedPersonCamera::buildDepth()
{
    const double nose_x = kNoseX;
    const double nose_y = kNoseY - kNoseTipAboveBase;
    depth_.assign(size_t(kChipPx) * kChipPx, 0.0f);
    for (int j = 0; j < kChipPx; ++j) {
        for (int i = 0; i < kChipPx; ++i) {
            const double dx = (i - kHeadCentreX) / kHeadHalfWidth;
            const double dy = (j - kHeadCentreY) / kHeadHalfHeight;
            const double r2 = dx * dx + dy * dy;
            double z = r2 < 1.0 ? kHeadDepth * std::sqrt(1.0 - r2) : 0.0;
            const double nx = (i - nose_x) / kNoseSigmaX;
            const double ny = (j - nose_y) / kNoseSigmaY;
            z += kNoseBump * std::exp(-0.5 * (nx * nx + ny * ny));
            for (double eye_x : {kImageRightEyeX, kImageLeftEyeX}) {
                const double ex = (i - eye_x) / kEyeSocketSigma;
                const double ey = (j - kEyeY) / kEyeSocketSigma;
                z -= kEyeSocket * std::exp(-0.5 * (ex * ex + ey * ey));
            }
            depth_[size_t(j) * kChipPx + size_t(i)] = float(z);
        }
    }
}

double SimulatedPersonCamera::depthAt(double x, double y) const
{
    const double u = x + kHeadCentreX;
    const double v = y + kHeadCentreY;
    if (u < 0.0 || v < 0.0 || u >= kChipPx - 1 || v >= kChipPx - 1) return 0.0;
    const int i = int(u);
    const int j = int(v);
    const double fu = u - i;
    const double fv = v - j;
    const float* row = depth_.data() + size_t(j) * kChipPx + size_t(i);
    return (1 - fv) * ((1 - fu) * row[0] + fu * row[1]) +
           fv * ((1 - fu) * row[kChipPx] + fu * row[kChipPx + 1]);
}

QImage SimulatedPersonCamera::renderAt(qint64 t_ms) const
{
    if (script_ == SimulatedScript::Absent || portrait_.isNull()) {
        QImage frame(config_.frame_size, QImage::Format_RGB888);
        frame.fill(config_.background);
        return frame;
    }
    return renderPose(poseAt(script_, t_ms, config_), isFlat(script_));
}

QImage SimulatedPersonCamera::renderPose(const SimulatedHeadPose& pose, bool flat) const
{
    QImage frame(config_.frame_size, QImage::Format_RGB888);
    frame.fill(config_.background);
    if (portrait_.isNull()) return frame;
    const double scale = double(config_.face_px) / kChipPx;
    // The portrait's centre at the frame's centre.
    const double centre_x = frame.width() / 2.0 + (kHeadCentreX - kChipPx / 2.0) * scale;
    const double centre_y = frame.height() / 2.0 + (kHeadCentreY - kChipPx / 2.0) * scale;
    const double sa = std::sin(pose.yaw_deg * M_PI / 180.0);
    const double ca = std::cos(pose.yaw_deg * M_PI / 180.0);
    const double sb = std::sin(pose.pitch_deg * M_PI / 180.0);
    const double cb = std::cos(pose.pitch_deg * M_PI / 180.0);
    const double reference_depth = flat ? 0.0 : depthAt(0.0, 0.0);
    const double max_depth = flat ? 0.0 : double(*std::max_element(depth_.begin(), depth_.end()));

    const int reach = int(kChipPx * scale * 0.75) + 4;
    const int x0 = std::max(0, int(centre_x) - reach);
    const int x1 = std::min(frame.width(), int(centre_x) + reach);
    const int y0 = std::max(0, int(centre_y) - reach);
    const int y1 = std::min(frame.height(), int(centre_y) + reach);
    const int stride = portrait_.bytesPerLine();
    const uchar* src = portrait_.constBits();
    for (int py = y0; py < y1; ++py) {
        uchar* out = frame.scanLine(py);
        for (int px = x0; px < x1; ++px) {
            // The projected position in chip px, relative to the head centre.
            const double X = (px + 0.5 - centre_x) / scale;
            const double Y = (py + 0.5 - centre_y) / scale;
            // Inverse map by fixed-point iteration: which surface point (x, y, depth(x, y)),
            // rotated by yaw then pitch and projected, lands here? Where the surface folds over
            // (the nose hides what is behind it) there are two answers: the iteration starts
            // once from the flat guess and once from the front of the face, and the point
            // nearest to the camera among those that land here wins.
            double x = X;
            double y = Y;
            double best_z2 = -1e9;
            double best_residual = 1e9;
            const int starts = flat ? 1 : 2;
            for (int start = 0; start < starts; ++start) {
                double cx = X;
                double cy = Y;
                double z = start == 0 || flat ? (flat ? 0.0 : depthAt(cx, cy)) : max_depth;
                double z2 = 0.0;
                double p = 1.0;
                for (int it = 0; it < kFixedPointIterations; ++it) {
                    double z1 = -cx * sa + z * ca;
                    z2 = -cy * sb + z1 * cb;
                    p = kFocal / (kFocal - (z2 - reference_depth));
                    cx = (X / p - z * sa) / ca;
                    z1 = -cx * sa + z * ca;
                    cy = (Y / p - z1 * sb) / cb;
                    z = flat ? 0.0 : depthAt(cx, cy);
                }
                // Where this point really lands.
                const double z1 = -cx * sa + z * ca;
                z2 = -cy * sb + z1 * cb;
                p = kFocal / (kFocal - (z2 - reference_depth));
                const double rx = (cx * ca + z * sa) * p - X;
                const double ry = (cy * cb + z1 * sb) * p - Y;
                const double residual = std::sqrt(rx * rx + ry * ry);
                const bool lands = residual < kLandsPx;
                const bool best_lands = best_residual < kLandsPx;
                if ((lands && (!best_lands || z2 > best_z2)) ||
                    (!lands && !best_lands && residual < best_residual)) {
                    x = cx;
                    y = cy;
                    best_z2 = z2;
                    best_residual = residual;
                }
            }
            const double u = x + kHeadCentreX - 0.5;
            const double v = y + kHeadCentreY - 0.5;
            if (u < 0.0 || v < 0.0 || u >= kChipPx - 1 || v >= kChipPx - 1) continue;
            const int i = int(u);
            const int j = int(v);
            const double fu = u - i;
            const double fv = v - j;
            const uchar* a = src + j * stride + i * 3;
            const uchar* b = a + stride;
            for (int c = 0; c < 3; ++c) {
                const double value = (1 - fv) * ((1 - fu) * a[c] + fu * a[c + 3]) +
                                     fv * ((1 - fu) * b[c] + fu * b[c + 3]);
                out[px * 3 + c] = uchar(std::clamp(value + 0.5, 0.0, 255.0));
            }
        }
    }
    return frame;
}

void SimulatedPersonCamera::tick()
{
    const QImage frame = renderAt(scriptElapsedMs());
    ++emitted_;
    Q_EMIT imageFrame(frame);
}

}  // namespace mk::hw
