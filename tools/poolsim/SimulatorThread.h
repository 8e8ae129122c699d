#pragma once

#include "PoolSimulator.h"
#include "SimAuth.h"

#include <QThread>

namespace mk::sim {

// Runs a PoolSimulator on its own QThread (for medkiosk --demo and tests).
class SimulatorThread
{
public:
    explicit SimulatorThread(SimOptions options);
    ~SimulatorThread();  // stops the server and joins the thread
    SimulatorThread(const SimulatorThread&) = delete;
    SimulatorThread& operator=(const SimulatorThread&) = delete;
    bool start(QString* error);  // blocks until listening
    QUrl baseUrl() const;
    void setFault(const FaultSpec& fault);  // thread-safe (blocking to the sim thread)
    int appointmentsCreated() const;        // thread-safe
    SimCommandStats commandStats() const;   // thread-safe
    QStringList createAppointments(int n);  // thread-safe, see PoolSimulator
    // Check-in tokens: the public key (PEM, derived from the seed) and the issuer id.
    QByteArray checkinPublicKeyPem() const;
    QString checkinIssuer() const { return options_.hospital_id; }
    // Authorisation (SimAuth.h), thread-safe.
    QString tokenUrl() const;
    bool registerClient(const QString& client_id, const QByteArray& jwks_json,
                        const QStringList& scopes = {}, QString* error = nullptr);
    bool revokeClient(const QString& client_id);
    void expireTokens();
    SimAuthStats authStats() const;

private:
    SimOptions options_;
    QThread thread_;
    PoolSimulator* sim_ = nullptr;
    QUrl base_url_;
};

}  // namespace mk::sim
