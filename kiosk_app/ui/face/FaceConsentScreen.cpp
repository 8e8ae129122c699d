#include "FaceConsentScreen.h"

#include "core/booking/BookingSession.h"
#include "face_auth/Enrollment.h"
#include "ui/Theme.h"
#include "ui/access/Spoken.h"
#include "ui/booking/BookingUi.h"

#include <QDate>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace mk::ui {

namespace {
int ageYears(const QDate& birth, const QDate& today)
{
    if (!birth.isValid()) return -1;
    int age = today.year() - birth.year();
    if (today.month() < birth.month() ||
        (today.month() == birth.month() && today.day() < birth.day()))
        --age;
    return age;
}
}  // namespace

FaceConsentScreen::FaceConsentScreen(ScreenContext& context, const FaceServices& services,
                                     QWidget* parent)
    : Screen(context, parent), services_(services)
{
    auto* layout = new QVBoxLayout(this);
    title_ = new QLabel(this);
    title_->setWordWrap(true);  // elder mode, English portrait: one line was cut
    Theme::setRole(title_, "title");
    body_ = new QLabel(this);
    body_->setWordWrap(true);
    Theme::setRole(body_, "body");
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    Theme::setRole(status_, "body");

    auto* row = new QHBoxLayout;
    agree_ = new QPushButton(this);
    agree_->setObjectName(QStringLiteral("face_agree"));
    decline_ = new QPushButton(this);
    decline_->setObjectName(QStringLiteral("face_decline"));
    for (QPushButton* b : {agree_, decline_}) {
        Theme::setRole(b, "primary");  // equal weight: same role, same stretch
        b->setMinimumHeight(88);
        b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        row->addWidget(b, 1);
    }
    delete_ = new QPushButton(this);
    delete_->setObjectName(QStringLiteral("face_delete"));
    delete_->setMinimumHeight(88);
    Theme::setRole(delete_, "secondary");

    layout->addWidget(title_);
    layout->addWidget(body_, 1);
    layout->addWidget(status_);
    layout->addLayout(row);
    layout->addWidget(delete_);

    connect(agree_, &QPushButton::clicked, this, &FaceConsentScreen::agree);
    connect(decline_, &QPushButton::clicked, this, &FaceConsentScreen::decline);
    connect(delete_, &QPushButton::clicked, this, &FaceConsentScreen::deleteFaceData);
    FaceConsentScreen::retranslate();  // a constructor: no virtual dispatch, say which one
}

QString FaceConsentScreen::patientId() const
{
    const auto* session = context().session;
    if (session == nullptr || !session->identified) return {};
    return session->identified->id;
}

void FaceConsentScreen::enter()
{
    status_->clear();
    const auto* session = context().session;
    if (session == nullptr || !session->identified) {
        offered_ = false;
        retranslate();
        return;
    }
    // The age rule counts in the hospital's days (a machine in UTC is a day behind Shanghai
    // between 00:00 and 08:00 there).
    const HospitalClock clock = bookingui::hospitalClock(context().service, context().config);
    const QDateTime now = clock.now().toUTC();
    age_years_ = ageYears(session->identified->birth_date, clock.dayOf(now));
    const auto& config = services_.config.enrollment;
    guardian_ =
        age_years_ >= 0 && age_years_ < config.min_age_years && config.guardian_consent_enabled;
    const face::ConsentRecord probe =
        face::Enrollment::makeConsent(patientId(), age_years_, guardian_, now, config);
    offered_ = bool(face::Enrollment::checkConsent(probe, config)) && services_.store != nullptr;
    retranslate();
}

void FaceConsentScreen::reset()
{
    offered_ = false;
    guardian_ = false;
    age_years_ = -1;
    status_->clear();
    retranslate();
}

void FaceConsentScreen::retranslate()
{
    title_->setText(tr("Use your face to sign in next time?"));
    if (offered_) {
        body_->setText(
            tr("Purpose: to identify you at this kiosk, then you confirm with the last 4 digits "
               "of your phone number.\nWhat is stored: a face template (128 numbers), never a "
               "photo.\nKept for %n day(s), then deleted automatically.\nYou can withdraw at "
               "any time: press \"Delete my face data\" on this screen, or ask the staff at the "
               "service desk.\nThis is optional: scanning a code or a card always works.",
               nullptr, services_.config.enrollment.retention_days));
    } else {
        body_->setText(
            tr("Face sign-in is not offered for this patient. You can always use a "
               "code or a card."));
    }
    agree_->setText(guardian_ ? tr("I am the guardian and agree") : tr("Agree"));
    decline_->setText(tr("Decline"));
    delete_->setText(tr("Delete my face data"));
    agree_->setVisible(offered_);
    agree_->setEnabled(offered_);
    delete_->setEnabled(services_.store != nullptr && !patientId().isEmpty());
}

void FaceConsentScreen::agree()
{
    if (!offered_) return;
    const face::ConsentRecord consent =
        face::Enrollment::makeConsent(patientId(), age_years_, guardian_,
                                      QDateTime::currentDateTimeUtc(), services_.config.enrollment);
    Q_EMIT agreed(consent);
    Q_EMIT goTo(ScreenId::FaceEnroll);
}

void FaceConsentScreen::decline()
{
    Q_EMIT declined();  // nothing stored
    Q_EMIT goBack();    // where the offer came from (the booking result, with its QR code)
}

void FaceConsentScreen::deleteFaceData()
{
    const QString id = patientId();
    if (services_.store == nullptr || id.isEmpty()) return;
    auto removed = services_.store->deletePatient(id);
    if (!removed) {
        status_->setText(tr("Your face data could not be deleted now. Please ask staff."));
        return;
    }
    status_->setText(tr("Your face data has been deleted."));
    Q_EMIT faceDataDeleted(removed.value());
}

QString FaceConsentScreen::spokenSummary() const
{
    return spokenFrom(*this, {title_, body_, status_, agree_, decline_});
}

}  // namespace mk::ui
