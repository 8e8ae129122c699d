// Masks personal data for display on a kiosk screen (DESIGN §5): 张*明, 138****5678.
#pragma once

#include <QString>

namespace mk {

// 李明 -> 李*, 张小明 -> 张*明, 欧阳小明 -> 欧**明; "Li Ming" -> "L** M***" (first letter of each
// word kept). Empty stays empty.
QString maskName(const QString& name);
// 13800138000 -> 138****8000; shorter numbers keep at most the last 4 digits visible.
QString maskPhone(const QString& phone);
// P00001234 -> P****1234 (first character and last 4 kept).
QString maskPatientNumber(const QString& number);

}  // namespace mk
