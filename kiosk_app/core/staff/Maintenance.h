// What the staff maintenance screen does, without widgets: the queue figures, the dead letters,
// retry / discard (with an outbox audit row and a staff audit row) and the redacted queue report.
// Synchronous and thread-safe like the Store: the UI calls it through QtConcurrent, never on the
// UI thread.
#pragma once

#include "core/common/Result.h"
#include "core/outbox/OutboxRecord.h"
#include "core/outbox/QueueStatus.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace mk::outbox {
class Outbox;
}

namespace mk::staff {

class StaffAudit;

struct MaintenanceSnapshot {
    outbox::QueueStatus status;
    QList<outbox::OutboxRecord> dead;  // newest first
};

class Maintenance
{
    Q_DECLARE_TR_FUNCTIONS(mk::staff::Maintenance)

public:
    static constexpr int kMaxDeadShown = 200;
    static constexpr int kMaxReportRecords = 100000;

    // outbox and audit must outlive this object.
    Maintenance(outbox::Outbox& outbox, StaffAudit& audit);

    Result<MaintenanceSnapshot> snapshot(const QDateTime& now);
    Status retry(qint64 outbox_id, const QDateTime& now);
    // reason: one of the fixed reasons of the screen (no personal data).
    Status discard(qint64 outbox_id, const QString& reason, const QDateTime& now);
    // Writes the redacted report (status, records without payloads or results, audit actions
    // without names or reasons) as JSON into `folder` (created 0700 when missing) as a new file
    // of mode 0600, flushed to the disk; an existing file is never replaced and the store's
    // folder is refused (common/SafeFile.h). Returns the file's path.
    Result<QString> exportReport(const QString& folder, const QDateTime& now);
    // The folder of the local store, where a report is never written.
    void setStoreFolder(const QString& folder) { store_folder_ = folder; }
    // Leaving the mode, for the audit log.
    Status recordExit(const QDateTime& now);

    // "staff@<kiosk id>": the outbox audit's who (one shared staff PIN, no personal accounts).
    QString who() const;
    // Report folder: `configured` when set, else $XDG_STATE_HOME/<app>/reports
    // (~/.local/state/medkiosk/reports).
    static QString defaultReportFolder(const QString& configured);

private:
    outbox::Outbox& outbox_;
    StaffAudit& audit_;
    QString store_folder_;
};

}  // namespace mk::staff
