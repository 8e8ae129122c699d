// The face screens of issue 5 driven like a patient would, with the real dlib models and a
// SimulatedPersonCamera showing a person made from a photos/johns chip: the person steps in and
// looks at the camera, the screen says "Look straight at the camera." until it has learned the
// neutral pose, and when it shows the movement (FaceChallenge::stateChanged to NeedMove) the
// person performs it in real time. A kiosk-wide lockout persists to a new screen on the same store.
// Consent, enrollment with the challenge, identification with the challenge and the phone digits, a
// still photo and a flat photo turned (both fail the challenge, which does not count toward the
// lockout), a stranger, Decline, "Delete my face data", button sizes, the camera on only while a
// screen scans, nothing kept after reset().
#include "FaceTestData.h"
#include "SimulatedPersonTest.h"
#include "core/booking/BookingSession.h"
#include "core/face/SqlTemplateStore.h"
#include "core/store/SecureKey.h"
#include "core/store/Store.h"
#include "hw/camera/SimulatedPersonCamera.h"
#include "ui/Theme.h"
#include "ui/face/FaceChallenge.h"
#include "ui/face/FaceConsentScreen.h"
#include "ui/face/FaceEnrollScreen.h"
#include "ui/face/FaceIdentifyScreen.h"
#include "ui/face/FaceServices.h"
#include "ui/face/FaceWorker.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QtTest>

#include <memory>

using namespace mk;
using mk::face::test::scriptFor;
using mk::ui::FaceEnrollScreen;
using mk::ui::FaceIdentifyScreen;

namespace {
constexpr int kFaceTimeoutMs = 120000;  // dlib on a loaded 2-core machine
const QString kPhone = QStringLiteral("13800138000");
// photos/johns, sorted: the patient nods clearly enough for dlib's 5-point nose (see
// tst_simperson); the stranger is only asked to turn (re-entered until a turn is asked).
constexpr int kPatientPerson = 4;
constexpr int kStrangerPerson = 2;

// The slowest analysis rate the face-flow tests must pass at (issue 16: the sanitizer build on a
// busy machine analysed 0.3 frames/s): a frame every 3.3 s.
constexpr double kSlowestRate = 0.3;

// A patient who takes their time (the instruction says "slowly"): the turn is held longer than the
// gap between two analysed frames at kSlowestRate, so even then one frame sees it, and after the
// movement they look at the camera again (every later frame is back at neutral).
hw::SimulatedPersonConfig slowPerson()
{
    hw::SimulatedPersonConfig c;
    c.frames_per_second = 10.0;
    c.neutral_ms = 1000;  // reads the instruction, then moves
    c.move_ms = 1000;
    c.hold_ms = 3500;  // > 1000 / kSlowestRate
    return c;
}

// The patient reacts to the screen: when the movement is shown (queued: after the screen has
// updated its prompt), they perform it; the prompt they read then is kept in *prompt_seen. When
// the screen says "Keep going, slowly" (a slow machine: the window was extended), they do the
// movement again once the one under way is finished, and keep repeating it while the screen says
// so; while the screen still asks them to look straight at the camera, they keep still.
void performWhenAsked(ui::FaceChallenge* challenge, hw::SimulatedPersonCamera* camera, bool flat,
                      QString* prompt_seen, QLabel* prompt)
{
    QObject::connect(
        challenge, &ui::FaceChallenge::stateChanged, camera,
        [=](face::LivenessState state) {
            if (state != face::LivenessState::NeedMove) return;
            if (prompt_seen != nullptr && prompt != nullptr) *prompt_seen = prompt->text();
            camera->setScript(scriptFor(challenge->challenge(), flat));
        },
        Qt::QueuedConnection);
    auto* again = new QTimer(camera);  // the person's own pace: one movement, then the next
    again->setSingleShot(true);
    const auto repeat = [=] {
        if (!challenge->extended() || !challenge->instructionShown()) return;
        const qint64 left_ms =
            hw::SimulatedPersonCamera::movementMs(camera->config()) - camera->scriptElapsedMs();
        if (left_ms <= 0) {
            camera->setScript(scriptFor(challenge->challenge(), flat));
            again->start(int(hw::SimulatedPersonCamera::movementMs(camera->config())));
        } else {
            again->start(int(left_ms));  // finishes the movement under way first
        }
    };
    QObject::connect(again, &QTimer::timeout, challenge, repeat);
    QObject::connect(
        challenge, &ui::FaceChallenge::keepGoing, camera,
        [=](face::LivenessState state) {
            if (state == face::LivenessState::NeedNeutral)
                camera->setScript(hw::SimulatedScript::Still);
            else
                repeat();
        },
        Qt::QueuedConnection);
    QObject::connect(
        challenge, &ui::FaceChallenge::stateChanged, again, [again](face::LivenessState state) {
            if (state == face::LivenessState::Passed || state == face::LivenessState::Failed ||
                state == face::LivenessState::Unset)
                again->stop();
        });
}

fhir::Patient patient(const QString& id, int age_years)
{
    fhir::Patient p;
    p.id = id;
    p.phone = kPhone;
    p.birth_date = QDate::currentDate().addYears(-age_years).addDays(-10);
    return p;
}
}  // namespace

class TestFaceFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void consentOffered_data();
    void consentOffered();
    void declineStoresNothing();
    void enrollThenIdentify();
    void stillPhotoFailsTheChallenge_data();
    void stillPhotoFailsTheChallenge();
    void flatPhotoTurnedFailsTheChallenge();
    void flatPhotoFailsAtEveryRate_data();
    void flatPhotoFailsAtEveryRate();
    void strangerIsNotIdentified();
    void deleteMyFaceData();
    void lockoutPersistsToANewScreen();
    void buttonsAreLargeEnough();

private:
    void enroll(const QString& patient_id);
    void tapDigits(QWidget* screen, const QString& digits);
    // Enters the identify screen until it asks for a turn (or any challenge when any_challenge).
    void enterIdentify(FaceIdentifyScreen& screen, bool any_challenge);

    face::FaceEngine engine_;
    double max_rate_ = 0.0;  // the screens' analysis throttled to this (0: as fast as it goes)
    QString patient_chip_;
    QString stranger_chip_;
    std::unique_ptr<store::Store> store_;
    std::unique_ptr<face::SqlTemplateStore> templates_;
    ui::FaceServices services_;
    booking::BookingSession session_;
    ui::ScreenContext context_;
};

void TestFaceFlow::initTestCase()
{
    MK_FACE_REQUIRE_MODELS();
    QVERIFY2(engine_.load(face::test::modelsDir()), "the installed models load");
    const QStringList people = face::test::johnsPeople();
    QVERIFY(people.size() > kPatientPerson);
    patient_chip_ = face::test::johnsImages(people.at(kPatientPerson)).value(0);
    stranger_chip_ = face::test::johnsImages(people.at(kStrangerPerson)).value(0);
    QVERIFY(!patient_chip_.isEmpty() && !stranger_chip_.isEmpty());
    services_.engine = &engine_;
    context_.session = &session_;
    if (auto* app = qobject_cast<QApplication*>(QCoreApplication::instance()))
        ui::Theme::apply(*app);
}

void TestFaceFlow::init()
{
    auto s = store::Store::open(QStringLiteral(":memory:"),
                                store::SecureKey(QByteArray(store::SecureKey::kSizeBytes, 'f')));
    QVERIFY2(s, qPrintable(s ? QString() : s.error().detail));
    store_ = std::move(s.value());
    templates_ = std::make_unique<face::SqlTemplateStore>(*store_);
    services_.store = templates_.get();
    services_.camera = nullptr;
    services_.config = face::FaceConfig{};
    services_.config.liveness.time_limit_ms = 30000;  // the slow person, on a loaded machine
    session_.clear();
    session_.identified = patient(QStringLiteral("P1"), 40);
    max_rate_ = 0.0;
}

void TestFaceFlow::cleanup()
{
    services_.store = nullptr;
    templates_.reset();
    store_.reset();
}

void TestFaceFlow::tapDigits(QWidget* screen, const QString& digits)
{
    for (QChar c : digits) {
        auto* key = screen->findChild<QPushButton*>(QStringLiteral("key_") + c);
        QVERIFY(key);
        QTest::mouseClick(key, Qt::LeftButton);
    }
}

