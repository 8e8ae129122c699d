#include "payment/PayLog.h"

Q_LOGGING_CATEGORY(lcPay, "medkiosk.pay")
