// Face sign-in at low analysis rates (issue 16; label bench: figures printed, nothing timed is
// asserted). A slower CPU, or one busy with something else, analyses fewer camera frames per
// second; the liveness challenge is judged on time and evidence (face::LivenessConfig::
// min_face_frames, max_time_limit_ms), not on a frame count. For each rate (15, 8, 5, 3, 2, 1,
// 0.5 analysed frames per second, by throttling the screens' FaceWorker: FaceWorker::
// setMaxAnalysisRate) the simulated person (SimulatedPersonCamera, 15 frames/s, the default pace)
// steps in, looks at the camera, performs the movement when the screen shows it and again when
// the screen says "Keep going"; runs of enrollment (FaceEnrollScreen: challenge, then the
// pictures) and of identification (FaceIdentifyScreen: challenge, match, the phone digits).
// Printed per rate: success rate, and the time from stepping in to done (median, min, max).
// Flat photos failing at every rate is a test (tst_liveness, tst_faceflow), not this bench.
#include "FaceTestData.h"
#include "SimulatedPersonTest.h"
#include "core/booking/BookingSession.h"
#include "core/face/SqlTemplateStore.h"
#include "core/store/SecureKey.h"
#include "core/store/Store.h"
#include "hw/camera/SimulatedPersonCamera.h"
#include "ui/face/FaceChallenge.h"
#include "ui/face/FaceConsentScreen.h"
#include "ui/face/FaceEnrollScreen.h"
#include "ui/face/FaceIdentifyScreen.h"
#include "ui/face/FaceServices.h"
#include "ui/face/FaceWorker.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPushButton>
#include <QtTest>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace mk;
using mk::face::test::quantile;
using mk::face::test::scriptFor;
using mk::ui::FaceEnrollScreen;
using mk::ui::FaceIdentifyScreen;

namespace {
constexpr int kRuns = 5;  // per rate and flow
constexpr int kFaceTimeoutMs = 180000;
constexpr int kPatientPerson = 4;
const QString kPhone = QStringLiteral("13800138000");

fhir::Patient patient(const QString& id)
{
    fhir::Patient p;
    p.id = id;
    p.phone = kPhone;
    p.birth_date = QDate::currentDate().addYears(-40);
    return p;
}

// The person does what the screen asks: the movement when it is shown, again on "Keep going".
void followTheScreen(ui::FaceChallenge* challenge, hw::SimulatedPersonCamera* camera,
                     QObject* context)
{
    QObject::connect(
        challenge, &ui::FaceChallenge::stateChanged, context,
        [=](face::LivenessState state) {
            if (state == face::LivenessState::NeedMove)
                camera->setScript(scriptFor(challenge->challenge()));
        },
        Qt::QueuedConnection);
    QObject::connect(
        challenge, &ui::FaceChallenge::keepGoing, context,
        [=](face::LivenessState state) {
            camera->setScript(state == face::LivenessState::NeedNeutral
                                  ? hw::SimulatedScript::Still
                                  : scriptFor(challenge->challenge()));
        },
        Qt::QueuedConnection);
}

struct Figures {
    int ok = 0;
    int runs = 0;
    std::vector<double> ms;    // stepping in -> done, successful runs
    std::vector<double> rate;  // frames analysed per second, measured
    int extended = 0;          // runs where the screen said "Keep going"
};

void print(const char* flow, double rate, const Figures& f)
{
    std::printf(
        "  %-8s %4.1f/s asked, %4.1f/s measured: %d of %d passed (%3.0f%%), time to done median "
        "%6.0f ms, min %6.0f, max %6.0f; \"keep going\" in %d runs\n",
        flow, rate, quantile(f.rate, 0.5), f.ok, f.runs, 100.0 * f.ok / std::max(1, f.runs),
        quantile(f.ms, 0.5), quantile(f.ms, 0.0), quantile(f.ms, 1.0), f.extended);
    std::fflush(stdout);
}
}  // namespace

class BenchLivenessRate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void byRate_data();
    void byRate();

private:
    Figures enrollRuns(double rate);
    Figures identifyRuns(double rate);

    face::FaceEngine engine_;
    QImage chip_;
};

void BenchLivenessRate::initTestCase()
{
    MK_FACE_REQUIRE_MODELS();
    QVERIFY2(engine_.load(face::test::modelsDir()), "the installed models load");
    const QStringList people = face::test::johnsPeople();
    QVERIFY(people.size() > kPatientPerson);
    chip_ = QImage(face::test::johnsImages(people.at(kPatientPerson)).value(0));
    QVERIFY(!chip_.isNull());
    std::printf(
        "liveness by analysis rate (camera 15 frames/s, default pace, %d runs each; "
        "time limit %d ms, extended up to %d ms while fewer than %d frames with a face)\n",
        kRuns, face::LivenessConfig{}.time_limit_ms, face::LivenessConfig{}.max_time_limit_ms,
        face::LivenessConfig{}.min_face_frames);
}

void BenchLivenessRate::byRate_data()
{
    QTest::addColumn<double>("rate");
    for (double rate : {15.0, 8.0, 5.0, 3.0, 2.0, 1.0, 0.5})
        QTest::newRow(qPrintable(QStringLiteral("%1 frames/s").arg(rate))) << rate;
}

