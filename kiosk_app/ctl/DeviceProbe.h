// Builds the devices configured in the INI's [devices] section (receipt printer, card reader,
// speech, serial QR scanner, camera; keys in docs/devices.md), starts each and waits until each
// has reported (at most wait_ms). Shared by `medkioskctl devices` and `medkioskctl health`.
#pragma once

#include "hw/common/DeviceHealth.h"
#include "hw/printer/PrinterStatus.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace mk::ctl {

struct ProbedDevice {
    hw::DeviceHealth health;  // state Unset: no answer in time
    QString backend;          // how it is reached, e.g. "tcp 127.0.0.1:9100"
    bool configured = false;  // false: switched off, or the camera left at its built-in default
    std::optional<hw::PrinterStatus> printer;  // the printer's last complete status
};

struct DeviceProbeResult {
    std::vector<ProbedDevice> devices;
    QStringList problems;  // bad [devices] values, each naming its key
    bool unknown_camera_backend = false;
};

class DeviceProbe
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::DeviceProbe)

public:
    static DeviceProbeResult run(const QString& config_path, int wait_ms);
};

}  // namespace mk::ctl
