#pragma once

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>

namespace mk::hw {

enum class DeviceState { Unset = 0, Ready, Degraded, Missing };

// Shared health model of every device backend (camera|scanner|printer|card|speaker).
struct DeviceHealth {
    QString device_id;
    QString kind;  // camera|scanner|printer|card|speaker
    DeviceState state = DeviceState::Unset;
    QString detail;  // for staff, English, no personal data

    bool operator==(const DeviceHealth& other) const = default;
};

// English name of a state ("ready", "degraded", "missing", "unset") for logs and medkioskctl.
QString deviceStateName(DeviceState state);

// Every device backend derives from it.
class Device : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual DeviceHealth health() const = 0;

Q_SIGNALS:
    void healthChanged(const mk::hw::DeviceHealth& health);
};

// Keeps the configured devices (not owned unless parented to it) and relays their health.
class DeviceRegistry : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    void add(Device* device);
    QList<Device*> devices() const;
    QList<DeviceHealth> health() const;
    Device* find(const QString& device_id) const;

Q_SIGNALS:
    void healthChanged(const mk::hw::DeviceHealth& health);

private:
    QList<QPointer<Device>> devices_;
};

}  // namespace mk::hw

Q_DECLARE_METATYPE(mk::hw::DeviceHealth)
