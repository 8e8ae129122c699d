// The signed check-in token the pool issues for an appointment (docs/pool-protocol.md
// "Check-in token"): "MKCI1." + base64url(payload JSON) + "." + base64url(Ed25519 signature of
// the payload bytes). The kiosk verifies it locally with the pool's public key, so a patient can
// check in while the pool is away (DESIGN §4). Parsing is strict and bounded, and never crashes.
#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <memory>

namespace mk::checkin {

// What a token says (the payload). Personal data: only the MASKED display name.
struct CheckinClaims {
    QString appointment_id;       // a  Appointment.id at the pool
    QString appointment_number;   // n  urn:medkiosk:appointment, e.g. A20261123-0042
    QString patient_id;           // p  Patient.id (of the child for a child's appointment)
    QString patient_name_masked;  // m  e.g. 张*明: shown offline and to a guardian
    QString department_id;        // d  HealthcareService.id (may be empty)
    QString practitioner_id;      // r  Practitioner.id (may be empty: any doctor)
    qint64 slot_start_s = 0;      // s  slot start, seconds since the epoch
    QString issuer;               // i  the hospital's id
    qint64 expires_s = 0;         // e  seconds since the epoch
    bool operator==(const CheckinClaims&) const = default;
};

// Zero is not a real verdict. Every verdict but Valid refuses the code.
enum class TokenVerdict {
    Unset = 0,
    Valid,
    NotAToken,    // a web address, a payment code, a patient card, random text
    Damaged,      // starts like a token but is cut, re-encoded or malformed
    Forged,       // well formed, but the signature does not verify (forged or altered)
    OtherIssuer,  // issued by another hospital
    Expired,
    NoKey,  // the kiosk has no usable pool key (configuration)
};

QString verdictName(TokenVerdict verdict);  // "valid", "not-a-token", ... (logs, tests)

struct TokenCheck {
    TokenVerdict verdict = TokenVerdict::Unset;
    CheckinClaims claims;  // filled when the payload could be read (even if refused)
    QString detail;        // technical, English, no personal data
    bool valid() const { return verdict == TokenVerdict::Valid; }
};

namespace token {

inline constexpr int kMaxLength = 1024;  // characters; a longer scan is not a token
QLatin1String prefix();                  // "MKCI1."

// True when the text starts with the token prefix (a cheap first look for classifying scans).
bool hasPrefix(const QString& text);
// Structure only (no signature): Damaged / NotAToken with a detail, or the claims.
Result<CheckinClaims> parseUnverified(const QString& text, TokenVerdict* verdict);

// The canonical payload bytes of claims (compact JSON, fixed key order).
QByteArray payloadOf(const CheckinClaims& claims);
// Signs claims with an Ed25519 private key in PEM (pool side; tests and the simulator).
Result<QString> sign(const CheckinClaims& claims, const QByteArray& private_key_pem);
// A fresh Ed25519 key pair as PEM (private PKCS#8, public SubjectPublicKeyInfo); for tests.
bool generateKeyPair(QByteArray* private_pem, QByteArray* public_pem);

}  // namespace token

// Verifies tokens against the pool's Ed25519 public key. Thread-safe after construction.
class CheckinTokenVerifier
{
public:
    // public_key_pem: SubjectPublicKeyInfo PEM of an Ed25519 key; expected_issuer: this
    // hospital's id (empty = any issuer).
    CheckinTokenVerifier(const QByteArray& public_key_pem, QString expected_issuer);
    ~CheckinTokenVerifier();
    CheckinTokenVerifier(const CheckinTokenVerifier&) = delete;
    CheckinTokenVerifier& operator=(const CheckinTokenVerifier&) = delete;

    bool hasKey() const { return key_ != nullptr; }
    QString keyError() const { return key_error_; }
    const QString& expectedIssuer() const { return issuer_; }

    // Order: structure (NotAToken, Damaged), issuer (OtherIssuer), signature (Forged), expiry
    // (Expired) at `now`.
    TokenCheck verify(const QString& text, const QDateTime& now) const;

private:
    struct KeyDeleter {
        void operator()(void* key) const;
    };
    std::unique_ptr<void, KeyDeleter> key_;  // EVP_PKEY*
    QString key_error_;
    QString issuer_;
};

}  // namespace mk::checkin
