// The values of the outbox (docs/outbox.md): a command to enqueue, a stored record, an audit row.
// Payloads may hold ids of personal records; they live only in the encrypted store, never in logs.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace mk::outbox {

// Kinds of command the relay knows; payment and enrollment are reserved for later work.
namespace kind {
inline const QString kCheckIn = QStringLiteral("check-in");
inline const QString kCancel = QStringLiteral("cancel");
inline const QString kPayment = QStringLiteral("payment");
inline const QString kEnrollment = QStringLiteral("enrollment");
}  // namespace kind

// queued: waiting to be sent (or retried); sent: the pool accepted it (result holds its answer);
// dead: a permanent failure or too many attempts, waiting for staff; discarded: staff gave up.
enum class CommandState { Queued = 1, Sent, Dead, Discarded };

QString stateName(CommandState state);  // "queued", "sent", ...
std::optional<CommandState> stateFromName(const QString& name);

// What a caller enqueues. Commands with the same ordering_key are sent in enqueue order: a later
// one waits while an earlier one is queued or dead (e.g. "appointment:<id>": check-in before
// payment or cancel).
struct Command {
    QString kind;
    QString ordering_key;
    QByteArray payload;  // compact JSON, e.g. {"appointment_id":"appt-1"}
    // Empty: a fresh UUID is made at enqueue. A payment brings the key it made (and may already
    // have sent) before its first send, so the relay replays the same request (issue 9).
    QString idempotency_key;
};

// The commands of today's kinds. appointment_number (urn:medkiosk:appointment), when known, goes
// into the payload too: the sender then also checks that the pool's reply carries it.
Command checkInCommand(const QString& appointment_id, const QString& appointment_number = {});
Command cancelCommand(const QString& appointment_id);
QString appointmentOrderingKey(const QString& appointment_id);

struct OutboxRecord {
    qint64 id = 0;
    QString kind;
    QString ordering_key;
    QByteArray payload;
    QString idempotency_key;  // UUID made at enqueue, sent as Idempotency-Key on every attempt
    QDateTime created_at;
    int attempts = 0;  // sends tried so far
    QDateTime next_attempt_at;
    QString last_error;  // technical, without personal data
    CommandState state = CommandState::Queued;
    QByteArray result;      // the pool's answer kept for the kiosk (JSON), when sent
    QDateTime finished_at;  // when it became sent, dead or discarded
};

struct AuditEntry {
    qint64 id = 0;
    qint64 outbox_id = 0;
    QString action;  // retry | discard
    QString who;
    QString why;
    QDateTime at;
};

}  // namespace mk::outbox
