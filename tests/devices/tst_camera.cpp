// Cameras and camera QR scanning: FolderCamera plays the QR samples of tests/data/qr (as 640x480
// grey frames) and CameraScanner decodes them through QrScanWorker; the worker drops frames while
// busy (delivered = decoded + dropped) and debounces repeated codes; FolderCamera hot-plug;
// QtCamera reports Missing when the machine has no camera.
#include "QrTestSet.h"
#include "TestSkip.h"
#include "hw/camera/FolderCamera.h"
#include "hw/camera/QtCamera.h"
#include "hw/qr/QrScanWorker.h"
#include "hw/scanner/CameraScanner.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mk::hw;

class TestCamera : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void folderCameraFeedsCameraScanner()
    {
        const QList<mk::test::QrSample> samples = mk::test::loadQrSamples();
        QCOMPARE(samples.size(), mk::test::kQrSamplesWithText + mk::test::kQrFalsePositiveImages);
        // The playlist: the shared images QrDecoder reads as 640x480 frames, with their texts.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QSet<QString> expected;
        FolderCameraConfig probe_config;
        probe_config.frame_size = QSize(640, 480);
        probe_config.frames_per_second = 100;
        int n = 0;
        for (const mk::test::QrSample& s : samples) {
            if (s.false_positive) continue;
            probe_config.path = s.path;
            FolderCamera probe(probe_config);
            QImage frame;
            connect(&probe, &Camera::imageFrame, this, [&frame](const QImage& i) { frame = i; });
            probe.start();
            QTRY_VERIFY_WITH_TIMEOUT(!frame.isNull(), 10000);
            const std::optional<QString> text = QrDecoder().decode(frame);
            if (!text || text->toUtf8() != s.expected) continue;
            if (expected.contains(*text)) continue;  // a duplicate code would be debounced
            expected.insert(*text);
            // Sorted playlist order = the order of the samples.
            const QString name = QStringLiteral("%1-%2")
                                     .arg(n++, 3, 10, QLatin1Char('0'))
                                     .arg(QFileInfo(s.path).fileName());
            QVERIFY(QFile::copy(s.path, dir.filePath(name)));
        }
        QVERIFY2(expected.size() >= 5, "too few decodable frames in the shared set");

        FolderCameraConfig config;
        config.path = dir.path();
        config.frames_per_second = 25;
        config.loop = false;
        config.frame_size = QSize(640, 480);
        FolderCamera camera(config);
        CameraScanner scanner(&camera);
        QSignalSpy scans(&scanner, &QrScanner::scanned);
        QSignalSpy done(&camera, &FolderCamera::finished);
        QVERIFY(scanner.start());
        QCOMPARE(camera.health().state, DeviceState::Ready);
        QCOMPARE(scanner.health().state, DeviceState::Ready);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!scanner.worker()->busy(), 30000);

        QSet<QString> seen;
        for (const QList<QVariant>& args : scans) {
            const QString text = args.at(0).toString();
            QVERIFY2(expected.contains(text), "a text that is in none of the images");
            QVERIFY2(!seen.contains(text), "the same code reported twice");
            seen.insert(text);
        }
        const QrScanWorker* worker = scanner.worker();
        qInfo("frames played %lld, delivered %lld, decoded %lld, dropped %lld; codes %lld of %lld",
              camera.framesEmitted(), worker->framesDelivered(), worker->framesDecoded(),
              worker->framesDropped(), static_cast<long long>(seen.size()),
              static_cast<long long>(expected.size()));
        QCOMPARE(worker->framesDelivered(), camera.framesEmitted());
        QCOMPARE(worker->framesDecoded() + worker->framesDropped(), worker->framesDelivered());
        // Every frame that was decoded (not dropped) held a distinct readable code.
        QCOMPARE(static_cast<qint64>(seen.size()), worker->framesDecoded());
    }

    void workerDropsFramesWhenBusy()
    {
        // Large noisy frames without a code: each takes a while to decode.
        QImage noise(1280, 720, QImage::Format_Grayscale8);
        auto* rng = QRandomGenerator::global();
        for (int y = 0; y < noise.height(); ++y) {
            uchar* line = noise.scanLine(y);
            for (int x = 0; x < noise.width(); ++x) line[x] = static_cast<uchar>(rng->bounded(256));
        }
        QrScanWorker worker;
        QSignalSpy processed(&worker, &QrScanWorker::frameProcessed);
        const int delivered = 200;
        for (int i = 0; i < delivered; ++i)
            worker.submitImage(noise);  // no event processing in between: the worker stays busy
        QCOMPARE(worker.framesDelivered(), delivered);
        // One frame in decoding, one (the latest) waiting; every other one dropped, none queued.
        QCOMPARE(worker.framesDropped(), delivered - 2);
        QTRY_VERIFY_WITH_TIMEOUT(!worker.busy(), 60000);
        QCOMPARE(worker.framesDecoded(), 2);
        QCOMPARE(processed.size(), 2);
        qInfo("delivered %d, decoded %lld, dropped %lld", delivered, worker.framesDecoded(),
              worker.framesDropped());
    }

    void workerDebounces()
    {
        const QString path = mk::test::qrTestDataDir() + QStringLiteral("/qrcode-3/01.png");
        QVERIFY2(QFile::exists(path), qPrintable(path));
        const QImage image(path);
        QrScanWorker worker;
        worker.setDebounceMs(600000);
        QSignalSpy decoded(&worker, &QrScanWorker::decoded);
        QSignalSpy processed(&worker, &QrScanWorker::frameProcessed);
        for (int i = 1; i <= 5; ++i) {
            worker.submitImage(image);
            QTRY_COMPARE_WITH_TIMEOUT(processed.size(), i, 30000);
        }
        QCOMPARE(decoded.size(), 1);
        worker.resetDebounce();
        worker.submitImage(image);
        QTRY_COMPARE_WITH_TIMEOUT(decoded.size(), 2, 30000);
        worker.setDebounceMs(0);  // every sighting counts
        worker.submitImage(image);
        QTRY_COMPARE_WITH_TIMEOUT(decoded.size(), 3, 30000);
    }

    void folderCameraHotPlug()
    {
        const QString source = mk::test::qrTestDataDir() + QStringLiteral("/qrcode-3/01.png");
        QVERIFY2(QFile::exists(source), qPrintable(source));
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const QString folder = root.filePath(QStringLiteral("cam"));
        FolderCameraConfig config;
        config.path = folder;
        config.frames_per_second = 50;
        FolderCamera camera(config);
        QVERIFY(!camera.start());  // nothing there yet
        QCOMPARE(camera.health().state, DeviceState::Missing);
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::copy(source, folder + QStringLiteral("/a.png")));
        QTRY_COMPARE_WITH_TIMEOUT(camera.health().state, DeviceState::Ready, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(camera.framesEmitted() > 2, 10000);
        QVERIFY(QDir(folder).removeRecursively());
        QTRY_COMPARE_WITH_TIMEOUT(camera.health().state, DeviceState::Missing, 10000);
        camera.stop();
    }

    void qtCameraWithoutCamera()
    {
        if (!QtCamera::availableCameras().isEmpty())
            MK_SKIP_FOR_HARDWARE("camera",
                                 "this machine has a camera; the no-camera path is "
                                 "not testable here");
        QtCamera camera(QtCameraConfig{});
        QSignalSpy health(&camera, &Device::healthChanged);
        QVERIFY(!camera.start());
        QCOMPARE(camera.health().state, DeviceState::Missing);
        QVERIFY(camera.health().detail.contains(QStringLiteral("no camera")));
        QCOMPARE(health.size(), 1);
        QVERIFY(!camera.isActive());
    }
};

QTEST_GUILESS_MAIN(TestCamera)
#include "tst_camera.moc"
