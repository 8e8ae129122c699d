#include "core/pool/PoolClient.h"

#include "core/common/HospitalClock.h"
#include "core/common/Log.h"
#include "core/fhir/FhirSlotPage.h"
#include "core/fhir/FhirUris.h"
#include "core/fhir/FhirWriter.h"
#include "core/pool/CurlTransport.h"
#include "core/pool/PoolReply.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QThread>
#include <QTimeZone>

#include <algorithm>
#include <future>

namespace mk::pool {
namespace {

using Params = QList<QPair<QString, QString>>;

constexpr int kMaxRetryAfterMs = 5000;  // Retry-After is honoured up to this
constexpr int kMaxBackoffMs = 5000;
constexpr int kMaxPages = 500;  // a search never pages further than this
constexpr int kPageSize = 200;  // the pool's maximum _count

const QByteArray kFhirJson = QByteArrayLiteral("application/fhir+json; charset=utf-8");

TransportOptions transportOptions(const PoolOptions& o)
{
    TransportOptions t;
    t.ca_file = o.ca_file;
    t.connect_timeout_ms = o.connect_timeout_ms;
    t.request_timeout_ms = o.request_timeout_ms;
    t.max_reply_bytes = o.max_reply_bytes;
    return t;
}

bool retryable(ErrorCode code)
{
    return code == ErrorCode::Network || code == ErrorCode::Timeout || code == ErrorCode::Server ||
           code == ErrorCode::RateLimited;
}

QTimeZone zoneOf(const QString& name)
{
    return HospitalClock::zoneFor(name);
}

// Midnight of `day` in the hospital's zone, as a FHIR instant with offset.
QString dayStart(const QDate& day, const QTimeZone& zone)
{
    return fhir::writer::instant(day.startOfDay(zone));
}

Error localError(ErrorCode code, const QString& detail)
{
    return makeError(code, detail);
}

template<typename T>
Result<QList<T>> matches(const fhir::Bundle& b, const QString& type,
                         Result<T> (*convert)(const QJsonObject&))
{
    QList<T> out;
    for (const fhir::BundleEntry& e : b.entries) {
        if (e.mode == QLatin1String("include") || e.mode == QLatin1String("outcome")) continue;
        if (e.resource_type == QLatin1String("OperationOutcome")) continue;
        if (e.resource_type != type) {
            return makeError(ErrorCode::BadReply,
                             QStringLiteral("%1 search returned a %2").arg(type, e.resource_type));
        }
        Result<T> item = convert(e.resource);
        if (!item.ok()) return item.error();
        out.append(std::move(item).value());
    }
    return out;
}

}  // namespace

PoolClient::PoolClient(const PoolOptions& options)
    : PoolClient(options, std::make_unique<CurlTransport>(transportOptions(options)))
{}

PoolClient::PoolClient(PoolOptions options, std::unique_ptr<HttpTransport> transport)
    : options_(std::move(options)), transport_(std::move(transport))
{}

PoolClient::~PoolClient() = default;

QUrl PoolClient::url(const QString& path, const Params& params) const
{
    QUrl u = options_.base_url;
    QString base_path = u.path();
    while (base_path.endsWith(QLatin1Char('/'))) base_path.chop(1);
    u.setPath(base_path + QLatin1Char('/') + path);
    QStringList pairs;
    for (const auto& [key, value] : params) {
        pairs.append(QString::fromLatin1(QUrl::toPercentEncoding(key) + '=' +
                                         QUrl::toPercentEncoding(value, ",:")));
    }
    u.setQuery(pairs.isEmpty() ? QString() : pairs.join(QLatin1Char('&')), QUrl::StrictMode);
    return u;
}

Result<HttpResponse> PoolClient::send(const HttpRequest& request, bool idempotent,
                                      qint64* elapsed_us)
{
    const int attempts = idempotent ? std::max(1, options_.max_attempts) : 1;
    const QString what = QString::fromLatin1(request.method) + QLatin1Char(' ') +
                         request.url.path();  // never the query: it can hold personal data
    Error last;
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        stats_.requests.fetch_add(1);
        QElapsedTimer attempt_timer;
        attempt_timer.start();
        Result<HttpResponse> r = transport_->perform(request);
        if (elapsed_us) *elapsed_us += attempt_timer.nsecsElapsed() / 1000;
        if (r.ok()) {
            const HttpResponse& resp = r.value();
            qCDebug(lcPool).noquote() << what << resp.status << resp.elapsed_ms << "ms";
            if (resp.status >= 200 && resp.status < 300) {
                const Status content = reply::checkSuccess(resp);
                if (content.ok()) return r;
                last = content.error();
            } else {
                last = reply::httpError(resp);
            }
        } else {
            last = r.error();
            qCInfo(lcPool).noquote() << what << "failed:" << last.detail;
        }
        // At shutdown (CurlTransport::abortRequests) a retry would only fail again, after a wait.
        if (!retryable(last.code) || attempt == attempts || CurlTransport::requestsAborted()) break;
        stats_.retries.fetch_add(1);
        const qint64 ceiling_ms =
            std::min<qint64>(kMaxBackoffMs, qint64(std::max(1, options_.backoff_base_ms))
                                                << std::min(attempt - 1, 16));
        qint64 wait_ms = qint64(QRandomGenerator::global()->bounded(quint64(ceiling_ms) + 1));
        if (last.retry_after_s >= 0) {
            wait_ms = std::max<qint64>(
                wait_ms, std::min<qint64>(qint64(last.retry_after_s) * 1000, kMaxRetryAfterMs));
        }
        qCInfo(lcPool).noquote() << what << "retry" << attempt << "of" << attempts - 1 << "in"
                                 << wait_ms << "ms";
        QThread::msleep(static_cast<unsigned long>(wait_ms));
    }
    stats_.failures.fetch_add(1);
    if (last.detail.isEmpty())
        last.detail = what;
    else
        last.detail = what + QStringLiteral(": ") + last.detail;
    qCWarning(lcPool).noquote() << "failed:" << last.detail;
    return last;
}

