#include "SimState.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace mk::sim {
namespace {

constexpr mode_t kDirMode = 0700;
constexpr mode_t kFileMode = 0600;

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// Gives path exactly `mode` (chmod when it differs) and checks the result.
bool ensureMode(const QString& path, mode_t mode, QString* error)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat st {
    };
    if (::stat(native.constData(), &st) != 0) {
        *error = QStringLiteral("%1: %2").arg(path, systemError());
        return false;
    }
    if ((st.st_mode & 07777) == mode) {
        return true;
    }
    if (::chmod(native.constData(), mode) != 0 || ::stat(native.constData(), &st) != 0 ||
        (st.st_mode & 07777) != mode) {
        *error = QStringLiteral("cannot make %1 private (mode %2): %3")
                     .arg(path, QString::number(mode, 8), systemError());
        return false;
    }
    return true;
}

// The folder of state.json: missing folders on its path are created 0700, and the folder
// itself is made 0700 if it already existed (parents that existed are left as they are).
bool makePrivateDir(const QString& data_dir, QString* error)
{
    const QString path = QDir::cleanPath(QDir(data_dir).absolutePath());
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QString current;
    for (const QString& part : parts) {
        current += QLatin1Char('/') + part;
        const QByteArray native = QFile::encodeName(current);
        struct stat st {
        };
        if (::stat(native.constData(), &st) == 0) {
            if (!S_ISDIR(st.st_mode)) {
                *error = QStringLiteral("%1 is not a folder").arg(current);
                return false;
            }
            continue;
        }
        if (::mkdir(native.constData(), kDirMode) != 0 && errno != EEXIST) {
            *error = QStringLiteral("cannot create %1: %2").arg(current, systemError());
            return false;
        }
        if (!ensureMode(current, kDirMode, error)) {  // whatever the umask took away
            return false;
        }
    }
    return ensureMode(path, kDirMode, error);
}

}  // namespace

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
    idempotent_requests.clear();
    checkins_applied = 0;
    cancels_applied = 0;
    idempotent_replays = 0;
    duplicate_commands = 0;
    pay.clear();
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
    QJsonObject requests;
    for (auto it = idempotent_requests.cbegin(); it != idempotent_requests.cend(); ++it) {
        requests.insert(it.key(), it.value());
    }
    const QJsonObject commands{{QStringLiteral("idempotent_replies"), replies},
                               {QStringLiteral("idempotent_requests"), requests},
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
                           {QStringLiteral("payments"), pay.toJson()},
                           {QStringLiteral("appointments_created"), appointments_created}};
    QString local_error;
    QString* err = error != nullptr ? error : &local_error;
    if (!makePrivateDir(data_dir, err)) {
        return false;
    }
    // QSaveFile writes a temp file, flushes and fsyncs it, then renames it over state.json.
    // The temp file is made 0600 before anything is written to it.
    const QString path = QDir(data_dir).filePath(QStringLiteral("state.json"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *err = file.errorString();
        return false;
    }
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        *err = QStringLiteral("cannot make the new state.json private: %1").arg(file.errorString());
        file.cancelWriting();
        return false;
    }
    file.write(QJsonDocument(root).toJson(QJsonDocument::Compact));
    if (!file.commit()) {
        *err = file.errorString();
        return false;
    }
    return ensureMode(path, kFileMode, err);
}

bool SimState::load(const QString& data_dir, QString* error)
{
    clear();
    if (data_dir.isEmpty()) {
        return true;
    }
    QString local_error;
    if (QFileInfo(data_dir).isDir() &&
        !ensureMode(data_dir, kDirMode, error != nullptr ? error : &local_error)) {
        return false;
    }
    QFile file(QDir(data_dir).filePath(QStringLiteral("state.json")));
    if (!file.exists()) {
        return true;
    }
    // A state written before it was private (0644) holds valid check-in tokens too.
    if (!ensureMode(file.fileName(), kFileMode, error != nullptr ? error : &local_error)) {
        return false;
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
    const QJsonObject requests = commands.value(QStringLiteral("idempotent_requests")).toObject();
    for (auto it = requests.begin(); it != requests.end(); ++it) {
        idempotent_requests.insert(it.key(), it.value().toString());
    }
    checkins_applied = commands.value(QStringLiteral("checkins_applied")).toInt(0);
    cancels_applied = commands.value(QStringLiteral("cancels_applied")).toInt(0);
    idempotent_replays = commands.value(QStringLiteral("idempotent_replays")).toInt(0);
    duplicate_commands = commands.value(QStringLiteral("duplicate_commands")).toInt(0);
    pay.fromJson(root.value(QStringLiteral("payments")).toObject());
    return true;
}

}  // namespace mk::sim
