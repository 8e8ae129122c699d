#include "hw/common/DeviceSettings.h"

#include <algorithm>
#include <cmath>

namespace mk::hw {

QString DeviceSettings::name(const QString& key) const
{
    const QString group = settings_.group();
    return group.isEmpty() ? key : group + u'/' + key;
}

int DeviceSettings::integer(const QString& key, int fallback, int min, int max)
{
    if (!settings_.contains(key)) return fallback;
    const QString raw = settings_.value(key).toString().trimmed();
    bool ok = false;
    const qlonglong value = raw.toLongLong(&ok);
    if (!ok) {
        problems_ << tr("%1: \"%2\" is not a whole number").arg(name(key), raw);
        return fallback;
    }
    if (value < min || value > max) {
        const int used = int(std::clamp<qlonglong>(value, min, max));
        problems_ << tr("%1: %2 is out of range (allowed %3 to %4); using %5")
                         .arg(name(key), raw)
                         .arg(min)
                         .arg(max)
                         .arg(used);
        return used;
    }
    return int(value);
}

double DeviceSettings::number(const QString& key, double fallback, double min, double max)
{
    if (!settings_.contains(key)) return fallback;
    const QString raw = settings_.value(key).toString().trimmed();
    bool ok = false;
    const double value = raw.toDouble(&ok);
    if (!ok || !std::isfinite(value)) {
        problems_ << tr("%1: \"%2\" is not a number").arg(name(key), raw);
        return fallback;
    }
    if (value < min || value > max) {
        const double used = std::clamp(value, min, max);
        problems_ << tr("%1: %2 is out of range (allowed %3 to %4); using %5")
                         .arg(name(key), raw)
                         .arg(min)
                         .arg(max)
                         .arg(used);
        return used;
    }
    return value;
}

void DeviceSettings::unknown(const QString& key, const QString& value, const QString& allowed)
{
    problems_ << tr("%1: \"%2\" is not one of %3").arg(name(key), value, allowed);
}

}  // namespace mk::hw
