#pragma once

#include <QDate>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace mk::sim {

struct SimOptions {
    QString data_dir;  // state.json lives here; empty = in memory only
    quint16 port = 0;  // 0 = any free port
    quint32 seed = 20261122;
    int latency_ms = 0;
    QString timezone = QStringLiteral("Asia/Shanghai");
    QDate first_day;  // default: today in `timezone`
    int max_bookings_per_patient_per_day = 2;
    // Issuer (hospital id) of the check-in tokens the simulator signs (SimCheckinKey.h).
    QString hospital_id = QStringLiteral("HOSP-DEMO");
    // Bounded resources (docs/pool-protocol.md "Limits"): a request body over this is refused
    // with 413 before it is read; a request whose headers, or then whose body, do not arrive
    // within request_timeout_ms gets 408 and is closed; at most max_connections are served at
    // once (more get 503 at once).
    qint64 max_request_body_bytes = 1024 * 1024;
    int request_timeout_ms = 10000;
    int max_connections = 32;
    // HTTP/1.1 keep-alive (SimConnection): an idle connection closes after keep_alive_idle_ms; a
    // connection serves at most max_requests_per_connection requests (1 = close after each).
    int keep_alive_idle_ms = 5000;
    int max_requests_per_connection = 100;
    // Request-rate limit (SimRateLimit.h, docs/pool-protocol.md "Rate limit and overload"): FHIR
    // and token requests over rate_limit_per_s (0 = none) get 429 with Retry-After;
    // rate_limit_burst 0 = a tenth of the rate.
    double rate_limit_per_s = 0;
    int rate_limit_burst = 0;
    // Kiosk authorisation (SMART Backend Services, SimAuth.h, docs/pool-protocol.md
    // "Authorisation"). require_auth: every FHIR request needs a valid bearer token; false only
    // for tests that are not about authorisation (a request that sends a token is still checked).
    bool require_auth = true;
    int token_lifetime_s = 300;  // access tokens
    int auth_leeway_s = 300;     // clock skew tolerated on an assertion's exp, either way
    // Payments (issue 9, docs/pool-protocol.md "Payments"): the largest credit charge authorised
    // without face (phone digits), and how long a pay-by-phone order stays open.
    qint64 limit_without_face_fen = 20000;  // 200.00
    int phone_order_expiry_s = 120;
};

struct FaultSpec {  // same fields as POST /_sim/faults
    QString
        mode;  // none|5xx|429|malformed|wrong-content-type|oversized|drop|drop-after-commit|hang|
               // hang-after-commit|outage|latency
    int count = 1;  // -1 = until reset
    int latency_ms = 0;
    int retry_after_s = 1;
    QString path_contains;  // only requests whose path contains this
};

// Every FaultSpec::mode the simulator knows (POST /_sim/faults and --fault refuse others).
QStringList faultModes();

// How many outbox commands the simulator applied (the exactly-once oracle of the tests).
struct SimCommandStats {
    int checkins_applied = 0;    // appointments that became arrived through $check-in
    int cancels_applied = 0;     // appointments that became cancelled through $cancel
    int idempotent_replays = 0;  // POSTs answered with the first reply of their Idempotency-Key
    int duplicate_commands = 0;  // $check-in/$cancel executed again on one already done
};

// What the authorisation server counted (SimAuth.h).
struct SimAuthStats;
class SimHttpServer;

class PoolSimulator : public QObject
{  // lives in the thread that calls start()
    Q_OBJECT
public:
    explicit PoolSimulator(SimOptions options, QObject* parent = nullptr);
    ~PoolSimulator() override;
    bool start(QString* error);  // listen; load state
    quint16 port() const;
    QUrl baseUrl() const;  // http://127.0.0.1:PORT/fhir
    void setFault(const FaultSpec& fault);
    void resetState();                // back to the seeded data
    int appointmentsCreated() const;  // records created by POST Appointment (the test oracle)
    SimCommandStats commandStats() const;
    // Test helper: n booked appointments on seeded slots and patients (several may share a
    // slot; no hospital rule applies). Returns their ids.
    QStringList createAppointments(int n);
    // The Ed25519 public key (PEM) that verifies its check-in tokens; derived from the seed.
    QByteArray checkinPublicKeyPem() const;
    // Authorisation (SimAuth.h): the token URL, registering and revoking a kiosk, ending every
    // issued token now (expiry mid-session), the counters.
    QString tokenUrl() const;
    bool registerClient(const QString& client_id, const QByteArray& jwks_json,
                        const QStringList& scopes, QString* error);
    bool revokeClient(const QString& client_id, QString* error);
    void expireTokens();
    SimAuthStats authStats() const;

private:
    SimOptions options_;
    std::unique_ptr<SimHttpServer> server_;
    quint16 port_ = 0;
};

}  // namespace mk::sim
