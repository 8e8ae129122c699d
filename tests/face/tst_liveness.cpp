// Liveness challenge on landmark sequences from a 3D five-point head model (a real head turns: the
// nose sticks out), from a flat picture turned and tilted (a photo: no depth), from stills; and
// one end-to-end run of a still photo through the real detector.
#include "FaceTestData.h"
#include "face_auth/Liveness.h"

#include <QPainter>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace mk::face;

namespace {

struct Point3 {
    double x, y, z;  // mm; x to the image's right, y down, z toward the camera
};

// Outer eye corners 5 mm behind the inner ones, the nose base 50 mm below the eye line and 25 mm
// in front of it: a rough adult head.
constexpr std::array<Point3, 5> kHead{{
    {45.0, 0.0, -5.0},   // outer corner, eye on the image's right
    {15.0, 0.0, 0.0},    // inner corner
    {-45.0, 0.0, -5.0},  // outer corner, eye on the image's left
    {-15.0, 0.0, 0.0},   // inner corner
    {0.0, 50.0, 25.0},   // nose base
}};

// yaw > 0 turns the nose toward the image's right (the person's own left), pitch > 0 nods down.
// depth = 0 gives a flat picture of the same face.
Landmarks5 project(double yaw_deg, double pitch_deg, double depth = 1.0, double jitter_px = 0.0,
                   QRandomGenerator* rng = nullptr)
{
    const double a = yaw_deg * M_PI / 180.0;
    const double b = pitch_deg * M_PI / 180.0;
    Landmarks5 l;
    for (size_t i = 0; i < 5; ++i) {
        const Point3 p{kHead[i].x, kHead[i].y, kHead[i].z * depth};
        const double x1 = p.x * std::cos(a) + p.z * std::sin(a);
        const double z1 = -p.x * std::sin(a) + p.z * std::cos(a);
        const double y2 = p.y * std::cos(b) + z1 * std::sin(b);
        double jx = 0.0;
        double jy = 0.0;
        if (rng != nullptr) {
            jx = (rng->generateDouble() * 2.0 - 1.0) * jitter_px;
            jy = (rng->generateDouble() * 2.0 - 1.0) * jitter_px;
        }
        l.points[i] = QPointF(320.0 + 2.0 * x1 + jx, 200.0 + 2.0 * y2 + jy);
    }
    return l;
}

struct Pose {
    double yaw = 0.0;
    double pitch = 0.0;
};

// Neutral, out to the peak, back to neutral, in steps.
std::vector<Pose> movement(double peak_yaw, double peak_pitch, int steps = 6)
{
    std::vector<Pose> out;
    for (int i = 0; i < 4; ++i) out.push_back({0.0, 0.0});
    for (int i = 1; i <= steps; ++i) out.push_back({peak_yaw * i / steps, peak_pitch * i / steps});
    for (int i = steps - 1; i >= 0; --i)
        out.push_back({peak_yaw * i / steps, peak_pitch * i / steps});
    for (int i = 0; i < 3; ++i) out.push_back({0.0, 0.0});
    return out;
}

LivenessState runSequence(LivenessChallenge challenge, const std::vector<Pose>& poses, double depth,
                          int frame_interval_ms = 100, double jitter_px = 0.7)
{
    QRandomGenerator rng(17);
    LivenessCheck check(challenge, LivenessConfig{});
    check.start(0);
    qint64 t = 0;
    for (const Pose& p : poses) {
        t += frame_interval_ms;
        const Landmarks5 l = project(p.yaw, p.pitch, depth, jitter_px, &rng);
        check.addFrame(t, 1, &l);
    }
    // The rest of the time limit passes without a face.
    check.addFrame(t + LivenessConfig{}.time_limit_ms + 1, 0, nullptr);
    return check.state();
}

// A person (or a photo: depth 0) in front of a camera analysed at frames_per_s: looks at the
// camera, reacts to the movement being asked (NeedMove) after react_ms, turns out in 500 ms,
// holds 400 ms, comes back in 500 ms; and, once the check says it is waiting for more
// (extended(): the screen says "Keep going"), does the movement again and again.
struct RateRun {
    LivenessState state = LivenessState::Unset;
    qint64 end_ms = 0;
    bool extended = false;
    int move_frames = 0;
};

RateRun runAtRate(double frames_per_s, double depth, double peak_yaw = 35.0)
{
    const LivenessConfig config;
    LivenessCheck check(LivenessChallenge::TurnLeft, config);
    check.start(0);
    QRandomGenerator rng(23);
    constexpr qint64 kReactMs = 800;
    constexpr qint64 kMoveMs = 500;
    constexpr qint64 kHoldMs = 400;
    constexpr qint64 kCycleMs = kReactMs + 2 * kMoveMs + kHoldMs;
    qint64 move_start = -1;  // when the current movement began
    RateRun run;
    const double interval_ms = 1000.0 / frames_per_s;
    for (int i = 1; i < 100000; ++i) {
        const qint64 t = qint64(i * interval_ms);
        if (move_start < 0 && check.state() == LivenessState::NeedMove) move_start = t + kReactMs;
        if (check.extended()) run.extended = true;
        if (run.extended && move_start >= 0 && t - move_start > kCycleMs) move_start = t;
        double yaw = 0.0;
        if (move_start >= 0 && t >= move_start) {
            const qint64 m = t - move_start;
            if (m < kMoveMs)
                yaw = peak_yaw * double(m) / kMoveMs;
            else if (m < kMoveMs + kHoldMs)
                yaw = peak_yaw;
            else if (m < 2 * kMoveMs + kHoldMs)
                yaw = peak_yaw * double(2 * kMoveMs + kHoldMs - m) / kMoveMs;
        }
        const Landmarks5 l = project(yaw, 0.0, depth, 0.7, &rng);
        const LivenessState state = check.addFrame(t, 1, &l);
        if (state == LivenessState::Passed || state == LivenessState::Failed) {
            run.state = state;
            run.end_ms = t;
            run.move_frames = check.moveFramesSeen();
            return run;
        }
    }
    return run;
}

}  // namespace

