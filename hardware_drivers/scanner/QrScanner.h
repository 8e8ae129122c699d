// A QR code scanner: anything that hands the kiosk the text of a scanned code. Backends: keyboard
// wedge (WedgeScannerFilter), serial (SerialScanner), camera (CameraScanner). The check-in screen
// connects to scanned(); it never needs to know which backend it has.
#pragma once

#include "hw/common/DeviceHealth.h"

#include <QString>

namespace mk::hw {

class QrScanner : public Device
{
    Q_OBJECT
public:
    using Device::Device;

    // Starts listening (opening the port, installing the filter, starting the camera). Returns
    // false when the device is not there now; the backend keeps trying and reports health.
    virtual bool start() = 0;
    virtual void stop() = 0;

Q_SIGNALS:
    // The text of one scanned code (without any configured prefix/suffix or line terminator).
    void scanned(const QString& text);
};

}  // namespace mk::hw
