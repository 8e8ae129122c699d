// Benchmark of the ways in (issue 12): through the KioskWindow with every scanner listening, on
// this machine. Prints, with median / p95 / min / max and asserts nothing about timing:
//   camera   scan -> number on screen: a photo with the appointment's QR code appears in the
//            camera's folder (FolderCamera at 30 frames/s, so up to one frame interval of waiting
//            is included) -> the number label shows the visit number (online, local simulator);
//   frames   frames analysed per second by the camera scanner while the check-in screen is open
//            (real photo frames, 640x480, 30 frames/s offered), in 5 windows of 45 decoded frames;
//   cpu      CPU share of the camera scanner's decoding thread ("qr-decode": utime + stime from
//            /proc/self/task/<tid>/stat, i.e. getrusage of that thread) in the same windows, as a
//            share of one core and of the whole 2-core machine; the whole process's beside it;
//   card     card inserted (the virtual card connects to vpcd) -> the appointment list on screen,
//            and the part after the reader's cardInserted (the pool's share).
#include "CheckinDevicesFixture.h"
#include "CheckinFixture.h"
#include "TestSkip.h"
#include "core/common/HospitalClock.h"
#include "core/config/KioskConfig.h"
#include "hw/camera/Camera.h"
#include "hw/card/CardReader.h"
#include "hw/scanner/CameraScanner.h"
#include "ui/KioskWindow.h"
#include "ui/checkin/CheckinDeviceSet.h"
#include "ui/screens/CheckinScreen.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace mk;
using namespace mk::ui;
using namespace mk::checkin::test;

namespace {
constexpr int kRuns = 20;
constexpr int kWindows = 5;
constexpr int kWindowFrames = 45;

void report(const char* name, const char* unit, QList<double> v)
{
    if (v.isEmpty()) {
        std::printf("bench_checkinways %-10s no samples\n", name);
        return;
    }
    std::sort(v.begin(), v.end());
    const double median = v.at(v.size() / 2);
    const double p95 = v.at(std::min<qsizetype>(v.size() - 1, qsizetype(v.size() * 0.95)));
    std::printf("bench_checkinways %-10s n=%lld median=%.1f %s p95=%.1f min=%.1f max=%.1f\n", name,
                static_cast<long long>(v.size()), median, unit, p95, v.first(), v.last());
    std::fflush(stdout);
}

// CPU seconds (user + system) of this process's thread named name; -1 when not found.
double threadCpuSeconds(const QString& name)
{
    QDirIterator it(QStringLiteral("/proc/self/task"), QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        const QString dir = it.next();
        QFile comm(dir + QStringLiteral("/comm"));
        if (!comm.open(QIODevice::ReadOnly) ||
            QString::fromLatin1(comm.readAll()).trimmed() != name)
            continue;
        QFile stat(dir + QStringLiteral("/stat"));
        if (!stat.open(QIODevice::ReadOnly)) return -1;
        const QByteArray s = stat.readAll();
        const QList<QByteArray> f = s.mid(s.lastIndexOf(')') + 2).split(' ');
        if (f.size() < 13) return -1;
        return (f.at(11).toDouble() + f.at(12).toDouble()) / double(sysconf(_SC_CLK_TCK));
    }
    return -1;
}

double processCpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

QString samplePhoto()
{
    return QStringLiteral(MEDKIOSK_TESTDATA) + QStringLiteral("/qr/falsepositives-1/01.png");
}
}  // namespace

class BenchCheckinWays : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CheckinFixture> fx_;
    config::KioskConfig config_;
    QTemporaryDir camera_dir_;
    std::unique_ptr<VirtualReader> reader_;
    QString reader_problem_;
    std::unique_ptr<CheckinDeviceSet> devices_;
    std::unique_ptr<KioskWindow> window_;

    CheckinScreen* screen() const
    {
        return static_cast<CheckinScreen*>(window_->screen(ScreenId::Checkin));
    }
    void open()
    {
        window_->goHome();
        window_->showScreen(ScreenId::Checkin);
        QTRY_VERIFY(screen()->isVisible() && !screen()->showingResult());
    }

