// Everything one patient's booking visit holds, on the UI thread. clear() forgets it all (idle
// timeout, "Home", finished): the screens read from here and must redraw after clear().
#pragma once

#include "core/fhir/FhirTypes.h"

#include <QDate>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace mk::booking {

class BookingSession : public QObject
{
    Q_OBJECT
public:
    explicit BookingSession(QObject* parent = nullptr);
    ~BookingSession() override;

    // Who books: the identified person, and the patient the booking is for (the person, or the
    // child a guardian chose).
    std::optional<fhir::Patient> identified;
    QList<fhir::Patient> children;  // of the identified guardian, when any
    std::optional<fhir::Patient> patient;
    std::optional<fhir::Department> department;
    std::optional<fhir::Doctor> doctor;      // empty = any doctor of the department
    QList<fhir::Doctor> department_doctors;  // for "any doctor" and showing names on slots
    QDate day;
    std::optional<fhir::Slot> slot;
    std::optional<fhir::Appointment> appointment;  // once booked

    bool active() const { return identified.has_value(); }
    // The doctor that owns a slot (by schedule id), among department_doctors.
    std::optional<fhir::Doctor> doctorForSchedule(const QString& schedule_id) const;
    // Overwrites the personal strings before dropping them, then emits cleared().
    void clear();

Q_SIGNALS:
    void cleared();
};

}  // namespace mk::booking
