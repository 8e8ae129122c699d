// The liveness challenge as both face screens run it (FaceEnrollScreen, FaceIdentifyScreen): a
// random head movement (face::LivenessCheck) fed with the worker's analysed frames. The patient
// first reads "Look straight at the camera." while the neutral pose is learned (NeedNeutral); only
// then the movement is asked (NeedMove), so nobody moves before the check knows where "straight"
// is. During the challenge the worker skips the descriptor (detection and landmarks only): more
// frames per second reach the check. Tests and the simulated patient follow stateChanged().
// On a slow machine (few analysed frames) the check extends its window instead of failing
// (face::LivenessConfig::min_face_frames): keepGoing() is emitted once and the prompt becomes
// "Keep going: ..." so the patient repeats the movement rather than being refused.
#pragma once

#include "face_auth/FaceEngine.h"
#include "face_auth/Liveness.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <memory>

namespace mk::ui {

class FaceWorker;

class FaceChallenge : public QObject
{
    Q_OBJECT
public:
    explicit FaceChallenge(FaceWorker* worker, QObject* parent = nullptr);
    ~FaceChallenge() override;

    // A new random challenge (LivenessCheck::randomChallenge(config)), clock at 0, NeedNeutral;
    // the worker stops computing descriptors until the check has passed or failed.
    void start(const face::LivenessConfig& config);
    // Forgets the challenge (Unset) and gives the worker back its descriptors.
    void clear();
    // The screen catalog's picture of a challenge under way (FaceIdentifyScreen::showPicture):
    // challenge asked (NeedMove), no clock, no frames. The flow always uses start().
    void showMovement(face::LivenessChallenge challenge, const face::LivenessConfig& config);
    // One analysed frame (frames with no face or several faces are skipped by the check).
    face::LivenessState addFrame(const face::FaceAnalysis& analysis);

    face::LivenessState state() const;
    face::LivenessChallenge challenge() const;  // Unset before start()
    // The movement is on screen (NeedMove or NeedReturn).
    bool instructionShown() const;
    // What the screen says now: "Look straight at the camera." while the neutral pose is learned,
    // then the movement's instruction, each with "Keep going" once the window was extended;
    // empty when no challenge runs.
    QString prompt() const;
    bool extended() const;  // the check is past its time limit, waiting for more frames
    static QString progressText();
    // The quality hint worth showing during the challenge: none for Ok ("hold still") or
    // NotFrontal, which would contradict the movement asked.
    static QString hint(face::QualityIssue issue);

Q_SIGNALS:
    void stateChanged(mk::face::LivenessState state);
    // The time limit passed with too few frames to judge: the window is extended and the prompt
    // asks the patient to keep going (to repeat the movement, in NeedMove or NeedReturn).
    void keepGoing(mk::face::LivenessState state);

private:
    void setState(face::LivenessState state);

    FaceWorker* worker_ = nullptr;
    std::unique_ptr<face::LivenessCheck> check_;
    QElapsedTimer clock_;
    face::LivenessState state_ = face::LivenessState::Unset;
    bool keep_going_said_ = false;
};

}  // namespace mk::ui
