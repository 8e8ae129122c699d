// Synchronous FHIR R4 client of the booking pool over libcurl (docs/pool-protocol.md).
// Blocking by design: call it only from a worker thread (BookingService does). Thread-safe: each
// call uses its own curl handle, so several workers may share one client.
#pragma once

#include "core/common/Result.h"
#include "core/fhir/FhirParser.h"
#include "core/fhir/FhirTypes.h"
#include "core/pool/HttpTransport.h"
#include "payment/Bill.h"
#include "payment/CreditLine.h"
#include "payment/EReceipt.h"
#include "payment/OperationBodies.h"
#include "payment/PaymentIntent.h"
#include "payment/PaymentOutcome.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

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
    // A search asks for its next page while it parses this one (when the transport may serve two
    // threads); off, one page after another (the benchmark compares both).
    bool prefetch_next_page = true;
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

// Payments (issue 9, docs/pool-protocol.md "Payments"): every payment resource is read with
// payment/'s exact JSON reader (money from the number's text, never a double).
struct BillsReply {
    QList<pay::Bill> bills;   // payable bills of the patient asked for, oldest first
    QStringList refused_ids;  // bills the kiosk refuses to show as payable (not adding up...)
    QString refused_reason;   // the first refusal, technical
    QByteArray body;          // the reply as received (for the encrypted cache)
};

struct AgreementText {
    QString version;   // DocumentReference meta.versionId
    QString language;  // zh-CN | en
    QString title;
    QString text;
};

struct PoolStats {  // for diagnostics and benchmarks
    std::atomic<quint64> requests{0};
    std::atomic<quint64> retries{0};
    std::atomic<quint64> failures{0};
};

class PoolClient
{
public:
    explicit PoolClient(const PoolOptions& options);  // over CurlTransport
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

    // --- Payments (PoolClientPayments.cpp). Every reply must be about what was asked (the
    // patient, invoice, key, device), else ErrorCode::BadReply. Refusals: Error code Rule (422)
    // or Conflict (409) with e.rule = the rule code (amount-changed, credit-limit,
    // already-paid...). pool_us (optional) accumulates the time spent waiting for the pool's
    // replies. Unpaid bills (Invoice?subject=&status=issued); a bill that does not add up is listed
    // in refused_ids, never returned as payable.
    Result<BillsReply> unpaidBills(const QString& patient_id);
    // Parses a reply body of unpaidBills again (the encrypted cache).
    static Result<BillsReply> billsFromBody(const QByteArray& body, const QString& patient_id);
    Result<pay::Bill> invoice(const QString& invoice_id);
    // nullopt: no credit care.
    Result<std::optional<pay::CreditLine>> creditLine(const QString& patient_id);
    Result<QList<AgreementText>> creditAgreement();
    Result<pay::CreditLine> openCredit(const pay::OpenCreditRequest& request,
                                       const QString& idempotency_key);
    // POST Invoice/{id}/$pay with the intent's key: retried on timeouts, resets and 5xx with the
    // same key (the pool answers a repeat with the first result). The reply is checked against
    // the intent (invoice, amount, key) and the receipt against patient_id.
    Result<pay::PayReply> pay(const pay::PaymentIntent& intent, const QString& patient_id,
                              qint64* pool_us = nullptr);
    Result<pay::PhoneOrder> phoneOrder(const QString& invoice_id, pay::Money amount,
                                       const QString& idempotency_key);
    Result<pay::PhoneOrderState> phoneOrderStatus(const QString& invoice_id,
                                                  const QString& order_id, pay::Money amount);
    Status cancelPhoneOrder(const QString& invoice_id, const QString& order_id);
    // DocumentReference?subject=&type=e-receipt&date=ge{day}.
    Result<QList<pay::EReceipt>> receiptsSince(const QString& patient_id, const QDate& day);
    // PaymentReconciliation?requestor=Device/{device_id}&created=ge{day}&created=lt{day+1}.
    Result<QList<pay::PaymentOutcome>> reconciliations(const QString& device_id, const QDate& day);

private:
    // One request with the retry policy (idempotent: retried on Network, Timeout, Server,
    // RateLimited), the content-type check and the HTTP error mapping.
    Result<HttpResponse> send(const HttpRequest& request, bool idempotent,
                              qint64* elapsed_us = nullptr);
    // A GET (or POST with body) whose reply is read with payment/'s exact JSON reader.
    Result<QJsonObject> exact(const HttpRequest& request, bool idempotent, const QString& what,
                              qint64* elapsed_us = nullptr);
    // Every resource of a search (follows next links), read exactly.
    Result<QList<QJsonObject>> searchExact(const QString& type,
                                           const QList<QPair<QString, QString>>& params,
                                           QByteArray* first_body = nullptr);
    // GET a search and every next page; the resources of all pages in one Bundle, or, with
    // `each_page`, each page handed to it as soon as it is parsed (while the next one is on its
    // way) and the Bundle without entries. An error from each_page ends the search with it.
    // With `plain_page`, each page's text is offered to it first: when it reads the page (its
    // total and next link returned), the checked parse and each_page are skipped for that page.
    struct PlainPage {
        int total = -1;
        QUrl next;
    };
    using PlainReader = std::function<std::optional<PlainPage>(const QByteArray& body)>;
    Result<fhir::Bundle> searchAll(
        const QString& type, const QList<QPair<QString, QString>>& params,
        const std::function<Status(const fhir::Bundle& page)>& each_page = {},
        const PlainReader& plain_page = {});
    QUrl url(const QString& path, const QList<QPair<QString, QString>>& params) const;

    PoolOptions options_;
    PoolStats stats_;
    std::unique_ptr<HttpTransport> transport_;
};

}  // namespace mk::pool
