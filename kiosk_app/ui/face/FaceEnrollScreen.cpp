#include "FaceEnrollScreen.h"

#include "FaceChallenge.h"
#include "FacePreview.h"
#include "FaceScreenLayout.h"
#include "FaceWorker.h"
#include "core/booking/BookingSession.h"
#include "ui/Theme.h"
#include "ui/access/Spoken.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace mk::ui {

namespace {
QString phoneLast4(const QString& phone)
{
    QString digits;
    for (QChar c : phone)
        if (c.isDigit()) digits += c;
    return digits.right(4);
}
}  // namespace

FaceEnrollScreen::FaceEnrollScreen(ScreenContext& context, const FaceServices& services,
                                   QWidget* parent)
    : Screen(context, parent), services_(services), enrollment_(services.config.enrollment)
{
    worker_ = new FaceWorker(services_.engine, this);
    worker_->setCamera(services_.camera);
    challenge_ = new FaceChallenge(worker_, this);
    preview_ = new FacePreview(this);
    connect(worker_, &FaceWorker::preview, preview_, &FacePreview::showFrame);
    connect(worker_, &FaceWorker::analysed, this, &FaceEnrollScreen::onAnalysed);

    alternative_ = new QPushButton(this);
    alternative_->setObjectName(QStringLiteral("face_alternative"));
    retry_ = new QPushButton(this);
    retry_->setObjectName(QStringLiteral("face_retry"));
    delete_ = new QPushButton(this);
    delete_->setObjectName(QStringLiteral("face_delete"));
    const FaceScreenLabels labels =
        buildFaceScreenLayout(this, preview_, {retry_, alternative_, delete_});
    title_ = labels.title;
    prompt_ = labels.prompt;
    progress_ = labels.progress;
    hint_ = labels.hint;

    connect(alternative_, &QPushButton::clicked, this, [this] {
        reset();
        Q_EMIT goTo(ScreenId::Identify);
    });
    connect(retry_, &QPushButton::clicked, this, &FaceEnrollScreen::enter);
    connect(delete_, &QPushButton::clicked, this, &FaceEnrollScreen::deleteFaceData);
    FaceEnrollScreen::retranslate();  // a constructor: no virtual dispatch, say which one
}

FaceEnrollScreen::~FaceEnrollScreen() = default;

bool FaceEnrollScreen::loading() const
{
    return phase_ == Phase::Liveness || phase_ == Phase::Collecting;
}

bool FaceEnrollScreen::holdsFrame() const
{
    return preview_->holdsFrame();
}

face::LivenessChallenge FaceEnrollScreen::challenge() const
{
    return challenge_->challenge();
}

void FaceEnrollScreen::setConsent(const face::ConsentRecord& consent)
{
    consent_ = consent;
}

void FaceEnrollScreen::setPhase(Phase phase)
{
    const bool was_loading = loading();
    phase_ = phase;
    if (phase_ == Phase::Done || phase_ == Phase::Failed || phase_ == Phase::Idle) {
        worker_->stop();
        preview_->clearFrame();  // the frame is not kept
    }
    retranslate();
    if (was_loading != loading()) Q_EMIT loadingChanged(loading());
}

void FaceEnrollScreen::enter()
{
    enrollment_.reset();
    error_.clear();
    last_issue_ = face::QualityIssue::Unset;
    if (services_.engine == nullptr || services_.store == nullptr || !consent_) {
        error_ = tr("Face sign-in is not available now.");
        setPhase(Phase::Failed);
        return;
    }
    challenge_->start(services_.config.liveness);
    setPhase(Phase::Liveness);
    worker_->start();
}

void FaceEnrollScreen::reset()
{
    worker_->stop();
    enrollment_.reset();  // wipes collected descriptors
    consent_.reset();
    challenge_->clear();
    error_.clear();
    last_issue_ = face::QualityIssue::Unset;
    preview_->clearFrame();
    setPhase(Phase::Idle);
}

