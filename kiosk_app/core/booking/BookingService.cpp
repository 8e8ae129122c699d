#include "core/booking/BookingService.h"

#include "core/booking/BookingCache.h"
#include "core/booking/BookingSession.h"
#include "core/common/Log.h"
#include "core/store/Store.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace mk::booking {

namespace {

class ServiceText
{
    Q_DECLARE_TR_FUNCTIONS(mk::booking::BookingService)
};

constexpr int kWorkerThreads = 4;
constexpr qsizetype kMaxAlternatives = 3;

using NoteFn = std::function<void(const Error*)>;

// A fresh value from the pool (written to the cache), or on a transient failure the cached
// value marked stale, or the error.
template<typename T, typename Fetch, typename Decode>
Result<Fetched<T>> fetchWithCache(store::Store* store, const QString& key, const QDateTime& now,
                                  Fetch&& fetch, Decode&& decode, const NoteFn& note)
{
    Result<T> fresh = fetch();
    note(fresh.ok() ? nullptr : &fresh.error());
    if (fresh.ok()) {
        if (store) {
            if (Status s = store->putCache(key, cache::encode(fresh.value()), now); !s) {
                qCWarning(lcBooking) << "cache write failed for" << key << s.error().detail;
            }
        }
        return Fetched<T>{std::move(fresh).value(), false, now};
    }
    const Error error = fresh.error();
    if (!store || !error.isTransient()) return error;
    const std::optional<store::CacheEntry> entry = store->getCache(key);
    if (!entry) return error;
    std::optional<T> cached = decode(entry->payload);
    if (!cached) {
        qCWarning(lcBooking) << "unreadable cache entry" << key;
        return error;
    }
    qCInfo(lcBooking) << "pool unreachable, serving cached" << key << "from"
                      << entry->fetched_at.toString(Qt::ISODate);
    return Fetched<T>{std::move(*cached), true, entry->fetched_at};
}

QDate hospitalDay(const QDateTime& t, const BookingRules& rules)
{
    return t.toTimeZone(HospitalClock::zoneFor(rules.timezone_id)).date();
}

// Up to three free slots of schedule_ids on the slot's day that the rules allow, nearest in time
// to the taken one first (earlier first on a tie).
QList<fhir::Slot> nearestFree(pool::PoolClient& client, const BookingRules& rules,
                              const QDateTime& now, const fhir::Slot& taken,
                              const QList<fhir::Appointment>& existing,
                              const QStringList& schedule_ids, const NoteFn& note)
{
    if (schedule_ids.isEmpty()) return {};
    pool::SlotQuery query;
    query.schedule_ids = schedule_ids;
    query.day = hospitalDay(taken.start, rules);
    query.free_only = true;
    Result<QList<fhir::Slot>> found = client.slots(query);
    note(found.ok() ? nullptr : &found.error());
    if (!found) return {};

    QList<fhir::Slot> candidates;
    for (const fhir::Slot& s : found.value()) {
        if (!s.isFree() || s.id == taken.id || !s.start.isValid()) continue;
        if (hospitalDay(s.start, rules) != query.day) continue;
        if (!rules.checkBooking(s, existing, now).ok()) continue;
        candidates.append(s);
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [&taken](const fhir::Slot& a, const fhir::Slot& b) {
                         const qint64 da = qAbs(taken.start.secsTo(a.start));
                         const qint64 db = qAbs(taken.start.secsTo(b.start));
                         return da != db ? da < db : a.start < b.start;
                     });
    return candidates.mid(0, kMaxAlternatives);
}

struct BookingInput {
    QString patient_id;
    fhir::Doctor doctor;
    QString department_id;
    fhir::Slot slot;
    QStringList department_schedule_ids;
    QDateTime now;
    bool online = true;
};

BookingOutcome bookNow(pool::PoolClient& client, const BookingRules& rules, const BookingInput& in,
                       const NoteFn& note)
{
    BookingOutcome outcome;
    if (!in.online) {
        // Nothing is booked offline (DESIGN §4). A light probe first, so that "try again" works
        // as soon as the pool is back even when nothing else asked it in between.
        const Status probe = client.probe();
        note(probe.ok() ? nullptr : &probe.error());
        if (!probe.ok()) {
            outcome.error = makeError(
                ErrorCode::Offline,
                ServiceText::tr("The booking pool is unreachable (%1)").arg(probe.error().detail));
            return outcome;
        }
    }

    const QDate day = hospitalDay(in.slot.start, rules);
    Result<QList<fhir::Appointment>> existing =
        client.appointmentsOf(in.patient_id, day, day.addDays(1));
    note(existing.ok() ? nullptr : &existing.error());
    if (!existing) {
        outcome.error = existing.error();
        return outcome;
    }
    if (Status allowed = rules.checkBooking(in.slot, existing.value(), in.now); !allowed) {
        qCInfo(lcBooking) << "booking refused by rule" << allowed.error().rule;
        outcome.error = allowed.error();
        return outcome;
    }

    pool::BookingRequest request;
    request.client_identifier = QUuid::createUuid().toString(QUuid::WithoutBraces);
    request.slot = in.slot;
    request.patient_id = in.patient_id;
    request.practitioner_id = in.doctor.id;
    request.department_id = in.department_id;
    Result<fhir::Appointment> booked = client.book(request);
    note(booked.ok() ? nullptr : &booked.error());
    if (booked) {
        qCInfo(lcBooking) << "booked slot" << in.slot.id;
        outcome.booked = true;
        outcome.appointment = std::move(booked).value();
        return outcome;
    }

    outcome.error = booked.error();
    qCInfo(lcBooking) << "booking of slot" << in.slot.id << "failed:" << outcome.error.detail;
    if (outcome.error.code == ErrorCode::Conflict) {
        const QString schedule =
            in.slot.schedule_id.isEmpty() ? in.doctor.schedule_id : in.slot.schedule_id;
        outcome.alternatives = nearestFree(client, rules, in.now, in.slot, existing.value(),
                                           QStringList{schedule}, note);
        if (outcome.alternatives.isEmpty()) {
            outcome.alternatives = nearestFree(client, rules, in.now, in.slot, existing.value(),
                                               in.department_schedule_ids, note);
        }
    }
    return outcome;
}

}  // namespace

