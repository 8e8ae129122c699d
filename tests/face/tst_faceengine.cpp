// FaceEngine with the real dlib models and photos: model checks, same / different people on the
// johns chips, no face, several faces, the quality gates.
#include "FaceTestData.h"
#include "TestSkip.h"
#include "face_auth/Identifier.h"

#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace mk::face;

Q_DECLARE_METATYPE(FaceErrorCode)
Q_DECLARE_METATYPE(QualityIssue)

class TestFaceEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void modelProblemsAreErrors_data();
    void modelProblemsAreErrors();
    void notLoadedIsAnError();
    void samePersonUnderThreshold_data();
    void samePersonUnderThreshold();
    void differentPeopleOverThreshold();
    void noFace();
    void severalFacesRefused();
    void fullFrameMatchesChip();
    void findsEveryGateSizedFace_data();
    void findsEveryGateSizedFace();
    void qualityGates_data();
    void qualityGates();
    void blurredChip();
    void turnedHeadNotFrontal();
    void wrongChipSize();

private:
    static QImage frameWithChip(const QImage& chip, int face_px);
    FaceEngine engine_;
    double threshold_ = IdentifyConfig{}.match_threshold;
};

void TestFaceEngine::initTestCase()
{
    const QString missing = test::missingModels();
    if (missing.isEmpty()) QVERIFY2(engine_.load(test::modelsDir()), "the installed models load");
}

QImage TestFaceEngine::frameWithChip(const QImage& chip, int face_px)
{
    QImage frame(640, 480, QImage::Format_RGB888);
    frame.fill(QColor(120, 125, 130));
    QPainter p(&frame);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(QRect((640 - face_px) / 2, (480 - face_px) / 2, face_px, face_px), chip);
    return frame;
}

void TestFaceEngine::modelProblemsAreErrors_data()
{
    QTest::addColumn<QString>("problem");
    QTest::addColumn<FaceErrorCode>("code");
    QTest::newRow("empty folder") << QStringLiteral("empty") << FaceErrorCode::ModelMissing;
    QTest::newRow("truncated landmarks model")
        << QStringLiteral("truncated") << FaceErrorCode::ModelDamaged;
    QTest::newRow("one byte changed") << QStringLiteral("flipped") << FaceErrorCode::ModelDamaged;
    QTest::newRow("no such folder") << QStringLiteral("nofolder") << FaceErrorCode::ModelMissing;
}

void TestFaceEngine::modelProblemsAreErrors()
{
    QFETCH(QString, problem);
    QFETCH(FaceErrorCode, code);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString folder = dir.path();
    const QString sp =
        QDir(test::modelsDir()).filePath(QLatin1String(FaceEngine::kShapePredictorFile));
    if (problem == QLatin1String("truncated") || problem == QLatin1String("flipped")) {
        if (!QFileInfo::exists(sp))
            MK_SKIP_OR_FAIL_IN_CI(QStringLiteral("face model absent: ") + sp);
        QFile in(sp);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray bytes = in.readAll();
        if (problem == QLatin1String("truncated"))
            bytes.truncate(bytes.size() / 2);
        else
            bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x40);
        QFile out(dir.filePath(QLatin1String(FaceEngine::kShapePredictorFile)));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
    } else if (problem == QLatin1String("nofolder")) {
        folder = dir.filePath(QStringLiteral("absent"));
    }
    FaceEngine engine;
    const FaceStatus s = engine.load(folder);
    QVERIFY(!s);
    QCOMPARE(s.error().code, code);
    QVERIFY(s.error().detail.contains(QLatin1String(FaceEngine::kShapePredictorFile)));
    QVERIFY(!engine.isLoaded());
    auto r = engine.analyze(QImage(64, 64, QImage::Format_RGB888));
    QVERIFY(!r);
    QCOMPARE(r.error().code, FaceErrorCode::NotLoaded);
}

