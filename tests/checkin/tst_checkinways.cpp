// Every way a patient checks in (issue 12, items 6, 7 and 9), through the KioskWindow with the
// devices of [devices] listening at the same time: a keyboard wedge (key bursts), a serial
// scanner on a pseudo-terminal, the camera (FolderCamera playing real photos with a QR code in
// them, and a real code from tests/data that is not an appointment), the patient card on the
// vsmartcard virtual reader under a pcscd of the test's own; then the list of today's
// appointments of the card's patient and their children, offline from today's cache with a
// provisional number, and the sentences for an appointment elsewhere, on another day, none, or
// an unknown card. Against the pool simulator over real HTTP, in both languages.
#include "CheckinDevicesFixture.h"
#include "CheckinFixture.h"
#include "TestSkip.h"
#include "core/checkin/ArrivalFinder.h"
#include "core/common/HospitalClock.h"
#include "core/config/KioskConfig.h"
#include "hw/camera/Camera.h"
#include "hw/card/CardReader.h"
#include "hw/common/DeviceHealth.h"
#include "hw/printer/PrinterSimulator.h"
#include "hw/printer/ReceiptPrinter.h"
#include "hw/scanner/CameraScanner.h"
#include "ui/KioskWindow.h"
#include "ui/access/Spoken.h"
#include "ui/checkin/ArrivalListPage.h"
#include "ui/checkin/CheckinDeviceSet.h"
#include "ui/checkin/ScanPreview.h"
#include "ui/screens/CheckinScreen.h"

#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace mk;
using namespace mk::ui;
using namespace mk::checkin::test;

namespace {
constexpr int kWaitMs = 30000;

QString samplePhoto()
{
    return QStringLiteral(MEDKIOSK_TESTDATA) + QStringLiteral("/qr/falsepositives-1/01.png");
}
QString sampleCode()  // a real QR code of the zxing-cpp samples: not an appointment
{
    return QStringLiteral(MEDKIOSK_TESTDATA) + QStringLiteral("/qr/qrcode-1/1.png");
}
// Read aloud says the visit number as a sentence of its own, character by character ("1 2.").
bool saysNumber(const QString& spoken, int number)
{
    const QRegularExpression said(
        QStringLiteral("(^|[\\s.。:：])%1[.。]")
            .arg(QRegularExpression::escape(mk::ui::spelledOut(QString::number(number)))));
    return spoken.contains(said);
}
}  // namespace

