// QR scanners: the keyboard-wedge burst heuristics (data-driven timing tables), the wedge event
// filter with real QKeyEvents, the serial scanner over a real pseudo-terminal pair (the test plays
// the scanner on the master side, SerialScanner opens the slave through a by-id-like symlink):
// chunked writes, CRLF vs CR, garbage, an overlong line, unplugging (master closed → Missing) and
// plugging back (new pty, symlink re-pointed → Ready, codes flow again).
#include "PtyPair.h"
#include "TestSkip.h"
#include "hw/camera/CameraConfig.h"
#include "hw/scanner/ScannerConfig.h"
#include "hw/scanner/SerialScanner.h"
#include "hw/scanner/WedgeBurstDecoder.h"
#include "hw/scanner/WedgeScannerFilter.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QKeyEvent>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

using namespace mk::hw;

namespace {

using mk::test::PtyPair;

bool pointLink(const QString& link, const QString& target)
{
    QFile::remove(link);
    return QFile::link(target, link);
}

}  // namespace

class TestScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wedgeHeuristics_data();
    void wedgeHeuristics();
    void wedgeFilterKeyEvents();
    void splitter_data();
    void splitter();
    void serialOverPty();
    void serialMissingAtStart();
    void configFromIni();
};

// keys: the characters typed; gaps_ms: the time before each key; expected: the scans.
void TestScanner::wedgeHeuristics_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QString>("keys");
    QTest::addColumn<QList<int>>("gaps_ms");
    QTest::addColumn<QStringList>("expected");
    const QString cr = QStringLiteral("\r");
    const QString none;

    QTest::newRow("scanner 5-15 ms, Enter") << none << cr << QStringLiteral("MKAPPT:A42\r")
                                            << QList<int>{0, 5, 7, 9, 15, 6, 5, 12, 8, 10, 5}
                                            << QStringList{QStringLiteral("MKAPPT:A42")};
    QTest::newRow("human 80-300 ms, Enter")
        << none << cr << QStringLiteral("hello\r") << QList<int>{0, 120, 80, 300, 150, 200}
        << QStringList{};
    QTest::newRow("human types, then a scan") << none << cr << QStringLiteral("ab12345678\r")
                                              << QList<int>{0, 150, 600, 8, 8, 8, 8, 8, 8, 8, 8}
                                              << QStringList{QStringLiteral("12345678")};
    QTest::newRow("scan, then human types") << none << cr << QStringLiteral("12345678\rok\r")
                                            << QList<int>{0, 8, 8, 8, 8, 8, 8, 8, 8, 900, 140, 200}
                                            << QStringList{QStringLiteral("12345678")};
    QTest::newRow("two scans") << none << cr << QStringLiteral("AAAA1\rBBBB2\r")
                               << QList<int>{0, 5, 5, 5, 5, 5, 2000, 5, 5, 5, 5, 5}
                               << QStringList{QStringLiteral("AAAA1"), QStringLiteral("BBBB2")};
    QTest::newRow("human fast for two keys")
        << none << cr << QStringLiteral("hi\r") << QList<int>{0, 20, 250} << QStringList{};
    QTest::newRow("human two fast keys inside slow typing")
        << none << cr << QStringLiteral("hello\r") << QList<int>{0, 180, 25, 160, 210, 30}
        << QStringList{};
    QTest::newRow("short burst below min length")
        << none << cr << QStringLiteral("123\r") << QList<int>{0, 5, 5, 5} << QStringList{};
    QTest::newRow("burst broken by a pause: only the tail")
        << none << cr << QStringLiteral("12345678\r") << QList<int>{0, 5, 5, 5, 120, 5, 5, 5, 5}
        << QStringList{QStringLiteral("5678")};
    QTest::newRow("prefix STX + Enter")
        << QStringLiteral("\x02") << cr
        << QStringLiteral(
               "\x02"
               "CODE123\r")
        << QList<int>{0, 5, 5, 5, 5, 5, 5, 5, 5} << QStringList{QStringLiteral("CODE123")};
    QTest::newRow("prefix configured, burst without it")
        << QStringLiteral("\x02") << cr << QStringLiteral("CODE123\r")
        << QList<int>{0, 5, 5, 5, 5, 5, 5, 5} << QStringList{};
    QTest::newRow("suffix Tab") << none << QStringLiteral("\t") << QStringLiteral("P00001001\t")
                                << QList<int>{0, 9, 9, 9, 9, 9, 9, 9, 9, 9}
                                << QStringList{QStringLiteral("P00001001")};
    QTest::newRow("Enter suffix configured, scanner sends none")
        << none << cr << QStringLiteral("ABCDEFG") << QList<int>{0, 5, 5, 5, 5, 5, 5}
        << QStringList{};
    QTest::newRow("no suffix: burst ended by the gap")
        << none << none << QStringLiteral("ABCDEFGxyz")
        << QList<int>{0, 5, 5, 5, 5, 5, 5, 400, 200, 300} << QStringList{QStringLiteral("ABCDEFG")};
    QTest::newRow("no suffix: human only") << none << none << QStringLiteral("typing")
                                           << QList<int>{0, 90, 130, 100, 250, 80} << QStringList{};
}

