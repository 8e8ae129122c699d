// What the screens call. Lives on the UI thread, never blocks it: every call runs the pool client
// on a worker thread and returns a QFuture; attach with mk::whenFinished(future, widget, ...) to
// get the result back on the UI thread. Falls back to the encrypted cache (marked stale) when the
// pool is away.
#pragma once

#include "core/booking/BookingRules.h"
#include "core/common/HospitalClock.h"
#include "core/common/Result.h"
#include "core/fhir/FhirTypes.h"
#include "core/pool/PoolClient.h"

#include <QDateTime>
#include <QFuture>
#include <QObject>
#include <QStringList>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

namespace mk::store {
class Store;
}

namespace mk::booking {

template<typename T>
struct Fetched {
    T value{};
    bool stale = false;    // true: from the local cache, the pool did not answer
    QDateTime fetched_at;  // when the pool produced this data
};

struct BookingOutcome {
    bool booked = false;
    fhir::Appointment appointment;   // when booked
    Error error;                     // when not booked
    QList<fhir::Slot> alternatives;  // on Conflict: the nearest free slots of that day
};

class BookingSession;

// Who signed in at the kiosk and, for a guardian, their children: what the patient-number /
// card path (IdentifyScreen) and face sign-in both end with.
struct SignIn {
    fhir::Patient person;
    QList<fhir::Patient> children;
};

// Puts a sign-in into the session: identified, children, and the patient the booking is for when
// there is nobody to choose among. True when self or a child must be chosen (ChildChoice), false
// when the booking goes on for the person (Department).
bool applySignIn(const SignIn& sign_in, BookingSession& session);

class BookingService : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;

    // store may be null (no cache). The clock runs in the hospital's zone (rules.timezone_id);
    // its source of instants is injectable for tests.
    BookingService(std::shared_ptr<pool::PoolClient> client, store::Store* store,
                   BookingRules rules, QObject* parent = nullptr);
    ~BookingService() override;

    // The source of instants (any zone); empty: the system clock.
    void setClock(Clock clock);
    const BookingRules& rules() const { return rules_; }
    // The hospital's clock: now() and today() in the hospital's zone, whatever the machine's.
    const HospitalClock& clock() const { return clock_; }
    QDateTime now() const;  // clock().now()

    QFuture<Result<QList<fhir::Patient>>> findPatients(const pool::PatientQuery& query);
    QFuture<Result<QList<fhir::Patient>>> dependents(const QString& guardian_patient_id);
    // One patient by id (FHIR read); NotFound when the pool does not know the id (any more).
    QFuture<Result<fhir::Patient>> patient(const QString& patient_id);
    // A person found by a search: their children (dependents) fetched.
    QFuture<Result<SignIn>> signIn(const fhir::Patient& person);
    // A person known only by id (face sign-in): read, then their children fetched.
    QFuture<Result<SignIn>> signInById(const QString& patient_id);
    QFuture<Result<Fetched<QList<fhir::Department>>>> departments();
    QFuture<Result<Fetched<QList<fhir::Doctor>>>> doctors(const QString& department_id);
    // doctor_schedule_ids: one doctor's schedule, or all of the department's ("any doctor").
    QFuture<Result<Fetched<QList<fhir::Slot>>>> slotsForDay(const QStringList& schedule_ids,
                                                            const QDate& day);
    // Checks the rules (with the patient's appointments from the pool), then books with a fresh
    // client identifier; retried requests reuse it. Needs the pool: offline gives
    // ErrorCode::Offline (while online() is false it first probes the pool; nothing is booked
    // without an answer). A transient failure keeps its code (Network, Timeout, Server,
    // RateLimited): the screen offers to try again. On Conflict the alternatives are the nearest
    // bookable free slots of the slot's schedule that day, else (when given) of
    // department_schedule_ids.
    QFuture<BookingOutcome> book(const QString& patient_id, const fhir::Doctor& doctor,
                                 const QString& department_id, const fhir::Slot& slot,
                                 const QStringList& department_schedule_ids = {});
    // A light request to the pool ("try again" while offline); updates online().
    QFuture<Status> probe();

    bool online() const { return online_.load(); }

Q_SIGNALS:
    void onlineChanged(bool online);

private:
    void noteResult(const Error* error);  // updates online_ from real request results

    std::shared_ptr<pool::PoolClient> client_;
    store::Store* store_ = nullptr;
    BookingRules rules_;
    HospitalClock clock_;
    QThreadPool workers_;
    std::atomic<bool> online_{true};  // written by workers
    bool announced_online_ = true;    // last value emitted by onlineChanged (UI thread only)
};

}  // namespace mk::booking
