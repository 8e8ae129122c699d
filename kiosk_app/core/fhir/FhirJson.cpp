#include "core/fhir/FhirJson.h"

#include "core/fhir/FhirUris.h"

#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace mk::fhir {
namespace {

QString typeName(const QJsonValue& v)
{
    switch (v.type()) {
        case QJsonValue::Null:
            return QStringLiteral("null");
        case QJsonValue::Bool:
            return QStringLiteral("boolean");
        case QJsonValue::Double:
            return QStringLiteral("number");
        case QJsonValue::String:
            return QStringLiteral("string");
        case QJsonValue::Array:
            return QStringLiteral("array");
        case QJsonValue::Object:
            return QStringLiteral("object");
        case QJsonValue::Undefined:
            break;
    }
    return QStringLiteral("undefined");
}

}  // namespace

QDateTime FhirJson::plainInstant(const QString& s)
{
    const qsizetype n = s.size();
    if (n != 20 && n != 25) return {};
    const QChar* c = s.constData();
    const auto num = [c](qsizetype at, qsizetype len) {
        int v = 0;
        for (qsizetype i = at; i < at + len; ++i) {
            const char16_t d = c[i].unicode();
            if (d < u'0' || d > u'9') return -1;
            v = v * 10 + (d - u'0');
        }
        return v;
    };
    if (c[4] != u'-' || c[7] != u'-' || c[10] != u'T' || c[13] != u':' || c[16] != u':') return {};
    const int year = num(0, 4);
    const int month = num(5, 2);
    const int day = num(8, 2);
    const int hour = num(11, 2);
    const int minute = num(14, 2);
    const int second = num(17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 ||
        second < 0 || second > 59) {
        return {};
    }
    const QDate date(year, month, day);
    if (!date.isValid()) return {};
    const QTime time(hour, minute, second);
    if (n == 20) return c[19] == u'Z' ? QDateTime(date, time, Qt::UTC) : QDateTime();
    const char16_t sign = c[19].unicode();
    const int oh = num(20, 2);
    const int om = num(23, 2);
    if ((sign != u'+' && sign != u'-') || c[22] != u':' || oh < 0 || oh > 14 || om < 0 || om > 59 ||
        (oh == 0 && om == 0)) {
        return {};
    }
    const int offset = (sign == u'-' ? -1 : 1) * (oh * 3600 + om * 60);
    return QDateTime(date, time, Qt::OffsetFromUTC, offset);
}

void FhirJson::fail(const QString& path, const QString& problem)
{
    if (error_.isEmpty()) {
        error_ = path + QStringLiteral(": ") + problem;
    }
}

QString FhirJson::string(const QJsonObject& o, const QString& key, const QString& path, Need need)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined()) {
        if (need == Need::Required) fail(path, QStringLiteral("missing"));
        return {};
    }
    if (!v.isString()) {
        fail(path, QStringLiteral("string expected, got ") + typeName(v));
        return {};
    }
    QString s = v.toString();
    if (need == Need::Required && s.trimmed().isEmpty()) {
        fail(path, QStringLiteral("empty"));
    }
    return s;
}

QJsonObject FhirJson::object(const QJsonObject& o, const QString& key, const QString& path,
                             Need need)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined()) {
        if (need == Need::Required) fail(path, QStringLiteral("missing"));
        return {};
    }
    if (!v.isObject()) {
        fail(path, QStringLiteral("object expected, got ") + typeName(v));
        return {};
    }
    return v.toObject();
}

QJsonArray FhirJson::array(const QJsonObject& o, const QString& key, const QString& path, Need need)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined()) {
        if (need == Need::Required) fail(path, QStringLiteral("missing"));
        return {};
    }
    if (!v.isArray()) {
        fail(path, QStringLiteral("array expected, got ") + typeName(v));
        return {};
    }
    QJsonArray a = v.toArray();
    if (need == Need::Required && a.isEmpty()) {
        fail(path, QStringLiteral("empty array"));
    }
    return a;
}

QList<QJsonObject> FhirJson::objects(const QJsonObject& o, const QString& key, const QString& path,
                                     Need need)
{
    QList<QJsonObject> out;
    const QJsonArray a = array(o, key, path, need);
    out.reserve(a.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QJsonValue v = a.at(i);
        if (!v.isObject()) {
            fail(QStringLiteral("%1[%2]").arg(path).arg(i),
                 QStringLiteral("object expected, got ") + typeName(v));
            return {};
        }
        out.append(v.toObject());
    }
    return out;
}

