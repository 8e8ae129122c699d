#include "outbox/PoolCommandSender.h"

#include "fhir/FhirParser.h"
#include "pool/CurlTransport.h"
#include "pool/PoolReply.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace mk::outbox {

namespace {

const QByteArray kAccept = QByteArrayLiteral("application/fhir+json");

// The outcome of a non-2xx reply (docs/outbox.md "Outcomes").
SendOutcome fromStatus(const pool::HttpResponse& response, const QString& what)
{
    const Error e = pool::reply::httpError(response);
    const QString detail =
        QStringLiteral("%1: HTTP %2 %3").arg(what).arg(response.status).arg(e.detail);
    const int s = response.status;
    SendOutcome o;
    if (s == 409 || s == 412 || s == 429 || s >= 500) {
        o = SendOutcome::transient(detail, true, e.retry_after_s);
    } else {
        o = SendOutcome::permanent(detail);
    }
    o.http_status = s;
    return o;
}

SendOutcome fromTransport(const Error& e, const QString& what)
{
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
    const QString appointment_id =
        doc.isObject() ? doc.object().value(QStringLiteral("appointment_id")).toString()
                       : QString();
    const bool id_ok = !appointment_id.isEmpty() && !appointment_id.contains(QLatin1Char('/')) &&
                       !appointment_id.contains(QLatin1Char('?')) &&
                       !appointment_id.contains(QLatin1Char('#'));
    if (record.kind == kind::kCheckIn || record.kind == kind::kCancel) {
        if (err.error != QJsonParseError::NoError || !id_ok) {
            return SendOutcome::permanent(
                QStringLiteral("bad payload: an appointment_id is required"));
        }
        return record.kind == kind::kCheckIn ? checkIn(record, appointment_id)
                                             : cancel(record, appointment_id);
    }
    return SendOutcome::permanent(QStringLiteral("no sender for kind \"%1\"").arg(record.kind));
}

SendOutcome PoolCommandSender::checkIn(const OutboxRecord& record, const QString& appointment_id)
{
    pool::HttpRequest get;
    get.url = url(QStringLiteral("Appointment/") + appointment_id);
    get.headers = {{QByteArrayLiteral("Accept"), kAccept}};
    const Result<pool::HttpResponse> current = transport_->perform(get);
    if (!current) return fromTransport(current.error(), QStringLiteral("GET Appointment"));
    if (current.value().status < 200 || current.value().status > 299)
        return fromStatus(current.value(), QStringLiteral("GET Appointment"));
    const Result<fhir::Appointment> before = fhir::parser::appointment(current.value().body);
    if (!before) {
        return SendOutcome::transient(
            QStringLiteral("GET Appointment: unreadable reply: ") + before.error().detail, true);
    }
    if (before.value().status == fhir::AppointmentStatus::Arrived) {
        return SendOutcome::done(resultOf(before.value()));  // already done (by us or staff)
    }

    pool::HttpRequest post;
    post.method = QByteArrayLiteral("POST");
    post.url = url(QStringLiteral("Appointment/%1/$check-in").arg(appointment_id));
    post.headers = {{QByteArrayLiteral("Accept"), kAccept},
                    {QByteArrayLiteral("If-Match"),
                     QByteArrayLiteral("W/\"") + before.value().version_id.toUtf8() + '"'},
                    {QByteArrayLiteral("Idempotency-Key"), record.idempotency_key.toUtf8()}};
    const Result<pool::HttpResponse> reply = transport_->perform(post);
    if (!reply) return fromTransport(reply.error(), QStringLiteral("POST $check-in"));
    if (reply.value().status < 200 || reply.value().status > 299)
        return fromStatus(reply.value(), QStringLiteral("POST $check-in"));
    const Result<fhir::Appointment> after = fhir::parser::appointment(reply.value().body);
    if (!after || after.value().id != appointment_id ||
        after.value().status != fhir::AppointmentStatus::Arrived) {
        return SendOutcome::transient(QStringLiteral("POST $check-in: unreadable reply"), true);
    }
    return SendOutcome::done(resultOf(after.value()));
}

SendOutcome PoolCommandSender::cancel(const OutboxRecord& record, const QString& appointment_id)
{
    pool::HttpRequest post;
    post.method = QByteArrayLiteral("POST");
    post.url = url(QStringLiteral("Appointment/%1/$cancel").arg(appointment_id));
    post.headers = {{QByteArrayLiteral("Accept"), kAccept},
                    {QByteArrayLiteral("Idempotency-Key"), record.idempotency_key.toUtf8()}};
    const Result<pool::HttpResponse> reply = transport_->perform(post);
    if (!reply) return fromTransport(reply.error(), QStringLiteral("POST $cancel"));
    if (reply.value().status < 200 || reply.value().status > 299)
        return fromStatus(reply.value(), QStringLiteral("POST $cancel"));
    const Result<fhir::Appointment> after = fhir::parser::appointment(reply.value().body);
    if (!after || after.value().id != appointment_id ||
        after.value().status != fhir::AppointmentStatus::Cancelled) {
        return SendOutcome::transient(QStringLiteral("POST $cancel: unreadable reply"), true);
    }
    return SendOutcome::done(resultOf(after.value()));
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
