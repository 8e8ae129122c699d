// The simulator keeps the contract of docs/pool-protocol.md (issue 14, items 7-9): an
// Idempotency-Key is bound to its request, an arrived appointment cannot be cancelled, and a
// search without a supported criterion is refused instead of answered with everyone.
#include "SimTestUtil.h"
#include "poolsim/SimulatorThread.h"

#include <QTest>

using namespace mk::sim;
using namespace mk::sim::test;

namespace {

QUrl opUrl(const QUrl& base, const QString& id, const QString& op)
{
    return QUrl(base.toString() + QStringLiteral("/Appointment/%1/%2").arg(id, op));
}

Reply cancel(const QUrl& base, const QString& id, const QByteArray& key)
{
    Headers h;
    if (!key.isEmpty()) {
        h.append({QByteArrayLiteral("Idempotency-Key"), key});
    }
    return call(QByteArrayLiteral("POST"), opUrl(base, id, QStringLiteral("$cancel")), {}, h);
}

Reply checkIn(const QUrl& base, const QString& id, const QByteArray& key)
{
    const Reply current = get(base, QStringLiteral("Appointment/") + id);
    Headers h{{QByteArrayLiteral("If-Match"), current.etag}};
    if (!key.isEmpty()) {
        h.append({QByteArrayLiteral("Idempotency-Key"), key});
    }
    return call(QByteArrayLiteral("POST"), opUrl(base, id, QStringLiteral("$check-in")), {}, h);
}

QString statusOf(const QUrl& base, const QString& id)
{
    return get(base, QStringLiteral("Appointment/") + id)
        .json()
        .value(QStringLiteral("status"))
        .toString();
}

QString slotOf(const QUrl& base, const QString& id)
{
    return get(base, QStringLiteral("Appointment/") + id)
        .json()
        .value(QStringLiteral("slot"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("reference"))
        .toString();
}

int totalOf(const Reply& r)
{
    return r.json().value(QStringLiteral("total")).toInt(-1);
}

}  // namespace

class TestPoolSimContract : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void idempotencyKeyBoundToRequest_data();
    void idempotencyKeyBoundToRequest();
    void idempotencyKeyReplaysTheSameRequest();
    void idempotencyKeyBoundAfterARefusal();
    void cancelAfterArrivalRefused();
    void cancelBookedStillWorks();
    void searchWithoutCriterionRefused_data();
    void searchWithoutCriterionRefused();
    void supportedSearches_data();
    void supportedSearches();
};

void TestPoolSimContract::idempotencyKeyBoundToRequest_data()
{
    // The first request with the key, then another request with the same key.
    QTest::addColumn<QString>("second");
    QTest::newRow("cancel of another appointment") << QStringLiteral("cancel-other");
    QTest::newRow("check-in instead of cancel") << QStringLiteral("checkin-same");
    QTest::newRow("another method on the same path") << QStringLiteral("put-same");
    QTest::newRow("another body on the same path") << QStringLiteral("cancel-with-body");
    QTest::newRow("another booking") << QStringLiteral("book-other");
}

