#include "payment/FhirRead.h"

#include "payment/FhirNames.h"

namespace mk::pay::fhir {

PayResult<QString> requiredString(const QJsonObject& object, QStringView key, const QString& field)
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined() || v.isNull())
        return payError(PayErrorCode::Missing, field, QStringLiteral("required"));
    if (!v.isString())
        return payError(PayErrorCode::Invalid, field, QStringLiteral("must be a string"));
    if (v.toString().isEmpty())
        return payError(PayErrorCode::Missing, field, QStringLiteral("empty"));
    return v.toString();
}

QString optionalString(const QJsonObject& object, QStringView key)
{
    return object.value(key).toString();
}

PayStatus expectResourceType(const QJsonObject& object, QStringView type)
{
    const QJsonValue v = object.value(u"resourceType");
    if (!v.isString() || v.toString() != type)
        return payError(PayErrorCode::Invalid, QStringLiteral("resourceType"),
                        QStringLiteral("expected %1").arg(type));
    return PayOk{};
}

PayResult<QString> referenceId(const QJsonValue& reference, QStringView type, const QString& field)
{
    if (!reference.isObject())
        return payError(reference.isUndefined() ? PayErrorCode::Missing : PayErrorCode::Invalid,
                        field, QStringLiteral("a reference to %1 is required").arg(type));
    const QString ref = reference.toObject().value(u"reference").toString();
    const QString prefix = type.toString() + QLatin1Char('/');
    if (!ref.startsWith(prefix) || ref.size() == prefix.size() ||
        ref.mid(prefix.size()).contains(u'/'))
        return payError(PayErrorCode::Invalid, field + QStringLiteral(".reference"),
                        QStringLiteral("must be \"%1/{id}\"").arg(type));
    return ref.mid(prefix.size());
}

std::optional<QJsonObject> extensionByUrl(const QJsonObject& object, QStringView url)
{
    const QJsonArray extensions = object.value(u"extension").toArray();
    for (const QJsonValue& e : extensions) {
        const QJsonObject ext = e.toObject();
        if (ext.value(u"url").toString() == url) return ext;
    }
    return std::nullopt;
}

QString codingCode(const QJsonValue& codeableConcept, QStringView system)
{
    const QJsonArray codings = codeableConcept.toObject().value(u"coding").toArray();
    for (const QJsonValue& c : codings) {
        const QJsonObject coding = c.toObject();
        if (system.isEmpty() || coding.value(u"system").toString() == system)
            return coding.value(u"code").toString();
    }
    return {};
}

QString englishTranslation(const QJsonObject& object, QStringView key)
{
    const QJsonObject element = object.value(QString(u'_' + key.toString())).toObject();
    const QJsonArray extensions = element.value(u"extension").toArray();
    for (const QJsonValue& e : extensions) {
        const QJsonObject ext = e.toObject();
        if (ext.value(u"url").toString() != kTranslationExtension) continue;
        QString lang;
        QString content;
        const QJsonArray subs = ext.value(u"extension").toArray();
        for (const QJsonValue& s : subs) {
            const QJsonObject sub = s.toObject();
            if (sub.value(u"url").toString() == u"lang")
                lang = sub.value(u"valueCode").toString();
            else if (sub.value(u"url").toString() == u"content")
                content = sub.value(u"valueString").toString();
        }
        if (lang.startsWith(u"en")) return content;
    }
    return {};
}

QString identifierValue(const QJsonObject& resource, QStringView system)
{
    const QJsonArray identifiers = resource.value(u"identifier").toArray();
    for (const QJsonValue& i : identifiers) {
        const QJsonObject identifier = i.toObject();
        if (identifier.value(u"system").toString() == system)
            return identifier.value(u"value").toString();
    }
    return {};
}

PayResult<QList<QJsonObject>> bundleResources(const QJsonObject& bundle)
{
    if (PayStatus type = expectResourceType(bundle, u"Bundle"); !type) return type.error();
    QList<QJsonObject> resources;
    const QJsonValue entries = bundle.value(u"entry");
    if (entries.isUndefined()) return resources;
    if (!entries.isArray())
        return payError(PayErrorCode::Invalid, QStringLiteral("entry"),
                        QStringLiteral("must be an array"));
    const QJsonArray array = entries.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue resource = array.at(i).toObject().value(u"resource");
        if (!resource.isObject())
            return payError(PayErrorCode::Missing, QStringLiteral("entry[%1].resource").arg(i),
                            QStringLiteral("required"));
        resources.append(resource.toObject());
    }
    return resources;
}

std::optional<QJsonObject> parameter(const QJsonObject& parameters, QStringView name)
{
    const QJsonArray list = parameters.value(u"parameter").toArray();
    for (const QJsonValue& p : list) {
        const QJsonObject param = p.toObject();
        if (param.value(u"name").toString() == name) return param;
    }
    return std::nullopt;
}

std::optional<QJsonObject> part(const QJsonObject& parameter, QStringView name)
{
    const QJsonArray list = parameter.value(u"part").toArray();
    for (const QJsonValue& p : list) {
        const QJsonObject param = p.toObject();
        if (param.value(u"name").toString() == name) return param;
    }
    return std::nullopt;
}

}  // namespace mk::pay::fhir
