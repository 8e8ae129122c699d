#include "Liveness.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace mk::face {

LivenessCheck::LivenessCheck(LivenessChallenge challenge, const LivenessConfig& config)
    : challenge_(challenge), config_(config)
{}

LivenessChallenge LivenessCheck::randomChallenge(QRandomGenerator* random)
{
    switch (random->bounded(3)) {
        case 0:
            return LivenessChallenge::TurnLeft;
        case 1:
            return LivenessChallenge::TurnRight;
        default:
            return LivenessChallenge::Nod;
    }
}

LivenessChallenge LivenessCheck::randomChallenge(const LivenessConfig& config,
                                                 QRandomGenerator* random)
{
    if (config.nod_enabled) return randomChallenge(random);
    return random->bounded(2) == 0 ? LivenessChallenge::TurnLeft : LivenessChallenge::TurnRight;
}

QString LivenessCheck::neutralInstruction()
{
    return QCoreApplication::translate("mk::face::Liveness", "Look straight at the camera.");
}

QString LivenessCheck::instruction(LivenessChallenge challenge)
{
    switch (challenge) {
        case LivenessChallenge::TurnLeft:
            return QCoreApplication::translate(
                "mk::face::Liveness", "Please turn your head slowly to your left, then look back.");
        case LivenessChallenge::TurnRight:
            return QCoreApplication::translate(
                "mk::face::Liveness",
                "Please turn your head slowly to your right, then look back.");
        case LivenessChallenge::Nod:
            return QCoreApplication::translate(
                "mk::face::Liveness",
                "Please lower your chin slowly, then look back at the camera.");
        case LivenessChallenge::Unset:
            break;
    }
    return QCoreApplication::translate("mk::face::Liveness", "Please look at the camera.");
}

QString LivenessCheck::name(LivenessChallenge challenge)
{
    switch (challenge) {
        case LivenessChallenge::TurnLeft:
            return QStringLiteral("turn_left");
        case LivenessChallenge::TurnRight:
            return QStringLiteral("turn_right");
        case LivenessChallenge::Nod:
            return QStringLiteral("nod");
        case LivenessChallenge::Unset:
            break;
    }
    return QStringLiteral("unset");
}

void LivenessCheck::start(qint64 now_ms)
{
    start_ms_ = now_ms;
    state_ = LivenessState::NeedNeutral;
    frames_ = 0;
    frames_analysed_ = 0;
    move_frames_ = 0;
    extended_ = false;
    neutral_count_ = 0;
    neutral_sum_ = PoseProxy{};
    neutral_first_ = PoseProxy{};
    neutral_ = PoseProxy{};
    peak_delta_ = 0.0;
}

double LivenessCheck::movement(const PoseProxy& pose) const
{
    const double yaw_delta = pose.yaw - neutral_.yaw;
    // Turning to one's own left moves the nose toward the image's right (positive yaw) in an
    // unmirrored camera image.
    const double left_sign = config_.camera_mirrored ? -1.0 : 1.0;
    switch (challenge_) {
        case LivenessChallenge::TurnLeft:
            return left_sign * yaw_delta / config_.turn_delta;
        case LivenessChallenge::TurnRight:
            return -left_sign * yaw_delta / config_.turn_delta;
        // Only a nod DOWN counts: the nose, which sticks out, then drops further below the eye
        // line. A flat picture tilted either way can only shorten that distance (foreshortening).
        case LivenessChallenge::Nod:
            return (pose.pitch - neutral_.pitch) / config_.nod_delta;
        case LivenessChallenge::Unset:
            break;
    }
    return 0.0;
}

bool LivenessCheck::timeUp(qint64 t_ms)
{
    const qint64 elapsed_ms = t_ms - start_ms_;
    if (elapsed_ms <= config_.time_limit_ms) return false;
    if (elapsed_ms > std::max(config_.max_time_limit_ms, config_.time_limit_ms)) return true;
    // Evidence of the step the check is in: enough frames with a face to judge it?
    const int evidence = state_ == LivenessState::NeedNeutral ? frames_ : move_frames_;
    // A face in at least half of the frames: the patient is there and the machine is slow (an
    // empty kiosk or someone who walked away fails on time).
    const bool face_there = 2 * frames_ >= frames_analysed_;
    extended_ = evidence < config_.min_face_frames && face_there;
    return !extended_;
}

LivenessState LivenessCheck::addFrame(qint64 t_ms, int face_count, const Landmarks5* landmarks)
{
    if (state_ == LivenessState::Unset || state_ == LivenessState::Passed ||
        state_ == LivenessState::Failed)
        return state_;
    if (t_ms >= start_ms_) ++frames_analysed_;
    const bool face = face_count == 1 && landmarks != nullptr && landmarks->interOcularPx() >= 1.0;
    if (face) {
        ++frames_;
        if (state_ == LivenessState::NeedMove || state_ == LivenessState::NeedReturn)
            ++move_frames_;
    }
    if (timeUp(t_ms)) {
        state_ = LivenessState::Failed;
        return state_;
    }
    if (!face) return state_;
    const PoseProxy pose = poseFromLandmarks(*landmarks);
    switch (state_) {
        case LivenessState::NeedNeutral: {
            // The neutral pose is learned from consecutive frontal frames that agree with each
            // other (a head at rest), never from frames of a head passing through frontal while
            // it moves: such a "neutral" would be off-centre and the return could not match it.
            const double steady = config_.return_tolerance / 2.0;
            const bool frontal = std::abs(pose.yaw) <= config_.max_neutral_yaw;
            const bool agrees =
                neutral_count_ == 0 || (std::abs(pose.yaw - neutral_first_.yaw) <= steady &&
                                        std::abs(pose.pitch - neutral_first_.pitch) <= steady);
            if (!frontal || !agrees) {
                neutral_count_ = 0;
                neutral_sum_ = PoseProxy{};
                if (!frontal) break;
            }
            if (neutral_count_ == 0) neutral_first_ = pose;
            neutral_sum_.yaw += pose.yaw;
            neutral_sum_.pitch += pose.pitch;
            if (++neutral_count_ >= config_.neutral_frames) {
                neutral_.yaw = neutral_sum_.yaw / neutral_count_;
                neutral_.pitch = neutral_sum_.pitch / neutral_count_;
                state_ = LivenessState::NeedMove;
            }
            break;
        }
        case LivenessState::NeedMove: {
            const double m = movement(pose);
            peak_delta_ = std::max(peak_delta_, m);
            if (m >= 1.0) state_ = LivenessState::NeedReturn;
            break;
        }
        case LivenessState::NeedReturn:
            if (std::abs(pose.yaw - neutral_.yaw) <= config_.return_tolerance &&
                std::abs(pose.pitch - neutral_.pitch) <= config_.return_tolerance)
                state_ = LivenessState::Passed;
            break;
        default:
            break;
    }
    return state_;
}

}  // namespace mk::face
