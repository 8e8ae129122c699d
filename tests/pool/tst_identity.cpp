// The kiosk's identity key and client assertion (issue 15), without a network: the key made with
// OpenSSL, its public JWK and thumbprint, the assertion signed by libjwt and verified by cjose
// (the library the simulator verifies with), the key file's rules (0600 in a 0700 folder, owned,
// no symlink), the systemd credential, rotation and promotion.
#include "core/identity/ClientAssertion.h"
#include "core/identity/IdentityKey.h"
#include "core/identity/KioskIdentity.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cjose/cjose.h>
#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

using namespace mk;
using namespace mk::identity;

namespace {

QByteArray b64u(const QByteArray& b)
{
    return b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// The claims of `jws` when it verifies with `jwk` (cjose), else an empty object.
QJsonObject verify(const QByteArray& jws, const QJsonObject& jwk)
{
    cjose_err err{};
    const QByteArray jwk_json = QJsonDocument(jwk).toJson(QJsonDocument::Compact);
    cjose_jwk_t* key = cjose_jwk_import(jwk_json.constData(), size_t(jwk_json.size()), &err);
    cjose_jws_t* parsed = cjose_jws_import(jws.constData(), size_t(jws.size()), &err);
    QJsonObject claims;
    if (key != nullptr && parsed != nullptr && cjose_jws_verify(parsed, key, &err)) {
        uint8_t* plain = nullptr;
        size_t len = 0;
        if (cjose_jws_get_plaintext(parsed, &plain, &len, &err)) {
            claims = QJsonDocument::fromJson(
                         QByteArray(reinterpret_cast<const char*>(plain), qsizetype(len)))
                         .object();
        }
    }
    if (parsed != nullptr) cjose_jws_release(parsed);
    if (key != nullptr) cjose_jwk_release(key);
    return claims;
}

int modeOf(const QString& path)
{
    struct stat st {
    };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

QByteArray pemOfCurve(const char* curve)
{
    EVP_PKEY* k = EVP_EC_gen(curve);
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, k, nullptr, nullptr, 0, nullptr, nullptr);
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    QByteArray pem(data, qsizetype(n));
    BIO_free(bio);
    EVP_PKEY_free(k);
    return pem;
}

}  // namespace

class TestIdentity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyRoundTripAndThumbprint();
    void refusedKeys_data();
    void refusedKeys();
    void assertionVerifiesWithTheJwk();
    void assertionOfAnotherKeyDoesNotVerify();
    void keyFileIsMadePrivate();
    void keyFileRefused_data();
    void keyFileRefused();
    void credentialWins();
    void rotateKeepsTheOldKeyUntilPromoted();
};

void TestIdentity::keyRoundTripAndThumbprint()
{
    auto made = IdentityKey::generate();
    QVERIFY2(made, qPrintable(made.ok() ? QString() : made.error().detail));
    auto again = IdentityKey::fromPem(made.value().privatePem());
    QVERIFY(again);
    QCOMPARE(again.value().kid(), made.value().kid());
    const QJsonObject jwk = made.value().publicJwk();
    QCOMPARE(jwk.value(u"kty"_qs).toString(), u"EC"_qs);
    QCOMPARE(jwk.value(u"crv"_qs).toString(), u"P-384"_qs);
    QCOMPARE(jwk.value(u"alg"_qs).toString(), u"ES384"_qs);
    QVERIFY(!jwk.contains(u"d"_qs));  // public only
    // RFC 7638: SHA-256 over {"crv","kty","x","y"} in that order, no white space.
    const QByteArray input = "{\"crv\":\"P-384\",\"kty\":\"EC\",\"x\":\"" +
                             jwk.value(u"x"_qs).toString().toLatin1() + "\",\"y\":\"" +
                             jwk.value(u"y"_qs).toString().toLatin1() + "\"}";
    QCOMPARE(made.value().kid().toLatin1(),
             b64u(QCryptographicHash::hash(input, QCryptographicHash::Sha256)));
    QCOMPARE(jwk.value(u"kid"_qs).toString(), made.value().kid());
}

void TestIdentity::refusedKeys_data()
{
    QTest::addColumn<QByteArray>("pem");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not PEM") << QByteArray("hello");
    QTest::newRow("P-256 (not ES384)") << pemOfCurve("P-256");
    QTest::newRow("cut PEM") << pemOfCurve("P-384").left(100);
}

void TestIdentity::refusedKeys()
{
    QFETCH(QByteArray, pem);
    QVERIFY(!IdentityKey::fromPem(pem).ok());
}

void TestIdentity::assertionVerifiesWithTheJwk()
{
    auto key = IdentityKey::generate();
    QVERIFY(key);
    AssertionClaims c;
    c.client_id = u"KIOSK-7"_qs;
    c.audience = u"https://pool.example/auth/token"_qs;
    c.issued_at_s = 1'800'000'000;
    c.lifetime_s = 900;  // asked too long: capped at 300
    auto jws = signClientAssertion(key.value(), c);
    QVERIFY(jws);
    const QJsonObject claims = verify(jws.value(), key.value().publicJwk());
    QCOMPARE(claims.value(u"iss"_qs).toString(), u"KIOSK-7"_qs);
    QCOMPARE(claims.value(u"sub"_qs).toString(), u"KIOSK-7"_qs);
    QCOMPARE(claims.value(u"aud"_qs).toString(), c.audience);
    QCOMPARE(qint64(claims.value(u"exp"_qs).toDouble()), c.issued_at_s + 300);
    QVERIFY(!claims.value(u"jti"_qs).toString().isEmpty());
    auto second = signClientAssertion(key.value(), c);
    QVERIFY(second);
    QVERIFY(verify(second.value(), key.value().publicJwk()).value(u"jti"_qs) !=
            claims.value(u"jti"_qs));  // a new jti every time
    // The header names the key and the algorithm.
    cjose_err err{};
    cjose_jws_t* parsed =
        cjose_jws_import(jws.value().constData(), size_t(jws.value().size()), &err);
    QVERIFY(parsed != nullptr);
    cjose_header_t* h = cjose_jws_get_protected(parsed);
    QCOMPARE(QByteArray(cjose_header_get(h, CJOSE_HDR_ALG, &err)), QByteArray("ES384"));
    QCOMPARE(QString::fromLatin1(cjose_header_get(h, CJOSE_HDR_KID, &err)), key.value().kid());
    cjose_jws_release(parsed);
}

