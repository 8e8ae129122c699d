#include "core/identity/AccessTokens.h"

#include "core/common/Log.h"
#include "core/common/SecureWipe.h"
#include "core/identity/ClientAssertion.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <algorithm>

namespace mk::identity {
namespace {

using SteadyClock = std::chrono::steady_clock;

void wipeBytes(QByteArray& bytes)
{
    secureWipe(bytes);  // the kiosk's one secure wipe (core/common/SecureWipe.h)
}

Error authError(int http_status, const QString& detail)
{
    Error e = makeError(ErrorCode::BadRequest, detail);
    e.http_status = http_status;
    e.outcome_code = http_status == 403 ? QStringLiteral("forbidden") : QStringLiteral("security");
    return e;
}

QByteArray formValue(const QString& value)
{
    return QUrl::toPercentEncoding(value);
}

}  // namespace

QStringList AuthOptions::kioskScopes()
{
    return {QStringLiteral("system/HealthcareService.rs"), QStringLiteral("system/Schedule.rs"),
            QStringLiteral("system/Practitioner.rs"), QStringLiteral("system/Slot.rs"),
            QStringLiteral("system/Patient.rs"), QStringLiteral("system/Appointment.crus"),
            // Payments (issue 9, docs/pool-protocol.md): $pay and $phone-order update an Invoice,
            // $open-credit creates an Account.
            QStringLiteral("system/Invoice.rus"), QStringLiteral("system/Account.crs"),
            QStringLiteral("system/PaymentReconciliation.rs"),
            QStringLiteral("system/DocumentReference.rs")};
}

bool isNotAuthorised(const Error& e)
{
    return e.http_status == 401 || e.http_status == 403;
}

AccessTokens::AccessTokens(AuthOptions options, Result<KioskIdentity> identity,
                           std::shared_ptr<pool::HttpTransport> transport, QObject* parent)
    : QObject(parent),
      options_(std::move(options)),
      transport_(std::move(transport)),
      clock_([] { return QDateTime::currentSecsSinceEpoch(); }),
      token_url_(options_.token_url)
{
    qRegisterMetaType<mk::identity::AuthStatus>();
    if (identity) {
        identity_ = identity.value();
    } else {
        no_key_ = authError(401, identity.error().detail);
        status_ =
            AuthStatus{AuthState::NoKey, identity.error().detail, QDateTime::currentDateTimeUtc()};
    }
}

AccessTokens::~AccessTokens()
{
    dropToken();
}

void AccessTokens::setClock(Clock clock)
{
    std::lock_guard lock(mutex_);
    clock_ = std::move(clock);
}

AuthStatus AccessTokens::status() const
{
    std::lock_guard lock(mutex_);
    return status_;
}

QUrl AccessTokens::tokenUrl() const
{
    std::lock_guard lock(mutex_);
    return token_url_;
}

void AccessTokens::setStatus(AuthState state, const QString& detail)
{
    AuthStatus now;
    {
        std::lock_guard lock(mutex_);
        if (status_.state == state && status_.detail == detail) return;
        status_ = AuthStatus{state, detail, QDateTime::currentDateTimeUtc()};
        now = status_;
    }
    if (state == AuthState::Authorised)
        qCInfo(lcPool) << "identity: the pool accepts this kiosk";
    else
        qCWarning(lcPool).noquote() << "identity: state" << int(state) << detail;
    Q_EMIT statusChanged(now);
}

void AccessTokens::dropToken()
{
    std::lock_guard lock(mutex_);
    if (granted_) wipeBytes(granted_->token);
    granted_.reset();
}

void AccessTokens::invalidate(const QByteArray& token)
{
    std::lock_guard lock(mutex_);
    if (granted_ && granted_->token == token) {
        wipeBytes(granted_->token);
        granted_.reset();
    }
}

void AccessTokens::reportForbidden(const QString& detail)
{
    setStatus(AuthState::NoScope, detail);
}

void AccessTokens::reportAccepted()
{
    const AuthState s = status().state;
    if (s == AuthState::Unknown || s == AuthState::Unreachable)
        setStatus(AuthState::Authorised, QString());
}

void AccessTokens::retryNow()
{
    std::lock_guard lock(mutex_);
    refused_until_ = {};
}

Result<QUrl> AccessTokens::resolveTokenUrl()
{
    {
        std::lock_guard lock(mutex_);
        if (!token_url_.isEmpty()) return token_url_;
    }
    // SMART discovery: <base>/.well-known/smart-configuration -> token_endpoint.
    pool::HttpRequest get;
    QUrl u = options_.base_url;
    QString path = u.path();
    while (path.endsWith(QLatin1Char('/'))) path.chop(1);
    u.setPath(path + QStringLiteral("/.well-known/smart-configuration"));
    u.setQuery(QString());
    get.url = u;
    get.headers = {{QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")}};
    Result<pool::HttpResponse> reply = transport_->perform(get);
    if (!reply) {
        Error e = reply.error();
        e.detail = QStringLiteral("GET .well-known/smart-configuration: ") + e.detail;
        return e;
    }
    const QJsonObject config = QJsonDocument::fromJson(reply.value().body).object();
    const QUrl endpoint(config.value(QStringLiteral("token_endpoint")).toString(),
                        QUrl::StrictMode);
    const QString scheme = endpoint.scheme();
    if (reply.value().status != 200 || !endpoint.isValid() || endpoint.host().isEmpty() ||
        (scheme != u"https" &&
         !(scheme == u"http" && endpoint.host() == options_.base_url.host()))) {
        Error e = makeError(reply.value().status >= 500 ? ErrorCode::Server : ErrorCode::BadReply,
                            QStringLiteral("GET .well-known/smart-configuration: HTTP %1, no "
                                           "usable token_endpoint")
                                .arg(reply.value().status));
        e.http_status = reply.value().status >= 500 ? reply.value().status : 0;
        return e;
    }
    std::lock_guard lock(mutex_);
    token_url_ = endpoint;
    return endpoint;
}

Result<AccessTokens::Granted> AccessTokens::request(const QUrl& token_url, const IdentityKey& key,
                                                    bool* refused_client)
{
    *refused_client = false;
    AssertionClaims claims;
    claims.client_id = options_.client_id;
    claims.audience = token_url.toString(QUrl::FullyEncoded);
    {
        std::lock_guard lock(mutex_);
        claims.issued_at_s = clock_();
    }
    claims.lifetime_s = options_.assertion_lifetime_s;
    Result<QByteArray> assertion = signClientAssertion(key, claims);
    if (!assertion) return assertion.error();
    pool::HttpRequest post;
    post.method = QByteArrayLiteral("POST");
    post.url = token_url;
    post.headers = {
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")},
        {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")}};
    post.body =
        QByteArrayLiteral("grant_type=client_credentials&scope=") +
        formValue(options_.scopes.join(QLatin1Char(' '))) +
        QByteArrayLiteral("&client_assertion_type=") +
        formValue(QStringLiteral("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")) +
        QByteArrayLiteral("&client_assertion=") + assertion.value();
    token_requests_.fetch_add(1);
    Result<pool::HttpResponse> reply = transport_->perform(post);
    wipeBytes(post.body);
    if (!reply) {
        Error e = reply.error();
        e.detail = QStringLiteral("POST token endpoint: ") + e.detail;
        return e;
    }
    const pool::HttpResponse& r = reply.value();
    const QJsonObject body = QJsonDocument::fromJson(r.body).object();
    if (r.status >= 500) {
        Error e = makeError(ErrorCode::Server,
                            QStringLiteral("POST token endpoint: HTTP %1").arg(r.status));
        e.http_status = r.status;
        return e;
    }
    if (r.status != 200) {
        const QString error = body.value(QStringLiteral("error")).toString();
        const QString description = body.value(QStringLiteral("error_description")).toString();
        const QString detail = QStringLiteral("%1: %2").arg(
            error.isEmpty() ? QStringLiteral("HTTP %1").arg(r.status) : error,
            description.left(300));
        if (error == u"invalid_scope") return authError(403, detail);
        if (error == u"invalid_client" || error == u"unauthorized_client" ||
            error == u"invalid_grant" || r.status == 401) {
            *refused_client = true;
            return authError(401, detail);
        }
        return authError(401, detail);  // invalid_request and others: our request is wrong
    }
    const QByteArray token = body.value(QStringLiteral("access_token")).toString().toLatin1();
    if (token.isEmpty() || body.value(QStringLiteral("token_type"))
                                   .toString()
                                   .compare(u"bearer", Qt::CaseInsensitive) != 0) {
        return makeError(ErrorCode::BadReply,
                         QStringLiteral("POST token endpoint: no bearer access_token"));
    }
    const int expires_in_s = std::max(1, body.value(QStringLiteral("expires_in")).toInt(300));
    const int margin_s = std::min(options_.refresh_margin_s, expires_in_s / 2);
    Granted g;
    g.token = token;
    g.refresh_at = SteadyClock::now() + std::chrono::seconds(expires_in_s - margin_s);
    const QStringList granted =
        body.value(QStringLiteral("scope")).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& s : options_.scopes)
        if (!granted.isEmpty() && !granted.contains(s)) g.missing_scopes.append(s);
    return g;
}

Result<QByteArray> AccessTokens::token()
{
    if (!identity_) return no_key_;
    {
        std::lock_guard lock(mutex_);
        if (granted_ && SteadyClock::now() < granted_->refresh_at) return granted_->token;
    }
    std::lock_guard fetch(fetch_mutex_);
    {
        std::lock_guard lock(mutex_);  // another thread may have fetched one meanwhile
        if (granted_ && SteadyClock::now() < granted_->refresh_at) return granted_->token;
        if (status_.state == AuthState::Refused && SteadyClock::now() < refused_until_)
            return refusal_;  // no request: a refused kiosk is not retried in a loop
    }
    Result<QUrl> url = resolveTokenUrl();
    if (!url) {
        setStatus(AuthState::Unreachable, url.error().detail);
        return url.error();
    }
    bool refused = false;
    std::optional<Result<Granted>> got;
    if (identity_->next()) {
        got = request(url.value(), *identity_->next(), &refused);
        if (got->ok() && !options_.key_file.isEmpty()) {
            if (KioskIdentity::promote(options_.key_file)) {
                Result<KioskIdentity> reloaded =
                    KioskIdentity::load(options_.key_file, QString(), false);
                if (reloaded) identity_ = reloaded.value();
            }
        } else if (!got->ok()) {
            qCInfo(lcPool).noquote() << "identity: the new key is not accepted yet ("
                                     << got->error().detail << "); using the current key";
            got.reset();
        }
    }
    if (!got) got = request(url.value(), identity_->current(), &refused);
    if (!got->ok()) {
        const Error e = got->error();
        if (refused) {
            std::lock_guard lock(mutex_);
            refusal_ = e;
            refused_until_ = SteadyClock::now() + std::chrono::seconds(options_.refused_recheck_s);
        }
        setStatus(refused                ? AuthState::Refused
                  : e.http_status == 403 ? AuthState::NoScope
                  : isNotAuthorised(e)   ? AuthState::Refused
                                         : AuthState::Unreachable,
                  e.detail);
        return e;
    }
    QByteArray token = got->value().token;
    {
        std::lock_guard lock(mutex_);
        if (granted_) wipeBytes(granted_->token);
        granted_ = got->value();
    }
    Granted& g = got->value();
    wipeBytes(g.token);
    if (!g.missing_scopes.isEmpty()) {
        setStatus(AuthState::NoScope,
                  QStringLiteral("not granted: ") + g.missing_scopes.join(QLatin1Char(' ')));
    } else {
        setStatus(AuthState::Authorised, QString());
    }
    return token;
}

}  // namespace mk::identity
