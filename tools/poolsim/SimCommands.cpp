// Outbox commands on the simulator (docs/pool-protocol.md "Outbox commands"): Idempotency-Key
// replay of POSTs, Appointment/{id}/$cancel, the applied counters (the exactly-once oracle of the
// outbox tests) and a helper that creates booked appointments for tests and benchmarks.
#include "SimHttpServer.h"
#include "SimLog.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace mk::sim {
namespace {

QString statusOf(const QMap<QString, QJsonObject>& appointments, const QString& id)
{
    const auto it = appointments.constFind(id);
    return it == appointments.cend() ? QString() : it->value(QStringLiteral("status")).toString();
}

QByteArray headerOf(const SimReply& reply, const QByteArray& name)
{
    for (const auto& h : reply.headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            return h.second;
        }
    }
    return {};
}

SimReply appointmentReply(const QJsonObject& a)
{
    SimReply r;
    r.status = 200;
    r.body = QJsonDocument(a).toJson(QJsonDocument::Compact);
    const QString version =
        a.value(QStringLiteral("meta")).toObject().value(QStringLiteral("versionId")).toString();
    r.headers.append({QByteArrayLiteral("ETag"),
                      QByteArrayLiteral("W/\"") + version.toUtf8() + QByteArrayLiteral("\"")});
    return r;
}

// What an Idempotency-Key is bound to: method, path (with any query) and a hash of the body.
QString fingerprintOf(const SimRequest& request)
{
    QByteArray target = request.url.path(QUrl::FullyEncoded).toUtf8();
    if (request.url.hasQuery()) {
        target += '?' + request.url.query(QUrl::FullyEncoded).toUtf8();
    }
    return QString::fromLatin1(
        request.method + ' ' + target + ' ' +
        QCryptographicHash::hash(request.body, QCryptographicHash::Sha256).toHex());
}

}  // namespace

SimCommandStats SimHttpServer::commandStats() const
{
    SimCommandStats s;
    s.checkins_applied = state_.checkins_applied;
    s.cancels_applied = state_.cancels_applied;
    s.idempotent_replays = state_.idempotent_replays;
    s.duplicate_commands = state_.duplicate_commands;
    return s;
}

SimReply SimHttpServer::command(const SimRequest& request, const QStringList& parts,
                                bool* committed)
{
    const bool is_post = request.isPost();
    // GET and HEAD change nothing: a key on them is ignored. Every other method is bound to it.
    const bool keyed_method = !request.isGet() && request.method != "HEAD";
    const QString key = QString::fromUtf8(request.value(QByteArrayLiteral("Idempotency-Key")));
    const bool keyed = keyed_method && !key.isEmpty();
    if (keyed) {
        const QString fingerprint = fingerprintOf(request);
        const auto bound = state_.idempotent_requests.constFind(key);
        // A reply remembered by an older simulator, without its request, cannot be proven to
        // belong to this request: refused like a reuse.
        const bool reused = bound != state_.idempotent_requests.cend()
                                ? *bound != fingerprint
                                : state_.idempotent_replies.contains(key);
        if (reused) {
            qCWarning(lcPoolSim) << "Idempotency-Key reused for another request:" << request.method
                                 << request.url.path();
            return outcomeReply(422, QStringLiteral("business-rule"),
                                QStringLiteral("this Idempotency-Key was already used for a "
                                               "different request (method, path or body)"),
                                QStringLiteral("idempotency-key-reused"));
        }
        const auto it = state_.idempotent_replies.constFind(key);
        if (it != state_.idempotent_replies.cend()) {
            state_.idempotent_replays += 1;
            persist();
            SimReply r;
            r.status = it->value(QStringLiteral("status")).toInt(200);
            r.body = it->value(QStringLiteral("body")).toString().toUtf8();
            const QString etag = it->value(QStringLiteral("etag")).toString();
            if (!etag.isEmpty()) {
                r.headers.append({QByteArrayLiteral("ETag"), etag.toUtf8()});
            }
            r.headers.append({QByteArrayLiteral("Idempotent-Replayed"), QByteArrayLiteral("true")});
            return r;
        }
        // Bound from its first use on, whatever the outcome (a refused request may be retried
        // with the same key, never another one).
        state_.idempotent_requests.insert(key, fingerprint);
    }
    const bool is_appointment_op =
        is_post && parts.size() == 3 && parts.at(0) == QLatin1String("Appointment");
    SimReply reply;
    if (is_appointment_op && parts.at(2) == QLatin1String("$cancel")) {
        reply = cancel(parts.at(1));
    } else if (is_appointment_op && parts.at(2) == QLatin1String("$check-in")) {
        const QString before = statusOf(state_.appointments, parts.at(1));
        reply = route(request, parts, committed);
        const QString after = statusOf(state_.appointments, parts.at(1));
        if (before != QLatin1String("arrived") && after == QLatin1String("arrived")) {
            state_.checkins_applied += 1;
            *committed = true;
        } else if (before == QLatin1String("arrived") && reply.status == 200) {
            state_.duplicate_commands += 1;
        }
    } else {
        reply = route(request, parts, committed);
    }
    if (keyed && reply.status >= 200 && reply.status <= 299) {
        // Only a result that did something is remembered: a refused request changed nothing,
        // so its retry is executed again.
        state_.idempotent_replies.insert(
            key, QJsonObject{{QStringLiteral("status"), reply.status},
                             {QStringLiteral("body"), QString::fromUtf8(reply.body)},
                             {QStringLiteral("etag"),
                              QString::fromUtf8(headerOf(reply, QByteArrayLiteral("ETag")))}});
    }
    if (is_post || keyed) {
        persist();
    }
    return reply;
}

