#include "core/identity/IdentityKey.h"

#include "core/common/SecureWipe.h"

#include <QCryptographicHash>
#include <QJsonDocument>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cjose/cjose.h>
#include <cstdlib>
#include <memory>

namespace mk::identity {
namespace {

constexpr int kCoordinateBytes = 48;  // P-384

struct PkeyDeleter {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct BioDeleter {
    void operator()(BIO* b) const { BIO_free(b); }
};
struct BnDeleter {
    void operator()(BIGNUM* b) const { BN_free(b); }
};
struct JwkDeleter {
    void operator()(cjose_jwk_t* j) const { cjose_jwk_release(j); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

void wipeBytes(QByteArray& bytes)
{
    secureWipe(bytes);  // the kiosk's one secure wipe (core/common/SecureWipe.h)
}

QByteArray coordinate(const EVP_PKEY* key, const char* name)
{
    BIGNUM* raw = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &raw) != 1) return {};
    std::unique_ptr<BIGNUM, BnDeleter> bn(raw);
    QByteArray out(kCoordinateBytes, '\0');
    if (BN_bn2binpad(bn.get(), reinterpret_cast<unsigned char*>(out.data()), kCoordinateBytes) !=
        kCoordinateBytes)
        return {};
    return out;
}

QByteArray b64u(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

}  // namespace

IdentityKey::~IdentityKey()
{
    wipe();
}

IdentityKey::IdentityKey(const IdentityKey& other)
    : pem_(other.pem_), kid_(other.kid_), jwk_(other.jwk_)
{
    pem_.detach();
}

IdentityKey& IdentityKey::operator=(const IdentityKey& other)
{
    if (this != &other) {
        wipe();
        pem_ = other.pem_;
        pem_.detach();
        kid_ = other.kid_;
        jwk_ = other.jwk_;
    }
    return *this;
}

void IdentityKey::wipe()
{
    wipeBytes(pem_);
}

Result<IdentityKey> IdentityKey::generate()
{
    Pkey key(EVP_EC_gen("P-384"));
    if (!key) return makeError(ErrorCode::Internal, tr("OpenSSL could not make an EC P-384 key"));
    std::unique_ptr<BIO, BioDeleter> bio(BIO_new(BIO_s_secmem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr,
                                         nullptr) != 1) {
        return makeError(ErrorCode::Internal, tr("OpenSSL could not write the new key"));
    }
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    QByteArray pem(data, qsizetype(size));
    Result<IdentityKey> made = fromPem(pem);
    wipeBytes(pem);
    return made;
}

Result<IdentityKey> IdentityKey::fromPem(const QByteArray& pem)
{
    std::unique_ptr<BIO, BioDeleter> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    Pkey key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!key) return makeError(ErrorCode::Config, tr("the identity key is not a PEM private key"));
    char group[64] = {};
    size_t group_len = 0;
    if (EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_EC ||
        EVP_PKEY_get_utf8_string_param(key.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group,
                                       &group_len) != 1 ||
        QByteArray(group) != "secp384r1") {
        return makeError(ErrorCode::Config,
                         tr("the identity key is not an EC P-384 key (ES384 needs one)"));
    }
    const QByteArray x = coordinate(key.get(), OSSL_PKEY_PARAM_EC_PUB_X);
    const QByteArray y = coordinate(key.get(), OSSL_PKEY_PARAM_EC_PUB_Y);
    if (x.isEmpty() || y.isEmpty())
        return makeError(ErrorCode::Config, tr("the identity key has no public point"));

    // The public JWK through cjose; its kid is the RFC 7638 thumbprint (SHA-256 of the required
    // members in lexicographic order, no white space).
    cjose_jwk_ec_keyspec spec{};
    spec.crv = CJOSE_JWK_EC_P_384;
    spec.x = reinterpret_cast<uint8_t*>(const_cast<char*>(x.constData()));
    spec.xlen = size_t(x.size());
    spec.y = reinterpret_cast<uint8_t*>(const_cast<char*>(y.constData()));
    spec.ylen = size_t(y.size());
    cjose_err err{};
    std::unique_ptr<cjose_jwk_t, JwkDeleter> jwk(cjose_jwk_create_EC_spec(&spec, &err));
    if (!jwk) {
        return makeError(ErrorCode::Internal,
                         tr("cjose could not make the public JWK: %1")
                             .arg(QString::fromUtf8(err.message ? err.message : "")));
    }
    const QByteArray thumb_input = QByteArrayLiteral("{\"crv\":\"P-384\",\"kty\":\"EC\",\"x\":\"") +
                                   b64u(x) + QByteArrayLiteral("\",\"y\":\"") + b64u(y) +
                                   QByteArrayLiteral("\"}");
    const QByteArray kid = b64u(QCryptographicHash::hash(thumb_input, QCryptographicHash::Sha256));
    cjose_jwk_set_kid(jwk.get(), kid.constData(), size_t(kid.size()), &err);
    char* json = cjose_jwk_to_json(jwk.get(), false, &err);
    if (json == nullptr) return makeError(ErrorCode::Internal, tr("cjose could not write the JWK"));
    QJsonObject public_jwk = QJsonDocument::fromJson(QByteArray(json)).object();
    std::free(json);
    public_jwk.insert(QStringLiteral("alg"), QStringLiteral("ES384"));
    public_jwk.insert(QStringLiteral("use"), QStringLiteral("sig"));

    IdentityKey out;
    out.pem_ = pem;
    out.pem_.detach();
    out.kid_ = QString::fromLatin1(kid);
    out.jwk_ = public_jwk;
    return out;
}

}  // namespace mk::identity
