// Gallery (1:N, 1:1, int8 layout), Identifier (confirmation digits, lockout) and Enrollment
// (consent rules) on synthetic descriptors: no models needed.
#include "Enrollment.h"
#include "FaceConfig.h"
#include "Gallery.h"
#include "Identifier.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace mk::face;

namespace {

// A random descriptor shaped like dlib's: unit-ish norm, components within +-0.3.
Descriptor randomDescriptor(QRandomGenerator& rng)
{
    Descriptor d{};
    double norm = 0.0;
    for (float& v : d) {
        v = float(rng.generateDouble() * 2.0 - 1.0);
        norm += double(v) * double(v);
    }
    for (float& v : d) v = float(double(v) / std::sqrt(norm) * 0.9);
    return d;
}

Descriptor nudged(const Descriptor& d, QRandomGenerator& rng, double amount)
{
    Descriptor out = d;
    for (float& v : out) v += float((rng.generateDouble() * 2.0 - 1.0) * amount);
    return out;
}

FaceAnalysis goodFrame(const Descriptor& d)
{
    FaceAnalysis a;
    a.quality.issue = QualityIssue::Ok;
    a.descriptor = d;
    return a;
}

}  // namespace

class TestFaceMatching : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gallerySearchFindsNearest();
    void galleryQuantisationError();
    void galleryRemoveAndVerify();
    void galleryEmpty();
    void identifyThenConfirm();
    void lockoutAfterFailures_data();
    void lockoutAfterFailures();
    void consentRules_data();
    void consentRules();
    void enrollmentAveragesGoodFrames();
    void enrollmentRefusesPoorOrMixedFrames();
    void configFromIni_data();
    void configFromIni();
};

void TestFaceMatching::gallerySearchFindsNearest()
{
    QRandomGenerator rng(42);
    Gallery gallery(0.5);
    std::vector<Descriptor> people;
    for (int i = 0; i < 2000; ++i) {
        people.push_back(randomDescriptor(rng));
        gallery.add(1000 + i, people.back());
    }
    QCOMPARE(gallery.size(), size_t(2000));
    for (int i : {0, 1, 777, 1999}) {
        const GalleryMatch m = gallery.search(nudged(people[size_t(i)], rng, 0.01));
        QCOMPARE(m.id, qint64(1000 + i));
        QVERIFY(m.accepted);
        QVERIFY(m.distance < 0.2);
    }
    // Nobody near: nearest reported, not accepted.
    const GalleryMatch stranger = gallery.search(randomDescriptor(rng));
    QVERIFY(stranger.id >= 1000);
    QVERIFY(!stranger.accepted);
    QVERIFY(stranger.distance > 0.5);
}

void TestFaceMatching::galleryQuantisationError()
{
    QRandomGenerator rng(7);
    double worst = 0.0;
    for (int i = 0; i < 500; ++i) {
        const Descriptor a = randomDescriptor(rng);
        const Descriptor b = i % 2 ? randomDescriptor(rng) : nudged(a, rng, 0.03);
        const double exact = descriptorDistance(a, b);
        const double q = Gallery::distance(Gallery::quantise(a), Gallery::quantise(b));
        worst = std::max(worst, std::abs(exact - q));
    }
    QVERIFY2(worst < 0.01, qPrintable(QString::number(worst)));
    QCOMPARE(Gallery::kBytesPerTemplate, size_t(136));
}

void TestFaceMatching::galleryRemoveAndVerify()
{
    QRandomGenerator rng(3);
    Gallery gallery(0.5);
    const Descriptor a = randomDescriptor(rng);
    const Descriptor b = randomDescriptor(rng);
    const Descriptor c = randomDescriptor(rng);
    gallery.add(1, a);
    gallery.add(2, b);
    gallery.add(1, nudged(a, rng, 0.02));
    gallery.add(3, c);
    QVERIFY(gallery.verify(nudged(a, rng, 0.01), 1).accepted);
    QVERIFY(!gallery.verify(a, 2).accepted);
    QCOMPARE(gallery.remove(1), 2);
    QCOMPARE(gallery.size(), size_t(2));
    QCOMPARE(gallery.search(b).id, qint64(2));
    QCOMPARE(gallery.search(c).id, qint64(3));
    QVERIFY(!gallery.verify(a, 1).accepted);
    QCOMPARE(gallery.verify(a, 1).id, qint64(-1));
}