int FhirJson::integer(const QJsonObject& o, const QString& key, const QString& path, Need need,
                      int absent, int minimum)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined()) {
        if (need == Need::Required) fail(path, QStringLiteral("missing"));
        return absent;
    }
    // Range first, then convert: converting a double outside the target's range (a huge
    // number, an infinity, a NaN from the network) to an integer is undefined behaviour.
    const double d = v.toDouble();
    const bool in_range = v.isDouble() && std::isfinite(d) && d >= double(minimum) &&
                          d <= double(std::numeric_limits<int>::max());
    if (!in_range || d != std::trunc(d)) {
        fail(path, QStringLiteral("integer >= %1 expected").arg(minimum));
        return absent;
    }
    return int(d);
}

bool FhirJson::boolean(const QJsonObject& o, const QString& key, const QString& path, bool absent)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined()) return absent;
    if (!v.isBool()) {
        fail(path, QStringLiteral("boolean expected, got ") + typeName(v));
        return absent;
    }
    return v.toBool();
}

QDateTime FhirJson::instant(const QJsonObject& o, const QString& key, const QString& path,
                            Need need)
{
    const QString s = string(o, key, path, need);
    if (s.isEmpty()) return {};
    QDateTime dt = plainInstant(s);
    if (dt.isValid()) return dt;
    static const QRegularExpression re(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$"));
    if (re.match(s).hasMatch()) {
        dt = QDateTime::fromString(s, Qt::ISODateWithMs);
    }
    if (!dt.isValid()) {
        fail(path, QStringLiteral("not a date-time with zone"));
        return {};
    }
    return dt;
}

QDate FhirJson::date(const QJsonObject& o, const QString& key, const QString& path, Need need)
{
    const QString s = string(o, key, path, need);
    if (s.isEmpty()) return {};
    static const QRegularExpression partial(QStringLiteral("^\\d{4}(-(0[1-9]|1[0-2]))?$"));
    if (partial.match(s).hasMatch()) {
        return {};  // valid FHIR, no day
    }
    static const QRegularExpression full(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QDate d = full.match(s).hasMatch() ? QDate::fromString(s, Qt::ISODate) : QDate();
    if (!d.isValid()) {
        fail(path, QStringLiteral("not a date"));
    }
    return d;
}

QString FhirJson::referenceId(const QString& reference, const QString& type)
{
    const QList<QStringView> parts = QStringView(reference).split(u'/');
    if (parts.size() < 2) return {};
    qsizetype at = parts.size() - 2;
    if (parts.size() >= 4 && parts.at(parts.size() - 2) == QLatin1String("_history")) {
        at = parts.size() - 4;  // Type/id/_history/v
    }
    if (parts.at(at) != type || parts.at(at + 1).isEmpty()) return {};
    return parts.at(at + 1).toString();
}

QString FhirJson::translation(const QJsonObject& o, const QString& key, const QString& path)
{
    const QString sibling = QLatin1Char('_') + key;
    const QJsonObject element =
        object(o, sibling, path + QStringLiteral("._") + key, Need::Optional);
    const QList<QJsonObject> exts = objects(element, QStringLiteral("extension"),
                                            path + QStringLiteral(".extension"), Need::Optional);
    for (const QJsonObject& ext : exts) {
        if (ext.value(QStringLiteral("url")).toString() != uri::kTranslation) continue;
        QString lang;
        QString content;
        const QList<QJsonObject> parts =
            objects(ext, QStringLiteral("extension"), path + QStringLiteral(".translation"),
                    Need::Optional);
        for (const QJsonObject& p : parts) {
            const QString url = p.value(QStringLiteral("url")).toString();
            if (url == QLatin1String("lang")) {
                lang = p.value(QStringLiteral("valueCode")).toString();
            } else if (url == QLatin1String("content")) {
                content = p.value(QStringLiteral("valueString")).toString();
            }
        }
        if (lang.startsWith(QLatin1String("en"))) return content;
    }
    return {};
}

}  // namespace mk::fhir
