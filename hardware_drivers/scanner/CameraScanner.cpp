#include "hw/scanner/CameraScanner.h"

#include "hw/camera/Camera.h"

namespace mk::hw {

CameraScanner::CameraScanner(Camera* camera, const QString& device_id, QObject* parent)
    : QrScanner(parent), camera_(camera)
{
    setObjectName(device_id);
    connect(&worker_, &QrScanWorker::decoded, this, [this](const QString& text) {
        if (running_) Q_EMIT scanned(text);
    });
    if (camera_ != nullptr) {
        connect(camera_, &Camera::imageFrame, this, [this](const QImage& image) {
            if (running_) worker_.submitImage(image);
        });
        connect(camera_, &Camera::videoFrame, this, [this](const QVideoFrame& frame) {
            if (running_) worker_.submitFrame(frame);
        });
        connect(camera_, &Device::healthChanged, this,
                [this](const DeviceHealth&) { Q_EMIT healthChanged(health()); });
    }
}

bool CameraScanner::start()
{
    running_ = true;
    worker_.resetDebounce();
    if (camera_ == nullptr) return false;
    if (camera_->isActive()) return true;
    return camera_->start();
}

void CameraScanner::stop()
{
    running_ = false;
    // The camera is left running: it may be shared (face check-in); its owner stops it.
}

DeviceHealth CameraScanner::health() const
{
    DeviceHealth h;
    h.device_id = objectName();
    h.kind = QStringLiteral("scanner");
    if (camera_ == nullptr) {
        h.state = DeviceState::Missing;
        h.detail = QStringLiteral("no camera");
        return h;
    }
    const DeviceHealth c = camera_->health();
    h.state = c.state;
    h.detail = QStringLiteral("QR codes from %1: %2").arg(c.device_id, c.detail);
    return h;
}

}  // namespace mk::hw
