#include "SimulatorThread.h"

#include "SimCheckinKey.h"

#include <QMetaObject>

#include <openssl/crypto.h>

namespace mk::sim {

SimulatorThread::SimulatorThread(SimOptions options) : options_(std::move(options)) {}

SimulatorThread::~SimulatorThread()
{
    // The simulator is deleted by the finished signal (deleteLater runs as the thread ends).
    thread_.quit();
    thread_.wait();
    sim_ = nullptr;
}

bool SimulatorThread::start(QString* error)
{
    thread_.setObjectName(QStringLiteral("poolsim"));
    sim_ = new PoolSimulator(options_);
    sim_->moveToThread(&thread_);
    QObject::connect(&thread_, &QThread::finished, sim_, &QObject::deleteLater);
    // OpenSSL keeps per-thread state (the thread's DRBGs: cjose's ECDSA verification draws
    // blinding values) and frees it in a pthread-key destructor as the thread exits. Qt's threads
    // are detached and QThread::wait() returns before that destructor has run, so a process that
    // ends right after the simulator (every test that owns one) reached LeakSanitizer's exit check
    // with that state still allocated. Released here, on the simulator's thread (finished is
    // emitted there, before wait() returns). docs/hardware.md, "The sanitizer build".
    QObject::connect(
        &thread_, &QThread::finished, &thread_, [] { OPENSSL_thread_stop(); },
        Qt::DirectConnection);
    thread_.start();
    bool ok = false;
    QString start_error;
    QMetaObject::invokeMethod(
        sim_,
        [this, &ok, &start_error] {
            ok = sim_->start(&start_error);
            base_url_ = sim_->baseUrl();
        },
        Qt::BlockingQueuedConnection);
    if (!ok && error != nullptr) {
        *error = start_error;
    }
    return ok;
}

QUrl SimulatorThread::baseUrl() const
{
    return base_url_;
}

void SimulatorThread::setFault(const FaultSpec& fault)
{
    if (sim_ != nullptr) {
        QMetaObject::invokeMethod(
            sim_, [this, fault] { sim_->setFault(fault); }, Qt::BlockingQueuedConnection);
    }
}

int SimulatorThread::appointmentsCreated() const
{
    int count = 0;
    if (sim_ != nullptr) {
        QMetaObject::invokeMethod(
            sim_, [this, &count] { count = sim_->appointmentsCreated(); },
            Qt::BlockingQueuedConnection);
    }
    return count;
}

SimCommandStats SimulatorThread::commandStats() const
{
    SimCommandStats stats;
    if (sim_ != nullptr) {
        QMetaObject::invokeMethod(
            sim_, [this, &stats] { stats = sim_->commandStats(); }, Qt::BlockingQueuedConnection);
    }
    return stats;
}

QStringList SimulatorThread::createAppointments(int n)
{
    QStringList ids;
    if (sim_ != nullptr) {
        QMetaObject::invokeMethod(
            sim_, [this, n, &ids] { ids = sim_->createAppointments(n); },
            Qt::BlockingQueuedConnection);
    }
    return ids;
}

QByteArray SimulatorThread::checkinPublicKeyPem() const
{
    return SimCheckinKey(options_.seed, options_.hospital_id).publicKeyPem();
}

QString SimulatorThread::tokenUrl() const
{
    QString url;
    if (sim_ != nullptr) {
        QMetaObject::invokeMethod(
            sim_, [this, &url] { url = sim_->tokenUrl(); }, Qt::BlockingQueuedConnection);
    }
    return url;
}

bool SimulatorThread::registerClient(const QString& client_id, const QByteArray& jwks_json,
                                     const QStringList& scopes, QString* error)
{
    bool ok = false;
    QString why;
    if (sim_ != nullptr) {
        QMetaObject::invokeMethod(
            sim_, [&] { ok = sim_->registerClient(client_id, jwks_json, scopes, &why); },
            Qt::BlockingQueuedConnection);
    }
    if (error != nullptr) *error = why;
    return ok;
}

bool SimulatorThread::revokeClient(const QString& client_id)
{
    bool ok = false;
    if (sim_ != nullptr) {
        QMetaObject::invokeMethod(
            sim_, [&] { ok = sim_->revokeClient(client_id, nullptr); },
            Qt::BlockingQueuedConnection);
    }
    return ok;
}

void SimulatorThread::expireTokens()
{
    if (sim_ != nullptr) {
        QMetaObject::invokeMethod(
            sim_, [this] { sim_->expireTokens(); }, Qt::BlockingQueuedConnection);
    }
}

SimAuthStats SimulatorThread::authStats() const
{
    SimAuthStats stats;
    if (sim_ != nullptr) {
        QMetaObject::invokeMethod(
            sim_, [this, &stats] { stats = sim_->authStats(); }, Qt::BlockingQueuedConnection);
    }
    return stats;
}

}  // namespace mk::sim
