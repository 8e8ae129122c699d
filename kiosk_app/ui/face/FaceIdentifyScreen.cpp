#include "FaceIdentifyScreen.h"

#include "FaceChallenge.h"
#include "FacePreview.h"
#include "FaceScreenLayout.h"
#include "FaceWorker.h"
#include "face_auth/TemplateStore.h"
#include "ui/Theme.h"
#include "ui/access/Spoken.h"
#include "ui/widgets/Keypad.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace mk::ui {

namespace {
constexpr int kDigits = 4;
}  // namespace

FaceIdentifyScreen::FaceIdentifyScreen(ScreenContext& context, const FaceServices& services,
                                       QWidget* parent)
    : Screen(context, parent), services_(services)
{
    identifier_ = std::make_unique<face::Identifier>(services_.config.identify);
    attachStore();  // the kiosk-wide lockout, persisted
    worker_ = new FaceWorker(services_.engine, this);
    worker_->setCamera(services_.camera);
    challenge_ = new FaceChallenge(worker_, this);
    preview_ = new FacePreview(this);
    connect(worker_, &FaceWorker::preview, preview_, &FacePreview::showFrame);
    connect(worker_, &FaceWorker::analysed, this, &FaceIdentifyScreen::onAnalysed);

    typed_ = new QLabel(this);
    typed_->setObjectName(QStringLiteral("face_typed"));
    Theme::setRole(typed_, "big-number");
    keypad_ = new Keypad(this);
    keypad_->setMaxLength(kDigits);
    keypad_->setLetter(QString());
    retry_ = new QPushButton(this);
    retry_->setObjectName(QStringLiteral("face_retry"));
    alternative_ = new QPushButton(this);
    alternative_->setObjectName(QStringLiteral("face_alternative"));
    const FaceScreenLabels labels =
        buildFaceScreenLayout(this, preview_, {retry_, alternative_}, keypad_, typed_);
    title_ = labels.title;
    prompt_ = labels.prompt;
    progress_ = labels.progress;
    hint_ = labels.hint;

    connect(keypad_, &Keypad::textChanged, this, &FaceIdentifyScreen::onDigits);
    connect(retry_, &QPushButton::clicked, this, &FaceIdentifyScreen::enter);
    connect(alternative_, &QPushButton::clicked, this, [this] {
        reset();
        Q_EMIT goTo(ScreenId::Identify);
    });
    setPhase(Phase::Idle);
}

FaceIdentifyScreen::~FaceIdentifyScreen() = default;

void FaceIdentifyScreen::setClock(face::Identifier::Clock clock)
{
    identifier_ = std::make_unique<face::Identifier>(services_.config.identify, std::move(clock));
    attached_store_ = nullptr;
    attachStore();
}

void FaceIdentifyScreen::attachStore()
{
    if (services_.store == nullptr || services_.store == attached_store_) return;
    identifier_->attachStore(services_.store);
    attached_store_ = services_.store;
}

bool FaceIdentifyScreen::holdsFrame() const
{
    return preview_->holdsFrame();
}

face::LivenessChallenge FaceIdentifyScreen::challenge() const
{
    return challenge_->challenge();
}

void FaceIdentifyScreen::setPhase(Phase phase)
{
    const bool was_loading = loading();
    const bool changed = phase_ != phase;
    phase_ = phase;
    if (!loading()) {
        worker_->stop();
        preview_->clearFrame();  // the frame is not kept
    }
    keypad_->setVisible(phase_ == Phase::Digits);
    typed_->setVisible(phase_ == Phase::Digits);
    // The camera's place only while it is used: the keypad has the room in landscape (the
    // empty preview squeezed its keys over each other; tst_screenaudit).
    preview_->setVisible(loading());
    retranslate();
    if (was_loading != loading()) Q_EMIT loadingChanged(loading());
    if (changed) Q_EMIT phaseChanged(phase_);
}

void FaceIdentifyScreen::enter()
{
    candidate_.reset();
    patient_id_.clear();
    wrong_digits_ = false;
    keypad_->setText(QString());
    last_issue_ = face::QualityIssue::Unset;
    if (services_.engine == nullptr || services_.store == nullptr) {
        setPhase(Phase::Unavailable);
        return;
    }
    attachStore();  // the store came after the screen
    if (identifier_->lockedOut()) {
        setPhase(Phase::LockedOut);
        return;
    }
    auto templates = services_.store->loadTemplates(QDateTime::currentDateTimeUtc());
    if (!templates) {
        setPhase(Phase::Unavailable);
        return;
    }
    identifier_->setTemplates(templates.value());  // the vector wipes its copies on destruction
    challenge_->start(services_.config.liveness);
    setPhase(Phase::Scanning);
    worker_->start();
}

void FaceIdentifyScreen::showPicture(Phase phase, const QImage& frame,
                                     face::LivenessChallenge challenge, bool wrong_digits)
{
    worker_->stop();
    candidate_.reset();
    patient_id_.clear();
    keypad_->setText(QString());
    last_issue_ = face::QualityIssue::Unset;
    challenge_->clear();
    if (phase == Phase::Scanning) challenge_->showMovement(challenge, services_.config.liveness);
    setPhase(phase);
    wrong_digits_ = wrong_digits;
    if (loading() && !frame.isNull()) preview_->showFrame(frame);
    retranslate();
}

