// medkioskctl health [--config F] [--output FILE] [--wait-ms N]: the kiosk's health for the
// hospital's monitoring in the Prometheus text format (docs/health.md): the pool reachable now,
// the outbox (waiting, oldest age, dead letters, last successful sync), the devices (printer
// paper too), face models loaded and the version. Counts and states only, never personal data.
// --output writes FILE atomically, mode 0644 (temporary file in the same folder, then rename),
// for node_exporter's textfile collector; the medkiosk-health.timer runs it every minute.
// Exit 0 when the report was written (whatever it says), 1 when it could not be.
#include "CtlCommand.h"
#include "DeviceProbe.h"
#include "QueueCtl.h"
#include "core/common/SafeFile.h"
#include "core/config/KioskConfig.h"
#include "core/health/HealthReport.h"
#include "core/pool/CurlTransport.h"
#include "face_auth/FaceConfig.h"
#include "face_auth/FaceEngine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>

namespace mk::ctl {

class HealthCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::HealthCommand)

public:
    QStringList words() const override { return {u"health"_qs}; }
    QString summary() const override
    {
        return tr("The kiosk's health in the Prometheus text format (node_exporter textfile).");
    }
    void addOptions(QCommandLineParser& parser) const override
    {
        parser.addOption({u"output"_qs,
                          tr("Write to this file atomically, mode 0644 (e.g. "
                             "/var/lib/prometheus/node-exporter/medkiosk.prom)."),
                          tr("file")});
        parser.addOption({u"wait-ms"_qs, tr("Longest wait for the devices to answer (ms)."),
                          u"N"_qs, u"5000"_qs});
        parser.addOption({u"no-devices"_qs,
                          tr("Do not open the devices (the running kiosk holds a serial printer "
                             "or scanner and the camera).")});
    }
    int run(const CtlContext& context) const override;

private:
    static void probePool(const config::KioskConfig& config, health::HealthReport& report);
    static void readOutbox(const CtlContext& context, health::HealthReport& report);
    static void probeDevices(const CtlContext& context, health::HealthReport& report);
    static void checkFace(const CtlContext& context, health::HealthReport& report);
};

void HealthCommand::probePool(const config::KioskConfig& config, health::HealthReport& report)
{
    if (config.pool.base_url.isEmpty()) return;
    // Any HTTP answer below 500 counts as reachable (401 too: the pool is there, the token is the
    // relay's business). No token is sent: this needs no access to the kiosk's identity key.
    pool::TransportOptions t;
    t.ca_file = config.pool.ca_file;
    t.connect_timeout_ms = std::min(config.pool.connect_timeout_ms, 3000);
    t.request_timeout_ms = std::min(config.pool.request_timeout_ms, 5000);
    t.max_reply_bytes = 1024 * 1024;
    pool::CurlTransport transport(t);
    pool::HttpRequest request;
    request.url = config.pool.base_url;
    request.url.setPath(request.url.path() + u"/metadata"_qs);
    request.headers.append(
        {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/fhir+json")});
    QElapsedTimer timer;
    timer.start();
    const auto reply = transport.perform(request);
    report.pool_probe_seconds = double(timer.nsecsElapsed()) / 1e9;
    report.pool_up = reply.ok() && reply.value().status > 0 && reply.value().status < 500;
}

void HealthCommand::readOutbox(const CtlContext& context, health::HealthReport& report)
{
    auto session = QueueCtl::open(context, false);  // read-only; errors go to stderr
    if (!session) return;
    auto status = session->outbox->status(report.taken_at);
    if (!status) {
        context.err << status.error().detail << u'\n';
        return;
    }
    const outbox::QueueStatus& s = status.value();
    report.store_ok = true;
    report.queued = s.waiting;
    report.oldest_queued_age_s = s.oldest_waiting_age_s;
    report.dead_letters = s.dead;
    report.sent_total = s.sent;
    report.discarded_total = s.discarded;
    report.last_successful_sync = s.last_successful_sync;
    if (s.connectivity_known) report.relay_online = s.online;
    report.pool_authorised = s.authorised;
}

void HealthCommand::probeDevices(const CtlContext& context, health::HealthReport& report)
{
    bool ok_wait = false;
    const int wait_ms = context.parser.value(u"wait-ms"_qs).toInt(&ok_wait);
    const DeviceProbeResult probe =
        DeviceProbe::run(context.configPath(), ok_wait && wait_ms >= 0 ? wait_ms : 5000);
    for (const QString& problem : probe.problems)
        context.err << tr("invalid configuration: %1").arg(problem) << u'\n';
    for (const ProbedDevice& d : probe.devices) {
        report.devices.append({d.health.kind, d.configured, hw::deviceStateName(d.health.state)});
        if (d.printer) {
            report.printer_paper_out = d.printer->paperMissing();
            report.printer_paper_near_end = d.printer->paper_near_end;
        }
    }
}

void HealthCommand::checkFace(const CtlContext& context, health::HealthReport& report)
{
    auto config = face::FaceConfigLoader::load(context.configPath());
    if (!config) {
        context.err << config.error().detail << u'\n';
        return;
    }
    report.face_enabled = config.value().enabled;
    if (!report.face_enabled) return;
    // The same check the kiosk makes at start: both files against their SHA-256, then loaded.
    face::FaceEngine engine;
    const face::FaceStatus loaded = engine.load(config.value().modelsDir());
    if (!loaded) context.err << loaded.error().detail << u'\n';
    report.face_models_loaded = loaded.ok();
}

int HealthCommand::run(const CtlContext& context) const
{
    if (context.json()) {
        context.err << tr("health writes the Prometheus text format only (for JSON: medkioskctl "
                          "queue status --json, devices --json)")
                    << u'\n';
        return kExitUsage;
    }
    auto config = config::KioskConfig::load(context.configPath());
    if (!config) {
        context.err << config.error().detail << u'\n';
        return kExitCheckFailed;
    }
    health::HealthReport report;
    report.version = QCoreApplication::applicationVersion();
    report.taken_at = QDateTime::currentDateTimeUtc();
    probePool(config.value(), report);
    readOutbox(context, report);
    if (!context.parser.isSet(u"no-devices"_qs)) probeDevices(context, report);
    checkFace(context, report);
    const QByteArray text = health::prometheusText(report);

    const QString output = context.parser.value(u"output"_qs);
    if (output.isEmpty()) {
        context.out << QString::fromUtf8(text);
        return kExitOk;
    }
    SafeWriteOptions options;
    options.replace_existing = true;  // written again every minute
    options.shared_reader = true;     // node_exporter reads it: 0644, always renamed into place
    options.forbidden_folder = QFileInfo(config.value().store_path).absolutePath();
    if (Status written = SafeFile::write(output, text, options); !written) {
        context.err << written.error().detail << u'\n';
        return kExitCheckFailed;
    }
    return kExitOk;
}

MK_CTL_COMMAND(HealthCommand)

}  // namespace mk::ctl
