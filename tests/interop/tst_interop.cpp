// The kiosk's pool client against a FHIR R4 server this project did not write (issue 13,
// docs/pool-protocol.md "Extensions"): Medplum's @medplum/fhir-router 4.5.2 over its
// MemoryRepository behind tools/fhir-interop/server.mjs, installed with `npm ci` from the
// committed package-lock.json into a temporary folder, loaded with the pool simulator's own seed
// (tools/poolsim/SeedData, exported here as JSON resources: departments, doctors, schedules, the
// first day's slots, patients). The standard parts must work unchanged and give the same answers
// as the simulator: reads, searches with paging (Bundle next links) and _include, conditional
// create with If-None-Exist (a retried booking books once), OperationOutcome errors. The
// hospital's extensions (guardian search, $check-in) are shown to be what a standard server does
// not do. Every request carries a bearer token (the kiosk always sends its access token); the
// interop server accepts any.
#include "TestSkip.h"
#include "core/fhir/FhirTypes.h"
#include "core/pool/CurlTransport.h"
#include "core/pool/PoolClient.h"
#include "core/pool/PoolReply.h"
#include "poolsim/SeedData.h"
#include "poolsim/SimulatorThread.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>
#include <memory>

using namespace mk;

namespace {

constexpr quint32 kSeed = 20261122;  // the simulator's default seed
const QDate kDay(2026, 12, 7);
const QString kZone = QStringLiteral("Asia/Shanghai");
const QString kInteropDir = QStringLiteral(MEDKIOSK_SOURCE_DIR "/tools/fhir-interop");

// What the kiosk's AuthTransport adds to every request, with a token the server does not check.
class BearerTransport : public pool::HttpTransport
{
public:
    explicit BearerTransport(pool::TransportOptions options) : inner_(std::move(options)) {}
    Result<pool::HttpResponse> perform(const pool::HttpRequest& request) override
    {
        pool::HttpRequest r = request;
        r.headers.append(
            {QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer interop-test-token")});
        return inner_.perform(r);
    }

private:
    pool::CurlTransport inner_;
};

// A server that ignores the search parameters it does not know (FHIR's lenient default), as
// many do with guardian: the parameter is dropped before the request leaves.
class IgnoresGuardian : public BearerTransport
{
public:
    using BearerTransport::BearerTransport;
    Result<pool::HttpResponse> perform(const pool::HttpRequest& request) override
    {
        pool::HttpRequest r = request;
        QUrlQuery q(r.url);
        q.removeAllQueryItems(QStringLiteral("guardian"));
        r.url.setQuery(q);
        return BearerTransport::perform(r);
    }
};

// One process run to its end, with the output (npm ci).
struct Run {
    int exit_code = -1;
    QByteArray output;
};

Run run(const QString& program, const QStringList& args, const QString& dir, int timeout_ms)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    Run r;
    if (!p.waitForFinished(timeout_ms)) {
        p.kill();
        p.waitForFinished();
        r.output = p.readAll();
        return r;
    }
    r.exit_code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.output = p.readAll();
    return r;
}

QStringList ids(const auto& list)
{
    QStringList out;
    for (const auto& item : list) out.append(item.id);
    out.sort();
    return out;
}

}  // namespace

class TestInterop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void readsAPatient();
    void departmentsAsTheSimulator();
    void doctorsWithInclude();
    void slotsPageByPage();
    void patientSearches();
    void conditionalCreateBooksOnce();
    void operationOutcomeErrors();
    void extensionsAreNotStandard();

private:
    bool exportSeed(const QString& path);
    QTemporaryDir work_;
    QProcess server_;
    std::unique_ptr<pool::PoolClient> client_;  // to the interop server
    std::unique_ptr<pool::PoolClient> sim_client_;
    std::unique_ptr<sim::SimulatorThread> sim_;
    std::unique_ptr<sim::SeedData> seed_;
    QUrl base_;
};

bool TestInterop::exportSeed(const QString& path)
{
    seed_ = std::make_unique<sim::SeedData>(kSeed, kDay, kZone);
    QJsonArray all;
    for (const auto* list :
         {&seed_->departments, &seed_->practitioners, &seed_->schedules, &seed_->patients}) {
        for (QJsonObject r : *list) {
            r.remove(u"meta"_qs);  // the server keeps its own versions
            all.append(r);
        }
    }
    for (const QJsonObject& s : seed_->slots()) {
        if (s.value(u"start"_qs).toString().startsWith(kDay.toString(Qt::ISODate))) all.append(s);
    }
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return false;
    return f.write(QJsonDocument(all).toJson(QJsonDocument::Compact)) > 0;
}

