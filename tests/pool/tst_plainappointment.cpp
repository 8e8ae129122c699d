// The one-pass read of an Appointment (fhir::parser::plainAppointment, issue 13) against the
// checked parser: the replies the simulator really sends (booked, arrived with its visit number
// and check-in token, cancelled) are read in one pass with the checked parser's result; an
// Appointment the checked parser reads in its own way (fractions of a second, a number written
// 7.0, a repeated member) gives nothing in one pass and parser::appointment still reads it; one
// the checked parser refuses gives nothing in one pass and the checked parser's error.
#include "JsonFixture.h"
#include "core/fhir/FhirParser.h"
#include "core/fhir/FhirPlainAppointment.h"
#include "core/pool/CurlTransport.h"
#include "poolsim/SimulatorThread.h"

#include <QTest>
#include <QUuid>

using namespace mk;
using namespace mk::fhir;
using mk::test::q;

namespace {

// An arrived appointment as the pool sends it, with members the kiosk does not read.
const QByteArray kArrived =
    "{'resourceType':'Appointment','id':'appt-1','meta':{'versionId':'2','lastUpdated':"
    "'2030-11-07T08:01:00+08:00'},'status':'arrived',"
    "'identifier':[{'use':'usual','system':'urn:medkiosk:booking','value':'u-1'},"
    "{'system':'urn:medkiosk:appointment','value':'A20301107-0001'}],"
    "'slot':[{'reference':'Slot/sl-1','display':'8:00'}],'start':'2030-11-07T08:00:00+08:00',"
    "'end':'2030-11-07T08:10:00+08:00','participant':["
    "{'actor':{'reference':'Patient/pat-1002','display':'王小明'},'status':'accepted'},"
    "{'type':[{'text':'医生'}],'actor':{'reference':"
    "'http://127.0.0.1:8080/fhir/Practitioner/pr-ped-01/_history/3'},'status':'accepted'},"
    "{'actor':{'reference':'HealthcareService/dept-ped'},'status':'accepted'}],"
    "'extension':[{'url':'http://medkiosk.example/fhir/StructureDefinition/"
    "appointment-location','extension':[{'url':'building','valueString':'A'},"
    "{'url':'floor','valueInteger':3}]},"
    "{'url':'http://medkiosk.example/fhir/StructureDefinition/visit-sequence',"
    "'valuePositiveInt':7},"
    "{'url':'http://medkiosk.example/fhir/StructureDefinition/checkin-token',"
    "'valueString':'eyJhbGciOiJFUzI1NiJ9.e30.sig'}]}";

// `a` with `from` replaced by `to` (the first occurrence), in fixture quotes.
QByteArray variant(const QByteArray& from, const QByteArray& to)
{
    QByteArray out = kArrived;
    const qsizetype at = out.indexOf(from);
    if (at < 0) qFatal("fixture lacks %s", from.constData());
    return q(out.replace(at, from.size(), to));
}

// The checked parser alone (what parser::appointment did before the one-pass read).
Result<Appointment> checkedRead(const QByteArray& json)
{
    const Result<QJsonObject> o = parser::resourceObject(json, QStringLiteral("Appointment"));
    if (!o) return o.error();
    return parser::appointmentFromJson(o.value());
}

}  // namespace

class TestPlainAppointment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wellFormedReadsInOnePass();
    void readsInOnePassLikeTheCheckedParser_data();
    void readsInOnePassLikeTheCheckedParser();
    void leftToTheCheckedParser_data();
    void leftToTheCheckedParser();
    void refusedWithTheCheckedParsersError_data();
    void refusedWithTheCheckedParsersError();
    void simulatorRepliesReadInOnePass();
};

void TestPlainAppointment::wellFormedReadsInOnePass()
{
    const std::optional<Appointment> a = parser::plainAppointment(q(kArrived));
    QVERIFY(a.has_value());
    QCOMPARE(a->id, QStringLiteral("appt-1"));
    QCOMPARE(a->version_id, QStringLiteral("2"));
    QCOMPARE(a->client_identifier, QStringLiteral("u-1"));
    QCOMPARE(a->appointment_number, QStringLiteral("A20301107-0001"));
    QCOMPARE(a->status, AppointmentStatus::Arrived);
    QCOMPARE(a->slot_id, QStringLiteral("sl-1"));
    QCOMPARE(a->patient_id, QStringLiteral("pat-1002"));
    QCOMPARE(a->practitioner_id, QStringLiteral("pr-ped-01"));
    QCOMPARE(a->department_id, QStringLiteral("dept-ped"));
    QCOMPARE(a->start, QDateTime(QDate(2030, 11, 7), QTime(0, 0), Qt::UTC));
    QCOMPARE(a->end, QDateTime(QDate(2030, 11, 7), QTime(0, 10), Qt::UTC));
    QCOMPARE(a->visit_sequence, 7);
    QCOMPARE(a->checkin_token, QStringLiteral("eyJhbGciOiJFUzI1NiJ9.e30.sig"));
    const Result<Appointment> checked = checkedRead(q(kArrived));
    QVERIFY2(checked.ok(), qPrintable(checked.ok() ? QString() : checked.error().detail));
    QCOMPARE(*a, checked.value());
}

