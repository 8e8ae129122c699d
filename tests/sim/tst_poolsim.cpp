#include "SimulatorThread.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace mk::sim;

namespace {

struct Reply {
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QByteArray content_type;
    QByteArray etag;
    QByteArray retry_after;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

Reply call(const QByteArray& verb, const QUrl& url, const QByteArray& body = {},
           const QList<QPair<QByteArray, QByteArray>>& headers = {}, int timeout_ms = 10000)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    request.setTransferTimeout(timeout_ms);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/fhir+json"));
    for (const auto& h : headers) {
        request.setRawHeader(h.first, h.second);
    }
    QNetworkReply* reply = nam.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    r.body = reply->readAll();
    r.content_type = reply->rawHeader(QByteArrayLiteral("Content-Type"));
    r.etag = reply->rawHeader(QByteArrayLiteral("ETag"));
    r.retry_after = reply->rawHeader(QByteArrayLiteral("Retry-After"));
    delete reply;
    return r;
}

SimOptions options(const QString& dir = {})
{
    SimOptions o;
    o.data_dir = dir;
    o.first_day = QDate(2026, 11, 23);
    return o;
}

QByteArray booking(const QString& uuid, const QString& slot,
                   const QString& patient = QStringLiteral("pat-1001"))
{
    const QJsonObject a{
        {QStringLiteral("resourceType"), QStringLiteral("Appointment")},
        {QStringLiteral("status"), QStringLiteral("booked")},
        {QStringLiteral("identifier"),
         QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:medkiosk:booking")},
                                {QStringLiteral("value"), uuid}}}},
        {QStringLiteral("slot"),
         QJsonArray{QJsonObject{{QStringLiteral("reference"), QStringLiteral("Slot/") + slot}}}},
        {QStringLiteral("participant"),
         QJsonArray{QJsonObject{
             {QStringLiteral("actor"),
              QJsonObject{{QStringLiteral("reference"), QStringLiteral("Patient/") + patient}}},
             {QStringLiteral("status"), QStringLiteral("accepted")}}}}};
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

Reply book(const QUrl& base, const QString& uuid, const QString& slot,
           const QString& patient = QStringLiteral("pat-1001"))
{
    return call(QByteArrayLiteral("POST"), QUrl(base.toString() + QStringLiteral("/Appointment")),
                booking(uuid, slot, patient),
                {{QByteArrayLiteral("If-None-Exist"),
                  (QStringLiteral("identifier=urn:medkiosk:booking|") + uuid).toUtf8()}});
}

// The first free slots of sch-ped-01 on the first day.
QStringList freeSlots(const QUrl& base, int n)
{
    const Reply r =
        call(QByteArrayLiteral("GET"),
             QUrl(base.toString() +
                  QStringLiteral("/Slot?schedule=sch-ped-01&start=ge2026-11-23T00:00:00%2B08:00"
                                 "&start=lt2026-11-24T00:00:00%2B08:00&status=free&_count=%1")
                      .arg(n)));
    QStringList ids;
    for (const QJsonValue& e : r.json().value(QStringLiteral("entry")).toArray()) {
        ids.append(e.toObject()
                       .value(QStringLiteral("resource"))
                       .toObject()
                       .value(QStringLiteral("id"))
                       .toString());
    }
    return ids;
}

}  // namespace

class TestPoolSim : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void paging();
    void conditionalCreateIsIdempotent();
    void conflictOnTakenSlot();
    void bookingsPerDayRule();
    void checkIn();
    void persistsAcrossRestart();
    void malformedBody_data();
    void malformedBody();
    void faults_data();
    void faults();
};

void TestPoolSim::paging()
{
    SimulatorThread sim(options());
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));
    QUrl url(sim.baseUrl().toString() +
             QStringLiteral("/Schedule?actor=HealthcareService/dept-ped&_count=7"));
    int pages = 0;
    int seen = 0;
    int total = -1;
    while (url.isValid() && pages < 20) {
        const Reply r = call(QByteArrayLiteral("GET"), url);
        QCOMPARE(r.status, 200);
        const QJsonObject b = r.json();
        total = b.value(QStringLiteral("total")).toInt();
        seen += int(b.value(QStringLiteral("entry")).toArray().size());
        url = QUrl();
        for (const QJsonValue& l : b.value(QStringLiteral("link")).toArray()) {
            if (l.toObject().value(QStringLiteral("relation")).toString() ==
                QLatin1String("next")) {
                url = QUrl(l.toObject().value(QStringLiteral("url")).toString());
            }
        }
        ++pages;
    }
    QCOMPARE(total, 30);
    QCOMPARE(seen, 30);
    QCOMPARE(pages, 5);
}

