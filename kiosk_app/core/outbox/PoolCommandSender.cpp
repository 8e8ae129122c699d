#include "core/outbox/PoolCommandSender.h"

#include "core/fhir/FhirParser.h"
#include "core/fhir/FhirUris.h"
#include "core/identity/AccessTokens.h"
#include "core/payment/PaymentCommand.h"
#include "core/pool/CurlTransport.h"
#include "core/pool/PoolReply.h"
#include "payment/ExactJson.h"
#include "payment/OperationBodies.h"
#include "payment/PaymentOutcome.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace mk::outbox {

namespace {

const QByteArray kAccept = QByteArrayLiteral("application/fhir+json");

// The urn:medkiosk:rule code of an error reply's OperationOutcome, whatever its status ("" when
// none): pool::reply::httpError names the rule of a 422 only, the outbox needs it on 409 too.
QString ruleOf(const pool::HttpResponse& response, const Error& e)
{
    if (!e.rule.isEmpty()) return e.rule;
    if (!pool::reply::isFhirJson(response.content_type)) return {};
    const Result<fhir::OperationOutcome> oo = fhir::parser::outcome(response.body);
    if (!oo || oo.value().issues.isEmpty()) return {};
    const fhir::OutcomeIssue& issue = oo.value().issues.first();
    return issue.details_system == fhir::uri::kRule ? issue.details_code : QString();
}

// The pool says the Idempotency-Key was already used for a different request (method, path or
// body): sending the same request with the same key again can only be refused again.
bool isKeyReused(const pool::HttpResponse& response, const QString& rule, const Error& e)
{
    if (rule == rule::kIdempotencyKeyReused) return true;
    return response.status == 422 &&
           e.detail.contains(QLatin1String("idempotency"), Qt::CaseInsensitive);
}

// The outcome of a non-2xx reply (docs/outbox.md "Outcomes").
SendOutcome fromStatus(const pool::HttpResponse& response, const QString& what)
{
    const Error e = pool::reply::httpError(response);
    const QString rule = ruleOf(response, e);
    const QString detail =
        QStringLiteral("%1: HTTP %2 %3").arg(what).arg(response.status).arg(e.detail);
    const int s = response.status;
    SendOutcome o;
    if (s == 401 || s == 403) {
        // The kiosk is not authorised (issue 15): the command waits, it is not at fault.
        return SendOutcome::notAuthorised(detail, s);
    }
    if (rule == rule::kAlreadyArrived) {
        // The patient is in the waiting room: no retry will ever cancel it (issue 14, item 8).
        o = SendOutcome::permanent(
            QStringLiteral("%1: the pool refuses: the appointment has already arrived (rule "
                           "already-arrived); staff must settle it at the desk")
                .arg(detail));
    } else if (isKeyReused(response, rule, e)) {
        // Our key answered someone else's request once: never retried, never taken as done.
        o = SendOutcome::permanent(
            QStringLiteral("%1: the pool says this Idempotency-Key was already used for a "
                           "different request; not retried (staff review)")
                .arg(detail));
    } else if (s == 409 || s == 412 || s == 429 || s >= 500) {
        o = SendOutcome::transient(detail, true, e.retry_after_s);
    } else {
        o = SendOutcome::permanent(detail);
    }
    o.http_status = s;
    o.rule = rule;
    return o;
}

SendOutcome fromTransport(const Error& e, const QString& what)
{
    if (identity::isNotAuthorised(e)) {  // no token: refused, no scope, no key
        return SendOutcome::notAuthorised(QStringLiteral("%1: %2").arg(what, e.detail),
                                          e.http_status);
    }
    // Network, Timeout: offline. Tls, Config, BadReply (oversized): the server (or something
    // pretending to be it) answered badly; retried, never silently dropped.
    const bool offline = e.code == ErrorCode::Network || e.code == ErrorCode::Timeout;
    return SendOutcome::transient(QStringLiteral("%1: %2").arg(what, e.detail), !offline);
}

QByteArray resultOf(const fhir::Appointment& a)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("appointment_id"), a.id},
                                     {QStringLiteral("status"),
                                      fhir::parser::appointmentStatusCode(a.status)},
                                     {QStringLiteral("appointment_number"), a.appointment_number},
                                     {QStringLiteral("visit_sequence"), a.visit_sequence},
                                     {QStringLiteral("version_id"), a.version_id}})
        .toJson(QJsonDocument::Compact);
}

