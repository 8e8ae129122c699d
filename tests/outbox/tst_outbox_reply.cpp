// The relay with the real PoolCommandSender over HTTP (libcurl) against a scripted loopback pool
// (issue 14, items 7 and 8): a 2xx reply counts as delivered only when it is about the
// appointment asked for, in the state asked for; a reply about another appointment, a refused
// cancel of an arrived appointment and a reused Idempotency-Key go to staff review (dead, with a
// reason) after one attempt, never to `sent` and never into a retry loop.
#include "OutboxTestUtil.h"
#include "core/common/UserMessages.h"
#include "core/outbox/Outbox.h"
#include "core/outbox/PoolCommandSender.h"
#include "core/outbox/Relay.h"
#include "core/store/Store.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <optional>
#include <thread>

using namespace mk;
using namespace mk::outbox;
using mk::outbox::test::makeKey;

namespace {

struct Reply {
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
};

// A tiny HTTP/1.1 server on 127.0.0.1 in the test's thread: answers "METHOD /path" with a
// scripted reply (404 OperationOutcome otherwise) and counts requests per route. One request per
// connection (Connection: close), as the simulator does.
class ScriptedPool : public QObject
{
public:
    bool listen()
    {
        connect(&server_, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = server_.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        return server_.listen(QHostAddress::LocalHost);
    }
    QUrl baseUrl() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/fhir").arg(server_.serverPort()));
    }
    void answer(const QByteArray& route, const Reply& reply) { replies_.insert(route, reply); }
    int count(const QByteArray& route) const { return counts_.value(route); }

private:
    void read(QTcpSocket* socket)
    {
        QByteArray& buffer = buffers_[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0) return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        qsizetype length = 0;
        for (const QByteArray& line : lines) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < end + 4 + length) return;
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        QByteArray path = first.value(1);
        if (const qsizetype q = path.indexOf('?'); q >= 0) path.truncate(q);
        const QByteArray route = first.value(0) + ' ' + path;
        counts_[route] += 1;
        buffers_.remove(socket);
        respond(socket, replies_.value(route, notFound()));
    }
    static Reply notFound()
    {
        return Reply{404, outcome(QByteArrayLiteral("not-found"), QString(), u"unknown"_qs), {}};
    }
    static void respond(QTcpSocket* socket, const Reply& r)
    {
        QByteArray head = "HTTP/1.1 " + QByteArray::number(r.status) + " X\r\n";
        head += "Content-Type: application/fhir+json; charset=utf-8\r\n";
        head += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
        head += "Connection: close\r\n";
        for (const auto& h : r.headers) head += h.first + ": " + h.second + "\r\n";
        socket->write(head + "\r\n" + r.body);
        socket->disconnectFromHost();
    }

public:
    static QByteArray outcome(const QByteArray& code, const QString& rule, const QString& text)
    {
        QJsonObject issue{{u"severity"_qs, u"error"_qs},
                          {u"code"_qs, QString::fromLatin1(code)},
                          {u"diagnostics"_qs, text}};
        if (!rule.isEmpty()) {
            issue.insert(
                u"details"_qs,
                QJsonObject{
                    {u"coding"_qs, QJsonArray{QJsonObject{{u"system"_qs, u"urn:medkiosk:rule"_qs},
                                                          {u"code"_qs, rule}}}},
                    {u"text"_qs, text}});
        }
        return QJsonDocument(QJsonObject{{u"resourceType"_qs, u"OperationOutcome"_qs},
                                         {u"issue"_qs, QJsonArray{issue}}})
            .toJson(QJsonDocument::Compact);
    }

private:
    QTcpServer server_;
    QHash<QByteArray, Reply> replies_;
    QHash<QByteArray, int> counts_;
    QHash<QTcpSocket*, QByteArray> buffers_;
};

