// The device configurations ([devices] of the kiosk INI) report a bad value the way KioskConfig
// does, naming the key ("devices/camera_width: ..."), instead of clamping it silently: a value that
// is not a number keeps the default, one out of range is clamped and said, an unknown name is said.
#include "hw/camera/CameraConfig.h"
#include "hw/card/CardReaderConfig.h"
#include "hw/printer/PrinterConfig.h"
#include "hw/scanner/ScannerConfig.h"
#include "hw/speech/SpeakerConfig.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace mk::hw;

class TestDeviceConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void problems_data();
    void problems();
    void clampedValueIsUsedAndSaid();

private:
    QTemporaryDir dir_;
    int files_ = 0;
    QString write(const QByteArray& devices_lines);
};

QString TestDeviceConfig::write(const QByteArray& devices_lines)
{
    const QString path = dir_.filePath(QStringLiteral("kiosk-%1.ini").arg(++files_));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write(QByteArrayLiteral("[devices]\n") + devices_lines);
    return path;
}

namespace {

// Every device's problems, in one list.
QStringList allProblems(QSettings& settings)
{
    QStringList all;
    all += CameraConfig::fromSettings(settings).problems;
    all += PrinterConfig::fromSettings(settings).problems;
    all += ScannerConfig::fromSettings(settings).problems;
    all += SpeakerConfig::fromSettings(settings).problems;
    all += CardReaderConfig::fromSettings(settings).problems;
    return all;
}

}  // namespace

void TestDeviceConfig::problems_data()
{
    QTest::addColumn<QByteArray>("lines");
    QTest::addColumn<QString>("key");  // empty: no problem

    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("good values")
        << QByteArray(
               "camera=folder\ncamera_fps=5\nprinter_transport=tcp\nprinter_tcp_port=9100\n"
               "scanners=wedge,serial\nscanner_baud=115200\nspeech_volume=0.5\n"
               "card_reader=pcsc\n")
        << QString();
    QTest::newRow("camera_width not a number")
        << QByteArray("camera_width=wide\n") << QStringLiteral("devices/camera_width");
    QTest::newRow("camera_height too large")
        << QByteArray("camera_height=100000\n") << QStringLiteral("devices/camera_height");
    QTest::newRow("camera_fps too high")
        << QByteArray("camera_fps=500\n") << QStringLiteral("devices/camera_fps");
    QTest::newRow("camera_fps NaN")
        << QByteArray("camera_fps=nan\n") << QStringLiteral("devices/camera_fps");
    QTest::newRow("camera unknown")
        << QByteArray("camera=webcam9000\n") << QStringLiteral("devices/camera");
    QTest::newRow("printer_baud too low")
        << QByteArray("printer_baud=300\n") << QStringLiteral("devices/printer_baud");
    QTest::newRow("printer_tcp_port too large")
        << QByteArray("printer_tcp_port=70000\n") << QStringLiteral("devices/printer_tcp_port");
    QTest::newRow("printer_poll_ms garbage")
        << QByteArray("printer_poll_ms=often\n") << QStringLiteral("devices/printer_poll_ms");
    QTest::newRow("printer_timeout_ms negative")
        << QByteArray("printer_timeout_ms=-1\n") << QStringLiteral("devices/printer_timeout_ms");
    QTest::newRow("printer_transport unknown") << QByteArray("printer_transport=parallel\n")
                                               << QStringLiteral("devices/printer_transport");
    QTest::newRow("scanner_max_line_bytes too small")
        << QByteArray("scanner_max_line_bytes=5\n")
        << QStringLiteral("devices/scanner_max_line_bytes");
    QTest::newRow("wedge_max_gap_ms garbage")
        << QByteArray("wedge_max_gap_ms=fast\n") << QStringLiteral("devices/wedge_max_gap_ms");
    QTest::newRow("qr_debounce_ms too large")
        << QByteArray("qr_debounce_ms=9999999\n") << QStringLiteral("devices/qr_debounce_ms");
    QTest::newRow("scanners unknown")
        << QByteArray("scanners=wedge,laser\n") << QStringLiteral("devices/scanners");
    QTest::newRow("scanner_terminator unknown")
        << QByteArray("scanner_terminator=nul\n") << QStringLiteral("devices/scanner_terminator");
    QTest::newRow("speech_volume too loud")
        << QByteArray("speech_volume=11\n") << QStringLiteral("devices/speech_volume");
    QTest::newRow("card_reader unknown")
        << QByteArray("card_reader=usb\n") << QStringLiteral("devices/card_reader");
}

void TestDeviceConfig::problems()
{
    QFETCH(QByteArray, lines);
    QFETCH(QString, key);
    QVERIFY(dir_.isValid());
    QSettings settings(write(lines), QSettings::IniFormat);
    const QStringList problems = allProblems(settings);
    if (key.isEmpty()) {
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        return;
    }
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().startsWith(key + u':'), qPrintable(problems.first()));
}

// An out-of-range value is clamped (the device still works) and the problem says what was used.
void TestDeviceConfig::clampedValueIsUsedAndSaid()
{
    QVERIFY(dir_.isValid());
    QSettings settings(write("scanner_max_line_bytes=5\ncamera_width=junk\n"),
                       QSettings::IniFormat);
    const ScannerConfig scanner = ScannerConfig::fromSettings(settings);
    QCOMPARE(scanner.serial_config.max_line_bytes, 16);
    QCOMPARE(scanner.problems.size(), 1);
    QVERIFY2(scanner.problems.first().contains(u"using 16"_qs),
             qPrintable(scanner.problems.first()));
    const CameraConfig camera = CameraConfig::fromSettings(settings);
    QCOMPARE(camera.qt.resolution.width(), 1280);  // the default
}

QTEST_GUILESS_MAIN(TestDeviceConfig)
#include "tst_deviceconfig.moc"