void TestPoolSimContract::idempotencyKeyBoundToRequest()
{
    QFETCH(QString, second);
    SimulatorThread sim(options());
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));
    const QUrl base = sim.baseUrl();
    const QStringList ids = sim.createAppointments(3);
    QCOMPARE(ids.size(), 3);
    const QByteArray key = QByteArrayLiteral("6f1c2a7e-0000-4000-8000-000000000001");
    const Headers keyed{{QByteArrayLiteral("Idempotency-Key"), key}};
    const QUrl appointments(base.toString() + QStringLiteral("/Appointment"));

    if (second == QLatin1String("book-other")) {
        const QStringList slots = freeSlots(base, 2);
        QCOMPARE(slots.size(), 2);
        const Reply first = call(QByteArrayLiteral("POST"), appointments,
                                 booking(QStringLiteral("kb-1"), slots.at(0)), keyed);
        QCOMPARE(first.status, 201);
        const Reply reused = call(QByteArrayLiteral("POST"), appointments,
                                  booking(QStringLiteral("kb-2"), slots.at(1)), keyed);
        QCOMPARE(reused.status, 422);
        QCOMPARE(reused.json().value(QStringLiteral("resourceType")).toString(),
                 QStringLiteral("OperationOutcome"));
        QCOMPARE(reused.ruleCode(), QStringLiteral("idempotency-key-reused"));
        QVERIFY(reused.replayed.isEmpty());
        // Nothing was booked for the second request, and its slot is still free.
        QCOMPARE(sim.appointmentsCreated(), 1);
        QCOMPARE(get(base, QStringLiteral("Slot/") + slots.at(1))
                     .json()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("free"));
        return;
    }

    const Reply first = cancel(base, ids.at(0), key);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json().value(QStringLiteral("id")).toString(), ids.at(0));
    Reply reused;
    QString untouched = ids.at(0);
    if (second == QLatin1String("cancel-other")) {
        // The reported case: a cancel of appt-3 answered with appt-1's body, appt-3 left booked.
        reused = cancel(base, ids.at(2), key);
        untouched = ids.at(2);
    } else if (second == QLatin1String("checkin-same")) {
        reused = checkIn(base, ids.at(0), key);
    } else if (second == QLatin1String("put-same")) {
        reused = call(QByteArrayLiteral("PUT"), opUrl(base, ids.at(0), QStringLiteral("$cancel")),
                      {}, keyed);
    } else {
        reused = call(QByteArrayLiteral("POST"), opUrl(base, ids.at(0), QStringLiteral("$cancel")),
                      QByteArrayLiteral("{\"resourceType\":\"Parameters\"}"), keyed);
    }
    QCOMPARE(reused.status, 422);
    QCOMPARE(reused.json().value(QStringLiteral("resourceType")).toString(),
             QStringLiteral("OperationOutcome"));
    QCOMPARE(reused.issue().value(QStringLiteral("code")).toString(),
             QStringLiteral("business-rule"));
    QCOMPARE(reused.ruleCode(), QStringLiteral("idempotency-key-reused"));
    QVERIFY(reused.issue()
                .value(QStringLiteral("diagnostics"))
                .toString()
                .contains(QStringLiteral("Idempotency-Key")));
    QVERIFY(reused.replayed.isEmpty());
    // The first appointment's body is not handed out for another request.
    QVERIFY(!reused.body.contains(ids.at(0).toUtf8() + '"'));
    if (untouched != ids.at(0)) {
        QCOMPARE(statusOf(base, untouched), QStringLiteral("booked"));
    }
    const SimCommandStats stats = sim.commandStats();
    QCOMPARE(stats.cancels_applied, 1);
    QCOMPARE(stats.idempotent_replays, 0);
    QCOMPARE(stats.checkins_applied, 0);
}

void TestPoolSimContract::idempotencyKeyReplaysTheSameRequest()
{
    SimulatorThread sim(options());
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));
    const QUrl base = sim.baseUrl();
    const QStringList ids = sim.createAppointments(2);
    const QByteArray key = QByteArrayLiteral("6f1c2a7e-0000-4000-8000-000000000002");
    const Reply first = cancel(base, ids.at(1), key);
    QCOMPARE(first.status, 200);
    const Reply again = cancel(base, ids.at(1), key);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.body, first.body);
    QCOMPARE(again.etag, first.etag);
    QCOMPARE(again.replayed, QByteArrayLiteral("true"));
    const SimCommandStats stats = sim.commandStats();
    QCOMPARE(stats.cancels_applied, 1);
    QCOMPARE(stats.idempotent_replays, 1);
    QCOMPARE(stats.duplicate_commands, 0);
}

void TestPoolSimContract::idempotencyKeyBoundAfterARefusal()
{
    SimulatorThread sim(options());
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));
    const QUrl base = sim.baseUrl();
    const QStringList ids = sim.createAppointments(2);
    const QByteArray key = QByteArrayLiteral("6f1c2a7e-0000-4000-8000-000000000003");
    const Headers stale{{QByteArrayLiteral("If-Match"), QByteArrayLiteral("W/\"9\"")},
                        {QByteArrayLiteral("Idempotency-Key"), key}};
    // Refused (412): not remembered as a reply, so the same request is executed again...
    QCOMPARE(call(QByteArrayLiteral("POST"), opUrl(base, ids.at(0), QStringLiteral("$check-in")),
                  {}, stale)
                 .status,
             412);
    const Reply retried = checkIn(base, ids.at(0), key);
    QCOMPARE(retried.status, 200);
    QCOMPARE(retried.json().value(QStringLiteral("status")).toString(), QStringLiteral("arrived"));
    QVERIFY(retried.replayed.isEmpty());
    // ...but the key stays bound to that request: a cancel of the other appointment is refused.
    const QByteArray key2 = QByteArrayLiteral("6f1c2a7e-0000-4000-8000-000000000004");
    QCOMPARE(cancel(base, QStringLiteral("appt-999"), key2).status, 404);
    const Reply reused = cancel(base, ids.at(1), key2);
    QCOMPARE(reused.status, 422);
    QCOMPARE(reused.ruleCode(), QStringLiteral("idempotency-key-reused"));
    QCOMPARE(statusOf(base, ids.at(1)), QStringLiteral("booked"));
}

