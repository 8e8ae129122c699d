#include "FaceChallenge.h"

#include "FaceWorker.h"
#include "core/common/Log.h"

namespace mk::ui {

FaceChallenge::FaceChallenge(FaceWorker* worker, QObject* parent) : QObject(parent), worker_(worker)
{
    qRegisterMetaType<face::LivenessState>();  // stateChanged() through queued connections
}

FaceChallenge::~FaceChallenge() = default;

void FaceChallenge::start(const face::LivenessConfig& config)
{
    check_ =
        std::make_unique<face::LivenessCheck>(face::LivenessCheck::randomChallenge(config), config);
    clock_.start();
    check_->start(0);
    keep_going_said_ = false;
    if (worker_ != nullptr) worker_->setWantDescriptor(false);
    setState(check_->state());
}

void FaceChallenge::clear()
{
    check_.reset();
    if (worker_ != nullptr) worker_->setWantDescriptor(true);
    setState(face::LivenessState::Unset);
}

void FaceChallenge::showMovement(face::LivenessChallenge challenge,
                                 const face::LivenessConfig& config)
{
    check_ = std::make_unique<face::LivenessCheck>(challenge, config);
    keep_going_said_ = false;
    setState(face::LivenessState::NeedMove);
}

face::LivenessState FaceChallenge::addFrame(const face::FaceAnalysis& analysis)
{
    if (!check_) return face::LivenessState::Unset;
    const int count = int(analysis.faces.size());
    const face::Landmarks5* landmarks = count == 1 ? &analysis.faces.front().landmarks : nullptr;
    const face::LivenessState state = check_->addFrame(clock_.elapsed(), count, landmarks);
    if ((state == face::LivenessState::Passed || state == face::LivenessState::Failed) &&
        worker_ != nullptr)
        worker_->setWantDescriptor(true);  // the next step matches or enrolls
    if (state == face::LivenessState::Failed && state_ != state) {
        // For staff and tuning (no personal data): how far the movement got.
        qCInfo(lcUi).noquote()
            << QStringLiteral(
                   "liveness challenge failed: %1 after %2 ms, %3 frames with a face "
                   "(%4 after the movement was asked), peak movement %5 of the 1.00 "
                   "needed, stuck at state %6")
                   .arg(face::LivenessCheck::name(check_->challenge()))
                   .arg(clock_.elapsed())
                   .arg(check_->framesSeen())
                   .arg(check_->moveFramesSeen())
                   .arg(check_->peakDelta(), 0, 'f', 2)
                   .arg(int(state_));
    }
    const bool say_keep_going = check_->extended() && !keep_going_said_ &&
                                state != face::LivenessState::Passed &&
                                state != face::LivenessState::Failed;
    if (say_keep_going) {
        keep_going_said_ = true;
        qCInfo(lcUi).noquote() << QStringLiteral(
                                      "liveness challenge: slow frames (%1 with a face in %2 "
                                      "ms): window extended, patient asked to keep going")
                                      .arg(check_->framesSeen())
                                      .arg(clock_.elapsed());
    }
    setState(state);
    if (say_keep_going) Q_EMIT keepGoing(state);
    return state;
}

bool FaceChallenge::extended() const
{
    return check_ && check_->extended();
}

void FaceChallenge::setState(face::LivenessState state)
{
    if (state == state_) return;
    state_ = state;
    Q_EMIT stateChanged(state_);
}

face::LivenessState FaceChallenge::state() const
{
    return state_;
}

face::LivenessChallenge FaceChallenge::challenge() const
{
    return check_ ? check_->challenge() : face::LivenessChallenge::Unset;
}

bool FaceChallenge::instructionShown() const
{
    return state_ == face::LivenessState::NeedMove || state_ == face::LivenessState::NeedReturn;
}

QString FaceChallenge::prompt() const
{
    if (!check_) return QString();
    if (state_ == face::LivenessState::NeedNeutral) {
        return check_->extended() ? tr("Keep looking straight at the camera, it takes a moment.")
                                  : face::LivenessCheck::neutralInstruction();
    }
    const QString instruction = face::LivenessCheck::instruction(check_->challenge());
    //: %1: the movement's instruction, e.g. "Please turn your head slowly to your left, ..."
    return check_->extended() ? tr("Keep going, slowly. %1").arg(instruction) : instruction;
}

QString FaceChallenge::progressText()
{
    return tr("Step 1 of 2: a short head movement");
}

QString FaceChallenge::hint(face::QualityIssue issue)
{
    switch (issue) {
        case face::QualityIssue::Unset:
        case face::QualityIssue::Ok:
        case face::QualityIssue::NotFrontal:
            return QString();
        default:
            break;
    }
    return face::Quality::hint(issue);
}

}  // namespace mk::ui
