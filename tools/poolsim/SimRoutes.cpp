// The FHIR routes of SimHttpServer: searches, reads, booking and check-in.
#include "SimHttpServer.h"
#include "SimLog.h"
#include "SimSearchRules.h"
#include "payment/ExactJson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace mk::sim {
namespace {

constexpr auto kFhirJson = "application/fhir+json; charset=utf-8";

SimReply resourceOk(int status, const QJsonObject& resource)
{
    SimReply r;
    r.status = status;
    r.body = QJsonDocument(resource).toJson(QJsonDocument::Compact);
    r.content_type = QByteArray(kFhirJson);
    const QString version = resource.value(QStringLiteral("meta"))
                                .toObject()
                                .value(QStringLiteral("versionId"))
                                .toString();
    r.headers.append({QByteArrayLiteral("ETag"),
                      QByteArrayLiteral("W/\"") + version.toUtf8() + QByteArrayLiteral("\"")});
    return r;
}

QString ref(const QJsonValue& v)
{
    return v.toObject().value(QStringLiteral("reference")).toString();
}

QString bookingIdentifier(const QJsonObject& appt)
{
    for (const QJsonValue& v : appt.value(QStringLiteral("identifier")).toArray()) {
        if (v.toObject().value(QStringLiteral("system")).toString() ==
            QLatin1String("urn:medkiosk:booking")) {
            return v.toObject().value(QStringLiteral("value")).toString();
        }
    }
    return {};
}

QString patientOf(const QJsonObject& appt)
{
    for (const QJsonValue& p : appt.value(QStringLiteral("participant")).toArray()) {
        QString r = ref(p.toObject().value(QStringLiteral("actor")));
        if (r.startsWith(QLatin1String("Patient/"))) {
            return r;
        }
    }
    return {};
}

// "system|value" (or a bare value) matches one of the appointment's identifiers.
bool hasIdentifier(const QJsonObject& appt, const QString& token)
{
    const QString system =
        token.contains(QLatin1Char('|')) ? token.section(QLatin1Char('|'), 0, 0) : QString();
    const QString value = token.section(QLatin1Char('|'), -1);
    for (const QJsonValue& v : appt.value(QStringLiteral("identifier")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("value")).toString() == value &&
            (system.isEmpty() || o.value(QStringLiteral("system")).toString() == system)) {
            return true;
        }
    }
    return false;
}

QStringList allValues(const QUrlQuery& q, const QString& key)
{
    return q.allQueryItemValues(key, QUrl::FullyDecoded);
}

struct Bound {
    QString prefix;  // ge | lt | gt | le
    qint64 ms = 0;
};

// The bounds of a date search parameter, parsed once per request (not once per candidate).
QList<Bound> parseBounds(const QStringList& bounds)
{
    QList<Bound> out;
    for (const QString& b : bounds) {
        out.append(
            Bound{b.left(2), QDateTime::fromString(b.mid(2), Qt::ISODate).toMSecsSinceEpoch()});
    }
    return out;
}

bool inRange(qint64 t, const QList<Bound>& bounds)
{
    for (const Bound& b : bounds) {
        if ((b.prefix == QLatin1String("ge") && t < b.ms) ||
            (b.prefix == QLatin1String("lt") && t >= b.ms) ||
            (b.prefix == QLatin1String("gt") && t <= b.ms) ||
            (b.prefix == QLatin1String("le") && t > b.ms)) {
            return false;
        }
    }
    return true;
}

bool boundsValid(const QStringList& bounds)
{
    for (const QString& b : bounds) {
        static const QStringList prefixes{QStringLiteral("ge"), QStringLiteral("lt"),
                                          QStringLiteral("gt"), QStringLiteral("le")};
        if (!prefixes.contains(b.left(2)) ||
            !QDateTime::fromString(b.mid(2), Qt::ISODate).isValid()) {
            return false;
        }
    }
    return true;
}

}  // namespace

SimReply SimHttpServer::route(const SimRequest& request, const QStringList& parts, bool* committed)
{
    const bool is_post = request.isPost();
    const bool is_get = request.isGet();
    const QString type = parts.value(0);
    if (std::optional<SimReply> r = checkinSearch(request, parts)) return *r;  // by card
    if (is_get && parts.size() == 1) {
        return search(type, QUrlQuery(request.url), request.url);
    }
    if (std::optional<SimReply> r =
            payments_->route(request, parts, auth_->clientOf(request), baseUrl())) {
        return *r;  // SimPayments.cpp
    }
    if (is_get && parts.size() == 2) {
        return read(type, parts.at(1));
    }
    if (is_post && parts.size() == 1 && type == QLatin1String("Appointment")) {
        return book(request, committed);
    }
    if (is_post && parts.size() == 3 && type == QLatin1String("Appointment") &&
        parts.at(2) == QLatin1String("$check-in")) {
        return checkIn(parts.at(1), request.value(QByteArrayLiteral("If-Match")));
    }
    return outcomeReply(404, QStringLiteral("not-supported"),
                        QStringLiteral("unsupported interaction"));
}

