// The signed JWT a kiosk sends to the token endpoint (SMART Backend Services, private_key_jwt):
// header alg ES384, typ JWT, kid = the key's thumbprint; claims iss = sub = the client id
// (kiosk/id), aud = the token URL, iat, exp = iat + lifetime (at most 300 s), a unique jti.
// Signed by libjwt (OpenSSL); nothing here writes or parses JOSE by hand.
#pragma once

#include "core/common/Result.h"
#include "core/identity/IdentityKey.h"

#include <QByteArray>
#include <QString>

namespace mk::identity {

struct AssertionClaims {
    QString client_id;
    QString audience;  // the token URL
    qint64 issued_at_s = 0;
    int lifetime_s = 300;  // capped at 300
    QString jti;           // empty: a new UUID
};

Result<QByteArray> signClientAssertion(const IdentityKey& key, const AssertionClaims& claims);

}  // namespace mk::identity
