#include "payment/FhirMoney.h"

#include "payment/ExactJson.h"

namespace mk::pay {

PayResult<Money> readFhirMoney(const QJsonValue& money, const QString& field, Money::Sign sign)
{
    if (!money.isObject())
        return payError(money.isUndefined() ? PayErrorCode::Missing : PayErrorCode::Invalid, field,
                        QStringLiteral("a Money object is required"));
    const QJsonObject object = money.toObject();
    const QString valueField = field + QStringLiteral(".value");
    const QString currencyField = field + QStringLiteral(".currency");
    const QJsonValue value = object.value(QLatin1StringView("value"));
    if (value.isUndefined() || value.isNull())
        return payError(PayErrorCode::Missing, valueField, QStringLiteral("no value"));
    const std::optional<QString> text = exactNumberText(value);
    if (!text)
        return payError(PayErrorCode::Invalid, valueField,
                        QStringLiteral("the value must be a JSON number (read as text)"));
    const QJsonValue currency = object.value(QLatin1StringView("currency"));
    if (currency.isUndefined() || currency.isNull())
        return payError(PayErrorCode::Missing, currencyField, QStringLiteral("no currency"));
    if (!currency.isString() || currency.toString() != kCurrencyCny)
        return payError(PayErrorCode::Currency, currencyField,
                        QStringLiteral("currency must be CNY, not \"%1\"")
                            .arg(currency.isString() ? currency.toString().left(8)
                                                     : QStringLiteral("(not a string)")));
    return Money::fromDecimalText(*text, sign, valueField);
}

QJsonObject fhirMoney(Money amount)
{
    return QJsonObject{{QStringLiteral("value"), exactNumber(amount)},
                       {QStringLiteral("currency"), kCurrencyCny.toString()}};
}

}  // namespace mk::pay
