#include "PoolSimulator.h"

#include "SimAuth.h"
#include "SimCheckinKey.h"
#include "SimHttpServer.h"
#include "SimLog.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QTcpServer>

Q_LOGGING_CATEGORY(lcPoolSim, "medkiosk.poolsim")

namespace mk::sim {

QStringList faultModes()
{
    return {QStringLiteral("none"),
            QStringLiteral("5xx"),
            QStringLiteral("429"),
            QStringLiteral("malformed"),
            QStringLiteral("wrong-content-type"),
            QStringLiteral("oversized"),
            QStringLiteral("drop"),
            QStringLiteral("drop-after-commit"),
            QStringLiteral("hang"),
            QStringLiteral("hang-after-commit"),
            QStringLiteral("outage"),
            QStringLiteral("latency")};
}

PoolSimulator::PoolSimulator(SimOptions options, QObject* parent)
    : QObject(parent), options_(std::move(options))
{}

PoolSimulator::~PoolSimulator() = default;

bool PoolSimulator::start(QString* error)
{
    server_ = std::make_unique<SimHttpServer>(options_);
    if (!server_->loadState(error)) {
        server_.reset();
        return false;
    }
    port_ = server_->listen(QHostAddress::LocalHost, options_.port);
    if (port_ == 0) {
        if (error != nullptr) {
            *error = QStringLiteral("cannot listen on 127.0.0.1:%1").arg(options_.port);
        }
        server_.reset();
        return false;
    }
    qCInfo(lcPoolSim) << "listening on port" << port_;
    return true;
}

quint16 PoolSimulator::port() const
{
    return port_;
}

QUrl PoolSimulator::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/fhir").arg(port_));
}

void PoolSimulator::setFault(const FaultSpec& fault)
{
    if (server_) {
        server_->setFault(fault);
    }
}

void PoolSimulator::resetState()
{
    if (server_) {
        server_->resetState();
    }
}

int PoolSimulator::appointmentsCreated() const
{
    return server_ ? server_->appointmentsCreated() : 0;
}

SimCommandStats PoolSimulator::commandStats() const
{
    return server_ ? server_->commandStats() : SimCommandStats{};
}

QStringList PoolSimulator::createAppointments(int n)
{
    return server_ ? server_->createAppointments(n) : QStringList();
}

QByteArray PoolSimulator::checkinPublicKeyPem() const
{
    return SimCheckinKey(options_.seed, options_.hospital_id).publicKeyPem();
}

QString PoolSimulator::tokenUrl() const
{
    return server_ ? server_->auth().tokenUrl() : QString();
}

bool PoolSimulator::registerClient(const QString& client_id, const QByteArray& jwks_json,
                                   const QStringList& scopes, QString* error)
{
    QString local;
    QString* err = error != nullptr ? error : &local;
    if (!server_) return false;
    return server_->auth().registerClient(client_id, QJsonDocument::fromJson(jwks_json).object(),
                                          scopes, err);
}

bool PoolSimulator::revokeClient(const QString& client_id, QString* error)
{
    QString local;
    return server_ && server_->auth().revokeClient(client_id, error != nullptr ? error : &local);
}

void PoolSimulator::expireTokens()
{
    if (server_) server_->auth().expireTokens();
}

SimAuthStats PoolSimulator::authStats() const
{
    return server_ ? server_->auth().stats() : SimAuthStats{};
}

}  // namespace mk::sim
