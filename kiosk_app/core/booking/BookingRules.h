// Hospital booking rules, from configuration, checked before a booking is sent.
#pragma once

#include "core/common/Result.h"
#include "core/fhir/FhirTypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

namespace mk::booking {

struct BookingRules {
    int max_bookings_per_patient_per_day = 2;
    int max_days_ahead = 7;                    // today is day 0
    int cancellation_cutoff_hours = 2;         // no cancelling later than this before the slot
    int min_minutes_before_start = 5;          // a slot starting sooner cannot be booked
    QByteArray timezone_id = "Asia/Shanghai";  // the hospital's zone: days are counted in it

    // Ok, or ErrorCode::Rule with Error::rule set to "per-day", "days-ahead", "too-soon" or "past".
    Status checkBooking(const fhir::Slot& slot,
                        const QList<fhir::Appointment>& patient_appointments,
                        const QDateTime& now) const;
    // Ok, or ErrorCode::Rule with rule "cancel-cutoff".
    Status checkCancellation(const fhir::Appointment& appointment, const QDateTime& now) const;
    // The last moment a booking for that slot can still be cancelled.
    QDateTime cancellationDeadline(const fhir::Slot& slot) const;
};

}  // namespace mk::booking
