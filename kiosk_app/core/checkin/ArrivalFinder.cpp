#include "core/checkin/ArrivalFinder.h"

#include "core/checkin/AppointmentLookup.h"
#include "core/common/HospitalClock.h"
#include "core/common/Masking.h"
#include "core/pool/PoolClient.h"
#include "core/store/SqlCipherDb.h"
#include "core/store/SqlStatement.h"
#include "core/store/Store.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace mk::checkin {

namespace {

QJsonObject toJson(const ArrivalItem& i)
{
    return QJsonObject{{QStringLiteral("id"), i.appointment_id},
                       {QStringLiteral("number"), i.appointment_number},
                       {QStringLiteral("patient"), i.patient_id},
                       {QStringLiteral("masked"), i.patient_name_masked},
                       {QStringLiteral("child"), i.is_child},
                       {QStringLiteral("dept"), i.department_id},
                       {QStringLiteral("doctor"), i.practitioner_id},
                       {QStringLiteral("start"), i.start.toSecsSinceEpoch()},
                       {QStringLiteral("token"), i.checkin_token},
                       {QStringLiteral("building"), i.building},
                       {QStringLiteral("floor"), i.floor},
                       {QStringLiteral("arrived"), i.arrived},
                       {QStringLiteral("visit"), i.visit_number}};
}

ArrivalItem itemFromJson(const QJsonObject& o, const QTimeZone& zone)
{
    ArrivalItem i;
    i.appointment_id = o.value(QStringLiteral("id")).toString();
    i.appointment_number = o.value(QStringLiteral("number")).toString();
    i.patient_id = o.value(QStringLiteral("patient")).toString();
    i.patient_name_masked = o.value(QStringLiteral("masked")).toString();
    i.is_child = o.value(QStringLiteral("child")).toBool();
    i.department_id = o.value(QStringLiteral("dept")).toString();
    i.practitioner_id = o.value(QStringLiteral("doctor")).toString();
    i.start =
        QDateTime::fromSecsSinceEpoch(qint64(o.value(QStringLiteral("start")).toDouble()), zone);
    i.checkin_token = o.value(QStringLiteral("token")).toString();
    i.building = o.value(QStringLiteral("building")).toString();
    i.floor = o.value(QStringLiteral("floor")).toInt();
    i.arrived = o.value(QStringLiteral("arrived")).toBool();
    i.visit_number = o.value(QStringLiteral("visit")).toInt();
    return i;
}

ArrivalStatus statusOf(const ArrivalList& list)
{
    if (!list.today.isEmpty()) {
        return list.choosable().isEmpty() ? ArrivalStatus::Elsewhere : ArrivalStatus::Found;
    }
    return list.next_day ? ArrivalStatus::OtherDay : ArrivalStatus::NoneToday;
}

ArrivalList failedList(ArrivalStatus status, const Error& error)
{
    ArrivalList l;
    l.status = status;
    l.error = error;
    return l;
}

}  // namespace

ArrivalFinder::ArrivalFinder(pool::PoolClient& client, AppointmentLookup& lookup,
                             store::Store& store, const CheckinOptions& options)
    : client_(client), lookup_(lookup), store_(store), options_(options)
{}

QString ArrivalFinder::cacheKey(const QString& who, const QDate& day)
{
    const QByteArray hash =
        QCryptographicHash::hash(QByteArrayLiteral("medkiosk checkin arrivals v1|") + who.toUtf8(),
                                 QCryptographicHash::Sha256)
            .toHex()
            .left(32);
    return QStringLiteral("checkin-arrivals:%1:%2")
        .arg(QString::fromLatin1(hash), day.toString(Qt::ISODate));
}

ArrivalPlace ArrivalFinder::placeOf(const CheckinOptions& options, const QString& building,
                                    int floor)
{
    if (!options.building.isEmpty() && !building.isEmpty() &&
        building.compare(options.building, Qt::CaseInsensitive) != 0) {
        return ArrivalPlace::OtherBuilding;
    }
    if (options.floor != 0 && floor != 0 && floor != options.floor) {
        return ArrivalPlace::OtherFloor;
    }
    return ArrivalPlace::Here;
}

void ArrivalFinder::place(ArrivalItem& item) const
{
    item.place = placeOf(options_, item.building, item.floor);
}

ArrivalList ArrivalFinder::byCard(const QString& card_identifier, const QDateTime& now, bool online)
{
    const QString who = QStringLiteral("card:") + card_identifier;
    const QDate day = now.toTimeZone(HospitalClock::zoneFor(options_.timezone)).date();
    if (!online) return fromCache(who, day);
    auto patient_id = lookup_.patientIdByCard(card_identifier);
    if (!patient_id) {
        if (patient_id.error().isTransient()) return fromCache(who, day);
        if (patient_id.error().code == ErrorCode::NotFound) {
            return failedList(ArrivalStatus::UnknownCard, patient_id.error());
        }
        return failedList(ArrivalStatus::Failed, patient_id.error());
    }
    ArrivalList list = fromPool(patient_id.value(), now);
    if (list.status == ArrivalStatus::Failed && list.error.isTransient()) {
        return fromCache(who, day);
    }
    if (list.status != ArrivalStatus::Failed) save(who, day, list);
    return list;
}

