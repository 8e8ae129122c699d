// Camera simulator with a person in front of it: renders 640x480 frames from a portrait (an aligned
// 150x150 face chip in dlib's get_face_chip layout, e.g. photos/johns/<person>/*.jpg) scaled to
// about 260 px on a plain background, and moves the head by a script (turn left, turn right, nod)
// so that the face screens' liveness challenge can be performed with real frames through the real
// detector and landmarks. A head pose is rendered with a depth-based warp: the face is an
// ellipsoid with a nose bump, and every output pixel samples the portrait where a point of that
// depth came from under the rotation, so the nose moves against the eyes as on a real head. The
// "flat" scripts turn the same picture as a flat card (no depth): what a photo held up to the
// camera does, which must not pass liveness. docs/face-liveness.md says what this proves.
//
// Directions are the person's own: TurnLeft turns the nose toward the image's right in this
// unmirrored camera (LivenessConfig::camera_mirrored = false). Frames come from a QTimer on the
// camera's thread; renderAt(t) gives the same frame deterministically for tests.
#pragma once

#include "hw/camera/Camera.h"

#include <QColor>
#include <QElapsedTimer>
#include <QImage>
#include <QTimer>

#include <vector>

namespace mk::hw {

enum class SimulatedScript {
    Absent = 0,  // empty background: no face in the frame
    Still,       // looks at the camera and does not move
    TurnLeft,    // neutral, turn to the person's own left, hold, back, then still
    TurnRight,
    Nod,           // chin down and back
    CycleAll,      // left, right, nod, over and over (demo: any challenge passes)
    FlatTurnLeft,  // the portrait as a flat card (a photo), turned / tilted the same way
    FlatTurnRight,
    FlatNod,
};

struct SimulatedHeadPose {
    double yaw_deg = 0.0;    // > 0: the nose toward the image's right (the person's own left)
    double pitch_deg = 0.0;  // > 0: chin down
};

struct SimulatedPersonConfig {
    double frames_per_second = 15.0;
    QSize frame_size = QSize(640, 480);
    int face_px = 260;  // the portrait chip's size in the frame
    QColor background = QColor(120, 125, 130);
    // One movement: neutral, move out, hold, move back (then neutral).
    int neutral_ms = 800;
    int move_ms = 500;
    int hold_ms = 400;
    double turn_yaw_deg = 35.0;
    double nod_pitch_deg = 25.0;
};

class SimulatedPersonCamera : public Camera
{
    Q_OBJECT
public:
    explicit SimulatedPersonCamera(const SimulatedPersonConfig& config = {},
                                   const QString& device_id = QStringLiteral("camera-simperson"),
                                   QObject* parent = nullptr);

    bool start() override;
    void stop() override;
    bool isActive() const override { return timer_.isActive(); }
    DeviceHealth health() const override { return health_; }

    // The portrait: an aligned face chip (any square size; 150x150 as dlib makes them).
    bool setPortrait(const QImage& chip);
    bool loadPortrait(const QString& path);
    QImage portrait() const { return portrait_; }

    // Switches at once; the script's clock restarts at 0.
    void setScript(SimulatedScript script);
    SimulatedScript script() const { return script_; }
    qint64 scriptElapsedMs() const;
    const SimulatedPersonConfig& config() const { return config_; }
    qint64 framesEmitted() const { return emitted_; }

    static QString scriptName(SimulatedScript script);
    static bool isFlat(SimulatedScript script);
    // How long the person takes for one movement until back at neutral (neutral, out, hold,
    // back): the person's own time in a liveness challenge.
    static qint64 movementMs(const SimulatedPersonConfig& config);
    // The head pose t_ms after the script started.
    static SimulatedHeadPose poseAt(SimulatedScript script, qint64 t_ms,
                                    const SimulatedPersonConfig& config);

    // The frame the camera shows t_ms after the current script started (what the timer emits).
    QImage renderAt(qint64 t_ms) const;
    // A frame with the head in this pose; flat: the portrait as a flat card.
    QImage renderPose(const SimulatedHeadPose& pose, bool flat) const;

    // Where the portrait's 5-point landmarks are in dlib's 150x150 chip layout
    // (get_face_chip_details, padding 0.25), in chip pixels: the means measured with
    // FaceEngine::analyzeChip over the first two photos of each person of photos/johns
    // (tst_simperson checks them again).
    static constexpr int kChipPx = 150;
    static constexpr double kImageRightEyeX = 99.7;
    static constexpr double kImageLeftEyeX = 46.8;
    static constexpr double kEyeY = 47.5;
    static constexpr double kNoseX = 73.8;  // the nose base (below the tip)
    static constexpr double kNoseY = 87.0;

private:
    void tick();
    void setHealth(DeviceState state, const QString& detail);
    void buildDepth();
    double depthAt(double x, double y) const;  // chip px, relative to the head centre

    SimulatedPersonConfig config_;
    QTimer timer_;
    QElapsedTimer script_clock_;
    SimulatedScript script_ = SimulatedScript::Absent;
    QImage portrait_;           // RGB888, kChipPx square
    std::vector<float> depth_;  // kChipPx x kChipPx, chip px toward the camera
    qint64 emitted_ = 0;
    DeviceHealth health_;
};

}  // namespace mk::hw
