// A camera: delivers frames to whoever connects (QrScanWorker, the face pipeline). A backend
// emits either imageFrame (QImage, e.g. FolderCamera) or videoFrame (QVideoFrame, e.g.
// QtCamera); consumers connect both. Frames are emitted on the camera's thread.
#pragma once

#include "common/DeviceHealth.h"

#include <QImage>
#include <QVideoFrame>

namespace mk::hw {

class Camera : public Device
{
    Q_OBJECT
public:
    using Device::Device;

    // Starts delivering frames; false when there is no camera now (health says why).
    virtual bool start() = 0;
    virtual void stop() = 0;
    virtual bool isActive() const = 0;

Q_SIGNALS:
    void imageFrame(const QImage& image);
    void videoFrame(const QVideoFrame& frame);
};

}  // namespace mk::hw
