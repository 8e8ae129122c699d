// Access tokens for the booking pool (SMART Backend Services, docs/identity.md): a token request
// (client_credentials + a private_key_jwt assertion signed with the kiosk's key) to the token
// endpoint (configured, or discovered from <base>/.well-known/smart-configuration), cached until
// shortly before it expires. Blocking by design: called from the worker threads that talk to the
// pool (never the UI thread); one token request at a time, other callers wait for its result.
//  - invalid_client (unknown, revoked, a bad signature, a clock far off) puts the kiosk in
//    AuthState::Refused: calls fail at once, without a request, and one new token request is
//    made at most every refused_recheck_s (never a loop of retries);
//  - the token endpoint unreachable or failing (5xx) gives that error (Network, Timeout, Server)
//    and AuthState::Unreachable: the kiosk is not refused, only offline;
//  - a pending rotated key (<key file>.next) is tried first and promoted once the pool accepts
//    it; until then the current key is used.
// Tokens and keys are never logged; statusChanged carries the state and a technical cause only.
#pragma once

#include "core/common/Result.h"
#include "core/identity/AuthStatus.h"
#include "core/identity/KioskIdentity.h"
#include "core/pool/HttpTransport.h"

#include <QObject>
#include <QStringList>
#include <QUrl>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace mk::identity {

struct AuthOptions {
    QString client_id;  // kiosk/id
    QUrl base_url;      // the FHIR base, for discovery
    QUrl token_url;     // pool/token_url; empty: discovered
    QStringList scopes = kioskScopes();
    int assertion_lifetime_s = 300;  // SMART: at most 5 minutes
    int refresh_margin_s = 60;       // refresh this long before expiry (at most half the life)
    int refused_recheck_s = 60;      // after a refusal, one new try at most this often
    QString key_file;                // for promoting a rotated key; empty: no rotation

    // The SMART v2 system scopes the kiosk asks for (docs/pool-protocol.md "Authorisation").
    static QStringList kioskScopes();
};

// Errors that mean "this kiosk is not authorised" rather than "offline" or "this request is
// wrong": HTTP 401/403 from the pool or the token endpoint, or no identity key.
bool isNotAuthorised(const Error& e);

class AccessTokens : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<qint64()>;  // wall clock, seconds since the epoch (assertions)

    // identity: the loaded key(s), or why there is none (every call then fails with NoKey).
    // transport: plain HTTP (never the authorising one); shared with the caller.
    AccessTokens(AuthOptions options, Result<KioskIdentity> identity,
                 std::shared_ptr<pool::HttpTransport> transport, QObject* parent = nullptr);
    ~AccessTokens() override;

    // A valid access token (cached, or a new one from the token endpoint). Thread-safe.
    Result<QByteArray> token();
    // The pool answered 401 to a request with this token: forget it (the next token() asks anew).
    void invalidate(const QByteArray& token);
    // The pool answered 403 (insufficient scope) / accepted a request with a token.
    void reportForbidden(const QString& detail);
    void reportAccepted();
    // Staff asked to try again now (maintenance screen): the refusal pause is lifted.
    void retryNow();

    AuthStatus status() const;
    void setClock(Clock clock);  // before use; tests shift the kiosk's clock
    quint64 tokenRequests() const { return token_requests_.load(); }
    QUrl tokenUrl() const;

Q_SIGNALS:
    void statusChanged(const mk::identity::AuthStatus& status);  // from worker threads

private:
    struct Granted {
        QByteArray token;
        std::chrono::steady_clock::time_point refresh_at;
        QStringList missing_scopes;  // asked for, not granted
    };
    Result<QUrl> resolveTokenUrl();
    // One token request with `key`; *refused_client tells invalid_client apart.
    Result<Granted> request(const QUrl& token_url, const IdentityKey& key, bool* refused_client);
    void setStatus(AuthState state, const QString& detail);
    void dropToken();

    const AuthOptions options_;
    std::optional<KioskIdentity> identity_;
    Error no_key_;
    std::shared_ptr<pool::HttpTransport> transport_;
    Clock clock_;
    std::mutex fetch_mutex_;  // one token request at a time
    mutable std::mutex mutex_;
    std::optional<Granted> granted_;
    QUrl token_url_;
    AuthStatus status_;
    Error refusal_;
    std::chrono::steady_clock::time_point refused_until_{};
    std::atomic<quint64> token_requests_{0};
};

}  // namespace mk::identity