void TestInterop::initTestCase()
{
    QElapsedTimer wall;
    wall.start();
    QVERIFY(work_.isValid());
    const QString node = QStandardPaths::findExecutable(u"node"_qs);
    const QString npm = QStandardPaths::findExecutable(u"npm"_qs);
    if (node.isEmpty() || npm.isEmpty())
        MK_SKIP_OR_FAIL_IN_CI("Node.js >= 20 with npm is missing (NodeSource's nodejs package)");
    const Run version = run(node, {u"--version"_qs}, work_.path(), 10000);
    const int major = QString::fromLatin1(version.output).mid(1).section(u'.', 0, 0).toInt();
    if (major < 20) MK_SKIP_OR_FAIL_IN_CI("Node.js is older than 20 (Medplum 4.5 needs 20.19+)");

    for (const char* name : {"package.json", "package-lock.json", "server.mjs"}) {
        const QString file = QString::fromLatin1(name);
        QVERIFY2(QFile::copy(kInteropDir + u'/' + file, work_.filePath(file)), name);
    }
    const Run ci = run(npm, {u"ci"_qs, u"--ignore-scripts"_qs, u"--no-audit"_qs, u"--no-fund"_qs},
                       work_.path(), 300000);
    if (ci.exit_code != 0) {
        qWarning().noquote() << ci.output.right(2000);
        MK_SKIP_OR_FAIL_IN_CI("npm ci failed (is the npm registry reachable?)");
    }
    const qint64 npm_ms = wall.elapsed();

    const QString seed_file = work_.filePath(u"seed.json"_qs);
    QVERIFY(exportSeed(seed_file));
    server_.setWorkingDirectory(work_.path());
    server_.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QSignalSpy ready(&server_, &QProcess::readyReadStandardOutput);
    server_.start(node, {u"server.mjs"_qs, u"--seed"_qs, seed_file, u"--port"_qs, u"0"_qs});
    QVERIFY(server_.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(server_.canReadLine() || server_.state() != QProcess::Running, 60000);
    const QJsonObject announce = QJsonDocument::fromJson(server_.readLine()).object();
    base_ = QUrl(announce.value(u"base_url"_qs).toString());
    QVERIFY2(base_.isValid() && !base_.isEmpty(), "the interop server did not announce itself");
    QVERIFY(announce.value(u"resources"_qs).toInt() > 1000);

    pool::PoolOptions o;
    o.base_url = base_;
    o.timezone = kZone;
    o.max_attempts = 1;
    pool::TransportOptions t;
    client_ = std::make_unique<pool::PoolClient>(o, std::make_unique<BearerTransport>(t));

    sim::SimOptions so;
    so.seed = kSeed;
    so.first_day = kDay;
    so.require_auth = false;
    sim_ = std::make_unique<sim::SimulatorThread>(so);
    QString error;
    QVERIFY2(sim_->start(&error), qPrintable(error));
    pool::PoolOptions so_client = o;
    so_client.base_url = sim_->baseUrl();
    sim_client_ = std::make_unique<pool::PoolClient>(so_client);
    qInfo("interop: npm ci %lld ms, server up after %lld ms", npm_ms, wall.elapsed());
}

void TestInterop::cleanupTestCase()
{
    if (server_.state() == QProcess::Running) {
        server_.terminate();
        if (!server_.waitForFinished(10000)) server_.kill();
    }
}

void TestInterop::readsAPatient()
{
    const auto p = client_->patient(u"pat-1001"_qs);
    QVERIFY2(p.ok(), p.ok() ? "" : qPrintable(p.error().detail));
    const auto expected = sim_client_->patient(u"pat-1001"_qs);
    QVERIFY(expected.ok());
    QCOMPARE(p.value().patient_number, u"P00001001"_qs);
    QCOMPARE(p.value().birth_date, expected.value().birth_date);
    QCOMPARE(p.value().phone, expected.value().phone);
    QCOMPARE(p.value().name, expected.value().name);  // with its English translation extension
}

void TestInterop::departmentsAsTheSimulator()
{
    const auto got = client_->departments();
    QVERIFY2(got.ok(), got.ok() ? "" : qPrintable(got.error().detail));
    const auto expected = sim_client_->departments();
    QVERIFY(expected.ok());
    QCOMPARE(got.value().size(), 6);
    QCOMPARE(ids(got.value()), ids(expected.value()));
    for (const auto& d : got.value()) {
        const auto same = std::find_if(expected.value().begin(), expected.value().end(),
                                       [&d](const auto& e) { return e.id == d.id; });
        QCOMPARE(d.name, same->name);
    }
}

void TestInterop::doctorsWithInclude()
{
    // Schedule?actor=HealthcareService/dept-ped&_include=Schedule:actor:Practitioner: the doctors'
    // names and titles come only from the included Practitioner entries.
    const auto got = client_->doctors(u"dept-ped"_qs);
    QVERIFY2(got.ok(), got.ok() ? "" : qPrintable(got.error().detail));
    const auto expected = sim_client_->doctors(u"dept-ped"_qs);
    QVERIFY(expected.ok());
    QCOMPARE(got.value().size(), 30);
    auto byId = [](QList<fhir::Doctor> list) {
        std::sort(list.begin(), list.end(),
                  [](const fhir::Doctor& a, const fhir::Doctor& b) { return a.id < b.id; });
        return list;
    };
    QCOMPARE(byId(got.value()), byId(expected.value()));
    for (const auto& d : got.value()) QVERIFY2(!d.name.zh.isEmpty(), qPrintable(d.id));
}

void TestInterop::slotsPageByPage()
{
    const auto doctors = client_->doctors(u"dept-ped"_qs);
    QVERIFY(doctors.ok());
    pool::SlotQuery q;
    for (const auto& d : doctors.value()) q.schedule_ids.append(d.schedule_id);
    q.day = kDay;
    const quint64 before = client_->stats().requests.load();
    const auto got = client_->slots(q);
    QVERIFY2(got.ok(), got.ok() ? "" : qPrintable(got.error().detail));
    const quint64 pages = client_->stats().requests.load() - before;
    QCOMPARE(got.value().size(), 30 * 45);            // 08:00-17:30 without 12-14, every 10 minutes
    QCOMPARE(pages, quint64((30 * 45 + 199) / 200));  // followed every Bundle next link
    const QStringList got_ids = ids(got.value());
    QCOMPARE(QSet<QString>(got_ids.begin(), got_ids.end()).size(), got.value().size());
    const auto expected = sim_client_->slots(q);
    QVERIFY(expected.ok());
    QCOMPARE(got_ids, ids(expected.value()));

    q.free_only = true;
    const auto free_slots = client_->slots(q);
    QVERIFY(free_slots.ok());
    const auto expected_free = sim_client_->slots(q);
    QVERIFY(expected_free.ok());
    QCOMPARE(ids(free_slots.value()), ids(expected_free.value()));
    QVERIFY(free_slots.value().size() < got.value().size());
    for (const auto& s : free_slots.value()) QVERIFY(s.isFree());
}

void TestInterop::patientSearches()
{
    pool::PatientQuery by_number{u"P00001002"_qs, {}, QDate(2018, 6, 1)};
    const auto child = client_->findPatients(by_number);
    QVERIFY2(child.ok(), child.ok() ? "" : qPrintable(child.error().detail));
    QCOMPARE(ids(child.value()), QStringList{u"pat-1002"_qs});
    QCOMPARE(child.value().first().guardian_id, u"pat-1001"_qs);  // the extension is kept

    pool::PatientQuery wrong_birth{u"P00001002"_qs, {}, QDate(2018, 6, 2)};
    const auto none = client_->findPatients(wrong_birth);
    QVERIFY(none.ok());
    QVERIFY(none.value().isEmpty());

    pool::PatientQuery by_phone{{}, u"13700137000"_qs, {}};  // a couple sharing one phone
    const auto couple = client_->findPatients(by_phone);
    QVERIFY(couple.ok());
    const auto expected = sim_client_->findPatients(by_phone);
    QVERIFY(expected.ok());
    QCOMPARE(ids(couple.value()), ids(expected.value()));
    QCOMPARE(couple.value().size(), 2);
}

void TestInterop::conditionalCreateBooksOnce()
{
    const auto doctors = client_->doctors(u"dept-eye"_qs);
    QVERIFY(doctors.ok());
    pool::SlotQuery q{{doctors.value().first().schedule_id}, kDay, true};
    const auto slots = client_->slots(q);
    QVERIFY(slots.ok() && !slots.value().isEmpty());
    pool::BookingRequest b;
    b.client_identifier = QUuid::createUuid().toString(QUuid::WithoutBraces);
    b.slot = slots.value().first();
    b.patient_id = u"pat-1004"_qs;
    b.practitioner_id = doctors.value().first().id;
    b.department_id = u"dept-eye"_qs;
    const auto first = client_->book(b);
    QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().detail));
    const auto retried = client_->book(b);  // the same identifier: a retry after a lost reply
    QVERIFY2(retried.ok(), retried.ok() ? "" : qPrintable(retried.error().detail));
    QCOMPARE(retried.value().id, first.value().id);
    QCOMPARE(retried.value().client_identifier, b.client_identifier);
    const auto booked = client_->appointmentsOf(u"pat-1004"_qs, kDay, kDay.addDays(1));
    QVERIFY2(booked.ok(), booked.ok() ? "" : qPrintable(booked.error().detail));
    QCOMPARE(ids(booked.value()), QStringList{first.value().id});
    QCOMPARE(booked.value().first().slot_id, b.slot.id);
}

