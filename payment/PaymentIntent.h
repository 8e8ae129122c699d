// One payment as the kiosk decides it, before the first send: which invoice (and version), the
// amount it SHOWED, the method, the verification evidence (method + score, never a face or an
// image) and the idempotency key, made once here and reused for every retry of this payment.
#pragma once

#include "payment/Money.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringView>

#include <optional>

namespace mk::pay {

struct Bill;

enum class PayMethod { Unset = 0, Credit, Phone };               // wire: credit | phone
enum class VerificationMethod { Unset = 0, Face, PhoneDigits };  // wire: face | phone-digits

QString payMethodCode(PayMethod method);
std::optional<PayMethod> payMethodFromCode(QStringView code);
QString verificationMethodCode(VerificationMethod method);
std::optional<VerificationMethod> verificationMethodFromCode(QStringView code);

struct Verification {
    VerificationMethod method = VerificationMethod::Unset;
    // Face only: the 1:1 decision's score as decimal text ("0.4125"), written as an exact JSON
    // number; empty for phone digits.
    QString scoreText;

    static Verification face(double score);  // score with 4 decimals
    static Verification phoneDigits() { return {VerificationMethod::PhoneDigits, {}}; }
};

struct PaymentIntent {
    QString invoiceId;
    QString versionId;  // the Invoice version the amount was read from
    Money amountShown;  // the totalNet the kiosk showed
    PayMethod method = PayMethod::Unset;
    Verification verification;
    QString idempotencyKey;  // UUID (without braces), made before the first send
    bool offline = false;    // taken offline, forwarded later by the outbox
    QString takenAt;         // instant text (ISO 8601 with offset); set when offline

    // A stable SHA-256 over invoiceId, amountShown, method, verification and offline/takenAt
    // (not the key): the same payment retried has the same fingerprint; a key seen with another
    // fingerprint is a different request (idempotency-key-reused).
    QByteArray fingerprint() const;
};

// A fresh key: QUuid::createUuid() without braces, lower case.
QString newIdempotencyKey();

// The intent to pay `bill` (its id, versionId and totalNet) with a new idempotency key.
PaymentIntent makePaymentIntent(const Bill& bill, PayMethod method, Verification verification);

}  // namespace mk::pay
