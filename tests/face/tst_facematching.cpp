// Gallery (1:N, 1:1, int8 layout), Identifier (confirmation digits, lockout persisted through a
// fake in-memory TemplateStore, 1:1 verify) and Enrollment (consent rules) on synthetic
// descriptors: no models needed.
#include "face_auth/Enrollment.h"
#include "face_auth/FaceConfig.h"
#include "face_auth/Gallery.h"
#include "face_auth/Identifier.h"

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

// A TemplateStore holding only the lockout state, whose reads and writes can be made to fail.
// With own_lockout false it leaves the lockout to TemplateStore's default implementation.
class FakeStore : public TemplateStore
{
public:
    explicit FakeStore(bool own_lockout = true) : own_lockout_(own_lockout) {}
    FaceStatus saveConsent(const ConsentRecord&) override { return FaceOk{}; }
    FaceResult<std::optional<ConsentRecord>> consent(const QString&) override
    {
        return std::optional<ConsentRecord>{};
    }
    FaceResult<qint64> saveTemplate(const FaceTemplate&) override { return qint64(1); }
    FaceResult<std::vector<FaceTemplate>> loadTemplates(const QDateTime&) override
    {
        return std::vector<FaceTemplate>{};
    }
    FaceResult<int> deletePatient(const QString&) override { return 0; }
    FaceResult<int> purgeExpired(const QDateTime&) override { return 0; }
    FaceResult<LockoutState> loadLockout() override
    {
        if (fail_loads) return faceError(FaceErrorCode::Storage, QStringLiteral("read failed"));
        return own_lockout_ ? state : TemplateStore::loadLockout();
    }
    FaceStatus saveLockout(const LockoutState& s) override
    {
        if (fail_saves) return faceError(FaceErrorCode::Storage, QStringLiteral("disk full"));
        ++saves;
        if (!own_lockout_) return TemplateStore::saveLockout(s);
        state = s;
        return FaceOk{};
    }

    LockoutState state;
    int saves = 0;
    bool fail_loads = false;
    bool fail_saves = false;

private:
    bool own_lockout_ = true;
};

