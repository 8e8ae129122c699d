// The check-in screen driven through the KioskWindow like a patient would: the Check-in button
// on Home, a keyboard-wedge scanner typing the appointment code (fast key bursts ending with
// Enter), the number shown very large; online, the same code again, offline with a provisional
// number replaced on screen when the relay delivers, a refused code, no printer.
#include "CheckinFixture.h"
#include "core/config/KioskConfig.h"
#include "ui/KioskWindow.h"
#include "ui/screens/CheckinScreen.h"

#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace mk;
using namespace mk::ui;
using mk::checkin::test::CheckinFixture;

class TestCheckinFlow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CheckinFixture> fx_;
    config::KioskConfig config_;
    std::unique_ptr<KioskWindow> window_;

    CheckinScreen* screen() const
    {
        return static_cast<CheckinScreen*>(window_->screen(ScreenId::Checkin));
    }
    QLabel* label(const char* name) const
    {
        return window_->findChild<QLabel*>(QLatin1String(name));
    }
    void openCheckin()
    {
        window_->goHome();
        auto* button = window_->findChild<QPushButton*>(QStringLiteral("checkinButton"));
        QVERIFY(button != nullptr);
        QVERIFY(button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_COMPARE(window_->currentScreen()->id(), ScreenId::Checkin);
    }
    void scan(const QString& code)
    {
        QTest::keyClicks(window_.get(), code);
        QTest::keyClick(window_.get(), Qt::Key_Return);
    }

private Q_SLOTS:
    void init()
    {
        fx_ = std::make_unique<CheckinFixture>();
        const QString error = fx_->start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        window_ = std::make_unique<KioskWindow>(nullptr, config_);
        CheckinDevices devices;
        devices.service = fx_->service.get();  // no printer, no speaker: the photo note
        window_->installCheckin(devices);
        window_->resize(1080, 1920);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }
    void cleanup()
    {
        window_.reset();
        fx_.reset();
    }

    void onlineScanShowsNumber()
    {
        QString id;
        const QString token = fx_->newToken(&id);
        QVERIFY(!token.isEmpty());
        openCheckin();
        scan(token);
        QTRY_VERIFY_WITH_TIMEOUT(screen()->showingResult(), 30000);
        const int number = screen()->outcome().record.visit_number;
        QVERIFY(number > 0 && number < 9000);
        QCOMPARE(label("checkinNumber")->text(), QString::number(number));
        QVERIFY(label("checkinNumber")->font().pixelSize() >= 120);
        QVERIFY(!label("checkinProvisional")->isVisible());
        QVERIFY(label("checkinPatient")->text().contains(QLatin1Char('*')));
        QVERIFY(label("checkinDeviceNote")->isVisible());  // no printer here
        QVERIFY(label("checkinDeviceNote")->text().contains(QStringLiteral("photo")));
        QCOMPARE(fx_->sim->commandStats().checkins_applied, 1);

        // The same code again (another visit to the screen): the same number, applied once.
        openCheckin();
        QVERIFY(!screen()->showingResult());
        scan(token);
        QTRY_VERIFY_WITH_TIMEOUT(screen()->showingResult(), 30000);
        QCOMPARE(label("checkinNumber")->text(), QString::number(number));
        QVERIFY(screen()->outcome().repeated);
        QCOMPARE(fx_->sim->commandStats().checkins_applied, 1);
    }

    void offlineProvisionalThenConfirmed()
    {
        QString id;
        const QString token = fx_->newToken(&id);
        QVERIFY(!token.isEmpty());
        fx_->outage(true);
        openCheckin();
        scan(token);
        QTRY_VERIFY_WITH_TIMEOUT(screen()->showingResult(), 30000);
        const int provisional = screen()->outcome().record.visit_number;
        QVERIFY(provisional >= 9000 && provisional <= 9999);
        QCOMPARE(label("checkinNumber")->text(), QString::number(provisional));
        QVERIFY(label("checkinProvisional")->isVisible());

        fx_->outage(false);
        QTRY_VERIFY_WITH_TIMEOUT(!label("checkinProvisional")->isVisible(), 60000);
        const int real = label("checkinNumber")->text().toInt();
        QVERIFY(real > 0 && real < 9000);
        QCOMPARE(fx_->sim->commandStats().checkins_applied, 1);
        auto at_pool = fx_->lookup->appointment(id);
        QVERIFY(at_pool.ok());
        QCOMPARE(at_pool.value().visit_sequence, real);
    }

    void refusedCodeStaysOnScanPage()
    {
        openCheckin();
        const int requests = fx_->simRequests();
        scan(QStringLiteral("https://example.com/pay?id=42"));
        QTRY_VERIFY_WITH_TIMEOUT(screen()->outcome().status != checkin::CheckinStatus::Unset,
                                 30000);
        QCOMPARE(screen()->outcome().status, checkin::CheckinStatus::Refused);
        QVERIFY(!screen()->showingResult());
        QVERIFY(!label("checkinScanMessage")->text().isEmpty());
        QCOMPARE(fx_->simRequests(), requests);
    }

    void idleClearsTheNumber()
    {
        const QString token = fx_->newToken();
        openCheckin();
        scan(token);
        QTRY_VERIFY_WITH_TIMEOUT(screen()->showingResult(), 30000);
        window_->goHome();
        QVERIFY(label("checkinNumber")->text().isEmpty());
        QVERIFY(label("checkinPatient")->text().isEmpty());
    }
};

QTEST_MAIN(TestCheckinFlow)
#include "tst_checkinflow.moc"
