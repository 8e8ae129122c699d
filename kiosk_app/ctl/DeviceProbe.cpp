#include "DeviceProbe.h"

#include "hw/camera/CameraConfig.h"
#include "hw/card/CardReader.h"
#include "hw/printer/ReceiptPrinter.h"
#include "hw/scanner/CameraScanner.h"
#include "hw/scanner/ScannerConfig.h"
#include "hw/scanner/SerialScanner.h"
#include "hw/scanner/WedgeScannerFilter.h"
#include "hw/speech/Speaker.h"

#include <QDeadlineTimer>
#include <QSettings>
#include <QThread>

#include <memory>

namespace mk::ctl {
namespace {

struct Entry {
    std::unique_ptr<hw::Device> device;
    QString backend;
    bool configured = false;
};

}  // namespace

DeviceProbeResult DeviceProbe::run(const QString& config_path, int wait_ms)
{
    QSettings settings(config_path, QSettings::IniFormat);
    DeviceProbeResult result;
    std::vector<Entry> entries;
    hw::ReceiptPrinter* printer_device = nullptr;
    {
        const hw::PrinterConfig config = hw::PrinterConfig::fromSettings(settings);
        result.problems += config.problems;
        auto printer = std::make_unique<hw::ReceiptPrinter>(config);
        printer->start();
        if (config.transport != hw::PrinterConfig::Transport::None) printer_device = printer.get();
        entries.push_back({std::move(printer), config.describe(),
                           config.transport != hw::PrinterConfig::Transport::None});
    }
    {
        const hw::CardReaderConfig config = hw::CardReaderConfig::fromSettings(settings);
        result.problems += config.problems;
        auto reader = std::make_unique<hw::CardReader>(config);
        reader->start();
        entries.push_back({std::move(reader),
                           config.enabled
                               ? u"pcsc "_qs + (config.reader_name.isEmpty() ? tr("(first reader)")
                                                                             : config.reader_name)
                               : u"none"_qs,
                           config.enabled});
    }
    {
        const hw::SpeakerConfig config = hw::SpeakerConfig::fromSettings(settings);
        result.problems += config.problems;
        auto speaker = std::make_unique<hw::Speaker>(config);
        speaker->start();
        const bool on = !config.engine.isEmpty() && config.engine != QLatin1String("none");
        entries.push_back({std::move(speaker), on ? config.engine : u"none"_qs, on});
    }
    hw::Camera* camera_device = nullptr;  // owned by its entry; the camera scanner reads it
    {
        // The camera (face sign-in, camera QR scanning). Counted only when [devices] camera is
        // set explicitly: the built-in default (qt) must not fail a kiosk that has no camera.
        settings.beginGroup(u"devices"_qs);
        const bool explicit_camera = settings.contains(u"camera"_qs);
        settings.endGroup();
        const hw::CameraConfig config = hw::CameraConfig::fromSettings(settings);
        result.problems += config.problems;
        if (config.backend == hw::CameraConfig::Backend::Unset) {
            result.unknown_camera_backend = true;
        } else if (auto camera = config.create()) {
            camera->start();
            camera_device = camera.get();
            entries.push_back({std::move(camera), config.describe(), explicit_camera});
        }
    }
    {
        // Each QR scanner of `scanners` with its state, as the check-in screen listens to them
        // all at once (docs/checkin.md): the keyboard wedge (its presence cannot be detected:
        // ready once listening), the serial port, and the camera above.
        const hw::ScannerConfig config = hw::ScannerConfig::fromSettings(settings);
        result.problems += config.problems;
        if (config.wedge) {
            auto wedge = std::make_unique<hw::WedgeScannerFilter>(QCoreApplication::instance(),
                                                                  config.wedge_config);
            wedge->start();
            entries.push_back({std::move(wedge),
                               u"wedge (gap %1 ms)"_qs.arg(config.wedge_config.max_gap_ms), true});
        }
        if (config.serial) {
            auto scanner = std::make_unique<hw::SerialScanner>(config.serial_config);
            scanner->start();
            entries.push_back({std::move(scanner),
                               u"serial %1 %2"_qs.arg(config.serial_config.port)
                                   .arg(config.serial_config.baud_rate),
                               true});
        }
        if (config.camera) {
            auto scanner = std::make_unique<hw::CameraScanner>(camera_device);
            scanner->start();
            entries.push_back({std::move(scanner), u"camera (QR codes)"_qs, true});
        }
    }

    const QDeadlineTimer deadline(wait_ms >= 0 ? wait_ms : 8000);
    auto allAnswered = [&entries]() {
        for (const Entry& e : entries) {
            if (e.device->health().state == hw::DeviceState::Unset) return false;
        }
        return true;
    };
    while (!allAnswered() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(20);
    }
    for (const Entry& e : entries) {
        ProbedDevice d{e.device->health(), e.backend, e.configured, std::nullopt};
        if (d.health.state == hw::DeviceState::Unset) d.health.detail = tr("no answer in time");
        if (e.device.get() == printer_device && printer_device->lastStatus().complete())
            d.printer = printer_device->lastStatus();
        result.devices.push_back(std::move(d));
    }
    // Stop the workers before the devices go (the card reader waits on PC/SC in its thread).
    entries.clear();
    return result;
}

}  // namespace mk::ctl
