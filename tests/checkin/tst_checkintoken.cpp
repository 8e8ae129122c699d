// The check-in token: signing, strict parsing and every refusal (tests/checkin).
#include "core/checkin/CheckinToken.h"

#include <QTest>

using mk::checkin::CheckinClaims;
using mk::checkin::CheckinTokenVerifier;
using mk::checkin::TokenVerdict;
namespace token = mk::checkin::token;

Q_DECLARE_METATYPE(mk::checkin::TokenVerdict)

class TestCheckinToken : public QObject
{
    Q_OBJECT

private:
    QByteArray private_pem_;
    QByteArray public_pem_;
    QByteArray other_private_pem_;
    QByteArray other_public_pem_;
    QDateTime now_ = QDateTime(QDate(2026, 11, 23), QTime(1, 0), Qt::UTC);

    CheckinClaims claims() const
    {
        CheckinClaims c;
        c.appointment_id = QStringLiteral("appt-7");
        c.appointment_number = QStringLiteral("A20261123-0042");
        c.patient_id = QStringLiteral("pat-1003");
        c.patient_name_masked = QStringLiteral("李*");
        c.department_id = QStringLiteral("dept-ped");
        c.practitioner_id = QStringLiteral("prac-1");
        c.slot_start_s = now_.toSecsSinceEpoch() + 1800;
        c.issuer = QStringLiteral("HOSP-A");
        c.expires_s = now_.toSecsSinceEpoch() + 86400;
        return c;
    }
    QString signedWith(const CheckinClaims& c, const QByteArray& pem) const
    {
        auto t = token::sign(c, pem);
        return t ? t.value() : QString();
    }
    static QString flip(QString text, int from_end)
    {
        const qsizetype i = text.size() - from_end;
        text[i] = text[i] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        return text;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(token::generateKeyPair(&private_pem_, &public_pem_));
        QVERIFY(token::generateKeyPair(&other_private_pem_, &other_public_pem_));
        QVERIFY(public_pem_.startsWith("-----BEGIN PUBLIC KEY-----"));
    }

    void roundTrip()
    {
        const QString t = signedWith(claims(), private_pem_);
        QVERIFY(t.startsWith(QLatin1String("MKCI1.")));
        QVERIFY(t.size() < token::kMaxLength);
        CheckinTokenVerifier v(public_pem_, QStringLiteral("HOSP-A"));
        QVERIFY(v.hasKey());
        const auto check = v.verify(t, now_);
        QCOMPARE(check.verdict, TokenVerdict::Valid);
        QCOMPARE(check.claims, claims());
    }

    void verdicts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<TokenVerdict>("expected");
        const QString good = signedWith(claims(), private_pem_);
        const QString payload = good.section(QLatin1Char('.'), 1, 1);
        const QString sig = good.section(QLatin1Char('.'), 2, 2);

