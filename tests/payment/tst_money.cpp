// mk::pay::Money: the exact decimal parser (good and bad texts), canonical text, checked
// arithmetic (overflow is an error, never a wrap) and the display in Chinese and English.
#include "payment/Money.h"

#include <QLocale>
#include <QTest>

#include <limits>

using mk::pay::Money;
using mk::pay::PayErrorCode;

Q_DECLARE_METATYPE(mk::pay::PayErrorCode)
Q_DECLARE_METATYPE(mk::pay::Money::Sign)

class TestMoney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseGood_data();
    void parseGood();
    void parseBad_data();
    void parseBad();
    void negativeWhenAllowed();
    void canonicalRoundTrip();
    void doublePitfalls();
    void arithmetic();
    void overflow_data();
    void overflow();
    void fromFenRange();
    void display_data();
    void display();
};

void TestMoney::parseGood_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("fen");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("zero") << "0" << qint64(0) << "0.00";
    QTest::newRow("zero 2 decimals") << "0.00" << qint64(0) << "0.00";
    QTest::newRow("integer") << "12" << qint64(1200) << "12.00";
    QTest::newRow("one decimal") << "12.3" << qint64(1230) << "12.30";
    QTest::newRow("two decimals") << "12.30" << qint64(1230) << "12.30";
    QTest::newRow("five fen") << "0.05" << qint64(5) << "0.05";
    QTest::newRow("0.1") << "0.1" << qint64(10) << "0.10";
    QTest::newRow("0.29") << "0.29" << qint64(29) << "0.29";
    QTest::newRow("1.1") << "1.1" << qint64(110) << "1.10";
    QTest::newRow("300") << "300.00" << qint64(30000) << "300.00";
    QTest::newRow("largest") << "99999999999.99" << Money::kMaxMagnitudeFen << "99999999999.99";
    QTest::newRow("1e3 digits") << "1000" << qint64(100000) << "1000.00";
}

void TestMoney::parseGood()
{
    QFETCH(QString, text);
    QFETCH(qint64, fen);
    QFETCH(QString, canonical);
    auto m = Money::fromDecimalText(text);
    QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message()));
    QCOMPARE(m.value().toFen(), fen);
    QCOMPARE(m.value().toDecimalText(), canonical);
}

void TestMoney::parseBad_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<PayErrorCode>("code");
    QTest::newRow("empty") << "" << PayErrorCode::Syntax;
    QTest::newRow("negative") << "-1.00" << PayErrorCode::Negative;
    QTest::newRow("minus zero") << "-0" << PayErrorCode::Negative;
    QTest::newRow("3 decimals") << "1.005" << PayErrorCode::TooManyDecimals;
    QTest::newRow("3 decimals zero") << "12.300" << PayErrorCode::TooManyDecimals;
    QTest::newRow("many decimals") << "0.2900000000000000" << PayErrorCode::TooManyDecimals;
    QTest::newRow("exponent") << "1e2" << PayErrorCode::Syntax;
    QTest::newRow("exponent upper") << "1.5E+2" << PayErrorCode::Syntax;
    QTest::newRow("plus") << "+1" << PayErrorCode::Syntax;
    QTest::newRow("leading space") << " 1.00" << PayErrorCode::Syntax;
    QTest::newRow("trailing space") << "1.00 " << PayErrorCode::Syntax;
    QTest::newRow("inner space") << "1 000" << PayErrorCode::Syntax;
    QTest::newRow("leading zero") << "012" << PayErrorCode::Syntax;
    QTest::newRow("leading zeros") << "00.5" << PayErrorCode::Syntax;
    QTest::newRow("dot only") << "." << PayErrorCode::Syntax;
    QTest::newRow("no int part") << ".5" << PayErrorCode::Syntax;
    QTest::newRow("no frac digits") << "5." << PayErrorCode::Syntax;
    QTest::newRow("comma decimal") << "12,30" << PayErrorCode::Syntax;
    QTest::newRow("grouping") << "1,234.50" << PayErrorCode::Syntax;
    QTest::newRow("two dots") << "1.2.3" << PayErrorCode::Syntax;
    QTest::newRow("minus only") << "-" << PayErrorCode::Syntax;
    QTest::newRow("letters") << "abc" << PayErrorCode::Syntax;
    QTest::newRow("nan") << "NaN" << PayErrorCode::Syntax;
    QTest::newRow("infinity") << "Infinity" << PayErrorCode::Syntax;
    QTest::newRow("hex") << "0x10" << PayErrorCode::Syntax;
    QTest::newRow("yuan sign") << "¥12.30" << PayErrorCode::Syntax;
    QTest::newRow("fullwidth digits") << "１２" << PayErrorCode::Syntax;
    QTest::newRow("arabic-indic digits") << "١٢" << PayErrorCode::Syntax;
    QTest::newRow("10^11 yuan") << "100000000000" << PayErrorCode::OutOfRange;
    QTest::newRow("huge") << "99999999999999999999999999" << PayErrorCode::OutOfRange;
    QTest::newRow("very long") << QString(500, QLatin1Char('9')) << PayErrorCode::OutOfRange;
}

