#include "core/checkin/CheckinToken.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cmath>

namespace mk::checkin {

namespace {

constexpr int kSignatureBytes = 64;
constexpr int kMaxFieldChars = 64;
constexpr auto kBase64Options = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

struct PkeyFree {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
struct BioFree {
    void operator()(BIO* b) const { BIO_free(b); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;
using BioPtr = std::unique_ptr<BIO, BioFree>;

bool isBase64UrlChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') ||
           u == u'-' || u == u'_';
}

// Strict base64url without padding: only the alphabet, and the canonical encoding of its bytes
// (an altered last character that decodes to the same bytes is refused too).
bool decodeStrict(const QString& text, QByteArray* out)
{
    if (text.isEmpty()) return false;
    for (QChar c : text) {
        if (!isBase64UrlChar(c)) return false;
    }
    const QByteArray ascii = text.toLatin1();
    auto decoded = QByteArray::fromBase64Encoding(
        ascii, kBase64Options | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) return false;
    if (decoded.decoded.toBase64(kBase64Options) != ascii) return false;
    *out = decoded.decoded;
    return true;
}

bool readString(const QJsonObject& o, const char* key, int max_chars, bool required, QString* out)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isString()) return false;
    const QString s = v.toString();
    if (s.size() > max_chars || (required && s.isEmpty())) return false;
    for (QChar c : s) {
        if (c.category() == QChar::Other_Control) return false;
    }
    *out = s;
    return true;
}

bool readSeconds(const QJsonObject& o, const char* key, qint64* out)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isDouble()) return false;
    const double d = v.toDouble();
    // Positive whole seconds before the year 3000.
    if (!(d > 0.0) || d > 32503680000.0 || std::floor(d) != d) return false;
    *out = static_cast<qint64>(d);
    return true;
}

Error damaged(TokenVerdict* verdict, const QString& detail)
{
    if (verdict != nullptr) *verdict = TokenVerdict::Damaged;
    return makeError(ErrorCode::BadRequest, detail);
}

PkeyPtr readPublicKey(const QByteArray& pem, QString* error)
{
    if (pem.isEmpty()) {
        *error = QStringLiteral("no pool public key configured");
        return nullptr;
    }
    BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    if (!bio) {
        *error = QStringLiteral("out of memory");
        return nullptr;
    }
    PkeyPtr key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
    if (!key) {
        *error = QStringLiteral("the pool public key is not a PEM public key");
        return nullptr;
    }
    if (EVP_PKEY_id(key.get()) != EVP_PKEY_ED25519) {
        *error = QStringLiteral("the pool public key is not an Ed25519 key");
        return nullptr;
    }
    return key;
}

}  // namespace

QString verdictName(TokenVerdict verdict)
{
    switch (verdict) {
        case TokenVerdict::Unset:
            return QStringLiteral("unset");
        case TokenVerdict::Valid:
            return QStringLiteral("valid");
        case TokenVerdict::NotAToken:
            return QStringLiteral("not-a-token");
        case TokenVerdict::Damaged:
            return QStringLiteral("damaged");
        case TokenVerdict::Forged:
            return QStringLiteral("forged");
        case TokenVerdict::OtherIssuer:
            return QStringLiteral("other-issuer");
        case TokenVerdict::Expired:
            return QStringLiteral("expired");
        case TokenVerdict::NoKey:
            return QStringLiteral("no-key");
    }
    return QStringLiteral("unset");
}