void TestScanner::wedgeHeuristics()
{
    QFETCH(QString, prefix);
    QFETCH(QString, suffix);
    QFETCH(QString, keys);
    QFETCH(QList<int>, gaps_ms);
    QFETCH(QStringList, expected);
    QCOMPARE(gaps_ms.size(), keys.size());
    WedgeConfig config;
    config.max_gap_ms = 40;
    config.min_length = 4;
    config.prefix = prefix;
    config.suffix = suffix;
    WedgeBurstDecoder decoder(config);
    QStringList scans;
    qint64 t_ms = 1000;
    for (int i = 0; i < keys.size(); ++i) {
        t_ms += gaps_ms.at(i);
        if (const auto scan = decoder.feed(QString(keys.at(i)), t_ms)) scans.append(*scan);
    }
    if (const auto scan = decoder.flush(t_ms + 1000)) scans.append(*scan);
    QCOMPARE(scans, expected);
    QVERIFY(!decoder.pending());
}

void TestScanner::wedgeFilterKeyEvents()
{
    // Real QKeyEvents through the event filter on a plain QObject (a QWindow in the kiosk).
    QObject target;
    WedgeConfig config;
    config.max_gap_ms = 200;  // delivery on a loaded machine: generous, the timing table is above
    WedgeScannerFilter filter(&target, config);
    QSignalSpy spy(&filter, &QrScanner::scanned);
    QVERIFY(filter.start());
    QCOMPARE(filter.health().state, DeviceState::Ready);
    const QString code = QStringLiteral("MKAPPT:A20261123-0042");
    for (const QChar c : code) {
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
        QCoreApplication::sendEvent(&target, &press);
    }
    QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r"));
    const bool delivered = QCoreApplication::sendEvent(&target, &enter);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), code);
    QVERIFY2(delivered, "the Enter that completes a scan is consumed by the filter");
    filter.stop();
    QKeyEvent after(QEvent::KeyPress, 0, Qt::NoModifier, QStringLiteral("x"));
    QCoreApplication::sendEvent(&target, &after);
    QCOMPARE(spy.size(), 1);
}