void TestMoney::parseBad()
{
    QFETCH(QString, text);
    QFETCH(PayErrorCode, code);
    auto m = Money::fromDecimalText(text, Money::Sign::NonNegative, QStringLiteral("totalNet"));
    QVERIFY2(!m.ok(), qPrintable(text));
    QCOMPARE(m.error().code, code);
    QCOMPARE(m.error().field, QStringLiteral("totalNet"));
    QVERIFY(m.error().message().startsWith(QStringLiteral("totalNet: ")));
}

void TestMoney::negativeWhenAllowed()
{
    auto m = Money::fromDecimalText(u"-12.3", Money::Sign::AllowNegative);
    QVERIFY(m.ok());
    QCOMPARE(m.value().toFen(), qint64(-1230));
    QCOMPARE(m.value().toDecimalText(), QStringLiteral("-12.30"));
    QVERIFY(m.value().isNegative());
    auto z = Money::fromDecimalText(u"-0.00", Money::Sign::AllowNegative);
    QVERIFY(z.ok());
    QVERIFY(z.value().isZero());
    QCOMPARE(z.value().toDecimalText(), QStringLiteral("0.00"));
    QCOMPARE(Money::fromDecimalText(u"-1.005", Money::Sign::AllowNegative).error().code,
             PayErrorCode::TooManyDecimals);
    QCOMPARE(Money::fromDecimalText(u"--1", Money::Sign::AllowNegative).error().code,
             PayErrorCode::Syntax);
}

void TestMoney::canonicalRoundTrip()
{
    const qint64 samples[] = {0,
                              1,
                              5,
                              10,
                              99,
                              100,
                              101,
                              1230,
                              123456789,
                              -1,
                              -99,
                              -100,
                              Money::kMaxMagnitudeFen,
                              -Money::kMaxMagnitudeFen};
    for (qint64 fen : samples) {
        auto m = Money::fromFen(fen);
        QVERIFY(m.ok());
        auto back = Money::fromDecimalText(m.value().toDecimalText(), Money::Sign::AllowNegative);
        QVERIFY2(back.ok(), qPrintable(m.value().toDecimalText()));
        QCOMPARE(back.value(), m.value());
    }
}

void TestMoney::doublePitfalls()
{
    // Through a double these go wrong: 0.29 * 100 = 28.999999999999996, 1.005 rounds down,
    // 0.1 + 0.2 != 0.3. Money never touches a double.
    QCOMPARE(Money::fromDecimalText(u"0.29").value().toFen(), qint64(29));
    QCOMPARE(Money::fromDecimalText(u"1.15").value().toFen(), qint64(115));
    QCOMPARE(Money::fromDecimalText(u"4.35").value().toFen(), qint64(435));
    const Money a = Money::fromDecimalText(u"0.1").value();
    const Money b = Money::fromDecimalText(u"0.2").value();
    QCOMPARE(a.plus(b).value(), Money::fromDecimalText(u"0.3").value());
    QCOMPARE(Money::fromDecimalText(u"1.005").error().code, PayErrorCode::TooManyDecimals);
    // 2^53 + 1 fen in yuan: beyond a double's exact integers, exact here.
    QCOMPARE(Money::fromDecimalText(u"90071992547.41").value().toFen(), qint64(9007199254741));
}

void TestMoney::arithmetic()
{
    const Money a = Money::yuan(12);
    const Money b = Money::fen(345);
    QCOMPARE(a.plus(b).value().toDecimalText(), QStringLiteral("15.45"));
    QCOMPARE(b.minus(a).value().toDecimalText(), QStringLiteral("-8.55"));
    QCOMPARE(b.times(3).value().toFen(), qint64(1035));
    QCOMPARE(b.times(0).value(), Money());
    QCOMPARE(b.times(-2).value().toFen(), qint64(-690));
    QCOMPARE(b.negated().value().toFen(), qint64(-345));
    QVERIFY(a > b);
    QVERIFY(Money() == Money::fen(0));
    const QList<Money> list{Money::fen(1), Money::fen(2), Money::fen(3)};
    QCOMPARE(mk::pay::sumMoney(list).value().toFen(), qint64(6));
}

