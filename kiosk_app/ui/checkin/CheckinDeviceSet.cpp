#include "ui/checkin/CheckinDeviceSet.h"

#include "hw/camera/Camera.h"
#include "hw/card/CardReader.h"
#include "hw/scanner/CameraScanner.h"
#include "hw/scanner/SerialScanner.h"
#include "hw/scanner/WedgeScannerFilter.h"

#include <QCoreApplication>
#include <QSettings>

namespace mk::ui {

CheckinDeviceSet::CheckinDeviceSet(const hw::ScannerConfig& scanners,
                                   const hw::CameraConfig& camera, const hw::CardReaderConfig& card,
                                   QObject* parent)
    : QObject(parent)
{
    problems_ = scanners.problems + card.problems;
    if (scanners.wedge) {
        wedge_ = new hw::WedgeScannerFilter(QCoreApplication::instance(), scanners.wedge_config,
                                            QStringLiteral("scanner-wedge"), this);
    }
    if (scanners.serial) {
        serial_ =
            new hw::SerialScanner(scanners.serial_config, QStringLiteral("scanner-serial"), this);
    }
    if (scanners.camera) {
        problems_ += camera.problems;
        camera_ = camera.create();
        if (!camera_) problems_ << QStringLiteral("devices/scanners: camera, but no camera");
        camera_scanner_ =
            new hw::CameraScanner(camera_.get(), QStringLiteral("scanner-camera"), this);
        camera_scanner_->worker()->setDebounceMs(scanners.debounce_ms);
    }
    if (card.enabled) card_ = std::make_unique<hw::CardReader>(card);
}

CheckinDeviceSet::~CheckinDeviceSet()
{
    if (camera_) camera_->stop();
    card_.reset();  // stops its PC/SC thread first
}

std::unique_ptr<CheckinDeviceSet> CheckinDeviceSet::fromSettings(const QString& ini_path)
{
    QSettings settings(ini_path, QSettings::IniFormat);
    const hw::ScannerConfig scanners = hw::ScannerConfig::fromSettings(settings);
    const hw::CameraConfig camera = hw::CameraConfig::fromSettings(settings);
    const hw::CardReaderConfig card = hw::CardReaderConfig::fromSettings(settings);
    return std::make_unique<CheckinDeviceSet>(scanners, camera, card);
}

void CheckinDeviceSet::start()
{
    if (serial_ != nullptr) serial_->start();
    if (card_) card_->start();
}

hw::QrScanner* CheckinDeviceSet::wedge() const
{
    return wedge_;
}

hw::QrScanner* CheckinDeviceSet::serial() const
{
    return serial_;
}

QList<hw::Device*> CheckinDeviceSet::devices() const
{
    QList<hw::Device*> out;
    if (wedge_ != nullptr) out << wedge_;
    if (serial_ != nullptr) out << serial_;
    if (camera_scanner_ != nullptr) out << camera_scanner_;
    if (card_) out << card_.get();
    return out;
}

}  // namespace mk::ui
