#include "ui/payment/VerifyPanel.h"

#include "core/common/Log.h"
#include "face_auth/Identifier.h"
#include "face_auth/TemplateStore.h"
#include "ui/Theme.h"
#include "ui/face/FaceChallenge.h"
#include "ui/face/FacePreview.h"
#include "ui/face/FaceServices.h"
#include "ui/face/FaceWorker.h"
#include "ui/widgets/Keypad.h"

#include <QBoxLayout>
#include <QDateTime>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace mk::ui {

VerifyPanel::VerifyPanel(const FaceServices* face, QWidget* parent) : QWidget(parent), face_(face)
{
    setObjectName(QStringLiteral("verifyPanel"));
    qRegisterMetaType<mk::payment::Evidence>();
    box_ = new QBoxLayout(QBoxLayout::TopToBottom, this);
    box_->setContentsMargins(0, 0, 0, 0);
    box_->setSpacing(24);
    auto* layout = new QVBoxLayout;
    layout->setSpacing(16);
    box_->addLayout(layout, 1);
    preview_ = new FacePreview(this);
    preview_->setObjectName(QStringLiteral("pay_face_preview"));
    layout->addWidget(preview_, 1, Qt::AlignHCenter);
    prompt_ = new QLabel(this);
    prompt_->setObjectName(QStringLiteral("face_prompt"));  // as on the face screens
    prompt_->setWordWrap(true);
    prompt_->setAlignment(Qt::AlignCenter);
    Theme::setRole(prompt_, "subtitle");
    layout->addWidget(prompt_);
    progress_ = new QLabel(this);
    progress_->setObjectName(QStringLiteral("verifyProgress"));
    progress_->setAlignment(Qt::AlignCenter);
    Theme::setRole(progress_, "hint");
    layout->addWidget(progress_);
    typed_ = new QLabel(this);
    typed_->setObjectName(QStringLiteral("verifyTyped"));
    typed_->setAlignment(Qt::AlignCenter);
    Theme::setRole(typed_, "big-number");
    layout->addWidget(typed_);
    keypad_ = new Keypad(this);
    keypad_->setObjectName(QStringLiteral("verifyKeypad"));
    keypad_->setMaxLength(kDigits);
    keypad_->setLetter(QString());
    keypad_->setMinimumWidth(420);  // its height: what its keys need
    // Shorter keys than the identify keypad's (still far above the 60 px touch minimum), so the
    // four rows fit a landscape screen above the "pay by phone instead" button.
    keypad_->setCompact(true);
    layout->addStretch(1);
    box_->addWidget(keypad_, 1, Qt::AlignCenter);
    connect(keypad_, &Keypad::textChanged, this, &VerifyPanel::onDigits);

    setPhase(Phase::Idle);
}

void VerifyPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    // Landscape: the prompt on the left, the keypad on the right (a kiosk's 1920x1080 screen).
    // The window's orientation, not the panel's: a short, wide panel in a portrait window put
    // the keypad beside the prompt and past the window's edge (elder mode, English; the audit).
    const QWidget* top = window();
    const bool landscape = top != nullptr ? top->width() > top->height() : width() > height();
    box_->setDirection(landscape ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    fitKeypad();
}

void VerifyPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    fitKeypad();  // elder mode may have made the keys larger since the last resize
}

void VerifyPanel::fitKeypad()
{
    // 420 px wide to 720x560, but never less than the keys need: in elder mode the fixed
    // limits squeezed the keys over each other and cut Delete and Clear off (tst_screenaudit).
    const QSize keys = keypad_->minimumSizeHint();  // what the keys need in this mode
    keypad_->setMinimumWidth(std::max(420, keys.width()));
    keypad_->setMaximumSize(QSize(720, 560).expandedTo(keys));
}

