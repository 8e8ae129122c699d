// BookingService against the real pool simulator over HTTP, a real PoolClient and an in-memory
// encrypted store: fresh and stale (cached) data, offline booking refused, conflicts with the
// nearest alternatives, rules checked before anything is sent, online state changes.
#include "core/booking/BookingService.h"
#include "core/pool/PoolClient.h"
#include "core/store/Store.h"
#include "poolsim/SimulatorThread.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

#include <memory>

using mk::booking::BookingOutcome;
using mk::booking::BookingRules;
using mk::booking::BookingService;
using mk::booking::Fetched;
using mk::fhir::Slot;

namespace {

const QDate kFirstDay(2026, 11, 23);
constexpr int kWaitMs = 60000;

QDateTime hospitalTime(const QDate& day, int hour, int minute = 0)
{
    return QDateTime(day, QTime(hour, minute), QTimeZone(QByteArrayLiteral("Asia/Shanghai")));
}

// Waits for a worker's result; then lets queued signals (onlineChanged) through.
template<typename T>
T await(QFuture<T> future)
{
    future.waitForFinished();
    QCoreApplication::processEvents();
    return future.result();
}

// Demo data ids: dept-ped -> Practitioner pr-ped-01, Schedule sch-ped-01.
mk::fhir::Doctor doctorOf(const QString& dept, int n)
{
    const QString shortName = QString(dept).remove(QStringLiteral("dept-"));
    mk::fhir::Doctor d;
    d.id = QStringLiteral("pr-%1-%2").arg(shortName).arg(n, 2, 10, QLatin1Char('0'));
    d.schedule_id = QStringLiteral("sch-%1-%2").arg(shortName).arg(n, 2, 10, QLatin1Char('0'));
    return d;
}

}  // namespace

class TestBookingService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void departmentsFresh();
    void slotsStaleDuringOutage();
    void noCacheDuringOutageIsAnError();
    void noStoreDuringOutageIsAnError();
    void bookWhileOfflineSendsNothing();
    void conflictOffersNearestFreeSlots();
    void fullDoctorFallsBackToTheDepartment();
    void perDayRuleCheckedBeforeSending();
    void daysAheadFollowsTheClock();
    void transientFailureKeepsItsCode();
    void onlineChangedOnOutageAndRecovery();

private:
    // Free slots of a schedule on a day, fresh from the pool.
    QList<Slot> freeSlots(const QString& schedule_id, const QDate& day);
    void setOutage(bool on);

    std::unique_ptr<mk::sim::SimulatorThread> sim_;
    std::shared_ptr<mk::pool::PoolClient> client_;
    std::unique_ptr<mk::store::Store> store_;
    std::unique_ptr<BookingService> service_;
};

void TestBookingService::init()
{
    mk::sim::SimOptions options;
    options.first_day = kFirstDay;
    options.require_auth = false;  // not about authorisation (tests/pool/tst_kioskauth is)
    sim_ = std::make_unique<mk::sim::SimulatorThread>(options);
    QString error;
    QVERIFY2(sim_->start(&error), qPrintable(error));

    mk::pool::PoolOptions pool;
    pool.base_url = sim_->baseUrl();
    pool.connect_timeout_ms = 5000;
    pool.request_timeout_ms = 20000;  // a loaded 2-core machine
    pool.max_attempts = 2;
    pool.backoff_base_ms = 20;
    client_ = std::make_shared<mk::pool::PoolClient>(pool);

    auto store = mk::store::Store::open(
        QStringLiteral(":memory:"),
        mk::store::SecureKey(QByteArray(mk::store::SecureKey::kSizeBytes, 'k')));
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().detail));
    store_ = std::move(store).value();

    service_ = std::make_unique<BookingService>(client_, store_.get(), BookingRules{});
    service_->setClock([] { return hospitalTime(kFirstDay, 7); });
}

void TestBookingService::cleanup()
{
    service_.reset();
    store_.reset();
    client_.reset();
    sim_.reset();
}