void FaceEnrollScreen::onAnalysed(const std::shared_ptr<face::FaceAnalysis>& analysis,
                                  const QString& detail)
{
    if (!analysis) {
        error_ = detail.isEmpty() ? QString() : tr("The camera picture could not be used.");
        retranslate();
        return;
    }
    last_issue_ = analysis->quality.issue;
    if (phase_ == Phase::Liveness) {
        const face::LivenessState state = challenge_->addFrame(*analysis);
        if (state == face::LivenessState::Passed) {
            setPhase(Phase::Collecting);
        } else if (state == face::LivenessState::Failed) {
            error_ = tr("We could not see the head movement. Please try again.");
            setPhase(Phase::Failed);
        } else {
            retranslate();
        }
        return;
    }
    if (phase_ != Phase::Collecting) return;
    if (analysis->quality.ok()) {
        if (enrollment_.addFrame(*analysis) && enrollment_.complete()) {
            finishEnrollment();
            return;
        }
    }
    retranslate();
}

void FaceEnrollScreen::finishEnrollment()
{
    const auto* session = context().session;
    const QString phone = session != nullptr && session->identified
                              ? phoneLast4(session->identified->phone)
                              : QString();
    auto face_template =
        enrollment_.finish(consent_->patient_id, phone, QDateTime::currentDateTimeUtc());
    if (!face_template) {
        error_ = tr("The pictures did not agree. Please try again.");
        setPhase(Phase::Failed);
        return;
    }
    auto saved = face::Enrollment::save(*services_.store, *consent_, face_template.value(),
                                        services_.config.enrollment);
    face::secureWipe(face_template.value().descriptor);
    if (!saved) {
        error_ = tr("Your face could not be saved now. Please ask staff.");
        setPhase(Phase::Failed);
        return;
    }
    setPhase(Phase::Done);
    Q_EMIT enrolled();
}

void FaceEnrollScreen::deleteFaceData()
{
    const auto* session = context().session;
    if (services_.store == nullptr || session == nullptr || !session->identified) return;
    auto removed = services_.store->deletePatient(session->identified->id);
    worker_->stop();
    enrollment_.reset();
    consent_.reset();
    error_ = removed ? tr("Your face data has been deleted.")
                     : tr("Your face data could not be deleted now. Please ask staff.");
    setPhase(Phase::Failed);
    if (removed) Q_EMIT faceDataDeleted(removed.value());
}

void FaceEnrollScreen::retranslate()
{
    title_->setText(tr("Look at the camera"));
    alternative_->setText(tr("Scan a code or insert a card instead"));
    retry_->setText(tr("Try again"));
    delete_->setText(tr("Delete my face data"));
    retry_->setVisible(phase_ == Phase::Failed);
    switch (phase_) {
        case Phase::Liveness:
            prompt_->setText(challenge_->prompt());
            progress_->setText(FaceChallenge::progressText());
            break;
        case Phase::Collecting:
            prompt_->setText(tr("Look straight at the camera and hold still."));
            progress_->setText(tr("Step 2 of 2: picture %1 of %2")
                                   .arg(enrollment_.framesCollected())
                                   .arg(services_.config.enrollment.frames_required));
            break;
        case Phase::Done:
            prompt_->setText(tr("Done. Next time you can sign in with your face."));
            progress_->clear();
            break;
        case Phase::Failed:
            prompt_->setText(error_);
            progress_->clear();
            break;
        case Phase::Idle:
            prompt_->clear();
            progress_->clear();
            break;
    }
    if (phase_ == Phase::Liveness) {
        hint_->setText(FaceChallenge::hint(last_issue_));
    } else {
        hint_->setText(loading() && last_issue_ != face::QualityIssue::Unset
                           ? face::Quality::hint(last_issue_)
                           : QString());
    }
}

QString FaceEnrollScreen::spokenSummary() const
{
    return spokenFrom(*this, {title_, prompt_, progress_, hint_});
}

}  // namespace mk::ui
