// The hospital's booking rules: days counted in the hospital's zone, per-day limit, days ahead,
// too soon, past, cancellation cutoff.
#include "core/booking/BookingRules.h"

#include <QTest>

using mk::booking::BookingRules;
using mk::fhir::Appointment;
using mk::fhir::AppointmentStatus;
using mk::fhir::Slot;

namespace {

QDateTime at(const char* iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate);
}

Slot slotAt(const char* iso)
{
    Slot s;
    s.id = QStringLiteral("sl-test");
    s.schedule_id = QStringLiteral("sch-dept-ped-01");
    s.start = at(iso);
    s.end = s.start.addSecs(600);
    s.status = mk::fhir::SlotStatus::Free;
    return s;
}

// "2026-11-23T09:00:00+08:00 booked" -> an appointment of the patient.
QList<Appointment> appointments(const QStringList& specs)
{
    QList<Appointment> out;
    for (const QString& spec : specs) {
        const QStringList parts = spec.split(QLatin1Char(' '));
        Appointment a;
        a.id = QStringLiteral("appt-%1").arg(out.size());
        a.start = QDateTime::fromString(parts.at(0), Qt::ISODate);
        a.end = a.start.addSecs(600);
        const QString status = parts.at(1);
        if (status == QLatin1String("booked")) a.status = AppointmentStatus::Booked;
        if (status == QLatin1String("arrived")) a.status = AppointmentStatus::Arrived;
        if (status == QLatin1String("pending")) a.status = AppointmentStatus::Pending;
        if (status == QLatin1String("cancelled")) a.status = AppointmentStatus::Cancelled;
        if (status == QLatin1String("noshow")) a.status = AppointmentStatus::NoShow;
        if (status == QLatin1String("error")) a.status = AppointmentStatus::EnteredInError;
        out.append(a);
    }
    return out;
}

}  // namespace

class TestBookingRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checkBooking_data();
    void checkBooking();
    void checkCancellation_data();
    void checkCancellation();
    void cancellationDeadline();
    void invalidTimes();
};

void TestBookingRules::checkBooking_data()
{
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QDateTime>("slot_start");
    QTest::addColumn<QStringList>("existing");
    QTest::addColumn<QString>("rule");  // empty: allowed

    const QDateTime morning = at("2026-11-23T08:00:00+08:00");
    const QStringList none;
    QTest::newRow("later today") << morning << at("2026-11-23T10:00:00+08:00") << none << QString();
    QTest::newRow("exactly min minutes")
        << morning << at("2026-11-23T08:05:00+08:00") << none << QString();
    QTest::newRow("too soon") << morning << at("2026-11-23T08:04:00+08:00") << none
                              << QStringLiteral("too-soon");
    QTest::newRow("starts now") << morning << morning << none << QStringLiteral("too-soon");
    QTest::newRow("started") << morning << at("2026-11-23T07:50:00+08:00") << none
                             << QStringLiteral("past");
    QTest::newRow("yesterday") << morning << at("2026-11-22T10:00:00+08:00") << none
                               << QStringLiteral("past");
    QTest::newRow("day 7") << morning << at("2026-11-30T17:20:00+08:00") << none << QString();
    QTest::newRow("day 8") << morning << at("2026-12-01T08:00:00+08:00") << none
                           << QStringLiteral("days-ahead");
    // Days are counted in Asia/Shanghai, not UTC nor the machine's zone: 23:30 UTC on the 23rd
    // is 07:30 on the 24th in the hospital, so the 1st of December is day 7.
    QTest::newRow("zone: utc evening, day 7")
        << at("2026-11-23T23:30:00Z") << at("2026-12-01T08:00:00+08:00") << none << QString();
    QTest::newRow("zone: utc evening, day 8")
        << at("2026-11-23T23:30:00Z") << at("2026-12-02T08:00:00+08:00") << none
        << QStringLiteral("days-ahead");
    // 00:30 on the 23rd in the hospital is still the 22nd in UTC.
    QTest::newRow("zone: just after midnight, day 8")
        << at("2026-11-23T00:30:00+08:00") << at("2026-12-01T08:00:00+08:00") << none
        << QStringLiteral("days-ahead");
    QTest::newRow("zone: slot given in utc")
        << morning << at("2026-11-30T00:00:00Z") << none << QString();

    const QDateTime slot = at("2026-11-24T09:00:00+08:00");
    QTest::newRow("one booked that day")
        << morning << slot << QStringList{QStringLiteral("2026-11-24T08:00:00+08:00 booked")}
        << QString();
    QTest::newRow("two booked that day")
        << morning << slot
        << QStringList{QStringLiteral("2026-11-24T08:00:00+08:00 booked"),
                       QStringLiteral("2026-11-24T15:00:00+08:00 booked")}
        << QStringLiteral("per-day");
    QTest::newRow("booked + arrived")
        << morning << slot
        << QStringList{QStringLiteral("2026-11-24T08:00:00+08:00 arrived"),
                       QStringLiteral("2026-11-24T15:00:00+08:00 booked")}
        << QStringLiteral("per-day");
    QTest::newRow("booked + pending")
        << morning << slot
        << QStringList{QStringLiteral("2026-11-24T08:00:00+08:00 pending"),
                       QStringLiteral("2026-11-24T15:00:00+08:00 booked")}
        << QStringLiteral("per-day");
    QTest::newRow("cancelled ones do not count")
        << morning << slot
        << QStringList{QStringLiteral("2026-11-24T08:00:00+08:00 cancelled"),
                       QStringLiteral("2026-11-24T10:00:00+08:00 noshow"),
                       QStringLiteral("2026-11-24T11:00:00+08:00 error"),
                       QStringLiteral("2026-11-24T15:00:00+08:00 booked")}
        << QString();
    QTest::newRow("other days do not count")
        << morning << slot
        << QStringList{QStringLiteral("2026-11-23T09:00:00+08:00 booked"),
                       QStringLiteral("2026-11-25T09:00:00+08:00 booked"),
                       QStringLiteral("2026-11-24T15:00:00+08:00 booked")}
        << QString();
    // 23:50 UTC on the 23rd is 07:50 on the 24th in the hospital: the same day as the slot.
    QTest::newRow("appointment day in the hospital's zone")
        << morning << slot
        << QStringList{QStringLiteral("2026-11-23T23:50:00Z booked"),
                       QStringLiteral("2026-11-24T15:00:00+08:00 booked")}
        << QStringLiteral("per-day");
    // 16:10 UTC on the 24th is already the 25th in the hospital.
    QTest::newRow("utc same day, hospital next day")
        << morning << slot
        << QStringList{QStringLiteral("2026-11-24T16:10:00Z booked"),
                       QStringLiteral("2026-11-24T15:00:00+08:00 booked")}
        << QString();
    QTest::newRow("past wins over per-day")
        << morning << at("2026-11-23T07:00:00+08:00")
        << QStringList{QStringLiteral("2026-11-23T08:00:00+08:00 booked"),
                       QStringLiteral("2026-11-23T15:00:00+08:00 booked")}
        << QStringLiteral("past");
}

