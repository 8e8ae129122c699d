#include "core/staff/Maintenance.h"

#include "core/common/Log.h"
#include "core/common/SafeFile.h"
#include "core/outbox/Outbox.h"
#include "core/staff/StaffAudit.h"

#include <QDir>
#include <QFile>
#include <QFileDevice>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace mk::staff {

namespace {
QString iso(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

// No payload, no result: those may name patients' records.
QJsonObject redacted(const outbox::OutboxRecord& r)
{
    return QJsonObject{{QStringLiteral("id"), double(r.id)},
                       {QStringLiteral("kind"), r.kind},
                       {QStringLiteral("state"), outbox::stateName(r.state)},
                       {QStringLiteral("attempts"), r.attempts},
                       {QStringLiteral("created_at"), iso(r.created_at)},
                       {QStringLiteral("next_attempt_at"), iso(r.next_attempt_at)},
                       {QStringLiteral("finished_at"), iso(r.finished_at)},
                       {QStringLiteral("last_error"), r.last_error}};
}
}  // namespace

Maintenance::Maintenance(outbox::Outbox& outbox, StaffAudit& audit) : outbox_(outbox), audit_(audit)
{}

QString Maintenance::who() const
{
    return QStringLiteral("staff@") + audit_.kioskId();
}

Result<MaintenanceSnapshot> Maintenance::snapshot(const QDateTime& now)
{
    auto status = outbox_.status(now);
    if (!status) return status.error();
    auto dead = outbox_.list(outbox::CommandState::Dead, kMaxDeadShown);
    if (!dead) return dead.error();
    return MaintenanceSnapshot{status.value(), dead.value()};
}

Status Maintenance::retry(qint64 outbox_id, const QDateTime& now)
{
    const QString why = QStringLiteral("retried at the kiosk");
    if (Status s = outbox_.retry(outbox_id, who(), why, now); !s) return s;
    return audit_.record(action::kRetry, outbox_id, QString(), now);
}

Status Maintenance::discard(qint64 outbox_id, const QString& reason, const QDateTime& now)
{
    if (reason.trimmed().isEmpty()) {
        return makeError(ErrorCode::BadRequest, tr("a reason is required to discard a record"));
    }
    if (Status s = outbox_.discard(outbox_id, who(), reason, now); !s) return s;
    return audit_.record(action::kDiscard, outbox_id, reason, now);
}

QString Maintenance::defaultReportFolder(const QString& configured)
{
    if (!configured.isEmpty()) return configured;
    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    if (base.isEmpty()) base = QDir::homePath() + QStringLiteral("/.local/state");
    QString app = QCoreApplication::applicationName();
    if (!app.startsWith(QLatin1String("medkiosk"))) app = QStringLiteral("medkiosk");
    return base + u'/' + app + QStringLiteral("/reports");
}

Result<QString> Maintenance::exportReport(const QString& folder, const QDateTime& now)
{
    auto status = outbox_.status(now);
    if (!status) return status.error();
    auto records = outbox_.list(std::nullopt, kMaxReportRecords);
    if (!records) return records.error();
    auto audit = outbox_.audit(0);
    if (!audit) return audit.error();

    QJsonArray record_array;
    for (const auto& r : records.value()) record_array.append(redacted(r));
    QJsonArray audit_array;
    for (const auto& a : audit.value()) {
        audit_array.append(QJsonObject{{QStringLiteral("outbox_id"), double(a.outbox_id)},
                                       {QStringLiteral("action"), a.action},
                                       {QStringLiteral("at"), iso(a.at)}});
    }
    const QJsonObject report{{QStringLiteral("generated_at"), iso(now)},
                             {QStringLiteral("kiosk_id"), audit_.kioskId()},
                             {QStringLiteral("redacted"), true},
                             {QStringLiteral("status"), status.value().toJson()},
                             {QStringLiteral("records"), record_array},
                             {QStringLiteral("audit"), audit_array}};

    const bool folder_existed = QFileInfo::exists(folder);
    if (!QDir().mkpath(folder)) {
        return makeError(ErrorCode::Storage, tr("cannot create the folder %1").arg(folder));
    }
    // A folder made here holds reports about patients' records: private to the kiosk's user.
    if (!folder_existed &&
        !QFile::setPermissions(
            folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
        return makeError(ErrorCode::Storage,
                         tr("cannot make the folder %1 private to the kiosk").arg(folder));
    }
    const QString stem = QStringLiteral("queue-report-%1")
                             .arg(now.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    QString path = QDir(folder).filePath(stem + QStringLiteral(".json"));
    for (int n = 2; QFileInfo::exists(path) || QFileInfo(path).isSymLink(); ++n)
        path = QDir(folder).filePath(stem + u'-' + QString::number(n) + QStringLiteral(".json"));
    // A new file only (an existing name is never replaced), 0600, flushed to the disk.
    SafeWriteOptions options;
    options.forbidden_folder = store_folder_;
    if (Status written =
            SafeFile::write(path, QJsonDocument(report).toJson(QJsonDocument::Indented), options);
        !written) {
        return written.error();
    }
    if (Status s = audit_.record(action::kExport, 0, QDir(folder).dirName(), now); !s)
        return s.error();
    qCInfo(lcStore) << "queue report exported," << record_array.size() << "records";
    return path;
}

Status Maintenance::recordExit(const QDateTime& now)
{
    return audit_.record(action::kExit, 0, QString(), now);
}

}  // namespace mk::staff
