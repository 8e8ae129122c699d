#include "payment/PayError.h"

namespace mk::pay {

QString PayError::message() const
{
    if (field.isEmpty()) return detail;
    return field + QStringLiteral(": ") + detail;
}

PayError PayError::under(const QString& prefix) const
{
    PayError nested = *this;
    if (prefix.isEmpty()) return nested;
    nested.field = field.isEmpty() ? prefix : prefix + QLatin1Char('.') + field;
    return nested;
}

const char* payErrorCodeName(PayErrorCode code)
{
    switch (code) {
        case PayErrorCode::Unset:
            return "Unset";
        case PayErrorCode::Syntax:
            return "Syntax";
        case PayErrorCode::Negative:
            return "Negative";
        case PayErrorCode::TooManyDecimals:
            return "TooManyDecimals";
        case PayErrorCode::OutOfRange:
            return "OutOfRange";
        case PayErrorCode::Overflow:
            return "Overflow";
        case PayErrorCode::Currency:
            return "Currency";
        case PayErrorCode::Missing:
            return "Missing";
        case PayErrorCode::Invalid:
            return "Invalid";
        case PayErrorCode::Mismatch:
            return "Mismatch";
    }
    return "Unknown";
}

}  // namespace mk::pay
