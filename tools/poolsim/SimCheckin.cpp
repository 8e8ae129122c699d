// Check-in on the simulator's appointments (docs/pool-protocol.md "Check-in token" and "Check in
// by patient card or face"): the signed check-in token and where the appointment takes place
// (building and floor of its department), added to every appointment the simulator creates.
#include "SimHttpServer.h"

#include <QJsonArray>

namespace mk::sim {

namespace {

struct Place {
    const char* department;
    const char* building;
    int floor;
};

// Where each seeded department receives its patients (docs/demo-data.md).
constexpr Place kPlaces[] = {{"dept-ped", "A", 3}, {"dept-resp", "A", 3},   {"dept-gastro", "A", 4},
                             {"dept-eye", "A", 5}, {"dept-dental", "B", 2}, {"dept-derm", "A", 5}};

QString actorOf(const QJsonObject& appointment, QLatin1String type)
{
    for (const QJsonValue& p : appointment.value(QStringLiteral("participant")).toArray()) {
        const QString r = p.toObject()
                              .value(QStringLiteral("actor"))
                              .toObject()
                              .value(QStringLiteral("reference"))
                              .toString();
        if (r.startsWith(type + QLatin1Char('/'))) return r.mid(type.size() + 1);
    }
    return {};
}

// The appointment-location extension (building code, floor number) of its department.
QJsonObject withPlace(QJsonObject appointment)
{
    const QString department = actorOf(appointment, QLatin1String("HealthcareService"));
    for (const QJsonValue& e : appointment.value(QStringLiteral("extension")).toArray()) {
        if (e.toObject()
                .value(QStringLiteral("url"))
                .toString()
                .endsWith(QLatin1String("/appointment-location"))) {
            return appointment;  // already placed
        }
    }
    for (const Place& place : kPlaces) {
        if (department != QLatin1String(place.department)) continue;
        QJsonArray extensions = appointment.value(QStringLiteral("extension")).toArray();
        extensions.append(QJsonObject{
            {QStringLiteral("url"),
             QStringLiteral(
                 "http://medkiosk.example/fhir/StructureDefinition/appointment-location")},
            {QStringLiteral("extension"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("url"), QStringLiteral("building")},
                             {QStringLiteral("valueString"), QString::fromLatin1(place.building)}},
                 QJsonObject{{QStringLiteral("url"), QStringLiteral("floor")},
                             {QStringLiteral("valueInteger"), place.floor}}}}});
        appointment.insert(QStringLiteral("extension"), extensions);
        break;
    }
    return appointment;
}

}  // namespace

QJsonObject SimHttpServer::withCheckinToken(const QJsonObject& appointment) const
{
    const QString patient_ref = actorOf(appointment, QLatin1String("Patient"));
    QString name;
    for (const QJsonObject& p : seed_.patients) {
        if (p.value(QStringLiteral("id")).toString() == patient_ref) {
            name = p.value(QStringLiteral("name"))
                       .toArray()
                       .at(0)
                       .toObject()
                       .value(QStringLiteral("text"))
                       .toString();
        }
    }
    return checkin_key_->withToken(withPlace(appointment), name);
}

}  // namespace mk::sim