void TestFaceFlow::consentOffered_data()
{
    QTest::addColumn<int>("age");
    QTest::addColumn<bool>("guardian_enabled");
    QTest::addColumn<bool>("offered");
    QTest::newRow("adult") << 40 << false << true;
    QTest::newRow("14") << 14 << false << true;
    QTest::newRow("child, no guardian consent") << 10 << false << false;
    QTest::newRow("child, guardian consent allowed") << 10 << true << true;
}

void TestFaceFlow::consentOffered()
{
    QFETCH(int, age);
    QFETCH(bool, guardian_enabled);
    QFETCH(bool, offered);
    services_.config.enrollment.guardian_consent_enabled = guardian_enabled;
    session_.identified = patient(QStringLiteral("P7"), age);
    ui::FaceConsentScreen consent(context_, services_);
    consent.enter();
    QCOMPARE(consent.offered(), offered);
    auto* agree = consent.findChild<QPushButton*>(QStringLiteral("face_agree"));
    QVERIFY(agree);
    QCOMPARE(agree->isEnabled(), offered);
}

void TestFaceFlow::declineStoresNothing()
{
    ui::FaceConsentScreen consent(context_, services_);
    QSignalSpy agreed(&consent, &ui::FaceConsentScreen::agreed);
    consent.enter();
    QVERIFY(consent.offered());
    QTest::mouseClick(consent.findChild<QPushButton*>(QStringLiteral("face_decline")),
                      Qt::LeftButton);
    QCOMPARE(agreed.size(), 0);
    QVERIFY(!templates_->consent(QStringLiteral("P1")).value().has_value());
    QVERIFY(templates_->loadTemplates(QDateTime::currentDateTimeUtc()).value().empty());
}

void TestFaceFlow::enroll(const QString& patient_id)
{
    hw::SimulatedPersonCamera camera(slowPerson());
    QVERIFY(camera.loadPortrait(patient_chip_));
    camera.setScript(hw::SimulatedScript::Absent);
    services_.camera = &camera;
    session_.identified = patient(patient_id, 40);
    ui::FaceConsentScreen consent(context_, services_);
    FaceEnrollScreen enroll_screen(context_, services_);
    connect(&consent, &ui::FaceConsentScreen::agreed, &enroll_screen,
            &FaceEnrollScreen::setConsent);
    QSignalSpy go(&consent, &ui::Screen::goTo);
    consent.enter();
    QTest::mouseClick(consent.findChild<QPushButton*>(QStringLiteral("face_agree")),
                      Qt::LeftButton);
    QCOMPARE(go.size(), 1);
    QCOMPARE(go.at(0).at(0).value<ui::ScreenId>(), ui::ScreenId::FaceEnroll);
    // Agreeing alone stores nothing: consent and template are saved together.
    QVERIFY(!templates_->consent(patient_id).value().has_value());

    QSignalSpy enrolled(&enroll_screen, &FaceEnrollScreen::enrolled);
    enroll_screen.worker()->setMaxAnalysisRate(max_rate_);
    QVERIFY(!camera.isActive());
    auto* prompt = enroll_screen.findChild<QLabel*>(QStringLiteral("face_prompt"));
    QVERIFY(prompt);
    QString prompt_seen;
    performWhenAsked(enroll_screen.faceChallenge(), &camera, false, &prompt_seen, prompt);
    enroll_screen.enter();
    QCOMPARE(enroll_screen.phase(), FaceEnrollScreen::Phase::Liveness);
    QVERIFY(camera.isActive());  // the screen powers the camera while it scans
    QVERIFY(enroll_screen.challenge() != face::LivenessChallenge::Unset);
    // Not the movement yet: first the neutral pose, while the person looks at the camera.
    QCOMPARE(prompt->text(), face::LivenessCheck::neutralInstruction());
    QVERIFY(!enroll_screen.worker()->wantDescriptor());  // landmarks only during the challenge
    camera.setScript(hw::SimulatedScript::Still);        // steps in and looks at the camera
    QTRY_VERIFY_WITH_TIMEOUT(!enroll_screen.loading(), kFaceTimeoutMs);
    QCOMPARE(prompt_seen, face::LivenessCheck::instruction(enroll_screen.challenge()));
    QCOMPARE(enroll_screen.phase(), FaceEnrollScreen::Phase::Done);
    QCOMPARE(enrolled.size(), 1);
    QVERIFY(!enroll_screen.holdsFrame());
    QVERIFY(!enroll_screen.worker()->active());
    QVERIFY(!camera.isActive());
    qInfo() << "enroll:" << face::LivenessCheck::name(enroll_screen.challenge())
            << "frames analysed" << enroll_screen.worker()->framesAnalysed()
            << "of which landmarks only" << enroll_screen.worker()->framesLandmarksOnly()
            << "dropped" << enroll_screen.worker()->framesDropped();
    QVERIFY(templates_->consent(patient_id).value().has_value());
    enroll_screen.reset();
    QVERIFY(!enroll_screen.holdsFrame());
    services_.camera = nullptr;
}

