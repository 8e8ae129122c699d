// medkioskctl devices [--config F] [--json] [--wait-ms N]: builds the devices configured in the
// INI's [devices] section (receipt printer, card reader, speech, serial QR scanner, camera; keys
// in docs/devices.md), starts each, waits until each has reported (at most --wait-ms, default 8000)
// and prints ready / degraded / missing with the detail. Exit 1 when a configured device is missing
// or did not answer in time; devices switched off in the configuration are listed, not counted.
#include "CtlCommand.h"
#include "DeviceProbe.h"
#include "hw/common/DeviceHealth.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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
};

int DevicesCommand::run(const CtlContext& context) const
{
    const QString path = context.configPath();
    if (!QFileInfo::exists(path)) {
        context.err
            << tr("configuration file %1 not found: devices use their defaults (off)").arg(path)
            << u'\n';
    }
    bool ok_wait = false;
    const int wait_ms = context.parser.value(u"wait-ms"_qs).toInt(&ok_wait);
    const DeviceProbeResult probe =
        DeviceProbe::run(path, ok_wait && wait_ms >= 0 ? wait_ms : 8000);
    const QStringList& problems = probe.problems;
    if (probe.unknown_camera_backend)
        context.err << tr("[devices] camera: unknown backend (none, qt or folder)") << u'\n';
    const bool ok_config = !probe.unknown_camera_backend;

    for (const QString& problem : std::as_const(problems))
        context.err << tr("invalid configuration: %1").arg(problem) << u'\n';
    bool ok = ok_config && problems.isEmpty();
    QJsonArray list;
    for (const ProbedDevice& e : probe.devices) {
        const hw::DeviceHealth& h = e.health;
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
    return ok ? kExitOk : kExitCheckFailed;
}

MK_CTL_COMMAND(DevicesCommand)

}  // namespace mk::ctl
