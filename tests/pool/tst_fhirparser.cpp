// The FHIR parser and writer: every official R4 example of the resources the kiosk reads parses,
// with values checked; a table of bad inputs each gives BadReply naming the problem, never a crash.
#include "JsonFixture.h"
#include "core/fhir/FhirParser.h"
#include "core/fhir/FhirWriter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace mk;
using namespace mk::fhir;
using mk::test::q;

namespace {

// The official R4 examples of the resource types the kiosk reads (tests/data, HL7, CC0).
QString examplesDir()
{
    return QStringLiteral(MEDKIOSK_TESTDATA "/fhir/r4-examples");
}

struct ExampleCount {
    const char* type;
    int count;
};
constexpr ExampleCount kExampleCounts[] = {{"Slot", 4},
                                           {"Schedule", 3},
                                           {"Appointment", 3},
                                           {"Patient", 22},
                                           {"OperationOutcome", 6},
                                           {"Practitioner", 14},
                                           {"HealthcareService", 1},
                                           {"Bundle", 5}};

QByteArray example(const QString& name)
{
    QFile f(examplesDir() + QLatin1Char('/') + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QDateTime utc(int y, int mo, int d, int h, int mi)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC);
}

// A valid pool Slot / Appointment / Patient / Bundle, as the simulator sends them.
const char* const kSlot =
    "{'resourceType':'Slot','id':'sl-ped-01-20301107-0800','schedule':{'reference':"
    "'Schedule/sch-ped-01'},'status':'free','start':'2030-11-07T08:00:00+08:00',"
    "'end':'2030-11-07T08:10:00+08:00'}";
const char* const kAppointment =
    "{'resourceType':'Appointment','id':'appt-1','meta':{'versionId':'2'},'status':'arrived',"
    "'identifier':[{'system':'urn:medkiosk:booking','value':'u-1'},"
    "{'system':'urn:medkiosk:appointment','value':'A20301107-0001'}],"
    "'slot':[{'reference':'Slot/sl-1'}],'start':'2030-11-07T08:00:00+08:00',"
    "'end':'2030-11-07T08:10:00+08:00','participant':["
    "{'actor':{'reference':'Patient/pat-1002'},'status':'accepted'},"
    "{'actor':{'reference':'Practitioner/pr-ped-01'},'status':'accepted'},"
    "{'actor':{'reference':'HealthcareService/dept-ped'},'status':'accepted'}],"
    "'extension':[{'url':'http://medkiosk.example/fhir/StructureDefinition/visit-sequence',"
    "'valuePositiveInt':7}]}";
const char* const kPatient =
    "{'resourceType':'Patient','id':'pat-1002','identifier':[{'system':"
    "'urn:medkiosk:patient-number','value':'P00001002'}],'name':[{'text':'李小雨','_text':"
    "{'extension':[{'url':'http://hl7.org/fhir/StructureDefinition/translation','extension':"
    "[{'url':'lang','valueCode':'en'},{'url':'content','valueString':'Li Xiaoyu'}]}]}}],"
    "'gender':'female','birthDate':'2018-06-01','extension':[{'url':"
    "'http://medkiosk.example/fhir/StructureDefinition/guardian','valueReference':"
    "{'reference':'Patient/pat-1001'}}],'unknownElement':{'x':[1,2,3]}}";

}  // namespace

class TestFhirParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // tests/data/fhir/r4-examples holds exactly the official examples of these types.
    void officialExamplesAreThere()
    {
        const QDir dir(examplesDir());
        QVERIFY2(dir.exists(), qPrintable(dir.path()));
        int total = 0;
        for (const auto& [type, count] : kExampleCounts) {
            const QString t = QLatin1String(type);
            QCOMPARE(dir.entryList({t + QStringLiteral("-*.json")}, QDir::Files).size(), count);
            total += count;
        }
        QCOMPARE(total, 58);
        QCOMPARE(dir.entryList({QStringLiteral("*.json")}, QDir::Files).size(), total);
    }

    void officialExamplesParse_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("type");
        const QDir dir(examplesDir());
        for (const ExampleCount& e : kExampleCounts) {
            const QString t = QLatin1String(e.type);
            for (const QString& f :
                 dir.entryList({t + QStringLiteral("-*.json")}, QDir::Files, QDir::Name)) {
                QTest::newRow(qPrintable(f)) << f << t;
            }
        }
    }
    void officialExamplesParse()
    {
        QFETCH(QString, file);
        QFETCH(QString, type);
        const QByteArray json = example(file);
        QVERIFY(!json.isEmpty());
        QString error;
        bool ok = false;
        if (type == QLatin1String("Slot")) {
            const auto r = parser::slot(json);
            ok = r.ok();
            error = ok ? QString() : r.error().detail;
        } else if (type == QLatin1String("Schedule")) {
            const auto r = parser::schedule(json);
            ok = r.ok();
            error = ok ? QString() : r.error().detail;
        } else if (type == QLatin1String("Appointment")) {
            const auto r = parser::appointment(json);
            ok = r.ok();
            error = ok ? QString() : r.error().detail;
        } else if (type == QLatin1String("Patient")) {
            const auto r = parser::patient(json);
            ok = r.ok();
            error = ok ? QString() : r.error().detail;
        } else if (type == QLatin1String("OperationOutcome")) {
            const auto r = parser::outcome(json);
            ok = r.ok();
            error = ok ? QString() : r.error().detail;
        } else if (type == QLatin1String("Practitioner")) {
            const auto r = parser::practitioner(json);
            ok = r.ok();
            error = ok ? QString() : r.error().detail;
        } else if (type == QLatin1String("HealthcareService")) {
            const auto r = parser::department(json);
            ok = r.ok();
            error = ok ? QString() : r.error().detail;
        } else {
            const auto r = parser::bundle(json);
            ok = r.ok();
            error = ok ? QString() : r.error().detail;
        }
        QVERIFY2(ok, qPrintable(file + QStringLiteral(": ") + error));
    }

    void officialExampleValues()
    {
        // Each file read below is there (a failure, not an exception from value() further down).
        for (const char* name :
             {"Slot-example.json", "Slot-1.json", "Slot-2.json", "Slot-3.json",
              "Schedule-exampleloc1.json", "Appointment-example.json",
              "Appointment-examplereq.json", "Patient-example.json", "Patient-ch-example.json",
              "OperationOutcome-101.json", "OperationOutcome-allok.json",
              "Practitioner-example.json", "Bundle-bundle-example.json"}) {
            QVERIFY2(QFile::exists(examplesDir() + QLatin1Char('/') + QLatin1String(name)), name);
        }
        const auto slot = parser::slot(example(QStringLiteral("Slot-example.json")));
        QVERIFY(slot.ok());
        QCOMPARE(slot.value().id, QStringLiteral("example"));
        QCOMPARE(slot.value().schedule_id, QStringLiteral("example"));
        QCOMPARE(slot.value().status, SlotStatus::Free);
        QCOMPARE(slot.value().start, utc(2013, 12, 25, 9, 15));
        QCOMPARE(slot.value().end, utc(2013, 12, 25, 9, 30));
        QCOMPARE(parser::slot(example(QStringLiteral("Slot-1.json"))).value().status,
                 SlotStatus::Busy);
        QCOMPARE(parser::slot(example(QStringLiteral("Slot-2.json"))).value().status,
                 SlotStatus::BusyTentative);
        QCOMPARE(parser::slot(example(QStringLiteral("Slot-3.json"))).value().status,
                 SlotStatus::BusyUnavailable);

        const auto sch = parser::schedule(example(QStringLiteral("Schedule-exampleloc1.json")));
        QVERIFY(sch.ok());
        QCOMPARE(sch.value().id, QStringLiteral("exampleloc1"));
        QCOMPARE(sch.value().practitioner_id, QStringLiteral("1"));
        QVERIFY(sch.value().active);

        const auto appt = parser::appointment(example(QStringLiteral("Appointment-example.json")));
        QVERIFY(appt.ok());
        QCOMPARE(appt.value().id, QStringLiteral("example"));
        QCOMPARE(appt.value().status, AppointmentStatus::Booked);
        QCOMPARE(appt.value().start, utc(2013, 12, 10, 9, 0));
        QCOMPARE(appt.value().end, utc(2013, 12, 10, 11, 0));
        QCOMPARE(appt.value().patient_id, QStringLiteral("example"));
        QCOMPARE(appt.value().practitioner_id, QStringLiteral("example"));
        const auto req =
            parser::appointment(example(QStringLiteral("Appointment-examplereq.json")));
        QVERIFY(req.ok());
        QCOMPARE(req.value().status, AppointmentStatus::Proposed);
        QCOMPARE(req.value().slot_id, QStringLiteral("example"));
        QVERIFY(!req.value().start.isValid());

        const auto pat = parser::patient(example(QStringLiteral("Patient-example.json")));
        QVERIFY(pat.ok());
        QCOMPARE(pat.value().id, QStringLiteral("example"));
        QCOMPARE(pat.value().birth_date, QDate(1974, 12, 25));
        QCOMPARE(pat.value().gender, QStringLiteral("male"));
        QCOMPARE(pat.value().phone, QStringLiteral("(03) 5555 6473"));
        QCOMPARE(pat.value().name.zh, QStringLiteral("Peter James Chalmers"));
        const auto ch = parser::patient(example(QStringLiteral("Patient-ch-example.json")));
        QVERIFY(ch.ok());
        QCOMPARE(ch.value().name.zh, QStringLiteral("张无忌"));
        QCOMPARE(ch.value().phone, QStringLiteral("18337177888"));

        const auto oo = parser::outcome(example(QStringLiteral("OperationOutcome-101.json")));
        QVERIFY(oo.ok());
        QCOMPARE(oo.value().issues.size(), 1);
        QCOMPARE(oo.value().issues.first().severity, QStringLiteral("error"));
        QCOMPARE(oo.value().issues.first().code, QStringLiteral("code-invalid"));
        QCOMPARE(oo.value().issues.first().diagnostics,
                 QStringLiteral("Acme.Interop.FHIRProcessors.Patient.processGender line 2453"));
        const auto allok = parser::outcome(example(QStringLiteral("OperationOutcome-allok.json")));
        QVERIFY(allok.ok());
        QCOMPARE(allok.value().issues.first().details, QStringLiteral("All OK"));

        const auto doc = parser::practitioner(example(QStringLiteral("Practitioner-example.json")));
        QVERIFY(doc.ok());
        QCOMPARE(doc.value().name.zh, QStringLiteral("Adam Careful"));
        QCOMPARE(doc.value().title.zh, QStringLiteral("Bachelor of Science"));

        const auto b = parser::bundle(example(QStringLiteral("Bundle-bundle-example.json")),
                                      QUrl(QStringLiteral("https://example.com/base")));
        QVERIFY(b.ok());
        QCOMPARE(b.value().type, QStringLiteral("searchset"));
        QCOMPARE(b.value().total, 3);
        QCOMPARE(b.value().next.host(), QStringLiteral("example.com"));
        QCOMPARE(
            b.value().resources(QStringLiteral("Medication"), QStringLiteral("include")).size(), 1);
        const auto foreign = parser::bundle(example(QStringLiteral("Bundle-bundle-example.json")),
                                            QUrl(QStringLiteral("http://127.0.0.1:8080/fhir")));
        QVERIFY(!foreign.ok());
        QCOMPARE(foreign.error().code, ErrorCode::BadReply);
    }

    // The first look at the next link (the client asks for the next page while it parses this
    // one) finds what the full parse finds, wherever "link" is, and nothing on bad text.
    void peekNextLinkAgreesWithTheParse()
    {
        const QUrl example_base(QStringLiteral("https://example.com/base"));
        const QByteArray official = example(QStringLiteral("Bundle-bundle-example.json"));
        const QUrl peeked = parser::peekNextLink(official, example_base);
        QVERIFY(!peeked.isEmpty());
        QCOMPARE(peeked, parser::bundle(official, example_base).value().next);
        // A foreign origin: no guess (the parse refuses it too).
        QVERIFY(parser::peekNextLink(official, QUrl(u"http://127.0.0.1:8080/fhir"_qs)).isEmpty());

        // As the simulator writes a page: "link" after the entries, whose strings hold braces,
        // brackets, escaped quotes and the word "link".
        const QUrl pool(u"http://127.0.0.1:8080/fhir"_qs);
        const QByteArray page =
            q("{'entry':[{'resource':{'resourceType':'Slot','id':'s-1','comment':'a \\\"link\\\" "
              "{[ ]}','link':[{'relation':'next','url':'http://127.0.0.1:8080/fhir/x'}]},"
              "'search':{'mode':'match'}}],'link':[{'relation':'self','url':"
              "'http://127.0.0.1:8080/fhir/Slot?_count=1'},{'relation':'next','url':"
              "'http://127.0.0.1:8080/fhir/Slot?_count=1&_offset=1'}],'resourceType':'Bundle',"
              "'total':2,'type':'searchset'}");
        const auto parsed = parser::bundle(page, pool);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().detail));
        QCOMPARE(parser::peekNextLink(page, pool), parsed.value().next);
        QCOMPARE(parsed.value().next.query(), u"_count=1&_offset=1"_qs);

        // The last page, cut text, not an object, a link that is not absolute: nothing.
        QVERIFY(parser::peekNextLink(q("{'link':[{'relation':'self','url':'http://127.0.0.1:8080/"
                                       "fhir/Slot'}],'type':'searchset'}"),
                                     pool)
                    .isEmpty());
        QVERIFY(parser::peekNextLink(page.left(page.size() - 60), pool).isEmpty());
        QVERIFY(parser::peekNextLink(page.left(page.indexOf("'link':[{'relation':'self'")), pool)
                    .isEmpty());
        QVERIFY(parser::peekNextLink(QByteArrayLiteral("[1,2]"), pool).isEmpty());
        QVERIFY(
            parser::peekNextLink(q("{'link':[{'relation':'next','url':'/fhir/Slot?p=2'}]}"), pool)
                .isEmpty());
    }

    void poolResources()
    {
        const auto a = parser::appointment(q(kAppointment));
        QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().detail));
        QCOMPARE(a.value().version_id, QStringLiteral("2"));
        QCOMPARE(a.value().client_identifier, QStringLiteral("u-1"));
        QCOMPARE(a.value().appointment_number, QStringLiteral("A20301107-0001"));
        QCOMPARE(a.value().status, AppointmentStatus::Arrived);
        QCOMPARE(a.value().slot_id, QStringLiteral("sl-1"));
        QCOMPARE(a.value().patient_id, QStringLiteral("pat-1002"));
        QCOMPARE(a.value().practitioner_id, QStringLiteral("pr-ped-01"));
        QCOMPARE(a.value().department_id, QStringLiteral("dept-ped"));
        QCOMPARE(a.value().visit_sequence, 7);
        QCOMPARE(a.value().start.offsetFromUtc(), 8 * 3600);

        const auto p = parser::patient(q(kPatient));
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().detail));
        QCOMPARE(p.value().patient_number, QStringLiteral("P00001002"));
        QCOMPARE(p.value().name.zh, QStringLiteral("李小雨"));
        QCOMPARE(p.value().name.en, QStringLiteral("Li Xiaoyu"));
        QCOMPARE(p.value().name.forLanguage(QStringLiteral("en")), QStringLiteral("Li Xiaoyu"));
        QCOMPARE(p.value().guardian_id, QStringLiteral("pat-1001"));
        QCOMPARE(p.value().birth_date, QDate(2018, 6, 1));
        QVERIFY(p.value().phone.isEmpty());

        const auto s = parser::slot(q(kSlot));
        QVERIFY(s.ok());
        QCOMPARE(s.value().schedule_id, QStringLiteral("sch-ped-01"));
        QVERIFY(s.value().isFree());
    }

    void writerBooking()
    {
        Appointment in;
        in.client_identifier = QStringLiteral("3f1c-uuid");
        in.slot_id = QStringLiteral("sl-ped-01-20301107-0800");
        in.start = QDateTime::fromString(QStringLiteral("2030-11-07T08:00:00+08:00"), Qt::ISODate);
        in.end = in.start.addSecs(600);
        in.patient_id = QStringLiteral("pat-1001");
        in.practitioner_id = QStringLiteral("pr-ped-01");
        in.department_id = QStringLiteral("dept-ped");
        const QByteArray json = writer::bookingAppointment(in);
        const QJsonObject o = QJsonDocument::fromJson(json).object();
        QCOMPARE(o.value(QStringLiteral("resourceType")).toString(), QStringLiteral("Appointment"));
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("booked"));
        QCOMPARE(o.value(QStringLiteral("start")).toString(),
                 QStringLiteral("2030-11-07T08:00:00+08:00"));
        QCOMPARE(o.value(QStringLiteral("end")).toString(),
                 QStringLiteral("2030-11-07T08:10:00+08:00"));
        QCOMPARE(o.value(QStringLiteral("participant")).toArray().size(), 3);
        // What the writer produces reads back (with the id the pool adds).
        QJsonObject stored = o;
        stored.insert(QStringLiteral("id"), QStringLiteral("appt-9"));
        const auto back = parser::appointmentFromJson(stored);
        QVERIFY(back.ok());
        QCOMPARE(back.value().client_identifier, in.client_identifier);
        QCOMPARE(back.value().slot_id, in.slot_id);
        QCOMPARE(back.value().start, in.start);
        QCOMPARE(back.value().end, in.end);
        QCOMPARE(back.value().patient_id, in.patient_id);
        QCOMPARE(back.value().practitioner_id, in.practitioner_id);
        QCOMPARE(back.value().department_id, in.department_id);
        QCOMPARE(back.value().status, AppointmentStatus::Booked);
    }

    void badInputs_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");  // the detail names this

        const QByteArray slot = q(kSlot);
        const QByteArray appt = q(kAppointment);
        const QByteArray patient = q(kPatient);
        auto replace = [](QByteArray s, const char* from, const char* to) {
            return s.replace(from, to);
        };
        const QString S = QStringLiteral("slot");
        const QString A = QStringLiteral("appointment");
        const QString P = QStringLiteral("patient");
        const QString B = QStringLiteral("bundle");
        const QString O = QStringLiteral("outcome");
        const QString H = QStringLiteral("schedule");

        QTest::newRow("not JSON") << S << QByteArray("<html>login</html>")
                                  << QStringLiteral("not JSON");
        QTest::newRow("empty") << S << QByteArray() << QStringLiteral("empty");
        QTest::newRow("whitespace") << S << QByteArray(" \n ") << QStringLiteral("empty");
        QTest::newRow("array") << S << QByteArray("[1,2]") << QStringLiteral("object");
        QTest::newRow("string") << S << QByteArray("\"Slot\"") << QStringLiteral("");
        QTest::newRow("null") << S << QByteArray("null") << QStringLiteral("");
        QTest::newRow("no resourceType")
            << S << QByteArray("{\"id\":\"x\"}") << QStringLiteral("resourceType");
        QTest::newRow("wrong resourceType") << S << replace(slot, "\"Slot\"", "\"Patient\"")
                                            << QStringLiteral("resourceType is Patient");
        QTest::newRow("resourceType number")
            << S << replace(slot, "\"Slot\"", "7") << QStringLiteral("string");
        QTest::newRow("slot missing id")
            << S << replace(slot, "\"id\"", "\"idx\"") << QStringLiteral("Slot.id");
        QTest::newRow("slot empty id") << S << replace(slot, "\"sl-ped-01-20301107-0800\"", "\"\"")
                                       << QStringLiteral("Slot.id");
        QTest::newRow("slot missing start")
            << S << replace(slot, "\"start\"", "\"begin\"") << QStringLiteral("Slot.start");
        QTest::newRow("slot start number")
            << S << replace(slot, "\"2030-11-07T08:00:00+08:00\"", "20301107")
            << QStringLiteral("Slot.start");
        QTest::newRow("slot bad date") << S << replace(slot, "2030-11-07T08:00", "2030-02-30T08:00")
                                       << QStringLiteral("Slot.start");
        QTest::newRow("slot date only")
            << S << replace(slot, "2030-11-07T08:00:00+08:00", "2030-11-07")
            << QStringLiteral("Slot.start");
        QTest::newRow("slot no zone")
            << S << replace(slot, "T08:00:00+08:00", "T08:00:00") << QStringLiteral("Slot.start");
        QTest::newRow("slot hour 25") << S << replace(slot, "T08:00:00+08:00", "T25:00:00+08:00")
                                      << QStringLiteral("Slot.start");
        QTest::newRow("slot end before start")
            << S << replace(slot, "T08:10:00+08:00", "T07:10:00+08:00")
            << QStringLiteral("Slot.end");
        QTest::newRow("slot missing status")
            << S << replace(slot, "\"status\"", "\"state\"") << QStringLiteral("Slot.status");
        QTest::newRow("slot unknown status")
            << S << replace(slot, "\"free\"", "\"maybe\"") << QStringLiteral("Slot.status");
        QTest::newRow("slot schedule string")
            << S << replace(slot, "{\"reference\":\"Schedule/sch-ped-01\"}", "\"sch-ped-01\"")
            << QStringLiteral("Slot.schedule");
        QTest::newRow("slot schedule not a Schedule")
            << S << replace(slot, "Schedule/sch-ped-01", "Patient/p")
            << QStringLiteral("Slot.schedule");
        QTest::newRow("appointment missing id")
            << A << replace(appt, "\"id\"", "\"idx\"") << QStringLiteral("Appointment.id");
        QTest::newRow("appointment missing status")
            << A << replace(appt, "\"status\":\"arrived\"", "\"x\":1")
            << QStringLiteral("Appointment.status");
        QTest::newRow("appointment unknown status")
            << A << replace(appt, "\"arrived\"", "\"teleported\"")
            << QStringLiteral("Appointment.status");
        QTest::newRow("booked appointment without start")
            << A << replace(appt, "\"start\"", "\"begin\"") << QStringLiteral("Appointment.start");
        QTest::newRow("appointment identifier object")
            << A << replace(appt, "\"identifier\":[", "\"identifier\":{\"a\":[")
            << QStringLiteral("");
        QTest::newRow("appointment participant not object")
            << A << replace(appt, "\"participant\":[", "\"participant\":[3,")
            << QStringLiteral("participant");
        QTest::newRow("visit sequence zero")
            << A << replace(appt, "\"valuePositiveInt\":7", "\"valuePositiveInt\":0")
            << QStringLiteral("visit-sequence");
        QTest::newRow("visit sequence text")
            << A << replace(appt, "\"valuePositiveInt\":7", "\"valuePositiveInt\":\"7\"")
            << QStringLiteral("visit-sequence");
        QTest::newRow("meta not object") << A << replace(appt, "{\"versionId\":\"2\"}", "[]")
                                         << QStringLiteral("Appointment.meta");
        QTest::newRow("patient bad birthDate") << P << replace(patient, "2018-06-01", "2018-13-01")
                                               << QStringLiteral("Patient.birthDate");
        QTest::newRow("patient birthDate number")
            << P << replace(patient, "\"2018-06-01\"", "20180601")
            << QStringLiteral("Patient.birthDate");
        QTest::newRow("patient name not array")
            << P << q("{'resourceType':'Patient','id':'p','name':'Li Ming'}")
            << QStringLiteral("Patient.name");
        QTest::newRow("patient guardian not reference")
            << P << replace(patient, "\"valueReference\"", "\"valueString\"")
            << QStringLiteral("guardian");
        QTest::newRow("patient missing id")
            << P << replace(patient, "\"id\"", "\"idx\"") << QStringLiteral("Patient.id");
        QTest::newRow("truncated") << S << slot.left(slot.size() / 2) << QStringLiteral("not JSON");
        QTest::newRow("deeply nested junk")
            << S << QByteArray(100000, '[') + QByteArray(100000, ']') << QStringLiteral("");
        QTest::newRow("deeply nested objects")
            << B << QByteArray(20000, '{').replace("{", "{\"a\":") << QStringLiteral("not JSON");
        QTest::newRow("binary") << S << QByteArray("\x00\xff\xfe{\x01", 5)
                                << QStringLiteral("not JSON");
        QTest::newRow("bundle foreign next")
            << B
            << q("{'resourceType':'Bundle','type':'searchset','total':2,'link':["
                 "{'relation':'next','url':'https://evil.example/fhir/Slot?_offset=1'}]}")
            << QStringLiteral("foreign origin");
        QTest::newRow("bundle relative next")
            << B
            << q("{'resourceType':'Bundle','type':'searchset','link':["
                 "{'relation':'next','url':'Slot?_offset=1'}]}")
            << QStringLiteral("absolute");
        QTest::newRow("bundle total negative")
            << B << q("{'resourceType':'Bundle','type':'searchset','total':-1}")
            << QStringLiteral("Bundle.total");
        QTest::newRow("bundle total fraction")
            << B << q("{'resourceType':'Bundle','type':'searchset','total':1.5}")
            << QStringLiteral("Bundle.total");
        QTest::newRow("bundle missing type")
            << B << q("{'resourceType':'Bundle','total':0}") << QStringLiteral("Bundle.type");
        QTest::newRow("bundle entry not array")
            << B << q("{'resourceType':'Bundle','type':'searchset','entry':{}}")
            << QStringLiteral("Bundle.entry");
        QTest::newRow("bundle entry resource without type")
            << B
            << q("{'resourceType':'Bundle','type':'searchset','entry':["
                 "{'resource':{'id':'x'}}]}")
            << QStringLiteral("Bundle.entry[0]");
        QTest::newRow("outcome without issue")
            << O << q("{'resourceType':'OperationOutcome'}") << QStringLiteral("issue");
        QTest::newRow("outcome issue without code")
            << O << q("{'resourceType':'OperationOutcome','issue':[{'severity':'error'}]}")
            << QStringLiteral("code");
        QTest::newRow("schedule without actor")
            << H << q("{'resourceType':'Schedule','id':'s'}") << QStringLiteral("Schedule.actor");
    }
    void badInputs()
    {
        QFETCH(QString, kind);
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        const QUrl origin(QStringLiteral("http://127.0.0.1:8080/fhir"));
        Error e;
        bool ok = true;
        auto take = [&](const auto& r) {
            ok = r.ok();
            if (!ok) e = r.error();
        };
        if (kind == QLatin1String("slot")) take(parser::slot(json));
        if (kind == QLatin1String("appointment")) take(parser::appointment(json));
        if (kind == QLatin1String("patient")) take(parser::patient(json));
        if (kind == QLatin1String("bundle")) take(parser::bundle(json, origin));
        if (kind == QLatin1String("outcome")) take(parser::outcome(json));
        if (kind == QLatin1String("schedule")) take(parser::schedule(json));
        QVERIFY(!ok);
        QCOMPARE(e.code, ErrorCode::BadReply);
        QVERIFY(!e.detail.isEmpty());
        QVERIFY2(e.detail.contains(mentions), qPrintable(e.detail));
    }

    // Every prefix of a valid reply is refused cleanly (a cheap stand-in for a fuzz run).
    void everyTruncationIsBadReply()
    {
        const QByteArray appt = q(kAppointment);
        for (qsizetype n = 0; n < appt.size(); ++n) {
            const auto r = parser::appointment(appt.left(n));
            QVERIFY2(!r.ok(), qPrintable(QString::number(n)));
            QCOMPARE(r.error().code, ErrorCode::BadReply);
        }
        QVERIFY(parser::appointment(appt).ok());
    }

    void unknownElementsTolerated()
    {
        QJsonObject o = QJsonDocument::fromJson(q(kSlot)).object();
        o.insert(QStringLiteral("comment"), QStringLiteral("x"));
        o.insert(QStringLiteral("overbooked"), true);
        o.insert(QStringLiteral("_start"),
                 QJsonObject{{QStringLiteral("id"), QStringLiteral("1")}});
        o.insert(QStringLiteral("futureElement"), QJsonArray{1, QJsonObject{}, QJsonValue()});
        QVERIFY(parser::slotFromJson(o).ok());
    }

    void doctorsJoinIncludes()
    {
        const QByteArray json =
            q("{'resourceType':'Bundle','type':'searchset','total':2,'entry':[\n            "
              "{'resource':{'resourceType':'Schedule','id':'sch-a','actor':[\n              "
              "{'reference':'Practitioner/pr-a'},{'reference':'HealthcareService/dept-x'}]},\n     "
              "        'search':{'mode':'match'}},\n            "
              "{'resource':{'resourceType':'Schedule','id':'sch-b','actor':[\n              "
              "{'reference':'Practitioner/pr-b'},{'reference':'HealthcareService/dept-x'}]},\n     "
              "        'search':{'mode':'match'}},\n            "
              "{'resource':{'resourceType':'Practitioner','id':'pr-a','name':[{'text':'王伟'}],\n  "
              "            "
              "'qualification':[{'code':{'text':'主任医师'}}]},'search':{'mode':'include'}}]}");
        const auto b = parser::bundle(json);
        QVERIFY(b.ok());
        const auto d = parser::doctorsFromBundle(b.value());
        QVERIFY(d.ok());
        QCOMPARE(d.value().size(), 2);
        QCOMPARE(d.value().at(0).id, QStringLiteral("pr-a"));
        QCOMPARE(d.value().at(0).schedule_id, QStringLiteral("sch-a"));
        QCOMPARE(d.value().at(0).name.zh, QStringLiteral("王伟"));
        QCOMPARE(d.value().at(0).title.zh, QStringLiteral("主任医师"));
        QCOMPARE(d.value().at(1).id, QStringLiteral("pr-b"));  // include missing: id only
        QVERIFY(d.value().at(1).name.zh.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFhirParser)
#include "tst_fhirparser.moc"
