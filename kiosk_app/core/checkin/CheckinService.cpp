#include "core/checkin/CheckinService.h"

#include "core/checkin/AppointmentLookup.h"
#include "core/checkin/ArrivalFinder.h"
#include "core/checkin/CheckinRecords.h"
#include "core/common/HospitalClock.h"
#include "core/common/Log.h"
#include "core/common/Masking.h"
#include "core/outbox/Outbox.h"
#include "core/outbox/OutboxRecord.h"
#include "core/outbox/Relay.h"
#include "core/pool/CurlTransport.h"
#include "core/store/Store.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentRun>

namespace mk::checkin {

namespace {

constexpr qint64 kNumberTokenLifetimeS = 24 * 3600;

bool isOfflineError(const Error& e)
{
    return e.isTransient();
}

// "A20261123-0042", or the booking flow's "MKAPPT:A20261123-0042".
QString appointmentNumberOf(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^(?:MKAPPT:)?(A\\d{8}-\\d{4})$"));
    const auto m = re.match(text);
    return m.hasMatch() ? m.captured(1) : QString();
}

CheckinOutcome failed(CheckinOutcome outcome, CheckinStatus status, const Error& error)
{
    outcome.status = status;
    outcome.error = error;
    return outcome;
}

}  // namespace

CheckinService::CheckinService(std::shared_ptr<pool::PoolClient> client, store::Store& store,
                               outbox::Outbox& outbox, CheckinOptions options, QObject* parent,
                               std::unique_ptr<pool::HttpTransport> lookup_transport)
    : QObject(parent),
      client_(std::move(client)),
      store_(store),
      outbox_(outbox),
      options_(std::move(options)),
      verifier_(std::make_unique<CheckinTokenVerifier>(options_.pool_public_key_pem,
                                                       options_.hospital_id))
{
    qRegisterMetaType<CheckinOutcome>();
    qRegisterMetaType<ArrivalList>();
    if (!lookup_transport) {
        pool::TransportOptions t;
        t.ca_file = client_->options().ca_file;
        t.connect_timeout_ms = client_->options().connect_timeout_ms;
        t.request_timeout_ms = client_->options().request_timeout_ms;
        t.max_reply_bytes = client_->options().max_reply_bytes;
        lookup_transport = std::make_unique<pool::CurlTransport>(t);
    }
    lookup_ = std::make_unique<AppointmentLookup>(client_->options().base_url,
                                                  std::move(lookup_transport));
    finder_ = std::make_unique<ArrivalFinder>(*client_, *lookup_, store_, options_);
    workers_.setMaxThreadCount(2);
    if (!verifier_->hasKey()) {
        qCWarning(lcBooking) << "check-in: no usable pool public key:" << verifier_->keyError();
    }
}

CheckinService::~CheckinService()
{
    workers_.waitForDone();
}

void CheckinService::setClock(Clock clock)
{
    clock_ = std::move(clock);
}

QDateTime CheckinService::now() const
{
    return clock_ ? clock_() : QDateTime::currentDateTimeUtc();
}

void CheckinService::setOnline(bool online)
{
    online_.store(online);
}

void CheckinService::attachRelay(outbox::Relay* relay)
{
    relay_ = relay;
    connect(relay, &outbox::Relay::commandFinished, this, [this](qint64 id, const QString& state) {
        if (state == QLatin1String("sent")) {
            (void)QtConcurrent::run(&workers_, [this, id] { confirmFromOutbox(id); });
        }
    });
    connect(relay, &outbox::Relay::connectivityChanged, this, &CheckinService::setOnline);
}

QFuture<CheckinOutcome> CheckinService::checkIn(const QString& scanned_text)
{
    return QtConcurrent::run(&workers_, [this, scanned_text] {
        QElapsedTimer timer;
        timer.start();
        CheckinOutcome o = run(scanned_text.trimmed());
        o.elapsed_ms = timer.elapsed();
        qCInfo(lcBooking) << "check-in:" << checkinStatusName(o.status) << verdictName(o.verdict)
                          << (o.record.provisional ? "provisional" : "") << o.elapsed_ms << "ms";
        return o;
    });
}

QFuture<ArrivalList> CheckinService::findByCard(const QString& card_identifier)
{
    return QtConcurrent::run(&workers_, [this, card_identifier] {
        QElapsedTimer timer;
        timer.start();
        ArrivalList l = finder_->byCard(card_identifier, now(), online_.load());
        if (l.status == ArrivalStatus::Failed) noteTransport(l.error);
        l.elapsed_ms = timer.elapsed();
        qCInfo(lcBooking) << "check-in by card:" << arrivalStatusName(l.status) << l.today.size()
                          << "today" << (l.from_cache ? "(cached)" : "") << l.elapsed_ms << "ms";
        return l;
    });
}

QFuture<ArrivalList> CheckinService::findByPatient(const QString& patient_id)
{
    return QtConcurrent::run(&workers_, [this, patient_id] {
        QElapsedTimer timer;
        timer.start();
        ArrivalList l = finder_->byPatient(patient_id, now(), online_.load());
        if (l.status == ArrivalStatus::Failed) noteTransport(l.error);
        l.elapsed_ms = timer.elapsed();
        qCInfo(lcBooking) << "check-in by face:" << arrivalStatusName(l.status) << l.today.size()
                          << "today" << (l.from_cache ? "(cached)" : "") << l.elapsed_ms << "ms";
        return l;
    });
}

QFuture<CheckinOutcome> CheckinService::checkInChosen(const ArrivalItem& item)
{
    const QString text =
        item.checkin_token.isEmpty() ? item.appointment_number : item.checkin_token;
    return checkIn(text);
}

CheckinOutcome CheckinService::run(const QString& text)
{
    if (token::hasPrefix(text)) {
        const TokenCheck check = verifier_->verify(text, now());
        if (!check.valid()) {
            CheckinOutcome o;
            o.from_token = true;
            o.status = CheckinStatus::Refused;
            o.verdict = check.verdict;
            o.error = makeError(
                check.verdict == TokenVerdict::NoKey ? ErrorCode::Config : ErrorCode::BadRequest,
                check.detail);
            return o;
        }
        CheckinOutcome o = fromClaims(check.claims, true);
        o.verdict = TokenVerdict::Valid;
        return o;
    }
    const QString number = appointmentNumberOf(text);
    if (!number.isEmpty()) return byNumber(number);
    CheckinOutcome o;
    o.status = CheckinStatus::Refused;
    o.verdict = TokenVerdict::NotAToken;
    o.error = makeError(ErrorCode::BadRequest, QStringLiteral("not an appointment code"));
    return o;
}

CheckinOutcome CheckinService::fromClaims(const CheckinClaims& claims, bool from_token)
{
    CheckinOutcome o;
    o.from_token = from_token;
    o.slot_start = QDateTime::fromSecsSinceEpoch(claims.slot_start_s,
                                                 HospitalClock::zoneFor(options_.timezone));
    o.window_opens = o.slot_start.addSecs(-qint64(options_.early_minutes) * 60);
    o.window_closes = o.slot_start.addSecs(qint64(options_.late_minutes) * 60);
    o.record.appointment_id = claims.appointment_id;
    o.record.appointment_number = claims.appointment_number;
    o.record.patient_name_masked = claims.patient_name_masked;
    o.record.department_id = claims.department_id;
    o.record.practitioner_id = claims.practitioner_id;
    o.record.slot_start_s = claims.slot_start_s;

    // This kiosk checked it in already: the same number again, nothing sent.
    std::optional<CheckinRecord> existing;
    Status read = store_.withTransaction([&](store::SqlCipherDb& db) -> Status {
        auto found = records::find(db, claims.appointment_id);
        if (!found) return found.error();
        existing = found.value();
        return Ok{};
    });
    if (!read) return failed(o, CheckinStatus::Failed, read.error());
    if (existing) {
        o.status = CheckinStatus::CheckedIn;
        o.repeated = true;
        o.record = *existing;
        return o;
    }
    const QDateTime t = now();
    if (t < o.window_opens) {
        o.other_day = t.toTimeZone(o.slot_start.timeZone()).date() != o.slot_start.date();
        return failed(o, CheckinStatus::TooEarly, Error{});
    }
    if (t > o.window_closes) return failed(o, CheckinStatus::TooLate, Error{});
    if (!online_.load()) return provisional(claims, o);
    return online(claims, o);
}

CheckinOutcome CheckinService::online(const CheckinClaims& claims, CheckinOutcome o)
{
    int visit_number = 0;
    for (int attempt = 0; attempt < 2 && visit_number == 0; ++attempt) {
        auto placed = lookup_->placedAppointment(claims.appointment_id);
        Result<fhir::Appointment> current =
            placed ? Result<fhir::Appointment>(placed.value().appointment)
                   : Result<fhir::Appointment>(placed.error());
        if (!current) {
            if (isOfflineError(current.error())) {
                noteTransport(current.error());
                return provisional(claims, o);
            }
            return failed(o,
                          current.error().code == ErrorCode::NotFound ? CheckinStatus::NotFound
                                                                      : CheckinStatus::Failed,
                          current.error());
        }
        const fhir::Appointment& a = current.value();
        if (a.id != claims.appointment_id) {
            return failed(o, CheckinStatus::Failed,
                          makeError(ErrorCode::BadReply,
                                    QStringLiteral("the pool answered about another appointment")));
        }
        if (a.status == fhir::AppointmentStatus::Cancelled) {
            return failed(o, CheckinStatus::Cancelled,
                          makeError(ErrorCode::Conflict, QStringLiteral("cancelled")));
        }
        if (a.status == fhir::AppointmentStatus::Arrived && a.visit_sequence > 0) {
            visit_number = a.visit_sequence;  // checked in elsewhere (desk, another kiosk)
            break;
        }
        // Another building or floor: where to go instead; nothing is checked in here.
        o.place = ArrivalFinder::placeOf(options_, placed.value().building, placed.value().floor);
        if (o.place != ArrivalPlace::Here) {
            o.building = placed.value().building;
            o.floor = placed.value().floor;
            return failed(o, CheckinStatus::Elsewhere, Error{});
        }
        auto done = client_->checkIn(a.id, a.version_id);
        if (done && done.value().id != a.id) {
            // A reply about another appointment is not this patient's number (issue 14).
            return failed(
                o, CheckinStatus::Failed,
                makeError(ErrorCode::BadReply,
                          QStringLiteral("$check-in reply is about another appointment")));
        }
        if (done) {
            visit_number = done.value().visit_sequence;
            if (visit_number <= 0) {
                return failed(o, CheckinStatus::Failed,
                              makeError(ErrorCode::BadReply, QStringLiteral("no visit number")));
            }
        } else if (isOfflineError(done.error())) {
            // Maybe applied, maybe not: the outbox repeats it safely (GET first, then If-Match).
            noteTransport(done.error());
            return provisional(claims, o);
        } else if (done.error().code != ErrorCode::Conflict || attempt == 1) {
            return failed(o, CheckinStatus::Failed, done.error());
        }  // 412: the appointment changed since it was read; read it again once
    }
    o.record.provisional = false;
    o.record.visit_number = visit_number;
    o.record.checked_in_at = now();
    std::optional<CheckinRecord> raced;
    Status saved = store_.withTransaction([&](store::SqlCipherDb& db) -> Status {
        auto found = records::find(db, claims.appointment_id);
        if (!found) return found.error();
        if (found.value()) {
            raced = found.value();
            return Ok{};
        }
        return records::insert(db, o.record);
    });
    if (!saved) return failed(o, CheckinStatus::Failed, saved.error());
    if (raced) {
        o.record = *raced;
        o.repeated = true;
    }
    o.status = CheckinStatus::CheckedIn;
    return o;
}

CheckinOutcome CheckinService::provisional(const CheckinClaims& claims, CheckinOutcome o)
{
    if (!o.from_token) {  // only a locally verified token may be checked in without the pool
        return failed(o, CheckinStatus::NeedsPool,
                      makeError(ErrorCode::Offline, QStringLiteral("the pool is needed")));
    }
    o.record.provisional = true;
    o.record.checked_in_at = now();
    std::optional<CheckinRecord> raced;
    const Error kRaced = makeError(ErrorCode::Conflict, QStringLiteral("already checked in"));
    auto enqueued = outbox_.enqueue(
        outbox::checkInCommand(claims.appointment_id, claims.appointment_number),
        [&](store::SqlCipherDb& db) -> Status {
            auto found = records::find(db, claims.appointment_id);
            if (!found) return found.error();
            if (found.value()) {  // a concurrent scan of the same code won: no second command
                raced = found.value();
                return kRaced;
            }
            auto number = records::nextProvisional(
                db, options_.kiosk_id, options_.provisional_first, options_.provisional_last);
            if (!number) return number.error();
            o.record.provisional_number = number.value();
            o.record.visit_number = number.value();
            return records::insert(db, o.record);
        });
    if (raced) {
        o.record = *raced;
        o.repeated = true;
        o.status = CheckinStatus::CheckedIn;
        return o;
    }
    if (!enqueued) return failed(o, CheckinStatus::Failed, enqueued.error());
    if (relay_ != nullptr) relay_->wake();
    o.status = CheckinStatus::CheckedIn;
    return o;
}

CheckinOutcome CheckinService::byNumber(const QString& number)
{
    CheckinOutcome o;
    o.record.appointment_number = number;
    const Error offline = makeError(ErrorCode::Offline, QStringLiteral("the pool is needed"));
    if (!online_.load()) return failed(o, CheckinStatus::NeedsPool, offline);
    auto a = lookup_->appointmentByNumber(number);
    if (!a) {
        if (isOfflineError(a.error())) {
            noteTransport(a.error());
            return failed(o, CheckinStatus::NeedsPool, a.error());
        }
        return failed(
            o,
            a.error().code == ErrorCode::NotFound ? CheckinStatus::NotFound : CheckinStatus::Failed,
            a.error());
    }
    auto patient = lookup_->patient(a.value().patient_id);
    if (!patient && isOfflineError(patient.error())) {
        noteTransport(patient.error());
        return failed(o, CheckinStatus::NeedsPool, patient.error());
    }
    CheckinClaims c;
    c.appointment_id = a.value().id;
    c.appointment_number = number;
    c.patient_id = a.value().patient_id;
    c.patient_name_masked = patient ? maskName(patient.value().name.zh) : QString();
    c.department_id = a.value().department_id;
    c.practitioner_id = a.value().practitioner_id;
    c.slot_start_s = a.value().start.toSecsSinceEpoch();
    c.issuer = options_.hospital_id;
    c.expires_s = c.slot_start_s + kNumberTokenLifetimeS;
    return fromClaims(c, false);
}

void CheckinService::noteTransport(const Error& error)
{
    if (error.code == ErrorCode::Network || error.code == ErrorCode::Timeout) {
        online_.store(false);  // back to true through the relay's connectivityChanged
    }
}

void CheckinService::confirmFromOutbox(qint64 outbox_id)
{
    auto rec = outbox_.record(outbox_id);
    if (!rec || !rec.value() || rec.value()->kind != outbox::kind::kCheckIn ||
        rec.value()->state != outbox::CommandState::Sent) {
        return;
    }
    const QJsonObject payload = QJsonDocument::fromJson(rec.value()->payload).object();
    confirmRecord(payload.value(QStringLiteral("appointment_id")).toString(), rec.value()->result);
}

bool CheckinService::confirmRecord(const QString& appointment_id, const QByteArray& result)
{
    const int visit =
        QJsonDocument::fromJson(result).object().value(QStringLiteral("visit_sequence")).toInt(0);
    if (appointment_id.isEmpty() || visit <= 0) return false;
    int provisional_number = 0;
    bool changed = false;
    Status s = store_.withTransaction([&](store::SqlCipherDb& db) -> Status {
        auto found = records::find(db, appointment_id);
        if (!found) return found.error();
        if (!found.value() || !found.value()->provisional) return Ok{};
        provisional_number = found.value()->provisional_number;
        auto c = records::confirm(db, appointment_id, visit, now().toMSecsSinceEpoch());
        if (!c) return c.error();
        changed = c.value();
        return Ok{};
    });
    if (!s) {
        qCWarning(lcBooking) << "check-in: cannot confirm a provisional number:"
                             << s.error().detail;
        return false;
    }
    if (changed) {
        QMetaObject::invokeMethod(
            this,
            [this, appointment_id, visit, provisional_number] {
                Q_EMIT visitNumberConfirmed(appointment_id, visit, provisional_number);
            },
            Qt::QueuedConnection);
    }
    return changed;
}

QFuture<int> CheckinService::reconcile()
{
    return QtConcurrent::run(&workers_, [this] {
        int count = 0;
        QList<CheckinRecord> pending;
        Status s = store_.withTransaction([&](store::SqlCipherDb& db) -> Status {
            auto p = records::provisional(db);
            if (!p) return p.error();
            pending = p.value();
            return Ok{};
        });
        if (!s || pending.isEmpty()) return 0;
        auto sent = outbox_.list(outbox::CommandState::Sent, 100000);
        if (!sent) return 0;
        for (const CheckinRecord& r : std::as_const(pending)) {
            for (const outbox::OutboxRecord& o : std::as_const(sent.value())) {
                if (o.kind == outbox::kind::kCheckIn &&
                    o.ordering_key == outbox::appointmentOrderingKey(r.appointment_id) &&
                    confirmRecord(r.appointment_id, o.result)) {
                    ++count;
                    break;
                }
            }
        }
        return count;
    });
}

}  // namespace mk::checkin