QList<Slot> TestBookingService::freeSlots(const QString& schedule_id, const QDate& day)
{
    mk::pool::SlotQuery query;
    query.schedule_ids = {schedule_id};
    query.day = day;
    query.free_only = true;
    auto slots = client_->slots(query);
    return slots.ok() ? slots.value() : QList<Slot>{};
}

void TestBookingService::setOutage(bool on)
{
    mk::sim::FaultSpec fault;
    fault.mode = on ? QStringLiteral("outage") : QStringLiteral("none");
    fault.count = on ? -1 : 0;
    sim_->setFault(fault);
}

void TestBookingService::departmentsFresh()
{
    const auto r = await(service_->departments());
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().detail));
    const Fetched<QList<mk::fhir::Department>>& fetched = r.value();
    QVERIFY(!fetched.stale);
    QVERIFY(fetched.fetched_at.isValid());
    QCOMPARE(fetched.value.size(), 6);
    bool pediatrics = false;
    for (const auto& d : fetched.value) {
        pediatrics = pediatrics || (d.id == QLatin1String("dept-ped") &&
                                    d.name.en == QLatin1String("General Pediatrics"));
    }
    QVERIFY(pediatrics);
    QVERIFY(service_->online());
}

void TestBookingService::slotsStaleDuringOutage()
{
    // A real clock here: fetched_at must be the time of the first fetch.
    service_->setClock({});
    const QStringList ids = {QStringLiteral("sch-eye-02"), QStringLiteral("sch-eye-01")};
    const QDate day = kFirstDay.addDays(1);
    const auto fresh = await(service_->slotsForDay(ids, day));
    QVERIFY2(fresh.ok(), fresh.ok() ? "" : qPrintable(fresh.error().detail));
    QVERIFY(!fresh.value().stale);
    QVERIFY(!fresh.value().value.isEmpty());
    const QDateTime fetched_at = fresh.value().fetched_at;

    setOutage(true);
    QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentDateTime() > fetched_at, kWaitMs);
    // Same set of schedules in another order: the same cache entry.
    const auto stale = await(service_->slotsForDay({ids.at(1), ids.at(0)}, day));
    QVERIFY2(stale.ok(), stale.ok() ? "" : qPrintable(stale.error().detail));
    QVERIFY(stale.value().stale);
    QCOMPARE(stale.value().value, fresh.value().value);
    QCOMPARE(stale.value().fetched_at, fetched_at);

    // Departments and doctors are cached the same way.
    setOutage(false);
    QVERIFY(await(service_->doctors(QStringLiteral("dept-eye"))).ok());
    setOutage(true);
    const auto doctors = await(service_->doctors(QStringLiteral("dept-eye")));
    QVERIFY(doctors.ok());
    QVERIFY(doctors.value().stale);
    QCOMPARE(doctors.value().value.size(), 6);
}

void TestBookingService::noCacheDuringOutageIsAnError()
{
    setOutage(true);
    const auto r =
        await(service_->slotsForDay({QStringLiteral("sch-derm-01")}, kFirstDay.addDays(2)));
    QVERIFY(!r.ok());
    QVERIFY2(r.error().isTransient(), qPrintable(r.error().detail));
    QVERIFY(!await(service_->departments()).ok());
}

void TestBookingService::noStoreDuringOutageIsAnError()
{
    BookingService no_cache(client_, nullptr, BookingRules{});
    QVERIFY(await(no_cache.departments()).ok());
    setOutage(true);
    const auto r = await(no_cache.departments());
    QVERIFY(!r.ok());
    QVERIFY(r.error().isTransient());
}