void TestInterop::operationOutcomeErrors()
{
    // 404 with an OperationOutcome: NotFound, the outcome's code read.
    const auto missing = client_->patient(u"pat-9999"_qs);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QCOMPARE(missing.error().http_status, 404);
    QCOMPARE(missing.error().outcome_code, u"not-found"_qs);

    // 400: a Patient posted to Appointment. The client's reply reader on Medplum's outcome.
    BearerTransport transport({});
    pool::HttpRequest bad;
    bad.method = QByteArrayLiteral("POST");
    bad.url = QUrl(base_.toString() + u"/Appointment"_qs);
    bad.headers = {{"Content-Type", "application/fhir+json"}};
    bad.body = R"({"resourceType":"Patient"})";
    const auto refused = transport.perform(bad);
    QVERIFY(refused.ok());
    const Error e = pool::reply::httpError(refused.value());
    QCOMPARE(e.code, ErrorCode::BadRequest);
    QCOMPARE(e.outcome_code, u"invalid"_qs);
    QVERIFY(!e.detail.isEmpty());

    // 412 on an update with a stale If-Match: Conflict, as the kiosk's check-in expects.
    const auto p = client_->patient(u"pat-1005"_qs);
    QVERIFY(p.ok());
    pool::HttpRequest read;
    read.url = QUrl(base_.toString() + u"/Patient/pat-1005"_qs);
    const auto current = transport.perform(read);
    QVERIFY(current.ok());
    pool::HttpRequest stale;
    stale.method = QByteArrayLiteral("PUT");
    stale.url = read.url;
    stale.headers = {{"Content-Type", "application/fhir+json"},
                     {"If-Match", R"(W/"not-the-version")"}};
    stale.body = current.value().body;
    const auto conflict = transport.perform(stale);
    QVERIFY(conflict.ok());
    QCOMPARE(conflict.value().status, 412);
    QCOMPARE(pool::reply::httpError(conflict.value()).code, ErrorCode::Conflict);
}

