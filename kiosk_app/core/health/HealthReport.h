// The kiosk's health as hospital monitoring reads it (docs/health.md): what `medkioskctl health`
// collects, written in the Prometheus text exposition format (version 0.0.4) for node_exporter's
// textfile collector. Only counts, states, times and the version: never personal data, ids of
// patients or appointments, device details, keys or tokens.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace mk::health {

struct DeviceReport {
    QString kind;             // printer | card | speaker | scanner | camera
    bool configured = false;  // false: switched off (or the built-in camera default)
    QString state;            // ready | degraded | missing | unset (no answer in time)
};

struct HealthReport {
    QString version;        // medkiosk's version
    QDateTime taken_at;     // when the report was collected
    bool store_ok = false;  // the encrypted store opened (else no outbox figures)

    std::optional<bool> pool_up;  // the pool answered HTTP now (< 500); nullopt: no pool set
    double pool_probe_seconds = 0;
    std::optional<bool> relay_online;  // the relay's last request or probe got an answer
    bool pool_authorised = true;       // false while the pool refuses this kiosk's token

    int queued = 0;  // commands waiting in the outbox (due now or backing off)
    qint64 oldest_queued_age_s = 0;
    int dead_letters = 0;  // waiting for staff
    int sent_total = 0;    // never decreases: sent records are kept
    int discarded_total = 0;
    QDateTime last_successful_sync;  // invalid: never

    QList<DeviceReport> devices;
    std::optional<bool> printer_paper_out;       // nullopt: no printer or no status read
    std::optional<bool> printer_paper_near_end;  // likewise

    bool face_enabled = false;
    std::optional<bool> face_models_loaded;  // nullopt: not checked (face sign-in off)
};

// The report in the text exposition format: # HELP and # TYPE for every family, names with the
// medkiosk_ prefix, units in the names (_seconds), _total for counters, medkiosk_info for the
// version. Ends with a newline.
QByteArray prometheusText(const HealthReport& report);

// A label value escaped for the text format (backslash, double quote, newline).
QString escapeLabelValue(const QString& value);

}  // namespace mk::health
