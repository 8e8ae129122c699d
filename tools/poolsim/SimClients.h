#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace mk::sim {

// The kiosks (SMART Backend Services clients) the simulated pool knows: each with its JWKS (public
// keys only), the scopes IT allows it and whether it was revoked. Kept in <data dir>/clients.json
// (0600 in a 0700 folder), written by `medkiosk-poolsim clients register|revoke` and re-read by a
// running simulator when the file changes, so IT can register or revoke without a restart.
struct SimClient {
    QString client_id;
    QJsonObject jwks;    // {"keys": [...]}: public keys only (a private member is refused)
    QStringList scopes;  // SMART v2 system/ scopes this client may be granted
    bool revoked = false;
};

class SimClients
{
public:
    // The scopes the kiosk asks for (docs/pool-protocol.md "Authorisation"); the default grant.
    static QStringList kioskScopes();

    // Checks a JWKS: an object with a non-empty "keys" array of EC P-384 or RSA public keys.
    static bool checkJwks(const QJsonObject& jwks, QString* error);

    bool load(const QString& data_dir, QString* error);  // missing file = no clients
    bool save(const QString& data_dir, QString* error) const;
    // Reloads when clients.json changed since the last load or save (a CLI wrote it).
    void refresh(const QString& data_dir);

    bool registerClient(const QString& client_id, const QJsonObject& jwks,
                        const QStringList& scopes, QString* error);
    bool revoke(const QString& client_id, QString* error);
    const SimClient* find(const QString& client_id) const;
    QList<SimClient> all() const { return clients_.values(); }

private:
    QHash<QString, SimClient> clients_;
    mutable qint64 loaded_mtime_ms_ = -1;  // of the file last read or written
};

// medkiosk-poolsim clients register|revoke|list: acts on <data dir>/clients.json and returns the
// exit code (0 done, 1 refused, 2 usage).
int runClientsCommand(const QStringList& arguments);

}  // namespace mk::sim