SimReply SimHttpServer::cancel(const QString& id)
{
    if (!state_.appointments.contains(id)) {
        return outcomeReply(404, QStringLiteral("not-found"),
                            QStringLiteral("unknown appointment"));
    }
    QJsonObject a = state_.appointments.value(id);
    const QString status = a.value(QStringLiteral("status")).toString();
    if (status == QLatin1String("cancelled")) {
        state_.duplicate_commands += 1;
        return appointmentReply(a);  // already done: unchanged
    }
    if (status == QLatin1String("arrived") || status == QLatin1String("checked-in") ||
        status == QLatin1String("fulfilled")) {
        // The patient is in the waiting room (or was seen): the slot stays theirs.
        return outcomeReply(422, QStringLiteral("business-rule"),
                            QStringLiteral("the appointment has already arrived; it cannot be "
                                           "cancelled"),
                            QStringLiteral("already-arrived"));
    }
    const QString version =
        a.value(QStringLiteral("meta")).toObject().value(QStringLiteral("versionId")).toString();
    a.insert(QStringLiteral("status"), QStringLiteral("cancelled"));
    a.insert(QStringLiteral("meta"),
             QJsonObject{{QStringLiteral("versionId"), QString::number(version.toInt() + 1)},
                         {QStringLiteral("lastUpdated"),
                          QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}});
    state_.appointments.insert(id, a);
    const QString slot_ref = a.value(QStringLiteral("slot"))
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value(QStringLiteral("reference"))
                                 .toString();
    bool slot_still_used = false;
    for (const QJsonObject& other : std::as_const(state_.appointments)) {
        slot_still_used = slot_still_used || (other.value(QStringLiteral("status")).toString() !=
                                                  QLatin1String("cancelled") &&
                                              other.value(QStringLiteral("slot"))
                                                      .toArray()
                                                      .at(0)
                                                      .toObject()
                                                      .value(QStringLiteral("reference"))
                                                      .toString() == slot_ref);
    }
    if (!slot_still_used) {
        state_.booked_slots.remove(slot_ref.mid(5));
    }
    state_.cancels_applied += 1;
    qCInfo(lcPoolSim) << "cancelled" << id;
    return appointmentReply(a);
}

QStringList SimHttpServer::createAppointments(int n)
{
    QStringList ids;
    if (slots_.isEmpty() || seed_.patients.isEmpty()) {
        return ids;
    }
    for (int i = 0; i < n; ++i) {
        const SlotEntry& entry = slots_.at(i % slots_.size());
        const QJsonObject& patient = seed_.patients.at(i % seed_.patients.size());
        const QString id = QStringLiteral("appt-%1").arg(state_.next_id++);
        const QString start = entry.slot.value(QStringLiteral("start")).toString();
        const QString day_key = start.left(10).remove(QLatin1Char('-'));
        const int number = ++state_.day_counters[day_key];
        const QString booking = QStringLiteral("sim-created-%1").arg(id);
        const QJsonObject a{
            {QStringLiteral("resourceType"), QStringLiteral("Appointment")},
            {QStringLiteral("id"), id},
            {QStringLiteral("meta"),
             QJsonObject{{QStringLiteral("versionId"), QStringLiteral("1")}}},
            {QStringLiteral("status"), QStringLiteral("booked")},
            {QStringLiteral("start"), start},
            {QStringLiteral("end"), entry.slot.value(QStringLiteral("end"))},
            {QStringLiteral("slot"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("reference"),
                  QStringLiteral("Slot/") + entry.slot.value(QStringLiteral("id")).toString()}}}},
            {QStringLiteral("participant"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("actor"),
                              QJsonObject{{QStringLiteral("reference"),
                                           QStringLiteral("Patient/") +
                                               patient.value(QStringLiteral("id")).toString()}}},
                             {QStringLiteral("status"), QStringLiteral("accepted")}}}},
            {QStringLiteral("identifier"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:medkiosk:booking")},
                             {QStringLiteral("value"), booking}},
                 QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:medkiosk:appointment")},
                             {QStringLiteral("value"), QStringLiteral("A%1-%2").arg(day_key).arg(
                                                           number, 4, 10, QLatin1Char('0'))}}}}};
        state_.appointments.insert(id, withCheckinToken(a));
        state_.booking_index.insert(booking, id);
        state_.booked_slots.insert(entry.slot.value(QStringLiteral("id")).toString());
        ids.append(id);
    }
    persist();
    return ids;
}

}  // namespace mk::sim
