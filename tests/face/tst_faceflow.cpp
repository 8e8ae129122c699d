// The face screens of issue 5 driven like a patient would, with the real dlib models and a
// FolderCamera playing frames made from the photos/johns pictures: consent, enrollment (liveness
// challenge switched off through FaceServices::liveness_required, because a still picture cannot
// pass it by design; tst_liveness covers the challenge), identification with the phone digits, a
// stranger, Decline, "Delete my face data", button sizes, nothing kept after reset().
#include "FaceTestData.h"
#include "Theme.h"
#include "booking/BookingSession.h"
#include "camera/FolderCamera.h"
#include "face/FaceConsentScreen.h"
#include "face/FaceEnrollScreen.h"
#include "face/FaceIdentifyScreen.h"
#include "face/FaceServices.h"
#include "face/FaceWorker.h"
#include "face/SqlTemplateStore.h"
#include "store/SecureKey.h"
#include "store/Store.h"

#include <QApplication>
#include <QPainter>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace mk;
using mk::ui::FaceEnrollScreen;
using mk::ui::FaceIdentifyScreen;

namespace {
constexpr int kFaceTimeoutMs = 120000;  // dlib on a loaded 2-core machine
const QString kPhone = QStringLiteral("13800138000");

QImage frameWithChip(const QImage& chip, int face_px)
{
    QImage frame(640, 480, QImage::Format_RGB888);
    frame.fill(QColor(120, 125, 130));
    QPainter p(&frame);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(QRect((640 - face_px) / 2, (480 - face_px) / 2, face_px, face_px), chip);
    return frame;
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
    void strangerIsNotIdentified();
    void deleteMyFaceData();
    void buttonsAreLargeEnough();

private:
    QString makeFolder(const QString& name, const QString& photo, int copies);
    void enroll(const QString& patient_id, const QString& folder);
    void tapDigits(QWidget* screen, const QString& digits);

    QTemporaryDir dir_;
    face::FaceEngine engine_;
    QString enroll_folder_;
    QString same_person_folder_;
    QString stranger_folder_;
    std::unique_ptr<store::Store> store_;
    std::unique_ptr<face::SqlTemplateStore> templates_;
    ui::FaceServices services_;
    booking::BookingSession session_;
    ui::ScreenContext context_;
};

QString TestFaceFlow::makeFolder(const QString& name, const QString& photo, int copies)
{
    QDir(dir_.path()).mkpath(name);
    const QString folder = QDir(dir_.path()).filePath(name);
    const QImage frame = frameWithChip(QImage(photo), 300);
    for (int i = 0; i < copies; ++i)
        frame.save(QDir(folder).filePath(QStringLiteral("f%1.png").arg(i)));
    return folder;
}

void TestFaceFlow::initTestCase()
{
    MK_FACE_REQUIRE_MODELS();
    QVERIFY(dir_.isValid());
    QVERIFY2(engine_.load(face::test::modelsDir()), "the installed models load");
    const QStringList people = face::test::johnsPeople();
    const QStringList a = face::test::johnsImages(people.at(0));
    const QStringList b = face::test::johnsImages(people.at(1));
    QVERIFY(a.size() >= 2);
    QVERIFY(!b.isEmpty());
    enroll_folder_ = makeFolder(QStringLiteral("enroll"), a.at(0), 3);
    same_person_folder_ = makeFolder(QStringLiteral("same"), a.at(1), 2);
    stranger_folder_ = makeFolder(QStringLiteral("stranger"), b.at(0), 2);
    services_.engine = &engine_;
    services_.liveness_required = false;  // still pictures: see the file comment
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
    session_.clear();
    session_.identified = patient(QStringLiteral("P1"), 40);
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

void TestFaceFlow::enroll(const QString& patient_id, const QString& folder)
{
    hw::FolderCamera camera(hw::FolderCameraConfig{folder, 10.0, true, {}});
    services_.camera = &camera;
    QVERIFY(camera.start());
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
    enroll_screen.enter();
    QCOMPARE(enroll_screen.phase(), FaceEnrollScreen::Phase::Collecting);
    QTRY_VERIFY_WITH_TIMEOUT(enroll_screen.phase() != FaceEnrollScreen::Phase::Collecting,
                             kFaceTimeoutMs);
    QCOMPARE(enroll_screen.phase(), FaceEnrollScreen::Phase::Done);
    QCOMPARE(enrolled.size(), 1);
    QVERIFY(!enroll_screen.holdsFrame());
    QVERIFY(!enroll_screen.worker()->active());
    qInfo() << "enroll: frames analysed" << enroll_screen.worker()->framesAnalysed() << "dropped"
            << enroll_screen.worker()->framesDropped();
    QVERIFY(templates_->consent(patient_id).value().has_value());
    enroll_screen.reset();
    QVERIFY(!enroll_screen.holdsFrame());
    services_.camera = nullptr;
}

void TestFaceFlow::enrollThenIdentify()
{
    enroll(QStringLiteral("P1"), enroll_folder_);
    if (QTest::currentTestFailed()) return;
    QCOMPARE(templates_->loadTemplates(QDateTime::currentDateTimeUtc()).value().size(), size_t(1));

    session_.clear();  // a new visit: nobody identified yet
    hw::FolderCamera camera(hw::FolderCameraConfig{same_person_folder_, 10.0, true, {}});
    services_.camera = &camera;
    QVERIFY(camera.start());
    FaceIdentifyScreen identify(context_, services_);
    QSignalSpy identified(&identify, &FaceIdentifyScreen::identified);
    identify.enter();
    QTRY_VERIFY_WITH_TIMEOUT(identify.phase() != FaceIdentifyScreen::Phase::Scanning,
                             kFaceTimeoutMs);
    QCOMPARE(identify.phase(), FaceIdentifyScreen::Phase::Digits);
    QVERIFY(!identify.holdsFrame());
    tapDigits(&identify, QStringLiteral("1234"));  // wrong digits
    QCOMPARE(identify.phase(), FaceIdentifyScreen::Phase::Digits);
    QCOMPARE(identified.size(), 0);
    tapDigits(&identify, kPhone.right(4));
    QCOMPARE(identify.phase(), FaceIdentifyScreen::Phase::Identified);
    QCOMPARE(identified.size(), 1);
    QCOMPARE(identified.at(0).at(0).toString(), QStringLiteral("P1"));
    identify.reset();
    QVERIFY(!identify.holdsCandidate());
    QVERIFY(!identify.holdsFrame());
    QVERIFY(identify.identifiedPatientId().isEmpty());
    services_.camera = nullptr;
}

void TestFaceFlow::strangerIsNotIdentified()
{
    enroll(QStringLiteral("P1"), enroll_folder_);
    if (QTest::currentTestFailed()) return;
    hw::FolderCamera camera(hw::FolderCameraConfig{stranger_folder_, 10.0, true, {}});
    services_.camera = &camera;
    QVERIFY(camera.start());
    FaceIdentifyScreen identify(context_, services_);
    QSignalSpy identified(&identify, &FaceIdentifyScreen::identified);
    identify.enter();
    QTRY_VERIFY_WITH_TIMEOUT(identify.phase() != FaceIdentifyScreen::Phase::Scanning,
                             kFaceTimeoutMs);
    QCOMPARE(identify.phase(), FaceIdentifyScreen::Phase::NotFound);
    QCOMPARE(identified.size(), 0);
    QVERIFY(!identify.holdsCandidate());
    services_.camera = nullptr;
}

void TestFaceFlow::deleteMyFaceData()
{
    enroll(QStringLiteral("P1"), enroll_folder_);
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
