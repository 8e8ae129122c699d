#pragma once

#include "PoolSimulator.h"
#include "SeedData.h"
#include "SimCheckinKey.h"
#include "SimState.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QTcpSocket>
#include <QUrlQuery>

namespace mk::sim {

struct SimReply {
    int status = 200;
    QByteArray body;
    QByteArray content_type = QByteArrayLiteral("application/fhir+json; charset=utf-8");
    QList<QPair<QByteArray, QByteArray>> headers;
};

// The HTTP side of the simulator: routes, faults and the state.
class SimHttpServer : public QAbstractHttpServer
{
public:
    explicit SimHttpServer(SimOptions options);
    bool loadState(QString* error);
    void setFault(const FaultSpec& fault);
    void resetState();
    int appointmentsCreated() const { return state_.appointments_created; }
    SimCommandStats commandStats() const;
    QStringList createAppointments(int n);  // SimCommands.cpp
    QByteArray checkinPublicKeyPem() const { return checkin_key_->publicKeyPem(); }

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    struct SlotEntry {
        QJsonObject slot;
        QString schedule_id;
        qint64 start_ms = 0;
    };

    void send(QTcpSocket* socket, const SimReply& reply, int delay_ms);
    SimReply handleSim(const QHttpServerRequest& request, const QString& path);
    SimReply route(const QHttpServerRequest& request, const QStringList& parts,
                   bool* commit_then_drop);
    SimReply search(const QString& type, const QUrlQuery& query, const QUrl& url);
    SimReply read(const QString& type, const QString& id);
    SimReply book(const QHttpServerRequest& request, bool* committed);
    SimReply checkIn(const QString& id, const QByteArray& if_match);
    // SimCommands.cpp: Idempotency-Key replay around route(), $cancel, the applied counters.
    SimReply command(const QHttpServerRequest& request, const QStringList& parts, bool* committed);
    SimReply cancel(const QString& id);
    SimReply bundle(const QList<QJsonObject>& matches, const QList<QJsonObject>& includes,
                    const QUrlQuery& query, const QUrl& url) const;
    QJsonObject slotNow(const SlotEntry& entry) const;
    QString baseUrl() const;
    void persist();
    bool takeFault(const QString& path, FaultSpec* out);
    // SimCheckin.cpp: the appointment with its signed check-in token extension.
    QJsonObject withCheckinToken(const QJsonObject& appointment) const;

    SimOptions options_;
    SeedData seed_;
    QList<SlotEntry> slots_;
    QHash<QString, int> slot_index_;
    SimState state_;
    FaultSpec fault_;
    QHash<QString, int> requests_per_route_;
    QList<QPointer<QTcpSocket>> open_sockets_;
    std::unique_ptr<SimCheckinKey> checkin_key_;
};

// An OperationOutcome reply; `rule` (per-day, ...) adds details.coding urn:medkiosk:rule.
SimReply outcomeReply(int status, const QString& code, const QString& text,
                      const QString& rule = QString());

}  // namespace mk::sim