void TestPoolSim::conditionalCreateIsIdempotent()
{
    SimulatorThread sim(options());
    QString error;
    QVERIFY(sim.start(&error));
    const QString slot = freeSlots(sim.baseUrl(), 1).value(0);
    QVERIFY(!slot.isEmpty());
    const Reply first = book(sim.baseUrl(), QStringLiteral("b-1"), slot);
    QCOMPARE(first.status, 201);
    const Reply second = book(sim.baseUrl(), QStringLiteral("b-1"), slot);
    QCOMPARE(second.status, 200);
    QCOMPARE(second.json().value(QStringLiteral("id")), first.json().value(QStringLiteral("id")));
    QCOMPARE(sim.appointmentsCreated(), 1);
}

void TestPoolSim::conflictOnTakenSlot()
{
    SimulatorThread sim(options());
    QString error;
    QVERIFY(sim.start(&error));
    const QString slot = freeSlots(sim.baseUrl(), 1).value(0);
    QCOMPARE(book(sim.baseUrl(), QStringLiteral("c-1"), slot).status, 201);
    const Reply r = book(sim.baseUrl(), QStringLiteral("c-2"), slot, QStringLiteral("pat-1004"));
    QCOMPARE(r.status, 409);
    QCOMPARE(r.json().value(QStringLiteral("resourceType")).toString(),
             QStringLiteral("OperationOutcome"));
    QCOMPARE(sim.appointmentsCreated(), 1);
}

void TestPoolSim::bookingsPerDayRule()
{
    SimulatorThread sim(options());
    QString error;
    QVERIFY(sim.start(&error));
    const QStringList slots = freeSlots(sim.baseUrl(), 3);
    QCOMPARE(slots.size(), 3);
    QCOMPARE(book(sim.baseUrl(), QStringLiteral("r-1"), slots.at(0)).status, 201);
    QCOMPARE(book(sim.baseUrl(), QStringLiteral("r-2"), slots.at(1)).status, 201);
    const Reply third = book(sim.baseUrl(), QStringLiteral("r-3"), slots.at(2));
    QCOMPARE(third.status, 422);
    QVERIFY(third.body.contains("business-rule"));
}

void TestPoolSim::checkIn()
{
    SimulatorThread sim(options());
    QString error;
    QVERIFY(sim.start(&error));
    const Reply booked =
        book(sim.baseUrl(), QStringLiteral("k-1"), freeSlots(sim.baseUrl(), 1).value(0));
    const QString id = booked.json().value(QStringLiteral("id")).toString();
    const QUrl url(sim.baseUrl().toString() + QStringLiteral("/Appointment/%1/$check-in").arg(id));
    QCOMPARE(call(QByteArrayLiteral("POST"), url, {},
                  {{QByteArrayLiteral("If-Match"), QByteArrayLiteral("W/\"7\"")}})
                 .status,
             412);
    const Reply first =
        call(QByteArrayLiteral("POST"), url, {}, {{QByteArrayLiteral("If-Match"), booked.etag}});
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json().value(QStringLiteral("status")).toString(), QStringLiteral("arrived"));
    const int number = first.json()
                           .value(QStringLiteral("extension"))
                           .toArray()
                           .at(0)
                           .toObject()
                           .value(QStringLiteral("valuePositiveInt"))
                           .toInt();
    QCOMPARE(number, 1);
    const Reply again =
        call(QByteArrayLiteral("POST"), url, {}, {{QByteArrayLiteral("If-Match"), first.etag}});
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json()
                 .value(QStringLiteral("extension"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("valuePositiveInt"))
                 .toInt(),
             number);
}

void TestPoolSim::persistsAcrossRestart()
{
    QTemporaryDir dir;
    QString id;
    QString slot;
    {
        SimulatorThread sim(options(dir.path()));
        QString error;
        QVERIFY(sim.start(&error));
        slot = freeSlots(sim.baseUrl(), 1).value(0);
        id = book(sim.baseUrl(), QStringLiteral("p-1"), slot)
                 .json()
                 .value(QStringLiteral("id"))
                 .toString();
        QVERIFY(!id.isEmpty());
    }
    SimulatorThread sim(options(dir.path()));
    QString error;
    QVERIFY(sim.start(&error));
    QCOMPARE(call(QByteArrayLiteral("GET"),
                  QUrl(sim.baseUrl().toString() + QStringLiteral("/Appointment/") + id))
                 .status,
             200);
    QCOMPARE(book(sim.baseUrl(), QStringLiteral("p-1"), slot).status, 200);
    QCOMPARE(book(sim.baseUrl(), QStringLiteral("p-2"), slot, QStringLiteral("pat-1004")).status,
             409);
}