QByteArray appointment(const QString& id, const QString& status, const QString& number,
                       const QString& version)
{
    QJsonObject a{
        {u"resourceType"_qs, u"Appointment"_qs},
        {u"id"_qs, id},
        {u"meta"_qs, QJsonObject{{u"versionId"_qs, version}}},
        {u"identifier"_qs, QJsonArray{QJsonObject{{u"system"_qs, u"urn:medkiosk:appointment"_qs},
                                                  {u"value"_qs, number}}}},
        {u"status"_qs, status},
        {u"start"_qs, u"2026-11-23T08:10:00+08:00"_qs},
        {u"end"_qs, u"2026-11-23T08:20:00+08:00"_qs},
        {u"participant"_qs,
         QJsonArray{QJsonObject{{u"actor"_qs, QJsonObject{{u"reference"_qs, u"Patient/pat-1"_qs}}},
                                {u"status"_qs, u"accepted"_qs}}}}};
    if (status == u"arrived"_qs) {
        a.insert(
            u"extension"_qs,
            QJsonArray{QJsonObject{
                {u"url"_qs, u"http://medkiosk.example/fhir/StructureDefinition/visit-sequence"_qs},
                {u"valuePositiveInt"_qs, 7}}});
    }
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

Reply ok(const QByteArray& body, bool replayed = false)
{
    Reply r{200, body, {}};
    if (replayed) r.headers.append({QByteArrayLiteral("Idempotent-Replayed"), "true"});
    return r;
}

// Appointment appt-3 (number A-0003) is the one the commands are about; appt-1 (A-0001) is
// someone else's.
const QString kAsked = u"appt-3"_qs;
const QString kNumber = u"A20261123-0003"_qs;
const QString kOtherNumber = u"A20261123-0001"_qs;
const QByteArray kGet = "GET /fhir/Appointment/appt-3";
const QByteArray kCheckIn = "POST /fhir/Appointment/appt-3/$check-in";
const QByteArray kCancel = "POST /fhir/Appointment/appt-3/$cancel";

}  // namespace

using Script = QList<QPair<QByteArray, Reply>>;
Q_DECLARE_METATYPE(Script)

class TestOutboxReply : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replyMustBeAboutTheRequest_data();
    void replyMustBeAboutTheRequest();
    void alreadyArrivedHasAPatientSentence();
};

