// Liveness by a random head-movement challenge (turn left, turn right, nod), checked from the
// 5-point landmarks over several frames within a time limit (docs/face-liveness.md). The check
// needs a movement away from the neutral pose AND back to it. The pose proxies (nose offset and
// nose-to-eye-line distance, both divided by the inter-ocular distance) barely change when a flat
// picture is turned or tilted, so a photo, or the same still repeated, never passes. It cannot stop
// a video of the person turning or a 3D mask: there is no depth or infrared sensor.
#pragma once

#include "FaceTypes.h"

#include <QRandomGenerator>
#include <QString>

namespace mk::face {

enum class LivenessChallenge { Unset = 0, TurnLeft, TurnRight, Nod };

enum class LivenessState {
    Unset = 0,
    NeedNeutral,  // look straight at the camera first
    NeedMove,     // neutral known: now turn / nod
    NeedReturn,   // moved: now back to the camera
    Passed,
    Failed,  // time limit passed with enough evidence, or the longest limit (a still picture)
};

struct LivenessConfig {
    int time_limit_ms = 8000;
    // Judged on evidence, not on a frame count (issue 16, docs/face-liveness.md "Slow machines"):
    // at time_limit_ms the check fails only when it has seen min_face_frames frames with a face
    // in the current step (learning the neutral pose; or since the movement was asked). With
    // fewer, and a face in most frames (a slow machine, not an empty kiosk), the window is
    // extended up to max_time_limit_ms and extended() says so: the screens tell the patient to
    // keep going. A still or flat picture fails at every rate, only later on a slow machine.
    int min_face_frames = 6;
    int max_time_limit_ms = 20000;
    // Frontal frames averaged to learn the neutral pose. The screens say "Look straight at the
    // camera." until they are in and only then show the movement (NeedMove).
    int neutral_frames = 2;
    double max_neutral_yaw = 0.15;   // |yaw| of a frame accepted as neutral
    double turn_delta = 0.14;        // yaw change that counts as a turn (docs/face-liveness.md)
    double nod_delta = 0.08;         // pitch increase that counts as a nod (chin down)
    double return_tolerance = 0.07;  // back within this of neutral (both yaw and pitch)
    bool camera_mirrored = false;    // true when the camera image is mirrored
    // Nod among the random challenges. Off by default: with dlib's 5-point landmarks no
    // nod_delta passes every real nod and fails a flat photo with margin (the measured numbers are
    // in docs/face-liveness.md); a Nod asked explicitly is still checked with nod_delta.
    bool nod_enabled = false;
};

class LivenessCheck
{
public:
    LivenessCheck(LivenessChallenge challenge, const LivenessConfig& config);

    // Any of the three (the check itself supports all of them).
    static LivenessChallenge randomChallenge(QRandomGenerator* random = QRandomGenerator::system());
    // The challenges the configuration allows (no Nod unless nod_enabled): what the screens ask.
    static LivenessChallenge randomChallenge(const LivenessConfig& config,
                                             QRandomGenerator* random = QRandomGenerator::system());
    // English source text for the UI ("Please turn your head to your left").
    static QString instruction(LivenessChallenge challenge);
    // English source text shown while the neutral pose is learned (NeedNeutral).
    static QString neutralInstruction();
    static QString name(LivenessChallenge challenge);

    // Starts the clock. Frames before start() are ignored.
    void start(qint64 now_ms);
    // One frame: how many faces were found and the landmarks of the single face (nullptr when the
    // count is not 1; such frames are skipped). Returns the state after the frame.
    LivenessState addFrame(qint64 t_ms, int face_count, const Landmarks5* landmarks);

    LivenessState state() const { return state_; }
    LivenessChallenge challenge() const { return challenge_; }
    int framesSeen() const { return frames_; }
    // Frames with a face since the movement was asked (NeedMove and NeedReturn).
    int moveFramesSeen() const { return move_frames_; }
    // Past time_limit_ms, still waiting for evidence (see LivenessConfig::min_face_frames).
    bool extended() const { return extended_; }
    double peakDelta() const { return peak_delta_; }  // largest movement seen, for diagnostics

private:
    double movement(const PoseProxy& pose) const;  // signed toward the challenge's direction

    LivenessChallenge challenge_ = LivenessChallenge::Unset;
    LivenessConfig config_;
    LivenessState state_ = LivenessState::Unset;
    qint64 start_ms_ = 0;
    bool timeUp(qint64 t_ms);  // the time limit (extended while evidence is missing) has passed
    int frames_ = 0;           // with one face
    int frames_analysed_ = 0;  // every frame after start()
    int move_frames_ = 0;
    bool extended_ = false;
    int neutral_count_ = 0;
    PoseProxy neutral_sum_;
    PoseProxy neutral_first_;  // first frame of the current run of steady frontal frames
    PoseProxy neutral_;
    double peak_delta_ = 0.0;
};

}  // namespace mk::face
