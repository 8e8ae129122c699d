// SqlTemplateStore (face_auth's TemplateStore on the encrypted store): round trip, consent
// required, expiry, purge, "delete my face data", enrollment consent rules through the store,
// the identification lockout kept across a restart, and a store of schema 5 upgraded with its data.
#include "core/face/SqlTemplateStore.h"
#include "core/store/Migrations.h"
#include "core/store/SecureKey.h"
#include "core/store/SqlCipherDb.h"
#include "core/store/SqlStatement.h"
#include "core/store/Store.h"
#include "face_auth/Enrollment.h"
#include "face_auth/Identifier.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace mk;
using namespace mk::face;

namespace {

std::unique_ptr<store::Store> openStore()
{
    auto s = store::Store::open(QStringLiteral(":memory:"),
                                store::SecureKey(QByteArray(store::SecureKey::kSizeBytes, 'f')));
    if (!s) qWarning() << s.error().detail;
    return s ? std::move(s.value()) : nullptr;
}

FaceTemplate makeTemplate(const QString& patient, const QDateTime& created, int days, int seed)
{
    QRandomGenerator rng{quint32(seed)};
    FaceTemplate t;
    t.patient_id = patient;
    t.phone_last4 = QStringLiteral("4321");
    t.created_at = created;
    t.expires_at = created.addDays(days);
    for (float& v : t.descriptor) v = float(rng.generateDouble() * 0.4 - 0.2);
    return t;
}

store::SecureKey fileKey()
{
    return store::SecureKey(QByteArray(store::SecureKey::kSizeBytes, 'k'));
}

std::unique_ptr<store::Store> openFile(const QString& path)
{
    auto s = store::Store::open(path, fileKey());
    if (!s) qWarning() << s.error().detail;
    return s ? std::move(s.value()) : nullptr;
}

}  // namespace

class TestFaceStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void templateNeedsConsent();
    void expiryAndPurge();
    void deleteMyFaceData();
    void enrollmentThroughStore_data();
    void enrollmentThroughStore();
    void lockoutSurvivesReopen();
    void upgradeFromSchema5KeepsFaceData();
};

void TestFaceStore::roundTrip()
{
    auto st = openStore();
    QVERIFY(st);
    SqlTemplateStore templates(*st);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    EnrollmentConfig config;
    const ConsentRecord consent =
        Enrollment::makeConsent(QStringLiteral("P1"), 40, false, now, config);
    QVERIFY(templates.saveConsent(consent));
    auto read = templates.consent(QStringLiteral("P1"));
    QVERIFY(read);
    QVERIFY(read.value().has_value());
    QCOMPARE(read.value()->purpose, consent.purpose);
    QCOMPARE(read.value()->stored_data, consent.stored_data);
    QCOMPARE(read.value()->retention_days, config.retention_days);
    QCOMPARE(read.value()->given_at.toMSecsSinceEpoch(), now.toMSecsSinceEpoch());
    QCOMPARE(read.value()->age_years, 40);
    QVERIFY(!templates.consent(QStringLiteral("P2")).value().has_value());

    const FaceTemplate t = makeTemplate(QStringLiteral("P1"), now, 30, 1);
    auto id = templates.saveTemplate(t);
    QVERIFY(id);
    QVERIFY(id.value() > 0);
    auto all = templates.loadTemplates(now);
    QVERIFY(all);
    QCOMPARE(all.value().size(), size_t(1));
    const FaceTemplate& back = all.value().front();
    QCOMPARE(back.id, id.value());
    QCOMPARE(back.patient_id, QStringLiteral("P1"));
    QCOMPARE(back.phone_last4, QStringLiteral("4321"));
    QVERIFY(back.descriptor == t.descriptor);  // bit-exact float32
    QCOMPARE(back.expires_at.toMSecsSinceEpoch(), t.expires_at.toMSecsSinceEpoch());
}

void TestFaceStore::templateNeedsConsent()
{
    auto st = openStore();
    QVERIFY(st);
    SqlTemplateStore templates(*st);
    auto id = templates.saveTemplate(
        makeTemplate(QStringLiteral("P9"), QDateTime::currentDateTimeUtc(), 30, 2));
    QVERIFY(!id);
    QCOMPARE(id.error().code, FaceErrorCode::Consent);
    QCOMPARE(templates.loadTemplates(QDateTime::currentDateTimeUtc()).value().size(), size_t(0));
}