private Q_SLOTS:
    void initTestCase()
    {
        reader_ = std::make_unique<VirtualReader>();
        reader_problem_ = reader_->start();
        fx_ = std::make_unique<CheckinFixture>();
        checkin::CheckinOptions where;
        where.building = QStringLiteral("A");
        where.floor = 3;
        const QString error = fx_->start(where);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(QImage(samplePhoto())
                    .scaled(640, 480)
                    .save(camera_dir_.filePath(QStringLiteral("a-photo.png"))));
        hw::ScannerConfig scanners;
        scanners.wedge = true;
        scanners.camera = true;
        hw::CameraConfig camera;
        camera.backend = hw::CameraConfig::Backend::Folder;
        camera.folder.path = camera_dir_.path();
        camera.folder.frames_per_second = 30.0;
        hw::CardReaderConfig card;
        card.enabled = reader_problem_.isEmpty();
        card.reader_name = QStringLiteral("Virtual PCD");
        devices_ = std::make_unique<CheckinDeviceSet>(scanners, camera, card);
        devices_->start();
        window_ = std::make_unique<KioskWindow>(nullptr, config_);
        CheckinDevices d;
        d.service = fx_->service.get();
        d.scanner = devices_->wedge();
        d.camera_scanner = devices_->cameraScanner();
        d.camera = devices_->camera();
        d.card = devices_->cardReader();
        window_->installCheckin(d);
        window_->setIdleTimeoutMs(60 * 60 * 1000);
        window_->resize(1080, 1920);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }
    void cleanupTestCase()
    {
        window_.reset();
        devices_.reset();
        fx_.reset();
        reader_.reset();
    }

    void framesAndCpu()
    {
        open();
        hw::QrScanWorker* worker = devices_->cameraScanner()->worker();
        QTRY_VERIFY_WITH_TIMEOUT(worker->framesDecoded() > 10, 30000);
        QList<double> fps;
        QList<double> cpu_core;
        QList<double> cpu_process;
        for (int w = 0; w < kWindows; ++w) {
            const qint64 frames0 = worker->framesDecoded();
            const double thread0 = threadCpuSeconds(QStringLiteral("qr-decode"));
            const double process0 = processCpuSeconds();
            QElapsedTimer t;
            t.start();
            // A window of kWindowFrames decoded frames (at most 30 s).
            QVERIFY(QTest::qWaitFor(
                [&] { return worker->framesDecoded() - frames0 >= kWindowFrames; }, 30000));
            const double s = double(t.elapsed()) / 1000.0;
            fps << double(worker->framesDecoded() - frames0) / s;
            const double thread1 = threadCpuSeconds(QStringLiteral("qr-decode"));
            if (thread0 >= 0 && thread1 >= 0) cpu_core << 100.0 * (thread1 - thread0) / s;
            cpu_process << 100.0 * (processCpuSeconds() - process0) / s;
        }
        report("frames", "frames/s", fps);
        report("cpu-thread", "% of one core", cpu_core);
        QList<double> machine;
        for (double c : std::as_const(cpu_core)) machine << c / 2.0;
        report("cpu-share", "% of 2 cores", machine);
        report("cpu-proc", "% of one core", cpu_process);
        std::printf("bench_checkinways frames offered 30/s; decoded %lld, dropped %lld so far\n",
                    static_cast<long long>(worker->framesDecoded()),
                    static_cast<long long>(worker->framesDropped()));
    }

    void cameraScanToNumber()
    {
        auto* number = window_->findChild<QLabel*>(QStringLiteral("checkinNumber"));
        QList<double> ms;
        for (int i = 0; i < kRuns; ++i) {
            const QString token = fx_->newToken();
            open();
            QSignalSpy shown(screen(), &CheckinScreen::outcomeShown);
            const QString file = camera_dir_.filePath(QStringLiteral("b-code-%1.png").arg(i));
            const QImage frame = photoWithCode(samplePhoto(), token);
            QElapsedTimer t;
            t.start();
            QVERIFY(frame.save(file));
            QVERIFY(shown.wait(30000));
            if (screen()->showingResult() && !number->text().isEmpty()) {
                ms << double(t.nsecsElapsed()) / 1e6;
            }
            QVERIFY(QFile::remove(file));
        }
        report("camera", "ms", ms);
    }

    void cardToList()
    {
        if (!reader_problem_.isEmpty()) MK_SKIP_OR_FAIL_IN_CI(reader_problem_);
        const QDate day = QDateTime::currentDateTimeUtc()
                              .toTimeZone(HospitalClock::zoneFor(QByteArray("Asia/Shanghai")))
                              .date()
                              .addDays(1);
        auto own =
            bookFor(*fx_->client, QStringLiteral("pat-1001"), QStringLiteral("dept-resp"), day);
        auto child =
            bookFor(*fx_->client, QStringLiteral("pat-1002"), QStringLiteral("dept-ped"), day);
        QVERIFY(own.ok() && child.ok());
        fx_->setNow(own.value().start.toUTC().addSecs(-600));
        QTRY_COMPARE_WITH_TIMEOUT(devices_->cardReader()->health().state, hw::DeviceState::Ready,
                                  30000);
        QList<double> total;
        QList<double> pool;
        for (int i = 0; i < kRuns; ++i) {
            open();
            QSignalSpy shown(screen(), &CheckinScreen::arrivalsShown);
            QSignalSpy removed(devices_->cardReader(), &hw::CardReader::cardRemoved);
            VirtualCard card(QByteArray::fromHex("3b8f8001804f0ca000000306030001000000006a"),
                             QByteArray::fromHex("00001001"));
            QElapsedTimer t;
            t.start();
            qint64 read_ns = 0;
            connect(
                devices_->cardReader(), &hw::CardReader::cardInserted, this,
                [&t, &read_ns] { read_ns = t.nsecsElapsed(); }, Qt::SingleShotConnection);
            card.insert(reader_->port());
            QVERIFY(shown.wait(30000));
            const double ms = double(t.nsecsElapsed()) / 1e6;
            if (screen()->showingChoices()) {
                total << ms;
                pool << ms - double(read_ns) / 1e6;
            }
            card.remove();
            QVERIFY(removed.wait(30000));
        }
        report("card", "ms", total);
        report("card-pool", "ms", pool);
    }
};

QTEST_MAIN(BenchCheckinWays)
#include "bench_checkinways.moc"
