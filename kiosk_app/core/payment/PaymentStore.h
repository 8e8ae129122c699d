// The kiosk's payment records in the encrypted store (migration 7): the tamper-evident ledger
// (payment/'s Ledger chain: every attempt and outcome) and one row per payment (its idempotency
// key, state, receipt, provisional receipt number, and its newest ledger row: the ledger's head).
// Every change is ONE transaction that appends a ledger row and writes its payment's row,
// committed with synchronous=FULL before the caller reports anything. A payment taken offline is
// ledger row + payment row + outbox record (kind payment, the payment's own idempotency key) in one
// transaction. Thread-safe (the Store serialises); call from worker threads.
#pragma once

#include "core/common/Result.h"
#include "core/outbox/OutboxRecord.h"
#include "payment/Ledger.h"
#include "payment/Money.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace mk::store {
class Store;
class SqlCipherDb;
}  // namespace mk::store
namespace mk::outbox {
class Outbox;
}

namespace mk::payment {

// payment.state: sending (attempt written, reply not yet known), paid (the pool's receipt),
// offline (taken offline, in the outbox), refused (the pool said no at once), unknown (the pool
// never answered and it was not taken offline: staff check with pay reconcile), dead (the pool
// refused a payment taken offline later: staff review).
namespace state {
inline const QString kSending = QStringLiteral("sending");
inline const QString kPaid = QStringLiteral("paid");
inline const QString kOffline = QStringLiteral("offline");
inline const QString kRefused = QStringLiteral("refused");
inline const QString kUnknown = QStringLiteral("unknown");
inline const QString kDead = QStringLiteral("dead");
}  // namespace state

struct PaymentRow {
    QString key;  // idempotency key
    QString invoice_id;
    QString patient_id;
    QString bill_number;
    qint64 amount_fen = 0;
    QString method;        // credit | phone
    QString verification;  // face | phone-digits
    bool offline = false;  // taken offline
    QString state;
    QString rule;
    QString local_number;
    QString payment_id;
    QByteArray receipt;  // the pool's e-receipt (exact JSON), when paid
    QByteArray request;  // the exact $pay body sent (and replayed) with the key; not stored for a
                         // payment taken offline at once (its outbox record carries it)
    QString day;         // hospital day yyyy-MM-dd when taken
    qint64 taken_at_ms = 0;
    qint64 updated_at_ms = 0;
    // The newest ledger row of this payment (seq and hash), written with it: the ledger's head is
    // the payment row with the highest ledger_seq.
    qint64 ledger_seq = 0;
    QByteArray ledger_hash;
};

struct OfflineExposure {
    pay::Money patient_today;
    pay::Money kiosk_outstanding;
    std::optional<qint64> oldest_queued_age_s;
};

class PaymentStore
{
public:
    PaymentStore(store::Store& store, outbox::Outbox& outbox, QString kiosk_id);

    // --- inside a caller's transaction
    // Appends one ledger row after the last one (by id) and returns it; the caller writes its seq
    // and hash into the payment's row in the same transaction (that is the ledger's head).
    static Result<pay::LedgerEntry> appendLedger(store::SqlCipherDb& db, const QString& invoice_id,
                                                 qint64 amount_fen, const QString& method,
                                                 const QString& key, const QString& result,
                                                 qint64 time_ms);
    // Every row in storage order (payment/'s verifyLedger), against the head (the payment row
    // with the highest ledger_seq); then every payment's newest row is checked to be there.
    static Result<pay::LedgerVerification> verifyLedger(store::SqlCipherDb& db);
    Result<pay::LedgerVerification> verifyLedger();

    // Ledger "attempt" + payment row in state sending: before the first send.
    Status beginAttempt(const PaymentRow& row, qint64 now_ms);
    // Ledger `ledger_result` + the payment row's new state (and payment id/receipt when given).
    Status finish(const QString& invoice_id, const QString& key, const QString& new_state,
                  const QString& rule, const QString& payment_id, const QByteArray& receipt,
                  const QString& ledger_result, qint64 now_ms);
    // finish() only while the row is still in `from_state`, checked in the same transaction:
    // false (nothing written) when another caller settled it first.
    Result<bool> finishFrom(const QString& from_state, const QString& invoice_id,
                            const QString& key, const QString& new_state, const QString& rule,
                            const QString& payment_id, const QByteArray& receipt,
                            const QString& ledger_result, qint64 now_ms);
    // Ledger "queued-offline" + payment row (inserted, or updated from sending) in state offline
    // with a new local receipt number + the outbox command, in ONE transaction. Returns the row.
    Result<PaymentRow> takeOffline(PaymentRow row, const outbox::Command& command, qint64 now_ms);

    // A payment that was paid at once without an attempt of ours before (phone order): ledger
    // "paid" + the row in state paid, one transaction; nothing when the key is already recorded.
    Status recordPaid(const PaymentRow& row, qint64 now_ms);

    // The outbox record that carries a payment (same idempotency key).
    struct OutboxState {
        qint64 id = 0;
        QString state;  // queued | sent | dead | discarded
        QByteArray result;
        QString last_error;
    };
    Result<std::optional<OutboxState>> outboxStateOf(const QString& key);

    // The payment with this idempotency key (any invoice; a scan: for tools and tests).
    Result<std::optional<PaymentRow>> byKey(const QString& key);
    // The payment of this invoice that is not refused (sending, paid, offline, unknown), newest.
    Result<std::optional<PaymentRow>> activeForInvoice(const QString& invoice_id);
    Result<OfflineExposure> exposure(const QString& patient_id, const QString& day, qint64 now_ms);
    // All payments of a hospital day (every day when empty), oldest first.
    Result<QList<PaymentRow>> list(const QString& day);
    Result<QList<PaymentRow>> byState(const QString& state_name);

private:
    // The payment rows matching condition (one parameter, ?1 = value), oldest first.
    Result<QList<PaymentRow>> rowsWhere(const QByteArray& condition, const QString& value);

    store::Store& store_;
    outbox::Outbox& outbox_;
    QString kiosk_id_;
};

}  // namespace mk::payment
