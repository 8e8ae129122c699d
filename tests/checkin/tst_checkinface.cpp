// Check-in by face (issue 12, item 8): on the check-in screen "Sign in with your face" -> the
// face identify screen with the real dlib models and the simulated person camera doing the
// liveness challenge -> the last four phone digits -> back on the check-in screen with today's
// appointments of that patient and their children -> one tapped -> the visit number. The
// patient's template is stored beforehand (enrolment is tests/gui/tst_kioskface). Against the
// pool simulator over real HTTP. Needs the models (scripts/fetch-face-models.sh): a skip without
// them, a failure with CI=true.
#include "CheckinDevicesFixture.h"
#include "CheckinFixture.h"
#include "FaceTestData.h"
#include "SimulatedPersonTest.h"
#include "TestSkip.h"
#include "core/common/HospitalClock.h"
#include "core/config/KioskConfig.h"
#include "core/face/SqlTemplateStore.h"
#include "face_auth/Enrollment.h"
#include "face_auth/FaceEngine.h"
#include "hw/camera/SimulatedPersonCamera.h"
#include "ui/KioskWindow.h"
#include "ui/access/Spoken.h"
#include "ui/checkin/ArrivalListPage.h"
#include "ui/checkin/CheckinFaceLink.h"
#include "ui/face/FaceIdentifyScreen.h"
#include "ui/face/FaceServices.h"
#include "ui/screens/CheckinScreen.h"

#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>

using namespace mk;
using namespace mk::ui;
using namespace mk::checkin::test;

namespace {
constexpr int kWaitMs = 60000;
constexpr int kFaceWaitMs = 120000;
constexpr int kAttempts = 3;
}  // namespace