void TestIdentity::assertionOfAnotherKeyDoesNotVerify()
{
    auto a = IdentityKey::generate();
    auto b = IdentityKey::generate();
    QVERIFY(a && b);
    AssertionClaims c;
    c.client_id = u"K"_qs;
    c.audience = u"https://x/token"_qs;
    c.issued_at_s = 1'800'000'000;
    auto jws = signClientAssertion(a.value(), c);
    QVERIFY(jws);
    QVERIFY(verify(jws.value(), b.value().publicJwk()).isEmpty());
}

void TestIdentity::keyFileIsMadePrivate()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"state/identity/kiosk-key.pem"_qs);
    auto made = KioskIdentity::load(file, QString(), true);
    QVERIFY2(made, qPrintable(made.ok() ? QString() : made.error().detail));
    QCOMPARE(made.value().source(), KioskIdentity::Source::CreatedKeyFile);
    QCOMPARE(modeOf(file), 0600);
    QCOMPARE(modeOf(dir.filePath(u"state/identity"_qs)), 0700);
    auto again = KioskIdentity::load(file, QString(), false);
    QVERIFY(again);
    QCOMPARE(again.value().current().kid(), made.value().current().kid());
    QCOMPARE(again.value().source(), KioskIdentity::Source::KeyFile);
    QVERIFY(!KioskIdentity::load(dir.filePath(u"none.pem"_qs), QString(), false).ok());
}

void TestIdentity::keyFileRefused_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("readable by others") << u"0644"_qs;
    QTest::newRow("symlink") << u"symlink"_qs;
    QTest::newRow("folder") << u"folder"_qs;
    QTest::newRow("not a key") << u"garbage"_qs;
}

void TestIdentity::keyFileRefused()
{
    QFETCH(QString, how);
    QTemporaryDir dir;
    const QString real = dir.filePath(u"real.pem"_qs);
    QVERIFY(KioskIdentity::load(real, QString(), true).ok());
    const QString file = dir.filePath(u"kiosk-key.pem"_qs);
    if (how == u"0644") {
        QVERIFY(QFile::copy(real, file));
        QVERIFY(::chmod(QFile::encodeName(file).constData(), 0644) == 0);
    } else if (how == u"symlink") {
        QVERIFY(QFile::link(real, file));
    } else if (how == u"folder") {
        QVERIFY(QDir().mkpath(file));
    } else {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        f.close();
        QVERIFY(::chmod(QFile::encodeName(file).constData(), 0600) == 0);
    }
    auto loaded = KioskIdentity::load(file, QString(), true);
    QVERIFY(!loaded.ok());
    QVERIFY(!loaded.error().detail.contains(u"PRIVATE KEY"_qs));
}

void TestIdentity::credentialWins()
{
    QTemporaryDir dir;
    const QString creds = dir.filePath(u"creds"_qs);
    QVERIFY(QDir().mkpath(creds));
    auto key = IdentityKey::generate();
    QVERIFY(key);
    QFile f(creds + u"/medkiosk-identity-key"_qs);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(key.value().privatePem());
    f.close();
    auto loaded = KioskIdentity::load(dir.filePath(u"file.pem"_qs), creds, true);
    QVERIFY(loaded);
    QCOMPARE(loaded.value().source(), KioskIdentity::Source::Credential);
    QCOMPARE(loaded.value().current().kid(), key.value().kid());
    QVERIFY(!QFile::exists(dir.filePath(u"file.pem"_qs)));  // no key file made beside it
    QVERIFY(!KioskIdentity::rotate(dir.filePath(u"file.pem"_qs), creds).ok());
}

void TestIdentity::rotateKeepsTheOldKeyUntilPromoted()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"kiosk-key.pem"_qs);
    auto first = KioskIdentity::load(file, QString(), true);
    QVERIFY(first);
    auto rotated = KioskIdentity::rotate(file, QString());
    QVERIFY(rotated);
    QVERIFY(rotated.value().next().has_value());
    QCOMPARE(rotated.value().current().kid(), first.value().current().kid());
    QCOMPARE(rotated.value().jwks().value(u"keys"_qs).toArray().size(), 2);
    QCOMPARE(modeOf(KioskIdentity::nextKeyFile(file)), 0600);
    QVERIFY(!KioskIdentity::rotate(file, QString()).ok());  // one pending rotation at a time
    QVERIFY(KioskIdentity::promote(file).ok());
    auto after = KioskIdentity::load(file, QString(), false);
    QVERIFY(after);
    QCOMPARE(after.value().current().kid(), rotated.value().next()->kid());
    QVERIFY(!after.value().next().has_value());
}

QTEST_GUILESS_MAIN(TestIdentity)
#include "tst_identity.moc"