void TestInterop::extensionsAreNotStandard()
{
    // Guardian search (Patient?guardian=): no such R4 search parameter. The simulator lists the
    // children; a standard server ignores the unknown parameter and finds none.
    const auto on_sim = sim_client_->dependents(u"pat-1001"_qs);
    QVERIFY(on_sim.ok());
    QCOMPARE(ids(on_sim.value()), (QStringList{u"pat-1002"_qs, u"pat-1003"_qs}));
    const auto standard = client_->dependents(u"pat-1001"_qs);
    QVERIFY(standard.ok());
    QVERIFY(standard.value().isEmpty());
    // A server that ignores the parameter lists every patient: the client refuses the reply
    // rather than show strangers as the guardian's children.
    pool::PoolOptions o = client_->options();
    pool::PoolClient lenient(o, std::make_unique<IgnoresGuardian>(pool::TransportOptions{}));
    const auto strangers = lenient.dependents(u"pat-1001"_qs);
    QVERIFY(!strangers.ok());
    QCOMPARE(strangers.error().code, ErrorCode::BadReply);

    // $check-in: not an R4 operation; the standard server refuses it with an OperationOutcome.
    const auto doctors = client_->doctors(u"dept-derm"_qs);
    QVERIFY(doctors.ok());
    const auto slots = client_->slots({{doctors.value().first().schedule_id}, kDay, true});
    QVERIFY(slots.ok() && !slots.value().isEmpty());
    pool::BookingRequest b{QUuid::createUuid().toString(QUuid::WithoutBraces),
                           slots.value().first(), u"pat-1005"_qs, doctors.value().first().id,
                           u"dept-derm"_qs};
    const auto appt = client_->book(b);
    QVERIFY(appt.ok());
    const auto checked_in = client_->checkIn(appt.value().id, appt.value().version_id);
    QVERIFY(!checked_in.ok());
    QVERIFY2(checked_in.error().http_status >= 400 && checked_in.error().http_status < 500,
             qPrintable(checked_in.error().detail));
    QVERIFY(!checked_in.error().outcome_code.isEmpty());
    QCOMPARE(appt.value().visit_sequence, 0);  // no visit number from a standard server

    // A taken slot: the simulator answers 409; a standard server books a second appointment
    // on it (nothing in R4 ties Appointment.slot to Slot.status).
    pool::BookingRequest other = b;
    other.client_identifier = QUuid::createUuid().toString(QUuid::WithoutBraces);
    other.patient_id = u"pat-1006"_qs;
    const auto second = client_->book(other);
    QVERIFY(second.ok());
    QVERIFY(second.value().id != appt.value().id);
}

QTEST_GUILESS_MAIN(TestInterop)
#include "tst_interop.moc"
