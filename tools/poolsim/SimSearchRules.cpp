// Which search parameters the simulator supports, and when a search is refused
// (docs/pool-protocol.md "Searches").
#include "SimSearchRules.h"

#include <QHash>

namespace mk::sim {

// The part of an identifier token after "system|" (the whole token without a bar).
QString tokenValue(const QString& token)
{
    return token.section(QLatin1Char('|'), -1);
}

namespace {

// The parameters of each searchable type (the table in docs/pool-protocol.md "Searches").
const QHash<QString, QStringList>& searchParameters()
{
    static const QHash<QString, QStringList> supported{
        {QStringLiteral("HealthcareService"), {QStringLiteral("active")}},
        {QStringLiteral("Practitioner"), {}},
        {QStringLiteral("Schedule"), {QStringLiteral("actor"), QStringLiteral("_include")}},
        {QStringLiteral("Slot"),
         {QStringLiteral("schedule"), QStringLiteral("start"), QStringLiteral("status")}},
        {QStringLiteral("Patient"),
         {QStringLiteral("identifier"), QStringLiteral("phone"), QStringLiteral("birthdate"),
          QStringLiteral("guardian")}},
        {QStringLiteral("Appointment"),
         {QStringLiteral("patient"), QStringLiteral("date"), QStringLiteral("identifier")}},
        // Payments (issue 9)
        {QStringLiteral("Invoice"), {QStringLiteral("subject"), QStringLiteral("status")}},
        {QStringLiteral("Account"), {QStringLiteral("patient"), QStringLiteral("type")}},
        {QStringLiteral("DocumentReference"),
         {QStringLiteral("type"), QStringLiteral("subject"), QStringLiteral("date")}},
        {QStringLiteral("PaymentReconciliation"),
         {QStringLiteral("requestor"), QStringLiteral("created")}}};
    return supported;
}

}  // namespace

QStringList searchableTypes()
{
    return searchParameters().keys();
}

QString searchRefusal(const QString& type, const QUrlQuery& query)
{
    static const QHash<QString, QStringList> criteria{
        {QStringLiteral("Patient"),
         {QStringLiteral("identifier"), QStringLiteral("phone"), QStringLiteral("guardian")}},
        {QStringLiteral("Appointment"), {QStringLiteral("patient"), QStringLiteral("identifier")}},
        {QStringLiteral("Invoice"), {QStringLiteral("subject")}},
        {QStringLiteral("Account"), {QStringLiteral("patient")}},
        {QStringLiteral("DocumentReference"), {QStringLiteral("type")}},
        {QStringLiteral("PaymentReconciliation"), {QStringLiteral("requestor")}}};
    const QStringList allowed = searchParameters().value(type);
    bool narrowed = false;
    for (const auto& [name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!allowed.contains(name) && name != QLatin1String("_count") &&
            name != QLatin1String("_offset")) {
            return QStringLiteral("unsupported search parameter '%1' for %2").arg(name, type);
        }
        const bool is_identifier = name == QLatin1String("identifier");
        if ((is_identifier ? tokenValue(value) : value).isEmpty()) {
            return QStringLiteral("search parameter '%1' without a value").arg(name);
        }
        narrowed = narrowed || criteria.value(type).contains(name);
    }
    if (criteria.contains(type) && !narrowed) {
        return QStringLiteral("a %1 search needs one of: %2")
            .arg(type, criteria.value(type).join(QStringLiteral(", ")));
    }
    return {};
}

}  // namespace mk::sim
