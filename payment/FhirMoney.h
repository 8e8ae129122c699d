// FHIR R4 Money {"value": <number>, "currency": "CNY"} <-> mk::pay::Money, exactly (ExactJson.h).
// Reading: value from the number's literal text (0, 1 or 2 decimals; Money::fromDecimalText rules),
// currency must be exactly "CNY", no other members checked. Writing: canonical 2 decimals.
#pragma once

#include "payment/Money.h"
#include "payment/PayError.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace mk::pay {

inline constexpr QStringView kCurrencyCny = u"CNY";

// `money` must be an object read by parseExactJson. Errors name `field` + ".value"/".currency":
// Missing (no object / no value / no currency), Invalid (value not a number, e.g. a string "12.30"
// or a plain double from QJsonDocument), Currency ("USD"), Syntax/TooManyDecimals/Negative/
// OutOfRange from Money::fromDecimalText.
PayResult<Money> readFhirMoney(const QJsonValue& money, const QString& field,
                               Money::Sign sign = Money::Sign::NonNegative);

// {"currency": "CNY", "value": <marked 12.30>}: write it with writeExactJson.
QJsonObject fhirMoney(Money amount);

}  // namespace mk::pay
