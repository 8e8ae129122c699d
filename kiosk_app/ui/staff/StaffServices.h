// What the staff screens need besides the ScreenContext: the PIN check, the maintenance actions
// (both synchronous and thread-safe: the screens call them through QtConcurrent), the report
// folder and the clock (UTC; tests inject one). Owned by whoever builds the screens (KioskApp);
// must outlive them.
#pragma once

#include "core/identity/AuthStatus.h"

#include <QDateTime>
#include <QString>

#include <functional>

namespace mk::staff {
class StaffPin;
class Maintenance;
}  // namespace mk::staff

namespace mk::ui {

struct StaffServices {
    staff::StaffPin* pin = nullptr;
    staff::Maintenance* maintenance = nullptr;
    QString report_folder;  // where Export writes (Maintenance::defaultReportFolder)
    std::function<QDateTime()> clock;
    // The kiosk's standing with the pool (issue 15) and "try again now"; either may be empty.
    std::function<identity::AuthStatus()> auth_status;
    std::function<void()> auth_retry;

    QDateTime now() const { return clock ? clock() : QDateTime::currentDateTimeUtc(); }
};

}  // namespace mk::ui
