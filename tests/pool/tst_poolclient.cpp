// PoolClient against the real simulator (tools/poolsim) over loopback HTTP: searches with paging,
// booking idempotency, error mapping and the retry policy under every simulator fault.
#include "core/common/UserMessages.h"
#include "core/pool/CurlTransport.h"
#include "core/pool/PoolClient.h"
#include "poolsim/SimulatorThread.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTcpServer>
#include <QTest>
#include <QUuid>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

using namespace mk;
using namespace mk::pool;
using mk::sim::FaultSpec;
using mk::sim::SimOptions;
using mk::sim::SimulatorThread;

namespace {

const QDate kFirstDay(2030, 1, 7);

std::unique_ptr<SimulatorThread> startSim()
{
    SimOptions o;
    o.first_day = kFirstDay;  // data_dir empty: in memory
    o.require_auth = false;   // not about authorisation (tst_kioskauth is)
    auto sim = std::make_unique<SimulatorThread>(o);
    QString error;
    if (!sim->start(&error)) {
        qWarning() << "simulator:" << error;
        return {};
    }
    return sim;
}

PoolOptions optionsFor(const QUrl& base)
{
    PoolOptions o;
    o.base_url = base;
    o.connect_timeout_ms = 5000;
    o.request_timeout_ms = 20000;  // generous: the machine may be loaded
    o.max_attempts = 3;
    o.backoff_base_ms = 20;
    return o;
}

FaultSpec fault(const QString& mode, int count, const QString& path = QString())
{
    FaultSpec f;
    f.mode = mode;
    f.count = count;
    f.path_contains = path;
    return f;
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

}  // namespace

class TestPoolClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimulatorThread> sim_;
    std::unique_ptr<PoolClient> client_;

    // The free slots of one doctor of dept-ped on the first day.
    QList<fhir::Slot> freeSlots(const QString& schedule_id)
    {
        SlotQuery q;
        q.schedule_ids = {schedule_id};
        q.day = kFirstDay;
        q.free_only = true;
        Result<QList<fhir::Slot>> r = client_->slots(q);
        return r.ok() ? r.value() : QList<fhir::Slot>();
    }
    BookingRequest bookingFor(const fhir::Slot& slot,
                              const QString& patient = QStringLiteral("pat-1001"))
    {
        BookingRequest b;
        b.client_identifier = newId();
        b.slot = slot;
        b.patient_id = patient;
        b.practitioner_id = QStringLiteral("pr-") + slot.schedule_id.mid(4);
        b.department_id = QStringLiteral("dept-ped");
        return b;
    }

private Q_SLOTS:
    void init()
    {
        sim_ = startSim();
        QVERIFY(sim_);
        client_ = std::make_unique<PoolClient>(optionsFor(sim_->baseUrl()));
    }
    void cleanup()
    {
        client_.reset();
        sim_.reset();
    }

