// Masking of names, phone numbers and patient numbers on screen (DESIGN §5).
#include "core/common/Masking.h"

#include <QTest>

class TestMasking : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void name_data();
    void name();
    void phone_data();
    void phone();
    void patientNumber_data();
    void patientNumber();
};

void TestMasking::name_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("blank") << QStringLiteral("   ") << QString();
    QTest::newRow("zh 1 char") << QStringLiteral("李") << QStringLiteral("*");
    QTest::newRow("zh 2 chars") << QStringLiteral("李明") << QStringLiteral("李*");
    QTest::newRow("zh 3 chars") << QStringLiteral("张小明") << QStringLiteral("张*明");
    QTest::newRow("zh 4 chars") << QStringLiteral("欧阳小明") << QStringLiteral("欧**明");
    QTest::newRow("zh 5 chars") << QStringLiteral("爱新觉罗明") << QStringLiteral("爱***明");
    QTest::newRow("zh with space") << QStringLiteral("欧阳 小明") << QStringLiteral("欧**明");
    QTest::newRow("zh middle dot")
        << QStringLiteral("阿卜杜·热合曼") << QStringLiteral("阿*****曼");
    QTest::newRow("zh padded") << QStringLiteral(" 王芳 ") << QStringLiteral("王*");
    // U+20BB7 (𠮷) is outside the BMP: counted as one character, never split.
    QTest::newRow("zh surrogate") << QString::fromUtf8("\xF0\xA0\xAE\xB7小明")
                                  << QString::fromUtf8("\xF0\xA0\xAE\xB7*明");
    QTest::newRow("en two words") << QStringLiteral("Li Ming") << QStringLiteral("L** M***");
    QTest::newRow("en three words")
        << QStringLiteral("Zhang Wei Jr") << QStringLiteral("Z**** W** J**");
    QTest::newRow("en one word") << QStringLiteral("Madonna") << QStringLiteral("M******");
    QTest::newRow("en single letter") << QStringLiteral("A") << QStringLiteral("A**");
    QTest::newRow("en extra spaces")
        << QStringLiteral("  Li   Ming ") << QStringLiteral("L** M***");
}

void TestMasking::name()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(mk::maskName(input), expected);
}

void TestMasking::phone_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("mobile") << QStringLiteral("13800138000") << QStringLiteral("138****8000");
    QTest::newRow("mobile 2") << QStringLiteral("13812345678") << QStringLiteral("138****5678");
    QTest::newRow("mobile spaced")
        << QStringLiteral("138 1234 5678") << QStringLiteral("138****5678");
    QTest::newRow("12 digits") << QStringLiteral("862112345678") << QStringLiteral("862*****5678");
    QTest::newRow("8 digits") << QStringLiteral("12345678") << QStringLiteral("****5678");
    QTest::newRow("7 digits") << QStringLiteral("1234567") << QStringLiteral("****567");
    QTest::newRow("5 digits") << QStringLiteral("12345") << QStringLiteral("****5");
    QTest::newRow("4 digits") << QStringLiteral("1234") << QStringLiteral("****");
    QTest::newRow("1 digit") << QStringLiteral("7") << QStringLiteral("*");
    QTest::newRow("no digits") << QStringLiteral("abc") << QStringLiteral("***");
}

void TestMasking::phone()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(mk::maskPhone(input), expected);
}

void TestMasking::patientNumber_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("demo") << QStringLiteral("P00001234") << QStringLiteral("P****1234");
    QTest::newRow("demo 2") << QStringLiteral("P00001001") << QStringLiteral("P****1001");
    QTest::newRow("long") << QStringLiteral("P0000001234") << QStringLiteral("P******1234");
    QTest::newRow("6 chars") << QStringLiteral("P12345") << QStringLiteral("P*2345");
    QTest::newRow("5 chars") << QStringLiteral("P1234") << QStringLiteral("P****");
    QTest::newRow("1 char") << QStringLiteral("P") << QStringLiteral("*");
}

void TestMasking::patientNumber()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(mk::maskPatientNumber(input), expected);
}

QTEST_GUILESS_MAIN(TestMasking)
#include "tst_masking.moc"
