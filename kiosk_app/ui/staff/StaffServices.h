// What the staff screens need besides the ScreenContext: the PIN check, the maintenance actions
// (both synchronous and thread-safe: the screens call them through QtConcurrent), the report
// folder and the clock (UTC; tests inject one). Owned by whoever builds the screens (KioskApp);
// must outlive them.
#pragma once

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

    QDateTime now() const { return clock ? clock() : QDateTime::currentDateTimeUtc(); }
};

}  // namespace mk::ui