void TestPoolSimContract::cancelAfterArrivalRefused()
{
    SimulatorThread sim(options());
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));
    const QUrl base = sim.baseUrl();
    const QStringList ids = sim.createAppointments(1);
    QCOMPARE(checkIn(base, ids.at(0), {}).status, 200);
    const QString slot = slotOf(base, ids.at(0));
    QVERIFY(slot.startsWith(QLatin1String("Slot/")));
    for (const QByteArray& key : {QByteArray(), QByteArrayLiteral("c-after-arrival"),
                                  QByteArrayLiteral("c-after-arrival")}) {
        const Reply r = cancel(base, ids.at(0), key);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.json().value(QStringLiteral("resourceType")).toString(),
                 QStringLiteral("OperationOutcome"));
        QCOMPARE(r.issue().value(QStringLiteral("code")).toString(),
                 QStringLiteral("business-rule"));
        QCOMPARE(r.ruleCode(), QStringLiteral("already-arrived"));
        QVERIFY(r.replayed.isEmpty());
    }
    // The patient is still in the waiting room: arrived, and the slot still taken.
    QCOMPARE(statusOf(base, ids.at(0)), QStringLiteral("arrived"));
    QCOMPARE(get(base, slot).json().value(QStringLiteral("status")).toString(),
             QStringLiteral("busy"));
    QCOMPARE(sim.commandStats().cancels_applied, 0);
}

void TestPoolSimContract::cancelBookedStillWorks()
{
    SimulatorThread sim(options());
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));
    const QUrl base = sim.baseUrl();
    const QStringList ids = sim.createAppointments(1);
    const QString slot = slotOf(base, ids.at(0));
    const Reply r = cancel(base, ids.at(0), QByteArrayLiteral("c-booked"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
    QCOMPARE(get(base, slot).json().value(QStringLiteral("status")).toString(),
             QStringLiteral("free"));
    // Cancelled twice (another key): unchanged, still 200.
    QCOMPARE(cancel(base, ids.at(0), QByteArrayLiteral("c-booked-2")).status, 200);
    QCOMPARE(sim.commandStats().cancels_applied, 1);
}

void TestPoolSimContract::searchWithoutCriterionRefused_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("Patient, nothing") << QStringLiteral("Patient");
    QTest::newRow("Patient, empty query") << QStringLiteral("Patient?");
    QTest::newRow("Patient, unknown parameter") << QStringLiteral("Patient?foo=bar");
    QTest::newRow("Patient, empty identifier") << QStringLiteral("Patient?identifier=");
    QTest::newRow("Patient, identifier without value")
        << QStringLiteral("Patient?identifier=urn:medkiosk:patient-number%7C");
    QTest::newRow("Patient, empty phone") << QStringLiteral("Patient?phone=");
    QTest::newRow("Patient, empty guardian") << QStringLiteral("Patient?guardian=");
    QTest::newRow("Patient, birth date only") << QStringLiteral("Patient?birthdate=1985-03-12");
    QTest::newRow("Patient, only _count") << QStringLiteral("Patient?_count=200");
    QTest::newRow("Patient, name (not supported)") << QStringLiteral("Patient?name=Li");
    QTest::newRow("Patient, known and unknown")
        << QStringLiteral("Patient?identifier=urn:medkiosk:patient-number%7CP00001001&foo=bar");
    QTest::newRow("Patient, empty birth date")
        << QStringLiteral("Patient?phone=13700137000&birthdate=");
    QTest::newRow("Appointment, nothing") << QStringLiteral("Appointment");
    QTest::newRow("Appointment, unknown parameter") << QStringLiteral("Appointment?foo=bar");
    QTest::newRow("Appointment, empty patient") << QStringLiteral("Appointment?patient=");
    QTest::newRow("Appointment, empty identifier") << QStringLiteral("Appointment?identifier=");
    QTest::newRow("Appointment, dates only")
        << QStringLiteral("Appointment?date=ge2026-11-23T00:00:00%2B08:00");
    QTest::newRow("Slot, unknown parameter") << QStringLiteral("Slot?foo=bar");
    QTest::newRow("Slot, empty schedule") << QStringLiteral("Slot?schedule=");
    QTest::newRow("Schedule, empty actor") << QStringLiteral("Schedule?actor=");
    QTest::newRow("Schedule, unknown parameter") << QStringLiteral("Schedule?foo=bar");
    QTest::newRow("HealthcareService, unknown parameter")
        << QStringLiteral("HealthcareService?foo=bar");
    QTest::newRow("Practitioner, unknown parameter") << QStringLiteral("Practitioner?foo=bar");
}

