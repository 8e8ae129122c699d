// The real CommandSender: the pool's FHIR API over pool::HttpTransport (CurlTransport by default),
// docs/pool-protocol.md "Outbox commands". Every POST carries `Idempotency-Key: <record key>`.
//   check-in: GET Appointment/{id} for its version (already arrived = done, with its number),
//             then POST Appointment/{id}/$check-in with If-Match.
//   cancel:   POST Appointment/{id}/$cancel (already cancelled = done).
//   payment:  POST Invoice/{id}/$pay with the exact body the kiosk stored and the payment's own
//             key (issue 9): done only when the reply is about that invoice, amount, key and
//             patient; a refusal with a rule (already-paid 409, credit-limit, amount-changed...)
//             is permanent ("[rule:<code>]" in the error: dead letter, staff list), never retried
//             into a second charge.
// Outcomes: 2xx done only when the reply is about the appointment asked for (same id, and the
// same appointment number when the payload has one) in the state asked for, else permanent
// ("reply mismatch": staff review, never marked sent); transport failures transient (offline);
// 409/412/429/5xx and unreadable replies transient; 404/400/422 and other 4xx, bad payloads,
// unknown kinds permanent; a refusal naming the rule already-arrived or
// idempotency-key-reused (whatever its status, 409 included) permanent.
// Thread-safe when the transport is (CurlTransport is).
#pragma once

#include "core/outbox/CommandSender.h"
#include "core/pool/HttpTransport.h"

#include <QUrl>

#include <memory>

namespace mk::outbox {

class PoolCommandSender : public CommandSender
{
public:
    // base_url: .../fhir. Over CurlTransport with `options`.
    PoolCommandSender(QUrl base_url, const pool::TransportOptions& options);
    PoolCommandSender(QUrl base_url, std::unique_ptr<pool::HttpTransport> transport);
    ~PoolCommandSender() override;

    SendOutcome send(const OutboxRecord& record) override;
    Status probe() override;  // GET HealthcareService?_count=1
    bool threadSafe() const override { return transport_->threadSafe(); }

private:
    SendOutcome checkIn(const OutboxRecord& record, const QString& appointment_id,
                        const QString& appointment_number);
    SendOutcome cancel(const OutboxRecord& record, const QString& appointment_id,
                       const QString& appointment_number);
    SendOutcome payment(const OutboxRecord& record);
    QUrl url(const QString& path) const;

    QUrl base_url_;
    std::unique_ptr<pool::HttpTransport> transport_;
};

}  // namespace mk::outbox