void TestFaceEngine::notLoadedIsAnError()
{
    FaceEngine engine;
    QCOMPARE(engine.detect(QImage(64, 64, QImage::Format_RGB888)).error().code,
             FaceErrorCode::NotLoaded);
    QCOMPARE(engine.analyzeChip(QImage(150, 150, QImage::Format_RGB888)).error().code,
             FaceErrorCode::NotLoaded);
}

void TestFaceEngine::samePersonUnderThreshold_data()
{
    QTest::addColumn<QString>("person");
    for (const QString& p : test::johnsPeople()) QTest::newRow(qPrintable(p)) << p;
    if (test::johnsPeople().isEmpty()) QTest::newRow("none") << QString();
}

void TestFaceEngine::samePersonUnderThreshold()
{
    MK_FACE_REQUIRE_MODELS();
    QFETCH(QString, person);
    const QStringList images = test::johnsImages(person);
    QVERIFY(images.size() >= 3);
    auto first = engine_.analyzeChip(QImage(images[0]));
    QVERIFY(first);
    QVERIFY(first.value().descriptor);
    for (int i = 1; i < 3; ++i) {
        auto other = engine_.analyzeChip(QImage(images[i]));
        QVERIFY(other);
        const double d = descriptorDistance(*first.value().descriptor, *other.value().descriptor);
        QVERIFY2(d < threshold_, qPrintable(QStringLiteral("%1: %2").arg(images[i]).arg(d)));
    }
}

void TestFaceEngine::differentPeopleOverThreshold()
{
    MK_FACE_REQUIRE_MODELS();
    std::vector<Descriptor> firsts;
    for (const QString& p : test::johnsPeople()) {
        auto a = engine_.analyzeChip(QImage(test::johnsImages(p).front()));
        QVERIFY(a);
        firsts.push_back(*a.value().descriptor);
    }
    for (size_t i = 0; i < firsts.size(); ++i)
        for (size_t j = i + 1; j < firsts.size(); ++j) {
            const double d = descriptorDistance(firsts[i], firsts[j]);
            QVERIFY2(d > threshold_, qPrintable(QString::number(d)));
        }
}

void TestFaceEngine::noFace()
{
    MK_FACE_REQUIRE_MODELS();
    const QString path =
        QDir(test::photosDir(QStringLiteral("faces"))).filePath(QStringLiteral("dogs.jpg"));
    const QImage dogs(path);
    if (dogs.isNull()) MK_SKIP_OR_FAIL_IN_CI(QStringLiteral("photo absent: ") + path);
    auto a = engine_.analyze(dogs);
    QVERIFY(a);
    QCOMPARE(a.value().faces.size(), size_t(0));
    QCOMPARE(a.value().quality.issue, QualityIssue::NoFace);
    QVERIFY(!a.value().descriptor);
}

void TestFaceEngine::severalFacesRefused()
{
    MK_FACE_REQUIRE_MODELS();
    const QString path =
        QDir(test::photosDir(QStringLiteral("faces"))).filePath(QStringLiteral("bald_guys.jpg"));
    const QImage photo(path);
    if (photo.isNull()) MK_SKIP_OR_FAIL_IN_CI(QStringLiteral("photo absent: ") + path);
    auto a = engine_.analyze(photo);
    QVERIFY(a);
    QVERIFY2(a.value().faces.size() > 1, qPrintable(QString::number(a.value().faces.size())));
    QCOMPARE(a.value().quality.issue, QualityIssue::MultipleFaces);
    QVERIFY(!a.value().descriptor);
    QVERIFY(Quality::hint(a.value().quality.issue).contains(QLatin1String("Only one person")));
}

void TestFaceEngine::fullFrameMatchesChip()
{
    MK_FACE_REQUIRE_MODELS();
    const QStringList images = test::johnsImages(test::johnsPeople().front());
    const QImage chip(images.front());
    auto from_chip = engine_.analyzeChip(chip);
    auto from_frame = engine_.analyze(frameWithChip(chip, 300));
    QVERIFY(from_chip);
    QVERIFY(from_frame);
    QCOMPARE(from_frame.value().faces.size(), size_t(1));
    QVERIFY(from_frame.value().descriptor);
    const double d =
        descriptorDistance(*from_chip.value().descriptor, *from_frame.value().descriptor);
    QVERIFY2(d < threshold_ / 2, qPrintable(QString::number(d)));
}