bool VerifyPanel::ensureFace()
{
    // The face models load after the window is shown: the face parts are made on first use.
    if (worker_ != nullptr) return true;
    if (face_ == nullptr || face_->engine == nullptr) return false;
    identifier_ = std::make_unique<face::Identifier>(face_->config.identify);
    if (face_->store != nullptr) identifier_->attachStore(face_->store);  // the shared lockout
    worker_ = new FaceWorker(face_->engine, this);
    worker_->setCamera(face_->camera);
    challenge_ = new FaceChallenge(worker_, this);
    connect(worker_, &FaceWorker::preview, preview_, &FacePreview::showFrame);
    connect(worker_, &FaceWorker::analysed, this, &VerifyPanel::onAnalysed);
    return true;
}

VerifyPanel::~VerifyPanel()
{
    if (worker_ != nullptr) worker_->stop();
}

bool VerifyPanel::faceAvailableFor(const QString& patient_id) const
{
    if (face_ == nullptr || face_->engine == nullptr || face_->store == nullptr ||
        patient_id.isEmpty())
        return false;
    auto templates = face_->store->loadTemplates(QDateTime::currentDateTimeUtc());
    if (!templates) return false;
    return std::any_of(templates.value().begin(), templates.value().end(),
                       [&](const face::FaceTemplate& t) { return t.patient_id == patient_id; });
}

void VerifyPanel::startFace(const QString& patient_id)
{
    stop();
    face_mode_ = true;
    patient_id_ = patient_id;
    if (!ensureFace() || face_->store == nullptr) {
        setPhase(Phase::Unavailable);
        return;
    }
    if (identifier_->lockedOut()) {
        setPhase(Phase::LockedOut);
        return;
    }
    auto templates = face_->store->loadTemplates(QDateTime::currentDateTimeUtc());
    if (!templates) {
        setPhase(Phase::Unavailable);
        return;
    }
    std::vector<face::FaceTemplate> own;  // only this patient's: 1:1, never 1:N
    for (const face::FaceTemplate& t : templates.value())
        if (t.patient_id == patient_id) own.push_back(t);
    if (own.empty()) {
        setPhase(Phase::Unavailable);
        return;
    }
    identifier_->setTemplates(own);
    challenge_->start(face_->config.liveness);
    setPhase(Phase::Scanning);
    worker_->start();
}

void VerifyPanel::startDigits(const QString& phone)
{
    stop();
    face_mode_ = false;
    const QString digits = phone.trimmed();
    if (digits.size() < kDigits) {
        setPhase(Phase::Unavailable);
        return;
    }
    phone_last4_ = digits.right(kDigits);
    setPhase(Phase::Digits);
}

void VerifyPanel::stop()
{
    if (worker_ != nullptr) worker_->stop();
    if (challenge_ != nullptr) challenge_->clear();
    if (identifier_ != nullptr) identifier_->setTemplates({});  // descriptors wiped
    preview_->clearFrame();
    patient_id_.clear();
    phone_last4_.fill(QLatin1Char(' '));
    phone_last4_.clear();
    keypad_->setText(QString());
    digit_failures_ = 0;
    wrong_once_ = false;
    setPhase(Phase::Idle);
}

void VerifyPanel::setPhase(Phase phase)
{
    const bool changed = phase_ != phase;
    phase_ = phase;
    if (!scanning()) {
        if (worker_ != nullptr) worker_->stop();
        preview_->clearFrame();
    }
    preview_->setVisible(face_mode_ && scanning());
    keypad_->setVisible(phase_ == Phase::Digits);
    typed_->setVisible(phase_ == Phase::Digits);
    retranslate();
    if (changed) Q_EMIT phaseChanged(phase_);
}

