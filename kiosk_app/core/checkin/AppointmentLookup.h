// The reads check-in needs that PoolClient does not offer: one Appointment by id (for its version
// and status), an Appointment by its number (urn:medkiosk:appointment; plain numbers from other
// channels), one Patient by id (the name to mask), the patient of a card (urn:medkiosk:card) and
// a patient's appointments with where each takes place (the appointment-location extension). Over
// pool::HttpTransport, blocking: call from worker threads only. Errors are mapped like PoolClient's
// (pool::reply::httpError).
#pragma once

#include "core/common/Result.h"
#include "core/fhir/FhirTypes.h"
#include "core/pool/HttpTransport.h"

#include <QDateTime>
#include <QUrl>

#include <memory>

namespace mk::checkin {

// An appointment with its building and floor (extension appointment-location; empty / 0 when the
// pool does not say).
struct PlacedAppointment {
    fhir::Appointment appointment;
    QString building;
    int floor = 0;
};

class AppointmentLookup
{
public:
    AppointmentLookup(QUrl base_url, std::unique_ptr<pool::HttpTransport> transport);
    ~AppointmentLookup();

    Result<fhir::Appointment> appointment(const QString& id);
    // The same read with where it takes place (the appointment-location extension).
    Result<PlacedAppointment> placedAppointment(const QString& id);
    Result<fhir::Appointment> appointmentByNumber(const QString& number);  // NotFound if none
    Result<fhir::Patient> patient(const QString& id);
    // Patient?identifier=urn:medkiosk:card|{card}: the patient's id; NotFound if none.
    Result<QString> patientIdByCard(const QString& card_identifier);
    // Appointment?patient=Patient/{id}&date=ge{from}&date=lt{to} (one page of up to 200).
    Result<QList<PlacedAppointment>> appointmentsIn(const QString& patient_id,
                                                    const QDateTime& from, const QDateTime& to);

private:
    Result<QByteArray> get(const QUrl& url);
    QUrl url(const QString& path) const;

    QUrl base_url_;
    std::unique_ptr<pool::HttpTransport> transport_;
};

}  // namespace mk::checkin
