// The booking service's cache documents: lossless round trips, stable keys, damaged payloads.
#include "core/booking/BookingCache.h"

#include <QTest>

namespace cache = mk::booking::cache;

class TestBookingCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keys();
    void departmentsRoundTrip();
    void doctorsRoundTrip();
    void slotsRoundTrip();
    void badPayloads_data();
    void badPayloads();
};

void TestBookingCache::keys()
{
    const QDate day(2026, 11, 24);
    const QString a = cache::slotsKey({QStringLiteral("sch-b"), QStringLiteral("sch-a")}, day);
    const QString b = cache::slotsKey({QStringLiteral("sch-a"), QStringLiteral("sch-b")}, day);
    QCOMPARE(a, b);
    QCOMPARE(a, QStringLiteral("booking:slots:sch-a,sch-b:2026-11-24"));
    QVERIFY(cache::slotsKey({QStringLiteral("sch-a")}, day) != a);
    QVERIFY(cache::slotsKey({QStringLiteral("sch-a"), QStringLiteral("sch-b")}, day.addDays(1)) !=
            a);
    QVERIFY(cache::doctorsKey(QStringLiteral("dept-ped")) !=
            cache::doctorsKey(QStringLiteral("dept-eye")));
    QVERIFY(cache::departmentsKey() != cache::doctorsKey(QString()));
}

void TestBookingCache::departmentsRoundTrip()
{
    const QList<mk::fhir::Department> in = {
        {QStringLiteral("dept-ped"),
         {QStringLiteral("儿科门诊"), QStringLiteral("General Pediatrics")}},
        {QStringLiteral("dept-eye"), {QStringLiteral("眼科"), QString()}}};
    const auto out = cache::decodeDepartments(cache::encode(in));
    QVERIFY(out);
    QCOMPARE(*out, in);
    QVERIFY(cache::decodeDepartments(cache::encode(QList<mk::fhir::Department>{}))->isEmpty());
}

void TestBookingCache::doctorsRoundTrip()
{
    mk::fhir::Doctor d;
    d.id = QStringLiteral("pr-ped-01");
    d.schedule_id = QStringLiteral("sch-ped-01");
    d.name = {QStringLiteral("王医生"), QStringLiteral("Dr Wang")};
    d.title = {QStringLiteral("主任医师"), QStringLiteral("Chief physician")};
    const auto out = cache::decodeDoctors(cache::encode(QList<mk::fhir::Doctor>{d}));
    QVERIFY(out);
    QCOMPARE(*out, QList<mk::fhir::Doctor>{d});
}

void TestBookingCache::slotsRoundTrip()
{
    QList<mk::fhir::Slot> in;
    const QList<mk::fhir::SlotStatus> statuses = {
        mk::fhir::SlotStatus::Free,           mk::fhir::SlotStatus::Busy,
        mk::fhir::SlotStatus::BusyTentative,  mk::fhir::SlotStatus::BusyUnavailable,
        mk::fhir::SlotStatus::EnteredInError, mk::fhir::SlotStatus::Unknown};
    for (int i = 0; i < statuses.size(); ++i) {
        mk::fhir::Slot s;
        s.id = QStringLiteral("sl-%1").arg(i);
        s.schedule_id = QStringLiteral("sch-ped-01");
        s.start = QDateTime::fromString(
            QStringLiteral("2026-11-24T08:%1:00+08:00").arg(i * 10, 2, 10, QLatin1Char('0')),
            Qt::ISODate);
        s.end = s.start.addSecs(600);
        s.status = statuses.at(i);
        in.append(s);
    }
    const auto out = cache::decodeSlots(cache::encode(in));
    QVERIFY(out);
    QCOMPARE(*out, in);
    // The offset survives (screens show the hospital's local time).
    QCOMPARE(out->first().start.offsetFromUtc(), 8 * 3600);
}

void TestBookingCache::badPayloads_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("garbage") << QByteArray("\x01\x02not json");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("other format") << QByteArray(R"({"format":2,"kind":"slots","items":[]})");
    QTest::newRow("other kind") << QByteArray(R"({"format":1,"kind":"doctors","items":[]})");
    QTest::newRow("items not array") << QByteArray(R"({"format":1,"kind":"slots","items":{}})");
    QTest::newRow("slot without id") << QByteArray(
        R"({"format":1,"kind":"slots","items":[{"start":"2026-11-24T08:00:00+08:00"}]})");
    QTest::newRow("slot with bad start")
        << QByteArray(R"({"format":1,"kind":"slots","items":[{"id":"sl-1","start":"yesterday"}]})");
    QTest::newRow("truncated") << cache::encode(QList<mk::fhir::Slot>{}).chopped(3);
}

void TestBookingCache::badPayloads()
{
    QFETCH(QByteArray, payload);
    QVERIFY(!cache::decodeSlots(payload));
}

QTEST_GUILESS_MAIN(TestBookingCache)
#include "tst_bookingcache.moc"
