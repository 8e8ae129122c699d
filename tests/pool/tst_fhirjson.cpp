// FhirJson::integer on numbers from the network: the range is checked before any conversion, so a
// huge, infinite or NaN value is a BadReply detail, never undefined behaviour. This test compiles
// FhirJson.cpp itself with -fsanitize=float-cast-overflow (tests/pool/CMakeLists.txt): converting
// first, as the code once did, aborts the run.
#include "core/fhir/FhirJson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <limits>

using mk::fhir::FhirJson;

class TestFhirJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void integer_data();
    void integer();
    void integerFromText_data();
    void integerFromText();
    void instant_data();
    void instant();
};

void TestFhirJson::integer_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<int>("minimum");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<int>("expected");

    const double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("zero") << QJsonValue(0) << 0 << true << 0;
    QTest::newRow("one") << QJsonValue(1) << 1 << true << 1;
    QTest::newRow("int max") << QJsonValue(2147483647.0) << 0 << true << 2147483647;
    QTest::newRow("int max + 1") << QJsonValue(2147483648.0) << 0 << false << -1;
    QTest::newRow("below minimum") << QJsonValue(0) << 1 << false << -1;
    QTest::newRow("negative") << QJsonValue(-5) << 0 << false << -1;
    QTest::newRow("fraction") << QJsonValue(2.5) << 0 << false << -1;
    QTest::newRow("1e19 (beyond qint64)") << QJsonValue(1e19) << 0 << false << -1;
    QTest::newRow("1e300") << QJsonValue(1e300) << 0 << false << -1;
    QTest::newRow("-1e300") << QJsonValue(-1e300) << 0 << false << -1;
    QTest::newRow("-9.3e18 (below qint64)") << QJsonValue(-9.3e18) << 0 << false << -1;
    QTest::newRow("+infinity") << QJsonValue(inf) << 0 << false << -1;
    QTest::newRow("-infinity") << QJsonValue(-inf) << 0 << false << -1;
    QTest::newRow("NaN") << QJsonValue(std::numeric_limits<double>::quiet_NaN()) << 0 << false
                         << -1;
    QTest::newRow("string") << QJsonValue(QStringLiteral("7")) << 0 << false << -1;
    QTest::newRow("boolean") << QJsonValue(true) << 0 << false << -1;
}

void TestFhirJson::integer()
{
    QFETCH(QJsonValue, value);
    QFETCH(int, minimum);
    QFETCH(bool, accepted);
    QFETCH(int, expected);
    QJsonObject o;
    o.insert(QStringLiteral("n"), value);
    FhirJson j;
    const int got = j.integer(o, QStringLiteral("n"), QStringLiteral("X.n"),
                              FhirJson::Need::Required, -1, minimum);
    QCOMPARE(j.ok(), accepted);
    QCOMPARE(got, expected);
    if (!accepted) QVERIFY2(j.error().contains(QLatin1String("X.n")), qPrintable(j.error()));
}

// The same through the JSON text a pool would send.
void TestFhirJson::integerFromText_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("accepted");

    QTest::newRow("7") << QByteArray(R"({"n": 7})") << true;
    QTest::newRow("20 digits") << QByteArray(R"({"n": 99999999999999999999})") << false;
    QTest::newRow("1e400") << QByteArray(R"({"n": 1e400})") << false;
    QTest::newRow("-1e400") << QByteArray(R"({"n": -1e400})") << false;
    QTest::newRow("-20 digits") << QByteArray(R"({"n": -99999999999999999999})") << false;
    QTest::newRow("9223372036854775807") << QByteArray(R"({"n": 9223372036854775807})") << false;
}

void TestFhirJson::integerFromText()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, accepted);
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    FhirJson j;
    j.integer(o, QStringLiteral("n"), QStringLiteral("X.n"), FhirJson::Need::Required, -1, 0);
    QCOMPARE(j.ok(), accepted);
}

// FhirJson::instant reads the common forms by hand (slot searches): the same instant and the same
// UTC offset as QDateTime::fromString gives, and the same refusals.
void TestFhirJson::instant_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("accepted");

    QTest::newRow("+08:00") << QStringLiteral("2030-01-07T08:00:00+08:00") << true;
    QTest::newRow("Z") << QStringLiteral("2030-01-07T08:00:00Z") << true;
    QTest::newRow("-05:30") << QStringLiteral("2030-01-07T23:59:59-05:30") << true;
    QTest::newRow("+00:00") << QStringLiteral("2030-01-07T08:00:00+00:00") << true;
    QTest::newRow("+14:00") << QStringLiteral("2024-02-29T00:00:00+14:00") << true;
    QTest::newRow("fraction") << QStringLiteral("2030-01-07T08:00:00.250+08:00") << true;
    QTest::newRow("no zone") << QStringLiteral("2030-01-07T08:00:00") << false;
    QTest::newRow("date only") << QStringLiteral("2030-01-07") << false;
    QTest::newRow("30 February") << QStringLiteral("2030-02-30T08:00:00+08:00") << false;
    QTest::newRow("hour 25") << QStringLiteral("2030-01-07T25:00:00+08:00") << false;
    QTest::newRow("minute 60") << QStringLiteral("2030-01-07T08:60:00Z") << false;
    QTest::newRow("letters") << QStringLiteral("2030-0a-07T08:00:00+08:00") << false;
    QTest::newRow("space for T") << QStringLiteral("2030-01-07 08:00:00+08:00") << false;
    QTest::newRow("bad zone sign") << QStringLiteral("2030-01-07T08:00:00*08:00") << false;
    QTest::newRow("zone without colon") << QStringLiteral("2030-01-07T08:00:00+0800") << false;
    QTest::newRow("full-width digit") << QStringLiteral("2030-01-07T08:00:0\uFF10Z") << false;
}

void TestFhirJson::instant()
{
    QFETCH(QString, text);
    QFETCH(bool, accepted);
    QJsonObject o;
    o.insert(QStringLiteral("t"), text);
    FhirJson j;
    const QDateTime got =
        j.instant(o, QStringLiteral("t"), QStringLiteral("X.t"), FhirJson::Need::Required);
    QCOMPARE(j.ok(), accepted);
    if (!accepted) {
        QVERIFY(!got.isValid());
        QVERIFY2(j.error().contains(QLatin1String("X.t")), qPrintable(j.error()));
        return;
    }
    const QDateTime expected = QDateTime::fromString(text, Qt::ISODateWithMs);
    QVERIFY(expected.isValid());
    QCOMPARE(got, expected);
    QCOMPARE(got.offsetFromUtc(), expected.offsetFromUtc());
    QCOMPARE(got.timeSpec(), expected.timeSpec());
}

QTEST_GUILESS_MAIN(TestFhirJson)
#include "tst_fhirjson.moc"
