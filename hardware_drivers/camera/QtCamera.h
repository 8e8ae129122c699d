// The real camera: QCamera + QMediaCaptureSession + QVideoSink (Qt Multimedia). Emits every
// frame as a QVideoFrame. No camera (or the configured one absent) → Missing with a clear detail;
// QMediaDevices::videoInputsChanged (hot-plug) starts it again when it comes back.
#pragma once

#include "hw/camera/Camera.h"

#include <QCamera>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QVideoSink>

#include <memory>

namespace mk::hw {

struct QtCameraConfig {
    // Which camera: empty = the system default; else matched against the device id, then
    // against the description (substring, case-insensitive).
    QString device;
    QSize resolution = QSize(1280, 720);  // preferred; the nearest supported format is used
};

class QtCamera : public Camera
{
    Q_OBJECT
public:
    explicit QtCamera(const QtCameraConfig& config,
                      const QString& device_id = QStringLiteral("camera"),
                      QObject* parent = nullptr);
    ~QtCamera() override;

    bool start() override;
    void stop() override;
    bool isActive() const override;
    DeviceHealth health() const override { return health_; }

    // The cameras Qt Multimedia sees, "id: description" (for medkioskctl devices).
    static QStringList availableCameras();

private:
    bool open();
    void close();
    void onInputsChanged();
    void setHealth(DeviceState state, const QString& detail);

    QtCameraConfig config_;
    QMediaDevices devices_;
    QMediaCaptureSession session_;
    QVideoSink sink_;
    std::unique_ptr<QCamera> camera_;
    DeviceHealth health_;
    bool wanted_ = false;
};

}  // namespace mk::hw