Result<fhir::Bundle> PoolClient::searchAll(
    const QString& type, const Params& params,
    const std::function<Status(const fhir::Bundle& page)>& each_page, const PlainReader& plain_page)
{
    Params with_count = params;
    with_count.append({QStringLiteral("_count"), QString::number(kPageSize)});
    QUrl next = url(type, with_count);
    fhir::Bundle all;
    QSet<QString> seen;
    const auto get = [this](const QUrl& page_url) {
        HttpRequest req;
        req.url = page_url;
        req.headers.append(
            {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/fhir+json")});
        return send(req, true);
    };
    // The next page asked for while this one is parsed (issue 13), when the transport may serve
    // two threads: its URL from a first look at the link (fhir::parser::peekNextLink), used only
    // when the full parse finds the same next link.
    const bool prefetch = options_.prefetch_next_page && transport_->threadSafe();
    QUrl prefetched_url;
    std::future<Result<HttpResponse>> prefetched;
    for (int page = 0; next.isValid() && !next.isEmpty(); ++page) {
        if (page >= kMaxPages || seen.contains(next.toString())) {
            return localError(ErrorCode::BadReply,
                              QStringLiteral("%1 search: paging does not end").arg(type));
        }
        seen.insert(next.toString());
        const auto fetch = [&]() -> Result<HttpResponse> {
            if (prefetched.valid()) {
                if (prefetched_url == next) return prefetched.get();
                prefetched.wait();  // a guess the full parse did not confirm: dropped
                prefetched = {};
            }
            return get(next);
        };
        Result<HttpResponse> resp = fetch();
        prefetched_url.clear();
        if (!resp.ok()) return resp.error();
        if (prefetch) {
            const QUrl guess = fhir::parser::peekNextLink(resp.value().body, options_.base_url);
            if (!guess.isEmpty() && !seen.contains(guess.toString()) && page + 1 < kMaxPages) {
                prefetched_url = guess;
                prefetched = std::async(std::launch::async, get, guess);
            }
        }
        if (plain_page) {
            if (std::optional<PlainPage> plain = plain_page(resp.value().body)) {
                if (page == 0) all.total = plain->total;
                next = plain->next;
                continue;
            }
        }
        Result<fhir::Bundle> b = fhir::parser::bundle(resp.value().body, options_.base_url);
        if (!b.ok() || b.value().type != QLatin1String("searchset")) {
            Error e = b.ok() ? localError(ErrorCode::BadReply,
                                          QStringLiteral("Bundle.type: searchset expected"))
                             : b.error();
            e.detail = QStringLiteral("GET %1: %2").arg(type, e.detail);
            stats_.failures.fetch_add(1);
            qCWarning(lcPool).noquote() << "bad reply:" << e.detail;
            return e;
        }
        if (page == 0) all.total = b.value().total;
        if (each_page) {
            if (Status s = each_page(b.value()); !s) return s.error();
        } else {
            all.entries.append(b.value().entries);
        }
        next = b.value().next;
    }
    return all;
}

Result<QList<fhir::Department>> PoolClient::departments()
{
    Result<fhir::Bundle> b = searchAll(QStringLiteral("HealthcareService"),
                                       {{QStringLiteral("active"), QStringLiteral("true")}});
    if (!b.ok()) return b.error();
    return matches<fhir::Department>(b.value(), QStringLiteral("HealthcareService"),
                                     &fhir::parser::departmentFromJson);
}

Result<QList<fhir::Doctor>> PoolClient::doctors(const QString& department_id)
{
    if (department_id.isEmpty())
        return localError(ErrorCode::BadRequest, QStringLiteral("no department"));
    Result<fhir::Bundle> b =
        searchAll(QStringLiteral("Schedule"),
                  {{QStringLiteral("actor"), QStringLiteral("HealthcareService/") + department_id},
                   {QStringLiteral("_include"), QStringLiteral("Schedule:actor:Practitioner")}});
    if (!b.ok()) return b.error();
    return fhir::parser::doctorsFromBundle(b.value());
}

Result<QList<fhir::Slot>> PoolClient::slots(const SlotQuery& query)
{
    if (query.schedule_ids.isEmpty() || !query.day.isValid()) {
        return localError(ErrorCode::BadRequest,
                          QStringLiteral("slot query without schedules or day"));
    }
    const QTimeZone zone = zoneOf(options_.timezone);
    // Typed references (Schedule/{id}): a bare id is allowed by FHIR but not matched by every
    // server (Medplum's in-memory repository finds nothing; tests/interop).
    QStringList schedules;
    for (const QString& id : query.schedule_ids) schedules.append(QStringLiteral("Schedule/") + id);
    Params params{
        {QStringLiteral("schedule"), schedules.join(QLatin1Char(','))},
        {QStringLiteral("start"), QStringLiteral("ge") + dayStart(query.day, zone)},
        {QStringLiteral("start"), QStringLiteral("lt") + dayStart(query.day.addDays(1), zone)}};
    if (query.free_only) params.append({QStringLiteral("status"), QStringLiteral("free")});
    // Each page's slots read while the next page is on its way (issue 13); a well-formed page in
    // one pass over its text (fhir::parser::plainSlotPage), any other through the checked parser.
    QList<fhir::Slot> found;
    const auto checked = [&found](const fhir::Bundle& page) -> Status {
        Result<QList<fhir::Slot>> slots =
            matches<fhir::Slot>(page, QStringLiteral("Slot"), &fhir::parser::slotFromJson);
        if (!slots.ok()) return slots.error();
        found.append(std::move(slots).value());
        return Ok{};
    };
    const QUrl origin = options_.base_url;
    const auto plain = [&found, &origin](const QByteArray& body) -> std::optional<PlainPage> {
        std::optional<fhir::SlotPage> page = fhir::parser::plainSlotPage(body, origin);
        if (!page) return std::nullopt;
        found.append(std::move(page->slots));
        return PlainPage{page->total, page->next};
    };
    Result<fhir::Bundle> b = searchAll(QStringLiteral("Slot"), params, checked, plain);
    if (!b.ok()) return b.error();
    return found;
}

Result<QList<fhir::Patient>> PoolClient::findPatients(const PatientQuery& query)
{
    Params params;
    if (!query.patient_number.isEmpty()) {
        params.append({QStringLiteral("identifier"), QString(fhir::uri::kPatientNumber) +
                                                         QLatin1Char('|') + query.patient_number});
    } else if (!query.phone.isEmpty()) {
        params.append({QStringLiteral("phone"), query.phone});
    } else {
        return localError(ErrorCode::BadRequest,
                          QStringLiteral("patient query without number or phone"));
    }
    if (query.birth_date.isValid()) {
        params.append({QStringLiteral("birthdate"), query.birth_date.toString(Qt::ISODate)});
    }
    Result<fhir::Bundle> b = searchAll(QStringLiteral("Patient"), params);
    if (!b.ok()) return b.error();
    Result<QList<fhir::Patient>> found = matches<fhir::Patient>(
        b.value(), QStringLiteral("Patient"), &fhir::parser::patientFromJson);
    // FHIR's lenient default lets a server ignore a parameter it does not support, which would
    // list other patients: every result must match what was asked (tests/interop).
    for (const fhir::Patient& p : found.ok() ? found.value() : QList<fhir::Patient>{}) {
        if ((!query.patient_number.isEmpty() && p.patient_number != query.patient_number) ||
            (query.birth_date.isValid() && p.birth_date != query.birth_date)) {
            stats_.failures.fetch_add(1);
            return localError(ErrorCode::BadReply,
                              QStringLiteral("GET Patient: a patient who does not match"));
        }
    }
    return found;
}

Result<QList<fhir::Patient>> PoolClient::dependents(const QString& guardian_patient_id)
{
    if (guardian_patient_id.isEmpty())
        return localError(ErrorCode::BadRequest, QStringLiteral("no guardian"));
    Result<fhir::Bundle> b =
        searchAll(QStringLiteral("Patient"),
                  {{QStringLiteral("guardian"), QStringLiteral("Patient/") + guardian_patient_id}});
    if (!b.ok()) return b.error();
    Result<QList<fhir::Patient>> children = matches<fhir::Patient>(
        b.value(), QStringLiteral("Patient"), &fhir::parser::patientFromJson);
    // guardian is this hospital's extension: a standard server that ignores it would list
    // every patient. Only the guardian's own children are ever shown.
    for (const fhir::Patient& p : children.ok() ? children.value() : QList<fhir::Patient>{}) {
        if (p.guardian_id != guardian_patient_id) {
            stats_.failures.fetch_add(1);
            return localError(ErrorCode::BadReply,
                              QStringLiteral("GET Patient?guardian: not a child of the guardian"));
        }
    }
    return children;
}

Result<fhir::Patient> PoolClient::patient(const QString& patient_id)
{
    // FHIR ids: [A-Za-z0-9-.]{1,64}; anything else could change the path.
    static const QRegularExpression fhir_id(QStringLiteral("^[A-Za-z0-9.\\-]{1,64}$"));
    if (!fhir_id.match(patient_id).hasMatch())
        return localError(ErrorCode::BadRequest, QStringLiteral("not a patient id"));
    HttpRequest req;
    req.url = url(QStringLiteral("Patient/") + patient_id, {});
    req.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/fhir+json")});
    Result<HttpResponse> resp = send(req, true);
    if (!resp.ok()) return resp.error();
    Result<fhir::Patient> p = fhir::parser::patient(resp.value().body);
    if (!p.ok()) {
        Error e = p.error();
        e.detail = QStringLiteral("GET Patient: ") + e.detail;
        stats_.failures.fetch_add(1);
        return e;
    }
    if (p.value().id != patient_id) {
        stats_.failures.fetch_add(1);
        return localError(ErrorCode::BadReply, QStringLiteral("GET Patient: another patient"));
    }
    return p;
}

Result<QList<fhir::Appointment>> PoolClient::appointmentsOf(const QString& patient_id,
                                                            const QDate& from,
                                                            const QDate& to_exclusive)
{
    if (patient_id.isEmpty() || !from.isValid() || !to_exclusive.isValid()) {
        return localError(ErrorCode::BadRequest, QStringLiteral("appointment query incomplete"));
    }
    const QTimeZone zone = zoneOf(options_.timezone);
    Result<fhir::Bundle> b =
        searchAll(QStringLiteral("Appointment"),
                  {{QStringLiteral("patient"), QStringLiteral("Patient/") + patient_id},
                   {QStringLiteral("date"), QStringLiteral("ge") + dayStart(from, zone)},
                   {QStringLiteral("date"), QStringLiteral("lt") + dayStart(to_exclusive, zone)}});
    if (!b.ok()) return b.error();
    return matches<fhir::Appointment>(b.value(), QStringLiteral("Appointment"),
                                      &fhir::parser::appointmentFromJson);
}

Result<fhir::Appointment> PoolClient::book(const BookingRequest& request)
{
    if (request.client_identifier.isEmpty() || request.slot.id.isEmpty() ||
        request.patient_id.isEmpty()) {
        return localError(ErrorCode::BadRequest,
                          QStringLiteral("booking without identifier, slot or patient"));
    }
    fhir::Appointment a;
    a.client_identifier = request.client_identifier;
    a.slot_id = request.slot.id;
    a.start = request.slot.start;
    a.end = request.slot.end;
    a.patient_id = request.patient_id;
    a.practitioner_id = request.practitioner_id;
    a.department_id = request.department_id;
    HttpRequest req;
    req.method = QByteArrayLiteral("POST");
    req.url = url(QStringLiteral("Appointment"), {});
    req.body = fhir::writer::bookingAppointment(a);
    req.headers = {{QByteArrayLiteral("Content-Type"), kFhirJson},
                   {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/fhir+json")},
                   {QByteArrayLiteral("If-None-Exist"),
                    QByteArrayLiteral("identifier=") + QByteArray(fhir::uri::kBooking.data()) +
                        '|' + request.client_identifier.toUtf8()}};
    // Conditional create with the same identifier: safe to repeat, so retried like a GET.
    Result<HttpResponse> resp = send(req, true);
    if (!resp.ok()) return resp.error();
    Result<fhir::Appointment> stored = fhir::parser::appointment(resp.value().body);
    if (stored.ok() && stored.value().client_identifier != request.client_identifier) {
        return localError(ErrorCode::BadReply,
                          QStringLiteral("POST Appointment: reply is another booking"));
    }
    if (!stored.ok()) {
        Error e = stored.error();
        e.detail = QStringLiteral("POST Appointment: ") + e.detail;
        return e;
    }
    qCInfo(lcPool).noquote() << "booked" << stored.value().id;
    return stored;
}

Result<fhir::Appointment> PoolClient::checkIn(const QString& appointment_id,
                                              const QString& version_id)
{
    if (appointment_id.isEmpty())
        return localError(ErrorCode::BadRequest, QStringLiteral("no appointment"));
    HttpRequest req;
    req.method = QByteArrayLiteral("POST");
    req.url = url(QStringLiteral("Appointment/%1/$check-in").arg(appointment_id), {});
    req.headers = {
        {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/fhir+json")},
        {QByteArrayLiteral("If-Match"), QByteArrayLiteral("W/\"") + version_id.toUtf8() + '"'}};
    Result<HttpResponse> resp = send(req, false);
    if (!resp.ok()) return resp.error();
    Result<fhir::Appointment> a = fhir::parser::appointment(resp.value().body);
    if (!a.ok()) {
        Error e = a.error();
        e.detail = QStringLiteral("POST $check-in: ") + e.detail;
        return e;
    }
    if (a.value().id != appointment_id) {
        return localError(ErrorCode::BadReply,
                          QStringLiteral("POST $check-in: another appointment"));
    }
    return a;
}

Status PoolClient::probe()
{
    HttpRequest req;
    req.url =
        url(QStringLiteral("HealthcareService"), {{QStringLiteral("_count"), QStringLiteral("1")}});
    req.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/fhir+json")});
    Result<HttpResponse> resp = send(req, false);
    if (!resp.ok()) return resp.error();
    Result<fhir::Bundle> b = fhir::parser::bundle(resp.value().body);
    if (!b.ok()) return b.error();
    return Ok{};
}

}  // namespace mk::pool