void TestFaceStore::expiryAndPurge()
{
    auto st = openStore();
    QVERIFY(st);
    SqlTemplateStore templates(*st);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const char* p : {"A", "B"}) {
        QVERIFY(templates.saveConsent(
            Enrollment::makeConsent(QLatin1String(p), 30, false, now, EnrollmentConfig{})));
    }
    QVERIFY(templates.saveTemplate(makeTemplate(QStringLiteral("A"), now.addDays(-40), 30, 3)));
    QVERIFY(templates.saveTemplate(makeTemplate(QStringLiteral("B"), now.addDays(-10), 30, 4)));
    auto live = templates.loadTemplates(now);
    QVERIFY(live);
    QCOMPARE(live.value().size(), size_t(1));
    QCOMPARE(live.value().front().patient_id, QStringLiteral("B"));
    // 25 days later B has expired too.
    QCOMPARE(templates.loadTemplates(now.addDays(25)).value().size(), size_t(0));
    auto purged = templates.purgeExpired(now);
    QVERIFY(purged);
    QCOMPARE(purged.value(), 1);
    QCOMPARE(templates.purgeExpired(now.addDays(25)).value(), 1);
    QCOMPARE(templates.purgeExpired(now.addDays(25)).value(), 0);
}

void TestFaceStore::deleteMyFaceData()
{
    auto st = openStore();
    QVERIFY(st);
    SqlTemplateStore templates(*st);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const char* p : {"A", "B"}) {
        QVERIFY(templates.saveConsent(
            Enrollment::makeConsent(QLatin1String(p), 30, false, now, EnrollmentConfig{})));
    }
    QVERIFY(templates.saveTemplate(makeTemplate(QStringLiteral("A"), now, 30, 5)));
    QVERIFY(templates.saveTemplate(makeTemplate(QStringLiteral("A"), now, 30, 6)));
    QVERIFY(templates.saveTemplate(makeTemplate(QStringLiteral("B"), now, 30, 7)));
    auto removed = templates.deletePatient(QStringLiteral("A"));
    QVERIFY(removed);
    QCOMPARE(removed.value(), 2);
    QVERIFY(!templates.consent(QStringLiteral("A")).value().has_value());
    QVERIFY(templates.consent(QStringLiteral("B")).value().has_value());
    auto left = templates.loadTemplates(now);
    QCOMPARE(left.value().size(), size_t(1));
    QCOMPARE(left.value().front().patient_id, QStringLiteral("B"));
    // Without a consent record A cannot be re-enrolled silently.
    QVERIFY(!templates.saveTemplate(makeTemplate(QStringLiteral("A"), now, 30, 8)));
    QCOMPARE(templates.deletePatient(QStringLiteral("nobody")).value(), 0);
}

void TestFaceStore::enrollmentThroughStore_data()
{
    QTest::addColumn<int>("age");
    QTest::addColumn<bool>("guardian_enabled");
    QTest::addColumn<bool>("guardian_given");
    QTest::addColumn<bool>("stored");
    QTest::newRow("adult") << 35 << false << false << true;
    QTest::newRow("child, guardian consent off") << 9 << false << true << false;
    QTest::newRow("child, guardian consent on, not given") << 9 << true << false << false;
    QTest::newRow("child, guardian consent on and given") << 9 << true << true << true;
}

void TestFaceStore::enrollmentThroughStore()
{
    QFETCH(int, age);
    QFETCH(bool, guardian_enabled);
    QFETCH(bool, guardian_given);
    QFETCH(bool, stored);
    auto st = openStore();
    QVERIFY(st);
    SqlTemplateStore templates(*st);
    EnrollmentConfig config;
    config.guardian_consent_enabled = guardian_enabled;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const ConsentRecord consent =
        Enrollment::makeConsent(QStringLiteral("C1"), age, guardian_given, now, config);
    auto id =
        Enrollment::save(templates, consent,
                         makeTemplate(QStringLiteral("C1"), now, config.retention_days, 9), config);
    QCOMPARE(id.ok(), stored);
    QCOMPARE(templates.loadTemplates(now).value().size(), size_t(stored ? 1 : 0));
    QCOMPARE(templates.consent(QStringLiteral("C1")).value().has_value(), stored);
    if (stored)
        QCOMPARE(templates.consent(QStringLiteral("C1")).value()->guardian_consent, guardian_given);
}

