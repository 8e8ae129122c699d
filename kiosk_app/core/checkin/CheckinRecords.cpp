#include "core/checkin/CheckinRecords.h"

#include "core/store/SqlCipherDb.h"
#include "core/store/SqlStatement.h"

namespace mk::checkin::records {

namespace {

using store::SqlStatement;

constexpr auto kColumns =
    "appointment_id, appointment_number, patient_name_masked, department_id, practitioner_id, "
    "slot_start_s, state, visit_number, provisional_number, checked_in_at_ms";

CheckinRecord readRow(const SqlStatement& s)
{
    CheckinRecord r;
    r.appointment_id = s.columnText(0);
    r.appointment_number = s.columnText(1);
    r.patient_name_masked = s.columnText(2);
    r.department_id = s.columnText(3);
    r.practitioner_id = s.columnText(4);
    r.slot_start_s = s.columnInt64(5);
    r.provisional = s.columnText(6) == QLatin1String("provisional");
    r.visit_number = int(s.columnInt64(7));
    r.provisional_number = int(s.columnInt64(8));
    r.checked_in_at = QDateTime::fromMSecsSinceEpoch(s.columnInt64(9), Qt::UTC);
    return r;
}

Result<QList<CheckinRecord>> readAll(SqlStatement& s)
{
    QList<CheckinRecord> out;
    for (;;) {
        auto step = s.step();
        if (!step) return step.error();
        if (step.value() == SqlStatement::Step::Done) break;
        out.append(readRow(s));
    }
    return out;
}

Result<bool> heldByProvisional(store::SqlCipherDb& db, int number)
{
    auto stmt = db.prepare(QByteArrayLiteral(
        "SELECT COUNT(*) FROM checkin WHERE state = 'provisional' AND provisional_number = ?1"));
    if (!stmt) return stmt.error();
    if (Status b = stmt.value().bind(1, qint64(number)); !b) return b.error();
    auto step = stmt.value().step();
    if (!step) return step.error();
    return step.value() == SqlStatement::Step::Row && stmt.value().columnInt64(0) > 0;
}

}  // namespace

Result<std::optional<CheckinRecord>> find(store::SqlCipherDb& db, const QString& appointment_id)
{
    auto stmt =
        db.prepare(QByteArray("SELECT ") + kColumns + " FROM checkin WHERE appointment_id = ?1");
    if (!stmt) return stmt.error();
    if (Status b = stmt.value().bind(1, appointment_id); !b) return b.error();
    auto rows = readAll(stmt.value());
    if (!rows) return rows.error();
    if (rows.value().isEmpty()) return std::optional<CheckinRecord>();
    return std::optional<CheckinRecord>(rows.value().first());
}

Status insert(store::SqlCipherDb& db, const CheckinRecord& r)
{
    auto stmt = db.prepare(QByteArray("INSERT INTO checkin (") + kColumns +
                           ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    if (!stmt) return stmt.error();
    SqlStatement& s = stmt.value();
    Status b = s.bind(1, r.appointment_id);
    if (b) b = s.bind(2, r.appointment_number);
    if (b) b = s.bind(3, r.patient_name_masked);
    if (b) b = s.bind(4, r.department_id);
    if (b) b = s.bind(5, r.practitioner_id);
    if (b) b = s.bind(6, r.slot_start_s);
    if (b)
        b = s.bind(7, r.provisional ? QStringLiteral("provisional") : QStringLiteral("confirmed"));
    if (b) b = s.bind(8, qint64(r.visit_number));
    if (b) b = s.bind(9, qint64(r.provisional_number));
    if (b) b = s.bind(10, r.checked_in_at.toMSecsSinceEpoch());
    if (!b) return b;
    return s.run();
}

Result<int> nextProvisional(store::SqlCipherDb& db, const QString& kiosk_id, int first, int last)
{
    auto read = db.prepare(
        QByteArrayLiteral("SELECT last_number FROM checkin_counter WHERE kiosk_id = ?1"));
    if (!read) return read.error();
    if (Status b = read.value().bind(1, kiosk_id); !b) return b.error();
    auto step = read.value().step();
    if (!step) return step.error();
    int previous = first - 1;
    if (step.value() == SqlStatement::Step::Row) previous = int(read.value().columnInt64(0));
    const int size = last - first + 1;
    int candidate = previous;
    for (int tries = 0; tries < size; ++tries) {
        candidate = (candidate < first || candidate >= last) ? first : candidate + 1;
        auto held = heldByProvisional(db, candidate);
        if (!held) return held.error();
        if (!held.value()) {
            auto write = db.prepare(QByteArrayLiteral(
                "INSERT OR REPLACE INTO checkin_counter(kiosk_id, last_number) VALUES (?1, ?2)"));
            if (!write) return write.error();
            Status b = write.value().bind(1, kiosk_id);
            if (b) b = write.value().bind(2, qint64(candidate));
            if (b) b = write.value().run();
            if (!b) return b.error();
            return candidate;
        }
    }
    return makeError(ErrorCode::Storage,
                     QStringLiteral("every provisional number of this kiosk is in use"));
}

Result<bool> confirm(store::SqlCipherDb& db, const QString& appointment_id, int visit_number,
                     qint64 now_ms)
{
    auto stmt =
        db.prepare(QByteArrayLiteral("UPDATE checkin SET state = 'confirmed', visit_number = ?2, "
                                     "confirmed_at_ms = ?3 WHERE appointment_id = ?1 AND state = "
                                     "'provisional'"));
    if (!stmt) return stmt.error();
    Status b = stmt.value().bind(1, appointment_id);
    if (b) b = stmt.value().bind(2, qint64(visit_number));
    if (b) b = stmt.value().bind(3, now_ms);
    if (b) b = stmt.value().run();
    if (!b) return b.error();
    return db.changes() > 0;
}

Result<QList<CheckinRecord>> provisional(store::SqlCipherDb& db)
{
    auto stmt = db.prepare(QByteArray("SELECT ") + kColumns +
                           " FROM checkin WHERE state = 'provisional' ORDER BY checked_in_at_ms");
    if (!stmt) return stmt.error();
    return readAll(stmt.value());
}

}  // namespace mk::checkin::records
