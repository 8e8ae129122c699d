// Synchronous FHIR R4 client of the booking pool over libcurl (docs/pool-protocol.md).
// Blocking by design: call it only from a worker thread (BookingService does). Thread-safe: each
// call uses its own curl handle, so several workers may share one client.
#pragma once

#include "core/common/Result.h"
#include "core/fhir/FhirParser.h"
#include "core/fhir/FhirTypes.h"
#include "core/pool/HttpTransport.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <atomic>
#include <memory>

namespace mk::pool {

struct PoolOptions {
    QUrl base_url;  // .../fhir (https in production, loopback http in demo)
    // The SMART token endpoint (pool/token_url); empty: discovered from
    // <base_url>/.well-known/smart-configuration (docs/identity.md).
    QUrl token_url;
    QString ca_file;  // extra CA bundle; empty = system store. Verification is always on.
    int connect_timeout_ms = 3000;
    int request_timeout_ms = 8000;  // whole request, including reading the reply
    int max_attempts = 3;           // for idempotent requests (all GETs, conditional create)
    int backoff_base_ms = 200;      // exponential backoff with full jitter between attempts
    qint64 max_reply_bytes = 8 * 1024 * 1024;
    QString timezone = QStringLiteral("Asia/Shanghai");
};

struct PatientQuery {  // either patient_number or phone, always with birth_date
    QString patient_number;
    QString phone;
    QDate birth_date;
};

struct SlotQuery {
    QStringList schedule_ids;  // one doctor, or every doctor of the department
    QDate day;                 // in the hospital's zone
    bool free_only = false;
};

struct BookingRequest {
    QString client_identifier;  // UUID made before the first send; the idempotency key
    fhir::Slot slot;
    QString patient_id;
    QString practitioner_id;
    QString department_id;
};

struct PoolStats {  // for diagnostics and benchmarks
    std::atomic<quint64> requests{0};
    std::atomic<quint64> retries{0};
    std::atomic<quint64> failures{0};
};

class PoolClient
{
public:
    explicit PoolClient(PoolOptions options);  // over CurlTransport
    // Over another transport (tests, tools). The transport must be safe to call from several
    // threads when the client is shared.
    PoolClient(PoolOptions options, std::unique_ptr<HttpTransport> transport);
    ~PoolClient();
    PoolClient(const PoolClient&) = delete;
    PoolClient& operator=(const PoolClient&) = delete;

    const PoolOptions& options() const { return options_; }
    const PoolStats& stats() const { return stats_; }

    Result<QList<fhir::Department>> departments();
    Result<QList<fhir::Doctor>> doctors(const QString& department_id);
    Result<QList<fhir::Slot>> slots(const SlotQuery& query);  // follows every Bundle next link
    Result<QList<fhir::Patient>> findPatients(const PatientQuery& query);
    Result<QList<fhir::Patient>> dependents(const QString& guardian_patient_id);
    // FHIR read GET [base]/Patient/{id} (face sign-in knows only the id). 404 or 410 ->
    // ErrorCode::NotFound; an id that is not a FHIR id -> ErrorCode::BadRequest, nothing sent.
    Result<fhir::Patient> patient(const QString& patient_id);
    Result<QList<fhir::Appointment>> appointmentsOf(const QString& patient_id, const QDate& from,
                                                    const QDate& to_exclusive);
    // Conditional create; 409 -> ErrorCode::Conflict, 422 -> ErrorCode::Rule.
    Result<fhir::Appointment> book(const BookingRequest& request);
    Result<fhir::Appointment> checkIn(const QString& appointment_id, const QString& version_id);
    // A light request for connectivity probes (GET metadata-free search with _count=1).
    Status probe();

private:
    // One request with the retry policy (idempotent: retried on Network, Timeout, Server,
    // RateLimited), the content-type check and the HTTP error mapping.
    Result<HttpResponse> send(const HttpRequest& request, bool idempotent);
    // GET a search and every next page; the resources of all pages in one Bundle.
    Result<fhir::Bundle> searchAll(const QString& type,
                                   const QList<QPair<QString, QString>>& params);
    QUrl url(const QString& path, const QList<QPair<QString, QString>>& params) const;

    PoolOptions options_;
    PoolStats stats_;
    std::unique_ptr<HttpTransport> transport_;
};

}  // namespace mk::pool