Q_DECLARE_METATYPE(LivenessChallenge)
Q_DECLARE_METATYPE(LivenessState)

class TestLiveness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void poseProxies();
    void sequences_data();
    void sequences();
    void tooSlowFails();
    void judgedOnEvidenceAtEveryRate_data();
    void judgedOnEvidenceAtEveryRate();
    void emptyKioskFailsOnTime();
    void extensionHasALimit();
    void multipleFacesFramesIgnored();
    void neutralLearnedFirst();
    void neutralNotLearnedFromAMovingHead();
    void randomChallengeCoversAll();
    void stillPhotoEndToEnd();
};

void TestLiveness::poseProxies()
{
    const PoseProxy frontal = poseFromLandmarks(project(0, 0));
    QVERIFY(std::abs(frontal.yaw) < 1e-9);
    QVERIFY(frontal.pitch > 0.7 && frontal.pitch < 0.9);
    QVERIFY(poseFromLandmarks(project(30, 0)).yaw > 0.2);  // nose toward the image's right
    QVERIFY(poseFromLandmarks(project(-30, 0)).yaw < -0.2);
    // A flat picture turned by 40 degrees: the proxy does not move.
    QVERIFY(std::abs(poseFromLandmarks(project(40, 0, 0.0)).yaw) < 1e-9);
}

void TestLiveness::sequences_data()
{
    QTest::addColumn<LivenessChallenge>("challenge");
    QTest::addColumn<double>("peak_yaw");
    QTest::addColumn<double>("peak_pitch");
    QTest::addColumn<double>("depth");
    QTest::addColumn<LivenessState>("expected");
    const auto L = LivenessChallenge::TurnLeft;
    const auto R = LivenessChallenge::TurnRight;
    const auto N = LivenessChallenge::Nod;
    const auto pass = LivenessState::Passed;
    const auto fail = LivenessState::Failed;
    QTest::newRow("turn left, real head") << L << 35.0 << 0.0 << 1.0 << pass;
    QTest::newRow("turn right, real head") << R << -35.0 << 0.0 << 1.0 << pass;
    QTest::newRow("nod down, real head") << N << 0.0 << 25.0 << 1.0 << pass;
    QTest::newRow("nod up only, real head") << N << 0.0 << -25.0 << 1.0 << fail;
    QTest::newRow("turn left asked, turned right") << L << -35.0 << 0.0 << 1.0 << fail;
    QTest::newRow("turn asked, nodded") << R << 0.0 << 25.0 << 1.0 << fail;
    QTest::newRow("too small a turn") << L << 8.0 << 0.0 << 1.0 << fail;
    QTest::newRow("photo turned left") << L << 45.0 << 0.0 << 0.0 << fail;
    QTest::newRow("photo turned right") << R << -45.0 << 0.0 << 0.0 << fail;
    QTest::newRow("photo tilted back") << N << 0.0 << 40.0 << 0.0 << fail;
    QTest::newRow("photo tilted forward") << N << 0.0 << -40.0 << 0.0 << fail;
    QTest::newRow("still") << L << 0.0 << 0.0 << 1.0 << fail;
}

void TestLiveness::sequences()
{
    QFETCH(LivenessChallenge, challenge);
    QFETCH(double, peak_yaw);
    QFETCH(double, peak_pitch);
    QFETCH(double, depth);
    QFETCH(LivenessState, expected);
    QCOMPARE(runSequence(challenge, movement(peak_yaw, peak_pitch), depth), expected);
}

