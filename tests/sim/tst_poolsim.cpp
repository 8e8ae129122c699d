#include "SimTestUtil.h"
#include "poolsim/SimulatorThread.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace mk::sim;
using namespace mk::sim::test;

namespace {

// The permission bits of a path (-1 when it does not exist).
int modeOf(const QString& path)
{
    struct stat st {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        return -1;
    }
    return int(st.st_mode & 07777);
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
    void stateIsPrivate();
    void looseStateTightened();
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

// state.json holds valid check-in tokens: 0600 in a 0700 folder, whatever the umask says.
void TestPoolSim::stateIsPrivate()
{
    const mode_t old_umask = ::umask(022);
    QTemporaryDir dir;
    const QString data_dir = dir.filePath(QStringLiteral("demo/pool"));
    {
        SimulatorThread sim(options(data_dir));
        QString error;
        QVERIFY2(sim.start(&error), qPrintable(error));
        QCOMPARE(book(sim.baseUrl(), QStringLiteral("perm-1"), freeSlots(sim.baseUrl(), 1).value(0))
                     .status,
                 201);
    }
    ::umask(old_umask);
    const QString state = QDir(data_dir).filePath(QStringLiteral("state.json"));
    QCOMPARE(QString::number(modeOf(state), 8), QStringLiteral("600"));
    QCOMPARE(QString::number(modeOf(data_dir), 8), QStringLiteral("700"));
    QCOMPARE(QString::number(modeOf(dir.filePath(QStringLiteral("demo"))), 8),
             QStringLiteral("700"));
    // No temporary file is left beside it.
    QCOMPARE(QDir(data_dir).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("state.json")});
}

// A state written by an older simulator (0644 in a 0755 folder) is made private when loaded.
void TestPoolSim::looseStateTightened()
{
    QTemporaryDir dir;
    const QString data_dir = dir.filePath(QStringLiteral("pool"));
    QVERIFY(QDir().mkdir(data_dir));
    QVERIFY(::chmod(QFile::encodeName(data_dir).constData(), 0755) == 0);
    const QString state = QDir(data_dir).filePath(QStringLiteral("state.json"));
    {
        QFile f(state);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArrayLiteral("{\"version\":1}"));
    }
    QVERIFY(::chmod(QFile::encodeName(state).constData(), 0644) == 0);
    SimulatorThread sim(options(data_dir));
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));
    QCOMPARE(QString::number(modeOf(state), 8), QStringLiteral("600"));
    QCOMPARE(QString::number(modeOf(data_dir), 8), QStringLiteral("700"));
    QCOMPARE(
        book(sim.baseUrl(), QStringLiteral("perm-2"), freeSlots(sim.baseUrl(), 1).value(0)).status,
        201);
    QCOMPARE(QString::number(modeOf(state), 8), QStringLiteral("600"));
}

QTEST_GUILESS_MAIN(TestPoolSim)
#include "tst_poolsim.moc"
