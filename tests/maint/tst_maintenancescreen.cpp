// StaffPinScreen -> MaintenanceScreen against a real encrypted store (temp file) whose outbox
// holds a dead letter: the PIN opens the mode, the reason is shown, Retry queues it again,
// Discard with a reason writes the audit rows, Export writes a report without the personal data
// put in the payload, and five wrong PINs show the lockout message.
#include "core/config/KioskConfig.h"
#include "core/outbox/Outbox.h"
#include "core/outbox/QueueStatus.h"
#include "core/staff/Maintenance.h"
#include "core/staff/StaffAudit.h"
#include "core/staff/StaffPin.h"
#include "core/store/SecureKey.h"
#include "core/store/Store.h"
#include "ui/KioskWindow.h"
#include "ui/Screen.h"
#include "ui/Theme.h"
#include "ui/staff/MaintenanceScreen.h"
#include "ui/staff/StaffPinScreen.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace mk;

namespace {
constexpr int kWaitMs = 60000;
const QString kPin = QStringLiteral("2580");
const QString kName = QStringLiteral("Zhang Sanfeng");
const QString kPhone = QStringLiteral("13800138000");
const QString kPatient = QStringLiteral("P00001234");

store::SecureKey makeKey()
{
    QByteArray raw(store::SecureKey::kSizeBytes, '\0');
    for (int i = 0; i < raw.size(); ++i) raw[i] = char(0x51 + i);
    return store::SecureKey(raw);
}
}  // namespace

