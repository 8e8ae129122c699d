// BookingSession::clear() forgets everything and says so.
#include "core/booking/BookingSession.h"

#include <QSignalSpy>
#include <QTest>

using mk::booking::BookingSession;

class TestBookingSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clearForgetsEverything();
    void doctorForSchedule();
};

void TestBookingSession::clearForgetsEverything()
{
    BookingSession session;
    QVERIFY(!session.active());
    mk::fhir::Patient guardian;
    guardian.id = QStringLiteral("pat-1001");
    guardian.patient_number = QStringLiteral("P00001001");
    guardian.name = {QStringLiteral("李明"), QStringLiteral("Li Ming")};
    guardian.phone = QStringLiteral("13800138000");
    guardian.birth_date = QDate(1985, 3, 12);
    mk::fhir::Patient child;
    child.id = QStringLiteral("pat-1002");
    child.name = {QStringLiteral("李小雨"), QStringLiteral("Li Xiaoyu")};
    child.guardian_id = guardian.id;
    session.identified = guardian;
    session.children = {child};
    session.patient = child;
    session.department = mk::fhir::Department{QStringLiteral("dept-ped"), {}};
    mk::fhir::Doctor doctor;
    doctor.id = QStringLiteral("pr-dept-ped-01");
    doctor.schedule_id = QStringLiteral("sch-dept-ped-01");
    session.doctor = doctor;
    session.department_doctors = {doctor};
    session.day = QDate(2026, 11, 23);
    mk::fhir::Slot slot;
    slot.id = QStringLiteral("sl-dept-ped-01-20261123-0800");
    session.slot = slot;
    mk::fhir::Appointment appointment;
    appointment.appointment_number = QStringLiteral("A20261123-0042");
    appointment.patient_id = child.id;
    session.appointment = appointment;
    QVERIFY(session.active());

    QSignalSpy cleared(&session, &BookingSession::cleared);
    session.clear();
    QCOMPARE(cleared.count(), 1);
    QVERIFY(!session.active());
    QVERIFY(!session.identified);
    QVERIFY(session.children.isEmpty());
    QVERIFY(!session.patient);
    QVERIFY(!session.department);
    QVERIFY(!session.doctor);
    QVERIFY(session.department_doctors.isEmpty());
    QVERIFY(!session.day.isValid());
    QVERIFY(!session.slot);
    QVERIFY(!session.appointment);
    // The caller's copies are separate (implicit sharing detached on write): untouched.
    QCOMPARE(guardian.name.zh, QStringLiteral("李明"));

    session.clear();  // clearing an empty session is fine and still tells the screens
    QCOMPARE(cleared.count(), 2);
}

void TestBookingSession::doctorForSchedule()
{
    BookingSession session;
    mk::fhir::Doctor a;
    a.id = QStringLiteral("pr-a");
    a.schedule_id = QStringLiteral("sch-a");
    mk::fhir::Doctor b;
    b.id = QStringLiteral("pr-b");
    b.schedule_id = QStringLiteral("sch-b");
    session.department_doctors = {a, b};
    QCOMPARE(session.doctorForSchedule(QStringLiteral("sch-b")).value_or(mk::fhir::Doctor{}).id,
             QStringLiteral("pr-b"));
    QVERIFY(!session.doctorForSchedule(QStringLiteral("sch-x")));
    QVERIFY(!session.doctorForSchedule(QString()));
}

QTEST_GUILESS_MAIN(TestBookingSession)
#include "tst_bookingsession.moc"