void TestLiveness::tooSlowFails()
{
    // The same real turn, spread over 20 s: past the time limit.
    QCOMPARE(runSequence(LivenessChallenge::TurnLeft, movement(35.0, 0.0), 1.0, 1200),
             LivenessState::Failed);
    // Moved away but never came back.
    std::vector<Pose> away = movement(35.0, 0.0);
    away.resize(away.size() / 2 + 2);
    QCOMPARE(runSequence(LivenessChallenge::TurnLeft, away, 1.0), LivenessState::Failed);
}

// Issue 16: at every analysis rate a real head passes and a flat photo fails; a failure comes
// only with enough frames with a face after the movement was asked, or at the longest limit.
void TestLiveness::judgedOnEvidenceAtEveryRate_data()
{
    QTest::addColumn<double>("frames_per_s");
    QTest::addColumn<double>("depth");
    QTest::addColumn<LivenessState>("expected");
    for (double rate : {15.0, 8.0, 5.0, 3.0, 2.0}) {
        QTest::addRow("real head, %g frames/s", rate) << rate << 1.0 << LivenessState::Passed;
        QTest::addRow("flat photo, %g frames/s", rate) << rate << 0.0 << LivenessState::Failed;
    }
    for (double rate : {1.0, 0.5, 0.3})
        QTest::addRow("flat photo, %g frames/s", rate) << rate << 0.0 << LivenessState::Failed;
}

void TestLiveness::judgedOnEvidenceAtEveryRate()
{
    QFETCH(double, frames_per_s);
    QFETCH(double, depth);
    QFETCH(LivenessState, expected);
    const RateRun run = runAtRate(frames_per_s, depth);
    QCOMPARE(run.state, expected);
    const LivenessConfig config;
    if (run.state == LivenessState::Failed) {
        QVERIFY(run.end_ms > config.time_limit_ms);
        QVERIFY2(run.move_frames >= config.min_face_frames || run.end_ms > config.max_time_limit_ms,
                 "failed without the evidence it needs");
        // Fewer frames than the evidence needed in the time limit: the window was extended.
        if (frames_per_s * config.time_limit_ms / 1000.0 < config.min_face_frames)
            QVERIFY(run.extended);
    }
}

// Frames keep coming but show no face (nobody there, or they walked away): no extension.
void TestLiveness::emptyKioskFailsOnTime()
{
    const LivenessConfig config;
    LivenessCheck check(LivenessChallenge::TurnLeft, config);
    check.start(0);
    LivenessState state = LivenessState::NeedNeutral;
    qint64 t = 0;
    while (state != LivenessState::Failed && t < 60000) {
        t += 500;  // 2 frames/s
        state = check.addFrame(t, 0, nullptr);
    }
    QCOMPARE(state, LivenessState::Failed);
    QVERIFY(!check.extended());
    QVERIFY(t <= config.time_limit_ms + 500);
}

// A still face at a very low rate: extended past time_limit_ms (keep going), then failed by
// max_time_limit_ms at the latest.
void TestLiveness::extensionHasALimit()
{
    const LivenessConfig config;
    LivenessCheck check(LivenessChallenge::TurnRight, config);
    check.start(0);
    const Landmarks5 still = project(0.0, 0.0);
    LivenessState state = LivenessState::NeedNeutral;
    qint64 t = 0;
    bool extended_seen = false;
    while (state != LivenessState::Failed && t < 120000) {
        t += 4000;  // 0.25 frames/s: two frames in the time limit
        state = check.addFrame(t, 1, &still);
        extended_seen = extended_seen || check.extended();
        if (t > config.time_limit_ms && t <= config.max_time_limit_ms)
            QCOMPARE(state, LivenessState::NeedMove);  // kept going, not failed
    }
    QCOMPARE(state, LivenessState::Failed);
    QVERIFY(extended_seen);
    QVERIFY(t > config.max_time_limit_ms);
    QVERIFY(t <= config.max_time_limit_ms + 4000);
}

void TestLiveness::multipleFacesFramesIgnored()
{
    LivenessCheck check(LivenessChallenge::TurnLeft, LivenessConfig{});
    check.start(0);
    const Landmarks5 turned = project(35, 0);
    for (int i = 1; i <= 10; ++i) check.addFrame(i * 100, 2, &turned);
    QCOMPARE(check.framesSeen(), 0);
    QCOMPARE(check.state(), LivenessState::NeedNeutral);
}