QJsonObject SimHttpServer::slotNow(const SlotEntry& entry) const
{
    QJsonObject s = entry.slot;
    const bool booked = state_.booked_slots.contains(s.value(QStringLiteral("id")).toString());
    if (booked) {
        s.insert(QStringLiteral("status"), QStringLiteral("busy"));
    }
    s.insert(QStringLiteral("meta"),
             QJsonObject{{QStringLiteral("versionId"),
                          booked ? QStringLiteral("2") : QStringLiteral("1")}});
    return s;
}

SimReply SimHttpServer::bundle(const QList<QJsonObject>& matches,
                               const QList<QJsonObject>& includes, const QUrlQuery& query,
                               const QUrl& url) const
{
    bool count_ok = false;
    int count = query.queryItemValue(QStringLiteral("_count")).toInt(&count_ok);
    if (!count_ok || count <= 0) {
        count = 50;
    }
    count = std::min(count, 200);
    const int offset = std::max(0, query.queryItemValue(QStringLiteral("_offset")).toInt());
    QJsonArray entries;
    const QString base = baseUrl();
    for (int i = offset; i < matches.size() && i < offset + count; ++i) {
        const QJsonObject& r = matches.at(i);
        entries.append(QJsonObject{
            {QStringLiteral("fullUrl"),
             base + QLatin1Char('/') + r.value(QStringLiteral("resourceType")).toString() +
                 QLatin1Char('/') + r.value(QStringLiteral("id")).toString()},
            {QStringLiteral("resource"), r},
            {QStringLiteral("search"),
             QJsonObject{{QStringLiteral("mode"), QStringLiteral("match")}}}});
    }
    for (const QJsonObject& r : includes) {
        entries.append(QJsonObject{
            {QStringLiteral("fullUrl"),
             base + QLatin1Char('/') + r.value(QStringLiteral("resourceType")).toString() +
                 QLatin1Char('/') + r.value(QStringLiteral("id")).toString()},
            {QStringLiteral("resource"), r},
            {QStringLiteral("search"),
             QJsonObject{{QStringLiteral("mode"), QStringLiteral("include")}}}});
    }
    QUrl self(base.left(base.size() - 5) + url.path());
    self.setQuery(query);
    QJsonArray links{QJsonObject{{QStringLiteral("relation"), QStringLiteral("self")},
                                 {QStringLiteral("url"), self.toString()}}};
    if (offset + count < matches.size()) {
        QUrlQuery next_query(query);
        next_query.removeAllQueryItems(QStringLiteral("_offset"));
        next_query.removeAllQueryItems(QStringLiteral("_count"));
        next_query.addQueryItem(QStringLiteral("_count"), QString::number(count));
        next_query.addQueryItem(QStringLiteral("_offset"), QString::number(offset + count));
        QUrl next(self);
        next.setQuery(next_query);
        links.append(QJsonObject{{QStringLiteral("relation"), QStringLiteral("next")},
                                 {QStringLiteral("url"), next.toString()}});
    }
    QJsonObject b{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                  {QStringLiteral("type"), QStringLiteral("searchset")},
                  {QStringLiteral("total"), int(matches.size())},
                  {QStringLiteral("link"), links}};
    if (!entries.isEmpty()) {
        b.insert(QStringLiteral("entry"), entries);
    }
    SimReply r;
    r.body = pay::writeExactJson(b);  // payment resources hold exact Money numbers
    r.content_type = QByteArray(kFhirJson);
    return r;
}

