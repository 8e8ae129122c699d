#include "core/fhir/FhirBundle.h"

#include "core/fhir/FhirJson.h"
#include "core/fhir/FhirParser.h"

#include <QHash>

#include <optional>

namespace mk::fhir {
namespace {

using Need = FhirJson::Need;

// The well-formed entry read without the checked getters: a resource object with a resourceType
// and, when present, a search object whose mode is a string. Anything else returns nothing and
// goes through the checked path, which names the entry and the problem. (Building the checked
// path's element names was most of the per-entry cost of a 1,350-slot search.)
std::optional<BundleEntry> plainEntry(const QJsonObject& entry)
{
    const QJsonValue resource = entry.value(QLatin1String("resource"));
    if (!resource.isObject()) return std::nullopt;
    BundleEntry e;
    e.resource = resource.toObject();
    const QJsonValue type = e.resource.value(QLatin1String("resourceType"));
    if (!type.isString()) return std::nullopt;
    e.resource_type = type.toString();
    if (e.resource_type.trimmed().isEmpty()) return std::nullopt;
    const QJsonValue search = entry.value(QLatin1String("search"));
    if (search.isUndefined()) return e;
    if (!search.isObject()) return std::nullopt;
    const QJsonValue mode = search.toObject().value(QLatin1String("mode"));
    if (mode.isUndefined()) return e;
    if (!mode.isString()) return std::nullopt;
    e.mode = mode.toString();
    return e;
}

}  // namespace

QList<QJsonObject> Bundle::resources(const QString& resource_type, const QString& mode) const
{
    QList<QJsonObject> out;
    for (const BundleEntry& e : entries) {
        if (e.resource_type == resource_type && (mode.isEmpty() || e.mode == mode)) {
            out.append(e.resource);
        }
    }
    return out;
}

namespace parser {

Result<Bundle> bundle(const QByteArray& json, const QUrl& origin)
{
    Result<QJsonObject> o = resourceObject(json, QStringLiteral("Bundle"));
    if (!o.ok()) return o.error();
    return bundleFromJson(o.value(), origin);
}

Result<Bundle> bundleFromJson(const QJsonObject& o, const QUrl& origin)
{
    FhirJson j;
    Bundle b;
    const QString type = j.string(o, QStringLiteral("resourceType"),
                                  QStringLiteral("Bundle.resourceType"), Need::Required);
    if (j.ok() && type != QLatin1String("Bundle")) {
        j.fail(QStringLiteral("Bundle"), QStringLiteral("resourceType is %1").arg(type.left(40)));
    }
    if (!j.ok()) return makeError(ErrorCode::BadReply, j.error());
    b.type = j.string(o, QStringLiteral("type"), QStringLiteral("Bundle.type"), Need::Required);
    b.total = j.integer(o, QStringLiteral("total"), QStringLiteral("Bundle.total"), Need::Optional,
                        -1, 0);
    for (const QJsonObject& l :
         j.objects(o, QStringLiteral("link"), QStringLiteral("Bundle.link"), Need::Optional)) {
        const QString rel = j.string(l, QStringLiteral("relation"),
                                     QStringLiteral("Bundle.link.relation"), Need::Required);
        const QString url =
            j.string(l, QStringLiteral("url"), QStringLiteral("Bundle.link.url"), Need::Required);
        if (rel == QLatin1String("self")) {
            b.self = QUrl(url);
        } else if (rel == QLatin1String("next")) {
            b.next = QUrl(url);
            if (!b.next.isValid() || b.next.isRelative()) {
                j.fail(QStringLiteral("Bundle.link(next)"), QStringLiteral("not an absolute URL"));
            } else if (origin.isValid() &&
                       (b.next.scheme() != origin.scheme() || b.next.host() != origin.host() ||
                        b.next.port(-1) != origin.port(-1))) {
                j.fail(QStringLiteral("Bundle.link(next)"), QStringLiteral("foreign origin"));
            }
        }
    }
    const QList<QJsonObject> entries =
        j.objects(o, QStringLiteral("entry"), QStringLiteral("Bundle.entry"), Need::Optional);
    b.entries.reserve(entries.size());
    for (qsizetype i = 0; i < entries.size() && j.ok(); ++i) {
        if (std::optional<BundleEntry> plain = plainEntry(entries.at(i))) {
            b.entries.append(std::move(*plain));
            continue;
        }
        const QString path = QStringLiteral("Bundle.entry[%1]").arg(i);
        BundleEntry e;
        const QJsonObject search = j.object(entries.at(i), QStringLiteral("search"),
                                            path + QStringLiteral(".search"), Need::Optional);
        e.mode = j.string(search, QStringLiteral("mode"), path + QStringLiteral(".search.mode"),
                          Need::Optional);
        e.resource = j.object(entries.at(i), QStringLiteral("resource"),
                              path + QStringLiteral(".resource"), Need::Optional);
        if (entries.at(i).contains(QStringLiteral("resource"))) {
            e.resource_type = j.string(e.resource, QStringLiteral("resourceType"),
                                       path + QStringLiteral(".resource"), Need::Required);
        }
        b.entries.append(e);
    }
    if (!j.ok()) return makeError(ErrorCode::BadReply, j.error());
    return b;
}

Result<QList<Doctor>> doctorsFromBundle(const Bundle& b)
{
    QHash<QString, Doctor> practitioners;
    for (const QJsonObject& o : b.resources(QStringLiteral("Practitioner"), QString())) {
        Result<Doctor> d = practitionerFromJson(o);
        if (!d.ok()) return d.error();
        practitioners.insert(d.value().id, d.value());
    }
    QList<Doctor> out;
    for (const BundleEntry& e : b.entries) {
        if (e.resource_type != QLatin1String("Schedule") || e.mode == QLatin1String("include")) {
            continue;
        }
        Result<ScheduleInfo> s = scheduleFromJson(e.resource);
        if (!s.ok()) return s.error();
        Doctor d = practitioners.value(s.value().practitioner_id);
        d.id = s.value().practitioner_id;
        d.schedule_id = s.value().id;
        out.append(d);
    }
    return out;
}

}  // namespace parser
}  // namespace mk::fhir
