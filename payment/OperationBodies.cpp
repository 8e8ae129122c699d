#include "payment/OperationBodies.h"

#include "payment/ExactJson.h"
#include "payment/FhirMoney.h"
#include "payment/FhirRead.h"

#include <QJsonArray>

namespace mk::pay {

namespace {

QJsonObject param(const QString& name, const QString& valueKey, const QJsonValue& value)
{
    return QJsonObject{{QStringLiteral("name"), name}, {valueKey, value}};
}

QJsonObject verificationParam(const Verification& verification)
{
    QJsonArray parts;
    parts.append(param(QStringLiteral("method"), QStringLiteral("valueCode"),
                       verificationMethodCode(verification.method)));
    if (verification.method == VerificationMethod::Face && !verification.scoreText.isEmpty()) {
        const QJsonValue score = exactNumberFromText(verification.scoreText);
        if (!score.isUndefined())
            parts.append(param(QStringLiteral("score"), QStringLiteral("valueDecimal"), score));
    }
    return QJsonObject{{QStringLiteral("name"), QStringLiteral("verification")},
                       {QStringLiteral("part"), parts}};
}

QJsonObject parameters(const QJsonArray& list)
{
    return QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Parameters")},
                       {QStringLiteral("parameter"), list}};
}

PayStatus expectParameters(const QJsonObject& object)
{
    return fhir::expectResourceType(object, u"Parameters");
}

// The verification part as read; Unset method when absent or unknown.
Verification readVerification(const QJsonObject& parameters)
{
    Verification verification;
    const std::optional<QJsonObject> v = fhir::parameter(parameters, u"verification");
    if (!v) return verification;
    const std::optional<QJsonObject> method = fhir::part(*v, u"method");
    if (method) {
        verification.method = verificationMethodFromCode(method->value(u"valueCode").toString())
                                  .value_or(VerificationMethod::Unset);
    }
    const std::optional<QJsonObject> score = fhir::part(*v, u"score");
    if (score) {
        if (const std::optional<QString> text = exactNumberText(score->value(u"valueDecimal")))
            verification.scoreText = *text;
    }
    return verification;
}

}  // namespace

QJsonObject payParameters(const PaymentIntent& intent)
{
    QJsonArray list;
    list.append(
        param(QStringLiteral("method"), QStringLiteral("valueCode"), payMethodCode(intent.method)));
    list.append(param(QStringLiteral("amount"), QStringLiteral("valueMoney"),
                      fhirMoney(intent.amountShown)));
    list.append(verificationParam(intent.verification));
    list.append(param(QStringLiteral("offline"), QStringLiteral("valueBoolean"), intent.offline));
    if (intent.offline && !intent.takenAt.isEmpty())
        list.append(
            param(QStringLiteral("takenAt"), QStringLiteral("valueInstant"), intent.takenAt));
    return parameters(list);
}

QJsonObject phoneOrderParameters(Money amount)
{
    return parameters(QJsonArray{
        param(QStringLiteral("amount"), QStringLiteral("valueMoney"), fhirMoney(amount))});
}

QJsonObject phoneOrderCancelParameters(const QString& orderId)
{
    return parameters(
        QJsonArray{param(QStringLiteral("order"), QStringLiteral("valueString"), orderId)});
}

QJsonObject openCreditParameters(const OpenCreditRequest& request)
{
    QJsonArray list;
    list.append(param(QStringLiteral("patient"), QStringLiteral("valueReference"),
                      QJsonObject{{QStringLiteral("reference"),
                                   QStringLiteral("Patient/") + request.patientId}}));
    list.append(param(QStringLiteral("agreementVersion"), QStringLiteral("valueString"),
                      request.agreementVersion));
    list.append(param(QStringLiteral("consent"), QStringLiteral("valueBoolean"), request.consent));
    list.append(verificationParam(request.verification));
    return parameters(list);
}

PayResult<PayRequest> parsePayParameters(const QJsonObject& parameters)
{
    if (PayStatus type = expectParameters(parameters); !type) return type.error();
    PayRequest request;
    const std::optional<QJsonObject> method = fhir::parameter(parameters, u"method");
    if (!method)
        return payError(PayErrorCode::Missing, QStringLiteral("method"),
                        QStringLiteral("required"));
    const std::optional<PayMethod> m = payMethodFromCode(method->value(u"valueCode").toString());
    if (!m)
        return payError(PayErrorCode::Invalid, QStringLiteral("method.valueCode"),
                        QStringLiteral("unknown payment method"));
    request.method = *m;
    const std::optional<QJsonObject> amount = fhir::parameter(parameters, u"amount");
    if (!amount)
        return payError(PayErrorCode::Missing, QStringLiteral("amount"),
                        QStringLiteral("required"));
    auto money = readFhirMoney(amount->value(u"valueMoney"), QStringLiteral("amount.valueMoney"));
    if (!money) return money.error();
    request.amount = money.value();
    request.verification = readVerification(parameters);
    if (const std::optional<QJsonObject> offline = fhir::parameter(parameters, u"offline"))
        request.offline = offline->value(u"valueBoolean").toBool(false);
    if (const std::optional<QJsonObject> takenAt = fhir::parameter(parameters, u"takenAt"))
        request.takenAt = takenAt->value(u"valueInstant").toString();
    return request;
}

PayResult<Money> parsePhoneOrderParameters(const QJsonObject& parameters)
{
    if (PayStatus type = expectParameters(parameters); !type) return type.error();
    const std::optional<QJsonObject> amount = fhir::parameter(parameters, u"amount");
    if (!amount)
        return payError(PayErrorCode::Missing, QStringLiteral("amount"),
                        QStringLiteral("required"));
    return readFhirMoney(amount->value(u"valueMoney"), QStringLiteral("amount.valueMoney"));
}

PayResult<QString> parsePhoneOrderCancelParameters(const QJsonObject& parameters)
{
    if (PayStatus type = expectParameters(parameters); !type) return type.error();
    const std::optional<QJsonObject> order = fhir::parameter(parameters, u"order");
    if (!order)
        return payError(PayErrorCode::Missing, QStringLiteral("order"), QStringLiteral("required"));
    return fhir::requiredString(*order, u"valueString", QStringLiteral("order.valueString"));
}

PayResult<OpenCreditRequest> parseOpenCreditParameters(const QJsonObject& parameters)
{
    if (PayStatus type = expectParameters(parameters); !type) return type.error();
    OpenCreditRequest request;
    const std::optional<QJsonObject> patient = fhir::parameter(parameters, u"patient");
    if (!patient)
        return payError(PayErrorCode::Missing, QStringLiteral("patient"),
                        QStringLiteral("required"));
    auto id = fhir::referenceId(patient->value(u"valueReference"), u"Patient",
                                QStringLiteral("patient.valueReference"));
    if (!id) return id.error();
    request.patientId = id.value();
    const std::optional<QJsonObject> version = fhir::parameter(parameters, u"agreementVersion");
    if (!version)
        return payError(PayErrorCode::Missing, QStringLiteral("agreementVersion"),
                        QStringLiteral("required"));
    auto versionText = fhir::requiredString(*version, u"valueString",
                                            QStringLiteral("agreementVersion.valueString"));
    if (!versionText) return versionText.error();
    request.agreementVersion = versionText.value();
    if (const std::optional<QJsonObject> consent = fhir::parameter(parameters, u"consent"))
        request.consent = consent->value(u"valueBoolean").toBool(false);
    request.verification = readVerification(parameters);
    return request;
}

}  // namespace mk::pay