Figures BenchLivenessRate::enrollRuns(double rate)
{
    Figures f;
    auto opened =
        store::Store::open(QStringLiteral(":memory:"),
                           store::SecureKey(QByteArray(store::SecureKey::kSizeBytes, 'e')));
    if (!opened) return f;
    std::unique_ptr<store::Store> db = std::move(opened.value());
    face::SqlTemplateStore templates(*db);
    hw::SimulatedPersonCamera camera;
    camera.setPortrait(chip_);
    booking::BookingSession session;
    ui::ScreenContext context;
    context.session = &session;
    ui::FaceServices services;
    services.engine = &engine_;
    services.store = &templates;
    services.camera = &camera;
    ui::FaceConsentScreen consent(context, services);
    FaceEnrollScreen screen(context, services);
    connect(&consent, &ui::FaceConsentScreen::agreed, &screen, &FaceEnrollScreen::setConsent);
    screen.worker()->setMaxAnalysisRate(rate);
    followTheScreen(screen.faceChallenge(), &camera, this);
    bool extended = false;
    connect(screen.faceChallenge(), &ui::FaceChallenge::keepGoing, this,
            [&extended] { extended = true; });
    for (int run = 0; run < kRuns; ++run) {
        session.identified = patient(QStringLiteral("E%1").arg(run));
        camera.setScript(hw::SimulatedScript::Absent);
        consent.enter();
        auto* agree = consent.findChild<QPushButton*>(QStringLiteral("face_agree"));
        if (agree == nullptr) break;
        agree->click();
        extended = false;
        screen.enter();
        screen.worker()->resetCounters();
        QElapsedTimer clock;
        clock.start();
        camera.setScript(hw::SimulatedScript::Still);  // steps in, looks at the camera
        const bool ended = QTest::qWaitFor([&screen] { return !screen.loading(); }, kFaceTimeoutMs);
        const double ms = double(clock.elapsed());
        ++f.runs;
        f.extended += extended ? 1 : 0;
        f.rate.push_back(double(screen.worker()->framesAnalysed()) * 1000.0 / ms);
        if (ended && screen.phase() == FaceEnrollScreen::Phase::Done) {
            ++f.ok;
            f.ms.push_back(ms);
        }
        screen.reset();
    }
    return f;
}

Figures BenchLivenessRate::identifyRuns(double rate)
{
    Figures f;
    auto opened =
        store::Store::open(QStringLiteral(":memory:"),
                           store::SecureKey(QByteArray(store::SecureKey::kSizeBytes, 'i')));
    if (!opened) return f;
    std::unique_ptr<store::Store> db = std::move(opened.value());
    face::SqlTemplateStore templates(*db);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const face::EnrollmentConfig enroll_config;
    auto enrolled = engine_.analyzeChip(chip_);
    if (!enrolled || !enrolled.value().descriptor) return f;
    face::FaceTemplate t;
    t.patient_id = QStringLiteral("P1");
    t.descriptor = *enrolled.value().descriptor;
    t.phone_last4 = kPhone.right(4);
    t.created_at = now;
    t.expires_at = now.addDays(365);
    if (!face::Enrollment::save(
            templates, face::Enrollment::makeConsent(t.patient_id, 40, false, now, enroll_config),
            t, enroll_config))
        return f;

    hw::SimulatedPersonCamera camera;
    camera.setPortrait(chip_);
    booking::BookingSession session;
    ui::ScreenContext context;
    context.session = &session;
    ui::FaceServices services;
    services.engine = &engine_;
    services.store = &templates;
    services.camera = &camera;
    FaceIdentifyScreen screen(context, services);
    screen.worker()->setMaxAnalysisRate(rate);
    followTheScreen(screen.faceChallenge(), &camera, this);
    bool extended = false;
    connect(screen.faceChallenge(), &ui::FaceChallenge::keepGoing, this,
            [&extended] { extended = true; });
    connect(&screen, &FaceIdentifyScreen::phaseChanged, this, [&](FaceIdentifyScreen::Phase p) {
        if (p != FaceIdentifyScreen::Phase::Digits) return;
        for (QChar c : kPhone.right(4)) {
            auto* key = screen.findChild<QPushButton*>(QStringLiteral("key_") + c);
            if (key != nullptr) key->click();
        }
    });
    for (int run = 0; run < kRuns; ++run) {
        camera.setScript(hw::SimulatedScript::Absent);
        extended = false;
        screen.enter();
        screen.worker()->resetCounters();
        QElapsedTimer clock;
        clock.start();
        camera.setScript(hw::SimulatedScript::Still);
        const bool ended = QTest::qWaitFor([&screen] { return !screen.loading(); }, kFaceTimeoutMs);
        const double ms = double(clock.elapsed());
        ++f.runs;
        f.extended += extended ? 1 : 0;
        f.rate.push_back(double(screen.worker()->framesAnalysed()) * 1000.0 / ms);
        if (ended && screen.phase() == FaceIdentifyScreen::Phase::Identified) {
            ++f.ok;
            f.ms.push_back(ms);
        }
        screen.reset();
    }
    return f;
}

void BenchLivenessRate::byRate()
{
    QFETCH(double, rate);
    const Figures enroll = enrollRuns(rate);
    QVERIFY(enroll.runs == kRuns);
    print("enroll", rate, enroll);
    const Figures identify = identifyRuns(rate);
    QVERIFY(identify.runs == kRuns);
    print("identify", rate, identify);
}

QTEST_MAIN(BenchLivenessRate)
#include "bench_livenessrate.moc"