void TestFaceFlow::enterIdentify(FaceIdentifyScreen& screen, bool any_challenge)
{
    for (int i = 0; i < 100; ++i) {
        screen.enter();
        QCOMPARE(screen.phase(), FaceIdentifyScreen::Phase::Scanning);
        if (any_challenge || screen.challenge() != face::LivenessChallenge::Nod) return;
        screen.reset();
    }
    QFAIL("no turn asked in 100 attempts");
}

void TestFaceFlow::enrollThenIdentify()
{
    enroll(QStringLiteral("P1"));
    if (QTest::currentTestFailed()) return;
    QCOMPARE(templates_->loadTemplates(QDateTime::currentDateTimeUtc()).value().size(), size_t(1));

    session_.clear();  // a new visit: nobody identified yet
    hw::SimulatedPersonCamera camera(slowPerson());
    QVERIFY(camera.loadPortrait(patient_chip_));
    camera.setScript(hw::SimulatedScript::Absent);
    services_.camera = &camera;
    FaceIdentifyScreen identify(context_, services_);
    QSignalSpy identified(&identify, &FaceIdentifyScreen::identified);
    QSignalSpy phases(&identify, &FaceIdentifyScreen::phaseChanged);
    auto* prompt = identify.findChild<QLabel*>(QStringLiteral("face_prompt"));
    QString prompt_seen;
    performWhenAsked(identify.faceChallenge(), &camera, false, &prompt_seen, prompt);
    enterIdentify(identify, true);
    QVERIFY(camera.isActive());
    auto* progress = identify.findChild<QLabel*>(QStringLiteral("face_progress"));
    QVERIFY(progress && progress->text().contains(QStringLiteral("1 of 2")));
    QCOMPARE(prompt->text(), face::LivenessCheck::neutralInstruction());
    camera.setScript(hw::SimulatedScript::Still);
    QTRY_VERIFY_WITH_TIMEOUT(!identify.loading(), kFaceTimeoutMs);
    QCOMPARE(prompt_seen, face::LivenessCheck::instruction(identify.challenge()));
    QCOMPARE(identify.phase(), FaceIdentifyScreen::Phase::Digits);
    // Through step 2 (matching) after the challenge.
    bool matched = false;
    for (const QList<QVariant>& p : phases)
        matched = matched ||
                  p.at(0).value<FaceIdentifyScreen::Phase>() == FaceIdentifyScreen::Phase::Matching;
    QVERIFY(matched);
    QVERIFY(!identify.holdsFrame());
    QVERIFY(!camera.isActive());
    // The patient sees how many digits they typed, never the digits (issue 12).
    auto* typed = identify.findChild<QLabel*>(QStringLiteral("face_typed"));
    QVERIFY(typed && typed->isVisibleTo(&identify));
    QCOMPARE(typed->text(), QStringLiteral("\u25CB\u25CB\u25CB\u25CB"));
    tapDigits(&identify, QStringLiteral("12"));
    QCOMPARE(typed->text(), QStringLiteral("\u25CF\u25CF\u25CB\u25CB"));
    tapDigits(&identify, QStringLiteral("34"));  // wrong digits: 1234
    QCOMPARE(identify.phase(), FaceIdentifyScreen::Phase::Digits);
    QCOMPARE(typed->text(), QStringLiteral("\u25CB\u25CB\u25CB\u25CB"));
    QCOMPARE(identified.size(), 0);
    tapDigits(&identify, kPhone.right(4));
    QCOMPARE(identify.phase(), FaceIdentifyScreen::Phase::Identified);
    QCOMPARE(identified.size(), 1);
    QCOMPARE(identified.at(0).at(0).toString(), QStringLiteral("P1"));
    identify.reset();
    QVERIFY(!identify.holdsCandidate());
    QVERIFY(!identify.holdsFrame());
    QVERIFY(identify.identifiedPatientId().isEmpty());
    QCOMPARE(identify.challenge(), face::LivenessChallenge::Unset);
    services_.camera = nullptr;
}