void FaceIdentifyScreen::reset()
{
    worker_->stop();
    identifier_->setTemplates({});  // gallery wiped
    challenge_->clear();
    candidate_.reset();
    patient_id_.clear();
    wrong_digits_ = false;
    keypad_->setText(QString());
    last_issue_ = face::QualityIssue::Unset;
    setPhase(Phase::Idle);
}

void FaceIdentifyScreen::onAnalysed(const std::shared_ptr<face::FaceAnalysis>& analysis,
                                    const QString& /*detail*/)
{
    if (!loading() || !analysis) return;
    last_issue_ = analysis->quality.issue;
    if (phase_ == Phase::Scanning) {
        onChallengeFrame(*analysis);
    } else {
        onMatchingFrame(*analysis);
    }
}

void FaceIdentifyScreen::onChallengeFrame(const face::FaceAnalysis& analysis)
{
    // Frames with no face or several faces are skipped by the check: the movement is followed
    // on one face only.
    const face::LivenessState state = challenge_->addFrame(analysis);
    if (state == face::LivenessState::Passed) {
        setPhase(Phase::Matching);
    } else if (state == face::LivenessState::Failed) {
        // Not a face mismatch: nothing is counted toward the lockout.
        setPhase(Phase::ChallengeFailed);
    } else {
        retranslate();
    }
}

void FaceIdentifyScreen::onMatchingFrame(const face::FaceAnalysis& analysis)
{
    if (!analysis.quality.ok() || !analysis.descriptor || analysis.faces.size() != 1) {
        retranslate();
        return;
    }
    auto found = identifier_->identify(*analysis.descriptor);
    if (found) {
        candidate_ = found.value();
        setPhase(Phase::Digits);
    } else if (found.error().code == face::FaceErrorCode::LockedOut) {
        setPhase(Phase::LockedOut);
    } else {
        setPhase(Phase::NotFound);
    }
}

void FaceIdentifyScreen::onDigits(const QString& text)
{
    if (phase_ != Phase::Digits || !candidate_ || text.size() < kDigits) {
        if (text.size() > 0) wrong_digits_ = false;
        retranslate();
        return;
    }
    auto confirmed = identifier_->confirm(*candidate_, text);
    keypad_->setText(QString());
    if (confirmed) {
        patient_id_ = confirmed.value();
        candidate_.reset();
        setPhase(Phase::Identified);
        Q_EMIT identified(patient_id_);
    } else if (confirmed.error().code == face::FaceErrorCode::LockedOut ||
               identifier_->lockedOut()) {
        candidate_.reset();
        setPhase(Phase::LockedOut);
    } else {
        wrong_digits_ = true;
        retranslate();
    }
}

void FaceIdentifyScreen::retranslate()
{
    title_->setText(tr("Sign in with your face"));
    typed_->setText(Keypad::maskedProgress(keypad_->text().size(), kDigits));
    alternative_->setText(tr("Scan a code or insert a card instead"));
    retry_->setText(tr("Try again"));
    retry_->setVisible(phase_ == Phase::NotFound || phase_ == Phase::ChallengeFailed);
    keypad_->retranslate();
    hint_->clear();
    progress_->clear();
    if (phase_ == Phase::Scanning) {
        hint_->setText(FaceChallenge::hint(last_issue_));
    } else if (loading() && last_issue_ != face::QualityIssue::Unset) {
        hint_->setText(face::Quality::hint(last_issue_));
    }
    switch (phase_) {
        case Phase::Scanning:
            prompt_->setText(challenge_->prompt());
            progress_->setText(FaceChallenge::progressText());
            break;
        case Phase::Matching:
            prompt_->setText(tr("Look straight at the camera and hold still."));
            progress_->setText(tr("Step 2 of 2: finding you"));
            break;
        case Phase::ChallengeFailed:
            prompt_->setText(
                tr("We could not see the head movement. Please try again, or use a code or a "
                   "card."));
            break;
        case Phase::Digits:
            prompt_->setText(wrong_digits_
                                 ? tr("Those digits do not match. Please try again.")
                                 : tr("Please enter the last 4 digits of your phone number."));
            break;
        case Phase::Identified:
            prompt_->setText(tr("Thank you, you are signed in."));
            break;
        case Phase::NotFound:
            prompt_->setText(tr("We did not recognise you. Try again, or use a code or a card."));
            break;
        case Phase::LockedOut:
            prompt_->setText(
                tr("Face sign-in is paused for a few minutes. Please use a code or "
                   "a card."));
            break;
        case Phase::Unavailable:
            prompt_->setText(tr("Face sign-in is not available now. Please use a code or a card."));
            break;
        case Phase::Idle:
            prompt_->clear();
            break;
    }
    // Empty lines take no room.
    progress_->setVisible(!progress_->text().isEmpty());
    hint_->setVisible(!hint_->text().isEmpty());
}

QString FaceIdentifyScreen::spokenSummary() const
{
    return spokenFrom(*this, {title_, prompt_, progress_, hint_});
}

}  // namespace mk::ui
