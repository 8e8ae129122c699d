#include "ui/payment/CreditOpenScreen.h"

#include "core/booking/BookingSession.h"
#include "core/common/Log.h"
#include "core/common/UserMessages.h"
#include "core/common/WhenFinished.h"
#include "core/payment/PaymentService.h"
#include "ui/Theme.h"
#include "ui/access/Spoken.h"
#include "ui/booking/BookingUi.h"
#include "ui/payment/PayFlow.h"
#include "ui/payment/PayText.h"
#include "ui/payment/VerifyPanel.h"
#include "ui/widgets/BusyIndicator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace mk::ui {

using namespace bookingui;

namespace {
constexpr int kAgreementFont_px = 32;  // large, for reading
}

CreditOpenScreen::CreditOpenScreen(ScreenContext& context, const PayServices& services,
                                   PayFlow& flow, QWidget* parent)
    : Screen(context, parent), services_(services), flow_(flow)
{
    setObjectName(QStringLiteral("creditOpenScreen"));
    auto* root = new QVBoxLayout(this);
    root->setContentsMargins(kScreenMargin_px, kScreenMargin_px, kScreenMargin_px,
                             kScreenMargin_px);
    root->setSpacing(16);
    title_ = makeLabel("title", QStringLiteral("creditTitle"), this);
    busy_ = new BusyIndicator(this);
    root->addWidget(title_);
    root->addWidget(busy_);
    pages_ = new QStackedWidget(this);
    root->addWidget(pages_, 1);

    auto* agreement = new QWidget(pages_);
    auto* al = new QVBoxLayout(agreement);
    al->setContentsMargins(0, 0, 0, 0);
    agreement_title_ = makeLabel("subtitle", QStringLiteral("creditAgreementTitle"), agreement);
    al->addWidget(agreement_title_);
    QBoxLayout* scroll = addScrollingBody(al, QStringLiteral("creditAgreementScroll"), agreement);
    agreement_text_ = makeLabel("body", QStringLiteral("creditAgreementText"), agreement);
    QFont big = agreement_text_->font();
    big.setPixelSize(kAgreementFont_px);
    agreement_text_->setFont(big);
    scroll->addWidget(agreement_text_);
    scroll->addStretch(1);
    auto* arow = new QHBoxLayout;
    not_now_ = makeButton("secondary", QStringLiteral("creditNotNow"), agreement);
    read_ = makeButton("primary", QStringLiteral("creditRead"), agreement);
    arow->addWidget(not_now_, 1);
    arow->addWidget(read_, 1);
    al->addLayout(arow);
    pages_->addWidget(agreement);

    auto* consent = new QWidget(pages_);
    auto* cl = new QVBoxLayout(consent);
    consent_text_ = makeLabel("subtitle", QStringLiteral("creditConsentText"), consent);
    cl->addWidget(consent_text_);
    cl->addStretch(1);
    auto* crow = new QHBoxLayout;
    agree_ = makeButton("primary", QStringLiteral("creditAgree"), consent);
    decline_ = makeButton("primary", QStringLiteral("creditDecline"), consent);
    for (QPushButton* b : {agree_, decline_}) {  // equal weight
        b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        crow->addWidget(b, 1);
    }
    cl->addLayout(crow);
    pages_->addWidget(consent);

    auto* verify = new QWidget(pages_);
    auto* vl = new QVBoxLayout(verify);
    verify_step_ = makeLabel("body", QStringLiteral("creditVerifyStep"), verify);
    vl->addWidget(verify_step_);
    verify_ = new VerifyPanel(services_.face, verify);
    vl->addWidget(verify_, 1);
    auto* vrow = new QHBoxLayout;
    verify_retry_ = makeButton("secondary", QStringLiteral("creditVerifyRetry"), verify);
    verify_cancel_ = makeButton("secondary", QStringLiteral("creditVerifyCancel"), verify);
    vrow->addWidget(verify_retry_, 1);
    vrow->addWidget(verify_cancel_, 1);
    vl->addLayout(vrow);
    pages_->addWidget(verify);

    auto* working = new QWidget(pages_);
    auto* wl = new QVBoxLayout(working);
    working_ = makeLabel("subtitle", QStringLiteral("creditWorking"), working);
    working_->setAlignment(Qt::AlignCenter);
    wl->addStretch(1);
    wl->addWidget(working_);
    wl->addStretch(2);
    pages_->addWidget(working);

    auto* result = new QWidget(pages_);
    auto* rl = new QVBoxLayout(result);
    result_ = makeLabel("subtitle", QStringLiteral("creditResult"), result);
    rl->addWidget(result_);
    rl->addStretch(1);
    result_done_ = makeButton("primary", QStringLiteral("creditDone"), result);
    rl->addWidget(result_done_);
    pages_->addWidget(result);

    connect(read_, &QPushButton::clicked, this, [this] {
        if (agreement_) showPage(Page::Consent);
    });
    connect(not_now_, &QPushButton::clicked, this, [this] { Q_EMIT goBack(); });
    connect(agree_, &QPushButton::clicked, this, &CreditOpenScreen::startVerify);
    connect(decline_, &QPushButton::clicked, this, [this] { Q_EMIT goBack(); });  // nothing sent
    connect(verify_, &VerifyPanel::verified, this, &CreditOpenScreen::onVerified);
    connect(verify_, &VerifyPanel::phaseChanged, this, [this] { retranslate(); });
    connect(verify_retry_, &QPushButton::clicked, this, &CreditOpenScreen::startVerify);
    connect(verify_cancel_, &QPushButton::clicked, this, [this] { Q_EMIT goBack(); });
    connect(result_done_, &QPushButton::clicked, this, [this] { Q_EMIT goTo(ScreenId::PayBills); });
    CreditOpenScreen::retranslate();
}