// A photo held still in front of the camera: the challenge fails with its sentence and a retry,
// and a failed challenge is not a face mismatch (one mismatch would lock here). Also on a machine
// that analyses kSlowestRate frames per second (issue 16): the patient's enrollment before it
// passes, the photo still fails (later: the window is extended while evidence is missing).
void TestFaceFlow::stillPhotoFailsTheChallenge_data()
{
    QTest::addColumn<double>("frames_per_s");
    QTest::newRow("as fast as the machine goes") << 0.0;
    QTest::addRow("%g analysed frames/s", kSlowestRate) << kSlowestRate;
}

void TestFaceFlow::stillPhotoFailsTheChallenge()
{
    QFETCH(double, frames_per_s);
    max_rate_ = frames_per_s;
    enroll(QStringLiteral("P1"));
    if (QTest::currentTestFailed()) return;
    services_.config.liveness.time_limit_ms = 4000;
    services_.config.identify.max_failures = 1;
    hw::SimulatedPersonCamera camera(slowPerson());
    QVERIFY(camera.loadPortrait(patient_chip_));
    camera.setScript(hw::SimulatedScript::Still);
    services_.camera = &camera;
    FaceIdentifyScreen identify(context_, services_);
    identify.worker()->setMaxAnalysisRate(max_rate_);
    QSignalSpy identified(&identify, &FaceIdentifyScreen::identified);
    for (int attempt = 0; attempt < 2; ++attempt) {
        enterIdentify(identify, true);  // not LockedOut after the first failure
        QTRY_VERIFY_WITH_TIMEOUT(!identify.loading(), kFaceTimeoutMs);
        QCOMPARE(identify.phase(), FaceIdentifyScreen::Phase::ChallengeFailed);
        QVERIFY(identify.findChild<QLabel*>(QStringLiteral("face_prompt"))
                    ->text()
                    .contains(QStringLiteral("could not see the head movement")));
        auto* retry = identify.findChild<QPushButton*>(QStringLiteral("face_retry"));
        QVERIFY(retry && !retry->isHidden());
        QVERIFY(!identify.holdsFrame());
        QVERIFY(!identify.holdsCandidate());
        QVERIFY(!camera.isActive());
    }
    QCOMPARE(identified.size(), 0);
    services_.camera = nullptr;
}

void TestFaceFlow::flatPhotoTurnedFailsTheChallenge()
{
    enroll(QStringLiteral("P1"));
    if (QTest::currentTestFailed()) return;
    services_.config.liveness.time_limit_ms = 12000;  // the whole slow movement fits
    hw::SimulatedPersonCamera camera(slowPerson());
    QVERIFY(camera.loadPortrait(patient_chip_));
    camera.setScript(hw::SimulatedScript::Absent);
    services_.camera = &camera;
    FaceIdentifyScreen identify(context_, services_);
    QSignalSpy identified(&identify, &FaceIdentifyScreen::identified);
    performWhenAsked(identify.faceChallenge(), &camera, true, nullptr, nullptr);
    enterIdentify(identify, true);
    camera.setScript(hw::SimulatedScript::Still);  // the photo held up, turned as asked
    QTRY_VERIFY_WITH_TIMEOUT(!identify.loading(), kFaceTimeoutMs);
    QCOMPARE(identify.phase(), FaceIdentifyScreen::Phase::ChallengeFailed);
    QCOMPARE(identified.size(), 0);
    services_.camera = nullptr;
}