BookingService::BookingService(std::shared_ptr<pool::PoolClient> client, store::Store* store,
                               BookingRules rules, QObject* parent)
    : QObject(parent),
      client_(std::move(client)),
      store_(store),
      rules_(std::move(rules)),
      clock_(rules_.timezone_id)
{
    workers_.setMaxThreadCount(kWorkerThreads);
}

BookingService::~BookingService()
{
    // Workers use this object (noteResult); let the requests under way finish first.
    workers_.waitForDone();
}

void BookingService::setClock(Clock clock)
{
    clock_.setSource(std::move(clock));
}

QDateTime BookingService::now() const
{
    return clock_.now();
}

void BookingService::noteResult(const Error* error)
{
    // The pool answered (even with a refusal) unless the request could not get through.
    const bool reachable =
        error == nullptr || !error->isTransient() || error->code == ErrorCode::RateLimited;
    if (online_.exchange(reachable) == reachable) return;
    qCInfo(lcBooking) << (reachable ? "pool reachable again" : "pool unreachable");
    // Emitted on the service's thread, with the latest value (so out-of-order workers cannot leave
    // the screens with a stale state).
    QMetaObject::invokeMethod(
        this,
        [this] {
            const bool current = online_.load();
            if (current == announced_online_) return;
            announced_online_ = current;
            Q_EMIT onlineChanged(current);
        },
        Qt::QueuedConnection);
}

QFuture<Result<QList<fhir::Patient>>> BookingService::findPatients(const pool::PatientQuery& query)
{
    return QtConcurrent::run(&workers_, [this, client = client_, query] {
        Result<QList<fhir::Patient>> r = client->findPatients(query);
        noteResult(r.ok() ? nullptr : &r.error());
        return r;
    });
}

QFuture<Result<QList<fhir::Patient>>> BookingService::dependents(const QString& guardian_patient_id)
{
    return QtConcurrent::run(&workers_, [this, client = client_, guardian_patient_id] {
        Result<QList<fhir::Patient>> r = client->dependents(guardian_patient_id);
        noteResult(r.ok() ? nullptr : &r.error());
        return r;
    });
}