// Empty when a 2xx reply is about the appointment the record asked for (its id and, when the
// record knows it, its appointment number), else what differs. A reply about another resource
// is never taken as done: a pool that replays another request's answer for our key (or a proxy
// that mixes up replies) would otherwise lose the command silently (issue 14, item 7).
QString mismatchOf(const fhir::Appointment& a, const QString& appointment_id,
                   const QString& appointment_number)
{
    if (a.id != appointment_id) {
        return QStringLiteral("the reply is about Appointment/%1, not the Appointment/%2 asked for")
            .arg(a.id, appointment_id);
    }
    if (!appointment_number.isEmpty() && a.appointment_number != appointment_number) {
        // The numbers themselves stay out of the text: a number checks a patient in.
        return a.appointment_number.isEmpty()
                   ? QStringLiteral("the reply about Appointment/%1 lacks its appointment number")
                         .arg(a.id)
                   : QStringLiteral(
                         "the reply about Appointment/%1 carries another appointment "
                         "number than the one asked for")
                         .arg(a.id);
    }
    return {};
}

SendOutcome notAboutRequest(const QString& what, const QString& mismatch)
{
    return SendOutcome::permanent(
        QStringLiteral("%1: reply mismatch: %2; not marked sent (staff review)")
            .arg(what, mismatch));
}

// States from which no check-in can follow.
bool isClosed(fhir::AppointmentStatus s)
{
    return s == fhir::AppointmentStatus::Cancelled || s == fhir::AppointmentStatus::NoShow ||
           s == fhir::AppointmentStatus::EnteredInError;
}

SendOutcome wrongState(const QString& what, const fhir::Appointment& a, const char* expected)
{
    return SendOutcome::permanent(
        QStringLiteral("%1: 2xx reply, but Appointment/%2 is %3, not %4; not marked sent (staff "
                       "review)")
            .arg(what, a.id, fhir::parser::appointmentStatusCode(a.status),
                 QLatin1String(expected)));
}

}  // namespace

PoolCommandSender::PoolCommandSender(QUrl base_url, const pool::TransportOptions& options)
    : base_url_(std::move(base_url)), transport_(std::make_unique<pool::CurlTransport>(options))
{}

PoolCommandSender::PoolCommandSender(QUrl base_url, std::unique_ptr<pool::HttpTransport> transport)
    : base_url_(std::move(base_url)), transport_(std::move(transport))
{}

PoolCommandSender::~PoolCommandSender() = default;

QUrl PoolCommandSender::url(const QString& path) const
{
    QUrl u = base_url_;
    QString p = u.path();
    if (!p.endsWith(QLatin1Char('/'))) p += QLatin1Char('/');
    u.setPath(p + path);
    return u;
}

SendOutcome PoolCommandSender::send(const OutboxRecord& record)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(record.payload, &err);
    const QJsonObject payload = doc.isObject() ? doc.object() : QJsonObject();
    const QString appointment_id = payload.value(QStringLiteral("appointment_id")).toString();
    const QString appointment_number =
        payload.value(QStringLiteral("appointment_number")).toString();
    const bool id_ok = !appointment_id.isEmpty() && !appointment_id.contains(QLatin1Char('/')) &&
                       !appointment_id.contains(QLatin1Char('?')) &&
                       !appointment_id.contains(QLatin1Char('#'));
    if (record.kind == kind::kCheckIn || record.kind == kind::kCancel) {
        if (err.error != QJsonParseError::NoError || !id_ok) {
            return SendOutcome::permanent(
                QStringLiteral("bad payload: an appointment_id is required"));
        }
        return record.kind == kind::kCheckIn ? checkIn(record, appointment_id, appointment_number)
                                             : cancel(record, appointment_id, appointment_number);
    }
    if (record.kind == kind::kPayment) return payment(record);
    return SendOutcome::permanent(QStringLiteral("no sender for kind \"%1\"").arg(record.kind));
}

