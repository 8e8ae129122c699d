// The payment module's error type and its Result (result/Result.h; payment must not depend on
// kiosk_app). Every parser and builder of payment/ returns PayResult<T>; never an exception.
// An error names the field it is about ("lineItem[2].priceComponent[0].amount.value") and says
// what is wrong in English: a technical text for staff and logs, never personal data (amounts and
// ids are not personal data; names, phone numbers and faces never appear in a PayError).
#pragma once

#include "result/Result.h"

#include <QString>

namespace mk::pay {

// Zero is deliberately not a real kind.
enum class PayErrorCode {
    Unset = 0,
    Syntax,           // not a decimal / JSON text at all ("1e2", "12,30", "", " 1")
    Negative,         // a '-' where the caller does not allow negative amounts
    TooManyDecimals,  // more than 2 decimals ("1.005")
    OutOfRange,       // magnitude >= 10^13 fen (or a count/duration out of its range)
    Overflow,         // arithmetic result out of range (never a wrap)
    Currency,         // Money.currency is not "CNY"
    Missing,          // a required field is absent
    Invalid,          // a field has the wrong type or a value outside its code list
    Mismatch,         // numbers that must agree do not (totals, a reply for another invoice)
};

struct PayError {
    PayErrorCode code = PayErrorCode::Unset;
    QString field;   // JSON path or argument name, may be empty ("totalNet", "value")
    QString detail;  // what is wrong, English, no personal data

    // "<field>: <detail>" (or just detail when field is empty): for logs and staff screens.
    QString message() const;
    // The same error about a field nested under `prefix` ("lineItem[0]" + "amount.value").
    PayError under(const QString& prefix) const;
};

template<typename T>
using PayResult = BasicResult<T, PayError>;

using PayOk = Ok;
using PayStatus = PayResult<PayOk>;

inline PayError payError(PayErrorCode code, QString field, QString detail)
{
    return PayError{code, std::move(field), std::move(detail)};
}

// "Syntax", "Negative", ... (stable names for logs and tests).
const char* payErrorCodeName(PayErrorCode code);

}  // namespace mk::pay