void TestScanner::splitter_data()
{
    QTest::addColumn<QByteArray>("terminators");
    QTest::addColumn<QByteArrayList>("chunks");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<int>("garbage");
    QTest::addColumn<int>("overlong");
    const QByteArray crlf = QByteArrayLiteral("\r\n");
    QTest::newRow("CRLF") << crlf << QByteArrayList{"AB12\r\n"}
                          << QStringList{QStringLiteral("AB12")} << 0 << 0;
    QTest::newRow("CR") << crlf << QByteArrayList{"AB12\rCD34\r"}
                        << QStringList{QStringLiteral("AB12"), QStringLiteral("CD34")} << 0 << 0;
    QTest::newRow("LF") << crlf << QByteArrayList{"AB12\n"} << QStringList{QStringLiteral("AB12")}
                        << 0 << 0;
    QTest::newRow("chunked") << crlf << QByteArrayList{"MKA", "PPT:", "A1\r", "\nX", "YZW\r\n"}
                             << QStringList{QStringLiteral("MKAPPT:A1"), QStringLiteral("XYZW")}
                             << 0 << 0;
    QTest::newRow("UTF-8 split across chunks")
        << crlf << QByteArrayList{"\xe6\x9d", "\x8e\xe6\x98\x8e\r"}
        << QStringList{QString::fromUtf8("\xe6\x9d\x8e\xe6\x98\x8e")} << 0 << 0;
    QTest::newRow("garbage line") << crlf
                                  << QByteArrayList{QByteArray("\x00\xff\x13", 3), "\r\nOK12\r\n"}
                                  << QStringList{QStringLiteral("OK12")} << 1 << 0;
    QTest::newRow("overlong line") << crlf << QByteArrayList{QByteArray(5000, 'A'), "\r\nOK12\r"}
                                   << QStringList{QStringLiteral("OK12")} << 0 << 1;
    QTest::newRow("terminator ETX")
        << QByteArray("\x03") << QByteArrayList{"AB\r\nCD\x03"} << QStringList{} << 1 << 0;
}

void TestScanner::splitter()
{
    QFETCH(QByteArray, terminators);
    QFETCH(QByteArrayList, chunks);
    QFETCH(QStringList, expected);
    QFETCH(int, garbage);
    QFETCH(int, overlong);
    SerialFrameSplitter splitter(terminators, 1024);
    QStringList codes;
    for (const QByteArray& chunk : chunks) codes += splitter.feed(chunk);
    QCOMPARE(codes, expected);
    QCOMPARE(splitter.stats().garbage, garbage);
    QCOMPARE(splitter.stats().overlong, overlong);
    QVERIFY(splitter.bufferedBytes() <= 1024);
}