SendOutcome PoolCommandSender::checkIn(const OutboxRecord& record, const QString& appointment_id,
                                       const QString& appointment_number)
{
    const QString get_what = QStringLiteral("GET Appointment");
    pool::HttpRequest get;
    get.url = url(QStringLiteral("Appointment/") + appointment_id);
    get.headers = {{QByteArrayLiteral("Accept"), kAccept}};
    const Result<pool::HttpResponse> current = transport_->perform(get);
    if (!current) return fromTransport(current.error(), get_what);
    if (current.value().status < 200 || current.value().status > 299)
        return fromStatus(current.value(), get_what);
    const Result<fhir::Appointment> before = fhir::parser::appointment(current.value().body);
    if (!before) {
        return SendOutcome::transient(
            get_what + QStringLiteral(": unreadable reply: ") + before.error().detail, true);
    }
    if (const QString m = mismatchOf(before.value(), appointment_id, appointment_number);
        !m.isEmpty()) {
        return notAboutRequest(get_what, m);
    }
    if (before.value().status == fhir::AppointmentStatus::Arrived) {
        return SendOutcome::done(resultOf(before.value()));  // already done (by us or staff)
    }
    if (isClosed(before.value().status)) {
        // Cancelled (or marked no-show, or entered in error) at the pool while the provisional
        // check-in waited here: no retry can check it in, and the pool would refuse with 409.
        return SendOutcome::permanent(
            QStringLiteral("%1: Appointment/%2 is %3 at the pool; the provisional check-in (and "
                           "its visit number) cannot be confirmed; staff must tell the patient "
                           "at the desk")
                .arg(get_what, appointment_id,
                     fhir::parser::appointmentStatusCode(before.value().status)));
    }

    const QString what = QStringLiteral("POST $check-in");
    pool::HttpRequest post;
    post.method = QByteArrayLiteral("POST");
    post.url = url(QStringLiteral("Appointment/%1/$check-in").arg(appointment_id));
    post.headers = {{QByteArrayLiteral("Accept"), kAccept},
                    {QByteArrayLiteral("If-Match"),
                     QByteArrayLiteral("W/\"") + before.value().version_id.toUtf8() + '"'},
                    {QByteArrayLiteral("Idempotency-Key"), record.idempotency_key.toUtf8()}};
    const Result<pool::HttpResponse> reply = transport_->perform(post);
    if (!reply) return fromTransport(reply.error(), what);
    if (reply.value().status < 200 || reply.value().status > 299)
        return fromStatus(reply.value(), what);
    const Result<fhir::Appointment> after = fhir::parser::appointment(reply.value().body);
    if (!after) return SendOutcome::transient(what + QStringLiteral(": unreadable reply"), true);
    if (const QString m = mismatchOf(after.value(), appointment_id, appointment_number);
        !m.isEmpty()) {
        return notAboutRequest(what, m);
    }
    if (after.value().status != fhir::AppointmentStatus::Arrived)
        return wrongState(what, after.value(), "arrived");
    return SendOutcome::done(resultOf(after.value()));
}

SendOutcome PoolCommandSender::cancel(const OutboxRecord& record, const QString& appointment_id,
                                      const QString& appointment_number)
{
    const QString what = QStringLiteral("POST $cancel");
    pool::HttpRequest post;
    post.method = QByteArrayLiteral("POST");
    post.url = url(QStringLiteral("Appointment/%1/$cancel").arg(appointment_id));
    post.headers = {{QByteArrayLiteral("Accept"), kAccept},
                    {QByteArrayLiteral("Idempotency-Key"), record.idempotency_key.toUtf8()}};
    const Result<pool::HttpResponse> reply = transport_->perform(post);
    if (!reply) return fromTransport(reply.error(), what);
    if (reply.value().status < 200 || reply.value().status > 299)
        return fromStatus(reply.value(), what);
    const Result<fhir::Appointment> after = fhir::parser::appointment(reply.value().body);
    if (!after) return SendOutcome::transient(what + QStringLiteral(": unreadable reply"), true);
    if (const QString m = mismatchOf(after.value(), appointment_id, appointment_number);
        !m.isEmpty()) {
        return notAboutRequest(what, m);
    }
    if (after.value().status != fhir::AppointmentStatus::Cancelled)
        return wrongState(what, after.value(), "cancelled");
    return SendOutcome::done(resultOf(after.value()));
}

