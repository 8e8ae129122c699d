// A camera: delivers frames to whoever connects (QrScanWorker, the face pipeline). A backend
// emits either imageFrame (QImage, e.g. FolderCamera) or videoFrame (QVideoFrame, e.g.
// QtCamera); consumers connect both. Frames are emitted on the camera's thread. start() and
// stop() are invocable by name (QMetaObject::invokeMethod(camera, "start")), so that a consumer
// that does not link medkiosk_hw (the face screens) can power the camera while it scans.
#pragma once

#include "hw/common/DeviceHealth.h"

#include <QImage>
#include <QVideoFrame>

namespace mk::hw {

class Camera : public Device
{
    Q_OBJECT
public:
    using Device::Device;

    // Starts delivering frames; false when there is no camera now (health says why).
    Q_INVOKABLE virtual bool start() = 0;
    Q_INVOKABLE virtual void stop() = 0;
    virtual bool isActive() const = 0;

Q_SIGNALS:
    void imageFrame(const QImage& image);
    void videoFrame(const QVideoFrame& frame);
};

}  // namespace mk::hw
