#include "core/fhir/FhirBundle.h"

#include "core/fhir/FhirJson.h"
#include "core/fhir/FhirParser.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

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

// JSON text scanning for peekNextLink: each returns the index just past what it skipped, or -1
// when the text ends or is not JSON there. No allocation, no decoding.
qsizetype skipSpace(const QByteArray& s, qsizetype i)
{
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) ++i;
    return i;
}

qsizetype skipString(const QByteArray& s, qsizetype i)  // s[i] is the opening quote
{
    for (++i; i < s.size(); ++i) {
        if (s[i] == '\\') {
            ++i;
        } else if (s[i] == '"') {
            return i + 1;
        }
    }
    return -1;
}

qsizetype skipValue(const QByteArray& s, qsizetype i)
{
    i = skipSpace(s, i);
    if (i >= s.size()) return -1;
    if (s[i] == '"') return skipString(s, i);
    if (s[i] != '{' && s[i] != '[') {  // number, true, false, null
        while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']') ++i;
        return i < s.size() ? i : -1;
    }
    int depth = 0;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '"') {
            i = skipString(s, i);
            if (i < 0) return -1;
            --i;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            return i + 1;
        }
    }
    return -1;
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

bool onOrigin(const QUrl& url, const QUrl& origin)
{
    return url.scheme() == origin.scheme() && url.host() == origin.host() &&
           url.port(-1) == origin.port(-1);
}

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
            } else if (origin.isValid() && !onOrigin(b.next, origin)) {
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

QUrl peekNextLink(const QByteArray& json, const QUrl& origin)
{
    qsizetype i = skipSpace(json, 0);
    if (i >= json.size() || json[i] != '{') return {};
    ++i;
    for (;;) {
        i = skipSpace(json, i);
        if (i >= json.size() || json[i] != '"') return {};
        const qsizetype name_end = skipString(json, i);
        if (name_end < 0) return {};
        const bool is_link = json.sliced(i, name_end - i) == "\"link\"";
        i = skipSpace(json, name_end);
        if (i >= json.size() || json[i] != ':') return {};
        const qsizetype value_start = i + 1;
        i = skipValue(json, value_start);
        if (i < 0) return {};
        if (is_link) {
            const QJsonDocument doc = QJsonDocument::fromJson(
                QByteArray("{\"link\":") + json.sliced(value_start, i - value_start) + '}');
            for (const QJsonValue& l : doc.object().value(QLatin1String("link")).toArray()) {
                const QJsonObject link = l.toObject();
                if (link.value(QLatin1String("relation")).toString() != QLatin1String("next"))
                    continue;
                const QUrl next(link.value(QLatin1String("url")).toString());
                return next.isValid() && !next.isRelative() && onOrigin(next, origin) ? next
                                                                                      : QUrl();
            }
            return {};
        }
        i = skipSpace(json, i);
        if (i >= json.size() || json[i] != ',') return {};
        ++i;
    }
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