QString CreditOpenScreen::patientId() const
{
    const booking::BookingSession* s = context().session;
    if (s == nullptr) return {};
    // Credit care is the person's at the kiosk (a guardian's line pays the children's bills).
    return s->identified ? s->identified->id : QString();
}

CreditOpenScreen::Page CreditOpenScreen::page() const
{
    return Page(pages_->currentIndex());
}

void CreditOpenScreen::setBusy(int delta)
{
    const bool was = loading();
    busy_count_ += delta;
    busy_->setBusy(loading());
    if (was != loading()) Q_EMIT loadingChanged(loading());
}

void CreditOpenScreen::enter()
{
    reset();
    loadAgreement();
}

void CreditOpenScreen::reset()
{
    ++generation_;
    if (busy_count_ != 0) setBusy(-busy_count_);
    verify_->stop();
    agreement_.reset();
    agreement_error_.clear();
    face_evidence_.reset();
    outcome_.reset();
    agreement_text_->clear();
    showPage(Page::Agreement);
}

void CreditOpenScreen::loadAgreement()
{
    if (services_.service == nullptr) {
        agreement_error_ = tr("Credit care cannot be opened at this kiosk.");
        retranslate();
        return;
    }
    const quint64 generation = generation_;
    setBusy(1);
    const QString lang = context().language.startsWith(QLatin1String("en"))
                             ? QStringLiteral("en")
                             : QStringLiteral("zh-CN");
    whenFinished(
        services_.service->agreement(lang), this, [this, generation](Result<payment::Agreement> r) {
            if (generation != generation_) return;
            setBusy(-1);
            if (r) {
                agreement_ = r.value();
            } else {
                const Error& e = r.error();
                agreement_error_ =
                    e.code == ErrorCode::Offline || e.isTransient()
                        ? tr("Opening credit care needs the hospital system, which cannot be "
                             "reached "
                             "now. Please try again later.")
                        : tr("The agreement could not be read now. %1").arg(userMessage(e));
            }
            retranslate();
        });
}

void CreditOpenScreen::showPage(Page page)
{
    pages_->setCurrentIndex(int(page));
    if (page != Page::Verify) verify_->stop();
    retranslate();
}

void CreditOpenScreen::startVerify()
{
    const booking::BookingSession* s = context().session;
    if (s == nullptr || !s->identified || !agreement_) return;
    showPage(Page::Verify);
    const fhir::Patient& person = *s->identified;
    if (!face_evidence_ && verify_->faceAvailableFor(person.id)) {
        verify_->startFace(person.id);
    } else {
        verify_->startDigits(person.phone);
    }
    retranslate();
}

void CreditOpenScreen::onVerified(const payment::Evidence& evidence)
{
    if (evidence.method == payment::Evidence::Method::Face) {
        face_evidence_ = evidence;  // then the phone digits
        const booking::BookingSession* s = context().session;
        if (s != nullptr && s->identified && !s->identified->phone.isEmpty()) {
            verify_->startDigits(s->identified->phone);
            retranslate();
            return;
        }
        submit(evidence);
        return;
    }
    submit(face_evidence_.value_or(evidence));
}