void TestBookingService::bookWhileOfflineSendsNothing()
{
    const QDate day = kFirstDay.addDays(1);
    const QList<Slot> free = freeSlots(QStringLiteral("sch-ped-01"), day);
    QVERIFY(!free.isEmpty());
    const int created = sim_->appointmentsCreated();

    setOutage(true);
    QVERIFY(!await(service_->departments()).ok());
    QTRY_VERIFY_WITH_TIMEOUT(!service_->online(), kWaitMs);

    const BookingOutcome outcome =
        await(service_->book(QStringLiteral("pat-1004"), doctorOf(QStringLiteral("dept-ped"), 1),
                             QStringLiteral("dept-ped"), free.first()));
    QVERIFY(!outcome.booked);
    QCOMPARE(outcome.error.code, mk::ErrorCode::Offline);
    QVERIFY(outcome.alternatives.isEmpty());
    setOutage(false);
    QCOMPARE(sim_->appointmentsCreated(), created);

    // Back online, the same request books (the offline refusal left nothing behind).
    const BookingOutcome retry =
        await(service_->book(QStringLiteral("pat-1004"), doctorOf(QStringLiteral("dept-ped"), 1),
                             QStringLiteral("dept-ped"), free.first()));
    QVERIFY2(retry.booked, qPrintable(retry.error.detail));
    QCOMPARE(sim_->appointmentsCreated(), created + 1);
}