SimReply SimHttpServer::search(const QString& type, const QUrlQuery& query, const QUrl& url)
{
    QList<QJsonObject> matches;
    QList<QJsonObject> includes;
    if (!searchableTypes().contains(type)) {
        return outcomeReply(404, QStringLiteral("not-supported"),
                            QStringLiteral("unknown resource type"));
    }
    const QString refusal = searchRefusal(type, query);
    if (!refusal.isEmpty()) {
        return outcomeReply(400, QStringLiteral("invalid"), refusal);
    }
    if (SimPayments::handlesType(type)) {
        std::optional<SimReply> refused;
        matches = payments_->search(type, query, &refused);
        if (refused) return *refused;
    } else if (type == QLatin1String("HealthcareService")) {
        matches = seed_.departments;
    } else if (type == QLatin1String("Practitioner")) {
        matches = seed_.practitioners;
    } else if (type == QLatin1String("Schedule")) {
        const QString actor = query.queryItemValue(QStringLiteral("actor"), QUrl::FullyDecoded);
        for (const QJsonObject& s : seed_.schedules) {
            const QJsonArray actors = s.value(QStringLiteral("actor")).toArray();
            if (actor.isEmpty() || ref(actors.at(1)) == actor) {
                matches.append(s);
            }
        }
        if (query.queryItemValue(QStringLiteral("_include"), QUrl::FullyDecoded) ==
            QLatin1String("Schedule:actor:Practitioner")) {
            for (const QJsonObject& s : matches) {
                const QString pr = ref(s.value(QStringLiteral("actor")).toArray().at(0)).mid(13);
                for (const QJsonObject& p : seed_.practitioners) {
                    if (p.value(QStringLiteral("id")).toString() == pr) {
                        includes.append(p);
                    }
                }
            }
        }
    } else if (type == QLatin1String("Slot")) {
        const QStringList starts = allValues(query, QStringLiteral("start"));
        if (!boundsValid(starts)) {
            return outcomeReply(400, QStringLiteral("invalid"),
                                QStringLiteral("bad start parameter"));
        }
        const QString schedule_param =
            query.queryItemValue(QStringLiteral("schedule"), QUrl::FullyDecoded);
        QSet<QString> wanted;
        for (QString s : schedule_param.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (s.startsWith(QLatin1String("Schedule/"))) {
                s = s.mid(9);
            }
            wanted.insert(s);
        }
        const QString status = query.queryItemValue(QStringLiteral("status"));
        const QList<Bound> start_bounds = parseBounds(starts);
        for (const SlotEntry& e : std::as_const(slots_)) {
            if ((!wanted.isEmpty() && !wanted.contains(e.schedule_id)) ||
                !inRange(e.start_ms, start_bounds)) {
                continue;
            }
            const QJsonObject s = slotNow(e);
            if (status.isEmpty() || s.value(QStringLiteral("status")).toString() == status) {
                matches.append(s);
            }
        }
    } else if (type == QLatin1String("Patient")) {
        const QString identifier =
            query.queryItemValue(QStringLiteral("identifier"), QUrl::FullyDecoded);
        const QString birth = query.queryItemValue(QStringLiteral("birthdate"));
        const QString phone = query.queryItemValue(QStringLiteral("phone"));
        const QString guardian =
            query.queryItemValue(QStringLiteral("guardian"), QUrl::FullyDecoded);
        const QString number = tokenValue(identifier);
        const QString system = identifier.contains(QLatin1Char('|'))
                                   ? identifier.section(QLatin1Char('|'), 0, 0)
                                   : QString();
        if (!system.isEmpty() && system != QLatin1String("urn:medkiosk:patient-number")) {
            return bundle(matches, includes, query, url);  // no patient has such an identifier
        }
        for (const QJsonObject& p : seed_.patients) {
            if (!birth.isEmpty() && p.value(QStringLiteral("birthDate")).toString() != birth) {
                continue;
            }
            if (!identifier.isEmpty() && p.value(QStringLiteral("identifier"))
                                                 .toArray()
                                                 .at(0)
                                                 .toObject()
                                                 .value(QStringLiteral("value"))
                                                 .toString() != number) {
                continue;
            }
            if (!phone.isEmpty() && p.value(QStringLiteral("telecom"))
                                            .toArray()
                                            .at(0)
                                            .toObject()
                                            .value(QStringLiteral("value"))
                                            .toString() != phone) {
                continue;
            }
            if (!guardian.isEmpty() &&
                ref(p.value(QStringLiteral("extension"))
                        .toArray()
                        .at(0)
                        .toObject()
                        .value(QStringLiteral("valueReference"))) != guardian) {
                continue;
            }
            matches.append(p);
        }
    } else if (type == QLatin1String("Appointment")) {
        const QString patient = query.queryItemValue(QStringLiteral("patient"), QUrl::FullyDecoded);
        const QStringList dates = allValues(query, QStringLiteral("date"));
        if (!boundsValid(dates)) {
            return outcomeReply(400, QStringLiteral("invalid"),
                                QStringLiteral("bad date parameter"));
        }
        const QList<Bound> date_bounds = parseBounds(dates);
        // identifier=urn:medkiosk:appointment|A20261123-0042 (check-in by a plain number).
        const QString identifier =
            query.queryItemValue(QStringLiteral("identifier"), QUrl::FullyDecoded);
        for (const QJsonObject& a : std::as_const(state_.appointments)) {
            if (!identifier.isEmpty() && !hasIdentifier(a, identifier)) {
                continue;
            }
            const qint64 t =
                QDateTime::fromString(a.value(QStringLiteral("start")).toString(), Qt::ISODate)
                    .toMSecsSinceEpoch();
            if ((patient.isEmpty() || patientOf(a) == patient) && inRange(t, date_bounds)) {
                matches.append(a);
            }
        }
    } else {
        return outcomeReply(404, QStringLiteral("not-supported"),
                            QStringLiteral("unknown resource type"));
    }
    return bundle(matches, includes, query, url);
}