void CreditOpenScreen::submit(const payment::Evidence& evidence)
{
    if (services_.service == nullptr || !agreement_ || loading()) return;
    payment::OpenCreditRequest request;
    request.patient_id = patientId();
    request.agreement_version = agreement_->version;
    request.consent = true;  // the patient tapped Agree on the consent page
    request.evidence = evidence;
    showPage(Page::Working);
    setBusy(1);
    const quint64 generation = generation_;
    whenFinished(services_.service->openCredit(request), this,
                 [this, generation](const payment::OpenCreditOutcome& o) {
                     if (generation != generation_) return;
                     setBusy(-1);
                     outcome_ = o;
                     if (o.opened) {
                         flow_.credit = o.line;
                         flow_.credit_opened = true;
                     } else {
                         qCInfo(lcUi) << "credit care not opened:" << staffDetail(o.error);
                     }
                     showPage(Page::Result);
                 });
}

void CreditOpenScreen::retranslate()
{
    const QString& lang = context().language;
    title_->setText(tr("Open credit care"));
    busy_->retranslate();
    if (agreement_) {
        agreement_title_->setText(agreement_->title);
        agreement_text_->setText(agreement_->text);
    } else {
        agreement_title_->setText(loading() ? tr("Reading the agreement...") : QString());
        agreement_text_->setText(agreement_error_);
    }
    read_->setText(tr("I have read it"));
    read_->setEnabled(agreement_.has_value());
    not_now_->setText(tr("Not now"));
    consent_text_->setText(
        tr("Do you agree to open credit care under this agreement?\n\nThe hospital's credit "
           "service checks your credit and decides on your credit line. Bills you pay on credit "
           "are repaid later in the hospital's app. This is optional: you can always pay by "
           "phone or at the cashier window."));
    agree_->setText(tr("I agree"));
    decline_->setText(tr("I do not agree"));
    verify_->retranslate();
    // Face first, then the digits: say which step this is (the digits alone need no caption).
    verify_step_->setText(face_evidence_
                              ? tr("Confirm with the last 4 digits of your phone number.")
                              : tr("First, a quick face check."));
    verify_step_->setVisible(face_evidence_.has_value() || verify_->usingFace());
    verify_retry_->setText(tr("Try again"));
    using VP = VerifyPanel::Phase;
    verify_retry_->setVisible(verify_->phase() == VP::NoMatch ||
                              verify_->phase() == VP::ChallengeFailed);
    verify_cancel_->setText(tr("Cancel"));
    working_->setText(tr("Asking the credit service. Please wait..."));
    result_done_->setText(tr("Back to my bills"));
    if (outcome_) {
        const payment::OpenCreditOutcome& o = *outcome_;
        if (o.opened) {
            result_->setText(tr("Credit care is open. Your credit line is %1. You can pay your "
                                "bills on credit now.")
                                 .arg(PayText::money(o.line.limit_fen, lang)));
        } else if (!o.refusal_zh.isEmpty() || !o.refusal_en.isEmpty()) {
            const QString reason = lang.startsWith(QLatin1String("en")) && !o.refusal_en.isEmpty()
                                       ? o.refusal_en
                                       : o.refusal_zh;
            result_->setText(tr("The credit service did not open credit care. Reason: %1\nYou "
                                "can still pay by phone or at the cashier window.")
                                 .arg(reason));
        } else if (o.error.rule == QLatin1String("verification-required")) {
            result_->setText(
                tr("The credit service could not confirm your identity. Nothing "
                   "was opened. Please try again, or ask at the service desk."));
        } else if (o.error.code == ErrorCode::Offline || o.error.isTransient()) {
            result_->setText(
                tr("Opening credit care needs the hospital system, which cannot be "
                   "reached now. Nothing was opened. Please try again later."));
        } else {
            result_->setText(
                tr("Credit care could not be opened now. %1").arg(userMessage(o.error)));
        }
    } else {
        result_->clear();
    }
}

QString CreditOpenScreen::spokenSummary() const
{
    const QWidget* verify_prompt = verify_->findChild<QLabel*>(QStringLiteral("face_prompt"));
    return spokenFrom(*this, {title_, agreement_title_, consent_text_, verify_step_, verify_prompt,
                              working_, result_});
}

}  // namespace mk::ui
