#include "core/staff/StaffAudit.h"

#include "core/store/SqlCipherDb.h"
#include "core/store/SqlStatement.h"
#include "core/store/Store.h"

namespace mk::staff {

StaffAudit::StaffAudit(store::Store& store, QString kiosk_id)
    : store_(store), kiosk_id_(std::move(kiosk_id))
{}

Status StaffAudit::insert(store::SqlCipherDb& db, const QString& kiosk_id, const QString& action,
                          qint64 outbox_id, const QString& detail, const QDateTime& now)
{
    auto stmt = db.prepare(
        QByteArrayLiteral("INSERT INTO staff_audit(at_ms, kiosk_id, action, outbox_id, detail) "
                          "VALUES (?1, ?2, ?3, ?4, ?5)"));
    if (!stmt) return stmt.error();
    store::SqlStatement& s = stmt.value();
    if (Status b = s.bind(1, now.toMSecsSinceEpoch()); !b) return b;
    if (Status b = s.bind(2, kiosk_id); !b) return b;
    if (Status b = s.bind(3, action); !b) return b;
    if (Status b = s.bind(4, outbox_id); !b) return b;
    if (Status b = s.bind(5, detail); !b) return b;
    return s.run();
}

Status StaffAudit::record(const QString& action, qint64 outbox_id, const QString& detail,
                          const QDateTime& now)
{
    return store_.withTransaction([&](store::SqlCipherDb& db) {
        return insert(db, kiosk_id_, action, outbox_id, detail, now);
    });
}

Result<QList<StaffAuditEntry>> StaffAudit::list(int limit)
{
    QList<StaffAuditEntry> entries;
    Status s = store_.withTransaction([&](store::SqlCipherDb& db) -> Status {
        auto stmt = db.prepare(QByteArrayLiteral(
            "SELECT id, at_ms, kiosk_id, action, outbox_id, detail FROM staff_audit "
            "ORDER BY id DESC LIMIT ?1"));
        if (!stmt) return stmt.error();
        store::SqlStatement& st = stmt.value();
        if (Status b = st.bind(1, qint64(limit)); !b) return b;
        for (;;) {
            auto step = st.step();
            if (!step) return step.error();
            if (step.value() != store::SqlStatement::Step::Row) break;
            StaffAuditEntry e;
            e.id = st.columnInt64(0);
            e.at = QDateTime::fromMSecsSinceEpoch(st.columnInt64(1), Qt::UTC);
            e.kiosk_id = st.columnText(2);
            e.action = st.columnText(3);
            e.outbox_id = st.columnInt64(4);
            e.detail = st.columnText(5);
            entries.append(e);
        }
        return Ok{};
    });
    if (!s) return s.error();
    return entries;
}

}  // namespace mk::staff
