// Sends one outbox command to the pool. The relay calls it from its worker thread; it must send
// the record's idempotency_key with every attempt so that a repeat is answered, not re-applied.
// PoolCommandSender is the real one over HTTP; tests may put a double in its place.
#pragma once

#include "core/common/Result.h"
#include "core/outbox/OutboxRecord.h"

#include <QByteArray>
#include <QString>

namespace mk::outbox {

// Rule codes (urn:medkiosk:rule) of pool refusals that no retry can change
// (docs/pool-protocol.md): the outbox sends such a command to staff review at once.
namespace rule {
// $cancel of an appointment already arrived (the patient is in the waiting room).
inline const QString kAlreadyArrived = QStringLiteral("already-arrived");
// An Idempotency-Key reused with a different method, path or body (422).
inline const QString kIdempotencyKeyReused = QStringLiteral("idempotency-key-reused");
}  // namespace rule

struct SendOutcome {
    // NotAuthorised: the pool does not accept this kiosk now (401/403, the token endpoint's
    // refusal, no identity key). Not the command's fault: it waits, attempts are not counted,
    // and it is sent again once the kiosk is authorised (issue 15).
    enum class Kind { Done = 1, Transient, Permanent, NotAuthorised };
    Kind kind = Kind::Transient;
    QByteArray result;            // Done: what the kiosk keeps (compact JSON)
    QString error;                // Transient/Permanent: technical cause, no personal data
    bool reached_server = false;  // false for connect failures, resets, timeouts (offline)
    int retry_after_s = -1;       // the server's Retry-After, -1 when absent
    int http_status = 0;
    QString rule;  // the pool's urn:medkiosk:rule code of a refusal, if any

    static SendOutcome done(QByteArray result);
    static SendOutcome transient(QString error, bool reached_server, int retry_after_s = -1);
    static SendOutcome permanent(QString error);
    static SendOutcome notAuthorised(QString error, int http_status);
};

class CommandSender
{
public:
    virtual ~CommandSender() = default;
    virtual SendOutcome send(const OutboxRecord& record) = 0;
    // A light request that tells whether the pool answers (used while offline or not
    // authorised). An error with HTTP status 401/403 means "answers, but not authorised".
    virtual Status probe() = 0;
    // True when send() may run on several threads at once (the relay then keeps up to
    // RelayOptions::in_flight records of different ordering keys in flight).
    virtual bool threadSafe() const { return false; }
};

}  // namespace mk::outbox