namespace token {

QLatin1String prefix()
{
    return QLatin1String("MKCI1.");
}

bool hasPrefix(const QString& text)
{
    return text.startsWith(prefix());
}

Result<CheckinClaims> parseUnverified(const QString& text, TokenVerdict* verdict)
{
    if (!hasPrefix(text)) {
        if (verdict != nullptr) *verdict = TokenVerdict::NotAToken;
        return makeError(ErrorCode::BadRequest, QStringLiteral("not a check-in token"));
    }
    if (text.size() > kMaxLength) return damaged(verdict, QStringLiteral("token too long"));
    const QString body = text.mid(prefix().size());
    const qsizetype dot = body.indexOf(QLatin1Char('.'));
    if (dot <= 0 || body.indexOf(QLatin1Char('.'), dot + 1) >= 0) {
        return damaged(verdict, QStringLiteral("token needs exactly two parts"));
    }
    QByteArray payload;
    QByteArray signature;
    if (!decodeStrict(body.left(dot), &payload) || !decodeStrict(body.mid(dot + 1), &signature)) {
        return damaged(verdict, QStringLiteral("token parts are not base64url"));
    }
    if (signature.size() != kSignatureBytes) {
        return damaged(verdict, QStringLiteral("signature has the wrong length"));
    }
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        return damaged(verdict, QStringLiteral("payload is not a JSON object"));
    }
    const QJsonObject o = doc.object();
    static const QSet<QString> keys{QStringLiteral("a"), QStringLiteral("n"), QStringLiteral("p"),
                                    QStringLiteral("m"), QStringLiteral("d"), QStringLiteral("r"),
                                    QStringLiteral("s"), QStringLiteral("i"), QStringLiteral("e")};
    if (o.size() != keys.size()) return damaged(verdict, QStringLiteral("payload fields"));
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!keys.contains(it.key())) return damaged(verdict, QStringLiteral("payload fields"));
    }
    CheckinClaims c;
    const bool ok = readString(o, "a", kMaxFieldChars, true, &c.appointment_id) &&
                    readString(o, "n", kMaxFieldChars, true, &c.appointment_number) &&
                    readString(o, "p", kMaxFieldChars, true, &c.patient_id) &&
                    readString(o, "m", 32, false, &c.patient_name_masked) &&
                    readString(o, "d", kMaxFieldChars, false, &c.department_id) &&
                    readString(o, "r", kMaxFieldChars, false, &c.practitioner_id) &&
                    readString(o, "i", kMaxFieldChars, true, &c.issuer) &&
                    readSeconds(o, "s", &c.slot_start_s) && readSeconds(o, "e", &c.expires_s);
    if (!ok) return damaged(verdict, QStringLiteral("payload field has a wrong type or size"));
    if (c.appointment_id.contains(QLatin1Char('/')) ||
        c.appointment_id.contains(QLatin1Char('?')) ||
        c.appointment_id.contains(QLatin1Char('#'))) {
        return damaged(verdict, QStringLiteral("appointment id is not a FHIR id"));
    }
    if (verdict != nullptr) *verdict = TokenVerdict::Valid;
    return c;
}

QByteArray payloadOf(const CheckinClaims& c)
{
    const QJsonObject o{
        {QStringLiteral("a"), c.appointment_id}, {QStringLiteral("n"), c.appointment_number},
        {QStringLiteral("p"), c.patient_id},     {QStringLiteral("m"), c.patient_name_masked},
        {QStringLiteral("d"), c.department_id},  {QStringLiteral("r"), c.practitioner_id},
        {QStringLiteral("s"), c.slot_start_s},   {QStringLiteral("i"), c.issuer},
        {QStringLiteral("e"), c.expires_s}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<QString> sign(const CheckinClaims& claims, const QByteArray& private_key_pem)
{
    BioPtr bio(
        BIO_new_mem_buf(private_key_pem.constData(), static_cast<int>(private_key_pem.size())));
    PkeyPtr key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!key || EVP_PKEY_id(key.get()) != EVP_PKEY_ED25519) {
        return makeError(ErrorCode::Config, QStringLiteral("not an Ed25519 private key"));
    }
    const QByteArray payload = payloadOf(claims);
    MdCtxPtr ctx(EVP_MD_CTX_new());
    QByteArray signature(kSignatureBytes, '\0');
    size_t length = static_cast<size_t>(signature.size());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                       reinterpret_cast<const unsigned char*>(payload.constData()),
                       static_cast<size_t>(payload.size())) != 1 ||
        length != static_cast<size_t>(kSignatureBytes)) {
        return makeError(ErrorCode::Internal, QStringLiteral("Ed25519 signing failed"));
    }
    return prefix() + QString::fromLatin1(payload.toBase64(kBase64Options)) + QLatin1Char('.') +
           QString::fromLatin1(signature.toBase64(kBase64Options));
}