void TestOutboxReply::replyMustBeAboutTheRequest_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("number");  // appointment number in the payload ("" = none)
    QTest::addColumn<Script>("script");
    QTest::addColumn<QString>("state");      // sent | dead | queued after the first attempt
    QTest::addColumn<QString>("reason");     // the dead letter's reason contains this
    QTest::addColumn<QByteArray>("posted");  // the POST route, sent exactly once

    const Reply booked = ok(appointment(kAsked, u"booked"_qs, kNumber, u"1"_qs));
    const Reply arrived = ok(appointment(kAsked, u"arrived"_qs, kNumber, u"2"_qs));
    const Reply other_arrived =
        ok(appointment(u"appt-1"_qs, u"arrived"_qs, kOtherNumber, u"2"_qs), true);

    // Item 7: the pool replays another request's answer for our key (a cancel of appt-3
    // answered with appt-1's body): before the fix the relay retried it as "unreadable".
    QTest::newRow("cancel answered with appt-1's body")
        << kind::kCancel << QString()
        << Script{{kCancel,
                   ok(appointment(u"appt-1"_qs, u"cancelled"_qs, kOtherNumber, u"3"_qs), true)}}
        << u"dead"_qs << u"Appointment/appt-1, not the Appointment/appt-3"_qs << kCancel;
    // Before the fix: marked SENT with appt-1's number and visit sequence.
    QTest::newRow("check-in: GET answered about arrived appt-1")
        << kind::kCheckIn << QString() << Script{{kGet, other_arrived}, {kCheckIn, arrived}}
        << u"dead"_qs
        << u"GET Appointment: reply mismatch: the reply is about Appointment/appt-1"_qs
        << QByteArray();
    QTest::newRow("check-in: POST answered about appt-1")
        << kind::kCheckIn << kNumber << Script{{kGet, booked}, {kCheckIn, other_arrived}}
        << u"dead"_qs << u"POST $check-in: reply mismatch"_qs << kCheckIn;
    QTest::newRow("check-in: reply carries another appointment number")
        << kind::kCheckIn << kNumber
        << Script{{kGet, booked},
                  {kCheckIn, ok(appointment(kAsked, u"arrived"_qs, kOtherNumber, u"2"_qs))}}
        << u"dead"_qs << u"another appointment number"_qs << kCheckIn;
    QTest::newRow("cancel: 200 but the appointment is still arrived")
        << kind::kCancel << QString() << Script{{kCancel, arrived}} << u"dead"_qs
        << u"is arrived, not cancelled"_qs << kCancel;

    // Item 8: the pool refuses to cancel an arrived appointment, with 409 or 422 and a rule.
    for (int status : {409, 422}) {
        QTest::addRow("cancel refused %d already-arrived", status)
            << kind::kCancel << QString()
            << Script{{kCancel, Reply{status,
                                      ScriptedPool::outcome("business-rule", u"already-arrived"_qs,
                                                            u"appointment already arrived"_qs),
                                      {}}}}
            << u"dead"_qs << u"already arrived (rule already-arrived)"_qs << kCancel;
    }

    // Item 7, pool side: a key reused for a different request is refused with 422.
    QTest::newRow("check-in: 422 Idempotency-Key reused")
        << kind::kCheckIn << QString()
        << Script{{kGet, booked},
                  {kCheckIn,
                   Reply{422,
                         ScriptedPool::outcome("business-rule", u"idempotency-key-reused"_qs,
                                               u"Idempotency-Key reused for another request"_qs),
                         {}}}}
        << u"dead"_qs << u"Idempotency-Key was already used for a different request"_qs << kCheckIn;

    // Controls: the right answers are delivered; a plain 409 is still retried.
    QTest::newRow("cancel done") << kind::kCancel << QString()
                                 << Script{{kCancel, ok(appointment(kAsked, u"cancelled"_qs,
                                                                    kNumber, u"3"_qs))}}
                                 << u"sent"_qs << QString() << kCancel;
    QTest::newRow("check-in done")
        << kind::kCheckIn << kNumber << Script{{kGet, booked}, {kCheckIn, arrived}} << u"sent"_qs
        << QString() << kCheckIn;
    // A provisional check-in whose appointment was cancelled at the pool meanwhile: before the
    // fix the POST got 409 "cancelled" and the relay retried it until its attempts ran out.
    for (const char* closed : {"cancelled", "noshow", "entered-in-error"}) {
        QTest::addRow("check-in: appointment %s meanwhile", closed)
            << kind::kCheckIn << kNumber
            << Script{{kGet,
                       ok(appointment(kAsked, QString::fromLatin1(closed), kNumber, u"4"_qs))},
                      {kCheckIn, Reply{409,
                                       ScriptedPool::outcome("conflict", QString(),
                                                             u"the appointment is cancelled"_qs),
                                       {}}}}
            << u"dead"_qs << QStringLiteral("is %1 at the pool").arg(QLatin1String(closed))
            << QByteArray();
    }
    QTest::newRow("check-in already arrived")
        << kind::kCheckIn << kNumber << Script{{kGet, arrived}} << u"sent"_qs << QString()
        << QByteArray();
    QTest::newRow("cancel 409 without a rule is retried")
        << kind::kCancel << QString()
        << Script{{kCancel,
                   Reply{409, ScriptedPool::outcome("conflict", QString(), u"busy"_qs), {}}}}
        << u"queued"_qs << QString() << kCancel;
}

