// Camera simulator: plays an image file, or every image of a folder (sorted by name, looping), at
// a frame rate. The folder is read again at each loop, so images added or removed show up and a
// vanished folder makes the camera Missing (and Ready again when it comes back).
#pragma once

#include "hw/camera/Camera.h"

#include <QStringList>
#include <QTimer>

namespace mk::hw {

struct FolderCameraConfig {
    QString path;  // an image file or a folder of images
    double frames_per_second = 10.0;
    bool loop = true;  // false: stop after the last image
    QSize frame_size;  // when valid, images are scaled/padded into frames of this size (grey)
};

class FolderCamera : public Camera
{
    Q_OBJECT
public:
    explicit FolderCamera(const FolderCameraConfig& config,
                          const QString& device_id = QStringLiteral("camera-folder"),
                          QObject* parent = nullptr);

    bool start() override;
    void stop() override;
    bool isActive() const override { return timer_.isActive(); }
    DeviceHealth health() const override { return health_; }

    qint64 framesEmitted() const { return emitted_; }
    // The images of one loop, as found at the last rescan.
    QStringList playlist() const { return files_; }

Q_SIGNALS:
    // After the last image when loop is false.
    void finished();

private:
    void tick();
    bool rescan();
    QImage load(const QString& file) const;
    void setHealth(DeviceState state, const QString& detail);

    FolderCameraConfig config_;
    QTimer timer_;
    QStringList files_;
    int next_ = 0;
    qint64 emitted_ = 0;
    DeviceHealth health_;
};

}  // namespace mk::hw
