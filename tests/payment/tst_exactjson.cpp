// The numbers-as-text JSON reader and writer (payment/ExactJson.h) and FHIR Money on top of it.
#include "payment/ExactJson.h"
#include "payment/FhirMoney.h"

#include <QTest>

using namespace mk::pay;

Q_DECLARE_METATYPE(mk::pay::PayErrorCode)

class TestExactJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsNumberText();
    void roundTripIsByteExact_data();
    void roundTripIsByteExact();
    void refuses_data();
    void refuses();
    void stringsAreNotNumbers();
    void writerEscapes();
    void writerPlainValues();
    void integers();
    void fhirMoney_data();
    void fhirMoney();
    void fhirMoneyWrite();
};

void TestExactJson::keepsNumberText()
{
    auto doc =
        parseExactJson(R"({"a": 0.29, "b": [1.10, -0, 1e2, 12345678901234567890], "c": "0.29"})");
    QVERIFY(doc.ok());
    const QJsonObject o = doc.value().object();
    QCOMPARE(exactNumberText(o.value(u"a")).value(), QStringLiteral("0.29"));
    const QJsonArray b = o.value(u"b").toArray();
    QCOMPARE(exactNumberText(b.at(0)).value(), QStringLiteral("1.10"));
    QCOMPARE(exactNumberText(b.at(1)).value(), QStringLiteral("-0"));
    QCOMPARE(exactNumberText(b.at(2)).value(), QStringLiteral("1e2"));
    QCOMPARE(exactNumberText(b.at(3)).value(), QStringLiteral("12345678901234567890"));
    QVERIFY(!isExactNumber(o.value(u"c")));  // a string stays a string
    QCOMPARE(o.value(u"c").toString(), QStringLiteral("0.29"));
}

void TestExactJson::roundTripIsByteExact_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("money") << QByteArray(R"({"currency":"CNY","value":107.80})");
    QTest::newRow("nested") << QByteArray(
        R"({"a":[1,2.50,{"b":-0.05,"c":true,"d":null}],"e":"x"})");
    QTest::newRow("exponent kept") << QByteArray(R"({"x":1.5E+10})");
    QTest::newRow("chinese and escapes")
        << QByteArray("{\"name\":\"\xe5\xbc\xa0\xe4\xb8\x89\",\"q\":\"a\\\"b\\\\c\\n\"}");
    QTest::newRow("array top") << QByteArray(R"([0.10,"0.10",[]])");
}

void TestExactJson::roundTripIsByteExact()
{
    QFETCH(QByteArray, json);
    auto doc = parseExactJson(json);
    QVERIFY2(doc.ok(), qPrintable(doc.ok() ? QString() : doc.error().message()));
    const QByteArray out = doc.value().isArray() ? writeExactJson(doc.value().array())
                                                 : writeExactJson(doc.value().object());
    QCOMPARE(out, json);
    // Indented output parses back to the same values.
    const QByteArray pretty = doc.value().isArray()
                                  ? writeExactJson(doc.value().array(), JsonFormat::Indented)
                                  : writeExactJson(doc.value().object(), JsonFormat::Indented);
    auto again = parseExactJson(pretty);
    QVERIFY(again.ok());
    QCOMPARE(again.value(), doc.value());
}

void TestExactJson::refuses_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("scalar top") << QByteArray("12.30");
    QTest::newRow("leading zero") << QByteArray(R"({"v": 012})");
    QTest::newRow("plus") << QByteArray(R"({"v": +1})");
    QTest::newRow("dot start") << QByteArray(R"({"v": .5})");
    QTest::newRow("dot end") << QByteArray(R"({"v": 5.})");
    QTest::newRow("bad exponent") << QByteArray(R"({"v": 1e})");
    QTest::newRow("NaN") << QByteArray(R"({"v": NaN})");
    QTest::newRow("minus alone") << QByteArray(R"({"v": -})");
    QTest::newRow("marker escaped") << QByteArray(R"({"v": "\u0001mk-num\u00021"})");
    QTest::newRow("marker raw") << QByteArray(
        "{\"v\": \"\x01mk-num\x02"
        "1\"}");
    QTest::newRow("unterminated") << QByteArray(R"({"v": "abc)");
    QTest::newRow("trailing comma") << QByteArray(R"({"v": 1,})");
    QTest::newRow("bad escape") << QByteArray(R"({"v": "\u00zz"})");
}

void TestExactJson::refuses()
{
    QFETCH(QByteArray, json);
    auto doc = parseExactJson(json);
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, PayErrorCode::Syntax);
    QVERIFY(!doc.error().detail.isEmpty());
}

void TestExactJson::stringsAreNotNumbers()
{
    // A string that merely looks like a marked number (without the control characters) is text.
    auto doc = parseExactJson(R"({"v": "mk-num12"})");
    QVERIFY(doc.ok());
    QVERIFY(!isExactNumber(doc.value().object().value(u"v")));
    // A hand-built marked value with an invalid literal is written as a string, never raw.
    QJsonObject o{
        {QStringLiteral("v"), QString(kNumberMarker.toString() + QStringLiteral("1,\"x\":2"))}};
    const QByteArray out = writeExactJson(o);
    QVERIFY(!out.contains("\"x\":2"));
    QVERIFY(parseExactJson(out).ok() == false);  // contains U+0001: refused when read back
    QVERIFY(exactNumberFromText(u"1,2").isUndefined());
    QVERIFY(exactNumberFromText(u"12.30").isString());
}