void TestOutboxReply::replyMustBeAboutTheRequest()
{
    QFETCH(QString, kind);
    QFETCH(QString, number);
    QFETCH(Script, script);
    QFETCH(QString, state);
    QFETCH(QString, reason);
    QFETCH(QByteArray, posted);

    ScriptedPool pool;
    QVERIFY(pool.listen());
    pool.answer("GET /fhir/HealthcareService",
                ok(R"({"resourceType":"Bundle","type":"searchset","total":0})"));
    for (const auto& step : script) pool.answer(step.first, step.second);

    QTemporaryDir dir;
    auto opened = store::Store::open(dir.filePath(u"s.db"_qs), makeKey('r'));
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().detail));
    auto store = std::move(opened).value();
    Outbox outbox(*store);
    const Command command =
        kind == kind::kCheckIn ? checkInCommand(kAsked, number) : cancelCommand(kAsked);
    const auto id = outbox.enqueue(command);
    QVERIFY(id);

    pool::TransportOptions transport;
    transport.request_timeout_ms = 20000;  // the machine may be loaded
    PoolCommandSender sender(pool.baseUrl(), transport);
    RelayOptions options;
    options.backoff.base_ms = 600000;  // one attempt in this test: a retry waits 10 minutes
    options.backoff.cap_ms = 600000;
    options.probe_interval_ms = 20;
    options.idle_poll_ms = 50;
    Relay relay(outbox, sender, options);
    relay.start();
    std::optional<OutboxRecord> record;
    const bool attempted = QTest::qWaitFor(
        [&] {
            auto r = outbox.record(id.value());
            if (r && r.value() && r.value()->attempts >= 1) record = r.value();
            return record.has_value();
        },
        30000);
    relay.stop();
    QVERIFY2(attempted, "the relay never recorded an attempt");

    QCOMPARE(stateName(record->state), state);
    QCOMPARE(record->attempts, 1);
    if (state == u"dead"_qs) {
        QVERIFY(record->result.isEmpty());  // nothing of appt-1's answer is kept as ours
        QVERIFY2(record->last_error.contains(reason), qPrintable(record->last_error));
        QVERIFY2(
            !record->last_error.contains(kNumber) && !record->last_error.contains(kOtherNumber),
            qPrintable(record->last_error));
    }
    if (state == u"sent"_qs) {
        const QJsonObject result = QJsonDocument::fromJson(record->result).object();
        QCOMPARE(result.value(u"appointment_id"_qs).toString(), kAsked);
    }
    if (!posted.isEmpty()) QCOMPARE(pool.count(posted), 1);
    if (posted != kCheckIn) QCOMPARE(pool.count(kCheckIn), 0);
}

void TestOutboxReply::alreadyArrivedHasAPatientSentence()
{
    // The refusal of item 8 as a sender outcome, then as the patient's sentence (no translator
    // is installed here: the English source text).
    ScriptedPool pool;
    QVERIFY(pool.listen());
    pool.answer(kCancel, Reply{409,
                               ScriptedPool::outcome("business-rule", u"already-arrived"_qs,
                                                     u"appointment already arrived"_qs),
                               {}});
    PoolCommandSender sender(pool.baseUrl(), pool::TransportOptions{});
    OutboxRecord r;
    r.kind = kind::kCancel;
    r.payload = cancelCommand(kAsked).payload;
    r.idempotency_key = u"2b7c1c6e-0000-4000-8000-000000000001"_qs;
    SendOutcome outcome;
    std::atomic<bool> finished{false};
    std::thread worker([&] {  // the sender blocks; the pool answers from this thread's loop
        outcome = sender.send(r);
        finished = true;
    });
    const bool answered = QTest::qWaitFor([&] { return finished.load(); }, 30000);
    worker.join();
    QVERIFY(answered);
    QCOMPARE(outcome.kind, SendOutcome::Kind::Permanent);
    QCOMPARE(outcome.http_status, 409);
    QCOMPARE(outcome.rule, rule::kAlreadyArrived);

    const QString sentence =
        u"This appointment is already checked in and can no longer be cancelled here. "
        u"Please ask at the desk."_qs;
    Error conflict = makeError(ErrorCode::Conflict, outcome.error);
    conflict.rule = outcome.rule;
    QCOMPARE(userMessage(conflict), sentence);
    Error rule_error = makeError(ErrorCode::Rule, QString());
    rule_error.rule = rule::kAlreadyArrived;
    QCOMPARE(userMessage(rule_error), sentence);
    QVERIFY(staffDetail(conflict).startsWith(sentence));
}

QTEST_GUILESS_MAIN(TestOutboxReply)
#include "tst_outbox_reply.moc"
