// Check-in by patient card (docs/pool-protocol.md "Check in by patient card or face"): the
// Patient search by the identifier a card reader reads, system urn:medkiosk:card. Each seeded
// patient has one card: "uid:" and the eight digits of the patient number (P00001001 ->
// uid:00001001), the UID a test's virtual card answers to GET DATA.
#include "SimHttpServer.h"
#include "SimSearchRules.h"

#include <QJsonArray>

namespace mk::sim {

namespace {
constexpr QLatin1String kCardSystem("urn:medkiosk:card");

QString cardOf(const QJsonObject& patient)
{
    for (const QJsonValue& v : patient.value(QStringLiteral("identifier")).toArray()) {
        const QJsonObject i = v.toObject();
        if (i.value(QStringLiteral("system")).toString() ==
            QLatin1String("urn:medkiosk:patient-number")) {
            return QStringLiteral("uid:") + i.value(QStringLiteral("value")).toString().right(8);
        }
    }
    return {};
}
}  // namespace

std::optional<SimReply> SimHttpServer::checkinSearch(const SimRequest& request,
                                                     const QStringList& parts)
{
    if (!request.isGet() || parts.size() != 1 || parts.at(0) != QLatin1String("Patient")) {
        return std::nullopt;
    }
    const QUrlQuery query(request.url);
    const QString identifier =
        query.queryItemValue(QStringLiteral("identifier"), QUrl::FullyDecoded);
    if (!identifier.startsWith(kCardSystem + QLatin1Char('|'))) return std::nullopt;
    const QString refusal = searchRefusal(QStringLiteral("Patient"), query);
    if (!refusal.isEmpty()) return outcomeReply(400, QStringLiteral("invalid"), refusal);
    const QString card = tokenValue(identifier).toLower();
    QList<QJsonObject> matches;
    for (const QJsonObject& p : std::as_const(seed_.patients)) {
        if (cardOf(p) == card) matches.append(p);
    }
    return bundle(matches, {}, query, request.url);
}

}  // namespace mk::sim
