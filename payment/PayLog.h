// The payment module's logging category (medkiosk.pay). Never log names, phone numbers, faces or
// tokens; amounts, invoice ids and idempotency keys are fine.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcPay)
