#pragma once

#include "PoolSimulator.h"
#include "SeedData.h"
#include "SimAuth.h"
#include "SimCheckinKey.h"
#include "SimConnection.h"
#include "SimHttp.h"
#include "SimKeyLedger.h"
#include "SimPayments.h"
#include "SimRateLimit.h"
#include "SimState.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QUrlQuery>

namespace mk::sim {

// The HTTP side of the simulator: its own small HTTP/1.1 server on a QTcpServer (bounded
// request size, time and connections: SimConnection), routes, faults and the state.
class SimHttpServer : public QObject
{
public:
    explicit SimHttpServer(SimOptions options);
    // Listens on address:port (0 = any free port); returns the port, 0 on failure.
    quint16 listen(const QHostAddress& address, quint16 port);
    bool loadState(QString* error);
    void setFault(const FaultSpec& fault);
    void resetState();
    int appointmentsCreated() const { return state_.appointments_created; }
    SimCommandStats commandStats() const;
    QStringList createAppointments(int n);  // SimCommands.cpp
    QByteArray checkinPublicKeyPem() const { return checkin_key_->publicKeyPem(); }
    SimAuth& auth() { return *auth_; }
    const SimAuth& auth() const { return *auth_; }

private:
    struct SlotEntry {
        QJsonObject slot;
        QString schedule_id;
        qint64 start_ms = 0;
    };

    void onNewConnection();
    void handleRequest(const SimRequest& request, SimConnection* connection);
    SimReply handleSim(const SimRequest& request, const QString& path);
    // POST /_sim/rate-limit {requests_per_s, burst, max_connections}; GET: its counters.
    SimReply rateLimitControl(const SimRequest& request);
    SimReply route(const SimRequest& request, const QStringList& parts, bool* commit_then_drop);
    SimReply search(const QString& type, const QUrlQuery& query, const QUrl& url);
    SimReply read(const QString& type, const QString& id);
    SimReply book(const SimRequest& request, bool* committed);
    SimReply checkIn(const QString& id, const QByteArray& if_match);
    // SimCommands.cpp: Idempotency-Key replay around route(), $cancel, the applied counters.
    SimReply command(const SimRequest& request, const QStringList& parts, bool* committed);
    SimReply cancel(const QString& id);
    SimReply bundle(const QList<QJsonObject>& matches, const QList<QJsonObject>& includes,
                    const QUrlQuery& query, const QUrl& url) const;
    QJsonObject slotNow(const SlotEntry& entry) const;
    QString baseUrl() const;
    void persist();
    bool takeFault(const QString& path, FaultSpec* out);
    // SimCheckin.cpp: the appointment with its signed check-in token extension.
    QJsonObject withCheckinToken(const QJsonObject& appointment) const;
    // SimCheckinSearch.cpp: Patient?identifier=urn:medkiosk:card|... (check-in by card).
    std::optional<SimReply> checkinSearch(const SimRequest& request, const QStringList& parts);

    SimOptions options_;
    SeedData seed_;
    QList<SlotEntry> slots_;
    QHash<QString, int> slot_index_;
    SimState state_;
    std::unique_ptr<SimPayments> payments_;  // issue 9; uses state_.pay
    FaultSpec fault_;
    QHash<QString, int> requests_per_route_;
    QTcpServer tcp_;
    QList<QPointer<SimConnection>> connections_;  // the ones being served (max_connections)
    SimRateLimit rate_limit_;
    SimKeyLedger key_ledger_;
    std::unique_ptr<SimCheckinKey> checkin_key_;
    std::unique_ptr<SimAuth> auth_;
};

}  // namespace mk::sim