QFuture<Result<fhir::Patient>> BookingService::patient(const QString& patient_id)
{
    return QtConcurrent::run(&workers_, [this, client = client_, patient_id] {
        Result<fhir::Patient> r = client->patient(patient_id);
        noteResult(r.ok() ? nullptr : &r.error());
        return r;
    });
}

QFuture<Result<SignIn>> BookingService::signIn(const fhir::Patient& person)
{
    return QtConcurrent::run(&workers_, [this, client = client_, person]() -> Result<SignIn> {
        Result<QList<fhir::Patient>> children = client->dependents(person.id);
        noteResult(children.ok() ? nullptr : &children.error());
        if (!children.ok()) return children.error();
        return SignIn{person, std::move(children).value()};
    });
}

QFuture<Result<SignIn>> BookingService::signInById(const QString& patient_id)
{
    return QtConcurrent::run(&workers_, [this, client = client_, patient_id]() -> Result<SignIn> {
        Result<fhir::Patient> person = client->patient(patient_id);
        noteResult(person.ok() ? nullptr : &person.error());
        if (!person.ok()) return person.error();
        Result<QList<fhir::Patient>> children = client->dependents(patient_id);
        noteResult(children.ok() ? nullptr : &children.error());
        if (!children.ok()) return children.error();
        return SignIn{std::move(person).value(), std::move(children).value()};
    });
}

bool applySignIn(const SignIn& sign_in, BookingSession& session)
{
    session.identified = sign_in.person;
    session.children = sign_in.children;
    session.patient.reset();
    if (!session.children.isEmpty()) return true;
    session.patient = session.identified;
    return false;
}

QFuture<Result<Fetched<QList<fhir::Department>>>> BookingService::departments()
{
    const QDateTime at = now();
    return QtConcurrent::run(&workers_, [this, client = client_, store = store_, at] {
        return fetchWithCache<QList<fhir::Department>>(
            store, cache::departmentsKey(), at, [&client] { return client->departments(); },
            &cache::decodeDepartments, [this](const Error* e) { noteResult(e); });
    });
}

QFuture<Result<Fetched<QList<fhir::Doctor>>>> BookingService::doctors(const QString& department_id)
{
    const QDateTime at = now();
    return QtConcurrent::run(
        &workers_, [this, client = client_, store = store_, at, department_id] {
            return fetchWithCache<QList<fhir::Doctor>>(
                store, cache::doctorsKey(department_id), at,
                [&client, &department_id] { return client->doctors(department_id); },
                &cache::decodeDoctors, [this](const Error* e) { noteResult(e); });
        });
}

QFuture<Result<Fetched<QList<fhir::Slot>>>> BookingService::slotsForDay(
    const QStringList& schedule_ids, const QDate& day)
{
    const QDateTime at = now();
    return QtConcurrent::run(
        &workers_, [this, client = client_, store = store_, at, schedule_ids, day] {
            pool::SlotQuery query;
            query.schedule_ids = schedule_ids;
            query.day = day;
            query.free_only = false;
            return fetchWithCache<QList<fhir::Slot>>(
                store, cache::slotsKey(schedule_ids, day), at,
                [&client, &query] { return client->slots(query); }, &cache::decodeSlots,
                [this](const Error* e) { noteResult(e); });
        });
}

QFuture<BookingOutcome> BookingService::book(const QString& patient_id, const fhir::Doctor& doctor,
                                             const QString& department_id, const fhir::Slot& slot,
                                             const QStringList& department_schedule_ids)
{
    BookingInput input;
    input.patient_id = patient_id;
    input.doctor = doctor;
    input.department_id = department_id;
    input.slot = slot;
    input.department_schedule_ids = department_schedule_ids;
    input.now = now();  // the clock is read on this thread only
    input.online = online_.load();
    return QtConcurrent::run(&workers_, [this, client = client_, rules = rules_, input] {
        return bookNow(*client, rules, input, [this](const Error* e) { noteResult(e); });
    });
}

QFuture<Status> BookingService::probe()
{
    return QtConcurrent::run(&workers_, [this, client = client_] {
        Status s = client->probe();
        noteResult(s.ok() ? nullptr : &s.error());
        return s;
    });
}

}  // namespace mk::booking