void TestScanner::serialOverPty()
{
    auto pty = std::make_unique<PtyPair>();
    if (!pty->ok()) MK_SKIP_OR_FAIL_IN_CI("no pseudo-terminals here (posix_openpt failed)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString link = dir.filePath(QStringLiteral("usb-scanner-if00"));
    QVERIFY(pointLink(link, pty->slavePath()));

    SerialScannerConfig config;
    config.port = link;
    config.baud_rate = 115200;
    config.max_line_bytes = 256;
    config.reopen_interval_ms = 100;
    SerialScanner scanner(config);
    QSignalSpy scans(&scanner, &QrScanner::scanned);
    QVERIFY(pty->openObserver());
    QVERIFY2(scanner.start(), qPrintable(scanner.health().detail));
    QCOMPARE(scanner.health().state, DeviceState::Ready);

    // CRLF, then CR only, in one write.
    QVERIFY(pty->write("MKAPPT:A1\r\nMKAPPT:A2\r"));
    QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 2, 10000);
    QCOMPARE(scans.at(0).at(0).toString(), QStringLiteral("MKAPPT:A1"));
    QCOMPARE(scans.at(1).at(0).toString(), QStringLiteral("MKAPPT:A2"));

    // Chunked: the code arrives in pieces (partial reads). Each piece is in the tty before the
    // scanner may read it, and read by the scanner before the next one is written.
    for (const QByteArray& piece :
         {QByteArrayLiteral("MKPAT"), QByteArrayLiteral("IENT:P00001001:")}) {
        QVERIFY(pty->write(piece));
        QVERIFY(pty->waitArrived(int(piece.size()), 10000));
        QCOMPARE(scans.size(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(pty->unread(), 0, 10000);
    }
    QCOMPARE(scans.size(), 2);
    QVERIFY(pty->write("19850312\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 3, 10000);
    QCOMPARE(scans.at(2).at(0).toString(), QStringLiteral("MKPATIENT:P00001001:19850312"));

    // Garbage (line noise) and an overlong line are dropped; the next code still comes through.
    QVERIFY(pty->write(QByteArray("\x01\xfe\xff\x00\x7f", 5) + "\r\n"));
    QVERIFY(pty->write(QByteArray(1000, 'Z') + "\r\n"));
    QVERIFY(pty->write("AFTER1\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 4, 10000);
    QCOMPARE(scans.at(3).at(0).toString(), QStringLiteral("AFTER1"));
    QCOMPARE(scanner.stats().garbage, 1);
    QCOMPARE(scanner.stats().overlong, 1);

    // Unplugged: the master side goes away → Missing.
    QSignalSpy health(&scanner, &Device::healthChanged);
    pty->close();
    QTRY_COMPARE_WITH_TIMEOUT(scanner.health().state, DeviceState::Missing, 15000);
    QVERIFY(!health.isEmpty());

    // Plugged back (possibly another pts number; the symlink follows it) → Ready, codes flow.
    pty = std::make_unique<PtyPair>();
    QVERIFY(pty->ok());
    QVERIFY(pointLink(link, pty->slavePath()));
    QTRY_COMPARE_WITH_TIMEOUT(scanner.health().state, DeviceState::Ready, 15000);
    QVERIFY(pty->write("BACK42\r"));
    QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 5, 10000);
    QCOMPARE(scans.at(4).at(0).toString(), QStringLiteral("BACK42"));
    scanner.stop();
}

void TestScanner::serialMissingAtStart()
{
    SerialScannerConfig config;
    config.port = QStringLiteral("/nonexistent/ttyACM9");
    config.reopen_interval_ms = 100;
    SerialScanner scanner(config);
    QVERIFY(!scanner.start());
    QCOMPARE(scanner.health().state, DeviceState::Missing);
    QVERIFY(scanner.health().detail.contains(QStringLiteral("/nonexistent/ttyACM9")));
    QVERIFY(!scanner.isOpen());
}

void TestScanner::configFromIni()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("kiosk.ini"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            "[devices]\n"
            "scanners = wedge, serial, laser\n"
            "scanner_port = /dev/serial/by-id/usb-Scanner-if00\n"
            "scanner_baud = 115200\n"
            "scanner_terminator = cr\n"
            "scanner_max_line_bytes = 5\n"
            "wedge_max_gap_ms = 30\n"
            "wedge_prefix = \\x02\n"
            "wedge_suffix = tab\n"
            "qr_debounce_ms = 1500\n"
            "camera = folder\n"
            "camera_folder = /srv/frames\n"
            "camera_fps = 500\n");
    }
    QSettings settings(path, QSettings::IniFormat);
    const ScannerConfig c = ScannerConfig::fromSettings(settings);
    QVERIFY(c.wedge);
    QVERIFY(c.serial);
    QVERIFY(!c.camera);
    QCOMPARE(c.unknown_backends, QStringList{QStringLiteral("laser")});
    QCOMPARE(c.serial_config.port, QStringLiteral("/dev/serial/by-id/usb-Scanner-if00"));
    QCOMPARE(c.serial_config.baud_rate, 115200);
    QCOMPARE(c.serial_config.terminators, QByteArrayLiteral("\r"));
    QCOMPARE(c.serial_config.max_line_bytes, 16);  // clamped
    QCOMPARE(c.wedge_config.max_gap_ms, 30);
    QCOMPARE(c.wedge_config.prefix, QString(QChar(2)));
    QCOMPARE(c.wedge_config.suffix, QStringLiteral("\t"));
    QCOMPARE(c.debounce_ms, 1500);
    const CameraConfig cam = CameraConfig::fromSettings(settings);
    QCOMPARE(cam.backend, CameraConfig::Backend::Folder);
    QCOMPARE(cam.folder.path, QStringLiteral("/srv/frames"));
    QCOMPARE(cam.folder.frames_per_second, 60.0);
    const std::unique_ptr<Camera> camera = cam.create();
    QVERIFY(qobject_cast<FolderCamera*>(camera.get()) != nullptr);

    // Defaults: an empty file gives a keyboard wedge with Enter and the Qt camera.
    QSettings empty(dir.filePath(QStringLiteral("none.ini")), QSettings::IniFormat);
    const ScannerConfig d = ScannerConfig::fromSettings(empty);
    QVERIFY(d.wedge && !d.serial && !d.camera);
    QCOMPARE(d.wedge_config.suffix, QStringLiteral("\r"));
    QCOMPARE(CameraConfig::fromSettings(empty).backend, CameraConfig::Backend::Qt);
}

QTEST_GUILESS_MAIN(TestScanner)
#include "tst_scanner.moc"