void TestFaceStore::lockoutSurvivesReopen()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("store.db"));
    qint64 now_ms = QDateTime::currentMSecsSinceEpoch();
    IdentifyConfig config;
    config.max_failures = 2;
    config.lockout_s = 600;
    QRandomGenerator rng(31);
    Descriptor stranger{};
    for (float& v : stranger) v = float(rng.generateDouble() * 0.4 - 0.2);
    {
        auto st = openFile(path);
        QVERIFY(st);
        SqlTemplateStore templates(*st);
        auto empty = templates.loadLockout();
        QVERIFY(empty);
        QVERIFY(empty.value().failures_ms.empty());
        QCOMPARE(empty.value().locked_until_ms, qint64(0));
        LockoutState state;
        state.failures_ms = {now_ms - 2000, now_ms - 1000};
        state.locked_until_ms = 42;
        QVERIFY(templates.saveLockout(state));
        state.failures_ms = {now_ms - 500};  // replaces, never appends
        QVERIFY(templates.saveLockout(state));
        auto back = templates.loadLockout();
        QVERIFY(back);
        QCOMPARE(back.value().failures_ms, state.failures_ms);
        QCOMPARE(back.value().locked_until_ms, qint64(42));
        // The kiosk locks itself out: one saved failure plus this one.
        Identifier id(config, [&] { return now_ms; });
        id.attachStore(&templates);
        id.setTemplates(
            {makeTemplate(QStringLiteral("P1"), QDateTime::currentDateTimeUtc(), 30, 32)});
        QCOMPARE(id.identify(stranger).error().code, FaceErrorCode::LockedOut);
    }
    // Power cycle: a new store object on the same file, a new Identifier.
    auto st = openFile(path);
    QVERIFY(st);
    SqlTemplateStore templates(*st);
    auto saved = templates.loadLockout();
    QVERIFY(saved);
    QCOMPARE(saved.value().locked_until_ms, now_ms + 600'000);
    QVERIFY(saved.value().failures_ms.empty());
    now_ms += 60'000;
    Identifier id(config, [&] { return now_ms; });
    id.attachStore(&templates);
    QVERIFY(id.lockedOut());
    now_ms += 540'001;
    QVERIFY(!id.lockedOut());
    // Many failure times are bounded to the newest kMaxSavedFailures.
    LockoutState many;
    for (int i = 0; i < 100; ++i) many.failures_ms.push_back(now_ms + i);
    QVERIFY(templates.saveLockout(many));
    auto bounded = templates.loadLockout();
    QCOMPARE(int(bounded.value().failures_ms.size()), SqlTemplateStore::kMaxSavedFailures);
    QCOMPARE(bounded.value().failures_ms.back(), now_ms + 99);
}

void TestFaceStore::upgradeFromSchema5KeepsFaceData()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("store.db"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const FaceTemplate t = makeTemplate(QStringLiteral("P5"), now, 30, 33);
    {  // What the program of schema 5 wrote.
        auto opened = store::SqlCipherDb::open(path);
        QVERIFY(opened);
        store::SqlCipherDb& db = *opened.value();
        QVERIFY(db.setKey(fileKey().pragmaLiteral()));
        QVERIFY(db.exec(QByteArrayLiteral("PRAGMA cipher_page_size = 4096;")));
        auto v5 = store::Migrations::migrate(db, store::Migrations::all().first(5));
        QVERIFY2(v5, qPrintable(v5.ok() ? QString() : v5.error().detail));
        QCOMPARE(v5.value(), 5);
        QVERIFY(db.exec(QByteArrayLiteral(
            "INSERT INTO face_consent(patient_id, purpose, stored_data, retention_days, "
            "given_at_ms, age_years) VALUES ('P5', 'identify you', 'a template', 30, 1, 40)")));
        auto ins = db.prepare(QByteArrayLiteral(
            "INSERT INTO face_template(patient_id, descriptor, phone_last4, created_at_ms, "
            "expires_at_ms) VALUES ('P5', ?1, '5555', ?2, ?3)"));
        QVERIFY(ins);
        QByteArray blob(int(sizeof(float) * kDescriptorSize), '\0');
        std::memcpy(blob.data(), t.descriptor.data(), size_t(blob.size()));
        QVERIFY(ins.value().bind(1, blob));
        QVERIFY(ins.value().bind(2, t.created_at.toMSecsSinceEpoch()));
        QVERIFY(ins.value().bind(3, t.expires_at.toMSecsSinceEpoch()));
        QVERIFY(ins.value().run());
    }
    auto st = openFile(path);
    QVERIFY(st);
    QCOMPARE(st->schemaVersion(), store::Migrations::latestVersion());  // every later one applied
    SqlTemplateStore templates(*st);
    auto consent = templates.consent(QStringLiteral("P5"));
    QVERIFY(consent);
    QVERIFY(consent.value().has_value());
    QCOMPARE(consent.value()->age_years, 40);
    auto all = templates.loadTemplates(now);
    QVERIFY(all);
    QCOMPARE(all.value().size(), size_t(1));
    QVERIFY(all.value().front().descriptor == t.descriptor);
    QCOMPARE(all.value().front().phone_last4, QStringLiteral("5555"));
    auto lockout = templates.loadLockout();
    QVERIFY(lockout);
    QCOMPARE(lockout.value().locked_until_ms, qint64(0));
    QVERIFY(templates.saveLockout(LockoutState{{1, 2}, 3}));
    QCOMPARE(templates.loadLockout().value().failures_ms, (std::vector<qint64>{1, 2}));
}

QTEST_GUILESS_MAIN(TestFaceStore)
#include "tst_facestore.moc"
