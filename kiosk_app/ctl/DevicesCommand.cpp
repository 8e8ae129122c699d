// medkioskctl devices [--config F] [--json] [--wait-ms N]: builds the devices configured in the
// INI's [devices] section (receipt printer, card reader, speech, serial QR scanner, camera; keys
// in docs/devices.md), starts each, waits until each has reported (at most --wait-ms, default 8000)
// and prints ready / degraded / missing with the detail. Exit 1 when a configured device is missing
// or did not answer in time; devices switched off in the configuration are listed, not counted.
#include "CtlCommand.h"
#include "hw/camera/CameraConfig.h"
#include "hw/card/CardReader.h"
#include "hw/common/DeviceHealth.h"
#include "hw/printer/ReceiptPrinter.h"
#include "hw/scanner/ScannerConfig.h"
#include "hw/scanner/SerialScanner.h"
#include "hw/speech/Speaker.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QThread>

#include <memory>
#include <vector>

namespace mk::ctl {

class DevicesCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::DevicesCommand)

public:
    QStringList words() const override { return {u"devices"_qs}; }
    QString summary() const override
    {
        return tr(
            "Configured devices (printer, card reader, speech, scanner, camera) with their state.");
    }
    void addOptions(QCommandLineParser& parser) const override
    {
        parser.addOption({u"wait-ms"_qs, tr("Longest wait for the devices to answer (ms)."),
                          u"N"_qs, u"8000"_qs});
    }
    int run(const CtlContext& context) const override;

private:
    struct Entry {
        std::unique_ptr<hw::Device> device;
        QString backend;  // how it is reached, e.g. "tcp 127.0.0.1:9100"
        bool configured = false;
    };
};

int DevicesCommand::run(const CtlContext& context) const
{
    const QString path = context.configPath();
    if (!QFileInfo::exists(path)) {
        context.err
            << tr("configuration file %1 not found: devices use their defaults (off)").arg(path)
            << u'\n';
    }
    QSettings settings(path, QSettings::IniFormat);

    std::vector<Entry> entries;
    bool ok_config = true;
    QStringList problems;  // bad [devices] values, each naming its key (as KioskConfig does)
    {
        const hw::PrinterConfig config = hw::PrinterConfig::fromSettings(settings);
        problems += config.problems;
        auto printer = std::make_unique<hw::ReceiptPrinter>(config);
        printer->start();
        entries.push_back({std::move(printer), config.describe(),
                           config.transport != hw::PrinterConfig::Transport::None});
    }
    {
        const hw::CardReaderConfig config = hw::CardReaderConfig::fromSettings(settings);
        problems += config.problems;
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
        problems += config.problems;
        auto speaker = std::make_unique<hw::Speaker>(config);
        speaker->start();
        const bool on = !config.engine.isEmpty() && config.engine != QLatin1String("none");
        entries.push_back({std::move(speaker), on ? config.engine : u"none"_qs, on});
    }
    {
        // dev-qr's keys (docs/devices.md). The keyboard wedge and the camera scanner live inside
        // the kiosk GUI; a serial scanner is a port this command can open.
        const hw::ScannerConfig config = hw::ScannerConfig::fromSettings(settings);
        problems += config.problems;
        if (config.serial) {
            auto scanner = std::make_unique<hw::SerialScanner>(config.serial_config);
            scanner->start();
            entries.push_back({std::move(scanner), config.describe(), true});
        }
    }
    {
        // The camera (face sign-in, camera QR scanning). Counted only when [devices] camera is
        // set explicitly: the built-in default (qt) must not fail a kiosk that has no camera.
        settings.beginGroup(u"devices"_qs);
        const bool explicit_camera = settings.contains(u"camera"_qs);
        settings.endGroup();
        const hw::CameraConfig config = hw::CameraConfig::fromSettings(settings);
        problems += config.problems;
        if (config.backend == hw::CameraConfig::Backend::Unset) {
            context.err << tr("[devices] camera: unknown backend (none, qt or folder)") << u'\n';
            ok_config = false;
        } else if (auto camera = config.create()) {
            camera->start();
            entries.push_back({std::move(camera), config.describe(), explicit_camera});
        }
    }

    bool ok_wait = false;
    const int wait_ms = context.parser.value(u"wait-ms"_qs).toInt(&ok_wait);
    const QDeadlineTimer deadline(ok_wait && wait_ms >= 0 ? wait_ms : 8000);
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

    for (const QString& problem : std::as_const(problems))
        context.err << tr("invalid configuration: %1").arg(problem) << u'\n';
    bool ok = ok_config && problems.isEmpty();
    QJsonArray list;
    for (const Entry& e : entries) {
        hw::DeviceHealth h = e.device->health();
        if (h.state == hw::DeviceState::Unset) h.detail = tr("no answer in time");
        const bool bad = e.configured &&
                         (h.state == hw::DeviceState::Missing || h.state == hw::DeviceState::Unset);
        ok = ok && !bad;
        list.append(QJsonObject{{u"id"_qs, h.device_id},
                                {u"kind"_qs, h.kind},
                                {u"backend"_qs, e.backend},
                                {u"configured"_qs, e.configured},
                                {u"state"_qs, hw::deviceStateName(h.state)},
                                {u"detail"_qs, h.detail}});
    }
    if (context.json()) {
        const QJsonObject root{{u"ok"_qs, ok},
                               {u"config"_qs, path},
                               {u"problems"_qs, QJsonArray::fromStringList(problems)},
                               {u"devices"_qs, list}};
        context.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
    } else {
        for (const QJsonValue& v : std::as_const(list)) {
            const QJsonObject o = v.toObject();
            context.out << o.value(u"kind"_qs).toString().leftJustified(9) << u' '
                        << o.value(u"state"_qs).toString().leftJustified(9) << u' '
                        << o.value(u"backend"_qs).toString() << u'\n';
            if (!o.value(u"detail"_qs).toString().isEmpty())
                context.out << u"          "_qs << o.value(u"detail"_qs).toString() << u'\n';
        }
        context.out << (ok ? tr("Devices: OK") : tr("Devices: PROBLEM")) << u'\n';
    }
    // Stop the workers before the devices go (the card reader waits on PC/SC in its thread).
    entries.clear();
    return ok ? kExitOk : kExitCheckFailed;
}

MK_CTL_COMMAND(DevicesCommand)

}  // namespace mk::ctl
