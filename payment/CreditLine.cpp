#include "payment/CreditLine.h"

#include "payment/FhirMoney.h"
#include "payment/FhirNames.h"
#include "payment/FhirRead.h"

namespace mk::pay {

Money CreditLine::available() const
{
    auto rest = limit.minus(used);
    if (!rest || rest.value().isNegative()) return Money();
    return rest.value();
}

Money CreditLine::maxCharge(bool faceVerified) const
{
    const Money free = available();
    if (faceVerified) return free;
    return limitWithoutFace < free ? limitWithoutFace : free;
}

PayResult<CreditLine> parseCreditLineAccount(const QJsonObject& account)
{
    if (PayStatus type = fhir::expectResourceType(account, u"Account"); !type) return type.error();
    CreditLine line;
    auto id = fhir::requiredString(account, u"id", QStringLiteral("id"));
    if (!id) return id.error();
    line.accountId = id.value();
    if (fhir::codingCode(account.value(u"type"), fhir::kAccountTypeSystem) !=
        fhir::kAccountTypeCreditLine)
        return payError(PayErrorCode::Invalid, QStringLiteral("type"),
                        QStringLiteral("not a credit-line account"));
    const QString status = account.value(u"status").toString();
    if (status == u"active")
        line.status = CreditStatus::Active;
    else if (status == u"on-hold")
        line.status = CreditStatus::OnHold;
    else if (status == u"inactive")
        line.status = CreditStatus::Inactive;
    else
        return payError(status.isEmpty() ? PayErrorCode::Missing : PayErrorCode::Invalid,
                        QStringLiteral("status"),
                        QStringLiteral("expected active, on-hold or inactive"));
    auto patient = fhir::referenceId(account.value(u"subject").toArray().at(0), u"Patient",
                                     QStringLiteral("subject[0]"));
    if (!patient) return patient.error();
    line.patientId = patient.value();

    const std::optional<QJsonObject> ext =
        fhir::extensionByUrl(account, fhir::kCreditLineExtension);
    if (!ext)
        return payError(PayErrorCode::Missing, QStringLiteral("extension"),
                        QStringLiteral("no credit-line extension"));
    bool haveLimit = false;
    bool haveUsed = false;
    const QJsonArray subs = ext->value(u"extension").toArray();
    for (qsizetype i = 0; i < subs.size(); ++i) {
        const QJsonObject sub = subs.at(i).toObject();
        const QString url = sub.value(u"url").toString();
        const QString field = QStringLiteral("extension.extension[%1]").arg(i);
        if (url == u"limit" || url == u"used" || url == u"limitWithoutFace") {
            auto amount =
                readFhirMoney(sub.value(u"valueMoney"), field + QStringLiteral(".valueMoney"));
            if (!amount) return amount.error();
            if (url == u"limit") {
                line.limit = amount.value();
                haveLimit = true;
            } else if (url == u"used") {
                line.used = amount.value();
                haveUsed = true;
            } else {
                line.limitWithoutFace = amount.value();
            }
        } else if (url == u"repayUrl") {
            line.repayUrl = sub.value(u"valueUrl").toString();
        }
    }
    if (!haveLimit)
        return payError(PayErrorCode::Missing, QStringLiteral("extension[credit-line].limit"),
                        QStringLiteral("required"));
    if (!haveUsed)
        return payError(PayErrorCode::Missing, QStringLiteral("extension[credit-line].used"),
                        QStringLiteral("required"));
    return line;
}

PayResult<std::optional<CreditLine>> parseCreditLineBundle(const QJsonObject& bundle)
{
    auto resources = fhir::bundleResources(bundle);
    if (!resources) return resources.error();
    if (resources.value().isEmpty()) return std::optional<CreditLine>();
    if (resources.value().size() > 1)
        return payError(PayErrorCode::Invalid, QStringLiteral("entry"),
                        QStringLiteral("more than one credit-line account"));
    auto line = parseCreditLineAccount(resources.value().first());
    if (!line) return line.error().under(QStringLiteral("entry[0].resource"));
    return std::optional<CreditLine>(line.value());
}

}  // namespace mk::pay
