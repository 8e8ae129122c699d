#include "SimState.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace mk::sim {

void SimState::clear()
{
    appointments.clear();
    booked_slots.clear();
    booking_index.clear();
    sequences.clear();
    day_counters.clear();
    next_id = 1;
    appointments_created = 0;
    idempotent_replies.clear();
    checkins_applied = 0;
    cancels_applied = 0;
    idempotent_replays = 0;
    duplicate_commands = 0;
}

bool SimState::save(const QString& data_dir, QString* error) const
{
    if (data_dir.isEmpty()) {
        return true;
    }
    QJsonArray appts;
    for (const QJsonObject& a : appointments) {
        appts.append(a);
    }
    QJsonArray slots;
    for (const QString& s : booked_slots) {
        slots.append(s);
    }
    QJsonObject index;
    for (auto it = booking_index.cbegin(); it != booking_index.cend(); ++it) {
        index.insert(it.key(), it.value());
    }
    QJsonObject seq;
    for (auto it = sequences.cbegin(); it != sequences.cend(); ++it) {
        seq.insert(it.key(), it.value());
    }
    QJsonObject days;
    for (auto it = day_counters.cbegin(); it != day_counters.cend(); ++it) {
        days.insert(it.key(), it.value());
    }
    QJsonObject replies;
    for (auto it = idempotent_replies.cbegin(); it != idempotent_replies.cend(); ++it) {
        replies.insert(it.key(), it.value());
    }
    const QJsonObject commands{{QStringLiteral("idempotent_replies"), replies},
                               {QStringLiteral("checkins_applied"), checkins_applied},
                               {QStringLiteral("cancels_applied"), cancels_applied},
                               {QStringLiteral("idempotent_replays"), idempotent_replays},
                               {QStringLiteral("duplicate_commands"), duplicate_commands}};
    const QJsonObject root{{QStringLiteral("version"), 1},
                           {QStringLiteral("commands"), commands},
                           {QStringLiteral("appointments"), appts},
                           {QStringLiteral("booked_slots"), slots},
                           {QStringLiteral("booking_index"), index},
                           {QStringLiteral("sequences"), seq},
                           {QStringLiteral("day_counters"), days},
                           {QStringLiteral("next_id"), next_id},
                           {QStringLiteral("appointments_created"), appointments_created}};
    QDir().mkpath(data_dir);
    // QSaveFile writes a temp file, flushes and fsyncs it, then renames it over state.json.
    QSaveFile file(QDir(data_dir).filePath(QStringLiteral("state.json")));
    if (!file.open(QIODevice::WriteOnly)) {
        if (error != nullptr) {
            *error = file.errorString();
        }
        return false;
    }
    file.write(QJsonDocument(root).toJson(QJsonDocument::Compact));
    if (!file.commit()) {
        if (error != nullptr) {
            *error = file.errorString();
        }
        return false;
    }
    return true;
}

bool SimState::load(const QString& data_dir, QString* error)
{
    clear();
    if (data_dir.isEmpty()) {
        return true;
    }
    QFile file(QDir(data_dir).filePath(QStringLiteral("state.json")));
    if (!file.exists()) {
        return true;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        if (error != nullptr) {
            *error = file.errorString();
        }
        return false;
    }
    QJsonParseError parse_error{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parse_error);
    if (parse_error.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error != nullptr) {
            *error = QStringLiteral("state.json is damaged: %1").arg(parse_error.errorString());
        }
        return false;
    }
    const QJsonObject root = doc.object();
    for (const QJsonValue& v : root.value(QStringLiteral("appointments")).toArray()) {
        const QJsonObject a = v.toObject();
        appointments.insert(a.value(QStringLiteral("id")).toString(), a);
    }
    for (const QJsonValue& v : root.value(QStringLiteral("booked_slots")).toArray()) {
        booked_slots.insert(v.toString());
    }
    const QJsonObject index = root.value(QStringLiteral("booking_index")).toObject();
    for (auto it = index.begin(); it != index.end(); ++it) {
        booking_index.insert(it.key(), it.value().toString());
    }
    const QJsonObject seq = root.value(QStringLiteral("sequences")).toObject();
    for (auto it = seq.begin(); it != seq.end(); ++it) {
        sequences.insert(it.key(), it.value().toInt());
    }
    const QJsonObject days = root.value(QStringLiteral("day_counters")).toObject();
    for (auto it = days.begin(); it != days.end(); ++it) {
        day_counters.insert(it.key(), it.value().toInt());
    }
    next_id = root.value(QStringLiteral("next_id")).toInt(1);
    appointments_created = root.value(QStringLiteral("appointments_created")).toInt(0);
    const QJsonObject commands = root.value(QStringLiteral("commands")).toObject();
    const QJsonObject replies = commands.value(QStringLiteral("idempotent_replies")).toObject();
    for (auto it = replies.begin(); it != replies.end(); ++it) {
        idempotent_replies.insert(it.key(), it.value().toObject());
    }
    checkins_applied = commands.value(QStringLiteral("checkins_applied")).toInt(0);
    cancels_applied = commands.value(QStringLiteral("cancels_applied")).toInt(0);
    idempotent_replays = commands.value(QStringLiteral("idempotent_replays")).toInt(0);
    duplicate_commands = commands.value(QStringLiteral("duplicate_commands")).toInt(0);
    return true;
}

}  // namespace mk::sim
