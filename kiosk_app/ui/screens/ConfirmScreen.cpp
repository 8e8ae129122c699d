#include "ui/screens/ConfirmScreen.h"

#include "core/booking/BookingService.h"
#include "core/booking/BookingSession.h"
#include "core/common/Log.h"
#include "core/common/Masking.h"
#include "core/common/UserMessages.h"
#include "core/common/WhenFinished.h"
#include "ui/access/Spoken.h"
#include "ui/booking/BookingUi.h"

#include <QBoxLayout>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QResizeEvent>

namespace mk::ui {

using namespace bookingui;

ConfirmScreen::ConfirmScreen(ScreenContext& context, QWidget* parent) : Screen(context, parent)
{
    setObjectName(QStringLiteral("confirmScreen"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(kScreenMargin_px, kScreenMargin_px, kScreenMargin_px,
                               kScreenMargin_px);
    layout->setSpacing(20);
    title_ = makeLabel("title", QStringLiteral("confirmTitle"), this);
    layout->addWidget(title_);

    // The details scroll when taller than the screen; the main action stays visible.
    columns_ = addScrollingBody(layout, QStringLiteral("confirmScroll"), this);

    auto* details = new QVBoxLayout;
    details->setSpacing(16);
    patient_ = makeLabel("subtitle", QStringLiteral("confirmPatient"), this);
    department_ = makeLabel("body", QStringLiteral("confirmDepartment"), this);
    doctor_ = makeLabel("body", QStringLiteral("confirmDoctor"), this);
    time_ = makeLabel("subtitle", QStringLiteral("confirmTime"), this);
    deadline_ = makeLabel("hint", QStringLiteral("confirmDeadline"), this);
    for (QLabel* label : {patient_, department_, doctor_, time_, deadline_})
        details->addWidget(label);
    details->addStretch(1);
    columns_->addLayout(details, 1);

    auto* actions = new QVBoxLayout;
    actions->setSpacing(16);
    message_ = makeLabel("error", QStringLiteral("confirmMessage"), this);
    booking_label_ = makeLabel("body", QStringLiteral("confirmBooking"), this);
    alternatives_box_ = new QWidget(this);
    alternatives_box_->setObjectName(QStringLiteral("confirmAlternatives"));
    alternatives_grid_ = new QGridLayout(alternatives_box_);
    alternatives_grid_->setContentsMargins(0, 0, 0, 0);
    alternatives_grid_->setSpacing(12);
    try_again_ = makeButton("primary", QStringLiteral("confirmTryAgain"), this);
    confirm_ = makeButton("primary", QStringLiteral("confirmButton"), this);
    actions->addWidget(message_);
    actions->addWidget(alternatives_box_);
    actions->addWidget(booking_label_);
    actions->addStretch(1);
    columns_->addLayout(actions, 1);
    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(24);
    buttons->addWidget(try_again_);
    buttons->addWidget(confirm_);
    layout->addLayout(buttons);

    message_->hide();
    alternatives_box_->hide();
    booking_label_->hide();
    try_again_->hide();

    connect(confirm_, &QPushButton::clicked, this, &ConfirmScreen::book);
    connect(try_again_, &QPushButton::clicked, this, &ConfirmScreen::book);
    ConfirmScreen::retranslate();  // a constructor: no virtual dispatch, say which one
}

ConfirmScreen::~ConfirmScreen() = default;

void ConfirmScreen::resizeEvent(QResizeEvent* event)
{
    Screen::resizeEvent(event);
    const bool landscape = event->size().width() > event->size().height();
    columns_->setDirection(landscape ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
}

void ConfirmScreen::enter()
{
    ++generation_;
    problem_ = Problem::None;
    error_ = {};
    setAlternatives({});
    setBooking(false);
    booking::BookingSession* session = context().session;
    // "Any doctor" with a slot but no doctor yet: the slot's schedule names the doctor.
    if (session && session->slot && !session->doctor)
        session->doctor = session->doctorForSchedule(session->slot->schedule_id);
    confirm_->setEnabled(session && session->patient && session->department && session->doctor &&
                         session->slot);
    retranslate();
}

void ConfirmScreen::reset()
{
    ++generation_;
    problem_ = Problem::None;
    error_ = {};
    setAlternatives({});
    setBooking(false);
    for (QLabel* label : {patient_, department_, doctor_, time_, deadline_, message_})
        label->clear();
    message_->hide();
    try_again_->hide();
    confirm_->setEnabled(false);
}

void ConfirmScreen::retranslate()
{
    title_->setText(tr("Please check your booking"));
    booking_label_->setText(tr("Booking… please wait."));
    try_again_->setText(tr("Try again"));
    confirm_->setText(tr("Confirm booking"));
    showDetails();
    showProblem();
    for (int i = 0; i < alternative_buttons_.size() && i < alternatives_.size(); ++i)
        alternative_buttons_[i]->setText(doctorLine(alternatives_[i]));
}

void ConfirmScreen::showDetails()
{
    const booking::BookingSession* session = context().session;
    const QString& language = context().language;
    if (!session || !session->patient || !session->department || !session->slot) {
        for (QLabel* label : {patient_, department_, doctor_, time_, deadline_}) label->clear();
        return;
    }
    patient_->setText(
        tr("Patient: %1").arg(maskName(session->patient->name.forLanguage(language))));
    department_->setText(tr("Department: %1").arg(session->department->name.forLanguage(language)));
    doctor_->setText(
        tr("Doctor: %1").arg(session->doctor ? doctorText(*session->doctor, language) : QString()));
    const fhir::Slot& slot = *session->slot;
    time_->setText(tr("Time: %1–%2")
                       .arg(dateTimeText(slot.start, context().config, language),
                            clockText(slot.end, context().config)));
    if (context().service) {
        const QDateTime deadline = context().service->rules().cancellationDeadline(slot);
        deadline_->setText(
            cancellationText(deadline, context().service->now(), context().config, language));
    }
}

void ConfirmScreen::showProblem()
{
    switch (problem_) {
        case Problem::None:
            message_->clear();
            break;
        case Problem::Conflict:
            message_->setText(alternatives_.isEmpty()
                                  ? tr("This time was just taken by someone else. Please go back "
                                       "and choose another time.")
                                  : tr("This time was just taken by someone else.") +
                                        QLatin1Char(' ') + tr("These times are still free:"));
            break;
        case Problem::Offline:
            message_->setText(
                tr("Booking needs a connection to the hospital system. Please try again in a "
                   "moment, or book at the service desk."));
            break;
        case Problem::Rule:
        case Problem::Other:
            message_->setText(userMessage(error_));
            break;
    }
    message_->setVisible(problem_ != Problem::None);
    try_again_->setVisible(problem_ == Problem::Offline || problem_ == Problem::Other);
}

void ConfirmScreen::setBooking(bool booking)
{
    booking_label_->setVisible(booking);
    if (booking_ == booking) return;
    booking_ = booking;
    Q_EMIT loadingChanged(booking_);
}

void ConfirmScreen::book()
{
    booking::BookingSession* session = context().session;
    booking::BookingService* service = context().service;
    if (booking_ || !session || !service || !session->patient || !session->department ||
        !session->doctor || !session->slot)
        return;
    // Disabled at the first tap: a second tap of a double tap finds it disabled.
    confirm_->setEnabled(false);
    try_again_->setEnabled(false);
    problem_ = Problem::None;
    setAlternatives({});
    showProblem();
    setBooking(true);
    const quint64 generation = ++generation_;
    QStringList department_schedules;
    for (const fhir::Doctor& doctor : std::as_const(session->department_doctors))
        department_schedules.append(doctor.schedule_id);
    whenFinished(service->book(session->patient->id, *session->doctor, session->department->id,
                               *session->slot, department_schedules),
                 this, [this, generation](const booking::BookingOutcome& outcome) {
                     if (generation != generation_) return;
                     onOutcome(outcome);
                 });
}

void ConfirmScreen::onOutcome(const booking::BookingOutcome& outcome)
{
    setBooking(false);
    try_again_->setEnabled(true);
    booking::BookingSession* session = context().session;
    if (outcome.booked && session) {
        session->appointment = outcome.appointment;
        Q_EMIT goTo(ScreenId::Result);
        return;
    }
    error_ = outcome.error;
    qCInfo(lcUi) << "booking not made:" << errorCodeName(error_.code);
    switch (error_.code) {
        case ErrorCode::Conflict:
            problem_ = Problem::Conflict;
            setAlternatives(outcome.alternatives);
            break;
        case ErrorCode::Offline:
        case ErrorCode::Network:
        case ErrorCode::Timeout:
            problem_ = Problem::Offline;
            break;
        case ErrorCode::Rule:
            problem_ = Problem::Rule;
            break;
        default:
            problem_ = Problem::Other;
            break;
    }
    // A taken slot or a rule cannot be booked again as it is; the rest can be tried again.
    confirm_->setEnabled(false);
    showProblem();
}

QString ConfirmScreen::doctorLine(const fhir::Slot& slot) const
{
    QString time = dateTimeText(slot.start, context().config, context().language);
    const booking::BookingSession* session = context().session;
    if (session) {
        for (const fhir::Doctor& doctor : session->department_doctors)
            if (doctor.schedule_id == slot.schedule_id)
                return time + QLatin1Char('\n') + doctorText(doctor, context().language);
        if (session->doctor && session->doctor->schedule_id == slot.schedule_id)
            return time + QLatin1Char('\n') + doctorText(*session->doctor, context().language);
    }
    return time;
}

void ConfirmScreen::setAlternatives(const QList<fhir::Slot>& slots)
{
    alternatives_ = slots;
    while (alternative_buttons_.size() < slots.size()) {
        const int index = int(alternative_buttons_.size());
        auto* button =
            makeButton("tile", QStringLiteral("alternative_%1").arg(index), alternatives_box_);
        connect(button, &QPushButton::clicked, this, [this, index] { chooseAlternative(index); });
        alternatives_grid_->addWidget(button, index / 2, index % 2);
        alternative_buttons_.append(button);
    }
    for (int i = 0; i < alternative_buttons_.size(); ++i) {
        QPushButton* button = alternative_buttons_[i];
        const bool used = i < slots.size();
        button->setText(used ? doctorLine(slots[i]) : QString());
        button->setVisible(used);
    }
    alternatives_box_->setVisible(!slots.isEmpty());
}

void ConfirmScreen::chooseAlternative(int index)
{
    booking::BookingSession* session = context().session;
    if (!session || index < 0 || index >= alternatives_.size()) return;
    const fhir::Slot slot = alternatives_[index];
    session->slot = slot;
    if (!session->doctor || session->doctor->schedule_id != slot.schedule_id) {
        for (const fhir::Doctor& doctor : std::as_const(session->department_doctors)) {
            if (doctor.schedule_id == slot.schedule_id) {
                session->doctor = doctor;
                break;
            }
        }
    }
    problem_ = Problem::None;
    error_ = {};
    setAlternatives({});
    confirm_->setEnabled(true);
    retranslate();
}

QString ConfirmScreen::spokenSummary() const
{
    // The slot and what happens next; not the patient's name.
    return spokenFrom(*this, {title_, department_, doctor_, time_, deadline_, message_});
}

}  // namespace mk::ui
