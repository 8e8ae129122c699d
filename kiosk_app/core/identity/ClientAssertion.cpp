#include "core/identity/ClientAssertion.h"

#include "core/common/SecureWipe.h"

#include <QUuid>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <jwt.h>
#include <memory>

namespace mk::identity {
namespace {
struct JwtDeleter {
    void operator()(jwt_t* j) const { jwt_free(j); }
};
}  // namespace

Result<QByteArray> signClientAssertion(const IdentityKey& key, const AssertionClaims& claims)
{
    if (!key.isValid() || claims.client_id.isEmpty() || claims.audience.isEmpty())
        return makeError(ErrorCode::Config, QStringLiteral("client assertion: no key, id or aud"));
    jwt_t* raw = nullptr;
    if (jwt_new(&raw) != 0) return makeError(ErrorCode::Internal, QStringLiteral("jwt_new failed"));
    std::unique_ptr<jwt_t, JwtDeleter> jwt(raw);
    const QByteArray id = claims.client_id.toUtf8();
    const QByteArray aud = claims.audience.toUtf8();
    const QByteArray jti =
        (claims.jti.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : claims.jti)
            .toUtf8();
    const QByteArray kid = key.kid().toUtf8();
    const int lifetime_s = std::clamp(claims.lifetime_s, 1, 300);
    int rc = jwt_add_grant(jwt.get(), "iss", id.constData());
    rc |= jwt_add_grant(jwt.get(), "sub", id.constData());
    rc |= jwt_add_grant(jwt.get(), "aud", aud.constData());
    rc |= jwt_add_grant(jwt.get(), "jti", jti.constData());
    rc |= jwt_add_grant_int(jwt.get(), "iat", long(claims.issued_at_s));
    rc |= jwt_add_grant_int(jwt.get(), "exp", long(claims.issued_at_s + lifetime_s));
    rc |= jwt_add_header(jwt.get(), "kid", kid.constData());
    const QByteArray& pem = key.privatePem();
    rc |= jwt_set_alg(jwt.get(), JWT_ALG_ES384,
                      reinterpret_cast<const unsigned char*>(pem.constData()), int(pem.size()));
    if (rc != 0)
        return makeError(ErrorCode::Internal,
                         QStringLiteral("libjwt refused the assertion's fields"));
    char* encoded = jwt_encode_str(jwt.get());
    if (encoded == nullptr)
        return makeError(ErrorCode::Internal, QStringLiteral("libjwt could not sign (ES384)"));
    QByteArray out(encoded);
    secureWipe(encoded, std::strlen(encoded));  // memset before free may be optimised away
    std::free(encoded);                         // libjwt 1.10 allocates with the default allocator
    return out;
}

}  // namespace mk::identity