        QTest::newRow("valid") << good << TokenVerdict::Valid;
        QTest::newRow("web address")
            << QStringLiteral("https://evil.example/checkin?appt=1") << TokenVerdict::NotAToken;
        QTest::newRow("payment code")
            << QStringLiteral("wxp://f2f0abcdefghijklmn") << TokenVerdict::NotAToken;
        QTest::newRow("alipay") << QStringLiteral("https://qr.alipay.com/bax01234")
                                << TokenVerdict::NotAToken;
        QTest::newRow("patient card")
            << QStringLiteral("MKPATIENT:P00001001:19850312") << TokenVerdict::NotAToken;
        QTest::newRow("appointment payload")
            << QStringLiteral("MKAPPT:A20261123-0042") << TokenVerdict::NotAToken;
        QTest::newRow("random") << QStringLiteral("x7#k!") << TokenVerdict::NotAToken;
        QTest::newRow("empty") << QString() << TokenVerdict::NotAToken;
        QTest::newRow("lower-case prefix") << good.toLower() << TokenVerdict::NotAToken;
        QTest::newRow("prefix only") << QStringLiteral("MKCI1.") << TokenVerdict::Damaged;
        QTest::newRow("cut in half") << good.left(good.size() / 2) << TokenVerdict::Damaged;
        QTest::newRow("signature cut") << good.chopped(3) << TokenVerdict::Damaged;
        QTest::newRow("no signature")
            << QStringLiteral("MKCI1.") + payload << TokenVerdict::Damaged;
        QTest::newRow("three parts") << good + QStringLiteral(".AAAA") << TokenVerdict::Damaged;
        QTest::newRow("padding added") << good + QStringLiteral("==") << TokenVerdict::Damaged;
        QTest::newRow("standard base64") << QString(good)
                                                .replace(QLatin1Char('-'), QLatin1Char('+'))
                                                .replace(QLatin1Char('_'), QLatin1Char('/'))
                                                .append(QStringLiteral("/+"))
                                         << TokenVerdict::Damaged;
        QTest::newRow("space inside")
            << QString(good).insert(20, QLatin1Char(' ')) << TokenVerdict::Damaged;
        QTest::newRow("trailing newline") << good + QLatin1Char('\n') << TokenVerdict::Damaged;
        QTest::newRow("too long") << good + QString(token::kMaxLength, QLatin1Char('A'))
                                  << TokenVerdict::Damaged;
        QTest::newRow("payload not JSON")
            << QStringLiteral("MKCI1.") +
                   QString::fromLatin1(QByteArray("hello").toBase64(
                       QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)) +
                   QLatin1Char('.') + sig
            << TokenVerdict::Damaged;
        auto withPayload = [&](const QByteArray& json) {
            return QStringLiteral("MKCI1.") +
                   QString::fromLatin1(json.toBase64(QByteArray::Base64UrlEncoding |
                                                     QByteArray::OmitTrailingEquals)) +
                   QLatin1Char('.') + sig;
        };
        QTest::newRow("payload missing field")
            << withPayload(R"({"a":"appt-7"})") << TokenVerdict::Damaged;
        QByteArray extra = token::payloadOf(claims());
        extra.chop(1);
        extra += R"(,"x":1})";
        QTest::newRow("payload extra field") << withPayload(extra) << TokenVerdict::Damaged;
        QByteArray wrong_type = token::payloadOf(claims());
        wrong_type.replace("\"s\":", "\"s\":\"");
        wrong_type.replace(",\"i\"", "\",\"i\"");
        QTest::newRow("payload wrong type") << withPayload(wrong_type) << TokenVerdict::Damaged;
        // Altered, still well formed: the signature no longer matches.
        CheckinClaims altered = claims();
        altered.appointment_number = QStringLiteral("A20261123-0001");
        QTest::newRow("altered number")
            << withPayload(token::payloadOf(altered)) << TokenVerdict::Forged;
        altered = claims();
        altered.expires_s += 365 * 86400;
        QTest::newRow("altered expiry")
            << withPayload(token::payloadOf(altered)) << TokenVerdict::Forged;
        QTest::newRow("signature byte changed") << flip(good, 5) << TokenVerdict::Forged;
        QTest::newRow("signed by another key")
            << signedWith(claims(), other_private_pem_) << TokenVerdict::Forged;
        CheckinClaims other = claims();
        other.issuer = QStringLiteral("HOSP-B");
        QTest::newRow("other hospital")
            << signedWith(other, other_private_pem_) << TokenVerdict::OtherIssuer;
        CheckinClaims old = claims();
        old.expires_s = now_.toSecsSinceEpoch() - 1;
        QTest::newRow("expired") << signedWith(old, private_pem_) << TokenVerdict::Expired;
        old.expires_s = now_.toSecsSinceEpoch();
        QTest::newRow("expires now") << signedWith(old, private_pem_) << TokenVerdict::Expired;
        CheckinClaims slashed = claims();
        slashed.appointment_id = QStringLiteral("../Patient/1");
        QTest::newRow("path in id") << signedWith(slashed, private_pem_) << TokenVerdict::Damaged;
    }

    void verdicts()
    {
        QFETCH(QString, text);
        QFETCH(TokenVerdict, expected);
        CheckinTokenVerifier v(public_pem_, QStringLiteral("HOSP-A"));
        const auto check = v.verify(text, now_);
        QCOMPARE(mk::checkin::verdictName(check.verdict), mk::checkin::verdictName(expected));
        QCOMPARE(check.valid(), expected == TokenVerdict::Valid);
    }

    void keys_data()
    {
        QTest::addColumn<QByteArray>("pem");
        QTest::addColumn<bool>("usable");
        QTest::newRow("ed25519") << public_pem_ << true;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("garbage") << QByteArray("-----BEGIN PUBLIC KEY-----\nAAAA\n") << false;
        QTest::newRow("private key") << private_pem_ << false;
        // An RSA-free check of another type: an EC P-256 public key.
        QTest::newRow("ec key")
            << QByteArray(
                   "-----BEGIN PUBLIC KEY-----\n"
                   "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEVs/o5+uQbTjL3chynL4wXgUg2R9\n"
                   "q9UU8I5mEovUf86QZ7kOBIjJwqnzD1omageEHWwHdBO6B+dFabmdT9POxg==\n"
                   "-----END PUBLIC KEY-----\n")
            << false;
    }

    void keys()
    {
        QFETCH(QByteArray, pem);
        QFETCH(bool, usable);
        CheckinTokenVerifier v(pem, QStringLiteral("HOSP-A"));
        QCOMPARE(v.hasKey(), usable);
        if (!usable) {
            QVERIFY(!v.keyError().isEmpty());
            QCOMPARE(v.verify(signedWith(claims(), private_pem_), now_).verdict,
                     TokenVerdict::NoKey);
        }
    }

    void anyIssuerWhenNotConfigured()
    {
        CheckinClaims other = claims();
        other.issuer = QStringLiteral("HOSP-B");
        CheckinTokenVerifier v(public_pem_, QString());
        QCOMPARE(v.verify(signedWith(other, private_pem_), now_).verdict, TokenVerdict::Valid);
    }

    void signRefusesBadKey()
    {
        QVERIFY(!token::sign(claims(), QByteArray("nope")).ok());
        QVERIFY(!token::sign(claims(), public_pem_).ok());
    }
};

QTEST_GUILESS_MAIN(TestCheckinToken)
#include "tst_checkintoken.moc"
