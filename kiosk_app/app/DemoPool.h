// medkiosk --demo's booking pool: the simulator program medkiosk-poolsim, started as a child
// process on loopback (the shipped kiosk binary contains no HTTP server and no demo signing key).
// It reads the simulator's one JSON line (base URL, check-in issuer and public key), stops it
// with SIGTERM on destruction (SIGKILL after a deadline), and the kernel stops it too if medkiosk
// dies (PR_SET_PDEATHSIG).
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QProcess>
#include <QString>
#include <QUrl>

namespace mk::app {

class DemoPool
{
    Q_DECLARE_TR_FUNCTIONS(mk::app::DemoPool)

public:
    static constexpr int kStartTimeoutMs = 15000;
    static constexpr int kStopTimeoutMs = 3000;

    DemoPool() = default;
    ~DemoPool();
    DemoPool(const DemoPool&) = delete;
    DemoPool& operator=(const DemoPool&) = delete;

    // $MEDKIOSK_POOLSIM, else medkiosk-poolsim beside this program, in the build tree, or on PATH.
    static QString program();

    // Starts the simulator with its state in data_dir; false with *error when it does not come up.
    // jwks_file (not empty): the demo kiosk's public keys, registered as client_id at start, so
    // the simulator, which enforces authorisation, accepts the demo kiosk (docs/identity.md).
    bool start(const QString& data_dir, const QString& jwks_file, const QString& client_id,
               QString* error);
    QUrl baseUrl() const { return base_url_; }
    QString checkinIssuer() const { return checkin_issuer_; }
    QByteArray checkinPublicKeyPem() const { return checkin_public_key_pem_; }

private:
    QProcess process_;
    QUrl base_url_;
    QString checkin_issuer_;
    QByteArray checkin_public_key_pem_;
};

}  // namespace mk::app
