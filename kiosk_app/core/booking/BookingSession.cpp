#include "core/booking/BookingSession.h"

#include "core/common/SecureWipe.h"

namespace mk::booking {

namespace {

// Overwrites the characters in place (when this is the only copy) before dropping them.
void wipe(QString& text)
{
    secureWipe(text);
}

void wipe(fhir::LocalizedText& text)
{
    wipe(text.zh);
    wipe(text.en);
}

void wipe(fhir::Patient& patient)
{
    wipe(patient.id);
    wipe(patient.patient_number);
    wipe(patient.name);
    wipe(patient.phone);
    wipe(patient.gender);
    wipe(patient.guardian_id);
    patient.birth_date = QDate();
}

void wipe(std::optional<fhir::Patient>& patient)
{
    if (patient) wipe(*patient);
    patient.reset();
}

void wipe(fhir::Appointment& appointment)
{
    wipe(appointment.id);
    wipe(appointment.version_id);
    wipe(appointment.client_identifier);
    wipe(appointment.appointment_number);
    wipe(appointment.slot_id);
    wipe(appointment.patient_id);
    wipe(appointment.practitioner_id);
    wipe(appointment.department_id);
    appointment.start = QDateTime();
    appointment.end = QDateTime();
    appointment.visit_sequence = 0;
}

}  // namespace

BookingSession::BookingSession(QObject* parent) : QObject(parent) {}

BookingSession::~BookingSession()
{
    // Forget personal data on destruction too, without telling anyone.
    const QSignalBlocker blocker(this);
    clear();
}

std::optional<fhir::Doctor> BookingSession::doctorForSchedule(const QString& schedule_id) const
{
    if (schedule_id.isEmpty()) return std::nullopt;
    for (const fhir::Doctor& d : department_doctors) {
        if (d.schedule_id == schedule_id) return d;
    }
    if (doctor && doctor->schedule_id == schedule_id) return doctor;
    return std::nullopt;
}

void BookingSession::clear()
{
    wipe(identified);
    for (fhir::Patient& child : children) wipe(child);
    children.clear();
    wipe(patient);
    department.reset();
    doctor.reset();
    department_doctors.clear();
    day = QDate();
    slot.reset();
    if (appointment) wipe(*appointment);
    appointment.reset();
    Q_EMIT cleared();
}

}  // namespace mk::booking
