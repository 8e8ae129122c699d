#pragma once

#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace mk::sim {

// The part of an identifier token after "system|" (the whole token without a bar).
QString tokenValue(const QString& token);

// The resource types the simulator searches.
QStringList searchableTypes();

// FHIR strict handling of searches: only the parameters the contract names (and _count,
// _offset), each with a value, and for the searches that return personal data (Patient,
// Appointment) at least one criterion that narrows them down. Returns why the search is
// refused, or an empty text when it may run.
QString searchRefusal(const QString& type, const QUrlQuery& query);

}  // namespace mk::sim
