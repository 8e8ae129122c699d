#include "core/common/Log.h"

Q_LOGGING_CATEGORY(lcPool, "medkiosk.pool")
Q_LOGGING_CATEGORY(lcStore, "medkiosk.store")
Q_LOGGING_CATEGORY(lcBooking, "medkiosk.booking")
Q_LOGGING_CATEGORY(lcConfig, "medkiosk.config")
Q_LOGGING_CATEGORY(lcUi, "medkiosk.ui")