// Issue 16: the analysis throttled to a slower machine's rate; a photo held up and turned as asked
// (and again when the screen says "Keep going") fails the enrollment challenge at every rate, and
// nothing is stored.
void TestFaceFlow::flatPhotoFailsAtEveryRate_data()
{
    QTest::addColumn<double>("frames_per_s");
    for (double rate : {15.0, 8.0, 5.0, 3.0}) QTest::addRow("%g analysed frames/s", rate) << rate;
}

void TestFaceFlow::flatPhotoFailsAtEveryRate()
{
    QFETCH(double, frames_per_s);
    services_.config.liveness = face::LivenessConfig{};  // the kiosk's own limits
    hw::SimulatedPersonCamera camera(slowPerson());
    QVERIFY(camera.loadPortrait(patient_chip_));
    camera.setScript(hw::SimulatedScript::Absent);
    services_.camera = &camera;
    FaceEnrollScreen screen(context_, services_);
    screen.worker()->setMaxAnalysisRate(frames_per_s);
    QCOMPARE(screen.worker()->maxAnalysisRate(), frames_per_s);
    screen.setConsent(face::Enrollment::makeConsent(QStringLiteral("P1"), 40, false,
                                                    QDateTime::currentDateTimeUtc(),
                                                    services_.config.enrollment));
    performWhenAsked(screen.faceChallenge(), &camera, true, nullptr, nullptr);
    screen.enter();
    QCOMPARE(screen.phase(), FaceEnrollScreen::Phase::Liveness);
    camera.setScript(hw::SimulatedScript::Still);  // the photo held up
    QTRY_VERIFY_WITH_TIMEOUT(!screen.loading(), kFaceTimeoutMs);
    QCOMPARE(screen.phase(), FaceEnrollScreen::Phase::Failed);
    QVERIFY(screen.worker()->framesAnalysed() > 0);
    QVERIFY(templates_->loadTemplates(QDateTime::currentDateTimeUtc()).value().empty());
    QVERIFY(!templates_->consent(QStringLiteral("P1")).value().has_value());
    services_.camera = nullptr;
}

void TestFaceFlow::strangerIsNotIdentified()
{
    enroll(QStringLiteral("P1"));
    if (QTest::currentTestFailed()) return;
    hw::SimulatedPersonCamera camera(slowPerson());
    QVERIFY(camera.loadPortrait(stranger_chip_));
    camera.setScript(hw::SimulatedScript::Absent);
    services_.camera = &camera;
    FaceIdentifyScreen identify(context_, services_);
    QSignalSpy identified(&identify, &FaceIdentifyScreen::identified);
    performWhenAsked(identify.faceChallenge(), &camera, false, nullptr, nullptr);
    enterIdentify(identify, false);
    camera.setScript(hw::SimulatedScript::Still);
    QTRY_VERIFY_WITH_TIMEOUT(!identify.loading(), kFaceTimeoutMs);
    QCOMPARE(identify.phase(), FaceIdentifyScreen::Phase::NotFound);
    QCOMPARE(identified.size(), 0);
    QVERIFY(!identify.holdsCandidate());
    services_.camera = nullptr;
}

void TestFaceFlow::deleteMyFaceData()
{
    enroll(QStringLiteral("P1"));
    if (QTest::currentTestFailed()) return;
    QCOMPARE(templates_->loadTemplates(QDateTime::currentDateTimeUtc()).value().size(), size_t(1));
    ui::FaceConsentScreen consent(context_, services_);
    QSignalSpy deleted(&consent, &ui::FaceConsentScreen::faceDataDeleted);
    consent.enter();
    QTest::mouseClick(consent.findChild<QPushButton*>(QStringLiteral("face_delete")),
                      Qt::LeftButton);
    QCOMPARE(deleted.size(), 1);
    QCOMPARE(deleted.at(0).at(0).toInt(), 1);
    QVERIFY(templates_->loadTemplates(QDateTime::currentDateTimeUtc()).value().empty());
    QVERIFY(!templates_->consent(QStringLiteral("P1")).value().has_value());
}

