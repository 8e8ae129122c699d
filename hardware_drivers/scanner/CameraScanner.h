// QR scanning with a camera: the camera's frames go to a QrScanWorker (decoding off the UI
// thread, dropping frames while busy, one scanned() per distinct code). Health is the camera's,
// with kind "scanner".
#pragma once

#include "hw/qr/QrScanWorker.h"
#include "hw/scanner/QrScanner.h"

#include <QPointer>

namespace mk::hw {

class Camera;

class CameraScanner : public QrScanner
{
    Q_OBJECT
public:
    // camera: not owned (it may feed the face pipeline too).
    explicit CameraScanner(Camera* camera,
                           const QString& device_id = QStringLiteral("scanner-camera"),
                           QObject* parent = nullptr);

    bool start() override;
    void stop() override;
    DeviceHealth health() const override;

    QrScanWorker* worker() { return &worker_; }

private:
    QPointer<Camera> camera_;
    QrScanWorker worker_;
    bool running_ = false;
};

}  // namespace mk::hw
