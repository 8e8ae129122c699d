// One kiosk identity key (issue 15): an EC P-384 private key for ES384 client assertions (SMART
// Backend Services). Made with OpenSSL, held as PKCS#8 PEM in memory that is wiped on
// destruction; never logged or printed. publicJwk() is the public half as a JWK (cjose) with
// its RFC 7638 thumbprint as "kid".
#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace mk::identity {

class IdentityKey
{
    Q_DECLARE_TR_FUNCTIONS(mk::identity::IdentityKey)

public:
    IdentityKey() = default;
    ~IdentityKey();
    IdentityKey(const IdentityKey& other);
    IdentityKey& operator=(const IdentityKey& other);

    static Result<IdentityKey> generate();  // a new EC P-384 key
    // A PEM private key (PKCS#8 or SEC1); EC P-384 only. pem is not kept beyond the key.
    static Result<IdentityKey> fromPem(const QByteArray& pem);

    bool isValid() const { return !pem_.isEmpty(); }
    const QByteArray& privatePem() const { return pem_; }  // for signing and the key file only
    QString kid() const { return kid_; }                   // RFC 7638 thumbprint (base64url)
    QJsonObject publicJwk() const { return jwk_; }  // kty, crv, x, y, kid, alg ES384, use sig

private:
    void wipe();
    QByteArray pem_;
    QString kid_;
    QJsonObject jwk_;
};

}  // namespace mk::identity
