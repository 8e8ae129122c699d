#include "core/health/HealthReport.h"

#include <QStringList>

namespace mk::health {
namespace {

const QStringList kDeviceStates{QStringLiteral("ready"), QStringLiteral("degraded"),
                                QStringLiteral("missing"), QStringLiteral("unset")};

class Writer
{
public:
    // One metric family: its HELP and TYPE lines.
    void family(const char* name, const char* type, const char* help)
    {
        text_ += QStringLiteral("# HELP %1 %2\n# TYPE %1 %3\n")
                     .arg(QLatin1String(name), QLatin1String(help), QLatin1String(type));
    }
    void sample(const char* name, double value, const QString& labels = {})
    {
        text_ += QLatin1String(name);
        if (!labels.isEmpty()) text_ += u'{' + labels + u'}';
        text_ += u' ' + number(value) + u'\n';
    }
    void gauge(const char* name, const char* help, double value)
    {
        family(name, "gauge", help);
        sample(name, value);
    }
    QByteArray bytes() const { return text_.toUtf8(); }

private:
    static QString number(double value)
    {
        const auto whole = static_cast<qint64>(value);
        if (static_cast<double>(whole) == value) return QString::number(whole);
        return QString::number(value, 'g', 15);
    }
    QString text_;
};

QString label(const char* name, const QString& value)
{
    return QLatin1String(name) + QStringLiteral("=\"") + escapeLabelValue(value) + u'"';
}

double seconds(const QDateTime& t)
{
    return static_cast<double>(t.toMSecsSinceEpoch()) / 1000.0;
}

void writeOutbox(Writer& w, const HealthReport& r)
{
    w.gauge("medkiosk_store_up", "Whether the kiosk's encrypted store opened (1) or not (0).",
            r.store_ok ? 1 : 0);
    if (!r.store_ok) return;
    w.gauge("medkiosk_outbox_queued_commands",
            "Commands waiting in the outbox for the booking pool (due now or backing off).",
            r.queued);
    w.gauge("medkiosk_outbox_oldest_queued_age_seconds",
            "Age of the oldest waiting command (0 when nothing waits).",
            r.queued > 0 ? static_cast<double>(r.oldest_queued_age_s) : 0);
    w.gauge("medkiosk_outbox_dead_letters",
            "Commands the pool refused for good, waiting for staff (medkioskctl queue list).",
            r.dead_letters);
    w.family("medkiosk_outbox_sent_commands_total", "counter",
             "Commands the booking pool has accepted from this kiosk.");
    w.sample("medkiosk_outbox_sent_commands_total", r.sent_total);
    w.family("medkiosk_outbox_discarded_commands_total", "counter",
             "Dead letters staff discarded.");
    w.sample("medkiosk_outbox_discarded_commands_total", r.discarded_total);
    if (r.last_successful_sync.isValid()) {
        w.gauge("medkiosk_outbox_last_successful_sync_timestamp_seconds",
                "When the pool last accepted a command (Unix time; absent: never).",
                seconds(r.last_successful_sync));
    }
    if (r.relay_online) {
        w.gauge("medkiosk_relay_pool_online",
                "Whether the relay's last request or probe to the pool got an answer.",
                *r.relay_online ? 1 : 0);
    }
    w.gauge("medkiosk_pool_authorised",
            "Whether the pool accepts this kiosk's access token (0: commands wait).",
            r.pool_authorised ? 1 : 0);
}

void writeDevices(Writer& w, const HealthReport& r)
{
    if (r.devices.isEmpty()) return;
    w.family("medkiosk_device_configured", "gauge",
             "Whether a device is configured (1) or switched off (0).");
    for (const DeviceReport& d : r.devices)
        w.sample("medkiosk_device_configured", d.configured ? 1 : 0, label("kind", d.kind));
    w.family("medkiosk_device_up", "gauge",
             "Whether a device is usable: ready or degraded (1), missing or silent (0).");
    for (const DeviceReport& d : r.devices) {
        const bool up = d.state == QLatin1String("ready") || d.state == QLatin1String("degraded");
        w.sample("medkiosk_device_up", up ? 1 : 0, label("kind", d.kind));
    }
    w.family("medkiosk_device_state", "gauge",
             "A device's state: 1 for the current one of ready, degraded, missing, unset.");
    for (const DeviceReport& d : r.devices) {
        for (const QString& s : kDeviceStates) {
            w.sample("medkiosk_device_state", d.state == s ? 1 : 0,
                     label("kind", d.kind) + u',' + label("state", s));
        }
    }
    if (r.printer_paper_out) {
        w.gauge("medkiosk_printer_paper_out",
                "Whether the receipt printer reports paper out or stopped at the paper end.",
                *r.printer_paper_out ? 1 : 0);
    }
    if (r.printer_paper_near_end) {
        w.gauge("medkiosk_printer_paper_near_end",
                "Whether the receipt printer reports its paper roll near the end.",
                *r.printer_paper_near_end ? 1 : 0);
    }
}

}  // namespace

QString escapeLabelValue(const QString& value)
{
    QString out;
    out.reserve(value.size());
    for (const QChar c : value) {
        if (c == u'\\') {
            out += QStringLiteral("\\\\");
        } else if (c == u'"') {
            out += QStringLiteral("\\\"");
        } else if (c == u'\n') {
            out += QStringLiteral("\\n");
        } else {
            out += c;
        }
    }
    return out;
}

QByteArray prometheusText(const HealthReport& r)
{
    Writer w;
    w.family("medkiosk_info", "gauge", "The kiosk software's version (the value is always 1).");
    w.sample("medkiosk_info", 1, label("version", r.version));
    w.gauge("medkiosk_health_timestamp_seconds", "When this report was collected (Unix time).",
            seconds(r.taken_at));
    if (r.pool_up) {
        w.gauge("medkiosk_pool_up",
                "Whether the booking pool answered an HTTP request just now (1) or not (0).",
                *r.pool_up ? 1 : 0);
        w.gauge("medkiosk_pool_probe_duration_seconds", "How long that request took.",
                r.pool_probe_seconds);
    }
    writeOutbox(w, r);
    writeDevices(w, r);
    w.gauge("medkiosk_face_enabled", "Whether face sign-in is switched on ([face] enabled).",
            r.face_enabled ? 1 : 0);
    if (r.face_models_loaded) {
        w.gauge("medkiosk_face_models_loaded",
                "Whether the face models passed their checksums and loaded (1) or not (0).",
                *r.face_models_loaded ? 1 : 0);
    }
    return w.bytes();
}

}  // namespace mk::health
