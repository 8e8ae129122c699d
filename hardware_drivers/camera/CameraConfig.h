// Camera configuration from the kiosk INI, section [devices] (see docs/devices.md):
//   camera         = qt                 (none | qt | folder)
//   camera_device  =                    (qt: device id or part of its description; empty = default)
//   camera_width   = 1280, camera_height = 720   (qt: preferred resolution)
//   camera_folder  = /var/lib/medkiosk/camera    (folder: an image file or a folder of images)
//   camera_fps     = 10                 (folder: frames per second, 0.2-60)
//   camera_loop    = true               (folder)
#pragma once

#include "hw/camera/FolderCamera.h"
#include "hw/camera/QtCamera.h"

#include <QSettings>
#include <QStringList>

#include <memory>

namespace mk::hw {

struct CameraConfig {
    enum class Backend { Unset = 0, None, Qt, Folder };

    QString device_id = QStringLiteral("camera");
    Backend backend = Backend::Qt;
    QtCameraConfig qt;
    FolderCameraConfig folder;
    // Bad values read by fromSettings, each naming its key (hw/common/DeviceSettings.h).
    QStringList problems;

    // Reads the camera* keys of [devices]; an unknown backend name gives Backend::Unset. A value
    // that is not a number keeps the default, one out of range is clamped; both go to problems.
    static CameraConfig fromSettings(QSettings& settings);
    // The configured camera, or nullptr for None/Unset.
    std::unique_ptr<Camera> create(QObject* parent = nullptr) const;
    QString describe() const;
};

}  // namespace mk::hw
