// SimulatedPersonCamera speaks the real protocol: its frames, rendered deterministically with
// renderAt(t), go through the real FaceEngine::analyze (HOG detection, 5-point landmarks,
// descriptor) into LivenessCheck. A head that turns or nods passes its challenge; a still head, a
// turn the wrong way and the same portrait turned as a flat card fail; the neutral frame keeps the
// person's identity.
#include "FaceTestData.h"
#include "face_auth/Identifier.h"
#include "face_auth/Liveness.h"
#include "hw/camera/SimulatedPersonCamera.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace mk;
using hw::SimulatedPersonCamera;
using hw::SimulatedScript;

Q_DECLARE_METATYPE(mk::hw::SimulatedScript)
Q_DECLARE_METATYPE(mk::face::LivenessChallenge)

namespace {
constexpr qint64 kFrameStepMs = 100;  // 10 frames/s of analysis, about what the kiosk reaches

struct Run {
    face::LivenessState state = face::LivenessState::Unset;
    double peak = 0.0;
    int frames_one_face = 0;
    int frames = 0;
};
}  // namespace

class TestSimPerson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void chipLayoutConstants();
    void absentShowsNoFace();
    void neutralFrameIsOneGoodFace();
    void identityKept();
    void nodSeparation();
    void challenge_data();
    void challenge();
    void timerEmitsFrames();

private:
    Run run(const QString& chip, SimulatedScript script, face::LivenessChallenge challenge,
            const face::LivenessConfig& config, qint64 duration_ms);

    face::FaceEngine engine_;
    QStringList people_;
    QStringList chips_;  // the first photo of each person
};

void TestSimPerson::initTestCase()
{
    MK_FACE_REQUIRE_MODELS();
    QVERIFY2(engine_.load(face::test::modelsDir()), "the installed models load");
    people_ = face::test::johnsPeople();
    for (const QString& p : people_) {
        const QStringList images = face::test::johnsImages(p);
        QVERIFY(!images.isEmpty());
        chips_ << images.first();
    }
}

// The eye and nose constants of the camera are the mean landmarks of real chips.
void TestSimPerson::chipLayoutConstants()
{
    double right_x = 0, left_x = 0, eye_y = 0, nose_x = 0, nose_y = 0;
    int n = 0;
    for (const QString& person : people_) {
        for (const QString& file : face::test::johnsImages(person).mid(0, 2)) {
            auto a = engine_.analyzeChip(QImage(file));
            QVERIFY2(a, qPrintable(file));
            const face::Landmarks5& l = a.value().faces.front().landmarks;
            right_x += l.imageRightEye().x();
            left_x += l.imageLeftEye().x();
            eye_y += (l.imageRightEye().y() + l.imageLeftEye().y()) / 2.0;
            nose_x += l.nose().x();
            nose_y += l.nose().y();
            ++n;
        }
    }
    right_x /= n, left_x /= n, eye_y /= n, nose_x /= n, nose_y /= n;
    qInfo(
        "chip landmarks over %d chips: right eye x %.1f, left eye x %.1f, eye y %.1f, nose "
        "%.1f,%.1f",
        n, right_x, left_x, eye_y, nose_x, nose_y);
    QVERIFY(std::abs(right_x - SimulatedPersonCamera::kImageRightEyeX) < 3.0);
    QVERIFY(std::abs(left_x - SimulatedPersonCamera::kImageLeftEyeX) < 3.0);
    QVERIFY(std::abs(eye_y - SimulatedPersonCamera::kEyeY) < 3.0);
    QVERIFY(std::abs(nose_x - SimulatedPersonCamera::kNoseX) < 3.0);
    QVERIFY(std::abs(nose_y - SimulatedPersonCamera::kNoseY) < 3.0);
}

void TestSimPerson::absentShowsNoFace()
{
    SimulatedPersonCamera camera;
    QVERIFY(camera.loadPortrait(chips_.first()));
    camera.setScript(SimulatedScript::Absent);
    const QImage frame = camera.renderAt(500);
    QCOMPARE(frame.size(), QSize(640, 480));
    auto a = engine_.analyze(frame);
    QVERIFY(a);
    QCOMPARE(int(a.value().faces.size()), 0);
    QCOMPARE(a.value().quality.issue, face::QualityIssue::NoFace);
}

