// The devices the check-in screen listens to (issue 12), built from the kiosk INI's [devices]
// section (docs/devices.md): the QR scanners of `scanners` (keyboard wedge, serial, camera: any
// together), the camera they read from (`camera`, `camera_*`) and the card reader
// (`card_reader`). The serial scanner and the card reader start at once and look after
// hot-plug themselves (reopen, reader events); the wedge and the camera run only while the
// check-in screen is shown (CheckinScreen starts and stops them). Owns every device.
#pragma once

#include "hw/camera/CameraConfig.h"
#include "hw/card/CardReaderConfig.h"
#include "hw/scanner/ScannerConfig.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace mk::hw {
class Camera;
class CameraScanner;
class CardReader;
class Device;
class QrScanner;
class SerialScanner;
class WedgeScannerFilter;
}  // namespace mk::hw

namespace mk::ui {

class CheckinDeviceSet : public QObject
{
    Q_OBJECT
public:
    CheckinDeviceSet(const hw::ScannerConfig& scanners, const hw::CameraConfig& camera,
                     const hw::CardReaderConfig& card, QObject* parent = nullptr);
    ~CheckinDeviceSet() override;
    // Reads [devices] of the INI; problems() lists every bad value, naming its key.
    static std::unique_ptr<CheckinDeviceSet> fromSettings(const QString& ini_path);

    void start();  // serial scanner and card reader; the others follow the screen
    QStringList problems() const { return problems_; }

    hw::QrScanner* wedge() const;
    hw::QrScanner* serial() const;
    hw::CameraScanner* cameraScanner() const { return camera_scanner_; }
    hw::Camera* camera() const { return camera_.get(); }
    hw::CardReader* cardReader() const { return card_.get(); }
    QList<hw::Device*> devices() const;

private:
    hw::WedgeScannerFilter* wedge_ = nullptr;  // children of this
    hw::SerialScanner* serial_ = nullptr;
    hw::CameraScanner* camera_scanner_ = nullptr;
    std::unique_ptr<hw::Camera> camera_;
    std::unique_ptr<hw::CardReader> card_;
    QStringList problems_;
};

}  // namespace mk::ui
