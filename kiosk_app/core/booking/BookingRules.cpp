#include "core/booking/BookingRules.h"

#include "core/common/HospitalClock.h"

#include <QCoreApplication>

namespace mk::booking {

namespace {

constexpr qint64 kSecondsPerMinute = 60;
constexpr qint64 kSecondsPerHour = 3600;

Error ruleError(const char* rule, QString detail)
{
    Error e = makeError(ErrorCode::Rule, std::move(detail));
    e.rule = QString::fromLatin1(rule);
    return e;
}

// Appointments that hold one of the patient's bookings of the day. Cancelled, no-show, entered in
// error, proposed and waitlisted ones do not.
bool countsTowardsDay(fhir::AppointmentStatus status)
{
    switch (status) {
        case fhir::AppointmentStatus::Pending:
        case fhir::AppointmentStatus::Booked:
        case fhir::AppointmentStatus::Arrived:
        case fhir::AppointmentStatus::CheckedIn:
        case fhir::AppointmentStatus::Fulfilled:
            return true;
        default:
            return false;
    }
}

}  // namespace

Status BookingRules::checkBooking(const fhir::Slot& slot,
                                  const QList<fhir::Appointment>& patient_appointments,
                                  const QDateTime& now) const
{
    if (!slot.start.isValid() || !now.isValid()) {
        return makeError(ErrorCode::BadRequest,
                         QCoreApplication::translate("mk::booking::BookingRules",
                                                     "The time slot has no valid start"));
    }
    if (slot.start < now) {
        return ruleError("past", QCoreApplication::translate("mk::booking::BookingRules",
                                                             "The time slot has already started"));
    }
    if (now.secsTo(slot.start) < qint64(min_minutes_before_start) * kSecondsPerMinute) {
        return ruleError("too-soon", QCoreApplication::translate(
                                         "mk::booking::BookingRules",
                                         "The time slot starts in less than %n minute(s)", nullptr,
                                         min_minutes_before_start));
    }

    const QTimeZone zone = HospitalClock::zoneFor(timezone_id);
    const QDate today = now.toTimeZone(zone).date();
    const QDate slot_day = slot.start.toTimeZone(zone).date();
    if (today.daysTo(slot_day) > max_days_ahead) {
        return ruleError("days-ahead",
                         QCoreApplication::translate("mk::booking::BookingRules",
                                                     "Bookings are open at most %n day(s) ahead",
                                                     nullptr, max_days_ahead));
    }

    int same_day = 0;
    for (const fhir::Appointment& a : patient_appointments) {
        if (!a.start.isValid() || !countsTowardsDay(a.status)) continue;
        if (a.start.toTimeZone(zone).date() == slot_day) ++same_day;
    }
    if (same_day >= max_bookings_per_patient_per_day) {
        return ruleError("per-day",
                         QCoreApplication::translate("mk::booking::BookingRules",
                                                     "At most %n booking(s) per patient per day",
                                                     nullptr, max_bookings_per_patient_per_day));
    }
    return Ok{};
}

Status BookingRules::checkCancellation(const fhir::Appointment& appointment,
                                       const QDateTime& now) const
{
    if (!appointment.start.isValid() || !now.isValid()) {
        return makeError(ErrorCode::BadRequest,
                         QCoreApplication::translate("mk::booking::BookingRules",
                                                     "The appointment has no valid start"));
    }
    const QDateTime deadline =
        appointment.start.addSecs(-qint64(cancellation_cutoff_hours) * kSecondsPerHour);
    if (now > deadline) {
        return ruleError(
            "cancel-cutoff",
            QCoreApplication::translate("mk::booking::BookingRules",
                                        "Cancelling is possible until %n hour(s) before the visit",
                                        nullptr, cancellation_cutoff_hours));
    }
    return Ok{};
}

QDateTime BookingRules::cancellationDeadline(const fhir::Slot& slot) const
{
    if (!slot.start.isValid()) return QDateTime();
    return slot.start.addSecs(-qint64(cancellation_cutoff_hours) * kSecondsPerHour);
}

}  // namespace mk::booking