SimReply SimHttpServer::read(const QString& type, const QString& id)
{
    if (type == QLatin1String("Appointment") && state_.appointments.contains(id)) {
        return resourceOk(200, state_.appointments.value(id));
    }
    if (type == QLatin1String("Slot") && slot_index_.contains(id)) {
        return resourceOk(200, slotNow(slots_.at(slot_index_.value(id))));
    }
    const QList<QJsonObject>* lists[] = {&seed_.patients, &seed_.practitioners, &seed_.departments,
                                         &seed_.schedules};
    for (const QList<QJsonObject>* list : lists) {
        for (const QJsonObject& r : *list) {
            if (r.value(QStringLiteral("resourceType")).toString() == type &&
                r.value(QStringLiteral("id")).toString() == id) {
                return resourceOk(200, r);
            }
        }
    }
    return outcomeReply(404, QStringLiteral("not-found"),
                        QStringLiteral("%1/%2 is unknown").arg(type, id));
}

SimReply SimHttpServer::book(const SimRequest& request, bool* committed)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        return outcomeReply(400, QStringLiteral("structure"),
                            QStringLiteral("the body is not a JSON object"));
    }
    const QJsonObject in = doc.object();
    if (in.value(QStringLiteral("resourceType")).toString() != QLatin1String("Appointment")) {
        return outcomeReply(400, QStringLiteral("invalid"),
                            QStringLiteral("an Appointment is expected"));
    }
    QString booking = bookingIdentifier(in);
    const QString header = QString::fromUtf8(request.value(QByteArrayLiteral("If-None-Exist")));
    if (!header.isEmpty()) {
        const QString prefix = QStringLiteral("identifier=urn:medkiosk:booking|");
        const QString decoded = QUrl::fromPercentEncoding(header.toUtf8());
        if (!decoded.startsWith(prefix)) {
            return outcomeReply(400, QStringLiteral("invalid"),
                                QStringLiteral("unsupported If-None-Exist"));
        }
        booking = decoded.mid(prefix.size());
    }
    if (booking.isEmpty()) {
        return outcomeReply(400, QStringLiteral("invalid"),
                            QStringLiteral("a booking identifier is required"));
    }
    if (state_.booking_index.contains(booking)) {
        return resourceOk(200, state_.appointments.value(state_.booking_index.value(booking)));
    }
    const QString slot_ref = ref(in.value(QStringLiteral("slot")).toArray().at(0));
    const QString slot_id =
        slot_ref.startsWith(QLatin1String("Slot/")) ? slot_ref.mid(5) : QString();
    const QString patient = patientOf(in);
    if (!slot_index_.contains(slot_id)) {
        return outcomeReply(400, QStringLiteral("invalid"),
                            QStringLiteral("unknown or missing slot"));
    }
    bool patient_known = false;
    for (const QJsonObject& p : seed_.patients) {
        patient_known =
            patient_known ||
            QStringLiteral("Patient/") + p.value(QStringLiteral("id")).toString() == patient;
    }
    if (!patient_known) {
        return outcomeReply(400, QStringLiteral("invalid"),
                            QStringLiteral("unknown or missing patient"));
    }
    const SlotEntry& entry = slots_.at(slot_index_.value(slot_id));
    if (slotNow(entry).value(QStringLiteral("status")).toString() != QLatin1String("free")) {
        return outcomeReply(409, QStringLiteral("conflict"),
                            QStringLiteral("the slot is no longer free"));
    }
    const QString start = entry.slot.value(QStringLiteral("start")).toString();
    const QString day = start.left(10);
    int same_day = 0;
    for (const QJsonObject& a : std::as_const(state_.appointments)) {
        if (patientOf(a) == patient &&
            a.value(QStringLiteral("start")).toString().left(10) == day &&
            a.value(QStringLiteral("status")).toString() != QLatin1String("cancelled")) {
            ++same_day;
        }
    }
    if (same_day >= options_.max_bookings_per_patient_per_day) {
        return outcomeReply(422, QStringLiteral("business-rule"),
                            QStringLiteral("at most %1 bookings per patient per day")
                                .arg(options_.max_bookings_per_patient_per_day),
                            QStringLiteral("per-day"));
    }
    const QString id = QStringLiteral("appt-%1").arg(state_.next_id++);
    const QString day_key = QString(day).remove(QLatin1Char('-'));
    const int number = ++state_.day_counters[day_key];
    QJsonObject a = in;
    a.insert(QStringLiteral("id"), id);
    a.insert(QStringLiteral("meta"),
             QJsonObject{{QStringLiteral("versionId"), QStringLiteral("1")},
                         {QStringLiteral("lastUpdated"),
                          QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}});
    a.insert(QStringLiteral("status"), QStringLiteral("booked"));
    a.insert(QStringLiteral("start"), start);
    a.insert(QStringLiteral("end"), entry.slot.value(QStringLiteral("end")));
    a.insert(QStringLiteral("identifier"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:medkiosk:booking")},
                             {QStringLiteral("value"), booking}},
                 QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:medkiosk:appointment")},
                             {QStringLiteral("value"), QStringLiteral("A%1-%2").arg(day_key).arg(
                                                           number, 4, 10, QLatin1Char('0'))}}});
    a = withCheckinToken(a);
    state_.appointments.insert(id, a);
    state_.booking_index.insert(booking, id);
    state_.booked_slots.insert(slot_id);
    state_.appointments_created += 1;
    persist();
    *committed = true;
    qCInfo(lcPoolSim) << "booked" << id;
    SimReply r = resourceOk(201, a);
    r.headers.append({QByteArrayLiteral("Location"),
                      (baseUrl() + QStringLiteral("/Appointment/%1/_history/1").arg(id)).toUtf8()});
    return r;
}