class TestCheckinFace : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CheckinFixture> fx_;
    config::KioskConfig config_;
    face::FaceEngine engine_;
    std::unique_ptr<face::SqlTemplateStore> templates_;
    std::unique_ptr<hw::SimulatedPersonCamera> camera_;
    FaceServices services_;
    std::unique_ptr<KioskWindow> window_;
    QTimer patient_;  // the simulated patient reading the prompt

    QWidget* current() const { return window_->currentScreen(); }
    void tap(const QString& name)
    {
        auto* b = current() != nullptr ? current()->findChild<QPushButton*>(name) : nullptr;
        QVERIFY2(b != nullptr && b->isVisible() && b->isEnabled(), qPrintable(name));
        QTest::mouseClick(b, Qt::LeftButton);
    }
    // Reads the prompt like a patient and makes each movement asked once when it appears.
    void performWhenAsked(QWidget* screen)
    {
        auto* prompt = screen->findChild<QLabel*>(QStringLiteral("face_prompt"));
        QVERIFY(prompt);
        camera_->setScript(hw::SimulatedScript::Still);
        patient_.stop();
        patient_.disconnect();
        patient_.setInterval(30);
        connect(&patient_, &QTimer::timeout, this, [this, prompt, last = QString()]() mutable {
            if (prompt->text() == last) return;
            last = prompt->text();
            for (auto c : {face::LivenessChallenge::TurnLeft, face::LivenessChallenge::TurnRight,
                           face::LivenessChallenge::Nod}) {
                if (last.endsWith(face::LivenessCheck::instruction(c)))
                    camera_->setScript(face::test::scriptFor(c));
            }
        });
        patient_.start();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!face::test::missingModels().isEmpty() || face::test::johnsPeople().isEmpty() ||
            !engine_.load(face::test::modelsDir()).ok()) {
            MK_SKIP_OR_FAIL_IN_CI(QStringLiteral("face models or photos absent under ") +
                                  face::test::modelsDir());
        }
        fx_ = std::make_unique<CheckinFixture>();
        const QString error = fx_->start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        hw::SimulatedPersonConfig person;
        person.frames_per_second = 10.0;
        person.neutral_ms = 1000;
        person.move_ms = 1000;
        person.hold_ms = 1500;
        camera_ = std::make_unique<hw::SimulatedPersonCamera>(person);
        QVERIFY(camera_->loadPortrait(
            face::test::johnsImages(face::test::johnsPeople().first()).value(0)));
        camera_->setScript(hw::SimulatedScript::Still);
        templates_ = std::make_unique<face::SqlTemplateStore>(*fx_->store);
        services_.engine = &engine_;
        services_.store = templates_.get();
        services_.camera = camera_.get();
        window_ = std::make_unique<KioskWindow>(nullptr, config_);
        CheckinDevices devices;
        devices.service = fx_->service.get();
        window_->installCheckin(devices);
        window_->installFace(services_);
        QVERIFY(linkFaceToCheckin(*window_));
        window_->setIdleTimeoutMs(10 * 60 * 1000);
        window_->resize(1080, 1920);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }
    void cleanupTestCase()
    {
        patient_.stop();
        window_.reset();
        camera_.reset();
        templates_.reset();
        fx_.reset();
    }

    void faceThenChoose_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
        QTest::newRow("en") << QStringLiteral("en");
    }
    void faceThenChoose()
    {
        QFETCH(QString, language);
        // pat-1001 (phone ...8000), guardian of pat-1002: the simulated person's face is theirs.
        auto analysis = engine_.analyze(camera_->renderAt(0));
        QVERIFY2(
            analysis.ok() && analysis.value().descriptor.has_value(),
            qPrintable(analysis.ok() ? QStringLiteral("no descriptor") : analysis.error().detail));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(templates_->deletePatient(QStringLiteral("pat-1001")).ok());
        face::FaceTemplate t;
        t.patient_id = QStringLiteral("pat-1001");
        t.descriptor = *analysis.value().descriptor;
        t.phone_last4 = QStringLiteral("8000");
        t.created_at = now;
        t.expires_at = now.addDays(30);
        QVERIFY(templates_
                    ->saveConsent(face::Enrollment::makeConsent(t.patient_id, 40, false, now,
                                                                services_.config.enrollment))
                    .ok());
        QVERIFY(templates_->saveTemplate(t).ok());
        const QDate day = QDateTime::currentDateTimeUtc()
                              .toTimeZone(HospitalClock::zoneFor(QByteArray("Asia/Shanghai")))
                              .date()
                              .addDays(language == QLatin1String("en") ? 2 : 1);
        auto own =
            bookFor(*fx_->client, QStringLiteral("pat-1001"), QStringLiteral("dept-ped"), day);
        auto child =
            bookFor(*fx_->client, QStringLiteral("pat-1002"), QStringLiteral("dept-resp"), day);
        QVERIFY(own.ok() && child.ok());
        fx_->setNow(own.value().start.toUTC().addSecs(-600));

        window_->setLanguage(language);
        window_->goHome();
        tap(QStringLiteral("checkinButton"));
        QTRY_COMPARE(window_->currentScreen()->id(), ScreenId::Checkin);
        tap(QStringLiteral("checkinFace"));
        QCOMPARE(window_->currentScreen()->id(), ScreenId::FaceIdentify);
        auto* face = qobject_cast<FaceIdentifyScreen*>(current());
        QVERIFY(face);
        for (int attempt = 1; attempt <= kAttempts; ++attempt) {
            if (attempt > 1) tap(QStringLiteral("face_retry"));
            performWhenAsked(face);
            QTRY_VERIFY_WITH_TIMEOUT(
                face->phase() == FaceIdentifyScreen::Phase::Digits || !face->loading(),
                kFaceWaitMs);
            if (face->phase() != FaceIdentifyScreen::Phase::ChallengeFailed) break;
        }
        patient_.stop();
        QCOMPARE(face->phase(), FaceIdentifyScreen::Phase::Digits);
        for (const QChar c : QStringLiteral("8000")) tap(QStringLiteral("key_") + c);

        // Back on the check-in screen with the guardian's and the child's appointments.
        QTRY_COMPARE_WITH_TIMEOUT(window_->currentScreen()->id(), ScreenId::Checkin, kWaitMs);
        auto* screen = static_cast<CheckinScreen*>(current());
        QTRY_VERIFY_WITH_TIMEOUT(screen->showingChoices(), kWaitMs);
        QVERIFY(!camera_->isActive());
        auto* page = window_->findChild<ArrivalListPage*>();
        QCOMPARE(page->choiceButtons().size(), 2);
        const int own_row = page->list().today.at(0).appointment_id == own.value().id ? 0 : 1;
        QTest::mouseClick(page->choiceButtons().at(own_row), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(screen->showingResult(), kWaitMs);
        QCOMPARE(screen->outcome().status, checkin::CheckinStatus::CheckedIn);
        QCOMPARE(screen->outcome().record.appointment_id, own.value().id);
        const int number = screen->outcome().record.visit_number;
        QVERIFY(number > 0 && number < 9000);
        // Read aloud (issue 12): the number as a sentence of its own, character by character.
        const QString spoken = screen->spokenSummary();
        const QRegularExpression said(
            QStringLiteral("(^|[\\s.。:：])%1[.。]")
                .arg(QRegularExpression::escape(spelledOut(QString::number(number)))));
        QVERIFY2(spoken.contains(said), qPrintable(spoken));
        QVERIFY(templates_->deletePatient(QStringLiteral("pat-1001")).ok());
    }
};

QTEST_MAIN(TestCheckinFace)
#include "tst_checkinface.moc"
