// The staff audit log (store migration 5, table staff_audit): every staff action at the kiosk
// (login ok / failed / locked, PIN set, retry, discard with its reason, export, exit) with its
// time, the kiosk id and the outbox record it concerns. Never holds a PIN or personal data.
// Thread-safe like the Store; call it from worker threads, never the UI thread.
#pragma once

#include "core/common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace mk::store {
class Store;
class SqlCipherDb;
}  // namespace mk::store

namespace mk::staff {

namespace action {
inline const QString kLoginOk = QStringLiteral("login-ok");
inline const QString kLoginFailed = QStringLiteral("login-failed");
inline const QString kLoginLocked = QStringLiteral("login-locked");
inline const QString kPinSet = QStringLiteral("pin-set");
inline const QString kRetry = QStringLiteral("retry");
inline const QString kDiscard = QStringLiteral("discard");
inline const QString kExport = QStringLiteral("export");
inline const QString kExit = QStringLiteral("exit");
}  // namespace action

struct StaffAuditEntry {
    qint64 id = 0;
    QDateTime at;
    QString kiosk_id;
    QString action;
    qint64 outbox_id = 0;  // 0: not about one outbox record
    QString detail;        // e.g. the discard reason; never a PIN or personal data
};

class StaffAudit
{
    Q_DECLARE_TR_FUNCTIONS(mk::staff::StaffAudit)

public:
    StaffAudit(store::Store& store, QString kiosk_id);

    Status record(const QString& action, qint64 outbox_id, const QString& detail,
                  const QDateTime& now);
    // Inside a caller's transaction (StaffPin writes its state and the audit row together).
    static Status insert(store::SqlCipherDb& db, const QString& kiosk_id, const QString& action,
                         qint64 outbox_id, const QString& detail, const QDateTime& now);
    // Newest first.
    Result<QList<StaffAuditEntry>> list(int limit);

    const QString& kioskId() const { return kiosk_id_; }

private:
    store::Store& store_;
    QString kiosk_id_;
};

}  // namespace mk::staff
