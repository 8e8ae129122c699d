// Reads the FHIR R4 JSON of the booking pool (docs/pool-protocol.md) into the plain values of
// FhirTypes.h. Strict on what the kiosk needs: a wrong resourceType, a missing required element, a
// wrong JSON type or a bad date gives ErrorCode::BadReply with a detail naming the element
// ("Slot.start: missing"). Tolerant of elements it does not know. Never throws, never crashes.
#pragma once

#include "core/common/Result.h"
#include "core/fhir/FhirBundle.h"
#include "core/fhir/FhirTypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

namespace mk::fhir {

struct ScheduleInfo {  // a Schedule's actors
    QString id;
    QString practitioner_id;  // empty for a department-only schedule
    QString department_id;
    bool active = true;
};

namespace parser {

// JSON bytes -> object whose resourceType is `expected_type` (any type when empty).
Result<QJsonObject> resourceObject(const QByteArray& json, const QString& expected_type);

Result<Slot> slotFromJson(const QJsonObject& object);
Result<ScheduleInfo> scheduleFromJson(const QJsonObject& object);
Result<Doctor> practitionerFromJson(const QJsonObject& object);  // schedule_id left empty
Result<Department> departmentFromJson(const QJsonObject& object);
Result<Patient> patientFromJson(const QJsonObject& object);
Result<Appointment> appointmentFromJson(const QJsonObject& object);
Result<OperationOutcome> outcomeFromJson(const QJsonObject& object);

// From bytes: resourceObject(json, type) then the matching *FromJson.
Result<Slot> slot(const QByteArray& json);
Result<ScheduleInfo> schedule(const QByteArray& json);
Result<Doctor> practitioner(const QByteArray& json);
Result<Department> department(const QByteArray& json);
Result<Patient> patient(const QByteArray& json);
// A well-formed Appointment is read in one pass (FhirPlainAppointment.h), with the same result.
Result<Appointment> appointment(const QByteArray& json);
Result<OperationOutcome> outcome(const QByteArray& json);

SlotStatus slotStatusFromCode(const QString& code);  // Unknown for an unknown code
QString slotStatusCode(SlotStatus status);
AppointmentStatus appointmentStatusFromCode(const QString& code);
QString appointmentStatusCode(AppointmentStatus status);
// FHIR invariant app-3: only proposed, cancelled and waitlisted appointments may lack start/end.
bool appointmentNeedsTimes(AppointmentStatus status);

}  // namespace parser
}  // namespace mk::fhir
