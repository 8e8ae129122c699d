#pragma once

#include "SimClients.h"
#include "SimHttp.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace mk::sim {

struct SimOptions;

// What the simulator's authorisation server counted (GET /_sim/stats "auth").
struct SimAuthStats {
    int tokens_issued = 0;
    int token_refusals = 0;  // every refused token request
    int unauthorised = 0;    // FHIR requests refused with 401
    int forbidden = 0;       // FHIR requests refused with 403 (scope)
};

// SMART Backend Services as an authorisation server does it (docs/pool-protocol.md
// "Authorisation"): POST /auth/token verifies the client assertion (cjose: signature against the
// client's registered JWKS; alg ES384 or RS384; iss = sub = a registered, unrevoked client;
// aud = this token URL; exp not past and at most 5 minutes ahead, with `auth_leeway_s` of clock
// skew either way; a jti seen before is a replay) and issues an opaque access token
// (`token_lifetime_s`) with the granted scopes. Every FHIR request then needs
// `Authorization: Bearer <token>` (401 + OperationOutcome without a valid one) whose scopes allow
// it (403 + OperationOutcome). Discovery: GET /fhir/.well-known/smart-configuration.
class SimAuth
{
public:
    using Clock = std::function<qint64()>;  // seconds since the epoch

    explicit SimAuth(const SimOptions& options);
    void setTokenUrl(const QString& url) { token_url_ = url; }
    QString tokenUrl() const { return token_url_; }
    void setClock(Clock clock) { clock_ = std::move(clock); }

    SimReply token(const SimRequest& request);
    SimReply smartConfiguration() const;
    // Empty when the FHIR request (path parts after /fhir) may go on; else the refusal.
    std::optional<SimReply> check(const SimRequest& request, const QStringList& parts);
    // The client id of the request's valid bearer token; "unauthenticated" without one
    // (--no-auth). The requestor of a payment (PaymentReconciliation.requestor Device/{id}).
    QString clientOf(const SimRequest& request) const;

    bool registerClient(const QString& client_id, const QJsonObject& jwks,
                        const QStringList& scopes, QString* error);
    bool revokeClient(const QString& client_id, QString* error);
    void expireTokens();  // every issued token stops working (a test of expiry mid-session)
    SimAuthStats stats() const { return stats_; }

private:
    struct Token {
        QString client_id;
        QStringList scopes;
        qint64 expires_at_s = 0;
    };
    SimReply refuse(int status, const char* error, const QString& description);
    // Why the verified assertion's client may not have a token; empty when it may.
    QString verifyAssertion(const QByteArray& assertion, QString* client_id, int* status,
                            QByteArray* error_code);
    qint64 now() const { return clock_(); }

    const SimOptions& options_;
    SimClients clients_;
    QString token_url_;
    Clock clock_;
    QHash<QByteArray, Token> tokens_;
    QHash<QString, qint64> seen_jti_;  // client|jti -> until when it is remembered
    SimAuthStats stats_;
};

// Whether `scopes` (SMART v2 system/Type.cruds, system/*.cruds; v1 .read/.write/.*) allow
// permission `perm` ('c','r','u','d','s') on resource `type`.
bool scopesAllow(const QStringList& scopes, const QString& type, QChar perm);

}  // namespace mk::sim
