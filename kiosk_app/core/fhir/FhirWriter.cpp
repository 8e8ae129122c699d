#include "core/fhir/FhirWriter.h"

#include "core/fhir/FhirUris.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace mk::fhir::writer {
namespace {

QJsonObject participant(const QString& type, const QString& id)
{
    return QJsonObject{{QStringLiteral("actor"),
                        QJsonObject{{QStringLiteral("reference"), type + QLatin1Char('/') + id}}},
                       {QStringLiteral("status"), QStringLiteral("accepted")}};
}

}  // namespace

QString instant(const QDateTime& time)
{
    if (!time.isValid()) return {};
    QDateTime t = time;
    if (t.timeSpec() == Qt::LocalTime || t.timeSpec() == Qt::TimeZone) {
        t = t.toOffsetFromUtc(t.offsetFromUtc());  // keep the offset, drop the zone name
    }
    return t.toString(t.time().msec() != 0 ? Qt::ISODateWithMs : Qt::ISODate);
}

QJsonObject bookingAppointmentJson(const Appointment& booking)
{
    QJsonArray participants;
    if (!booking.patient_id.isEmpty()) {
        participants.append(participant(QStringLiteral("Patient"), booking.patient_id));
    }
    if (!booking.practitioner_id.isEmpty()) {
        participants.append(participant(QStringLiteral("Practitioner"), booking.practitioner_id));
    }
    if (!booking.department_id.isEmpty()) {
        participants.append(
            participant(QStringLiteral("HealthcareService"), booking.department_id));
    }
    QJsonObject o{{QStringLiteral("resourceType"), QStringLiteral("Appointment")},
                  {QStringLiteral("status"), QStringLiteral("booked")},
                  {QStringLiteral("identifier"),
                   QJsonArray{QJsonObject{{QStringLiteral("system"), QString(uri::kBooking)},
                                          {QStringLiteral("value"), booking.client_identifier}}}},
                  {QStringLiteral("slot"),
                   QJsonArray{QJsonObject{
                       {QStringLiteral("reference"), QStringLiteral("Slot/") + booking.slot_id}}}},
                  {QStringLiteral("participant"), participants}};
    if (booking.start.isValid()) o.insert(QStringLiteral("start"), instant(booking.start));
    if (booking.end.isValid()) o.insert(QStringLiteral("end"), instant(booking.end));
    return o;
}

QByteArray bookingAppointment(const Appointment& booking)
{
    return QJsonDocument(bookingAppointmentJson(booking)).toJson(QJsonDocument::Compact);
}

}  // namespace mk::fhir::writer
