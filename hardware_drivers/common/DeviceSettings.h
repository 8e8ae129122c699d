// Typed values of the kiosk INI's [devices] section for the device configurations, with every bad
// value named the way KioskConfig names its problems ("devices/camera_width: \"wide\" is not a
// whole number"): a value that is not a number keeps the default, one out of range is clamped to
// the nearest allowed value, and either adds a line to problems. Used inside
// settings.beginGroup("devices").
#pragma once

#include <QCoreApplication>
#include <QSettings>
#include <QStringList>

namespace mk::hw {

class DeviceSettings
{
    Q_DECLARE_TR_FUNCTIONS(mk::hw::DeviceSettings)

public:
    DeviceSettings(QSettings& settings, QStringList& problems)
        : settings_(settings), problems_(problems)
    {}

    int integer(const QString& key, int fallback, int min, int max);
    double number(const QString& key, double fallback, double min, double max);
    // A value of a closed list that meant nothing (an unknown backend name, say).
    void unknown(const QString& key, const QString& value, const QString& allowed);

private:
    QString name(const QString& key) const;

    QSettings& settings_;
    QStringList& problems_;
};

}  // namespace mk::hw
