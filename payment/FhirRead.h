// Small readers of FHIR JSON shared by the payment parsers: required strings, references,
// extensions by URL, codings, translations, Bundle entries. Errors name the field.
#pragma once

#include "payment/PayError.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace mk::pay::fhir {

// A non-empty string member; Missing when absent or empty, Invalid when not a string.
PayResult<QString> requiredString(const QJsonObject& object, QStringView key, const QString& field);
// The string member or an empty string.
QString optionalString(const QJsonObject& object, QStringView key);
// Invalid unless object.resourceType == type.
PayStatus expectResourceType(const QJsonObject& object, QStringView type);
// "Patient/abc" -> "abc" for reference objects {"reference": "Patient/abc"}; Missing/Invalid else.
PayResult<QString> referenceId(const QJsonValue& reference, QStringView type, const QString& field);
// The first extension of `object` with this url; nullopt when none.
std::optional<QJsonObject> extensionByUrl(const QJsonObject& object, QStringView url);
// The code of the first coding of a CodeableConcept with `system` (any system when empty).
QString codingCode(const QJsonValue& codeableConcept, QStringView system);
// The English translation in object["_" + key] (the translation extension, lang "en").
QString englishTranslation(const QJsonObject& object, QStringView key);
// The identifier value with this system; empty when none.
QString identifierValue(const QJsonObject& resource, QStringView system);
// The resources of a Bundle's entries (entry[i].resource); Invalid when not a Bundle or an entry
// has no resource object. An empty or absent entry list is an empty list.
PayResult<QList<QJsonObject>> bundleResources(const QJsonObject& bundle);
// A Parameters parameter by name; nullopt when absent.
std::optional<QJsonObject> parameter(const QJsonObject& parameters, QStringView name);
// A Parameters part of a parameter by name.
std::optional<QJsonObject> part(const QJsonObject& parameter, QStringView name);

}  // namespace mk::pay::fhir
