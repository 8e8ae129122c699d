// Writes the FHIR R4 JSON the kiosk sends (docs/pool-protocol.md).
#pragma once

#include "core/fhir/FhirTypes.h"

#include <QByteArray>
#include <QJsonObject>

namespace mk::fhir::writer {

// The booking Appointment of the conditional create: status booked, the client identifier
// (urn:medkiosk:booking), slot, start/end and the patient, practitioner and department participants
// (a participant whose id is empty is left out). Compact JSON, UTF-8.
QJsonObject bookingAppointmentJson(const Appointment& booking);
QByteArray bookingAppointment(const Appointment& booking);

// A FHIR instant with the offset it was given ("2026-11-23T08:10:00+08:00").
QString instant(const QDateTime& time);

}  // namespace mk::fhir::writer
