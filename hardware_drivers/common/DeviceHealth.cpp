#include "hw/common/DeviceHealth.h"

namespace mk::hw {

QString deviceStateName(DeviceState state)
{
    switch (state) {
        case DeviceState::Ready:
            return QStringLiteral("ready");
        case DeviceState::Degraded:
            return QStringLiteral("degraded");
        case DeviceState::Missing:
            return QStringLiteral("missing");
        case DeviceState::Unset:
            break;
    }
    return QStringLiteral("unset");
}

void DeviceRegistry::add(Device* device)
{
    if (device == nullptr || devices_.contains(device)) return;
    devices_.append(device);
    connect(device, &Device::healthChanged, this, &DeviceRegistry::healthChanged);
    connect(device, &QObject::destroyed, this,
            [this] { devices_.removeIf([](const QPointer<Device>& d) { return d.isNull(); }); });
}

QList<Device*> DeviceRegistry::devices() const
{
    QList<Device*> result;
    for (const QPointer<Device>& d : devices_) {
        if (!d.isNull()) result.append(d.data());
    }
    return result;
}

QList<DeviceHealth> DeviceRegistry::health() const
{
    QList<DeviceHealth> result;
    for (const QPointer<Device>& d : devices_) {
        if (!d.isNull()) result.append(d->health());
    }
    return result;
}

Device* DeviceRegistry::find(const QString& device_id) const
{
    for (const QPointer<Device>& d : devices_) {
        if (!d.isNull() && d->health().device_id == device_id) return d.data();
    }
    return nullptr;
}

}  // namespace mk::hw
