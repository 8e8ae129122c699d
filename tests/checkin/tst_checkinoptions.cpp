// CheckinOptions::fromSettings ([checkin] of the kiosk INI): a value that is not a whole number is
// a configuration error naming its key, never a silent 0.
#include "core/checkin/CheckinTypes.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using mk::checkin::CheckinOptions;

class TestCheckinOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromSettings_data();
    void fromSettings();
};

void TestCheckinOptions::fromSettings_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QString>("bad_key");  // empty: accepted
    QTest::addColumn<int>("early_minutes");

    QTest::newRow("defaults") << QByteArray("[checkin]\n") << QString() << 60;
    QTest::newRow("numbers") << QByteArray("[checkin]\nearly_minutes = 30\nlate_minutes = 5\n")
                             << QString() << 30;
    QTest::newRow("zero is a number")
        << QByteArray("[checkin]\nearly_minutes = 0\n") << QString() << 0;
    QTest::newRow("early garbage") << QByteArray("[checkin]\nearly_minutes = soon\n")
                                   << QStringLiteral("checkin/early_minutes") << 0;
    QTest::newRow("late garbage") << QByteArray("[checkin]\nlate_minutes = 15min\n")
                                  << QStringLiteral("checkin/late_minutes") << 0;
    QTest::newRow("late empty") << QByteArray("[checkin]\nlate_minutes =\n")
                                << QStringLiteral("checkin/late_minutes") << 0;
    QTest::newRow("provisional_first fraction")
        << QByteArray("[checkin]\nprovisional_first = 9000.5\n")
        << QStringLiteral("checkin/provisional_first") << 0;
    QTest::newRow("provisional_last beyond int")
        << QByteArray("[checkin]\nprovisional_last = 99999999999\n")
        << QStringLiteral("checkin/provisional_last") << 0;
    QTest::newRow("negative window")
        << QByteArray("[checkin]\nearly_minutes = -5\n") << QStringLiteral("checkin") << 0;
    // Where the kiosk stands (issue 12): a floor that is not a number is named, never floor 0.
    QTest::newRow("building and floor")
        << QByteArray("[checkin]\nbuilding = B\nfloor = 5\n") << QString() << 60;
    QTest::newRow("floor garbage")
        << QByteArray("[checkin]\nfloor = fifth\n") << QStringLiteral("checkin/floor") << 0;
    QTest::newRow("floor out of range")
        << QByteArray("[checkin]\nfloor = 999\n") << QStringLiteral("checkin/floor") << 0;
}

void TestCheckinOptions::fromSettings()
{
    QFETCH(QByteArray, ini);
    QFETCH(QString, bad_key);
    QFETCH(int, early_minutes);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("kiosk.ini"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QVERIFY(f.write(ini) == ini.size());
    f.close();

    auto options = CheckinOptions::fromSettings(path, QStringLiteral("K1"));
    if (bad_key.isEmpty()) {
        QVERIFY2(options.ok(), options.ok() ? "" : qPrintable(options.error().detail));
        QCOMPARE(options.value().early_minutes, early_minutes);
        if (ini.contains("floor = 5")) {
            QCOMPARE(options.value().building, QStringLiteral("B"));
            QCOMPARE(options.value().floor, 5);
        }
        return;
    }
    QVERIFY2(!options.ok(), "a bad value was accepted");
    QVERIFY2(options.error().detail.contains(bad_key), qPrintable(options.error().detail));
}

QTEST_GUILESS_MAIN(TestCheckinOptions)
#include "tst_checkinoptions.moc"