void TestPoolSimContract::searchWithoutCriterionRefused()
{
    QFETCH(QString, query);
    SimulatorThread sim(options());
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));
    sim.createAppointments(3);  // so that an Appointment search answered with everyone shows it
    const Reply r = get(sim.baseUrl(), query);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(QStringLiteral("resourceType")).toString(),
             QStringLiteral("OperationOutcome"));
    QVERIFY(r.content_type.startsWith("application/fhir+json"));
    QVERIFY(!r.issue().value(QStringLiteral("diagnostics")).toString().isEmpty());
    QVERIFY(!r.body.contains("\"entry\""));
    QVERIFY(!r.body.contains("birthDate"));
}

void TestPoolSimContract::supportedSearches_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("total");
    QTest::newRow("patient by number")
        << QStringLiteral(
               "Patient?identifier=urn:medkiosk:patient-number%7CP00001001&birthdate=1985-03-12")
        << 1;
    QTest::newRow("patient by bare number") << QStringLiteral("Patient?identifier=P00001001") << 1;
    QTest::newRow("patient number, wrong birth date")
        << QStringLiteral(
               "Patient?identifier=urn:medkiosk:patient-number%7CP00001001&birthdate=1999-01-01")
        << 0;
    QTest::newRow("patient number, other system")
        << QStringLiteral("Patient?identifier=urn:other%7CP00001001") << 0;
    QTest::newRow("unknown patient number")
        << QStringLiteral("Patient?identifier=urn:medkiosk:patient-number%7CP99999999") << 0;
    QTest::newRow("patient by phone and birth date")
        << QStringLiteral("Patient?phone=13700137000&birthdate=1980-01-25") << 1;
    QTest::newRow("patients by phone")
        << QStringLiteral("Patient?phone=13700137000&_count=200") << 2;
    QTest::newRow("children") << QStringLiteral("Patient?guardian=Patient/pat-1001") << -1;
    QTest::newRow("appointments of a patient")
        << QStringLiteral(
               "Appointment?patient=Patient/pat-1001&date=ge2026-11-23T00:00:00%2B08:00"
               "&date=lt2026-12-23T00:00:00%2B08:00&_count=200")
        << 1;
    QTest::newRow("departments") << QStringLiteral("HealthcareService?active=true") << -1;
    QTest::newRow("probe") << QStringLiteral("HealthcareService?_count=1") << -1;
    QTest::newRow("schedules")
        << QStringLiteral(
               "Schedule?actor=HealthcareService/dept-ped&_include=Schedule:actor:Practitioner")
        << -1;
}

void TestPoolSimContract::supportedSearches()
{
    QFETCH(QString, query);
    QFETCH(int, total);
    SimulatorThread sim(options());
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));
    sim.createAppointments(2);  // appt-1 for pat-1001, appt-2 for the next seeded patient
    const Reply r = get(sim.baseUrl(), query);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QStringLiteral("type")).toString(), QStringLiteral("searchset"));
    if (total >= 0) {
        QCOMPARE(totalOf(r), total);
    } else {
        QVERIFY(totalOf(r) > 0);
    }
}

QTEST_GUILESS_MAIN(TestPoolSimContract)
#include "tst_poolsim_contract.moc"
