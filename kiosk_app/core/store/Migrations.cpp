#include "core/store/Migrations.h"

#include "core/common/Log.h"
#include "core/store/SqlCipherDb.h"
#include "core/store/SqlStatement.h"
#include "core/store/SqlTransaction.h"

#include <QDateTime>

#include <array>

namespace mk::store {

namespace {

// Append new migrations at the end (outbox, audit log...). Never change a shipped entry.
constexpr std::array kMigrations{
    Migration{1, "cache",
              "CREATE TABLE cache ("
              "  key TEXT PRIMARY KEY NOT NULL,"
              "  payload BLOB NOT NULL,"
              "  fetched_at_ms INTEGER NOT NULL"
              ");"},
    // The outbox of commands for the pool (core/outbox, docs/outbox.md): written in the same
    // transaction as their local effect, forwarded by the relay. Times are ms since the epoch.
    Migration{2, "outbox",
              "CREATE TABLE outbox ("
              "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
              "  kind TEXT NOT NULL,"
              "  ordering_key TEXT NOT NULL,"
              "  payload BLOB NOT NULL,"
              "  idempotency_key TEXT NOT NULL UNIQUE,"
              "  created_at_ms INTEGER NOT NULL,"
              "  attempts INTEGER NOT NULL DEFAULT 0,"
              "  next_attempt_at_ms INTEGER NOT NULL,"
              "  last_error TEXT NOT NULL DEFAULT '',"
              "  state TEXT NOT NULL DEFAULT 'queued'"
              "    CHECK (state IN ('queued', 'sent', 'dead', 'discarded')),"
              "  result BLOB NOT NULL DEFAULT '',"
              "  finished_at_ms INTEGER NOT NULL DEFAULT 0"
              ");"
              "CREATE INDEX outbox_due ON outbox(state, next_attempt_at_ms);"
              "CREATE INDEX outbox_order ON outbox(ordering_key, state, id);"
              "CREATE TABLE outbox_audit ("
              "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
              "  outbox_id INTEGER NOT NULL,"
              "  action TEXT NOT NULL,"
              "  who TEXT NOT NULL,"
              "  why TEXT NOT NULL,"
              "  at_ms INTEGER NOT NULL"
              ");"
              "CREATE TABLE outbox_meta ("
              "  key TEXT PRIMARY KEY NOT NULL,"
              "  value TEXT NOT NULL"
              ");"},
    // Face data (face_auth's TemplateStore, kiosk_app/core/face/SqlTemplateStore): the separate
    // consent record and the templates (128 float32, never photos) with their expiry.
    Migration{3, "face",
              "CREATE TABLE face_consent ("
              "  patient_id TEXT PRIMARY KEY NOT NULL,"
              "  purpose TEXT NOT NULL,"
              "  stored_data TEXT NOT NULL,"
              "  retention_days INTEGER NOT NULL,"
              "  given_at_ms INTEGER NOT NULL,"
              "  age_years INTEGER NOT NULL,"
              "  guardian_consent INTEGER NOT NULL DEFAULT 0"
              ");"
              "CREATE TABLE face_template ("
              "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
              "  patient_id TEXT NOT NULL,"
              "  descriptor BLOB NOT NULL,"
              "  phone_last4 TEXT NOT NULL,"
              "  created_at_ms INTEGER NOT NULL,"
              "  expires_at_ms INTEGER NOT NULL"
              ");"
              "CREATE INDEX face_template_patient ON face_template(patient_id);"
              "CREATE INDEX face_template_expiry ON face_template(expires_at_ms);"},
    // Check-ins made at this kiosk (core/checkin): one row per appointment, written with the
    // outbox command when offline (state provisional, a number from this kiosk's range) and
    // confirmed when the pool's visit number arrives. checkin_counter keeps the last provisional
    // number handed out per kiosk, so numbers do not repeat.
    Migration{4, "checkin",
              "CREATE TABLE checkin ("
              "  appointment_id TEXT PRIMARY KEY NOT NULL,"
              "  appointment_number TEXT NOT NULL,"
              "  patient_name_masked TEXT NOT NULL DEFAULT '',"
              "  department_id TEXT NOT NULL DEFAULT '',"
              "  practitioner_id TEXT NOT NULL DEFAULT '',"
              "  slot_start_s INTEGER NOT NULL,"
              "  state TEXT NOT NULL CHECK (state IN ('provisional', 'confirmed')),"
              "  visit_number INTEGER NOT NULL DEFAULT 0,"
              "  provisional_number INTEGER NOT NULL DEFAULT 0,"
              "  checked_in_at_ms INTEGER NOT NULL,"
              "  confirmed_at_ms INTEGER NOT NULL DEFAULT 0"
              ");"
              "CREATE INDEX checkin_state ON checkin(state);"
              "CREATE TABLE checkin_counter ("
              "  kiosk_id TEXT PRIMARY KEY NOT NULL,"
              "  last_number INTEGER NOT NULL"
              ");"},
    // Staff maintenance mode (core/staff, docs/maintenance.md): the one staff PIN as a salted
    // PBKDF2-HMAC-SHA256 hash with its lockout state, and the staff audit log (login, retry,
    // discard with reason, export) with time and kiosk id. Never a PIN in clear.
    Migration{5, "staff",
              "CREATE TABLE staff_pin ("
              "  id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),"
              "  salt BLOB NOT NULL,"
              "  hash BLOB NOT NULL,"
              "  iterations INTEGER NOT NULL,"
              "  set_at_ms INTEGER NOT NULL,"
              "  failures INTEGER NOT NULL DEFAULT 0,"
              "  lockouts INTEGER NOT NULL DEFAULT 0,"
              "  locked_until_ms INTEGER NOT NULL DEFAULT 0"
              ");"
              "CREATE TABLE staff_audit ("
              "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
              "  at_ms INTEGER NOT NULL,"
              "  kiosk_id TEXT NOT NULL,"
              "  action TEXT NOT NULL,"
              "  outbox_id INTEGER NOT NULL DEFAULT 0,"
              "  detail TEXT NOT NULL DEFAULT ''"
              ");"},
    // The kiosk-wide lockout of face identification (face_auth's Identifier through
    // SqlTemplateStore::saveLockout), so that restarting the kiosk does not reset it: one row,
    // the end of the lockout and the times of the recent failures (comma-separated ms since the
    // epoch). No personal data.
    Migration{6, "face_lockout",
              "CREATE TABLE face_lockout ("
              "  id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),"
              "  locked_until_ms INTEGER NOT NULL DEFAULT 0,"
              "  failures_ms TEXT NOT NULL DEFAULT '',"
              "  saved_at_ms INTEGER NOT NULL DEFAULT 0"
              ");"},
    // Payments (issue 9, core/payment): the tamper-evident ledger (payment/'s Ledger: every attempt
    // and outcome, chained by SHA-256; read ORDER BY id so a reordered row shows) and one row per
    // payment (its idempotency key, state, the exact $pay body sent with it, receipt), keyed by
    // invoice and key. Every ledger append writes its payment's row in the same transaction, and
    // that row keeps the seq and hash of the append (ledger_seq, ledger_hash): the ledger's head is
    // the payment row with the highest ledger_seq, so removing the last rows shows too. Amounts in
    // ledger rows are canonical text ("12.30"), elsewhere integer fen. Laid out for few written
    // pages per payment (each page is encrypted and synced): no AUTOINCREMENT, no head or counter
    // table, the payment row is its own primary key (WITHOUT ROWID) with no secondary index (by
    // invoice is its key's prefix; by day or state is a scan, for staff and receipts lists).
    Migration{7, "payment",
              "CREATE TABLE payment_ledger ("
              "  id INTEGER PRIMARY KEY NOT NULL,"
              "  seq INTEGER NOT NULL,"
              "  time_ms INTEGER NOT NULL,"
              "  invoice_id TEXT NOT NULL,"
              "  amount TEXT NOT NULL,"
              "  method TEXT NOT NULL,"
              "  idempotency_key TEXT NOT NULL,"
              "  result TEXT NOT NULL,"
              "  prev_hash BLOB NOT NULL,"
              "  hash BLOB NOT NULL"
              ");"
              "CREATE TABLE payment ("
              "  invoice_id TEXT NOT NULL,"
              "  idempotency_key TEXT NOT NULL,"
              "  ledger_seq INTEGER NOT NULL,"
              "  ledger_hash BLOB NOT NULL,"
              "  patient_id TEXT NOT NULL,"
              "  bill_number TEXT NOT NULL DEFAULT '',"
              "  amount_fen INTEGER NOT NULL,"
              "  method TEXT NOT NULL,"
              "  verification TEXT NOT NULL DEFAULT '',"
              "  offline INTEGER NOT NULL DEFAULT 0,"
              "  state TEXT NOT NULL CHECK (state IN ('sending', 'paid', 'offline', 'refused',"
              "    'unknown', 'dead')),"
              "  rule TEXT NOT NULL DEFAULT '',"
              "  local_number TEXT NOT NULL DEFAULT '',"
              "  payment_id TEXT NOT NULL DEFAULT '',"
              "  day TEXT NOT NULL,"
              "  taken_at_ms INTEGER NOT NULL,"
              "  updated_at_ms INTEGER NOT NULL,"
              "  receipt BLOB NOT NULL DEFAULT '',"
              "  request BLOB NOT NULL DEFAULT '',"
              "  PRIMARY KEY (invoice_id, idempotency_key)"
              ") WITHOUT ROWID;"},
    // The outbox without AUTOINCREMENT (issue 9: every enqueue rewrote sqlite_sequence's page, one
    // of ~8 pages of a payment taken offline). The table is rebuilt with the same columns, rows
    // and ids; a new id is max(id) + 1, so ids still grow in commit order (the relay's per-key
    // order compares them) and are never reused as long as no row is deleted. Nothing deletes
    // outbox rows (a record ends sent, dead or discarded; outbox_audit.outbox_id, staff_audit.
    // outbox_id and the staff screens name records by id), and the trigger outbox_keep makes a
    // DELETE fail, so that stays true. The idempotency key stays UNIQUE (a named index now).
    Migration{8, "outbox-rowid",
              "CREATE TABLE outbox_rebuilt ("
              "  id INTEGER PRIMARY KEY NOT NULL,"
              "  kind TEXT NOT NULL,"
              "  ordering_key TEXT NOT NULL,"
              "  payload BLOB NOT NULL,"
              "  idempotency_key TEXT NOT NULL,"
              "  created_at_ms INTEGER NOT NULL,"
              "  attempts INTEGER NOT NULL DEFAULT 0,"
              "  next_attempt_at_ms INTEGER NOT NULL,"
              "  last_error TEXT NOT NULL DEFAULT '',"
              "  state TEXT NOT NULL DEFAULT 'queued'"
              "    CHECK (state IN ('queued', 'sent', 'dead', 'discarded')),"
              "  result BLOB NOT NULL DEFAULT '',"
              "  finished_at_ms INTEGER NOT NULL DEFAULT 0"
              ");"
              "INSERT INTO outbox_rebuilt(id, kind, ordering_key, payload, idempotency_key,"
              "  created_at_ms, attempts, next_attempt_at_ms, last_error, state, result,"
              "  finished_at_ms)"
              "  SELECT id, kind, ordering_key, payload, idempotency_key, created_at_ms, attempts,"
              "    next_attempt_at_ms, last_error, state, result, finished_at_ms"
              "  FROM outbox ORDER BY id;"
              "DROP TABLE outbox;"  // with its indexes and its sqlite_sequence row
              "ALTER TABLE outbox_rebuilt RENAME TO outbox;"
              "CREATE UNIQUE INDEX outbox_key ON outbox(idempotency_key);"
              "CREATE INDEX outbox_due ON outbox(state, next_attempt_at_ms);"
              "CREATE INDEX outbox_order ON outbox(ordering_key, state, id);"
              "CREATE TRIGGER outbox_keep BEFORE DELETE ON outbox BEGIN"
              "  SELECT RAISE(ABORT, 'outbox records are never deleted: their ids must not be"
              " reused');"
              "END;"},
};

}  // namespace

std::span<const Migration> Migrations::all()
{
    return kMigrations;
}

int Migrations::latestVersion()
{
    return kMigrations.back().version;
}

Result<int> Migrations::currentVersion(SqlCipherDb& db)
{
    Status created =
        db.exec(QByteArrayLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                  "  version INTEGER PRIMARY KEY NOT NULL,"
                                  "  name TEXT NOT NULL,"
                                  "  applied_at TEXT NOT NULL"
                                  ");"));
    if (!created) return created.error();
    auto text =
        db.queryText(QByteArrayLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    if (!text) return text.error();
    return text.value().toInt();
}

Result<int> Migrations::migrate(SqlCipherDb& db, std::span<const Migration> migrations)
{
    auto current = currentVersion(db);
    if (!current) return current.error();
    int version = current.value();
    const int latest = migrations.empty() ? 0 : migrations.back().version;
    if (version > latest) {
        return makeError(ErrorCode::Storage,
                         tr("the store has schema version %1 but this program knows only up to "
                            "%2: refusing to open it (install the newer medkiosk again)")
                             .arg(version)
                             .arg(latest));
    }
    for (const Migration& m : migrations) {
        if (m.version <= version) continue;
        if (m.version != version + 1) {
            return makeError(ErrorCode::Internal,
                             tr("migration %1 follows %2: versions must have no gaps")
                                 .arg(m.version)
                                 .arg(version));
        }
        SqlTransaction tx(db);
        if (!tx.ok()) return tx.begin().error();
        if (Status s = db.exec(QByteArray(m.sql)); !s) {
            Error e = s.error();
            e.detail = tr("migration %1 (%2) failed: %3")
                           .arg(m.version)
                           .arg(QLatin1String(m.name), e.detail);
            return e;
        }
        auto insert = db.prepare(QByteArrayLiteral(
            "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?1, ?2, ?3)"));
        if (!insert) return insert.error();
        SqlStatement& stmt = insert.value();
        if (Status s = stmt.bind(1, qint64(m.version)); !s) return s.error();
        if (Status s = stmt.bind(2, QString::fromLatin1(m.name)); !s) return s.error();
        if (Status s = stmt.bind(3, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)); !s)
            return s.error();
        if (Status s = stmt.run(); !s) return s.error();
        if (Status s = tx.commit(); !s) return s.error();
        version = m.version;
        qCInfo(lcStore) << "applied store migration" << m.version << m.name;
    }
    return version;
}

}  // namespace mk::store