void TestFaceMatching::galleryEmpty()
{
    Gallery gallery;
    QRandomGenerator rng(1);
    const GalleryMatch m = gallery.search(randomDescriptor(rng));
    QCOMPARE(m.id, qint64(-1));
    QVERIFY(!m.accepted);
}

void TestFaceMatching::identifyThenConfirm()
{
    QRandomGenerator rng(11);
    qint64 now_ms = 1'000'000;
    Identifier id(IdentifyConfig{}, [&] { return now_ms; });
    std::vector<FaceTemplate> templates(3);
    for (int i = 0; i < 3; ++i) {
        templates[size_t(i)].id = 10 + i;
        templates[size_t(i)].patient_id = QStringLiteral("P%1").arg(i);
        templates[size_t(i)].phone_last4 = QStringLiteral("000%1").arg(i);
        templates[size_t(i)].descriptor = randomDescriptor(rng);
    }
    id.setTemplates(templates);
    auto candidate = id.identify(nudged(templates[1].descriptor, rng, 0.01));
    QVERIFY(candidate);
    QCOMPARE(candidate.value().template_id, qint64(11));
    auto patient = id.confirm(candidate.value(), QStringLiteral("0001"));
    QVERIFY(patient);
    QCOMPARE(patient.value(), QStringLiteral("P1"));
    auto wrong = id.confirm(candidate.value(), QStringLiteral("0002"));
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, FaceErrorCode::NotFound);
}

void TestFaceMatching::lockoutAfterFailures_data()
{
    QTest::addColumn<bool>("wrong_digits");  // else: unknown faces
    QTest::newRow("unknown faces") << false;
    QTest::newRow("wrong phone digits") << true;
}

void TestFaceMatching::lockoutAfterFailures()
{
    QFETCH(bool, wrong_digits);
    QRandomGenerator rng(5);
    qint64 now_ms = 5'000'000;
    IdentifyConfig config;
    config.max_failures = 3;
    config.lockout_s = 120;
    Identifier id(config, [&] { return now_ms; });
    FaceTemplate t;
    t.id = 1;
    t.patient_id = QStringLiteral("P1");
    t.phone_last4 = QStringLiteral("1234");
    t.descriptor = randomDescriptor(rng);
    id.setTemplates({t});
    auto attempt = [&]() -> FaceErrorCode {
        if (wrong_digits) {
            auto c = id.identify(t.descriptor);
            if (!c) return c.error().code;
            auto p = id.confirm(c.value(), QStringLiteral("9999"));
            return p ? FaceErrorCode::Unset : p.error().code;
        }
        auto c = id.identify(randomDescriptor(rng));
        return c ? FaceErrorCode::Unset : c.error().code;
    };
    QCOMPARE(attempt(), FaceErrorCode::NotFound);
    now_ms += 1000;
    QCOMPARE(attempt(), FaceErrorCode::NotFound);
    now_ms += 1000;
    QCOMPARE(attempt(), FaceErrorCode::LockedOut);  // the third failure locks
    QVERIFY(id.lockedOut());
    // Even the right face and digits are refused while locked.
    auto locked = id.identify(t.descriptor);
    QVERIFY(!locked);
    QCOMPARE(locked.error().code, FaceErrorCode::LockedOut);
    now_ms += 119'000;
    QVERIFY(id.lockedOut());
    now_ms += 2'000;
    QVERIFY(!id.lockedOut());
    auto c = id.identify(t.descriptor);
    QVERIFY(c);
    QVERIFY(id.confirm(c.value(), QStringLiteral("1234")));
    QCOMPARE(id.recentFailures(), 0);
}

void TestFaceMatching::consentRules_data()
{
    QTest::addColumn<int>("age");
    QTest::addColumn<bool>("guardian_enabled");
    QTest::addColumn<bool>("guardian_given");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("adult") << 30 << false << false << true;
    QTest::newRow("exactly 14") << 14 << false << false << true;
    QTest::newRow("13, guardian consent not enabled") << 13 << false << true << false;
    QTest::newRow("13, enabled but not given") << 13 << true << false << false;
    QTest::newRow("13, enabled and given") << 13 << true << true << true;
    QTest::newRow("age unknown") << -1 << true << true << false;
}

void TestFaceMatching::consentRules()
{
    QFETCH(int, age);
    QFETCH(bool, guardian_enabled);
    QFETCH(bool, guardian_given);
    QFETCH(bool, accepted);
    EnrollmentConfig config;
    config.guardian_consent_enabled = guardian_enabled;
    const ConsentRecord c = Enrollment::makeConsent(QStringLiteral("P1"), age, guardian_given,
                                                    QDateTime::currentDateTimeUtc(), config);
    QVERIFY(!c.purpose.isEmpty());
    QVERIFY(c.stored_data.contains(QLatin1String("No photo")));
    QCOMPARE(c.retention_days, config.retention_days);
    const FaceStatus s = Enrollment::checkConsent(c, config);
    QCOMPARE(s.ok(), accepted);
    if (!accepted) QCOMPARE(s.error().code, FaceErrorCode::Consent);
}

