// The Parameters bodies of the payment operations, built (kiosk) and parsed (simulator) in one
// place. Built objects hold marked numbers: send them with writeExactJson (ExactJson.h). Parsed
// objects must come from parseExactJson.
//
//  POST Invoice/{id}/$pay            method, amount, verification{method, score}, offline, takenAt
//  POST Invoice/{id}/$phone-order    amount
//  POST Invoice/{id}/$phone-order-cancel  order
//  POST Account/$open-credit         patient, agreementVersion, consent, verification
#pragma once

#include "payment/Money.h"
#include "payment/PayError.h"
#include "payment/PaymentIntent.h"

#include <QJsonObject>
#include <QString>

namespace mk::pay {

QJsonObject payParameters(const PaymentIntent& intent);
QJsonObject phoneOrderParameters(Money amount);
QJsonObject phoneOrderCancelParameters(const QString& orderId);

struct OpenCreditRequest {
    QString patientId;
    QString agreementVersion;
    bool consent = false;
    Verification verification;
};
QJsonObject openCreditParameters(const OpenCreditRequest& request);

// What the simulator reads from a $pay body. Missing/invalid verification is NOT an error here
// (the pool answers verification-required): verification.method stays Unset.
struct PayRequest {
    PayMethod method = PayMethod::Unset;
    Money amount;
    Verification verification;
    bool offline = false;
    QString takenAt;
};
// Refused: resourceType not Parameters, method missing/unknown, amount missing or a bad Money.
PayResult<PayRequest> parsePayParameters(const QJsonObject& parameters);
PayResult<Money> parsePhoneOrderParameters(const QJsonObject& parameters);
PayResult<QString> parsePhoneOrderCancelParameters(const QJsonObject& parameters);
// Refused: no patient reference, no agreementVersion; consent false and missing verification
// are returned as read (the pool decides the rule code).
PayResult<OpenCreditRequest> parseOpenCreditParameters(const QJsonObject& parameters);

}  // namespace mk::pay