SendOutcome PoolCommandSender::payment(const OutboxRecord& record)
{
    const QString what = QStringLiteral("POST $pay");
    const Result<payment::PaymentPayload> p = payment::parsePaymentPayload(record.payload);
    if (!p) return SendOutcome::permanent(p.error().detail);
    const pay::PayResult<QJsonDocument> body = pay::parseExactJson(p.value().request);
    const pay::PayResult<pay::PayRequest> req = body
                                                    ? pay::parsePayParameters(body.value().object())
                                                    : pay::PayResult<pay::PayRequest>(body.error());
    if (!req)
        return SendOutcome::permanent(QStringLiteral("bad $pay body: ") + req.error().message());
    pay::PaymentIntent intent;
    intent.invoiceId = p.value().invoice_id;
    intent.amountShown = req.value().amount;
    intent.method = req.value().method;
    intent.verification = req.value().verification;
    intent.idempotencyKey = record.idempotency_key;
    intent.offline = req.value().offline;
    intent.takenAt = req.value().takenAt;

    pool::HttpRequest post;
    post.method = QByteArrayLiteral("POST");
    post.url = url(QStringLiteral("Invoice/%1/$pay").arg(intent.invoiceId));
    post.body = p.value().request;  // byte for byte what the kiosk stored with this key
    post.headers = {{QByteArrayLiteral("Content-Type"),
                     QByteArrayLiteral("application/fhir+json; charset=utf-8")},
                    {QByteArrayLiteral("Accept"), kAccept},
                    {QByteArrayLiteral("Idempotency-Key"), record.idempotency_key.toUtf8()}};
    const Result<pool::HttpResponse> reply = transport_->perform(post);
    if (!reply) return fromTransport(reply.error(), what);
    const pool::HttpResponse& r = reply.value();
    if (r.status < 200 || r.status > 299) {
        SendOutcome o = fromStatus(r, what);
        if (o.kind != SendOutcome::Kind::NotAuthorised && !o.rule.isEmpty() &&
            (r.status == 409 || r.status == 422)) {
            // The pool refused this payment by a rule (already paid by someone else, over the
            // limit, the bill changed): no retry can change it; staff settle it.
            SendOutcome dead = SendOutcome::permanent(
                QStringLiteral("%1 %2: the pool refuses the payment taken offline")
                    .arg(payment::ruleMarker(o.rule), o.error));
            dead.http_status = o.http_status;
            dead.rule = o.rule;
            return dead;
        }
        if (o.kind == SendOutcome::Kind::Permanent && !o.rule.isEmpty())
            o.error = payment::ruleMarker(o.rule) + QLatin1Char(' ') + o.error;
        return o;
    }
    const pay::PayResult<QJsonDocument> doc = pay::parseExactJson(r.body);
    if (!doc) return SendOutcome::transient(what + QStringLiteral(": unreadable reply"), true);
    const pay::PayResult<pay::PayReply> paid = pay::parsePayReply(doc.value().object(), intent);
    if (!paid) return notAboutRequest(what, paid.error().message());
    if (paid.value().receipt.patientId != p.value().patient_id)
        return notAboutRequest(what, QStringLiteral("the receipt is another patient's"));
    return SendOutcome::done(payment::paymentResult(paid.value()));
}

Status PoolCommandSender::probe()
{
    pool::HttpRequest get;
    QUrl u = url(QStringLiteral("HealthcareService"));
    u.setQuery(QStringLiteral("_count=1"));
    get.url = u;
    get.headers = {{QByteArrayLiteral("Accept"), kAccept}};
    const Result<pool::HttpResponse> reply = transport_->perform(get);
    if (!reply) return reply.error();
    if (reply.value().status < 200 || reply.value().status > 299)
        return pool::reply::httpError(reply.value());
    return fhir::parser::bundle(reply.value().body).ok()
               ? Status(Ok{})
               : Status(makeError(ErrorCode::BadReply, QStringLiteral("probe: unreadable reply")));
}

}  // namespace mk::outbox