ArrivalList ArrivalFinder::byPatient(const QString& patient_id, const QDateTime& now, bool online)
{
    const QString who = QStringLiteral("patient:") + patient_id;
    const QDate day = now.toTimeZone(HospitalClock::zoneFor(options_.timezone)).date();
    if (!online) return fromCache(who, day);
    ArrivalList list = fromPool(patient_id, now);
    if (list.status == ArrivalStatus::Failed && list.error.isTransient()) {
        return fromCache(who, day);
    }
    if (list.status != ArrivalStatus::Failed) save(who, day, list);
    return list;
}

ArrivalList ArrivalFinder::fromPool(const QString& patient_id, const QDateTime& now)
{
    const QTimeZone zone = HospitalClock::zoneFor(options_.timezone);
    const QDate today = now.toTimeZone(zone).date();
    auto person = client_.patient(patient_id);
    if (!person) return failedList(ArrivalStatus::Failed, person.error());
    QList<fhir::Patient> people{person.value()};
    auto children = client_.dependents(patient_id);
    if (!children) return failedList(ArrivalStatus::Failed, children.error());
    people += children.value();

    ArrivalList list;
    const QDateTime from = today.startOfDay(zone);
    const QDateTime to = today.addDays(kLookAheadDays).startOfDay(zone);
    for (const fhir::Patient& p : std::as_const(people)) {
        auto found = lookup_.appointmentsIn(p.id, from, to);
        if (!found) return failedList(ArrivalStatus::Failed, found.error());
        for (const PlacedAppointment& pa : std::as_const(found.value())) {
            const fhir::Appointment& a = pa.appointment;
            if (a.status == fhir::AppointmentStatus::Cancelled) continue;
            ArrivalItem i;
            i.appointment_id = a.id;
            i.appointment_number = a.appointment_number;
            i.patient_id = p.id;
            i.patient_name_masked = maskName(p.name.zh);
            i.is_child = p.id != patient_id;
            i.department_id = a.department_id;
            i.practitioner_id = a.practitioner_id;
            i.start = a.start.toTimeZone(zone);
            i.checkin_token = a.checkin_token;
            i.building = pa.building;
            i.floor = pa.floor;
            i.arrived = a.status == fhir::AppointmentStatus::Arrived;
            i.visit_number = a.visit_sequence;
            place(i);
            if (i.start.date() == today) {
                list.today.append(i);
            } else if (i.start.date() > today &&
                       (!list.next_day || i.start < list.next_day->start)) {
                list.next_day = i;
            }
        }
    }
    std::sort(list.today.begin(), list.today.end(),
              [](const ArrivalItem& a, const ArrivalItem& b) { return a.start < b.start; });
    list.status = statusOf(list);
    return list;
}

void ArrivalFinder::save(const QString& who, const QDate& day, const ArrivalList& list)
{
    QJsonArray today;
    for (const ArrivalItem& i : list.today) today.append(toJson(i));
    QJsonObject o{{QStringLiteral("v"), 1}, {QStringLiteral("today"), today}};
    if (list.next_day) o.insert(QStringLiteral("next"), toJson(*list.next_day));
    // A failure to cache costs only the offline fallback; the list itself is shown.
    (void)store_.putCache(cacheKey(who, day), QJsonDocument(o).toJson(QJsonDocument::Compact),
                          QDateTime::currentDateTimeUtc());
    // Earlier days' lists are of no use any more: they go (personal data kept no longer).
    (void)store_.withTransaction([&day](store::SqlCipherDb& db) -> Status {
        auto stmt = db.prepare(QByteArrayLiteral(
            "DELETE FROM cache WHERE key LIKE 'checkin-arrivals:%' AND key NOT LIKE ?1"));
        if (!stmt) return stmt.error();
        if (Status b = stmt.value().bind(
                1, QStringLiteral("checkin-arrivals:%:") + day.toString(Qt::ISODate));
            !b) {
            return b;
        }
        return stmt.value().run();
    });
}

ArrivalList ArrivalFinder::fromCache(const QString& who, const QDate& day)
{
    const auto entry = store_.getCache(cacheKey(who, day));
    const Error offline =
        makeError(ErrorCode::Offline, QStringLiteral("the pool is away and nothing is cached"));
    if (!entry) return failedList(ArrivalStatus::NeedsPool, offline);
    const QJsonObject o = QJsonDocument::fromJson(entry->payload).object();
    if (o.value(QStringLiteral("v")).toInt() != 1) {
        return failedList(ArrivalStatus::NeedsPool, offline);
    }
    const QTimeZone zone = HospitalClock::zoneFor(options_.timezone);
    ArrivalList list;
    list.from_cache = true;
    for (const QJsonValue& v : o.value(QStringLiteral("today")).toArray()) {
        ArrivalItem i = itemFromJson(v.toObject(), zone);
        place(i);
        list.today.append(i);
    }
    if (o.contains(QStringLiteral("next"))) {
        ArrivalItem i = itemFromJson(o.value(QStringLiteral("next")).toObject(), zone);
        place(i);
        list.next_day = i;
    }
    list.status = statusOf(list);
    return list;
}

}  // namespace mk::checkin