FaceTemplate makeTemplate(qint64 id, const QString& patient, const Descriptor& d)
{
    FaceTemplate t;
    t.id = id;
    t.patient_id = patient;
    t.phone_last4 = QStringLiteral("1234");
    t.descriptor = d;
    return t;
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
    void lockoutSurvivesNewIdentifier_data();
    void lockoutSurvivesNewIdentifier();
    void persistedSuccessClearsAndWindowExpires();
    void lockoutFailsClosed();
    void staffClearAndClockBack();
    void verify_data();
    void verify();
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

void TestFaceMatching::lockoutSurvivesNewIdentifier_data()
{
    QTest::addColumn<bool>("own_lockout");
    QTest::newRow("store's own lockout") << true;
    QTest::newRow("TemplateStore's default") << false;
}

void TestFaceMatching::lockoutSurvivesNewIdentifier()
{
    QFETCH(bool, own_lockout);
    QRandomGenerator rng(21);
    qint64 now_ms = 7'000'000;
    IdentifyConfig config;
    config.max_failures = 3;
    config.lockout_s = 60;
    const FaceTemplate t = makeTemplate(1, QStringLiteral("P1"), randomDescriptor(rng));
    FakeStore store(own_lockout);
    {
        Identifier first(config, [&] { return now_ms; });
        first.attachStore(&store);
        first.setTemplates({t});
        QCOMPARE(first.identify(randomDescriptor(rng)).error().code, FaceErrorCode::NotFound);
        QCOMPARE(first.identify(randomDescriptor(rng)).error().code, FaceErrorCode::NotFound);
        QCOMPARE(store.saves, 2);
    }
    // "Restart": the failures are remembered, the third one locks.
    {
        Identifier second(config, [&] { return now_ms; });
        second.attachStore(&store);
        second.setTemplates({t});
        QCOMPARE(second.recentFailures(), 2);
        QCOMPARE(second.identify(randomDescriptor(rng)).error().code, FaceErrorCode::LockedOut);
    }
    now_ms += 10'000;
    Identifier third(config, [&] { return now_ms; });
    QVERIFY(!third.lockedOut());  // not attached yet
    third.attachStore(&store);
    third.setTemplates({t});
    QVERIFY(third.lockedOut());
    QCOMPARE(third.lockedUntilMs(), now_ms - 10'000 + 60'000);
    QCOMPARE(third.identify(t.descriptor).error().code, FaceErrorCode::LockedOut);
    QCOMPARE(third.verify(QStringLiteral("P1"), t.descriptor).error().code,
             FaceErrorCode::LockedOut);
    now_ms += 50'001;
    QVERIFY(!third.lockedOut());
    QVERIFY(third.identify(t.descriptor));
}

void TestFaceMatching::persistedSuccessClearsAndWindowExpires()
{
    QRandomGenerator rng(22);
    qint64 now_ms = 9'000'000;
    IdentifyConfig config;
    config.max_failures = 3;
    config.failure_window_s = 100;
    const FaceTemplate t = makeTemplate(1, QStringLiteral("P1"), randomDescriptor(rng));
    FakeStore store;
    Identifier id(config, [&] { return now_ms; });
    id.attachStore(&store);
    id.setTemplates({t});
    QVERIFY(!id.identify(randomDescriptor(rng)));
    QVERIFY(!id.identify(randomDescriptor(rng)));
    QCOMPARE(store.state.failures_ms.size(), size_t(2));
    auto c = id.identify(t.descriptor);
    QVERIFY(c);
    QVERIFY(id.confirm(c.value(), QStringLiteral("1234")));
    QVERIFY(store.state.failures_ms.empty());  // a success clears the saved failures
    // Two failures, then the window passes: a third failure no longer locks.
    QVERIFY(!id.identify(randomDescriptor(rng)));
    QVERIFY(!id.identify(randomDescriptor(rng)));
    now_ms += 100'001;
    Identifier later(config, [&] { return now_ms; });
    later.attachStore(&store);
    later.setTemplates({t});
    QCOMPARE(later.recentFailures(), 0);
    QCOMPARE(later.identify(randomDescriptor(rng)).error().code, FaceErrorCode::NotFound);
    QVERIFY(!later.lockedOut());
    QCOMPARE(store.state.failures_ms, std::vector<qint64>{now_ms});
}

void TestFaceMatching::lockoutFailsClosed()
{
    QRandomGenerator rng(23);
    qint64 now_ms = 11'000'000;
    IdentifyConfig config;
    config.max_failures = 2;
    config.lockout_s = 60;
    const FaceTemplate t = makeTemplate(1, QStringLiteral("P1"), randomDescriptor(rng));
    FakeStore store;
    store.fail_saves = true;
    Identifier id(config, [&] { return now_ms; });
    id.attachStore(&store);
    id.setTemplates({t});
    QVERIFY(!id.identify(randomDescriptor(rng)));
    QCOMPARE(id.identify(randomDescriptor(rng)).error().code, FaceErrorCode::LockedOut);
    QCOMPARE(store.state.locked_until_ms, qint64(0));  // never written
    // The store still says "not locked": the unsaved lockout applies anyway.
    QVERIFY(id.lockedOut());
    QCOMPARE(id.identify(t.descriptor).error().code, FaceErrorCode::LockedOut);
    store.fail_loads = true;
    QVERIFY(id.lockedOut());
    // Once the store works again, the next change writes the lockout it missed.
    store.fail_loads = false;
    store.fail_saves = false;
    Identifier other(config, [&] { return now_ms; });
    other.attachStore(&store);
    QVERIFY(!other.lockedOut());
    id.attachStore(&store);  // re-attaching saves what the store missed
    QCOMPARE(store.state.locked_until_ms, now_ms + 60'000);
    QVERIFY(other.lockedOut());
}

void TestFaceMatching::staffClearAndClockBack()
{
    QRandomGenerator rng(24);
    qint64 now_ms = 13'000'000;
    IdentifyConfig config;
    config.max_failures = 1;
    config.lockout_s = 60;
    FakeStore store;
    Identifier id(config, [&] { return now_ms; });
    id.attachStore(&store);
    id.setTemplates({makeTemplate(1, QStringLiteral("P1"), randomDescriptor(rng))});
    QCOMPARE(id.identify(randomDescriptor(rng)).error().code, FaceErrorCode::LockedOut);
    QVERIFY(store.state.locked_until_ms > now_ms);
    store.state = LockoutState{};  // `medkioskctl face lockout --clear` on the running kiosk
    QVERIFY(!id.lockedOut());
    // A lockout saved before the clock was set back lasts at most lockout_s from now.
    store.state.locked_until_ms = now_ms + 86'400'000;
    QVERIFY(id.lockedOut());
    QCOMPARE(id.lockedUntilMs(), now_ms + 60'000);
}

void TestFaceMatching::verify_data()
{
    QTest::addColumn<QString>("patient");
    QTest::addColumn<int>("probe");  // 0: P1 nudged, 1: P2 nudged, 2: a stranger
    QTest::addColumn<int>("expected");
    QTest::addColumn<int>("failures_after");
    QTest::newRow("accept") << QStringLiteral("P1") << 0 << int(FaceErrorCode::Unset) << 0;
    QTest::newRow("another patient's face")
        << QStringLiteral("P1") << 1 << int(FaceErrorCode::NotFound) << 1;
    QTest::newRow("stranger") << QStringLiteral("P2") << 2 << int(FaceErrorCode::NotFound) << 1;
    QTest::newRow("no template, not counted")
        << QStringLiteral("P9") << 0 << int(FaceErrorCode::NotFound) << 0;
}

void TestFaceMatching::verify()
{
    QFETCH(QString, patient);
    QFETCH(int, probe);
    QFETCH(int, expected);
    QFETCH(int, failures_after);
    QRandomGenerator rng(25);
    const Descriptor p1 = randomDescriptor(rng);
    const Descriptor p2 = randomDescriptor(rng);
    const Descriptor stranger = randomDescriptor(rng);
    FakeStore store;
    Identifier id(IdentifyConfig{}, [] { return qint64(15'000'000); });
    id.attachStore(&store);
    // P1 has two templates: the nearer one counts.
    id.setTemplates({makeTemplate(1, QStringLiteral("P1"), nudged(p1, rng, 0.05)),
                     makeTemplate(2, QStringLiteral("P2"), p2),
                     makeTemplate(3, QStringLiteral("P1"), p1)});
    const Descriptor probes[] = {nudged(p1, rng, 0.005), nudged(p2, rng, 0.005), stranger};
    const Descriptor& d = probes[probe];
    auto result = id.verify(patient, d);
    if (expected == int(FaceErrorCode::Unset)) {
        QVERIFY2(result, qPrintable(result.ok() ? QString() : result.error().detail));
        QVERIFY(result.value() < 0.1);
        QCOMPARE(result.value(), id.nearestOf(patient, d).distance);
        QCOMPARE(id.nearestOf(patient, d).id, qint64(3));
    } else {
        QVERIFY(!result);
        QCOMPARE(int(result.error().code), expected);
        const GalleryMatch m = id.nearestOf(patient, d);
        QVERIFY(!m.accepted);
        if (patient == QStringLiteral("P9"))
            QCOMPARE(m.id, qint64(-1));
        else
            QVERIFY(m.distance > IdentifyConfig{}.match_threshold);
    }
    QCOMPARE(id.recentFailures(), failures_after);
    QCOMPARE(int(store.state.failures_ms.size()), failures_after);
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
