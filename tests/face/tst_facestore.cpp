// SqlTemplateStore (face_auth's TemplateStore on the encrypted store): round trip, consent
// required, expiry, purge, "delete my face data", enrollment consent rules through the store.
#include "Enrollment.h"
#include "face/SqlTemplateStore.h"
#include "store/SecureKey.h"
#include "store/Store.h"

#include <QRandomGenerator>
#include <QTest>

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

QTEST_GUILESS_MAIN(TestFaceStore)
#include "tst_facestore.moc"