void TestExactJson::writerEscapes()
{
    QJsonObject o{{QStringLiteral("s"), QStringLiteral("a\"b\\c\n\t\x01\x1f/é")}};
    const QByteArray out = writeExactJson(o);
    QCOMPARE(out, QByteArray("{\"s\":\"a\\\"b\\\\c\\n\\t\\u0001\\u001f/\xc3\xa9\"}"));
    // QJsonDocument reads what we write.
    QCOMPARE(QJsonDocument::fromJson(out).object(), o);
}

void TestExactJson::writerPlainValues()
{
    QJsonObject o{{QStringLiteral("i"), 3},
                  {QStringLiteral("d"), 0.5},
                  {QStringLiteral("b"), false},
                  {QStringLiteral("n"), QJsonValue()},
                  {QStringLiteral("big"), 9007199254740991.0}};
    QCOMPARE(writeExactJson(o),
             QByteArray(R"({"b":false,"big":9007199254740991,"d":0.5,"i":3,"n":null})"));
    QCOMPARE(writeExactJson(QJsonObject{}), QByteArray("{}"));
    QCOMPARE(writeExactJson(QJsonArray{}), QByteArray("[]"));
}

void TestExactJson::integers()
{
    auto doc =
        parseExactJson(R"({"a": 3, "b": 3.0, "c": 3e0, "d": -7, "e": 99999999999999999999})");
    QVERIFY(doc.ok());
    const QJsonObject o = doc.value().object();
    QCOMPARE(exactIntegerValue(o.value(u"a")).value(), qint64(3));
    QVERIFY(!exactIntegerValue(o.value(u"b")));
    QVERIFY(!exactIntegerValue(o.value(u"c")));
    QCOMPARE(exactIntegerValue(o.value(u"d")).value(), qint64(-7));
    QVERIFY(!exactIntegerValue(o.value(u"e")));
    QCOMPARE(exactIntegerValue(QJsonValue(4)).value(), qint64(4));
    QVERIFY(!exactIntegerValue(QJsonValue(4.5)));
    QVERIFY(!exactIntegerValue(QJsonValue(QStringLiteral("4"))));
    QCOMPARE(writeExactJson(QJsonObject{{QStringLiteral("n"), exactInteger(-12)}}),
             QByteArray(R"({"n":-12})"));
}

void TestExactJson::fhirMoney_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<PayErrorCode>("code");
    QTest::addColumn<QString>("field");
    QTest::newRow("ok") << QByteArray(R"({"m": {"value": 12.3, "currency": "CNY"}})") << true
                        << PayErrorCode::Unset << "";
    QTest::newRow("usd") << QByteArray(R"({"m": {"value": 12.30, "currency": "USD"}})") << false
                         << PayErrorCode::Currency << "m.currency";
    QTest::newRow("lower cny") << QByteArray(R"({"m": {"value": 12.30, "currency": "cny"}})")
                               << false << PayErrorCode::Currency << "m.currency";
    QTest::newRow("no currency") << QByteArray(R"({"m": {"value": 12.30}})") << false
                                 << PayErrorCode::Missing << "m.currency";
    QTest::newRow("no value") << QByteArray(R"({"m": {"currency": "CNY"}})") << false
                              << PayErrorCode::Missing << "m.value";
    QTest::newRow("string value") << QByteArray(R"({"m": {"value": "12.30", "currency": "CNY"}})")
                                  << false << PayErrorCode::Invalid << "m.value";
    QTest::newRow("3 decimals") << QByteArray(R"({"m": {"value": 12.305, "currency": "CNY"}})")
                                << false << PayErrorCode::TooManyDecimals << "m.value";
    QTest::newRow("negative") << QByteArray(R"({"m": {"value": -1, "currency": "CNY"}})") << false
                              << PayErrorCode::Negative << "m.value";
    QTest::newRow("exponent") << QByteArray(R"({"m": {"value": 1e2, "currency": "CNY"}})") << false
                              << PayErrorCode::Syntax << "m.value";
    QTest::newRow("huge") << QByteArray(R"({"m": {"value": 1e400, "currency": "CNY"}})") << false
                          << PayErrorCode::Syntax << "m.value";
    QTest::newRow("not object") << QByteArray(R"({"m": 12.30})") << false << PayErrorCode::Invalid
                                << "m";
    QTest::newRow("absent") << QByteArray(R"({})") << false << PayErrorCode::Missing << "m";
}

void TestExactJson::fhirMoney()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, ok);
    QFETCH(PayErrorCode, code);
    QFETCH(QString, field);
    auto doc = parseExactJson(json);
    QVERIFY(doc.ok());
    auto m = readFhirMoney(doc.value().object().value(u"m"), QStringLiteral("m"));
    QCOMPARE(m.ok(), ok);
    if (ok) {
        QCOMPARE(m.value().toFen(), qint64(1230));
        return;
    }
    QCOMPARE(m.error().code, code);
    QCOMPARE(m.error().field, field);
}

void TestExactJson::fhirMoneyWrite()
{
    const QByteArray out =
        writeExactJson(QJsonObject{{QStringLiteral("m"), mk::pay::fhirMoney(Money::fen(29))}});
    QCOMPARE(out, QByteArray(R"({"m":{"currency":"CNY","value":0.29}})"));
    // A plain QJsonDocument (double) value is not accepted as money: it went through a double.
    const QJsonObject plain = QJsonDocument::fromJson(out).object();
    QCOMPARE(readFhirMoney(plain.value(u"m"), QStringLiteral("m")).error().code,
             PayErrorCode::Invalid);
    auto exact = parseExactJson(out);
    QCOMPARE(readFhirMoney(exact.value().object().value(u"m"), QStringLiteral("m")).value(),
             Money::fen(29));
}

QTEST_GUILESS_MAIN(TestExactJson)
#include "tst_exactjson.moc"