void TestBookingService::conflictOffersNearestFreeSlots()
{
    const QDate day = kFirstDay.addDays(1);
    const QString schedule = QStringLiteral("sch-ped-01");
    const QList<Slot> free = freeSlots(schedule, day);
    QVERIFY(free.size() >= 5);
    // A slot in the middle of the day, so alternatives exist on both sides.
    const Slot wanted = free.at(free.size() / 2);
    const auto doctor = doctorOf(QStringLiteral("dept-ped"), 1);

    const BookingOutcome first = await(
        service_->book(QStringLiteral("pat-1004"), doctor, QStringLiteral("dept-ped"), wanted));
    QVERIFY2(first.booked, qPrintable(first.error.detail));
    QCOMPARE(first.appointment.slot_id, wanted.id);
    QVERIFY(!first.appointment.appointment_number.isEmpty());
    const int created = sim_->appointmentsCreated();

    const BookingOutcome second = await(
        service_->book(QStringLiteral("pat-1005"), doctor, QStringLiteral("dept-ped"), wanted));
    QVERIFY(!second.booked);
    QCOMPARE(second.error.code, mk::ErrorCode::Conflict);
    QCOMPARE(sim_->appointmentsCreated(), created);
    QVERIFY(!second.alternatives.isEmpty());
    QVERIFY(second.alternatives.size() <= 3);

    QStringList free_now;
    for (const Slot& s : freeSlots(schedule, day)) free_now.append(s.id);
    qint64 last_distance_s = -1;
    for (const Slot& alt : second.alternatives) {
        QVERIFY(alt.id != wanted.id);
        QVERIFY2(free_now.contains(alt.id), qPrintable(alt.id));
        QCOMPARE(alt.schedule_id, schedule);
        QCOMPARE(alt.start.toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Shanghai"))).date(), day);
        const qint64 distance_s = qAbs(wanted.start.secsTo(alt.start));
        QVERIFY(distance_s >= last_distance_s);
        last_distance_s = distance_s;
    }
    // Nothing free is nearer than the farthest alternative offered.
    for (const Slot& s : freeSlots(schedule, day)) {
        bool offered = false;
        for (const Slot& alt : second.alternatives) offered = offered || alt.id == s.id;
        if (!offered && s.id != wanted.id && second.alternatives.size() == 3) {
            QVERIFY(qAbs(wanted.start.secsTo(s.start)) >= last_distance_s);
        }
    }
}

void TestBookingService::fullDoctorFallsBackToTheDepartment()
{
    const QDate day = kFirstDay.addDays(4);
    const auto doctor = doctorOf(QStringLiteral("dept-resp"), 1);
    QStringList department_schedules;
    for (int n = 1; n <= 5; ++n)
        department_schedules.append(doctorOf(QStringLiteral("dept-resp"), n).schedule_id);

    // Fill the doctor's day up to one slot, straight through the pool client (two bookings per
    // patient per day at most).
    QStringList patients;
    for (int n = 1100; n <= 1115; ++n) patients.append(QStringLiteral("pat-%1").arg(n));
    for (int n = 1200; n <= 1207; ++n) patients.append(QStringLiteral("pat-%1").arg(n));
    const QList<Slot> free = freeSlots(doctor.schedule_id, day);
    QVERIFY(free.size() >= 2);
    QVERIFY2(free.size() - 1 <= 2 * patients.size(), "not enough demo patients");
    for (qsizetype i = 0; i + 1 < free.size(); ++i) {
        mk::pool::BookingRequest request;
        request.client_identifier = QUuid::createUuid().toString(QUuid::WithoutBraces);
        request.slot = free.at(i);
        request.patient_id = patients.at(i / 2);
        request.practitioner_id = doctor.id;
        request.department_id = QStringLiteral("dept-resp");
        const auto booked = client_->book(request);
        QVERIFY2(booked.ok(), booked.ok() ? "" : qPrintable(booked.error().detail));
    }
    const Slot last = free.last();
    const BookingOutcome taken = await(
        service_->book(QStringLiteral("pat-1004"), doctor, QStringLiteral("dept-resp"), last));
    QVERIFY2(taken.booked, qPrintable(taken.error.detail));

    // Without the department's schedules there is nothing to offer.
    const BookingOutcome alone = await(
        service_->book(QStringLiteral("pat-1005"), doctor, QStringLiteral("dept-resp"), last));
    QCOMPARE(alone.error.code, mk::ErrorCode::Conflict);
    QVERIFY(alone.alternatives.isEmpty());

    const BookingOutcome outcome =
        await(service_->book(QStringLiteral("pat-1005"), doctor, QStringLiteral("dept-resp"), last,
                             department_schedules));
    QVERIFY(!outcome.booked);
    QCOMPARE(outcome.error.code, mk::ErrorCode::Conflict);
    QVERIFY(!outcome.alternatives.isEmpty());
    QVERIFY(outcome.alternatives.size() <= 3);
    qint64 last_distance_s = -1;
    for (const Slot& alt : outcome.alternatives) {
        QVERIFY(alt.schedule_id != doctor.schedule_id);
        QVERIFY(department_schedules.contains(alt.schedule_id));
        QVERIFY(alt.isFree());
        QCOMPARE(alt.start.toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Shanghai"))).date(), day);
        const qint64 distance_s = qAbs(last.start.secsTo(alt.start));
        QVERIFY(distance_s >= last_distance_s);
        last_distance_s = distance_s;
    }
}

void TestBookingService::perDayRuleCheckedBeforeSending()
{
    const QDate day = kFirstDay.addDays(2);
    const QList<Slot> free = freeSlots(QStringLiteral("sch-eye-01"), day);
    QVERIFY(free.size() >= 3);
    const auto doctor = doctorOf(QStringLiteral("dept-eye"), 1);
    const QString patient = QStringLiteral("pat-1100");
    for (int i = 0; i < 2; ++i) {
        const BookingOutcome ok =
            await(service_->book(patient, doctor, QStringLiteral("dept-eye"), free.at(i)));
        QVERIFY2(ok.booked, qPrintable(ok.error.detail));
    }
    const int created = sim_->appointmentsCreated();
    const quint64 requests = client_->stats().requests.load();

    const BookingOutcome third =
        await(service_->book(patient, doctor, QStringLiteral("dept-eye"), free.at(2)));
    QVERIFY(!third.booked);
    QCOMPARE(third.error.code, mk::ErrorCode::Rule);
    QCOMPARE(third.error.rule, QStringLiteral("per-day"));
    QCOMPARE(sim_->appointmentsCreated(), created);
    // Only the search of the patient's appointments went out, no booking request.
    QCOMPARE(client_->stats().requests.load(), requests + 1);

    // Another day is fine.
    const QList<Slot> next_day = freeSlots(QStringLiteral("sch-eye-01"), day.addDays(1));
    QVERIFY(!next_day.isEmpty());
    QVERIFY(await(service_->book(patient, doctor, QStringLiteral("dept-eye"), next_day.first()))
                .booked);
}

void TestBookingService::daysAheadFollowsTheClock()
{
    const QDate last_day = kFirstDay.addDays(6);
    const QList<Slot> free = freeSlots(QStringLiteral("sch-dental-01"), last_day);
    QVERIFY(!free.isEmpty());
    const auto doctor = doctorOf(QStringLiteral("dept-dental"), 1);
    const int created = sim_->appointmentsCreated();

    // Two days before the first day, the last day is day 8: too far ahead.
    service_->setClock([] { return hospitalTime(kFirstDay.addDays(-2), 7); });
    const BookingOutcome refused = await(service_->book(
        QStringLiteral("pat-1101"), doctor, QStringLiteral("dept-dental"), free.first()));
    QVERIFY(!refused.booked);
    QCOMPARE(refused.error.code, mk::ErrorCode::Rule);
    QCOMPARE(refused.error.rule, QStringLiteral("days-ahead"));
    QCOMPARE(sim_->appointmentsCreated(), created);

    // A day later it is day 7: allowed.
    service_->setClock([] { return hospitalTime(kFirstDay.addDays(-1), 7); });
    const BookingOutcome booked = await(service_->book(
        QStringLiteral("pat-1101"), doctor, QStringLiteral("dept-dental"), free.first()));
    QVERIFY2(booked.booked, qPrintable(booked.error.detail));
    QCOMPARE(sim_->appointmentsCreated(), created + 1);
}

void TestBookingService::onlineChangedOnOutageAndRecovery()
{
    QSignalSpy changed(service_.get(), &BookingService::onlineChanged);
    QVERIFY(await(service_->departments()).ok());
    QCOMPARE(changed.count(), 0);  // was online already

    setOutage(true);
    const auto cached = await(service_->departments());
    QVERIFY(cached.ok());
    QVERIFY(cached.value().stale);
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, kWaitMs);
    QCOMPARE(changed.at(0).at(0).toBool(), false);
    QVERIFY(!service_->online());
    QVERIFY(!await(service_->probe()).ok());
    QCoreApplication::processEvents();
    QCOMPARE(changed.count(), 1);  // still offline: no repeat

    setOutage(false);
    QVERIFY(await(service_->probe()).ok());
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 2, kWaitMs);
    QCOMPARE(changed.at(1).at(0).toBool(), true);
    QVERIFY(service_->online());
}