class TestCheckinWays : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CheckinFixture> fx_;
    config::KioskConfig config_;
    std::unique_ptr<PtyPair> pty_;
    std::unique_ptr<QTemporaryDir> camera_dir_;
    std::unique_ptr<VirtualReader> reader_;
    QString reader_problem_;
    std::unique_ptr<CheckinDeviceSet> devices_;
    std::unique_ptr<hw::PrinterSimulator> printer_sim_;
    std::unique_ptr<hw::ReceiptPrinter> printer_;
    std::unique_ptr<KioskWindow> window_;
    QString serial_link_;
    QDate day_;  // the kiosk's "today" in these tests: tomorrow at the hospital

    CheckinScreen* screen() const
    {
        return static_cast<CheckinScreen*>(window_->screen(ScreenId::Checkin));
    }
    QLabel* label(const char* name) const
    {
        return window_->findChild<QLabel*>(QLatin1String(name));
    }
    void openCheckin(const QString& language)
    {
        window_->setLanguage(language);
        window_->goHome();
        auto* button = window_->findChild<QPushButton*>(QStringLiteral("checkinButton"));
        QVERIFY(button != nullptr && button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_COMPARE(window_->currentScreen()->id(), ScreenId::Checkin);
    }
    // A booking of patient in department on day_; the kiosk's clock 10 minutes before it.
    fhir::Appointment book(const QString& patient, const QString& department, int day_offset = 0)
    {
        auto a = bookFor(*fx_->client, patient, department, day_.addDays(day_offset));
        if (!a) qWarning() << "booking failed:" << a.error().detail;
        return a ? a.value() : fhir::Appointment{};
    }
    // With MEDKIOSK_CHECKIN_SHOTS=<folder>: a picture of the window for review.
    void shot(const QString& name)
    {
        const QString dir = qEnvironmentVariable("MEDKIOSK_CHECKIN_SHOTS");
        if (dir.isEmpty()) return;
        QDir().mkpath(dir);
        window_->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
    }
    // Pulls the card out and waits until the reader saw it go (the next insertion is new).
    void removeCard(VirtualCard& card)
    {
        QSignalSpy removed(devices_->cardReader(), &hw::CardReader::cardRemoved);
        card.remove();
        QVERIFY(removed.wait(kWaitMs));
    }
    void clockBefore(const fhir::Appointment& a) { fx_->setNow(a.start.toUTC().addSecs(-600)); }
    void clockAtNineOn(const QDate& day)
    {
        fx_->setNow(QDateTime(day, QTime(9, 0), HospitalClock::zoneFor(QByteArray("Asia/Shanghai")))
                        .toUTC());
    }
    void expectNumber(bool provisional)
    {
        QTRY_VERIFY_WITH_TIMEOUT(screen()->showingResult(), kWaitMs);
        const int number = screen()->outcome().record.visit_number;
        QCOMPARE(label("checkinNumber")->text(), QString::number(number));
        // Read aloud (issue 12), whichever way the patient came in: the number, spelled out.
        const QString spoken = screen()->spokenSummary();
        QVERIFY2(saysNumber(spoken, number), qPrintable(spoken));
        if (provisional) {
            QVERIFY2(number >= 9000 && number <= 9999, qPrintable(QString::number(number)));
            QVERIFY(label("checkinProvisional")->isVisible());
        } else {
            QVERIFY2(number > 0 && number < 9000, qPrintable(QString::number(number)));
            QVERIFY(!label("checkinProvisional")->isVisible());
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        day_ = QDateTime::currentDateTimeUtc()
                   .toTimeZone(HospitalClock::zoneFor(QByteArray("Asia/Shanghai")))
                   .date()
                   .addDays(1);
        reader_ = std::make_unique<VirtualReader>();
        reader_problem_ = reader_->start();
        if (!reader_problem_.isEmpty()) qInfo() << "card reader:" << reader_problem_;
    }
    void cleanupTestCase() { reader_.reset(); }

    void init()
    {
        fx_ = std::make_unique<CheckinFixture>();
        checkin::CheckinOptions where;
        where.building = QStringLiteral("A");
        where.floor = 3;
        const QString error = fx_->start(where);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        // Every kind of scanner at once, the camera on a folder of real photos, the card reader.
        camera_dir_ = std::make_unique<QTemporaryDir>();
        pty_ = std::make_unique<PtyPair>();
        if (!pty_->ok()) MK_SKIP_OR_FAIL_IN_CI("no pseudo-terminals here (posix_openpt failed)");
        QVERIFY(QImage(samplePhoto()).save(camera_dir_->filePath(QStringLiteral("a-photo.png"))));
        hw::ScannerConfig scanners;
        scanners.wedge = true;
        scanners.serial = true;
        // A stable link like /dev/serial/by-id/...: re-pointed when the scanner is plugged again.
        serial_link_ = camera_dir_->filePath(QStringLiteral("serial-by-id"));
        QVERIFY(QFile::link(pty_->slavePath(), serial_link_));
        scanners.serial_config.port = serial_link_;
        scanners.serial_config.reopen_interval_ms = 100;
        scanners.camera = true;
        hw::CameraConfig camera;
        camera.backend = hw::CameraConfig::Backend::Folder;
        camera.folder.path = camera_dir_->path();
        camera.folder.frames_per_second = 10.0;
        hw::CardReaderConfig card;
        card.enabled = reader_problem_.isEmpty();
        card.reader_name = QStringLiteral("Virtual PCD");
        devices_ = std::make_unique<CheckinDeviceSet>(scanners, camera, card);
        QVERIFY(devices_->problems().isEmpty());
        devices_->start();

        // The receipt printer: the simulator on TCP, parsing what is printed.
        printer_sim_ = std::make_unique<hw::PrinterSimulator>();
        QVERIFY(printer_sim_->listenTcp());
        hw::PrinterConfig pc;
        pc.transport = hw::PrinterConfig::Transport::Tcp;
        pc.tcp_port = printer_sim_->tcpPort();
        pc.poll_interval_ms = 100;
        printer_ = std::make_unique<hw::ReceiptPrinter>(pc);
        printer_->start();
        QTRY_VERIFY_WITH_TIMEOUT(printer_->health().state == hw::DeviceState::Ready, kWaitMs);

        window_ = std::make_unique<KioskWindow>(nullptr, config_);
        CheckinDevices d;
        d.service = fx_->service.get();
        d.printer = printer_.get();
        d.scanner = devices_->wedge();
        d.serial = devices_->serial();
        d.camera_scanner = devices_->cameraScanner();
        d.camera = devices_->camera();
        d.card = devices_->cardReader();
        window_->installCheckin(d);
        window_->setIdleTimeoutMs(10 * 60 * 1000);
        window_->resize(1080, 1920);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }
    void cleanup()
    {
        window_.reset();
        // The simulator first: it answers the printer's status polls on this thread, so a poll in
        // flight while the printer's worker is being joined would wait for a reply that cannot
        // come, and the worker would be abandoned at its deadline (ThreadJoin; under the
        // sanitizers LeakSanitizer then reports its QThread). With the simulator gone the
        // worker's read ends at once.
        printer_sim_.reset();
        printer_.reset();
        devices_.reset();
        pty_.reset();
        fx_.reset();
    }

    void wedgeScan_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
        QTest::newRow("en") << QStringLiteral("en");
    }
    void wedgeScan()
    {
        QFETCH(QString, language);
        const QString token = fx_->newToken();
        QVERIFY(!token.isEmpty());
        openCheckin(language);
        QTest::keyClicks(window_.get(), token);
        QTest::keyClick(window_.get(), Qt::Key_Return);
        expectNumber(false);
        QVERIFY(!label("checkinMessage")->text().isEmpty());
    }

    void serialScan_data() { wedgeScan_data(); }
    void serialScan()
    {
        QFETCH(QString, language);
        const QString token = fx_->newToken();
        openCheckin(language);
        QTRY_COMPARE_WITH_TIMEOUT(devices_->serial()->health().state, hw::DeviceState::Ready,
                                  kWaitMs);
        QVERIFY(pty_->write(token.toLatin1() + "\r\n"));
        expectNumber(false);
    }

    void cameraScan_data() { wedgeScan_data(); }
    void cameraScan()
    {
        QFETCH(QString, language);
        const QString token = fx_->newToken();
        openCheckin(language);
        // The live picture with its guide frame, instead of the drawing.
        auto* preview = window_->findChild<ScanPreview*>(QStringLiteral("checkinScanPreview"));
        QVERIFY(preview != nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(preview->isVisible() && preview->holdsFrame(), kWaitMs);
        QVERIFY(!label("checkinScanPicture")->isVisible());
        QVERIFY(devices_->camera()->isActive());
        shot(QStringLiteral("camera-") + language);

        // A real QR code that is not an appointment: a sentence, nothing sent.
        QVERIFY(QFile::copy(sampleCode(), camera_dir_->filePath(QStringLiteral("b-code.png"))));
        QTRY_VERIFY_WITH_TIMEOUT(screen()->outcome().status == checkin::CheckinStatus::Refused,
                                 kWaitMs);
        QVERIFY(!screen()->showingResult());
        QVERIFY(!label("checkinScanMessage")->text().isEmpty());
        QVERIFY(QFile::remove(camera_dir_->filePath(QStringLiteral("b-code.png"))));

        // The appointment's code held up in front of the camera.
        QVERIFY(photoWithCode(samplePhoto(), token)
                    .save(camera_dir_->filePath(QStringLiteral("c-appointment.png"))));
        expectNumber(false);

        // Leaving the screen switches the camera off and forgets the picture.
        window_->goHome();
        QTRY_VERIFY(!devices_->camera()->isActive());
        QVERIFY(!preview->holdsFrame());
    }

    void cardThenChoose_data() { wedgeScan_data(); }
    void cardThenChoose()
    {
        QFETCH(QString, language);
        if (!reader_problem_.isEmpty()) MK_SKIP_OR_FAIL_IN_CI(reader_problem_);
        // A guardian (pat-1001, card uid:00001001) with their own appointment and their child's.
        const fhir::Appointment own = book(QStringLiteral("pat-1001"), QStringLiteral("dept-resp"));
        const fhir::Appointment child =
            book(QStringLiteral("pat-1002"), QStringLiteral("dept-ped"));
        QVERIFY(!own.id.isEmpty() && !child.id.isEmpty());
        clockBefore(child);
        openCheckin(language);
        QTRY_COMPARE_WITH_TIMEOUT(devices_->cardReader()->health().state, hw::DeviceState::Ready,
                                  kWaitMs);
        QSignalSpy shown(screen(), &CheckinScreen::arrivalsShown);
        VirtualCard card(QByteArray::fromHex("3b8f8001804f0ca000000306030001000000006a"),
                         QByteArray::fromHex("00001001"));
        card.insert(reader_->port());
        QVERIFY(shown.wait(kWaitMs));
        QTRY_VERIFY(screen()->showingChoices());
        QCOMPARE(screen()->arrivals().status, checkin::ArrivalStatus::Found);
        auto* page = window_->findChild<ArrivalListPage*>();
        QVERIFY(page != nullptr);
        const QList<QPushButton*> choices = page->choiceButtons();
        QCOMPARE(choices.size(), 2);
        int child_row = -1;
        for (int i = 0; i < choices.size(); ++i) {
            QVERIFY(choices.at(i)->height() >= 60);
            QVERIFY(choices.at(i)->text().contains(QLatin1Char('*')));  // masked names only
            if (page->list().today.at(i).appointment_id == child.id) child_row = i;
        }
        QVERIFY(child_row >= 0);
        QVERIFY(page->list().today.at(child_row).is_child);
        // Read aloud: the title and each appointment's time as on its button, no name at all.
        const QString list_spoken = screen()->spokenSummary();
        QVERIFY2(list_spoken.contains(label("checkinArrivalTitle")->text()),
                 qPrintable(list_spoken));
        for (int i = 0; i < choices.size(); ++i) {
            const QString time = choices.at(i)->text().section(QStringLiteral("  ·  "), 0, 0);
            QVERIFY2(!time.isEmpty() && list_spoken.contains(time), qPrintable(list_spoken));
            QString name = page->list().today.at(i).patient_name_masked;
            name = name.remove(QLatin1Char('*')).simplified();
            QVERIFY2(name.isEmpty() || !list_spoken.contains(name), qPrintable(list_spoken));
        }
        QVERIFY2(!list_spoken.contains(QLatin1Char('*')), qPrintable(list_spoken));
        shot(QStringLiteral("card-list-") + language);
        QSignalSpy printed(printer_sim_.get(), &hw::PrinterSimulator::ticketPrinted);
        QTest::mouseClick(choices.at(child_row), Qt::LeftButton);
        expectNumber(false);
        QCOMPARE(screen()->outcome().record.appointment_id, child.id);
        // The ticket with the number is printed.
        QVERIFY(printed.count() > 0 || printed.wait(kWaitMs));
        const QString number = QString::number(screen()->outcome().record.visit_number);
        const auto ticket = printed.first().first().value<hw::ParsedTicket>();
        QVERIFY2(ticket.textLines().join(u'\n').contains(number),
                 qPrintable(ticket.textLines().join(u'\n')));
        removeCard(card);
    }

    void cardOfflineFromCache()
    {
        if (!reader_problem_.isEmpty()) MK_SKIP_OR_FAIL_IN_CI(reader_problem_);
        const fhir::Appointment own = book(QStringLiteral("pat-1001"), QStringLiteral("dept-resp"));
        const fhir::Appointment child =
            book(QStringLiteral("pat-1002"), QStringLiteral("dept-ped"));
        QVERIFY(!own.id.isEmpty() && !child.id.isEmpty());
        clockBefore(own);
        openCheckin(QStringLiteral("en"));
        // Yesterday's list of this card is still in the cache (it must go).
        const QString yesterday =
            checkin::ArrivalFinder::cacheKey(QStringLiteral("card:uid:00001001"), day_.addDays(-1));
        QVERIFY(fx_->store->putCache(yesterday, QByteArrayLiteral("{\"v\":1}"),
                                     QDateTime::currentDateTimeUtc()));
        // Earlier today, online: the list is read (and kept in today's cache).
        screen()->handleCard(QStringLiteral("uid:00001001"));
        QTRY_VERIFY_WITH_TIMEOUT(screen()->showingChoices(), kWaitMs);
        QVERIFY(!screen()->arrivals().from_cache);
        QVERIFY(fx_->store->getCache(
            checkin::ArrivalFinder::cacheKey(QStringLiteral("card:uid:00001001"), day_)));
        QVERIFY(!fx_->store->getCache(yesterday));

        // The pool goes away; the same card: today's list from the cache, a provisional number.
        fx_->outage(true);
        fx_->service->setOnline(false);
        openCheckin(QStringLiteral("en"));
        QTRY_COMPARE_WITH_TIMEOUT(devices_->cardReader()->health().state, hw::DeviceState::Ready,
                                  kWaitMs);
        QSignalSpy shown(screen(), &CheckinScreen::arrivalsShown);
        VirtualCard card(QByteArray::fromHex("3b8f8001804f0ca000000306030001000000006a"),
                         QByteArray::fromHex("00001001"));
        card.insert(reader_->port());
        QVERIFY(shown.wait(kWaitMs));
        QVERIFY(screen()->showingChoices());
        QVERIFY(screen()->arrivals().from_cache);
        auto* note = label("checkinArrivalNote");
        QVERIFY(note->isVisible() && !note->text().isEmpty());
        shot(QStringLiteral("card-offline-list"));
        auto* page = window_->findChild<ArrivalListPage*>();
        QCOMPARE(page->choiceButtons().size(), 2);
        int own_row = page->list().today.at(0).appointment_id == own.id ? 0 : 1;
        QSignalSpy printed(printer_sim_.get(), &hw::PrinterSimulator::ticketPrinted);
        QTest::mouseClick(page->choiceButtons().at(own_row), Qt::LeftButton);
        expectNumber(true);
        QVERIFY(printed.count() > 0 || printed.wait(kWaitMs));
        QVERIFY(printed.first().first().value<hw::ParsedTicket>().textLines().join(u'\n').contains(
            QStringLiteral("PROVISIONAL")));
        QCOMPARE(fx_->queuedCheckins(), 1);
        removeCard(card);

        // Another card while offline and not in the cache: what to do instead.
        openCheckin(QStringLiteral("en"));
        screen()->handleCard(QStringLiteral("uid:00001004"));
        QTRY_COMPARE_WITH_TIMEOUT(screen()->arrivals().status, checkin::ArrivalStatus::NeedsPool,
                                  kWaitMs);
        QVERIFY(label("checkinScanMessage")->text().contains(QStringLiteral("QR code")));
    }

    // After face sign-in (the screen's entry point; the face flow itself is tst_checkinface):
    // the same list, and offline later that day the same list from the cache.
    void faceListOnlineThenCached()
    {
        const fhir::Appointment own = book(QStringLiteral("pat-1004"), QStringLiteral("dept-ped"));
        QVERIFY(!own.id.isEmpty());
        clockBefore(own);
        openCheckin(QStringLiteral("en"));
        screen()->handleFace(QStringLiteral("pat-1004"));
        QTRY_VERIFY_WITH_TIMEOUT(screen()->showingChoices(), kWaitMs);
        QCOMPARE(screen()->arrivals().today.size(), 1);
        QVERIFY(!screen()->arrivals().from_cache);

        fx_->outage(true);
        fx_->service->setOnline(false);
        openCheckin(QStringLiteral("en"));
        screen()->handleFace(QStringLiteral("pat-1004"));
        QTRY_VERIFY_WITH_TIMEOUT(screen()->showingChoices(), kWaitMs);
        QVERIFY(screen()->arrivals().from_cache);
        auto* page = window_->findChild<ArrivalListPage*>();
        QCOMPARE(page->choiceButtons().size(), 1);
        QTest::mouseClick(page->choiceButtons().first(), Qt::LeftButton);
        expectNumber(true);
        QCOMPARE(screen()->outcome().record.appointment_id, own.id);
    }

    // Item 9: where and when, through the card entry point (the reader's identifier).
    void whereAndWhen_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("patient");
        QTest::addColumn<QString>("department");  // empty: no booking
        QTest::addColumn<int>("day_offset");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("says");  // part of the sentence in both languages
        const auto rows = [](const char* lang) {
            const QString l = QString::fromLatin1(lang);
            QTest::addRow("%s: another floor", lang)
                << l << QStringLiteral("pat-1101") << QStringLiteral("dept-eye") << 0
                << int(checkin::ArrivalStatus::Elsewhere) << QStringLiteral("5");
            QTest::addRow("%s: another building", lang)
                << l << QStringLiteral("pat-1102") << QStringLiteral("dept-dental") << 0
                << int(checkin::ArrivalStatus::Elsewhere) << QStringLiteral("B");
            QTest::addRow("%s: another day", lang)
                << l << QStringLiteral("pat-1103") << QStringLiteral("dept-ped") << 2
                << int(checkin::ArrivalStatus::OtherDay) << QStringLiteral("<day>");
            QTest::addRow("%s: no appointment", lang)
                << l << QStringLiteral("pat-1104") << QString() << 0
                << int(checkin::ArrivalStatus::NoneToday) << QString();
            QTest::addRow("%s: unknown card", lang)
                << l << QStringLiteral("nobody") << QString() << 0
                << int(checkin::ArrivalStatus::UnknownCard) << QString();
        };
        rows("zh_CN");
        rows("en");
    }
    void whereAndWhen()
    {
        QFETCH(QString, language);
        QFETCH(QString, patient);
        QFETCH(QString, department);
        QFETCH(int, day_offset);
        QFETCH(int, status);
        QFETCH(QString, says);
        clockAtNineOn(day_);
        if (!department.isEmpty()) {
            const fhir::Appointment a = book(patient, department, day_offset);
            QVERIFY(!a.id.isEmpty());
            if (says == QLatin1String("<day>"))
                says = a.start.toTimeZone(HospitalClock::zoneFor(QByteArray("Asia/Shanghai")))
                           .toString(QStringLiteral("yyyy-MM-dd"));
        }
        openCheckin(language);
        const QString card = patient == QLatin1String("nobody")
                                 ? QStringLiteral("uid:deadbeef")
                                 : QStringLiteral("uid:0000") + patient.right(4);
        QSignalSpy shown(screen(), &CheckinScreen::arrivalsShown);
        screen()->handleCard(card);
        QVERIFY(shown.wait(kWaitMs));
        QCOMPARE(int(screen()->arrivals().status), status);
        QVERIFY(!screen()->showingChoices());
        QVERIFY(!screen()->showingResult());
        const QString message = label("checkinScanMessage")->text();
        QVERIFY(!message.isEmpty());
        if (!says.isEmpty()) QVERIFY2(message.contains(says), qPrintable(message));
        shot(QString::fromLatin1(QTest::currentDataTag())
                 .replace(QRegularExpression(u"[^a-zA-Z_]+"_qs), u"-"_qs));
        QCOMPARE(fx_->sim->commandStats().checkins_applied, 0);
    }

    // Hot-plug of the camera: it goes away (its folder vanishes: Missing) and comes back; the
    // camera scanner reads codes again without the screen being reopened.
    void cameraHotPlug()
    {
        openCheckin(QStringLiteral("en"));
        QTRY_COMPARE_WITH_TIMEOUT(devices_->cameraScanner()->health().state, hw::DeviceState::Ready,
                                  kWaitMs);
        const QString away = camera_dir_->path() + QStringLiteral("-unplugged");
        QVERIFY(QDir().rename(camera_dir_->path(), away));
        QTRY_COMPARE_WITH_TIMEOUT(devices_->cameraScanner()->health().state,
                                  hw::DeviceState::Missing, kWaitMs);
        QString id;
        const QString token = fx_->newToken(&id);
        QVERIFY(
            photoWithCode(samplePhoto(), token).save(away + QStringLiteral("/c-appointment.png")));
        QVERIFY(QDir().rename(away, camera_dir_->path()));
        QTRY_COMPARE_WITH_TIMEOUT(devices_->cameraScanner()->health().state, hw::DeviceState::Ready,
                                  kWaitMs);
        expectNumber(false);
        QCOMPARE(screen()->outcome().record.appointment_id, id);
    }

    // Item 9 on the code path: a valid code of an appointment on another floor is not checked
    // in here; the patient reads where to go.
    void codeForAnotherFloor_data() { wedgeScan_data(); }
    void codeForAnotherFloor()
    {
        QFETCH(QString, language);
        const fhir::Appointment a = book(QStringLiteral("pat-1105"), QStringLiteral("dept-eye"));
        QVERIFY(!a.id.isEmpty() && !a.checkin_token.isEmpty());
        clockBefore(a);
        openCheckin(language);
        QTest::keyClicks(window_.get(), a.checkin_token);
        QTest::keyClick(window_.get(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(screen()->outcome().status, checkin::CheckinStatus::Elsewhere,
                                  kWaitMs);
        QVERIFY(!screen()->showingResult());
        const QString message = label("checkinScanMessage")->text();
        QVERIFY2(message.contains(QLatin1Char('5')), qPrintable(message));
        QCOMPARE(fx_->sim->commandStats().checkins_applied, 0);
    }

    // Hot-plug: the serial scanner's tty goes away and comes back while the screen listens.
    void serialHotPlug()
    {
        openCheckin(QStringLiteral("en"));
        QTRY_COMPARE_WITH_TIMEOUT(devices_->serial()->health().state, hw::DeviceState::Ready,
                                  kWaitMs);
        pty_->close();  // unplugged: the scanner reads a hang-up
        QTRY_COMPARE_WITH_TIMEOUT(devices_->serial()->health().state, hw::DeviceState::Missing,
                                  kWaitMs);
        // The wedge keeps working meanwhile.
        const QString token = fx_->newToken();
        QTest::keyClicks(window_.get(), token);
        QTest::keyClick(window_.get(), Qt::Key_Return);
        expectNumber(false);

        // Plugged in again (a new tty behind the same link): the next code comes through it.
        openCheckin(QStringLiteral("en"));
        pty_ = std::make_unique<PtyPair>();
        QVERIFY(pty_->ok());
        QVERIFY(QFile::remove(serial_link_));
        QVERIFY(QFile::link(pty_->slavePath(), serial_link_));
        QTRY_COMPARE_WITH_TIMEOUT(devices_->serial()->health().state, hw::DeviceState::Ready,
                                  kWaitMs);
        QString second_id;
        const QString second = fx_->newToken(&second_id);
        QVERIFY(pty_->write(second.toLatin1() + "\r\n"));
        QTRY_VERIFY_WITH_TIMEOUT(screen()->showingResult(), kWaitMs);
        QCOMPARE(screen()->outcome().record.appointment_id, second_id);
    }
};

QTEST_MAIN(TestCheckinWays)
#include "tst_checkinways.moc"
