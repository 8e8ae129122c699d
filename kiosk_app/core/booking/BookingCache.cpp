#include "core/booking/BookingCache.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace mk::booking::cache {

namespace {

constexpr int kFormatVersion = 1;

QLatin1String key(const char* k)
{
    return QLatin1String(k);
}

QJsonObject textJson(const fhir::LocalizedText& text)
{
    return QJsonObject{{key("zh"), text.zh}, {key("en"), text.en}};
}

fhir::LocalizedText textFrom(const QJsonValue& value)
{
    const QJsonObject o = value.toObject();
    return fhir::LocalizedText{o.value(key("zh")).toString(), o.value(key("en")).toString()};
}

QByteArray document(const char* kind, const QJsonArray& items)
{
    const QJsonObject root{
        {key("format"), kFormatVersion}, {key("kind"), QLatin1String(kind)}, {key("items"), items}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

// The items of a document of that kind, or nullopt.
std::optional<QJsonArray> itemsOf(const QByteArray& payload, const char* kind)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) return std::nullopt;
    const QJsonObject root = doc.object();
    if (root.value(key("format")).toInt() != kFormatVersion ||
        root.value(key("kind")).toString() != QLatin1String(kind) ||
        !root.value(key("items")).isArray()) {
        return std::nullopt;
    }
    return root.value(key("items")).toArray();
}

const QList<QPair<fhir::SlotStatus, QLatin1String>>& slotStatusNames()
{
    static const QList<QPair<fhir::SlotStatus, QLatin1String>> names = {
        {fhir::SlotStatus::Free, QLatin1String("free")},
        {fhir::SlotStatus::Busy, QLatin1String("busy")},
        {fhir::SlotStatus::BusyTentative, QLatin1String("busy-tentative")},
        {fhir::SlotStatus::BusyUnavailable, QLatin1String("busy-unavailable")},
        {fhir::SlotStatus::EnteredInError, QLatin1String("entered-in-error")},
    };
    return names;
}

QString statusName(fhir::SlotStatus status)
{
    for (const auto& [s, name] : slotStatusNames()) {
        if (s == status) return name;
    }
    return QStringLiteral("unknown");
}

fhir::SlotStatus statusFrom(const QString& name)
{
    for (const auto& [s, n] : slotStatusNames()) {
        if (n == name) return s;
    }
    return fhir::SlotStatus::Unknown;
}

QString timeText(const QDateTime& t)
{
    return t.toString(Qt::ISODateWithMs);
}

QDateTime timeFrom(const QJsonValue& value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

}  // namespace

QString departmentsKey()
{
    return QStringLiteral("booking:departments");
}

QString doctorsKey(const QString& department_id)
{
    return QStringLiteral("booking:doctors:") + department_id;
}

QString slotsKey(QStringList schedule_ids, const QDate& day)
{
    std::sort(schedule_ids.begin(), schedule_ids.end());
    schedule_ids.erase(std::unique(schedule_ids.begin(), schedule_ids.end()), schedule_ids.end());
    return QStringLiteral("booking:slots:") + schedule_ids.join(QLatin1Char(',')) +
           QLatin1Char(':') + day.toString(Qt::ISODate);
}

QByteArray encode(const QList<fhir::Department>& departments)
{
    QJsonArray items;
    for (const fhir::Department& d : departments) {
        items.append(QJsonObject{{key("id"), d.id}, {key("name"), textJson(d.name)}});
    }
    return document("departments", items);
}

QByteArray encode(const QList<fhir::Doctor>& doctors)
{
    QJsonArray items;
    for (const fhir::Doctor& d : doctors) {
        items.append(QJsonObject{{key("id"), d.id},
                                 {key("schedule_id"), d.schedule_id},
                                 {key("name"), textJson(d.name)},
                                 {key("title"), textJson(d.title)}});
    }
    return document("doctors", items);
}

QByteArray encode(const QList<fhir::Slot>& slots)
{
    QJsonArray items;
    for (const fhir::Slot& s : slots) {
        items.append(QJsonObject{{key("id"), s.id},
                                 {key("schedule_id"), s.schedule_id},
                                 {key("start"), timeText(s.start)},
                                 {key("end"), timeText(s.end)},
                                 {key("status"), statusName(s.status)}});
    }
    return document("slots", items);
}

std::optional<QList<fhir::Department>> decodeDepartments(const QByteArray& payload)
{
    const auto items = itemsOf(payload, "departments");
    if (!items) return std::nullopt;
    QList<fhir::Department> out;
    out.reserve(items->size());
    for (const QJsonValue& v : *items) {
        const QJsonObject o = v.toObject();
        out.append(fhir::Department{o.value(key("id")).toString(), textFrom(o.value(key("name")))});
    }
    return out;
}

std::optional<QList<fhir::Doctor>> decodeDoctors(const QByteArray& payload)
{
    const auto items = itemsOf(payload, "doctors");
    if (!items) return std::nullopt;
    QList<fhir::Doctor> out;
    out.reserve(items->size());
    for (const QJsonValue& v : *items) {
        const QJsonObject o = v.toObject();
        fhir::Doctor d;
        d.id = o.value(key("id")).toString();
        d.schedule_id = o.value(key("schedule_id")).toString();
        d.name = textFrom(o.value(key("name")));
        d.title = textFrom(o.value(key("title")));
        out.append(d);
    }
    return out;
}

std::optional<QList<fhir::Slot>> decodeSlots(const QByteArray& payload)
{
    const auto items = itemsOf(payload, "slots");
    if (!items) return std::nullopt;
    QList<fhir::Slot> out;
    out.reserve(items->size());
    for (const QJsonValue& v : *items) {
        const QJsonObject o = v.toObject();
        fhir::Slot s;
        s.id = o.value(key("id")).toString();
        s.schedule_id = o.value(key("schedule_id")).toString();
        s.start = timeFrom(o.value(key("start")));
        s.end = timeFrom(o.value(key("end")));
        s.status = statusFrom(o.value(key("status")).toString());
        if (s.id.isEmpty() || !s.start.isValid()) return std::nullopt;
        out.append(s);
    }
    return out;
}

}  // namespace mk::booking::cache
