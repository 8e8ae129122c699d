// Check-in at the kiosk (issue 4, DESIGN §4): scan text -> classify -> verify the signed token
// locally -> this kiosk's earlier check-in of it? -> arrival window -> online: the pool's
// $check-in and its visit number; offline (or a transient failure): the check-in is committed to
// the outbox together with a local record holding a PROVISIONAL number from this kiosk's range;
// when the relay later delivers it, the record takes the pool's number and
// visitNumberConfirmed() tells the UI. Plain appointment numbers are looked up at the pool.
// A refused code sends nothing anywhere. Lives on the UI thread, never blocks it: every call
// runs on the service's worker threads and returns a QFuture (attach with mk::whenFinished(future,
// widget, ...)).
#pragma once

#include "core/checkin/ArrivalTypes.h"
#include "core/checkin/CheckinToken.h"
#include "core/checkin/CheckinTypes.h"
#include "core/pool/PoolClient.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

namespace mk::store {
class Store;
}
namespace mk::outbox {
class Outbox;
class Relay;
}  // namespace mk::outbox

namespace mk::checkin {

class AppointmentLookup;
class ArrivalFinder;

class CheckinService : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;

    // client, store and outbox are required (store and outbox must outlive the service); the
    // lookup uses the client's base URL over lookup_transport (the kiosk's authorised transport),
    // or, when null, over CurlTransport with the client's transport options.
    CheckinService(std::shared_ptr<pool::PoolClient> client, store::Store& store,
                   outbox::Outbox& outbox, CheckinOptions options, QObject* parent = nullptr,
                   std::unique_ptr<pool::HttpTransport> lookup_transport = nullptr);
    ~CheckinService() override;

    void setClock(Clock clock);
    QDateTime now() const;
    const CheckinOptions& options() const { return options_; }
    bool hasKey() const { return verifier_->hasKey(); }

    // The whole flow for one scan (trailing CR/LF and spaces are ignored).
    QFuture<CheckinOutcome> checkIn(const QString& scanned_text);
    // Check-in without the code (issue 12, ArrivalFinder): today's appointments of the patient
    // of a card (its identifier from the card reader) or of a patient id (face sign-in), with
    // their children's for a guardian; offline, today's cached list of the same card / person.
    QFuture<ArrivalList> findByCard(const QString& card_identifier);
    QFuture<ArrivalList> findByPatient(const QString& patient_id);
    // Checks in one appointment of such a list: through its signed token (the same flow as a
    // scan, so offline it gets a provisional number), else through its number.
    QFuture<CheckinOutcome> checkInChosen(const ArrivalItem& item);

    // Confirms provisional records whose outbox command the relay has delivered (start-up, or
    // after a missed signal). Emits visitNumberConfirmed for each.
    QFuture<int> reconcile();

    // Relay::commandFinished -> reconciliation; Relay::connectivityChanged -> online state.
    void attachRelay(outbox::Relay* relay);
    bool online() const { return online_.load(); }

public Q_SLOTS:
    // Known connectivity (BookingService::onlineChanged, the relay). While false, no request is
    // tried: tokens are checked in provisionally at once.
    void setOnline(bool online);

Q_SIGNALS:
    // The pool's number replaced a provisional one (emitted on the service's thread).
    void visitNumberConfirmed(const QString& appointment_id, int visit_number,
                              int provisional_number);

private:
    CheckinOutcome run(const QString& text);
    CheckinOutcome fromClaims(const CheckinClaims& claims, bool from_token);
    CheckinOutcome online(const CheckinClaims& claims, CheckinOutcome outcome);
    CheckinOutcome provisional(const CheckinClaims& claims, CheckinOutcome outcome);
    CheckinOutcome byNumber(const QString& number);
    void confirmFromOutbox(qint64 outbox_id);
    bool confirmRecord(const QString& appointment_id, const QByteArray& result);
    void noteTransport(const Error& error);

    std::shared_ptr<pool::PoolClient> client_;
    store::Store& store_;
    outbox::Outbox& outbox_;
    outbox::Relay* relay_ = nullptr;
    CheckinOptions options_;
    std::unique_ptr<CheckinTokenVerifier> verifier_;
    std::unique_ptr<AppointmentLookup> lookup_;
    std::unique_ptr<ArrivalFinder> finder_;
    Clock clock_;
    QThreadPool workers_;
    std::atomic<bool> online_{true};
};

}  // namespace mk::checkin