void VerifyPanel::onAnalysed(const std::shared_ptr<face::FaceAnalysis>& analysis,
                             const QString& /*detail*/)
{
    if (!scanning() || !analysis) return;
    if (phase_ == Phase::Scanning) {
        const face::LivenessState state = challenge_->addFrame(*analysis);
        if (state == face::LivenessState::Passed) {
            setPhase(Phase::Matching);
        } else if (state == face::LivenessState::Failed) {
            setPhase(Phase::ChallengeFailed);  // not a mismatch: not counted
        } else {
            retranslate();
        }
        return;
    }
    if (!analysis->quality.ok() || !analysis->descriptor || analysis->faces.size() != 1) return;
    auto result = identifier_->verify(patient_id_, *analysis->descriptor);
    if (result) {
        payment::Evidence evidence;
        evidence.method = payment::Evidence::Method::Face;
        // Similarity in [0, 1] from the L2 distance (0 = identical); the threshold is config.
        evidence.face_score = std::clamp(1.0 - result.value(), 0.0, 1.0);
        identifier_->setTemplates({});
        setPhase(Phase::Verified);
        Q_EMIT verified(evidence);
    } else if (result.error().code == face::FaceErrorCode::LockedOut || identifier_->lockedOut()) {
        setPhase(Phase::LockedOut);
    } else {
        qCInfo(lcUi) << "payment face check: no match (counted)";
        setPhase(Phase::NoMatch);
    }
}

void VerifyPanel::onDigits(const QString& typed_ref)
{
    // A copy: typed_ref is the keypad's own text, which setText() below clears.
    // NOLINTNEXTLINE(performance-unnecessary-copy-initialization): the copy is the point
    const QString text = typed_ref;
    typed_->setText(Keypad::maskedProgress(text.size(), kDigits));
    if (phase_ != Phase::Digits) return;
    if (text.size() < kDigits) {
        if (!text.isEmpty()) wrong_once_ = false;
        retranslate();
        return;
    }
    keypad_->setText(QString());
    typed_->setText(Keypad::maskedProgress(0, kDigits));
    if (text == phone_last4_) {
        payment::Evidence evidence;
        evidence.method = payment::Evidence::Method::PhoneDigits;
        setPhase(Phase::Verified);
        Q_EMIT verified(evidence);
        return;
    }
    ++digit_failures_;
    wrong_once_ = true;
    if (digit_failures_ >= kMaxDigitAttempts) {
        setPhase(Phase::WrongDigits);
        return;
    }
    retranslate();
}

void VerifyPanel::retranslate()
{
    keypad_->retranslate();
    progress_->clear();
    if (typed_->text().isEmpty()) typed_->setText(Keypad::maskedProgress(0, kDigits));
    switch (phase_) {
        case Phase::Scanning:
            prompt_->setText(challenge_->prompt());
            progress_->setText(tr("Step 1 of 2: checking that you are here in person"));
            break;
        case Phase::Matching:
            prompt_->setText(tr("Look straight at the camera and hold still."));
            progress_->setText(tr("Step 2 of 2: checking that it is you"));
            break;
        case Phase::Digits:
            prompt_->setText(wrong_once_
                                 ? tr("Those digits do not match. Please try again.")
                                 : tr("Please enter the last 4 digits of your phone number."));
            break;
        case Phase::Verified:
            prompt_->setText(tr("Thank you, that is you."));
            break;
        case Phase::NoMatch:
            prompt_->setText(
                tr("Your face did not match the registered patient. Nothing was charged. Try "
                   "again, or pay by phone."));
            break;
        case Phase::ChallengeFailed:
            prompt_->setText(
                tr("We could not see the head movement. Nothing was charged. Please try again, "
                   "or pay by phone."));
            break;
        case Phase::WrongDigits:
            prompt_->setText(
                tr("The digits did not match 3 times. Nothing was charged. Please pay by phone "
                   "or at the cashier window."));
            break;
        case Phase::LockedOut:
            prompt_->setText(
                tr("Face checks are paused for a few minutes at this kiosk. Nothing was "
                   "charged. Enter the last 4 digits of your phone number instead, or pay by "
                   "phone."));
            break;
        case Phase::Unavailable:
            prompt_->setText(
                tr("Your identity cannot be checked at this kiosk now. Nothing was charged. "
                   "Please pay by phone."));
            break;
        case Phase::Idle:
            prompt_->clear();
            break;
    }
}

}  // namespace mk::ui