void TestMoney::overflow_data()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<QString>("op");
    const qint64 max = Money::kMaxMagnitudeFen;
    QTest::newRow("max + 1 fen") << max << qint64(1) << "plus";
    QTest::newRow("-max - 1 fen") << -max << qint64(1) << "minus";
    QTest::newRow("max - (-max)") << max << -max << "minus";
    QTest::newRow("max * 2") << max << qint64(2) << "times";
    QTest::newRow("1 fen * int64 max")
        << qint64(1) << std::numeric_limits<qint64>::max() << "times";
    QTest::newRow("2 fen * int64 max (wraps in int64)")
        << qint64(2) << std::numeric_limits<qint64>::max() << "times";
    QTest::newRow("-1 fen * int64 min")
        << qint64(-1) << std::numeric_limits<qint64>::min() << "times";
    QTest::newRow("1 yuan * 10^11") << qint64(100) << qint64(100'000'000'000) << "times";
}

void TestMoney::overflow()
{
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(QString, op);
    const Money x = Money::fromFen(a).value();
    mk::pay::PayResult<Money> r = Money();
    if (op == u"plus")
        r = x.plus(Money::fromFen(b).value());
    else if (op == u"minus")
        r = x.minus(Money::fromFen(b).value());
    else
        r = x.times(b);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, PayErrorCode::Overflow);
    // Even an unchecked constant (Money::fen) out of range never wraps.
    const Money huge = Money::fen(std::numeric_limits<qint64>::max());
    QCOMPARE(huge.plus(Money::fen(1)).error().code, PayErrorCode::Overflow);
    QCOMPARE(Money::fen(std::numeric_limits<qint64>::min()).minus(Money::fen(1)).error().code,
             PayErrorCode::Overflow);
    QCOMPARE(Money::fen(std::numeric_limits<qint64>::min()).negated().error().code,
             PayErrorCode::Overflow);
    // A sum of many in-range amounts overflows as an error too.
    QList<Money> many(20, Money::fromFen(Money::kMaxMagnitudeFen / 10).value());
    QCOMPARE(mk::pay::sumMoney(many).error().code, PayErrorCode::Overflow);
}

void TestMoney::fromFenRange()
{
    QVERIFY(Money::fromFen(Money::kMaxMagnitudeFen).ok());
    QVERIFY(Money::fromFen(-Money::kMaxMagnitudeFen).ok());
    QCOMPARE(Money::fromFen(Money::kMaxMagnitudeFen + 1).error().code, PayErrorCode::OutOfRange);
    QCOMPARE(Money::fromFen(std::numeric_limits<qint64>::min()).error().code,
             PayErrorCode::OutOfRange);
}

void TestMoney::display_data()
{
    QTest::addColumn<qint64>("fen");
    QTest::addColumn<QString>("zh");
    QTest::addColumn<QString>("en");
    QTest::newRow("zero") << qint64(0) << "0.00元"
                          << "¥0.00";
    QTest::newRow("fen") << qint64(5) << "0.05元"
                         << "¥0.05";
    QTest::newRow("hundreds") << qint64(99999) << "999.99元"
                              << "¥999.99";
    QTest::newRow("thousands") << qint64(123450) << "1,234.50元"
                               << "¥1,234.50";
    QTest::newRow("millions") << qint64(123456789) << "1,234,567.89元"
                              << "¥1,234,567.89";
    QTest::newRow("negative") << qint64(-123450) << "-1,234.50元"
                              << "-¥1,234.50";
    QTest::newRow("max") << Money::kMaxMagnitudeFen << "99,999,999,999.99元"
                         << "¥99,999,999,999.99";
}

void TestMoney::display()
{
    QFETCH(qint64, fen);
    QFETCH(QString, zh);
    QFETCH(QString, en);
    const Money m = Money::fromFen(fen).value();
    QCOMPARE(m.toDisplayText(QLocale(QLocale::Chinese, QLocale::China)), zh);
    QCOMPARE(m.toDisplayText(u"zh_CN"), zh);
    QCOMPARE(m.toDisplayText(u"zh-CN"), zh);
    QCOMPARE(m.toDisplayText(QLocale(QLocale::English, QLocale::UnitedKingdom)), en);
    QCOMPARE(m.toDisplayText(u"en"), en);
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