    void departments()
    {
        const auto r = client_->departments();
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail));
        QCOMPARE(r.value().size(), 6);
        QCOMPARE(r.value().first().id, QStringLiteral("dept-ped"));
        QCOMPARE(r.value().first().name.zh, QStringLiteral("儿科门诊"));
        QCOMPARE(r.value().first().name.en, QStringLiteral("General Pediatrics"));
        QCOMPARE(client_->stats().requests.load(), quint64(1));
    }

    void doctors()
    {
        const auto r = client_->doctors(QStringLiteral("dept-ped"));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail));
        QCOMPARE(r.value().size(), 30);
        QSet<QString> schedules;
        for (const fhir::Doctor& d : r.value()) {
            QVERIFY(d.schedule_id.startsWith(QLatin1String("sch-ped-")));
            QCOMPARE(d.id, QStringLiteral("pr-") + d.schedule_id.mid(4));
            QVERIFY(!d.name.zh.isEmpty());
            QVERIFY(!d.name.en.isEmpty());
            QVERIFY(!d.title.zh.isEmpty());
            schedules.insert(d.schedule_id);
        }
        QCOMPARE(schedules.size(), 30);
        QCOMPARE(r.value().first().title.en, QStringLiteral("Chief physician"));
        const auto none = client_->doctors(QStringLiteral("dept-nowhere"));
        QVERIFY(none.ok());
        QVERIFY(none.value().isEmpty());
    }

    void slotsAcrossPages()
    {
        const auto doctors = client_->doctors(QStringLiteral("dept-ped"));
        QVERIFY(doctors.ok());
        SlotQuery all;
        all.day = kFirstDay;
        int single_sum = 0;
        int single_free_sum = 0;
        for (const fhir::Doctor& d : doctors.value()) {
            all.schedule_ids.append(d.schedule_id);
            SlotQuery one;
            one.schedule_ids = {d.schedule_id};
            one.day = kFirstDay;
            const auto r = client_->slots(one);
            QVERIFY(r.ok());
            single_sum += int(r.value().size());
            one.free_only = true;
            const auto f = client_->slots(one);
            QVERIFY(f.ok());
            single_free_sum += int(f.value().size());
        }
        const quint64 before = client_->stats().requests.load();
        const auto r = client_->slots(all);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail));
        const quint64 pages = client_->stats().requests.load() - before;
        QCOMPARE(r.value().size(), single_sum);
        QCOMPARE(single_sum, 30 * 45);  // 08:00-12:00 and 14:00-17:30 every 10 minutes
        QCOMPARE(pages, quint64((30 * 45 + 199) / 200));
        QSet<QString> ids;
        for (const fhir::Slot& s : r.value()) {
            ids.insert(s.id);
            QCOMPARE(s.start.date(), kFirstDay);
            QCOMPARE(s.start.offsetFromUtc(), 8 * 3600);
            QCOMPARE(s.start.secsTo(s.end), 600);
        }
        QCOMPARE(ids.size(), single_sum);  // no page repeated or skipped
        all.free_only = true;
        const auto free = client_->slots(all);
        QVERIFY(free.ok());
        QCOMPARE(free.value().size(), single_free_sum);
        QVERIFY(single_free_sum < single_sum);
        for (const fhir::Slot& s : free.value()) QVERIFY(s.isFree());
    }

    void findPatients()
    {
        PatientQuery q;
        q.patient_number = QStringLiteral("P00001001");
        q.birth_date = QDate(1985, 3, 12);
        const auto r = client_->findPatients(q);
        QVERIFY(r.ok());
        QCOMPARE(r.value().size(), 1);
        const fhir::Patient& p = r.value().first();
        QCOMPARE(p.id, QStringLiteral("pat-1001"));
        QCOMPARE(p.patient_number, QStringLiteral("P00001001"));
        QCOMPARE(p.name.zh, QStringLiteral("李明"));
        QCOMPARE(p.name.en, QStringLiteral("Li Ming"));
        QCOMPARE(p.birth_date, QDate(1985, 3, 12));
        QCOMPARE(p.phone, QStringLiteral("13800138000"));
        QCOMPARE(p.gender, QStringLiteral("male"));

        q.birth_date = QDate(1985, 3, 13);  // wrong birth date: nobody
        const auto wrong = client_->findPatients(q);
        QVERIFY(wrong.ok());
        QVERIFY(wrong.value().isEmpty());

        PatientQuery phone;  // two patients share this phone
        phone.phone = QStringLiteral("13700137000");
        const auto both = client_->findPatients(phone);
        QVERIFY(both.ok());
        QCOMPARE(both.value().size(), 2);
        phone.birth_date = QDate(1980, 1, 25);
        const auto one = client_->findPatients(phone);
        QVERIFY(one.ok());
        QCOMPARE(one.value().size(), 1);
        QCOMPARE(one.value().first().id, QStringLiteral("pat-1006"));

        const auto empty = client_->findPatients(PatientQuery{});
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error().code, ErrorCode::BadRequest);
    }

    void dependents()
    {
        const auto r = client_->dependents(QStringLiteral("pat-1001"));
        QVERIFY(r.ok());
        QCOMPARE(r.value().size(), 2);
        for (const fhir::Patient& p : r.value()) {
            QCOMPARE(p.guardian_id, QStringLiteral("pat-1001"));
        }
        const auto none = client_->dependents(QStringLiteral("pat-1004"));
        QVERIFY(none.ok());
        QVERIFY(none.value().isEmpty());
    }

    void patientById_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("expected");  // ErrorCode, Unset = found
        QTest::newRow("guardian") << QStringLiteral("pat-1001") << int(ErrorCode::Unset);
        QTest::newRow("child") << QStringLiteral("pat-1002") << int(ErrorCode::Unset);
        QTest::newRow("generated") << QStringLiteral("pat-1100") << int(ErrorCode::Unset);
        QTest::newRow("unknown") << QStringLiteral("pat-9999") << int(ErrorCode::NotFound);
        QTest::newRow("empty") << QString() << int(ErrorCode::BadRequest);
        QTest::newRow("path") << QStringLiteral("pat-1001/_history") << int(ErrorCode::BadRequest);
        QTest::newRow("query") << QStringLiteral("pat-1001?x=1") << int(ErrorCode::BadRequest);
    }

    void patientById()
    {
        QFETCH(QString, id);
        QFETCH(int, expected);
        const quint64 before = client_->stats().requests.load();
        const auto r = client_->patient(id);
        if (ErrorCode(expected) == ErrorCode::Unset) {
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail));
            QCOMPARE(r.value().id, id);
            QVERIFY(!r.value().patient_number.isEmpty());
            QVERIFY(r.value().birth_date.isValid());
        } else {
            QVERIFY(!r.ok());
            QCOMPARE(int(r.error().code), expected);
        }
        // A refused id is never sent.
        if (ErrorCode(expected) == ErrorCode::BadRequest)
            QCOMPARE(client_->stats().requests.load(), before);
    }

    void patientByIdMatchesSearch()
    {
        PatientQuery q;
        q.patient_number = QStringLiteral("P00001001");
        q.birth_date = QDate(1985, 3, 12);
        const auto found = client_->findPatients(q);
        QVERIFY(found.ok());
        QCOMPARE(found.value().size(), 1);
        const auto read = client_->patient(QStringLiteral("pat-1001"));
        QVERIFY(read.ok());
        const fhir::Patient& a = found.value().first();
        const fhir::Patient& b = read.value();
        QCOMPARE(b.patient_number, a.patient_number);
        QCOMPARE(b.name.zh, a.name.zh);
        QCOMPARE(b.name.en, a.name.en);
        QCOMPARE(b.birth_date, a.birth_date);
        QCOMPARE(b.phone, a.phone);
        QCOMPARE(b.gender, a.gender);
    }

    void patientByIdRetriesAndFails()
    {
        sim_->setFault(fault(QStringLiteral("5xx"), 1, QStringLiteral("/Patient/")));
        const auto blip = client_->patient(QStringLiteral("pat-1004"));
        QVERIFY2(blip.ok(), qPrintable(blip.ok() ? QString() : blip.error().detail));
        QVERIFY(client_->stats().retries.load() >= 1);
        sim_->setFault(fault(QStringLiteral("outage"), -1));
        const auto down = client_->patient(QStringLiteral("pat-1004"));
        QVERIFY(!down.ok());
        QVERIFY2(down.error().isTransient(), qPrintable(down.error().detail));
        sim_->setFault(fault(QStringLiteral("none"), 0));
    }

    void bookIdempotentAndAppointments()
    {
        const QList<fhir::Slot> free = freeSlots(QStringLiteral("sch-ped-02"));
        QVERIFY(free.size() >= 2);
        const BookingRequest b = bookingFor(free.first());
        const auto r = client_->book(b);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail));
        const fhir::Appointment& a = r.value();
        QCOMPARE(a.status, fhir::AppointmentStatus::Booked);
        QVERIFY(a.appointment_number.startsWith(QLatin1String("A20300107-")));
        QCOMPARE(a.client_identifier, b.client_identifier);
        QCOMPARE(a.slot_id, free.first().id);
        QCOMPARE(a.patient_id, QStringLiteral("pat-1001"));
        QCOMPARE(a.practitioner_id, QStringLiteral("pr-ped-02"));
        QCOMPARE(a.department_id, QStringLiteral("dept-ped"));
        QCOMPARE(a.start, free.first().start);
        QCOMPARE(a.version_id, QStringLiteral("1"));

        const auto again = client_->book(b);  // same identifier: the same appointment
        QVERIFY(again.ok());
        QCOMPARE(again.value().id, a.id);
        QCOMPARE(again.value().appointment_number, a.appointment_number);
        QCOMPARE(sim_->appointmentsCreated(), 1);

        const auto mine =
            client_->appointmentsOf(QStringLiteral("pat-1001"), kFirstDay, kFirstDay.addDays(1));
        QVERIFY(mine.ok());
        QCOMPARE(mine.value().size(), 1);
        QCOMPARE(mine.value().first().id, a.id);
        const auto other_day = client_->appointmentsOf(QStringLiteral("pat-1001"),
                                                       kFirstDay.addDays(1), kFirstDay.addDays(2));
        QVERIFY(other_day.ok());
        QVERIFY(other_day.value().isEmpty());
    }

    void bookAfterDropAfterCommit()
    {
        const QList<fhir::Slot> free = freeSlots(QStringLiteral("sch-ped-03"));
        QVERIFY(!free.isEmpty());
        sim_->setFault(
            fault(QStringLiteral("drop-after-commit"), 1, QStringLiteral("Appointment")));
        const auto r = client_->book(bookingFor(free.first()));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail));
        QCOMPARE(r.value().status, fhir::AppointmentStatus::Booked);
        QCOMPARE(sim_->appointmentsCreated(), 1);
        // Sent again once, with the same If-None-Exist: by the client, or (the connection was a
        // kept-alive one that died before any reply) by libcurl on a new connection.
        QVERIFY(client_->stats().retries.load() <= quint64(1));
    }

    void bookBusySlotConflict()
    {
        const QList<fhir::Slot> free = freeSlots(QStringLiteral("sch-ped-04"));
        QVERIFY(!free.isEmpty());
        QVERIFY(client_->book(bookingFor(free.first())).ok());
        const auto r = client_->book(bookingFor(free.first(), QStringLiteral("pat-1004")));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Conflict);
        QCOMPARE(r.error().http_status, 409);
        QCOMPARE(r.error().outcome_code, QStringLiteral("conflict"));
        QCOMPARE(sim_->appointmentsCreated(), 1);
    }

    void thirdBookingSameDayIsRule()
    {
        const QList<fhir::Slot> free = freeSlots(QStringLiteral("sch-ped-05"));
        QVERIFY(free.size() >= 3);
        QVERIFY(client_->book(bookingFor(free.at(0))).ok());
        QVERIFY(client_->book(bookingFor(free.at(1))).ok());
        const quint64 before = client_->stats().requests.load();
        const auto r = client_->book(bookingFor(free.at(2)));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Rule);
        QCOMPARE(r.error().http_status, 422);
        QCOMPARE(r.error().outcome_code, QStringLiteral("business-rule"));
        QCOMPARE(r.error().rule, QStringLiteral("per-day"));
        QCOMPARE(client_->stats().requests.load() - before, quint64(1));  // a 4xx is not retried
        QVERIFY(!userMessage(r.error()).isEmpty());
    }

    void badReplies_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("malformed") << QStringLiteral("malformed");
        QTest::newRow("oversized") << QStringLiteral("oversized");
        QTest::newRow("wrong-content-type") << QStringLiteral("wrong-content-type");
    }
    void badReplies()
    {
        QFETCH(QString, mode);
        sim_->setFault(fault(mode, 1));
        const auto r = client_->departments();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::BadReply);
        QCOMPARE(client_->stats().requests.load(), quint64(1));  // a bad reply is not retried
        if (mode == QLatin1String("oversized")) {
            QVERIFY2(r.error().detail.contains(QLatin1String("oversized")),
                     qPrintable(r.error().detail));
        }
        QVERIFY(client_->departments().ok());  // the fault was for one request
    }

    void hangTimesOut()
    {
        PoolOptions o = optionsFor(sim_->baseUrl());
        o.request_timeout_ms = 700;
        o.max_attempts = 2;
        PoolClient client(o);
        sim_->setFault(fault(QStringLiteral("hang"), -1));
        QElapsedTimer timer;
        timer.start();
        const auto r = client.departments();
        const qint64 elapsed_ms = timer.elapsed();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Timeout);
        QCOMPARE(client.stats().requests.load(), quint64(2));
        QCOMPARE(client.stats().retries.load(), quint64(1));
        // Bounded: two timed-out attempts and one backoff, far below this on any machine.
        QVERIFY2(elapsed_ms < 30000, qPrintable(QString::number(elapsed_ms)));
        sim_->setFault(fault(QStringLiteral("none"), 0));
    }

    // Issue 16: shutdown aborts a request the pool holds, at once rather than at the request
    // timeout; a later request fails at once; resumeRequests() gives the transport back.
    void abortRequestsEndsAHeldRequest()
    {
        PoolOptions o = optionsFor(sim_->baseUrl());
        o.request_timeout_ms = 60000;
        o.max_attempts = 1;
        PoolClient client(o);
        sim_->setFault(fault(QStringLiteral("hang"), -1));
        QElapsedTimer timer;
        qint64 aborted_at_ms = -1;
        timer.start();
        std::atomic<bool> finished{false};
        Result<QList<fhir::Department>> r = makeError(ErrorCode::Unset, QString());
        std::thread request([&] {
            r = client.departments();
            finished = true;
        });
        // Held by the simulator (counted when it arrives), then aborted.
        QTRY_VERIFY_WITH_TIMEOUT(client.stats().requests.load() == 1, 30000);
        QVERIFY(!finished);
        aborted_at_ms = timer.elapsed();
        CurlTransport::abortRequests();
        QTRY_VERIFY_WITH_TIMEOUT(finished.load(), 30000);
        const qint64 abort_ms = timer.elapsed() - aborted_at_ms;
        request.join();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Network);
        QVERIFY2(r.error().detail.contains(QStringLiteral("shutting down")),
                 qPrintable(r.error().detail));
        qInfo() << "held request aborted after" << abort_ms << "ms";
        // curl calls the progress callback at least once a second while it waits.
        QVERIFY2(abort_ms < 3000, qPrintable(QString::number(abort_ms)));
        sim_->setFault(fault(QStringLiteral("none"), 0));
        timer.restart();
        const auto refused = client.departments();
        QVERIFY(!refused.ok());
        QVERIFY(timer.elapsed() < 1000);  // not sent at all
        CurlTransport::resumeRequests();
        QVERIFY(client.departments().ok());
    }

    void serverStorm()
    {
        sim_->setFault(fault(QStringLiteral("5xx"), -1));
        const auto r = client_->departments();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Server);
        QCOMPARE(r.error().http_status, 503);
        QCOMPARE(r.error().outcome_code, QStringLiteral("transient"));
        QCOMPARE(client_->stats().requests.load(), quint64(3));
        QCOMPARE(client_->stats().retries.load(), quint64(3 - 1));
        QCOMPARE(client_->stats().failures.load(), quint64(1));
    }

    void serverBlipRecovers()
    {
        sim_->setFault(fault(QStringLiteral("5xx"), 2));
        const auto r = client_->departments();
        QVERIFY(r.ok());
        QCOMPARE(client_->stats().retries.load(), quint64(2));
        QCOMPARE(client_->stats().failures.load(), quint64(0));
    }

    void rateLimited()
    {
        FaultSpec f = fault(QStringLiteral("429"), -1);
        f.retry_after_s = 1;
        sim_->setFault(f);
        PoolOptions o = optionsFor(sim_->baseUrl());
        o.max_attempts = 2;
        PoolClient client(o);
        const auto r = client.departments();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::RateLimited);
        QCOMPARE(r.error().http_status, 429);
        QCOMPARE(r.error().retry_after_s, 1);
        QCOMPARE(client.stats().requests.load(), quint64(2));
    }

    void tlsToPlainPort()
    {
        QUrl base = sim_->baseUrl();
        base.setScheme(QStringLiteral("https"));
        PoolClient client(optionsFor(base));
        const auto r = client.departments();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Tls);
        QCOMPARE(client.stats().requests.load(), quint64(1));  // never retried
        QCOMPARE(client.stats().retries.load(), quint64(0));
    }

    void refusedPort()
    {
        quint16 port = 0;
        {
            QTcpServer probe;  // a port that was free a moment ago and is closed now
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        PoolOptions o = optionsFor(QUrl(QStringLiteral("http://127.0.0.1:%1/fhir").arg(port)));
        PoolClient client(o);
        const auto r = client.departments();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Network);
        QCOMPARE(client.stats().requests.load(), quint64(3));
    }

    void outageAndDrop_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("outage") << QStringLiteral("outage");
        QTest::newRow("drop") << QStringLiteral("drop");
    }
    void outageAndDrop()
    {
        QFETCH(QString, mode);
        sim_->setFault(fault(mode, -1));
        const auto r = client_->departments();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Network);
        QCOMPARE(client_->stats().requests.load(), quint64(3));
        sim_->setFault(fault(mode, 1));
        QVERIFY(client_->departments().ok());  // one drop, then the retry gets through
    }

    void checkIn()
    {
        const QList<fhir::Slot> free = freeSlots(QStringLiteral("sch-ped-06"));
        QVERIFY(!free.isEmpty());
        const auto booked = client_->book(bookingFor(free.first()));
        QVERIFY(booked.ok());
        const auto stale = client_->checkIn(booked.value().id, QStringLiteral("7"));
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().code, ErrorCode::Conflict);
        QCOMPARE(stale.error().http_status, 412);

        const auto r = client_->checkIn(booked.value().id, booked.value().version_id);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail));
        QCOMPARE(r.value().status, fhir::AppointmentStatus::Arrived);
        QVERIFY(r.value().visit_sequence > 0);
        QCOMPARE(r.value().version_id, QStringLiteral("2"));
        const auto again = client_->checkIn(booked.value().id, r.value().version_id);
        QVERIFY(again.ok());
        QCOMPARE(again.value().visit_sequence, r.value().visit_sequence);

        const auto unknown = client_->checkIn(QStringLiteral("appt-none"), QStringLiteral("1"));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, ErrorCode::NotFound);
    }

    void probe()
    {
        QVERIFY(client_->probe().ok());
        sim_->setFault(fault(QStringLiteral("5xx"), -1));
        const Status s = client_->probe();
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, ErrorCode::Server);
    }

    void concurrentClientsShareOneClient()
    {
        const auto doctors = client_->doctors(QStringLiteral("dept-eye"));
        QVERIFY(doctors.ok());
        std::vector<std::thread> threads;
        std::atomic<int> ok_count{0};
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([this, &ok_count] {
                for (int i = 0; i < 5; ++i) {
                    if (client_->departments().ok()) ++ok_count;
                }
            });
        }
        for (std::thread& t : threads) t.join();
        QCOMPARE(ok_count.load(), 20);
    }

    void userMessagesForEveryCode()
    {
        for (int c = int(ErrorCode::Unset); c <= int(ErrorCode::Internal); ++c) {
            const Error e = makeError(ErrorCode(c), QStringLiteral("detail"));
            QVERIFY2(!userMessage(e).isEmpty(), qPrintable(errorCodeName(ErrorCode(c))));
            QVERIFY(!errorCodeName(ErrorCode(c)).isEmpty());
            QVERIFY(staffDetail(e).contains(QLatin1String("detail")));
        }
    }
};

QTEST_GUILESS_MAIN(TestPoolClient)
#include "tst_poolclient.moc"
