#include "core/payment/PaymentStore.h"

#include "core/common/Log.h"
#include "core/outbox/Outbox.h"
#include "core/store/SqlCipherDb.h"
#include "core/store/SqlStatement.h"
#include "core/store/Store.h"
#include "payment/LedgerEntry.h"

namespace mk::payment {

using store::SqlCipherDb;
using store::SqlStatement;

namespace {

constexpr const char* kRowColumns =
    "idempotency_key, invoice_id, patient_id, bill_number, amount_fen, method, verification, "
    "offline, state, rule, local_number, payment_id, receipt, day, taken_at_ms, updated_at_ms, "
    "request, ledger_seq, ledger_hash";

Status bindOne(SqlStatement& s, int i, const QString& v)
{
    return s.bind(i, v);
}
Status bindOne(SqlStatement& s, int i, const QByteArray& v)
{
    return s.bind(i, v);
}
Status bindOne(SqlStatement& s, int i, qint64 v)
{
    return s.bind(i, v);
}

template<typename... Args>
Status bindAll(SqlStatement& s, const Args&... args)
{
    int index = 0;
    Status result = Ok{};
    auto one = [&](const auto& v) {
        ++index;
        if (result.ok()) result = bindOne(s, index, v);
    };
    (one(args), ...);
    return result;
}

PaymentRow readRow(const SqlStatement& s)
{
    PaymentRow r;
    r.key = s.columnText(0);
    r.invoice_id = s.columnText(1);
    r.patient_id = s.columnText(2);
    r.bill_number = s.columnText(3);
    r.amount_fen = s.columnInt64(4);
    r.method = s.columnText(5);
    r.verification = s.columnText(6);
    r.offline = s.columnInt64(7) != 0;
    r.state = s.columnText(8);
    r.rule = s.columnText(9);
    r.local_number = s.columnText(10);
    r.payment_id = s.columnText(11);
    r.receipt = s.columnBlob(12);
    r.day = s.columnText(13);
    r.taken_at_ms = s.columnInt64(14);
    r.updated_at_ms = s.columnInt64(15);
    r.request = s.columnBlob(16);
    r.ledger_seq = s.columnInt64(17);
    r.ledger_hash = s.columnBlob(18);
    return r;
}

Result<QList<PaymentRow>> readRows(SqlStatement& s)
{
    QList<PaymentRow> out;
    for (;;) {
        auto step = s.step();
        if (!step) return step.error();
        if (step.value() == SqlStatement::Step::Done) break;
        out.append(readRow(s));
    }
    return out;
}

Status insertRow(SqlCipherDb& db, const PaymentRow& r)
{
    auto st = db.cached(QByteArrayLiteral("INSERT INTO payment(") + kRowColumns +
                        QByteArrayLiteral(") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                                          "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)"));
    if (!st) return st.error();
    if (Status b = bindAll(*st.value(), r.key, r.invoice_id, r.patient_id, r.bill_number,
                           r.amount_fen, r.method, r.verification, qint64(r.offline ? 1 : 0),
                           r.state, r.rule, r.local_number, r.payment_id, r.receipt, r.day,
                           r.taken_at_ms, r.updated_at_ms, r.request, r.ledger_seq, r.ledger_hash);
        !b)
        return b;
    return st.value()->run();
}

// The payment with this key (of this invoice: the table's primary key).
Result<std::optional<PaymentRow>> rowByKey(SqlCipherDb& db, const QString& invoice_id,
                                           const QString& key)
{
    auto st = db.cached(QByteArrayLiteral("SELECT ") + kRowColumns +
                        QByteArrayLiteral(" FROM payment WHERE invoice_id = ?1 AND "
                                          "idempotency_key = ?2"));
    if (!st) return st.error();
    if (Status b = bindAll(*st.value(), invoice_id, key); !b) return b.error();
    auto rows = readRows(*st.value());
    if (!rows) return rows.error();
    if (rows.value().isEmpty()) return std::optional<PaymentRow>();
    return std::optional<PaymentRow>(rows.value().first());
}

// The provisional receipt number of a payment taken offline: L<kiosk>-<yyyyMMdd>-<n, 4 digits>,
// n the seq of its "queued-offline" ledger row (unique and growing in this store; staff find the
// row by it).
QString localNumber(const QString& kiosk_id, const QString& day, qint64 ledger_seq)
{
    QString compact_day = day;
    compact_day.remove(QLatin1Char('-'));
    return QStringLiteral("L%1-%2-%3")
        .arg(kiosk_id, compact_day)
        .arg(ledger_seq, 4, 10, QLatin1Char('0'));
}

}  // namespace

PaymentStore::PaymentStore(store::Store& store, outbox::Outbox& outbox, QString kiosk_id)
    : store_(store), outbox_(outbox), kiosk_id_(std::move(kiosk_id))
{}

Result<pay::LedgerEntry> PaymentStore::appendLedger(SqlCipherDb& db, const QString& invoice_id,
                                                    qint64 amount_fen, const QString& method,
                                                    const QString& key, const QString& result,
                                                    qint64 time_ms)
{
    // The previous row is the last one stored (by id): the chain grows in storage order. The
    // rightmost page, read from the cache.
    auto last = db.cached(
        QByteArrayLiteral("SELECT seq, hash FROM payment_ledger ORDER BY id DESC LIMIT 1"));
    if (!last) return last.error();
    auto step = last.value()->step();
    if (!step) return step.error();
    std::optional<pay::LedgerEntry> previous;
    if (step.value() == SqlStatement::Step::Row) {
        pay::LedgerEntry p;
        p.seq = last.value()->columnInt64(0);
        p.hash = last.value()->columnBlob(1);
        previous = p;
    }
    pay::LedgerEntry row;
    row.time_ms = time_ms;
    row.invoiceId = invoice_id;
    auto amount = pay::Money::fromFen(amount_fen);
    if (!amount)
        return makeError(ErrorCode::Internal,
                         QStringLiteral("ledger: ") + amount.error().message());
    row.amount = amount.value();
    row.method = method;
    row.idempotencyKey = key;
    row.result = result;
    pay::LedgerEntry entry = pay::appendLedgerEntry(previous ? &*previous : nullptr, row);
    auto ins = db.cached(QByteArrayLiteral(
        "INSERT INTO payment_ledger(seq, time_ms, invoice_id, amount, method, idempotency_key, "
        "result, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
    if (!ins) return ins.error();
    if (Status b = bindAll(*ins.value(), entry.seq, entry.time_ms, entry.invoiceId,
                           entry.amount.toDecimalText(), entry.method, entry.idempotencyKey,
                           entry.result, entry.prevHash, entry.hash);
        !b)
        return b.error();
    if (Status r = ins.value()->run(); !r) return r.error();
    return entry;
}

Result<pay::LedgerVerification> PaymentStore::verifyLedger(SqlCipherDb& db)
{
    auto st = db.prepare(QByteArrayLiteral(
        "SELECT seq, time_ms, invoice_id, amount, method, idempotency_key, result, prev_hash, hash"
        " FROM payment_ledger ORDER BY id"));
    if (!st) return st.error();
    QList<pay::LedgerEntry> rows;
    for (;;) {
        auto step = st.value().step();
        if (!step) return step.error();
        if (step.value() == SqlStatement::Step::Done) break;
        const SqlStatement& s = st.value();
        pay::LedgerEntry e;
        e.seq = s.columnInt64(0);
        e.time_ms = s.columnInt64(1);
        e.invoiceId = s.columnText(2);
        // An amount that is not canonical money text was altered: keep a value whose hash cannot
        // match (the text is part of the hash through Money's canonical form).
        auto amount = pay::Money::fromDecimalText(s.columnText(3), pay::Money::Sign::AllowNegative);
        e.amount = amount ? amount.value() : pay::Money::fen(-1);
        e.method = s.columnText(4);
        e.idempotencyKey = s.columnText(5);
        e.result = s.columnText(6);
        e.prevHash = s.columnBlob(7);
        e.hash = s.columnBlob(8);
        if (!amount || amount.value().toDecimalText() != s.columnText(3))
            e.result += QStringLiteral("\x01altered-amount");
        rows.append(std::move(e));
    }
    // The head: every payment row names the newest ledger row of its payment (written in the same
    // transaction); the highest of them is the ledger's last row.
    auto refs = db.prepare(QByteArrayLiteral(
        "SELECT ledger_seq, ledger_hash FROM payment WHERE ledger_seq > 0 ORDER BY ledger_seq"));
    if (!refs) return refs.error();
    QList<std::pair<qint64, QByteArray>> named;
    for (;;) {
        auto step = refs.value().step();
        if (!step) return step.error();
        if (step.value() == SqlStatement::Step::Done) break;
        named.append({refs.value().columnInt64(0), refs.value().columnBlob(1)});
    }
    pay::LedgerHead expected;
    expected.lastHash = pay::ledgerGenesisHash();
    if (!named.isEmpty()) {
        expected.count = named.last().first;
        expected.lastHash = named.last().second;
    }
    pay::LedgerVerification v = pay::verifyLedger(rows, expected);
    if (!v.ok) return v;
    // Each payment's newest row is still there and unchanged (the chain verified: row n is at n-1).
    for (const auto& [seq, hash] : named) {
        if (seq <= rows.size() && rows.at(seq - 1).hash == hash) continue;
        v.ok = false;
        v.problem = pay::LedgerProblem::Truncated;
        v.seq = seq;
        v.index = seq - 1;
        v.message = QStringLiteral(
                        "row %1 is not the row a payment recorded as its newest: rows "
                        "were removed or replaced")
                        .arg(seq);
        return v;
    }
    return v;
}

Result<pay::LedgerVerification> PaymentStore::verifyLedger()
{
    Result<pay::LedgerVerification> out = makeError(ErrorCode::Internal, QString());
    Status s = store_.withTransaction([&](SqlCipherDb& db) -> Status {
        out = verifyLedger(db);
        return out.ok() ? Status(Ok{}) : Status(out.error());
    });
    if (!s) return s.error();
    return out;
}

Status PaymentStore::beginAttempt(const PaymentRow& row, qint64 now_ms)
{
    return store_.withTransaction([&](SqlCipherDb& db) -> Status {
        auto entry = appendLedger(db, row.invoice_id, row.amount_fen, row.method, row.key,
                                  QStringLiteral("attempt"), now_ms);
        if (!entry) return entry.error();
        PaymentRow r = row;
        r.ledger_seq = entry.value().seq;
        r.ledger_hash = entry.value().hash;
        r.state = state::kSending;
        r.taken_at_ms = now_ms;
        r.updated_at_ms = now_ms;
        return insertRow(db, r);
    });
}

Status PaymentStore::finish(const QString& invoice_id, const QString& key, const QString& new_state,
                            const QString& rule, const QString& payment_id,
                            const QByteArray& receipt, const QString& ledger_result, qint64 now_ms)
{
    auto done = finishFrom(QString(), invoice_id, key, new_state, rule, payment_id, receipt,
                           ledger_result, now_ms);
    if (!done) return done.error();
    return Ok{};
}

Result<bool> PaymentStore::finishFrom(const QString& from_state, const QString& invoice_id,
                                      const QString& key, const QString& new_state,
                                      const QString& rule, const QString& payment_id,
                                      const QByteArray& receipt, const QString& ledger_result,
                                      qint64 now_ms)
{
    bool changed = false;
    Status s = store_.withTransaction([&](SqlCipherDb& db) -> Status {
        auto current = rowByKey(db, invoice_id, key);
        if (!current) return current.error();
        if (!current.value())
            return makeError(ErrorCode::NotFound, QStringLiteral("no payment with this key"));
        const PaymentRow& r = *current.value();
        if (!from_state.isEmpty() && r.state != from_state) return Ok{};  // settled already
        auto entry =
            appendLedger(db, r.invoice_id, r.amount_fen, r.method, key, ledger_result, now_ms);
        if (!entry) return entry.error();
        auto st = db.cached(QByteArrayLiteral(
            "UPDATE payment SET state = ?1, rule = ?2, payment_id = CASE WHEN ?3 = '' THEN "
            "payment_id ELSE ?3 END, receipt = CASE WHEN length(?4) = 0 THEN receipt ELSE ?4 END, "
            "updated_at_ms = ?5, ledger_seq = ?6, ledger_hash = ?7 "
            "WHERE invoice_id = ?8 AND idempotency_key = ?9"));
        if (!st) return st.error();
        if (Status b = bindAll(*st.value(), new_state, rule, payment_id, receipt, now_ms,
                               entry.value().seq, entry.value().hash, invoice_id, key);
            !b)
            return b;
        if (Status run = st.value()->run(); !run) return run;
        changed = true;
        return Ok{};
    });
    if (!s) return s.error();
    return changed;
}

Result<PaymentRow> PaymentStore::takeOffline(PaymentRow row, const outbox::Command& command,
                                             qint64 now_ms)
{
    PaymentRow out;
    auto ids = outbox_.enqueue(command, [&](SqlCipherDb& db) -> Status {
        out = row;
        auto existing = rowByKey(db, row.invoice_id, row.key);
        if (!existing) return existing.error();
        if (existing.value() && existing.value()->state != state::kSending) {
            return makeError(ErrorCode::Internal,
                             QStringLiteral("payment already %1").arg(existing.value()->state));
        }
        auto entry = appendLedger(db, row.invoice_id, row.amount_fen, row.method, row.key,
                                  QStringLiteral("queued-offline"), now_ms);
        if (!entry) return entry.error();
        out.ledger_seq = entry.value().seq;
        out.ledger_hash = entry.value().hash;
        out.local_number = localNumber(kiosk_id_, row.day, entry.value().seq);
        out.state = state::kOffline;
        out.offline = true;
        out.updated_at_ms = now_ms;
        if (!existing.value()) {
            out.taken_at_ms = now_ms;
            // The $pay body travels in the outbox record (the relay sends it from there); the
            // row does not keep a second copy (fewer, fuller pages per payment).
            PaymentRow stored = out;
            stored.request.clear();
            return insertRow(db, stored);
        }
        out.taken_at_ms = existing.value()->taken_at_ms;
        auto st = db.cached(QByteArrayLiteral(
            "UPDATE payment SET state = ?1, offline = 1, local_number = ?2, updated_at_ms = ?3, "
            "ledger_seq = ?4, ledger_hash = ?5 WHERE invoice_id = ?6 AND idempotency_key = ?7"));
        if (!st) return st.error();
        if (Status b = bindAll(*st.value(), out.state, out.local_number, now_ms, out.ledger_seq,
                               out.ledger_hash, row.invoice_id, row.key);
            !b)
            return b;
        return st.value()->run();
    });
    if (!ids) return ids.error();
    return out;
}

Status PaymentStore::recordPaid(const PaymentRow& row, qint64 now_ms)
{
    return store_.withTransaction([&](SqlCipherDb& db) -> Status {
        auto existing = rowByKey(db, row.invoice_id, row.key);
        if (!existing) return existing.error();
        if (existing.value()) return Ok{};
        auto entry = appendLedger(db, row.invoice_id, row.amount_fen, row.method, row.key,
                                  QStringLiteral("paid"), now_ms);
        if (!entry) return entry.error();
        PaymentRow r = row;
        r.ledger_seq = entry.value().seq;
        r.ledger_hash = entry.value().hash;
        r.state = state::kPaid;
        r.taken_at_ms = now_ms;
        r.updated_at_ms = now_ms;
        return insertRow(db, r);
    });
}

Result<std::optional<PaymentStore::OutboxState>> PaymentStore::outboxStateOf(const QString& key)
{
    std::optional<OutboxState> out;
    Status s = store_.withTransaction([&](SqlCipherDb& db) -> Status {
        auto st = db.prepare(QByteArrayLiteral(
            "SELECT id, state, result, last_error FROM outbox WHERE idempotency_key = ?1"));
        if (!st) return st.error();
        if (Status b = st.value().bind(1, key); !b) return b;
        auto step = st.value().step();
        if (!step) return step.error();
        if (step.value() == SqlStatement::Step::Row) {
            OutboxState o;
            o.id = st.value().columnInt64(0);
            o.state = st.value().columnText(1);
            o.result = st.value().columnBlob(2);
            o.last_error = st.value().columnText(3);
            out = o;
        }
        return Ok{};
    });
    if (!s) return s.error();
    return out;
}

Result<std::optional<PaymentRow>> PaymentStore::byKey(const QString& key)
{
    Result<std::optional<PaymentRow>> out = std::optional<PaymentRow>();
    Status s = store_.withTransaction([&](SqlCipherDb& db) -> Status {
        // Not the table's key (invoice, key): a scan, for tools and tests.
        auto st = db.prepare(QByteArrayLiteral("SELECT ") + kRowColumns +
                             QByteArrayLiteral(" FROM payment WHERE idempotency_key = ?1"));
        if (!st) return st.error();
        if (Status b = st.value().bind(1, key); !b) return b;
        auto rows = readRows(st.value());
        if (!rows) return rows.error();
        if (!rows.value().isEmpty()) out = std::optional<PaymentRow>(rows.value().first());
        return Ok{};
    });
    if (!s) return s.error();
    return out;
}

Result<std::optional<PaymentRow>> PaymentStore::activeForInvoice(const QString& invoice_id)
{
    std::optional<PaymentRow> out;
    Status s = store_.withTransaction([&](SqlCipherDb& db) -> Status {
        auto st = db.prepare(QByteArrayLiteral("SELECT ") + kRowColumns +
                             QByteArrayLiteral(" FROM payment WHERE invoice_id = ?1 AND state IN "
                                               "('sending', 'paid', 'offline', 'unknown') "
                                               "ORDER BY taken_at_ms DESC LIMIT 1"));
        if (!st) return st.error();
        if (Status b = st.value().bind(1, invoice_id); !b) return b;
        auto rows = readRows(st.value());
        if (!rows) return rows.error();
        if (!rows.value().isEmpty()) out = rows.value().first();
        return Ok{};
    });
    if (!s) return s.error();
    return out;
}

Result<OfflineExposure> PaymentStore::exposure(const QString& patient_id, const QString& day,
                                               qint64 now_ms)
{
    OfflineExposure out;
    Status s = store_.withTransaction([&](SqlCipherDb& db) -> Status {
        auto st = db.prepare(QByteArrayLiteral(
            "SELECT"
            " (SELECT COALESCE(SUM(amount_fen), 0) FROM payment WHERE offline = 1 AND"
            "   patient_id = ?1 AND day = ?2 AND state IN ('offline', 'paid')),"
            " (SELECT COALESCE(SUM(amount_fen), 0) FROM payment WHERE state = 'offline'),"
            " (SELECT COUNT(*) FROM payment WHERE state = 'offline'),"
            " (SELECT COALESCE(MIN(taken_at_ms), 0) FROM payment WHERE state = 'offline')"));
        if (!st) return st.error();
        if (Status b = bindAll(st.value(), patient_id, day); !b) return b;
        auto step = st.value().step();
        if (!step) return step.error();
        auto today = pay::Money::fromFen(st.value().columnInt64(0));
        auto outstanding = pay::Money::fromFen(st.value().columnInt64(1));
        if (!today || !outstanding)
            return makeError(ErrorCode::Storage, QStringLiteral("payment sums out of range"));
        out.patient_today = today.value();
        out.kiosk_outstanding = outstanding.value();
        if (st.value().columnInt64(2) > 0)
            out.oldest_queued_age_s =
                std::max<qint64>(0, (now_ms - st.value().columnInt64(3)) / 1000);
        return Ok{};
    });
    if (!s) return s.error();
    return out;
}

Result<QList<PaymentRow>> PaymentStore::list(const QString& day)
{
    return rowsWhere(QByteArrayLiteral("(?1 = '' OR day = ?1)"), day);
}

Result<QList<PaymentRow>> PaymentStore::byState(const QString& state_name)
{
    return rowsWhere(QByteArrayLiteral("state = ?1"), state_name);
}

Result<QList<PaymentRow>> PaymentStore::rowsWhere(const QByteArray& condition, const QString& value)
{
    QList<PaymentRow> out;
    Status s = store_.withTransaction([&](SqlCipherDb& db) -> Status {
        auto st = db.prepare(QByteArrayLiteral("SELECT ") + kRowColumns +
                             QByteArrayLiteral(" FROM payment WHERE ") + condition +
                             QByteArrayLiteral(" ORDER BY taken_at_ms, idempotency_key"));
        if (!st) return st.error();
        if (Status bound = st.value().bind(1, value); !bound) return bound;
        auto rows = readRows(st.value());
        if (!rows) return rows.error();
        out = std::move(rows).value();
        return Ok{};
    });
    if (!s) return s.error();
    return out;
}

}  // namespace mk::payment