SimReply SimHttpServer::checkIn(const QString& id, const QByteArray& if_match)
{
    if (!state_.appointments.contains(id)) {
        return outcomeReply(404, QStringLiteral("not-found"),
                            QStringLiteral("unknown appointment"));
    }
    QJsonObject a = state_.appointments.value(id);
    const QString status = a.value(QStringLiteral("status")).toString();
    if (status == QLatin1String("arrived")) {
        return resourceOk(200, a);
    }
    if (status == QLatin1String("cancelled")) {
        return outcomeReply(409, QStringLiteral("conflict"),
                            QStringLiteral("the appointment is cancelled"));
    }
    const QString version =
        a.value(QStringLiteral("meta")).toObject().value(QStringLiteral("versionId")).toString();
    if (QString::fromUtf8(if_match) != QStringLiteral("W/\"%1\"").arg(version)) {
        return outcomeReply(412, QStringLiteral("conflict"), QStringLiteral("version mismatch"));
    }
    const QString slot_id = ref(a.value(QStringLiteral("slot")).toArray().at(0)).mid(5);
    const QString key = slots_.at(slot_index_.value(slot_id)).schedule_id + QLatin1Char('|') +
                        a.value(QStringLiteral("start")).toString().left(10);
    const int sequence = ++state_.sequences[key];
    a.insert(QStringLiteral("status"), QStringLiteral("arrived"));
    a.insert(QStringLiteral("meta"),
             QJsonObject{{QStringLiteral("versionId"), QString::number(version.toInt() + 1)},
                         {QStringLiteral("lastUpdated"),
                          QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}});
    QJsonArray ext = a.value(QStringLiteral("extension")).toArray();
    // First, before the check-in token extension (clients that read extension[0] keep working).
    ext.prepend(QJsonObject{
        {QStringLiteral("url"),
         QStringLiteral("http://medkiosk.example/fhir/StructureDefinition/visit-sequence")},
        {QStringLiteral("valuePositiveInt"), sequence}});
    a.insert(QStringLiteral("extension"), ext);
    state_.appointments.insert(id, a);
    persist();
    return resourceOk(200, a);
}

}  // namespace mk::sim
