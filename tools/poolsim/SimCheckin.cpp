// Check-in tokens on the simulator's appointments (docs/pool-protocol.md "Check-in token").
#include "SimHttpServer.h"

#include <QJsonArray>

namespace mk::sim {

QJsonObject SimHttpServer::withCheckinToken(const QJsonObject& appointment) const
{
    QString patient_ref;
    for (const QJsonValue& p : appointment.value(QStringLiteral("participant")).toArray()) {
        const QString r = p.toObject()
                              .value(QStringLiteral("actor"))
                              .toObject()
                              .value(QStringLiteral("reference"))
                              .toString();
        if (r.startsWith(QLatin1String("Patient/"))) patient_ref = r.mid(8);
    }
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
    return checkin_key_->withToken(appointment, name);
}

}  // namespace mk::sim