void TestPoolSim::malformedBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("truncated") << QByteArrayLiteral("{\"resourceType\": \"Appoint");
    QTest::newRow("array") << QByteArrayLiteral("[1,2]");
    QTest::newRow("wrong type") << QByteArrayLiteral("{\"resourceType\":\"Patient\"}");
    QTest::newRow("no slot") << QByteArrayLiteral(
        "{\"resourceType\":\"Appointment\",\"identifier\":[{\"system\":\"urn:medkiosk:booking\","
        "\"value\":\"x\"}]}");
    QTest::newRow("empty") << QByteArray();
}

void TestPoolSim::malformedBody()
{
    QFETCH(QByteArray, body);
    SimulatorThread sim(options());
    QString error;
    QVERIFY(sim.start(&error));
    const Reply r = call(QByteArrayLiteral("POST"),
                         QUrl(sim.baseUrl().toString() + QStringLiteral("/Appointment")), body);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(QStringLiteral("resourceType")).toString(),
             QStringLiteral("OperationOutcome"));
    QCOMPARE(sim.appointmentsCreated(), 0);
}

void TestPoolSim::faults_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("error");  // QNetworkReply::NetworkError
    QTest::addColumn<QByteArray>("content_type_prefix");
    QTest::newRow("5xx") << QStringLiteral("5xx") << 503
                         << int(QNetworkReply::ServiceUnavailableError)
                         << QByteArrayLiteral("application/fhir+json");
    QTest::newRow("429") << QStringLiteral("429") << 429 << int(QNetworkReply::UnknownContentError)
                         << QByteArrayLiteral("application/fhir+json");
    QTest::newRow("malformed") << QStringLiteral("malformed") << 200 << int(QNetworkReply::NoError)
                               << QByteArrayLiteral("application/fhir+json");
    QTest::newRow("wrong-content-type")
        << QStringLiteral("wrong-content-type") << 200 << int(QNetworkReply::NoError)
        << QByteArrayLiteral("text/html");
    QTest::newRow("oversized") << QStringLiteral("oversized") << 200 << int(QNetworkReply::NoError)
                               << QByteArrayLiteral("application/fhir+json");
    QTest::newRow("drop") << QStringLiteral("drop") << 0 << -1 << QByteArray();
    QTest::newRow("hang") << QStringLiteral("hang") << 0
                          << int(QNetworkReply::OperationCanceledError) << QByteArray();
    QTest::newRow("outage") << QStringLiteral("outage") << 0 << -1 << QByteArray();
}

void TestPoolSim::faults()
{
    QFETCH(QString, mode);
    QFETCH(int, status);
    QFETCH(int, error);
    QFETCH(QByteArray, content_type_prefix);
    SimulatorThread sim(options());
    QString start_error;
    QVERIFY(sim.start(&start_error));
    FaultSpec fault;
    fault.mode = mode;
    // Qt's network access retries an idempotent GET once when the connection closes before any
    // reply, so the connection faults are set for two requests.
    fault.count = (mode == QLatin1String("drop") || mode == QLatin1String("outage")) ? 2 : 1;
    sim.setFault(fault);
    const QUrl url(sim.baseUrl().toString() + QStringLiteral("/HealthcareService?active=true"));
    const Reply r = call(QByteArrayLiteral("GET"), url, {}, {}, 2000);
    QCOMPARE(r.status, status);
    if (error >= 0) {
        QCOMPARE(int(r.error), error);
    } else {
        QVERIFY(r.error != QNetworkReply::NoError);
    }
    if (!content_type_prefix.isEmpty()) {
        QVERIFY(r.content_type.startsWith(content_type_prefix));
    }
    if (mode == QLatin1String("malformed")) {
        QJsonParseError parse{};
        QJsonDocument::fromJson(r.body, &parse);
        QVERIFY(parse.error != QJsonParseError::NoError);
    }
    if (mode == QLatin1String("oversized")) {
        QVERIFY(r.body.size() > 20 * 1024 * 1024);
    }
    if (mode == QLatin1String("429")) {
        QCOMPARE(r.retry_after, QByteArrayLiteral("1"));
    }
    // The fault applied to one request only: the next one is served normally.
    QCOMPARE(call(QByteArrayLiteral("GET"), url).status, 200);
}

QTEST_GUILESS_MAIN(TestPoolSim)
#include "tst_poolsim.moc"