bool generateKeyPair(QByteArray* private_pem, QByteArray* public_pem)
{
    EVP_PKEY* raw = nullptr;
    std::unique_ptr<EVP_PKEY_CTX, void (*)(EVP_PKEY_CTX*)> ctx(
        EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr), EVP_PKEY_CTX_free);
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_keygen(ctx.get(), &raw) != 1) {
        return false;
    }
    PkeyPtr key(raw);
    BioPtr priv(BIO_new(BIO_s_mem()));
    BioPtr pub(BIO_new(BIO_s_mem()));
    if (!priv || !pub ||
        PEM_write_bio_PrivateKey(priv.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) !=
            1 ||
        PEM_write_bio_PUBKEY(pub.get(), key.get()) != 1) {
        return false;
    }
    char* data = nullptr;
    long n = BIO_get_mem_data(priv.get(), &data);
    *private_pem = QByteArray(data, static_cast<qsizetype>(n));
    n = BIO_get_mem_data(pub.get(), &data);
    *public_pem = QByteArray(data, static_cast<qsizetype>(n));
    return true;
}

}  // namespace token

void CheckinTokenVerifier::KeyDeleter::operator()(void* key) const
{
    EVP_PKEY_free(static_cast<EVP_PKEY*>(key));
}

CheckinTokenVerifier::CheckinTokenVerifier(const QByteArray& public_key_pem,
                                           QString expected_issuer)
    : issuer_(std::move(expected_issuer))
{
    key_.reset(readPublicKey(public_key_pem, &key_error_).release());
}

CheckinTokenVerifier::~CheckinTokenVerifier() = default;

TokenCheck CheckinTokenVerifier::verify(const QString& text, const QDateTime& now) const
{
    TokenCheck check;
    TokenVerdict verdict = TokenVerdict::Unset;
    auto claims = token::parseUnverified(text, &verdict);
    if (!claims) {
        check.verdict = verdict;
        check.detail = claims.error().detail;
        return check;
    }
    check.claims = claims.value();
    if (!issuer_.isEmpty() && check.claims.issuer != issuer_) {
        check.verdict = TokenVerdict::OtherIssuer;
        check.detail = QStringLiteral("issued by another hospital");
        return check;
    }
    if (!key_) {
        check.verdict = TokenVerdict::NoKey;
        check.detail = key_error_;
        return check;
    }
    // Verify the bytes as sent (not a re-serialisation).
    const QString body = text.mid(token::prefix().size());
    const qsizetype dot = body.indexOf(QLatin1Char('.'));
    const QByteArray payload = QByteArray::fromBase64(body.left(dot).toLatin1(), kBase64Options);
    const QByteArray signature =
        QByteArray::fromBase64(body.mid(dot + 1).toLatin1(), kBase64Options);
    MdCtxPtr ctx(EVP_MD_CTX_new());
    const bool good =
        ctx &&
        EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr,
                             static_cast<EVP_PKEY*>(key_.get())) == 1 &&
        EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.constData()),
                         static_cast<size_t>(signature.size()),
                         reinterpret_cast<const unsigned char*>(payload.constData()),
                         static_cast<size_t>(payload.size())) == 1;
    if (!good) {
        check.verdict = TokenVerdict::Forged;
        check.detail = QStringLiteral("signature does not verify");
        return check;
    }
    if (now.toSecsSinceEpoch() >= check.claims.expires_s) {
        check.verdict = TokenVerdict::Expired;
        check.detail = QStringLiteral("token expired");
        return check;
    }
    check.verdict = TokenVerdict::Valid;
    return check;
}

}  // namespace mk::checkin
