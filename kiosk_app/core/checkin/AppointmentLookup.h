// The reads check-in needs that PoolClient does not offer: one Appointment by id (for its version
// and status), an Appointment by its number (urn:medkiosk:appointment; plain numbers from other
// channels) and one Patient by id (the name to mask). Over pool::HttpTransport, blocking: call
// from worker threads only. Errors are mapped like PoolClient's (pool::reply::httpError).
#pragma once

#include "core/common/Result.h"
#include "core/fhir/FhirTypes.h"
#include "core/pool/HttpTransport.h"

#include <QUrl>

#include <memory>

namespace mk::checkin {

class AppointmentLookup
{
public:
    AppointmentLookup(QUrl base_url, std::unique_ptr<pool::HttpTransport> transport);
    ~AppointmentLookup();

    Result<fhir::Appointment> appointment(const QString& id);
    Result<fhir::Appointment> appointmentByNumber(const QString& number);  // NotFound if none
    Result<fhir::Patient> patient(const QString& id);

private:
    Result<QByteArray> get(const QUrl& url);
    QUrl url(const QString& path) const;

    QUrl base_url_;
    std::unique_ptr<pool::HttpTransport> transport_;
};

}  // namespace mk::checkin
