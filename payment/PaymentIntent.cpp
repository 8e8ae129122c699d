#include "payment/PaymentIntent.h"

#include "payment/Bill.h"

#include <QCryptographicHash>
#include <QUuid>

namespace mk::pay {

QString payMethodCode(PayMethod method)
{
    switch (method) {
        case PayMethod::Credit:
            return QStringLiteral("credit");
        case PayMethod::Phone:
            return QStringLiteral("phone");
        case PayMethod::Unset:
            break;
    }
    return {};
}

std::optional<PayMethod> payMethodFromCode(QStringView code)
{
    if (code == u"credit") return PayMethod::Credit;
    if (code == u"phone") return PayMethod::Phone;
    return std::nullopt;
}

QString verificationMethodCode(VerificationMethod method)
{
    switch (method) {
        case VerificationMethod::Face:
            return QStringLiteral("face");
        case VerificationMethod::PhoneDigits:
            return QStringLiteral("phone-digits");
        case VerificationMethod::Unset:
            break;
    }
    return {};
}

std::optional<VerificationMethod> verificationMethodFromCode(QStringView code)
{
    if (code == u"face") return VerificationMethod::Face;
    if (code == u"phone-digits") return VerificationMethod::PhoneDigits;
    return std::nullopt;
}

Verification Verification::face(double score)
{
    // A score is evidence, not money: 4 decimals of a finite number in [-1e6, 1e6].
    if (!(score > -1e6 && score < 1e6)) score = 0.0;
    return {VerificationMethod::Face, QString::number(score, 'f', 4)};
}

QByteArray PaymentIntent::fingerprint() const
{
    QByteArray bytes;
    auto field = [&bytes](const QString& s) {
        const QByteArray utf8 = s.toUtf8();
        const quint32 n = static_cast<quint32>(utf8.size());
        const char len[4] = {char(n >> 24), char(n >> 16), char(n >> 8), char(n)};
        bytes.append(len, 4);
        bytes.append(utf8);
    };
    bytes.append("mk-pay-intent-v1");
    field(invoiceId);
    field(amountShown.toDecimalText());
    field(payMethodCode(method));
    field(verificationMethodCode(verification.method));
    field(verification.scoreText);
    field(offline ? QStringLiteral("offline") : QStringLiteral("online"));
    field(takenAt);
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

QString newIdempotencyKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toLower();
}

PaymentIntent makePaymentIntent(const Bill& bill, PayMethod method, Verification verification)
{
    PaymentIntent intent;
    intent.invoiceId = bill.id;
    intent.versionId = bill.versionId;
    intent.amountShown = bill.totalNet;
    intent.method = method;
    intent.verification = std::move(verification);
    intent.idempotencyKey = newIdempotencyKey();
    return intent;
}

}  // namespace mk::pay