void TestFaceMatching::enrollmentAveragesGoodFrames()
{
    QRandomGenerator rng(9);
    const Descriptor person = randomDescriptor(rng);
    EnrollmentConfig config;
    config.frames_required = 3;
    config.retention_days = 30;
    Enrollment e(config);
    for (int i = 0; i < 3; ++i) QVERIFY(e.addFrame(goodFrame(nudged(person, rng, 0.02))));
    QVERIFY(e.complete());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto t = e.finish(QStringLiteral("P1"), QStringLiteral("5678"), now);
    QVERIFY(t);
    QVERIFY(descriptorDistance(t.value().descriptor, person) < 0.1);
    QCOMPARE(t.value().expires_at, now.addDays(30));
    QCOMPARE(e.framesCollected(), 0);
}

void TestFaceMatching::enrollmentRefusesPoorOrMixedFrames()
{
    QRandomGenerator rng(10);
    Enrollment e(EnrollmentConfig{});
    FaceAnalysis blurred = goodFrame(randomDescriptor(rng));
    blurred.quality.issue = QualityIssue::Blurred;
    const FaceStatus s = e.addFrame(blurred);
    QVERIFY(!s);
    QCOMPARE(s.error().detail, Quality::hint(QualityIssue::Blurred));
    QVERIFY(!e.finish(QStringLiteral("P1"), QString(), QDateTime::currentDateTimeUtc()));
    // Two different people in one enrollment.
    QVERIFY(e.addFrame(goodFrame(randomDescriptor(rng))));
    QVERIFY(e.addFrame(goodFrame(randomDescriptor(rng))));
    QVERIFY(e.addFrame(goodFrame(randomDescriptor(rng))));
    QVERIFY(!e.finish(QStringLiteral("P1"), QString(), QDateTime::currentDateTimeUtc()));
}

void TestFaceMatching::configFromIni_data()
{
    QTest::addColumn<QString>("ini");
    QTest::addColumn<bool>("ok");
    QTest::newRow("no face group") << QStringLiteral("[pool]\nurl=x\n") << true;
    QTest::newRow("tuned")
        << QStringLiteral(
               "[face]\nenabled=true\nmatch_threshold=0.45\nlockout_s=60\nretention_days=30\n"
               "guardian_consent_enabled=true\nmin_face_width_px=160\n")
        << true;
    QTest::newRow("threshold not a number")
        << QStringLiteral("[face]\nmatch_threshold=abc\n") << false;
    QTest::newRow("threshold too large") << QStringLiteral("[face]\nmatch_threshold=3\n") << false;
    QTest::newRow("retention zero") << QStringLiteral("[face]\nretention_days=0\n") << false;
    QTest::newRow("luminance min over max")
        << QStringLiteral("[face]\nmin_mean_luminance=200\nmax_mean_luminance=100\n") << false;
}

void TestFaceMatching::configFromIni()
{
    QFETCH(QString, ini);
    QFETCH(bool, ok);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kiosk.ini"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(ini.toUtf8());
    f.close();
    auto config = FaceConfigLoader::load(path);
    QCOMPARE(config.ok(), ok);
    if (!ok) {
        QCOMPARE(config.error().code, FaceErrorCode::Config);
        return;
    }
    if (QTest::currentDataTag() == QByteArray("tuned")) {
        QVERIFY(config.value().enabled);
        QCOMPARE(config.value().identify.match_threshold, 0.45);
        QCOMPARE(config.value().identify.lockout_s, 60);
        QCOMPARE(config.value().enrollment.retention_days, 30);
        QVERIFY(config.value().enrollment.guardian_consent_enabled);
        QCOMPARE(config.value().engine.quality.min_face_width_px, 160);
    } else {
        QVERIFY(!config.value().enabled);
        QCOMPARE(config.value().identify.match_threshold, IdentifyConfig{}.match_threshold);
    }
    QVERIFY(FaceConfigLoader::load(dir.filePath(QStringLiteral("absent.ini"))).ok());
}

QTEST_GUILESS_MAIN(TestFaceMatching)
#include "tst_facematching.moc"
