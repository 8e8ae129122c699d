#include "ui/screens/ResultScreen.h"

#include "core/booking/BookingService.h"
#include "core/booking/BookingSession.h"
#include "core/common/Log.h"
#include "core/common/Masking.h"
#include "core/qr/QrImage.h"
#include "ui/access/Spoken.h"
#include "ui/booking/BookingUi.h"

#include <QBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QResizeEvent>

namespace mk::ui {

using namespace bookingui;

ResultScreen::ResultScreen(ScreenContext& context, QWidget* parent) : Screen(context, parent)
{
    setObjectName(QStringLiteral("resultScreen"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(kScreenMargin_px, kScreenMargin_px, kScreenMargin_px,
                               kScreenMargin_px);
    layout->setSpacing(16);
    title_ = makeLabel("title", QStringLiteral("resultTitle"), this);
    layout->addWidget(title_);

    // The details scroll when taller than the screen; the main action stays visible.
    columns_ = addScrollingBody(layout, QStringLiteral("resultScroll"), this);

    auto* details = new QVBoxLayout;
    details->setSpacing(12);
    number_caption_ = makeLabel("body", QStringLiteral("resultNumberCaption"), this);
    number_ = makeLabel("big-number", QStringLiteral("resultNumber"), this);
    number_->setTextInteractionFlags(Qt::NoTextInteraction);
    patient_ = makeLabel("subtitle", QStringLiteral("resultPatient"), this);
    department_ = makeLabel("body", QStringLiteral("resultDepartment"), this);
    doctor_ = makeLabel("body", QStringLiteral("resultDoctor"), this);
    time_ = makeLabel("subtitle", QStringLiteral("resultTime"), this);
    deadline_ = makeLabel("hint", QStringLiteral("resultDeadline"), this);
    // The number across the whole width, above the details and the QR code: beside the code
    // the elder-mode number (126 px) was cut in portrait (tst_screenaudit, elder passes).
    layout->insertWidget(1, number_caption_);
    layout->insertWidget(2, number_);
    for (QLabel* label : {patient_, department_, doctor_, time_, deadline_})
        details->addWidget(label);
    details->addStretch(1);
    columns_->addLayout(details, 1);

    auto* code = new QVBoxLayout;
    code->setSpacing(12);
    qr_ = new QLabel(this);
    qr_->setObjectName(QStringLiteral("appointmentQr"));
    qr_->setAlignment(Qt::AlignCenter);
    qr_->setMinimumSize(kQrSize_px, kQrSize_px);
    qr_hint_ = makeLabel("hint", QStringLiteral("resultQrHint"), this);
    qr_hint_->setAlignment(Qt::AlignCenter);
    code->addWidget(qr_, 0, Qt::AlignHCenter);
    code->addWidget(qr_hint_);
    code->addStretch(1);
    columns_->addLayout(code, 0);

    // In landscape side by side: one above the other, they squeezed the number (1080 px high;
    // tst_screenaudit once face sign-in was in the walk).
    actions_ = new QBoxLayout(QBoxLayout::TopToBottom);
    actions_->setSpacing(16);
    face_enroll_ = makeButton("secondary", QStringLiteral("resultFaceEnroll"), this);
    face_enroll_->hide();  // until face sign-in is installed and a booking is shown
    actions_->addWidget(face_enroll_, 1);
    connect(face_enroll_, &QPushButton::clicked, this,
            [this] { Q_EMIT goTo(ScreenId::FaceConsent); });
    done_ = makeButton("primary", QStringLiteral("resultDone"), this);
    actions_->addWidget(done_, 1);
    layout->addLayout(actions_);
    connect(done_, &QPushButton::clicked, this, [this] { Q_EMIT goHome(); });
    ResultScreen::retranslate();  // a constructor: no virtual dispatch, say which one
}

ResultScreen::~ResultScreen() = default;

void ResultScreen::resizeEvent(QResizeEvent* event)
{
    Screen::resizeEvent(event);
    const bool landscape = event->size().width() > event->size().height();
    columns_->setDirection(landscape ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    // Portrait: the code right under the details; landscape: the details take the width.
    columns_->setStretch(0, landscape ? 1 : 0);
    columns_->setStretch(1, landscape ? 0 : 1);
    actions_->setDirection(landscape ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
}

void ResultScreen::enter()
{
    retranslate();
}

void ResultScreen::reset()
{
    for (QLabel* label : {number_, patient_, department_, doctor_, time_, deadline_})
        label->clear();
    qr_->clear();
    qr_number_.clear();
    face_enroll_->hide();
}

void ResultScreen::retranslate()
{
    title_->setText(tr("Booked"));
    number_caption_->setText(tr("Your appointment number"));
    qr_hint_->setText(tr("Show this code when you check in."));
    done_->setText(tr("Done"));
    face_enroll_->setText(tr("Sign in with your face next time"));
    showDetails();
}

void ResultScreen::setFaceEnrollmentAvailable(bool available)
{
    face_available_ = available;
    showDetails();
}

void ResultScreen::showDetails()
{
    const booking::BookingSession* session = context().session;
    if (!session || !session->appointment) {
        reset();
        return;
    }
    // The consent screen enrols the person who signed in (a guardian, not the child).
    face_enroll_->setVisible(face_available_ && session->identified.has_value());
    const QString& language = context().language;
    const fhir::Appointment& appointment = *session->appointment;
    number_->setText(appointment.appointment_number);
    patient_->setText(
        session->patient
            ? tr("Patient: %1").arg(maskName(session->patient->name.forLanguage(language)))
            : QString());
    department_->setText(
        session->department
            ? tr("Department: %1").arg(session->department->name.forLanguage(language))
            : QString());
    std::optional<fhir::Doctor> doctor = session->doctor;
    if (!doctor) {
        for (const fhir::Doctor& d : session->department_doctors)
            if (d.id == appointment.practitioner_id) doctor = d;
    }
    doctor_->setText(doctor ? tr("Doctor: %1").arg(doctorText(*doctor, language)) : QString());
    const QDateTime start = appointment.start.isValid()
                                ? appointment.start
                                : (session->slot ? session->slot->start : QDateTime());
    const QDateTime end = appointment.end.isValid()
                              ? appointment.end
                              : (session->slot ? session->slot->end : QDateTime());
    time_->setText(start.isValid() ? tr("Time: %1–%2")
                                         .arg(dateTimeText(start, context().config, language),
                                              clockText(end, context().config))
                                   : QString());
    if (context().service && session->slot) {
        const QDateTime deadline = context().service->rules().cancellationDeadline(*session->slot);
        deadline_->setText(
            cancellationText(deadline, context().service->now(), context().config, language));
    } else {
        deadline_->clear();
    }

    if (qr_number_ != appointment.appointment_number) {
        qr_number_ = appointment.appointment_number;
        // The signed check-in token when the pool sent one (issue 4), else the number payload.
        const QString payload = appointment.checkin_token.isEmpty()
                                    ? qr::appointmentPayload(appointment.appointment_number)
                                    : appointment.checkin_token;
        const Result<QImage> image = qr::encode(payload, kQrSize_px);
        if (image.ok()) {
            qr_->setPixmap(QPixmap::fromImage(image.value()));
        } else {
            qCWarning(lcUi) << "appointment QR code not made:" << image.error().detail;
            qr_->clear();
        }
    }
}

QString ResultScreen::spokenSummary() const
{
    // The number character by character ("A 0 1 2"), then the slot; not the patient's name.
    const QString lang = context().language;
    return spokenJoin(lang,
                      {spokenFrom(*this, {title_, number_caption_}),
                       number_->isVisibleTo(this) ? spelledOut(number_->text()) : QString(),
                       spokenFrom(*this, {department_, doctor_, time_, deadline_, qr_hint_})});
}

}  // namespace mk::ui