void TestSimPerson::neutralFrameIsOneGoodFace()
{
    for (const QString& chip : chips_) {
        SimulatedPersonCamera camera;
        QVERIFY(camera.loadPortrait(chip));
        camera.setScript(SimulatedScript::Still);
        auto a = engine_.analyze(camera.renderAt(0));
        QVERIFY(a);
        QCOMPARE(int(a.value().faces.size()), 1);
        QVERIFY2(a.value().quality.ok(), qPrintable(face::Quality::hint(a.value().quality.issue)));
        QVERIFY(a.value().descriptor.has_value());
    }
}

// The neutral frame matches its own person's chip and no other; a turned frame does not become
// someone else.
void TestSimPerson::identityKept()
{
    const double threshold = face::IdentifyConfig{}.match_threshold;
    std::vector<face::Descriptor> own;
    for (const QString& chip : chips_) {
        auto a = engine_.analyzeChip(QImage(chip));
        QVERIFY(a && a.value().descriptor);
        own.push_back(*a.value().descriptor);
    }
    for (int i = 0; i < chips_.size(); ++i) {
        SimulatedPersonCamera camera;
        QVERIFY(camera.loadPortrait(chips_.at(i)));
        for (double yaw : {0.0, 35.0, -35.0}) {
            auto a = engine_.analyze(camera.renderPose({yaw, 0.0}, false));
            QVERIFY(a);
            if (!a.value().descriptor) {
                QVERIFY2(yaw != 0.0, "the neutral frame has a descriptor");
                continue;
            }
            for (int j = 0; j < chips_.size(); ++j) {
                const double d = face::descriptorDistance(*a.value().descriptor, own.at(size_t(j)));
                if (i == j && yaw == 0.0) {
                    qInfo("%s: neutral frame to its own chip %.3f", qPrintable(people_.at(i)), d);
                    QVERIFY2(d < threshold, qPrintable(QString::number(d)));
                } else if (i != j) {
                    QVERIFY2(d > threshold,
                             qPrintable(people_.at(i) + QStringLiteral(" vs ") + people_.at(j) +
                                        QStringLiteral(" yaw ") + QString::number(yaw) +
                                        QStringLiteral(": ") + QString::number(d)));
                }
            }
        }
    }
}