class TstMaintenanceScreen : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::unique_ptr<store::Store> store_;
    std::unique_ptr<outbox::Outbox> outbox_;
    std::unique_ptr<staff::StaffAudit> audit_;
    std::unique_ptr<staff::StaffPin> pin_;
    std::unique_ptr<staff::Maintenance> maintenance_;
    ui::StaffServices services_;
    ui::ScreenContext context_;
    qint64 dead_id_ = 0;

    void typePin(ui::StaffPinScreen& screen, const QString& pin)
    {
        for (QChar c : pin) {
            auto* key = screen.findChild<QPushButton*>(QStringLiteral("key_") + c);
            QVERIFY(key);
            QTest::mouseClick(key, Qt::LeftButton);
        }
    }
    void makeDead()
    {
        QVERIFY(outbox_
                    ->markDead(dead_id_, 20, QStringLiteral("HTTP 422: appointment is in the past"),
                               QDateTime::currentDateTimeUtc())
                    .ok());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        ui::Theme::apply(*qApp);  // as the kiosk does: buttons get their real sizes
        auto s = store::Store::open(dir_.filePath(QStringLiteral("store.db")), makeKey());
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().detail));
        store_ = std::move(s).value();
        outbox_ = std::make_unique<outbox::Outbox>(*store_);
        audit_ = std::make_unique<staff::StaffAudit>(*store_, QStringLiteral("KIOSK-GUI-01"));
        pin_ = std::make_unique<staff::StaffPin>(*store_, QStringLiteral("KIOSK-GUI-01"));
        maintenance_ = std::make_unique<staff::Maintenance>(*outbox_, *audit_);
        services_.pin = pin_.get();
        services_.maintenance = maintenance_.get();
        services_.report_folder = dir_.filePath(QStringLiteral("reports"));
        QVERIFY(pin_->setPin(kPin, QDateTime::currentDateTimeUtc()).ok());

        outbox::Command c;
        c.kind = outbox::kind::kCheckIn;
        c.ordering_key = QStringLiteral("appointment:appt-77");
        c.payload = QStringLiteral(
                        "{\"appointment_id\":\"appt-77\",\"name\":\"%1\",\"phone\":"
                        "\"%2\",\"patient\":\"%3\"}")
                        .arg(kName, kPhone, kPatient)
                        .toUtf8();
        auto id = outbox_->enqueue(c);
        QVERIFY(id.ok());
        dead_id_ = id.value();
        makeDead();
    }

    void pinOpensMaintenanceAndActionsWork()
    {
        ui::StaffPinScreen pin_screen(context_, services_);
        ui::MaintenanceScreen screen(context_, services_);
        pin_screen.resize(1080, 1600);
        pin_screen.show();
        QSignalSpy go(&pin_screen, &ui::Screen::goTo);
        pin_screen.enter();
        QTRY_VERIFY_WITH_TIMEOUT(!pin_screen.loading(), kWaitMs);
        auto* enter = pin_screen.findChild<QPushButton*>(QStringLiteral("pinEnter"));
        QVERIFY(enter);
        QVERIFY(!enter->isEnabled());
        typePin(pin_screen, kPin);
        QCOMPARE(pin_screen.findChild<QLabel*>(QStringLiteral("pinDots"))->text(),
                 QString(4, QChar(0x25CF)));
        QVERIFY(enter->isEnabled());
        QVERIFY(enter->height() >= 60);
        QTest::mouseClick(enter, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(go.count(), 1, kWaitMs);
        QCOMPARE(go.at(0).at(0).value<ui::ScreenId>(), ui::ScreenId::Maintenance);

        screen.resize(1080, 1600);
        screen.show();
        screen.enter();
        QTRY_VERIFY_WITH_TIMEOUT(!screen.loading(), kWaitMs);
        const QString reason_name = QStringLiteral("deadReason_%1").arg(dead_id_);
        QTRY_VERIFY_WITH_TIMEOUT(screen.findChild<QLabel*>(reason_name), kWaitMs);
        QVERIFY(screen.findChild<QLabel*>(reason_name)
                    ->text()
                    .contains(QLatin1String("appointment is in the past")));
        QVERIFY(!screen.findChild<QLabel*>(reason_name)->text().contains(kName));
        QVERIFY(screen.findChild<QLabel*>(QStringLiteral("figDead"))->text().contains(u'1'));

        // Retry: queued again.
        auto* retry = screen.findChild<QPushButton*>(QStringLiteral("retry_%1").arg(dead_id_));
        QVERIFY(retry);
        QVERIFY(retry->height() >= 60);
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(outbox_->record(dead_id_).value()->state,
                                  outbox::CommandState::Queued, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!screen.loading(), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!screen.findChild<QLabel*>(reason_name), kWaitMs);

        // Dead again; Discard with a reason.
        makeDead();
        QTest::mouseClick(screen.findChild<QPushButton*>(QStringLiteral("refreshButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            screen.findChild<QPushButton*>(QStringLiteral("discard_%1").arg(dead_id_)), kWaitMs);
        QTest::mouseClick(
            screen.findChild<QPushButton*>(QStringLiteral("discard_%1").arg(dead_id_)),
            Qt::LeftButton);
        auto* panel = screen.findChild<QWidget*>(QStringLiteral("discardPanel"));
        QVERIFY(panel && panel->isVisible());
        QTest::mouseClick(screen.findChild<QPushButton*>(QStringLiteral("reason_0")),
                          Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(outbox_->record(dead_id_).value()->state,
                                  outbox::CommandState::Discarded, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!screen.loading(), kWaitMs);
        const auto entries = audit_->list(50).value();
        bool discard_seen = false;
        bool retry_seen = false;
        bool login_seen = false;
        for (const auto& e : entries) {
            QCOMPARE(e.kiosk_id, QStringLiteral("KIOSK-GUI-01"));
            if (e.action == staff::action::kDiscard) {
                discard_seen =
                    e.outbox_id == dead_id_ &&
                    e.detail == QLatin1String(ui::MaintenanceScreen::discardReasons().at(0));
            }
            retry_seen |= e.action == staff::action::kRetry && e.outbox_id == dead_id_;
            login_seen |= e.action == staff::action::kLoginOk;
        }
        QVERIFY(discard_seen);
        QVERIFY(retry_seen);
        QVERIFY(login_seen);
        const auto outbox_audit = outbox_->audit(dead_id_).value();
        QVERIFY(outbox_audit.size() >= 2);

        // Export: a file without the payload's personal data, its path on screen.
        QTest::mouseClick(screen.findChild<QPushButton*>(QStringLiteral("exportButton")),
                          Qt::LeftButton);
        auto* path_label = screen.findChild<QLabel*>(QStringLiteral("exportPath"));
        QTRY_VERIFY_WITH_TIMEOUT(!path_label->text().isEmpty(), kWaitMs);
        const QStringList files = QDir(services_.report_folder).entryList(QDir::Files);
        QCOMPARE(files.size(), 1);
        const QString file = QDir(services_.report_folder).filePath(files.first());
        QVERIFY(path_label->text().contains(file));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.contains("\"redacted\": true"));
        QVERIFY(bytes.contains("check-in"));
        for (const QString& secret : {kName, kPhone, kPatient, QStringLiteral("appt-77")})
            QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(secret));

        // Exit goes home and is audited.
        QSignalSpy home(&screen, &ui::Screen::goHome);
        QTest::mouseClick(screen.findChild<QPushButton*>(QStringLiteral("exitButton")),
                          Qt::LeftButton);
        QCOMPARE(home.count(), 1);
    }

    void lockoutShowsMessage()
    {
        ui::StaffPinScreen screen(context_, services_);
        screen.resize(1080, 1600);
        screen.show();
        screen.enter();
        QTRY_VERIFY_WITH_TIMEOUT(!screen.loading(), kWaitMs);
        auto* enter = screen.findChild<QPushButton*>(QStringLiteral("pinEnter"));
        auto* message = screen.findChild<QLabel*>(QStringLiteral("pinMessage"));
        for (int i = 0; i < staff::StaffPin::kMaxFailures; ++i) {
            typePin(screen, QStringLiteral("9999"));
            QVERIFY(enter->isEnabled());
            QTest::mouseClick(enter, Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(!screen.loading(), kWaitMs);
        }
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(QLatin1String("Locked for")),
                 qPrintable(message->text()));
        QVERIFY(!enter->isEnabled());
        // Reopening the screen still shows the lock (state from the store).
        screen.reset();
        screen.enter();
        QTRY_VERIFY_WITH_TIMEOUT(!screen.loading(), kWaitMs);
        QVERIFY(message->text().contains(QLatin1String("Locked for")));
        // Even the right PIN cannot be typed in.
        QVERIFY(!enter->isEnabled());
    }

    // No PIN configured: the mode cannot be entered and the screen says how IT sets one.
    void noPinConfigured()
    {
        auto s = store::Store::open(QStringLiteral(":memory:"), makeKey());
        QVERIFY(s.ok());
        staff::StaffPin empty_pin(*s.value(), QStringLiteral("KIOSK-GUI-02"));
        ui::StaffServices services;
        services.pin = &empty_pin;
        ui::StaffPinScreen screen(context_, services);
        screen.show();
        screen.enter();
        QTRY_VERIFY_WITH_TIMEOUT(!screen.loading(), kWaitMs);
        auto* message = screen.findChild<QLabel*>(QStringLiteral("pinMessage"));
        QVERIFY(message->isVisible());
        QVERIFY(message->text().contains(QLatin1String("medkioskctl staff set-pin")));
        typePin(screen, QStringLiteral("1234"));
        QVERIFY(!screen.findChild<QPushButton*>(QStringLiteral("pinEnter"))->isEnabled());
    }

    // The window's way in (the Staff button) and its connectivity indicator from QueueStatus.
    void windowStaffButtonAndIndicator()
    {
        config::KioskConfig config;
        ui::KioskWindow window(nullptr, config);
        window.setLanguage(QStringLiteral("en"));  // the texts below are the English sources
        window.resize(1080, 1920);
        window.show();
        auto* staff = window.findChild<QPushButton*>(QStringLiteral("staffButton"));
        QVERIFY(staff);
        QVERIFY(!staff->isVisible());
        window.installStaffMode(services_);
        QVERIFY(staff->isVisible());
        QVERIFY(staff->height() >= 60);
        QTest::mouseClick(staff, Qt::LeftButton);
        QCOMPARE(window.currentScreen()->id(), ui::ScreenId::StaffPin);
        QTRY_VERIFY_WITH_TIMEOUT(!window.currentScreen()->loading(), kWaitMs);
        window.goHome();
        QCOMPARE(window.currentScreen()->id(), ui::ScreenId::Home);

        auto* indicator = window.findChild<QLabel*>(QStringLiteral("onlineIndicator"));
        QVERIFY(indicator);
        outbox::QueueStatus status;
        status.connectivity_known = true;
        status.online = false;
        // Shown in the hospital's zone (pool/timezone), whatever the machine's zone.
        status.offline_since = QDateTime(QDate(2026, 11, 23), QTime(8, 5),
                                         QTimeZone(QByteArrayLiteral("Asia/Shanghai")));
        status.waiting = 3;
        window.setQueueStatus(status);
        QVERIFY2(indicator->text().contains(QLatin1String("Offline since 08:05")),
                 qPrintable(indicator->text()));
        QVERIFY(indicator->text().contains(QLatin1String("3 waiting")));
        status.online = true;
        status.offline_since = QDateTime();
        status.waiting = 0;
        window.setQueueStatus(status);
        QCOMPARE(indicator->text(), QStringLiteral("Connected"));
    }
};

QTEST_MAIN(TstMaintenanceScreen)
#include "tst_maintenancescreen.moc"