// max_failures wrong digits after a matched face lock face sign-in kiosk-wide; the lockout is in
// the store, so a new screen (the kiosk restarted) on the same store is locked too, also with a
// clock of its own (setClock builds a new Identifier, attached to the store as well).
void TestFaceFlow::lockoutPersistsToANewScreen()
{
    // The patient's template straight into the store (the enrollment path has its own tests).
    auto chip = engine_.analyzeChip(QImage(patient_chip_));
    QVERIFY(chip && chip.value().descriptor);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    face::FaceTemplate t;
    t.patient_id = QStringLiteral("P1");
    t.descriptor = *chip.value().descriptor;
    t.phone_last4 = kPhone.right(4);
    t.created_at = now;
    t.expires_at = now.addDays(365);
    const face::EnrollmentConfig enroll_config;
    QVERIFY(face::Enrollment::save(
        *templates_, face::Enrollment::makeConsent(t.patient_id, 40, false, now, enroll_config), t,
        enroll_config));
    services_.config.identify.max_failures = 2;
    hw::SimulatedPersonCamera camera(slowPerson());
    QVERIFY(camera.loadPortrait(patient_chip_));
    camera.setScript(hw::SimulatedScript::Absent);
    services_.camera = &camera;
    {
        FaceIdentifyScreen identify(context_, services_);
        performWhenAsked(identify.faceChallenge(), &camera, false, nullptr, nullptr);
        enterIdentify(identify, true);
        camera.setScript(hw::SimulatedScript::Still);
        QTRY_VERIFY_WITH_TIMEOUT(!identify.loading(), kFaceTimeoutMs);
        QCOMPARE(identify.phase(), FaceIdentifyScreen::Phase::Digits);
        tapDigits(&identify, QStringLiteral("1111"));
        QCOMPARE(identify.phase(), FaceIdentifyScreen::Phase::Digits);
        tapDigits(&identify, QStringLiteral("2222"));
        QCOMPARE(identify.phase(), FaceIdentifyScreen::Phase::LockedOut);
        identify.enter();
        QCOMPARE(identify.phase(), FaceIdentifyScreen::Phase::LockedOut);
    }
    FaceIdentifyScreen restarted(context_, services_);
    restarted.enter();
    QCOMPARE(restarted.phase(), FaceIdentifyScreen::Phase::LockedOut);
    QVERIFY(!camera.isActive());  // locked: the camera is not even started
    QVERIFY(restarted.findChild<QLabel*>(QStringLiteral("face_prompt"))
                ->text()
                .contains(QStringLiteral("paused")));
    FaceIdentifyScreen with_clock(context_, services_);
    with_clock.setClock([] { return QDateTime::currentMSecsSinceEpoch(); });
    with_clock.enter();
    QCOMPARE(with_clock.phase(), FaceIdentifyScreen::Phase::LockedOut);
    // A clock past the lockout: face sign-in is offered again.
    with_clock.setClock([] {
        return QDateTime::currentMSecsSinceEpoch() + 2000LL * face::IdentifyConfig{}.lockout_s;
    });
    with_clock.enter();
    QCOMPARE(with_clock.phase(), FaceIdentifyScreen::Phase::Scanning);
    with_clock.reset();
    services_.camera = nullptr;
}

void TestFaceFlow::buttonsAreLargeEnough()
{
    ui::FaceConsentScreen consent(context_, services_);
    FaceEnrollScreen enroll_screen(context_, services_);
    FaceIdentifyScreen identify(context_, services_);
    consent.enter();
    for (QWidget* w : {static_cast<QWidget*>(&consent), static_cast<QWidget*>(&enroll_screen),
                       static_cast<QWidget*>(&identify)}) {
        w->resize(1080, 1920);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        for (QPushButton* b : w->findChildren<QPushButton*>()) {
            if (!b->isVisible()) continue;
            QVERIFY2(b->height() >= 60, qPrintable(b->objectName() + QStringLiteral(" ") +
                                                   QString::number(b->height())));
        }
    }
    auto* agree = consent.findChild<QPushButton*>(QStringLiteral("face_agree"));
    auto* decline = consent.findChild<QPushButton*>(QStringLiteral("face_decline"));
    QCOMPARE(agree->size(), decline->size());
}

QTEST_MAIN(TestFaceFlow)
#include "tst_faceflow.moc"
