// The face module's logging category (medkiosk.face). Never log descriptors or patient data.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcFace)