void TestPlainAppointment::readsInOnePassLikeTheCheckedParser_data()
{
    QTest::addColumn<QByteArray>("json");
    const QByteArray seq = "'valuePositiveInt':7}";
    QTest::newRow("cancelled without times")
        << q("{'resourceType':'Appointment','id':'a-2','status':'cancelled'}");
    QTest::newRow("proposed with a start only")
        << q("{'resourceType':'Appointment','id':'a-3','status':'proposed',"
             "'start':'2030-11-07T08:00:00Z'}");
    QTest::newRow("the first identifier of a system counts")
        << variant("{'system':'urn:medkiosk:appointment','value':'A20301107-0001'}",
                   "{'system':'urn:medkiosk:appointment','value':'A-first'},"
                   "{'system':'urn:medkiosk:appointment','value':''},{'value':'no system'}");
    QTest::newRow("the last visit sequence counts")
        << variant(seq, seq +
                            ",{'url':'http://medkiosk.example/fhir/StructureDefinition/"
                            "visit-sequence','valuePositiveInt':8}");
    QTest::newRow("a token over 1,024 characters is left out")
        << variant("'eyJhbGciOiJFUzI1NiJ9.e30.sig'", "'" + QByteArray(1025, 'x') + "'");
    QTest::newRow("a token that is not a string is left out")
        << variant("'eyJhbGciOiJFUzI1NiJ9.e30.sig'", "42");
    QTest::newRow("a participant without actor, a reference to something else")
        << variant("{'actor':{'reference':'Patient/pat-1002','display':'王小明'},",
                   "{'status':'needs-action'},{'actor':{'display':'家长'}},"
                   "{'actor':{'reference':'RelatedPerson/rp-1'}},"
                   "{'actor':{'reference':'Patient/pat-1002'},");
    QTest::newRow("escaped text") << variant("'A20301107-0001'", "'A2030\\u0031107-0001'");
    QTest::newRow("no meta, no slot")
        << q("{'resourceType':'Appointment','id':'a-4',"
             "'status':'booked','start':'2030-11-07T08:00:00Z',"
             "'end':'2030-11-07T08:10:00Z','slot':[]}");
}

void TestPlainAppointment::readsInOnePassLikeTheCheckedParser()
{
    QFETCH(QByteArray, json);
    const Result<Appointment> checked = checkedRead(json);
    QVERIFY2(checked.ok(), qPrintable(checked.ok() ? QString() : checked.error().detail));
    const std::optional<Appointment> plain = parser::plainAppointment(json);
    QVERIFY(plain.has_value());
    QCOMPARE(*plain, checked.value());
}

void TestPlainAppointment::leftToTheCheckedParser_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("fractions of a second")
        << variant("'2030-11-07T08:00:00+08:00'", "'2030-11-07T08:00:00.250+08:00'");
    QTest::newRow("UTC written +00:00")
        << variant("'2030-11-07T08:10:00+08:00'", "'2030-11-07T00:10:00+00:00'");
    QTest::newRow("visit sequence written 7.0")
        << variant("'valuePositiveInt':7", "'valuePositiveInt':7.0");
    QTest::newRow("a repeated member")
        << variant("'status':'arrived'", "'status':'booked','status':'arrived'");
    QTest::newRow("an empty optional start")
        << q("{'resourceType':'Appointment','id':'a-5','status':'cancelled','start':''}");
    QTest::newRow("an extension url that is not a string") << variant(
        "{'url':'http://medkiosk.example/fhir/StructureDefinition/checkin-token'", "{'url':1");
}

void TestPlainAppointment::leftToTheCheckedParser()
{
    QFETCH(QByteArray, json);
    QVERIFY(!parser::plainAppointment(json).has_value());
    const Result<Appointment> checked = checkedRead(json);
    const Result<Appointment> read = parser::appointment(json);
    QCOMPARE(read.ok(), checked.ok());
    if (checked.ok()) QCOMPARE(read.value(), checked.value());
}

