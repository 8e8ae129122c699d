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

QTEST_GUILESS_MAIN(TestFhirJson)
#include "tst_fhirjson.moc"