// The downscaled, coarser detection must lose no face that dlib's raw full-frame detector finds
// and that is big enough to pass the size gate (or to count as a second person). Faces the raw
// detector itself finds only just (HOG score under 0.25, dlib's threshold being 0) may cross the
// threshold either way under any resampling — the previous 400x300 default lost one of them
// too — so they are counted and printed, not required.
void TestFaceEngine::findsEveryGateSizedFace_data()
{
    QTest::addColumn<QString>("source");
    QTest::newRow("photos/faces") << QStringLiteral("faces");
    QTest::newRow("johns in 640x480 frames, faces 124-300 px") << QStringLiteral("johns");
}

void TestFaceEngine::findsEveryGateSizedFace()
{
    MK_FACE_REQUIRE_MODELS();
    QFETCH(QString, source);
    std::vector<QImage> images;
    if (source == QLatin1String("faces")) {
        const QDir dir(test::photosDir(source));
        for (const QString& f : dir.entryList({QStringLiteral("*.jpg")}, QDir::Files, QDir::Name))
            images.push_back(QImage(dir.filePath(f)));
    } else {
        int i = 0;
        for (const QString& person : test::johnsPeople()) {
            for (const QString& path : test::johnsImages(person)) {
                const QImage chip(path);
                for (int face_px : {124, 130, 145, 170, 260}) {
                    QImage frame(640, 480, QImage::Format_RGB888);
                    frame.fill(QColor(90 + (i * 13) % 80, 100, 110 + (i * 7) % 60));
                    QPainter p(&frame);
                    p.setRenderHint(QPainter::SmoothPixmapTransform);
                    p.drawImage(QRect(20 + (i * 53) % (620 - face_px),
                                      10 + (i * 29) % (470 - face_px), face_px, face_px),
                                chip);
                    images.push_back(frame);
                    ++i;
                }
            }
        }
    }
    if (images.empty()) MK_SKIP_OR_FAIL_IN_CI(QStringLiteral("photos absent: ") + source);
    EngineOptions raw_options;
    raw_options.detect_min_face_px = 0;  // dlib's detector as is: full frame, pyramid 5/6
    raw_options.hog_pyramid_down = 6;
    FaceEngine raw(raw_options);
    QVERIFY(raw.load(test::modelsDir()));
    const int gate_px = engine_.options().quality.min_face_width_px;
    constexpr double kBorderlineScore = 0.25;
    int gate_sized = 0;
    int found = 0;
    QStringList lost;
    QStringList borderline_lost;
    for (size_t i = 0; i < images.size(); ++i) {
        auto expected = raw.detect(images[i]);
        auto ours = engine_.detect(images[i]);
        QVERIFY(expected);
        QVERIFY(ours);
        for (const DetectedFace& e : expected.value()) {
            if (e.box.width() < gate_px) continue;
            ++gate_sized;
            const qint64 e_area = qint64(e.box.width()) * e.box.height();
            const bool hit =
                std::any_of(ours.value().begin(), ours.value().end(), [&](const DetectedFace& o) {
                    const QRect both = e.box.intersected(o.box);
                    const qint64 o_area = qint64(o.box.width()) * o.box.height();
                    return qint64(both.width()) * both.height() * 2 > std::min(e_area, o_area);
                });
            const QString where = QStringLiteral("image %1: %2 px at %3,%4 (raw score %5)")
                                      .arg(i)
                                      .arg(e.box.width())
                                      .arg(e.box.left())
                                      .arg(e.box.top())
                                      .arg(e.score, 0, 'f', 2);
            if (hit)
                ++found;
            else if (e.score < kBorderlineScore)
                borderline_lost << where;
            else
                lost << where;
        }
    }
    qInfo("%s: %d of %d faces >= %d px found; borderline lost: %s", qPrintable(source), found,
          gate_sized, gate_px, qPrintable(borderline_lost.join(QStringLiteral("; "))));
    QVERIFY(gate_sized > 0);
    QVERIFY2(lost.isEmpty(), qPrintable(lost.join(QStringLiteral("; "))));
}

