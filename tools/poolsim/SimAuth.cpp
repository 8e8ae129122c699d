#include "SimAuth.h"

#include "PoolSimulator.h"
#include "SimLog.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUrlQuery>

#include <cjose/cjose.h>
#include <cstdlib>
#include <memory>

namespace mk::sim {
namespace {

constexpr qint64 kMaxAssertionLifetimeS = 300;  // SMART: exp at most 5 minutes ahead

SimReply oauthReply(int status, const QJsonObject& body)
{
    SimReply r;
    r.status = status;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    r.content_type = QByteArrayLiteral("application/json");
    r.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    return r;
}

struct JwsDeleter {
    void operator()(cjose_jws_t* j) const { cjose_jws_release(j); }
};
struct JwkDeleter {
    void operator()(cjose_jwk_t* j) const { cjose_jwk_release(j); }
};

QString cjoseText(const cjose_err& err)
{
    return QString::fromUtf8(err.message != nullptr ? err.message : "unknown error");
}

// The permissions a scope's suffix grants: v2 "cruds" letters, v1 read/write/*.
QString permsOf(const QString& suffix)
{
    if (suffix == u"read") return QStringLiteral("rs");
    if (suffix == u"write") return QStringLiteral("cud");
    if (suffix == u"*") return QStringLiteral("cruds");
    static const QString order = QStringLiteral("cruds");
    int at = -1;
    for (const QChar c : suffix) {
        const int i = int(order.indexOf(c));
        if (i <= at) return {};  // out of order or unknown: not a scope
        at = i;
    }
    return suffix;
}

bool validScope(const QString& scope)
{
    if (!scope.startsWith(u"system/")) return false;
    const qsizetype dot = scope.indexOf(QLatin1Char('.'));
    return dot > 7 && !permsOf(scope.mid(dot + 1)).isEmpty();
}

}  // namespace

bool scopesAllow(const QStringList& scopes, const QString& type, QChar perm)
{
    for (const QString& s : scopes) {
        if (!s.startsWith(u"system/")) continue;
        const qsizetype dot = s.indexOf(QLatin1Char('.'));
        if (dot < 0) continue;
        const QString t = s.mid(7, dot - 7);
        if ((t == type || t == u"*") && permsOf(s.mid(dot + 1)).contains(perm)) return true;
    }
    return false;
}

SimAuth::SimAuth(const SimOptions& options)
    : options_(options), clock_([] { return QDateTime::currentSecsSinceEpoch(); })
{
    QString error;
    if (!clients_.load(options_.data_dir, &error)) qCWarning(lcPoolSim) << error;
}

SimReply SimAuth::refuse(int status, const char* error, const QString& description)
{
    ++stats_.token_refusals;
    qCInfo(lcPoolSim).noquote() << "token request refused:" << error << description;
    return oauthReply(status, QJsonObject{{QStringLiteral("error"), QLatin1String(error)},
                                          {QStringLiteral("error_description"), description}});
}

SimReply SimAuth::smartConfiguration() const
{
    return oauthReply(
        200, QJsonObject{{QStringLiteral("token_endpoint"), token_url_},
                         {QStringLiteral("grant_types_supported"),
                          QJsonArray{QStringLiteral("client_credentials")}},
                         {QStringLiteral("token_endpoint_auth_methods_supported"),
                          QJsonArray{QStringLiteral("private_key_jwt")}},
                         {QStringLiteral("token_endpoint_auth_signing_alg_values_supported"),
                          QJsonArray{QStringLiteral("ES384"), QStringLiteral("RS384")}},
                         {QStringLiteral("scopes_supported"),
                          QJsonArray::fromStringList(SimClients::kioskScopes())},
                         {QStringLiteral("capabilities"),
                          QJsonArray{QStringLiteral("client-confidential-asymmetric")}}});
}

QString SimAuth::verifyAssertion(const QByteArray& assertion, QString* client_id, int* status,
                                 QByteArray* error_code)
{
    *status = 401;
    *error_code = QByteArrayLiteral("invalid_client");
    cjose_err err{};
    std::unique_ptr<cjose_jws_t, JwsDeleter> jws(
        cjose_jws_import(assertion.constData(), size_t(assertion.size()), &err));
    if (!jws) return QStringLiteral("the client assertion is not a JWS: ") + cjoseText(err);
    cjose_header_t* header = cjose_jws_get_protected(jws.get());
    const char* alg = cjose_header_get(header, CJOSE_HDR_ALG, &err);
    const char* kid_raw = cjose_header_get(header, CJOSE_HDR_KID, &err);
    const QString alg_s = QString::fromUtf8(alg != nullptr ? alg : "");
    const QString kid = QString::fromUtf8(kid_raw != nullptr ? kid_raw : "");
    if (alg_s != u"ES384" && alg_s != u"RS384")
        return QStringLiteral("alg %1 is not accepted (ES384 or RS384)").arg(alg_s);
    uint8_t* plain = nullptr;
    size_t plain_len = 0;
    if (!cjose_jws_get_plaintext(jws.get(), &plain, &plain_len, &err))
        return QStringLiteral("the client assertion has no claims");
    // Claims are read before the signature is checked only to find whose keys check it.
    const QJsonObject claims =
        QJsonDocument::fromJson(
            QByteArray(reinterpret_cast<const char*>(plain), qsizetype(plain_len)))
            .object();
    const QString iss = claims.value(QStringLiteral("iss")).toString();
    *client_id = iss;
    clients_.refresh(options_.data_dir);
    const SimClient* client = clients_.find(iss);
    if (client == nullptr) return QStringLiteral("unknown client %1 (not registered)").arg(iss);
    if (client->revoked) return QStringLiteral("client %1 is revoked").arg(iss);
    bool verified = false;
    bool kid_known = false;
    for (const QJsonValue& v : client->jwks.value(QStringLiteral("keys")).toArray()) {
        const QJsonObject k = v.toObject();
        if (!kid.isEmpty() && k.value(QStringLiteral("kid")).toString() != kid) continue;
        const QString kty = k.value(QStringLiteral("kty")).toString();
        if ((alg_s == u"ES384") != (kty == u"EC")) continue;  // no alg/key-type confusion
        kid_known = true;
        const QByteArray json = QJsonDocument(k).toJson(QJsonDocument::Compact);
        std::unique_ptr<cjose_jwk_t, JwkDeleter> jwk(
            cjose_jwk_import(json.constData(), size_t(json.size()), &err));
        if (jwk && cjose_jws_verify(jws.get(), jwk.get(), &err)) {
            verified = true;
            break;
        }
    }
    if (!verified) {
        return kid_known ? QStringLiteral("the signature does not verify with %1's registered key")
                               .arg(iss)
                         : QStringLiteral(
                               "the key %1 is not registered for %2 (register the "
                               "kiosk's current JWKS)")
                               .arg(kid, iss);
    }
    if (claims.value(QStringLiteral("sub")).toString() != iss)
        return QStringLiteral("sub must equal iss");
    if (claims.value(QStringLiteral("aud")).toString() != token_url_)
        return QStringLiteral("aud must be the token URL %1").arg(token_url_);
    const qint64 t = now();
    const qint64 leeway = options_.auth_leeway_s;
    const QJsonValue exp_v = claims.value(QStringLiteral("exp"));
    if (!exp_v.isDouble()) return QStringLiteral("exp is missing");
    const qint64 exp = qint64(exp_v.toDouble());
    if (exp <= t - leeway) {
        return QStringLiteral(
                   "the assertion expired %1 s ago (check the kiosk's clock; %2 s of "
                   "skew are tolerated)")
            .arg(t - exp)
            .arg(leeway);
    }
    if (exp > t + kMaxAssertionLifetimeS + leeway) {
        return QStringLiteral(
                   "exp is %1 s ahead, more than 5 minutes (check the kiosk's clock; "
                   "%2 s of skew are tolerated)")
            .arg(exp - t)
            .arg(leeway);
    }
    const QString jti = claims.value(QStringLiteral("jti")).toString();
    if (jti.isEmpty()) return QStringLiteral("jti is missing");
    for (auto it = seen_jti_.begin(); it != seen_jti_.end();)
        it = it.value() < t ? seen_jti_.erase(it) : std::next(it);
    const QString key = iss + QLatin1Char('|') + jti;
    if (seen_jti_.contains(key)) return QStringLiteral("jti was used before (a replay)");
    seen_jti_.insert(key, exp + leeway);
    return {};
}

SimReply SimAuth::token(const SimRequest& request)
{
    if (!request.isPost()) return refuse(400, "invalid_request", QStringLiteral("POST expected"));
    if (!request.value("Content-Type").startsWith("application/x-www-form-urlencoded"))
        return refuse(400, "invalid_request", QStringLiteral("form-urlencoded body expected"));
    const QUrlQuery form(QString::fromUtf8(request.body).replace(QLatin1Char('+'), u' '));
    const auto field = [&form](const char* name) {
        return form.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    if (field("grant_type") != u"client_credentials")
        return refuse(400, "unsupported_grant_type", QStringLiteral("client_credentials only"));
    if (field("client_assertion_type") !=
        u"urn:ietf:params:oauth:client-assertion-type:jwt-bearer") {
        return refuse(400, "invalid_request", QStringLiteral("a jwt-bearer assertion expected"));
    }
    QString client_id;
    int status = 0;
    QByteArray code;
    const QString why =
        verifyAssertion(field("client_assertion").toUtf8(), &client_id, &status, &code);
    if (!why.isEmpty()) return refuse(status, code.constData(), why);
    const SimClient* client = clients_.find(client_id);
    QStringList granted;
    for (const QString& s : field("scope").split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (validScope(s) && client->scopes.contains(s)) granted.append(s);
    }
    if (granted.isEmpty())
        return refuse(400, "invalid_scope",
                      QStringLiteral("none of the requested scopes is allowed"));
    QByteArray raw(32, '\0');
    QRandomGenerator::system()->generate(reinterpret_cast<quint32*>(raw.data()),
                                         reinterpret_cast<quint32*>(raw.data() + raw.size()));
    const QByteArray access =
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    tokens_.insert(access, Token{client_id, granted, now() + options_.token_lifetime_s});
    ++stats_.tokens_issued;
    qCDebug(lcPoolSim).noquote() << "token issued to" << client_id;  // never the token
    return oauthReply(200,
                      QJsonObject{{QStringLiteral("access_token"), QString::fromLatin1(access)},
                                  {QStringLiteral("token_type"), QStringLiteral("bearer")},
                                  {QStringLiteral("expires_in"), options_.token_lifetime_s},
                                  {QStringLiteral("scope"), granted.join(QLatin1Char(' '))}});
}

std::optional<SimReply> SimAuth::check(const SimRequest& request, const QStringList& parts)
{
    const QByteArray header = request.value("Authorization");
    const bool bearer = header.size() > 7 && header.left(7).toLower() == "bearer ";
    if (!options_.require_auth && !bearer) return std::nullopt;
    const auto unauthorised = [this](const QString& code, const QString& text,
                                     const QByteArray& challenge) {
        ++stats_.unauthorised;
        SimReply r = outcomeReply(401, code, text);
        r.headers.append({QByteArrayLiteral("WWW-Authenticate"), challenge});
        return r;
    };
    if (!bearer) {
        return unauthorised(QStringLiteral("login"),
                            QStringLiteral("an access token is required (SMART Backend Services)"),
                            QByteArrayLiteral("Bearer realm=\"medkiosk-pool\""));
    }
    const auto it = tokens_.constFind(header.mid(7).trimmed());
    if (it == tokens_.cend() || it->expires_at_s <= now()) {
        return unauthorised(QStringLiteral("expired"),
                            QStringLiteral("the access token is unknown or expired"),
                            QByteArrayLiteral("Bearer error=\"invalid_token\""));
    }
    clients_.refresh(options_.data_dir);
    const SimClient* client = clients_.find(it->client_id);
    if (client == nullptr || client->revoked) {
        tokens_.erase(it);
        return unauthorised(QStringLiteral("unknown"), QStringLiteral("the client was revoked"),
                            QByteArrayLiteral("Bearer error=\"invalid_token\""));
    }
    // What the request needs: search (s), read (r), create (c), an operation that updates (u).
    const QString type = parts.value(0);
    QList<QPair<QString, QChar>> needs;
    if (request.isGet()) {
        needs.append({type, parts.size() >= 2 ? u'r' : u's'});
        if (request.url.query().contains(QLatin1String("Practitioner")) &&
            request.url.query().contains(QLatin1String("_include")))
            needs.append({QStringLiteral("Practitioner"), u's'});
    } else {
        needs.append({type, parts.size() >= 3 ? u'u' : u'c'});
    }
    for (const auto& [t, perm] : needs) {
        if (!scopesAllow(it->scopes, t, perm)) {
            ++stats_.forbidden;
            SimReply r = outcomeReply(403, QStringLiteral("forbidden"),
                                      QStringLiteral("the token's scopes do not allow system/%1.%2")
                                          .arg(t, QString(perm)));
            r.headers.append({QByteArrayLiteral("WWW-Authenticate"),
                              QByteArrayLiteral("Bearer error=\"insufficient_scope\"")});
            return r;
        }
    }
    return std::nullopt;
}

QString SimAuth::clientOf(const SimRequest& request) const
{
    const QByteArray header = request.value("Authorization");
    if (header.size() > 7 && header.left(7).toLower() == "bearer ") {
        const auto it = tokens_.constFind(header.mid(7).trimmed());
        if (it != tokens_.cend()) return it->client_id;
    }
    return QStringLiteral("unauthenticated");
}

bool SimAuth::registerClient(const QString& client_id, const QJsonObject& jwks,
                             const QStringList& scopes, QString* error)
{
    clients_.refresh(options_.data_dir);
    return clients_.registerClient(client_id, jwks, scopes, error) &&
           clients_.save(options_.data_dir, error);
}

bool SimAuth::revokeClient(const QString& client_id, QString* error)
{
    clients_.refresh(options_.data_dir);
    if (!clients_.revoke(client_id, error) || !clients_.save(options_.data_dir, error))
        return false;
    for (auto it = tokens_.begin(); it != tokens_.end();)
        it = it->client_id == client_id ? tokens_.erase(it) : std::next(it);
    return true;
}

void SimAuth::expireTokens()
{
    tokens_.clear();
}

}  // namespace mk::sim