// The pitch proxy (nose below the eye line / inter-ocular distance) of a real nod against a flat
// photo tilted and a still head, for every person: the numbers of docs/face-liveness.md, and the
// default nod_delta must pass every real nod of the script and fail every flat one with margin.
void TestSimPerson::nodSeparation()
{
    const face::LivenessConfig config;
    const hw::SimulatedPersonConfig person_config;
    const qint64 movement_ms = SimulatedPersonCamera::movementMs(person_config);
    double weakest_nod = 1e9;
    double strongest_flat = -1e9;
    for (int i = 0; i < chips_.size(); ++i) {
        SimulatedPersonCamera camera;
        QVERIFY(camera.loadPortrait(chips_.at(i)));
        auto pitchOf = [&](const QImage& frame, double* pitch) {
            auto faces = engine_.detect(frame);
            if (!faces || faces.value().size() != 1) return false;
            *pitch = face::poseFromLandmarks(faces.value().front().landmarks).pitch;
            return true;
        };
        // Each against its own neutral frame, as the check learns it: the flat card's differs
        // a little from the head's (no perspective of the nose).
        double neutral = 0.0;
        double flat_neutral = 0.0;
        QVERIFY(pitchOf(camera.renderPose({0.0, 0.0}, false), &neutral));
        QVERIFY(pitchOf(camera.renderPose({0.0, 0.0}, true), &flat_neutral));
        // Static poses: the change at each angle (real head, then the flat photo tilted).
        QString sweep;
        for (double deg : {10.0, 15.0, 20.0, 25.0, 30.0}) {
            double p = 0.0;
            sweep += pitchOf(camera.renderPose({0.0, deg}, false), &p)
                         ? QStringLiteral(" %1deg %2").arg(deg).arg(p - neutral, 0, 'f', 3)
                         : QStringLiteral(" %1deg -").arg(deg);
        }
        sweep += QStringLiteral(" | flat");
        for (double deg : {-40.0, -25.0, 25.0, 40.0}) {
            double p = 0.0;
            sweep += pitchOf(camera.renderPose({0.0, deg}, true), &p)
                         ? QStringLiteral(" %1deg %2").arg(deg).arg(p - flat_neutral, 0, 'f', 3)
                         : QStringLiteral(" %1deg -").arg(deg);
        }
        // The scripts as the check sees them: the largest pitch increase over the movement, from
        // the script's first frame.
        double peak[3] = {-1e9, -1e9, -1e9};
        const SimulatedScript scripts[3] = {SimulatedScript::Nod, SimulatedScript::FlatNod,
                                            SimulatedScript::Still};
        for (int k = 0; k < 3; ++k) {
            camera.setScript(scripts[k]);
            double start = 0.0;
            QVERIFY(pitchOf(camera.renderAt(0), &start));
            for (qint64 t = 0; t <= movement_ms; t += kFrameStepMs) {
                double p = 0.0;
                if (pitchOf(camera.renderAt(t), &p)) peak[k] = std::max(peak[k], p - start);
            }
        }
        qInfo(
            "%s: neutral pitch %.3f (flat %.3f); nod script peak %+.3f, flat nod %+.3f, still "
            "%+.3f;%s",
            qPrintable(people_.at(i)), neutral, flat_neutral, peak[0], peak[1], peak[2],
            qPrintable(sweep));
        weakest_nod = std::min(weakest_nod, peak[0]);
        strongest_flat = std::max({strongest_flat, peak[1], peak[2]});
    }
    qInfo("weakest real nod %+.3f, strongest flat/still %+.3f, nod_delta %.3f", weakest_nod,
          strongest_flat, config.nod_delta);
    // A flat photo tilted or held still never comes near nod_delta.
    QVERIFY2(strongest_flat <= config.nod_delta * 0.5, qPrintable(QString::number(strongest_flat)));
    // The nod may be among the random challenges only when every real nod clears nod_delta with
    // margin. It does not (the weakest real 25-degree nod, +0.03, is within a real camera's
    // landmark jitter of a still photo), so it is off by default (LivenessConfig::nod_enabled).
    QVERIFY2(!config.nod_enabled || weakest_nod >= config.nod_delta * 1.1,
             qPrintable(QString::number(weakest_nod)));
}

Run TestSimPerson::run(const QString& chip, SimulatedScript script,
                       face::LivenessChallenge challenge, const face::LivenessConfig& config,
                       qint64 duration_ms)
{
    Run r;
    SimulatedPersonCamera camera;
    if (!camera.loadPortrait(chip)) return r;
    camera.setScript(script);
    face::LivenessCheck check(challenge, config);
    check.start(0);
    for (qint64 t = 0; t <= duration_ms; t += kFrameStepMs) {
        auto a = engine_.analyze(camera.renderAt(t));
        if (!a) continue;
        ++r.frames;
        const int count = int(a.value().faces.size());
        if (count == 1) ++r.frames_one_face;
        const face::Landmarks5* l = count == 1 ? &a.value().faces.front().landmarks : nullptr;
        r.state = check.addFrame(t, count, l);
        if (r.state == face::LivenessState::Passed || r.state == face::LivenessState::Failed) break;
    }
    r.peak = check.peakDelta();
    return r;
}