void TestFaceEngine::qualityGates_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QualityIssue>("expected");
    QTest::newRow("as taken") << QStringLiteral("none") << QualityIssue::Ok;
    QTest::newRow("dark") << QStringLiteral("dark") << QualityIssue::TooDark;
    QTest::newRow("bright") << QStringLiteral("bright") << QualityIssue::TooBright;
    QTest::newRow("far away") << QStringLiteral("small") << QualityIssue::TooSmall;
}

void TestFaceEngine::qualityGates()
{
    MK_FACE_REQUIRE_MODELS();
    QFETCH(QString, change);
    QFETCH(QualityIssue, expected);
    QImage chip = QImage(test::johnsImages(test::johnsPeople().front()).front())
                      .convertToFormat(QImage::Format_RGB888);
    int face_px = 300;
    if (change == QLatin1String("dark") || change == QLatin1String("bright")) {
        for (int y = 0; y < chip.height(); ++y) {
            uchar* row = chip.scanLine(y);
            for (int x = 0; x < chip.width() * 3; ++x)
                row[x] = change == QLatin1String("dark") ? uchar(row[x] / 5)
                                                         : uchar(std::min(255, row[x] / 4 + 215));
        }
    } else if (change == QLatin1String("small")) {
        face_px = 190;  // a box of about 170 px: found, and under a 200 px size gate
    }
    EngineOptions options;
    options.quality.min_face_width_px = 200;
    engine_.setOptions(options);
    auto a = engine_.analyze(frameWithChip(chip, face_px));
    engine_.setOptions(EngineOptions{});
    QVERIFY(a);
    QCOMPARE(a.value().faces.size(), size_t(1));
    const QualityReport& q = a.value().quality;
    QVERIFY2(q.issue == expected,
             qPrintable(QStringLiteral("%1 (lum %2, lapvar %3, width %4, yaw %5, pitch %6)")
                            .arg(Quality::name(q.issue))
                            .arg(q.mean_luminance)
                            .arg(q.laplacian_variance)
                            .arg(q.face_width_px)
                            .arg(q.pose.yaw)
                            .arg(q.pose.pitch)));
    QVERIFY(!Quality::hint(q.issue).isEmpty());
}

void TestFaceEngine::blurredChip()
{
    MK_FACE_REQUIRE_MODELS();
    const QImage chip = QImage(test::johnsImages(test::johnsPeople().front()).front())
                            .scaled(14, 14, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                            .scaled(150, 150, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    auto a = engine_.analyzeChip(chip);
    QVERIFY(a);
    QCOMPARE(a.value().quality.issue, QualityIssue::Blurred);
}

void TestFaceEngine::turnedHeadNotFrontal()
{
    MK_FACE_REQUIRE_MODELS();
    // The gate itself, on landmarks of a head turned by about 30 degrees.
    DetectedFace face;
    face.box = QRect(0, 0, 200, 200);
    face.landmarks.points = {QPointF(150, 80), QPointF(118, 82), QPointF(60, 80), QPointF(88, 82),
                             QPointF(130, 135)};
    QImage chip(150, 150, QImage::Format_Grayscale8);
    for (int y = 0; y < 150; ++y)
        for (int x = 0; x < 150; ++x) chip.scanLine(y)[x] = uchar((x * 7 + y * 13) % 200 + 20);
    const QualityReport r = Quality::assess(1, &face, chip, QualityConfig{});
    QCOMPARE(r.issue, QualityIssue::NotFrontal);
    QVERIFY(r.pose.yaw > 0.22);
}

void TestFaceEngine::wrongChipSize()
{
    MK_FACE_REQUIRE_MODELS();
    auto a = engine_.analyzeChip(QImage(100, 150, QImage::Format_RGB888));
    QVERIFY(!a);
    QCOMPARE(a.error().code, FaceErrorCode::BadImage);
}

QTEST_GUILESS_MAIN(TestFaceEngine)
#include "tst_faceengine.moc"