// The screens show the movement only from NeedMove: after neutral_frames frontal frames; turned
// frames do not count toward the neutral pose.
void TestLiveness::neutralLearnedFirst()
{
    const LivenessConfig config;
    QVERIFY(config.neutral_frames >= 1);
    LivenessCheck check(LivenessChallenge::TurnLeft, config);
    check.start(0);
    QCOMPARE(check.state(), LivenessState::NeedNeutral);
    const Landmarks5 turned = project(35, 0);
    const Landmarks5 frontal = project(0, 0);
    qint64 t = 0;
    for (int i = 0; i < 5; ++i) check.addFrame(t += 100, 1, &turned);
    QCOMPARE(check.state(), LivenessState::NeedNeutral);
    for (int i = 1; i < config.neutral_frames; ++i) {
        check.addFrame(t += 100, 1, &frontal);
        QCOMPARE(check.state(), LivenessState::NeedNeutral);
    }
    check.addFrame(t += 100, 1, &frontal);
    QCOMPARE(check.state(), LivenessState::NeedMove);
    check.addFrame(t += 100, 1, &turned);
    QCOMPARE(check.state(), LivenessState::NeedReturn);
    check.addFrame(t += 100, 1, &frontal);
    QCOMPARE(check.state(), LivenessState::Passed);
}

// A head swinging back through frontal (from a right turn, say, or a patient looking around) must
// not be taken as the neutral pose: an off-centre "neutral" could never be returned to, and the
// challenge would fail for a patient who does everything right.
void TestLiveness::neutralNotLearnedFromAMovingHead()
{
    LivenessCheck check(LivenessChallenge::TurnLeft, LivenessConfig{});
    check.start(0);
    qint64 t = 0;
    for (double yaw : {-35.0, -28.0, -21.0, -14.0, -7.0}) {
        const Landmarks5 l = project(yaw, 0);
        check.addFrame(t += 100, 1, &l);
    }
    QCOMPARE(check.state(), LivenessState::NeedNeutral);
    // At rest, then the asked turn and back: passes.
    for (const Pose& p : movement(35.0, 0.0)) {
        const Landmarks5 l = project(p.yaw, p.pitch);
        check.addFrame(t += 100, 1, &l);
    }
    QCOMPARE(check.state(), LivenessState::Passed);
}

void TestLiveness::randomChallengeCoversAll()
{
    QRandomGenerator rng(1);
    QSet<int> seen;
    for (int i = 0; i < 100; ++i) seen.insert(int(LivenessCheck::randomChallenge(&rng)));
    QCOMPARE(seen.size(), 3);
    QVERIFY(!seen.contains(int(LivenessChallenge::Unset)));
    QVERIFY(!LivenessCheck::instruction(LivenessChallenge::Nod).isEmpty());
    QVERIFY(!LivenessCheck::neutralInstruction().isEmpty());
    // Without the nod (liveness_nod_enabled=false): both turns, never the nod.
    LivenessConfig no_nod;
    no_nod.nod_enabled = false;
    QSet<int> turns;
    for (int i = 0; i < 100; ++i) turns.insert(int(LivenessCheck::randomChallenge(no_nod, &rng)));
    QCOMPARE(turns,
             (QSet<int>{int(LivenessChallenge::TurnLeft), int(LivenessChallenge::TurnRight)}));
    // With it (the configuration's default): all three.
    QSet<int> all;
    LivenessConfig with_nod;
    with_nod.nod_enabled = true;
    for (int i = 0; i < 100; ++i) all.insert(int(LivenessCheck::randomChallenge(with_nod, &rng)));
    QCOMPARE(all.size(), 3);
}

void TestLiveness::stillPhotoEndToEnd()
{
    MK_FACE_REQUIRE_MODELS();
    FaceEngine engine;
    QVERIFY2(engine.load(test::modelsDir()), "models load");
    const QString person = test::johnsPeople().front();
    const QImage chip(test::johnsImages(person).front());
    QVERIFY(!chip.isNull());
    // A printed photo held in front of the camera: the chip, enlarged, on a grey frame.
    QImage frame(640, 480, QImage::Format_RGB888);
    frame.fill(QColor(128, 128, 128));
    {
        QPainter p(&frame);
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        p.drawImage(QRect(170, 90, 300, 300), chip);
    }
    for (const auto& [name, challenge] : {std::pair{"turn left", LivenessChallenge::TurnLeft},
                                          std::pair{"nod", LivenessChallenge::Nod}}) {
        LivenessCheck check(challenge, LivenessConfig{});
        check.start(0);
        int faces_seen = 0;
        // 30 frames at 10 frames/s, then past the limit: the same still, repeated.
        for (int i = 1; i <= 30; ++i) {
            auto faces = engine.detect(frame);
            QVERIFY(faces);
            if (faces.value().size() == 1) ++faces_seen;
            check.addFrame(i * 100, int(faces.value().size()),
                           faces.value().size() == 1 ? &faces.value().front().landmarks : nullptr);
        }
        check.addFrame(LivenessConfig{}.time_limit_ms + 1, 0, nullptr);
        QVERIFY2(faces_seen == 30, name);
        QCOMPARE(check.state(), LivenessState::Failed);
    }
}

QTEST_GUILESS_MAIN(TestLiveness)
#include "tst_liveness.moc"