void TestSimPerson::challenge_data()
{
    QTest::addColumn<int>("person");
    QTest::addColumn<SimulatedScript>("script");
    QTest::addColumn<face::LivenessChallenge>("challenge");
    QTest::addColumn<int>("passes");  // 1 passes, 0 fails, -1 measured and printed only
    using C = face::LivenessChallenge;
    using S = SimulatedScript;
    // Person 4 nods clearly enough: dlib's 5-point nose base follows only part of a
    // rendered nod, and for some portraits a 25 degree nod stays under nod_delta
    // (docs/face-liveness.md).
    QTest::newRow("turn left, person 1") << 1 << S::TurnLeft << C::TurnLeft << 1;
    QTest::newRow("turn right, person 1") << 1 << S::TurnRight << C::TurnRight << 1;
    QTest::newRow("turn left, person 4") << 4 << S::TurnLeft << C::TurnLeft << 1;
    QTest::newRow("turn right, person 4") << 4 << S::TurnRight << C::TurnRight << 1;
    QTest::newRow("cycle, nod asked") << 4 << S::CycleAll << C::Nod << 1;
    QTest::newRow("cycle, turn right asked") << 1 << S::CycleAll << C::TurnRight << 1;
    QTest::newRow("still") << 4 << S::Still << C::TurnLeft << 0;
    QTest::newRow("turns the wrong way") << 4 << S::TurnRight << C::TurnLeft << 0;
    QTest::newRow("nods when asked to turn") << 4 << S::Nod << C::TurnRight << 0;
    QTest::newRow("flat photo turned left") << 4 << S::FlatTurnLeft << C::TurnLeft << 0;
    QTest::newRow("flat photo turned right") << 1 << S::FlatTurnRight << C::TurnRight << 0;
    // The nod for every person: a flat photo tilted fails for all five; the real nod passes for
    // person 4 and is measured (printed, not asserted) for the others, whose nose base dlib does
    // not follow (nodSeparation; docs/face-liveness.md: why Nod is off by default).
    for (int p = 0; p < 5; ++p) {
        QTest::addRow("nod, person %d", p) << p << S::Nod << C::Nod << (p == 4 ? 1 : -1);
        QTest::addRow("flat photo tilted, person %d", p) << p << S::FlatNod << C::Nod << 0;
    }
}

void TestSimPerson::challenge()
{
    QFETCH(int, person);
    QFETCH(SimulatedScript, script);
    QFETCH(face::LivenessChallenge, challenge);
    QFETCH(int, passes);
    face::LivenessConfig config;
    // Short limit for a still: the movement (2.2 s) fits; the cycle needs its third movement.
    const qint64 movement_ms = SimulatedPersonCamera::movementMs(hw::SimulatedPersonConfig{});
    config.time_limit_ms =
        int(script == SimulatedScript::CycleAll ? 3 * movement_ms + 600 : movement_ms + 800);
    const Run r = run(chips_.at(person % chips_.size()), script, challenge, config,
                      config.time_limit_ms + 400);
    qInfo("%s, %s: %d frames, %d with one face, peak movement %.2f of the needed",
          qPrintable(SimulatedPersonCamera::scriptName(script)),
          qPrintable(face::LivenessCheck::name(challenge)), r.frames, r.frames_one_face, r.peak);
    // The face stays found through most of the movement (HOG loses some faces turned by 35°).
    QVERIFY2(r.frames_one_face * 3 >= r.frames * 2, qPrintable(QString::number(r.frames_one_face)));
    if (passes < 0) {
        qInfo("measured only: %s", r.state == face::LivenessState::Passed ? "passed" : "failed");
        return;
    }
    QCOMPARE(r.state, passes == 1 ? face::LivenessState::Passed : face::LivenessState::Failed);
}

void TestSimPerson::timerEmitsFrames()
{
    hw::SimulatedPersonConfig config;
    config.frames_per_second = 20.0;
    SimulatedPersonCamera camera(config);
    QSignalSpy health(&camera, &hw::Device::healthChanged);
    QVERIFY(camera.loadPortrait(chips_.first()));
    QCOMPARE(camera.health().state, hw::DeviceState::Ready);
    QSignalSpy frames(&camera, &hw::Camera::imageFrame);
    camera.setScript(SimulatedScript::TurnLeft);
    QVERIFY(QMetaObject::invokeMethod(&camera, "start"));  // invocable by name
    QVERIFY(camera.isActive());
    QTRY_VERIFY_WITH_TIMEOUT(frames.size() >= 3, 30000);
    QCOMPARE(frames.at(0).at(0).value<QImage>().size(), QSize(640, 480));
    QVERIFY(QMetaObject::invokeMethod(&camera, "stop"));
    QVERIFY(!camera.isActive());
    QVERIFY(camera.framesEmitted() >= 3);
}

QTEST_GUILESS_MAIN(TestSimPerson)
#include "tst_simperson.moc"