void TestBookingRules::checkBooking()
{
    QFETCH(QDateTime, now);
    QFETCH(QDateTime, slot_start);
    QFETCH(QStringList, existing);
    QFETCH(QString, rule);
    QVERIFY(now.isValid());
    QVERIFY(slot_start.isValid());

    const BookingRules rules;  // 2 per day, 7 days ahead, 5 minutes, 2 hours
    Slot slot = slotAt("2026-11-23T08:00:00+08:00");
    slot.start = slot_start;
    slot.end = slot_start.addSecs(600);
    const mk::Status status = rules.checkBooking(slot, appointments(existing), now);
    if (rule.isEmpty()) {
        QVERIFY2(status.ok(), status.ok() ? "" : qPrintable(status.error().rule));
    } else {
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, mk::ErrorCode::Rule);
        QCOMPARE(status.error().rule, rule);
        QVERIFY(!status.error().detail.isEmpty());
    }
}

void TestBookingRules::checkCancellation_data()
{
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<int>("cutoff_hours");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("a day before") << at("2026-11-23T10:00:00+08:00") << 2 << true;
    QTest::newRow("exactly at the cutoff") << at("2026-11-24T07:00:00+08:00") << 2 << true;
    QTest::newRow("a minute after the cutoff") << at("2026-11-24T07:01:00+08:00") << 2 << false;
    QTest::newRow("after the start") << at("2026-11-24T09:30:00+08:00") << 2 << false;
    QTest::newRow("utc now before cutoff") << at("2026-11-23T22:59:00Z") << 2 << true;
    QTest::newRow("utc now after cutoff") << at("2026-11-23T23:01:00Z") << 2 << false;
    QTest::newRow("no cutoff, just before") << at("2026-11-24T08:59:00+08:00") << 0 << true;
    QTest::newRow("24 h cutoff") << at("2026-11-23T10:00:00+08:00") << 24 << false;
}

void TestBookingRules::checkCancellation()
{
    QFETCH(QDateTime, now);
    QFETCH(int, cutoff_hours);
    QFETCH(bool, allowed);
    BookingRules rules;
    rules.cancellation_cutoff_hours = cutoff_hours;
    Appointment a = appointments({QStringLiteral("2026-11-24T09:00:00+08:00 booked")}).first();
    const mk::Status status = rules.checkCancellation(a, now);
    QCOMPARE(status.ok(), allowed);
    if (!allowed) {
        QCOMPARE(status.error().code, mk::ErrorCode::Rule);
        QCOMPARE(status.error().rule, QStringLiteral("cancel-cutoff"));
    }
}

void TestBookingRules::cancellationDeadline()
{
    BookingRules rules;
    rules.cancellation_cutoff_hours = 2;
    const Slot slot = slotAt("2026-11-24T09:00:00+08:00");
    QCOMPARE(rules.cancellationDeadline(slot), at("2026-11-24T07:00:00+08:00"));
    QVERIFY(rules
                .checkCancellation(
                    appointments({QStringLiteral("2026-11-24T09:00:00+08:00 booked")}).first(),
                    rules.cancellationDeadline(slot))
                .ok());
    QVERIFY(!rules.cancellationDeadline(Slot{}).isValid());
}

void TestBookingRules::invalidTimes()
{
    const BookingRules rules;
    const mk::Status no_start = rules.checkBooking(Slot{}, {}, at("2026-11-23T08:00:00+08:00"));
    QVERIFY(!no_start.ok());
    QVERIFY(no_start.error().code != mk::ErrorCode::Unset);
    QVERIFY(!rules.checkCancellation(Appointment{}, at("2026-11-23T08:00:00+08:00")).ok());
}

QTEST_GUILESS_MAIN(TestBookingRules)
#include "tst_bookingrules.moc"
