#include "hw/camera/CameraConfig.h"

#include "hw/common/DeviceSettings.h"

namespace mk::hw {

CameraConfig CameraConfig::fromSettings(QSettings& settings)
{
    CameraConfig c;
    settings.beginGroup(QStringLiteral("devices"));
    DeviceSettings values(settings, c.problems);
    const QString backend = settings.value(QStringLiteral("camera"), QStringLiteral("qt"))
                                .toString()
                                .trimmed()
                                .toLower();
    if (backend == QLatin1String("none") || backend.isEmpty())
        c.backend = Backend::None;
    else if (backend == QLatin1String("qt"))
        c.backend = Backend::Qt;
    else if (backend == QLatin1String("folder"))
        c.backend = Backend::Folder;
    else {
        c.backend = Backend::Unset;
        values.unknown(QStringLiteral("camera"), backend, QStringLiteral("none, qt, folder"));
    }
    c.qt.device = settings.value(QStringLiteral("camera_device")).toString().trimmed();
    const int w = values.integer(QStringLiteral("camera_width"), 1280, 160, 4096);
    const int h = values.integer(QStringLiteral("camera_height"), 720, 120, 4096);
    c.qt.resolution = QSize(w, h);
    c.folder.path = settings.value(QStringLiteral("camera_folder")).toString().trimmed();
    c.folder.frames_per_second = values.number(QStringLiteral("camera_fps"), 10.0, 0.2, 60.0);
    c.folder.loop = settings.value(QStringLiteral("camera_loop"), true).toBool();
    settings.endGroup();
    return c;
}

std::unique_ptr<Camera> CameraConfig::create(QObject* parent) const
{
    switch (backend) {
        case Backend::Qt:
            return std::make_unique<QtCamera>(qt, device_id, parent);
        case Backend::Folder:
            return std::make_unique<FolderCamera>(folder, device_id, parent);
        case Backend::None:
        case Backend::Unset:
            break;
    }
    return nullptr;
}

QString CameraConfig::describe() const
{
    switch (backend) {
        case Backend::Qt:
            return QStringLiteral("qt %1 %2x%3")
                .arg(qt.device.isEmpty() ? QStringLiteral("(default)") : qt.device)
                .arg(qt.resolution.width())
                .arg(qt.resolution.height());
        case Backend::Folder:
            return QStringLiteral("folder %1 at %2 frames/s")
                .arg(folder.path)
                .arg(folder.frames_per_second);
        case Backend::None:
            return QStringLiteral("none");
        case Backend::Unset:
            break;
    }
    return QStringLiteral("unknown backend");
}

}  // namespace mk::hw