void TestBookingService::transientFailureKeepsItsCode()
{
    const QDate day = kFirstDay.addDays(3);
    const QList<Slot> free = freeSlots(QStringLiteral("sch-derm-01"), day);
    QVERIFY(!free.isEmpty());
    const int created = sim_->appointmentsCreated();
    mk::sim::FaultSpec fault;
    fault.mode = QStringLiteral("5xx");
    fault.count = -1;
    fault.path_contains = QStringLiteral("Appointment");
    sim_->setFault(fault);
    const BookingOutcome outcome =
        await(service_->book(QStringLiteral("pat-1102"), doctorOf(QStringLiteral("dept-derm"), 1),
                             QStringLiteral("dept-derm"), free.first()));
    QVERIFY(!outcome.booked);
    QCOMPARE(outcome.error.code, mk::ErrorCode::Server);
    QVERIFY(outcome.error.isTransient());  // the screen offers "try again"
    QCOMPARE(sim_->appointmentsCreated(), created);

    setOutage(false);
    const BookingOutcome again =
        await(service_->book(QStringLiteral("pat-1102"), doctorOf(QStringLiteral("dept-derm"), 1),
                             QStringLiteral("dept-derm"), free.first()));
    QVERIFY2(again.booked, qPrintable(again.error.detail));
    QCOMPARE(sim_->appointmentsCreated(), created + 1);
}

QTEST_GUILESS_MAIN(TestBookingService)
#include "tst_bookingservice.moc"