void TestPlainAppointment::refusedWithTheCheckedParsersError_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("detail");  // the element the error names
    QTest::newRow("unknown status")
        << variant("'arrived'", "'here'") << QStringLiteral("Appointment.status");
    QTest::newRow("blank id") << variant("'appt-1'", "'  '") << QStringLiteral("Appointment.id");
    QTest::newRow("visit sequence 0") << variant("'valuePositiveInt':7", "'valuePositiveInt':0")
                                      << QStringLiteral("visit-sequence");
    QTest::newRow("booked without end")
        << q("{'resourceType':'Appointment','id':'a-6','status':'booked',"
             "'start':'2030-11-07T08:00:00Z'}")
        << QStringLiteral("Appointment.end");
    QTest::newRow("identifier system a number")
        << variant("'system':'urn:medkiosk:booking'", "'system':7")
        << QStringLiteral("Appointment.identifier.system");
    QTest::newRow("an identifier of ours without value")
        << variant(",'value':'A20301107-0001'", "") << QStringLiteral("Appointment.identifier");
    QTest::newRow("slot reference missing")
        << variant("'reference':'Slot/sl-1',", "") << QStringLiteral("Appointment.slot[0]");
    QTest::newRow("actor not an object")
        << variant("'actor':{'reference':'HealthcareService/dept-ped'}", "'actor':'dept-ped'")
        << QStringLiteral("Appointment.participant");
    QTest::newRow("a Slot") << variant("'Appointment'", "'Slot'") << QStringLiteral("Appointment");
    QTest::newRow("cut off") << q(kArrived.left(kArrived.size() / 2)) << QStringLiteral("JSON");
}

void TestPlainAppointment::refusedWithTheCheckedParsersError()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, detail);
    QVERIFY(!parser::plainAppointment(json).has_value());
    const Result<Appointment> read = parser::appointment(json);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, ErrorCode::BadReply);
    QVERIFY2(read.error().detail.contains(detail), qPrintable(read.error().detail));
    QCOMPARE(read.error().detail, checkedRead(json).error().detail);
}

// What the relay reads per check-in: GET Appointment (booked), POST $check-in (arrived, with the
// visit number and a check-in token), and POST $cancel (cancelled), from the simulator over HTTP.
void TestPlainAppointment::simulatorRepliesReadInOnePass()
{
    sim::SimOptions o;
    o.require_auth = false;  // the replies' text, not authorisation
    sim::SimulatorThread sim{o};
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));
    const QStringList ids = sim.createAppointments(2);
    QCOMPARE(ids.size(), 2);
    pool::CurlTransport http{pool::TransportOptions{}};
    const auto call = [&](const QByteArray& method, const QString& path,
                          const QByteArray& if_match) {
        pool::HttpRequest r;
        r.method = method;
        r.url = QUrl(sim.baseUrl().toString() + QLatin1Char('/') + path);
        r.headers = {{"Accept", "application/fhir+json"}};
        if (!if_match.isEmpty()) r.headers.append({"If-Match", if_match});
        if (method == "POST") {
            r.headers.append(
                {"Idempotency-Key", QUuid::createUuid().toString(QUuid::WithoutBraces).toUtf8()});
        }
        const Result<pool::HttpResponse> reply = http.perform(r);
        if (!reply || reply.value().status != 200) qFatal("%s failed", qPrintable(path));
        return reply.value();
    };
    const auto both = [](const QByteArray& body) {
        const std::optional<Appointment> plain = parser::plainAppointment(body);
        const Result<Appointment> checked = checkedRead(body);
        if (!plain || !checked.ok() || !(*plain == checked.value())) {
            qFatal("not read alike: %s", body.constData());
        }
        return *plain;
    };
    const pool::HttpResponse got = call("GET", QStringLiteral("Appointment/") + ids.at(0), {});
    const Appointment booked = both(got.body);
    QCOMPARE(booked.status, AppointmentStatus::Booked);
    QVERIFY(!booked.appointment_number.isEmpty());
    QVERIFY(!booked.patient_id.isEmpty());
    QVERIFY(!booked.slot_id.isEmpty());
    const Appointment arrived = both(
        call("POST", QStringLiteral("Appointment/%1/$check-in").arg(ids.at(0)), got.etag).body);
    QCOMPARE(arrived.status, AppointmentStatus::Arrived);
    QCOMPARE(arrived.id, booked.id);
    QCOMPARE(arrived.appointment_number, booked.appointment_number);
    QVERIFY(arrived.visit_sequence > 0);
    QVERIFY(!arrived.checkin_token.isEmpty());
    const Appointment cancelled =
        both(call("POST", QStringLiteral("Appointment/%1/$cancel").arg(ids.at(1)), {}).body);
    QCOMPARE(cancelled.status, AppointmentStatus::Cancelled);
}

QTEST_GUILESS_MAIN(TestPlainAppointment)
#include "tst_plainappointment.moc"
