// Offline exposure rules (payment/Caps.h), table-driven: each row is one decision.
#include "payment/Caps.h"

#include <QTest>

#include <optional>

using namespace mk::pay;

Q_DECLARE_METATYPE(mk::pay::CapRule)
Q_DECLARE_METATYPE(mk::pay::PayErrorCode)

namespace {

Money yuanText(const char* text)
{
    return Money::fromDecimalText(QString::fromLatin1(text)).value();
}

}  // namespace

class TestCaps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decide_data();
    void decide();
    void overflowRefuses();
    void config_data();
    void config();
    void defaultsMatchConstants();
};

void TestCaps::decide_data()
{
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QString>("patientToday");
    QTest::addColumn<QString>("kioskOutstanding");
    QTest::addColumn<qint64>("oldestAge_s");  // -1: nothing queued
    QTest::addColumn<CapRule>("refusedBy");   // Unset: allowed
    // Defaults: 200.00 per transaction, 500.00 per patient per day, 3000.00 kiosk, 24 h.
    QTest::newRow("small, nothing queued") << "12.30"
                                           << "0"
                                           << "0" << qint64(-1) << CapRule::Unset;
    QTest::newRow("exactly the transaction cap") << "200.00"
                                                 << "0"
                                                 << "0" << qint64(-1) << CapRule::Unset;
    QTest::newRow("1 fen over the transaction cap") << "200.01"
                                                    << "0"
                                                    << "0" << qint64(-1) << CapRule::PerTransaction;
    QTest::newRow("patient day reaches cap") << "100.00"
                                             << "400.00"
                                             << "400.00" << qint64(60) << CapRule::Unset;
    QTest::newRow("patient day 1 fen over") << "100.01"
                                            << "400.00"
                                            << "400.00" << qint64(60) << CapRule::PerPatientDay;
    QTest::newRow("kiosk total reaches cap") << "200.00"
                                             << "0"
                                             << "2800.00" << qint64(60) << CapRule::Unset;
    QTest::newRow("kiosk total 1 fen over") << "200.00"
                                            << "0"
                                            << "2800.01" << qint64(60) << CapRule::KioskTotal;
    QTest::newRow("queue exactly max age") << "1.00"
                                           << "0"
                                           << "1.00" << qint64(24 * 3600) << CapRule::Unset;
    QTest::newRow("queue too old") << "1.00"
                                   << "0"
                                   << "1.00" << qint64(24 * 3600 + 1) << CapRule::QueueAge;
    QTest::newRow("transaction checked before patient")
        << "250.00"
        << "500.00"
        << "0" << qint64(-1) << CapRule::PerTransaction;
    QTest::newRow("patient checked before kiosk")
        << "150.00"
        << "400.00"
        << "3000.00" << qint64(-1) << CapRule::PerPatientDay;
    QTest::newRow("kiosk checked before age") << "150.00"
                                              << "0"
                                              << "3000.00" << qint64(999999) << CapRule::KioskTotal;
    QTest::newRow("zero amount") << "0"
                                 << "0"
                                 << "0" << qint64(-1) << CapRule::Unset;
}

void TestCaps::decide()
{
    QFETCH(QString, amount);
    QFETCH(QString, patientToday);
    QFETCH(QString, kioskOutstanding);
    QFETCH(qint64, oldestAge_s);
    QFETCH(CapRule, refusedBy);
    Exposure e;
    e.amount = Money::fromDecimalText(amount).value();
    e.patientToday = Money::fromDecimalText(patientToday).value();
    e.kioskOutstanding = Money::fromDecimalText(kioskOutstanding).value();
    if (oldestAge_s >= 0) e.oldestQueuedAge_s = oldestAge_s;
    const CapsDecision d = checkOfflineCaps(CapsConfig{}, e);
    QCOMPARE(d.refusedBy, refusedBy);
    QCOMPARE(d.allowed, refusedBy == CapRule::Unset);
    QVERIFY(!d.detail.isEmpty());
}

void TestCaps::overflowRefuses()
{
    CapsConfig config;
    config.perTransaction = Money::fen(Money::kMaxMagnitudeFen);
    config.perPatientPerDay = Money::fen(Money::kMaxMagnitudeFen);
    config.kioskOutstanding = Money::fen(Money::kMaxMagnitudeFen);
    Exposure e;
    e.amount = Money::fen(Money::kMaxMagnitudeFen);
    e.patientToday = Money::fen(Money::kMaxMagnitudeFen);
    QCOMPARE(checkOfflineCaps(config, e).refusedBy, CapRule::PerPatientDay);
    e.patientToday = Money();
    e.kioskOutstanding = Money::fen(Money::kMaxMagnitudeFen);
    QCOMPARE(checkOfflineCaps(config, e).refusedBy, CapRule::KioskTotal);
    // Disabled: a zero per-transaction cap refuses everything.
    CapsConfig off;
    off.perTransaction = Money();
    QCOMPARE(checkOfflineCaps(off, Exposure{}).refusedBy, CapRule::Disabled);
    // Negative figures never pass.
    Exposure negative;
    negative.amount = Money::fen(-100);
    QVERIFY(!checkOfflineCaps(CapsConfig{}, negative).allowed);
}

void TestCaps::config_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<PayErrorCode>("code");
    const QString tx = capskeys::kPerTransaction.toString();
    const QString day = capskeys::kPerPatientPerDay.toString();
    const QString age = capskeys::kMaxQueuedAgeMinutes.toString();
    QTest::newRow("transaction 100") << tx << "100.00" << true << PayErrorCode::Unset;
    QTest::newRow("transaction 0 = off") << tx << "0" << true << PayErrorCode::Unset;
    QTest::newRow("transaction negative") << tx << "-1" << false << PayErrorCode::Negative;
    QTest::newRow("transaction 3 decimals")
        << tx << "1.005" << false << PayErrorCode::TooManyDecimals;
    QTest::newRow("transaction above day") << tx << "600.00" << false << PayErrorCode::Invalid;
    QTest::newRow("day text") << day << "lots" << false << PayErrorCode::Syntax;
    QTest::newRow("age 60") << age << "60" << true << PayErrorCode::Unset;
    QTest::newRow("age 0") << age << "0" << false << PayErrorCode::OutOfRange;
    QTest::newRow("age week+1") << age << "10081" << false << PayErrorCode::OutOfRange;
    QTest::newRow("age text") << age << "1h" << false << PayErrorCode::OutOfRange;
}

void TestCaps::config()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(bool, ok);
    QFETCH(PayErrorCode, code);
    auto config = capsConfigFromValues({{key, value}});
    QCOMPARE(config.ok(), ok);
    if (!ok) {
        QCOMPARE(config.error().code, code);
        QCOMPARE(config.error().field, key);
    }
}

void TestCaps::defaultsMatchConstants()
{
    auto config = capsConfigFromValues({});
    QVERIFY(config.ok());
    const CapsConfig defaults;
    QCOMPARE(config.value().perTransaction, defaults.perTransaction);
    QCOMPARE(config.value().perPatientPerDay, defaults.perPatientPerDay);
    QCOMPARE(config.value().kioskOutstanding, defaults.kioskOutstanding);
    QCOMPARE(config.value().maxQueuedAge_s, defaults.maxQueuedAge_s);
    QCOMPARE(yuanText("200.00"), defaults.perTransaction);
}

QTEST_GUILESS_MAIN(TestCaps)
#include "tst_caps.moc"
