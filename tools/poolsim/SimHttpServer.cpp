#include "SimHttpServer.h"

#include "SimLog.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

namespace mk::sim {
namespace {

SimReply jsonReply(int status, const QJsonObject& body)
{
    SimReply r;
    r.status = status;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

QString refId(const QJsonValue& ref, const QString& type)
{
    const QString text = ref.toObject().value(QStringLiteral("reference")).toString();
    const QString prefix = type + QLatin1Char('/');
    return text.startsWith(prefix) ? text.mid(prefix.size()) : QString();
}

}  // namespace

SimHttpServer::SimHttpServer(SimOptions options)
    : options_(std::move(options)),
      seed_(options_.seed, options_.first_day, options_.timezone),
      payments_(std::make_unique<SimPayments>(options_, seed_, state_)),
      checkin_key_(std::make_unique<SimCheckinKey>(options_.seed, options_.hospital_id)),
      auth_(std::make_unique<SimAuth>(options_))
{
    for (const QJsonObject& s : seed_.slots()) {
        SlotEntry e;
        e.slot = s;
        e.schedule_id = refId(s.value(QStringLiteral("schedule")), QStringLiteral("Schedule"));
        e.start_ms = QDateTime::fromString(s.value(QStringLiteral("start")).toString(), Qt::ISODate)
                         .toMSecsSinceEpoch();
        slot_index_.insert(s.value(QStringLiteral("id")).toString(), int(slots_.size()));
        slots_.append(e);
    }
    connect(&tcp_, &QTcpServer::newConnection, this, &SimHttpServer::onNewConnection);
    rate_limit_.configure(options_.rate_limit_per_s, options_.rate_limit_burst);
}

quint16 SimHttpServer::listen(const QHostAddress& address, quint16 port)
{
    if (!tcp_.listen(address, port)) return 0;
    auth_->setTokenUrl(QStringLiteral("http://127.0.0.1:%1/auth/token").arg(tcp_.serverPort()));
    return tcp_.serverPort();
}

void SimHttpServer::onNewConnection()
{
    SimLimits limits;
    limits.max_body_bytes = options_.max_request_body_bytes;
    limits.request_timeout_ms = options_.request_timeout_ms;
    limits.keep_alive_idle_ms = options_.keep_alive_idle_ms;
    limits.max_requests_per_connection = std::max(1, options_.max_requests_per_connection);
    while (QTcpSocket* socket = tcp_.nextPendingConnection()) {
        connections_.removeAll(QPointer<SimConnection>());
        auto* connection = new SimConnection(
            socket, limits,
            [this](const SimRequest& request, SimConnection* c) { handleRequest(request, c); },
            this);
        if (connections_.size() >= options_.max_connections) {
            // Not served: told at once, without reading a byte of its request.
            qCWarning(lcPoolSim) << "refused a connection: already" << connections_.size()
                                 << "open";
            SimReply r = outcomeReply(503, QStringLiteral("transient"),
                                      QStringLiteral("too many connections, try again"));
            r.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")});
            rate_limit_.countRefusedConnection();
            connection->closeAfterReply();
            connection->reply(r);
            continue;
        }
        connections_.append(QPointer<SimConnection>(connection));
    }
}

bool SimHttpServer::loadState(QString* error)
{
    if (!state_.load(options_.data_dir, error)) return false;
    payments_->ensureSeeded();
    return true;
}

void SimHttpServer::setFault(const FaultSpec& fault)
{
    fault_ = fault;
}

void SimHttpServer::resetState()
{
    state_.clear();
    fault_ = FaultSpec{};
    requests_per_route_.clear();
    key_ledger_.clear();
    rate_limit_.configure(rate_limit_.perSecond(), rate_limit_.burst());
    payments_->ensureSeeded();
    persist();
}

void SimHttpServer::persist()
{
    QString error;
    if (!state_.save(options_.data_dir, &error)) {
        qCWarning(lcPoolSim) << "cannot save state:" << error;
    }
}

QString SimHttpServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/fhir").arg(tcp_.serverPort());
}

bool SimHttpServer::takeFault(const QString& path, FaultSpec* out)
{
    if (fault_.count == 0 || (fault_.mode.isEmpty() && fault_.latency_ms == 0) ||
        (fault_.mode == QLatin1String("none") && fault_.latency_ms == 0)) {
        return false;
    }
    if (!fault_.path_contains.isEmpty() && !path.contains(fault_.path_contains)) {
        return false;
    }
    *out = fault_;
    if (fault_.count > 0) {
        --fault_.count;
    }
    return true;
}

void SimHttpServer::handleRequest(const SimRequest& request, SimConnection* connection)
{
    const QString path = request.url.path();
    if (path.startsWith(QLatin1String("/_sim/"))) {
        connection->reply(handleSim(request, path));
        return;
    }
    // The rate limit stands in front of everything else (as a hospital's gateway would).
    if (int retry_after_s = 0; !rate_limit_.admit(&retry_after_s)) {
        SimReply r = outcomeReply(429, QStringLiteral("throttled"),
                                  QStringLiteral("too many requests: the pool serves %1 a second")
                                      .arg(rate_limit_.perSecond()));
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(retry_after_s)});
        connection->reply(r);
        return;
    }
    if (path == QLatin1String("/auth/token")) {
        // The token endpoint takes faults too (the endpoint down while the pool is up).
        requests_per_route_[QStringLiteral("POST auth/token")] += 1;
        FaultSpec fault;
        const QString mode = takeFault(path, &fault) ? fault.mode : QString();
        if (mode == QLatin1String("drop") || mode == QLatin1String("outage")) {
            connection->abort();
        } else if (mode == QLatin1String("hang")) {
            connection->hold();
        } else if (mode == QLatin1String("5xx")) {
            connection->reply(
                outcomeReply(503, QStringLiteral("transient"), QStringLiteral("simulated outage")));
        } else {
            connection->reply(auth_->token(request), options_.latency_ms + fault.latency_ms);
        }
        return;
    }
    if (path == QLatin1String("/fhir/.well-known/smart-configuration")) {
        connection->reply(auth_->smartConfiguration());
        return;
    }
    QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.isEmpty() || parts.first() != QLatin1String("fhir")) {
        connection->reply(
            outcomeReply(404, QStringLiteral("not-found"), QStringLiteral("unknown path")));
        return;
    }
    parts.removeFirst();
    QString route_key =
        (request.isPost() ? QStringLiteral("POST ") : QStringLiteral("GET ")) + parts.value(0);
    if (parts.size() > 2) {
        route_key += QStringLiteral("/") + parts.value(2);
    }
    requests_per_route_[route_key] += 1;

    FaultSpec fault;
    const bool faulted = takeFault(path, &fault);
    const int delay_ms = options_.latency_ms + (faulted ? fault.latency_ms : 0);
    const QString mode = faulted ? fault.mode : QString();
    if (mode == QLatin1String("drop")) {
        connection->abort();
        return;
    }
    if (mode == QLatin1String("hang")) {
        connection->hold();  // no reply; the client's timeout ends it
        return;
    }
    if (mode == QLatin1String("outage")) {
        for (const QPointer<SimConnection>& c : std::as_const(connections_)) {
            if (c) {
                c->abort();
            }
        }
        connections_.clear();
        connection->abort();
        return;
    }
    if (mode == QLatin1String("5xx")) {
        connection->reply(
            outcomeReply(503, QStringLiteral("transient"), QStringLiteral("simulated outage")),
            delay_ms);
        return;
    }
    if (mode == QLatin1String("429")) {
        SimReply r =
            outcomeReply(429, QStringLiteral("throttled"), QStringLiteral("simulated rate limit"));
        r.headers.append(
            {QByteArrayLiteral("Retry-After"), QByteArray::number(fault.retry_after_s)});
        connection->reply(r, delay_ms);
        return;
    }
    if (mode == QLatin1String("wrong-content-type")) {
        SimReply r;
        r.content_type = QByteArrayLiteral("text/html; charset=utf-8");
        r.body = QByteArrayLiteral("<html><body><h1>Gateway login</h1></body></html>");
        connection->reply(r, delay_ms);
        return;
    }
    if (mode == QLatin1String("oversized")) {
        SimReply r;
        r.body = QByteArrayLiteral("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"x\":\"") +
                 QByteArray(20 * 1024 * 1024, 'x') + QByteArrayLiteral("\"}");
        connection->reply(r, delay_ms);
        return;
    }
    if (std::optional<SimReply> refused = auth_->check(request, parts)) {
        connection->reply(*refused, delay_ms);
        return;
    }
    bool commit_then_drop = false;
    SimReply reply = command(request, parts, &commit_then_drop);
    if (request.isPost() && reply.status >= 200 && reply.status <= 299) {
        const QByteArray key = request.value(QByteArrayLiteral("Idempotency-Key"));
        bool replayed = false;
        for (const auto& h : std::as_const(reply.headers))
            replayed = replayed || h.first == QByteArrayLiteral("Idempotent-Replayed");
        if (!key.isEmpty() && !replayed) key_ledger_.executed(QString::fromUtf8(key));
    }
    if (mode == QLatin1String("drop-after-commit")) {
        connection->abort();
        return;
    }
    if (mode == QLatin1String("hang-after-commit")) {
        connection->hold();  // carried out, but the client never hears: its timeout ends it
        return;
    }
    if (mode == QLatin1String("malformed")) {
        reply.body = reply.body.left(std::max<qsizetype>(1, reply.body.size() / 2));
    }
    connection->reply(reply, delay_ms);
}

SimReply SimHttpServer::handleSim(const SimRequest& request, const QString& path)
{
    const bool is_post = request.isPost();
    // The patient's phone paying an order, the cashier window, a doctor amending a bill.
    if (std::optional<SimReply> r = payments_->control(request, path)) {
        persist();
        return *r;
    }
    if (path == QLatin1String("/_sim/stats")) {
        QJsonObject routes;
        for (auto it = requests_per_route_.cbegin(); it != requests_per_route_.cend(); ++it) {
            routes.insert(it.key(), it.value());
        }
        SimReply r = jsonReply(
            200, QJsonObject{
                     {QStringLiteral("requests"), routes},
                     {QStringLiteral("appointments_created"), state_.appointments_created},
                     {QStringLiteral("checkins_applied"), state_.checkins_applied},
                     {QStringLiteral("cancels_applied"), state_.cancels_applied},
                     {QStringLiteral("idempotent_replays"), state_.idempotent_replays},
                     {QStringLiteral("duplicate_commands"), state_.duplicate_commands},
                     {QStringLiteral("payments_applied"), state_.pay.payments_applied},
                     {QStringLiteral("idempotency_keys"), key_ledger_.stats()},
                     {QStringLiteral("rate_limit"), rate_limit_.stats()},
                     {QStringLiteral("auth"),
                      QJsonObject{{QStringLiteral("tokens_issued"), auth_->stats().tokens_issued},
                                  {QStringLiteral("token_refusals"), auth_->stats().token_refusals},
                                  {QStringLiteral("unauthorised"), auth_->stats().unauthorised},
                                  {QStringLiteral("forbidden"), auth_->stats().forbidden}}}});
        r.content_type = QByteArrayLiteral("application/json");
        return r;
    }
    if (path == QLatin1String("/_sim/rate-limit")) {
        return rateLimitControl(request);
    }
    if (path == QLatin1String("/_sim/checkin-key")) {  // the check-in token public key (PEM)
        SimReply r;
        r.body = checkin_key_->publicKeyPem();
        r.content_type = QByteArrayLiteral("application/x-pem-file");
        return r;
    }
    if (is_post && path == QLatin1String("/_sim/reset")) {
        resetState();
        return jsonReply(200, QJsonObject{{QStringLiteral("reset"), true}});
    }
    if (is_post && path == QLatin1String("/_sim/faults")) {
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &err);
        if (err.error != QJsonParseError::NoError || !doc.isObject()) {
            return outcomeReply(400, QStringLiteral("structure"),
                                QStringLiteral("fault JSON expected"));
        }
        const QJsonObject o = doc.object();
        FaultSpec f;
        f.mode = o.value(QStringLiteral("mode")).toString(QStringLiteral("none"));
        f.count = o.value(QStringLiteral("count")).toInt(1);
        f.latency_ms = o.value(QStringLiteral("latency_ms")).toInt(0);
        f.retry_after_s = o.value(QStringLiteral("retry_after_s")).toInt(1);
        f.path_contains = o.value(QStringLiteral("path_contains")).toString();
        static const QStringList modes = faultModes();
        if (!modes.contains(f.mode)) {
            return outcomeReply(400, QStringLiteral("invalid"),
                                QStringLiteral("unknown fault mode"));
        }
        setFault(f);
        return jsonReply(200, o);
    }
    return outcomeReply(404, QStringLiteral("not-found"),
                        QStringLiteral("unknown simulator control"));
}

SimReply SimHttpServer::rateLimitControl(const SimRequest& request)
{
    if (request.isPost()) {
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &err);
        const QJsonObject o = doc.object();
        const double per_s = o.value(QStringLiteral("requests_per_s")).toDouble(-1);
        const int burst = o.value(QStringLiteral("burst")).toInt(0);
        const int max_connections =
            o.value(QStringLiteral("max_connections")).toInt(options_.max_connections);
        if (err.error != QJsonParseError::NoError || !doc.isObject() || per_s < 0 || burst < 0 ||
            max_connections < 1) {
            return outcomeReply(400, QStringLiteral("invalid"),
                                QStringLiteral("expected {\"requests_per_s\": N >= 0 (0 = no "
                                               "limit), \"burst\": N >= 0, \"max_connections\": "
                                               "N >= 1}"));
        }
        options_.max_connections = max_connections;
        rate_limit_.configure(per_s, burst);
    }
    QJsonObject stats = rate_limit_.stats();
    stats.insert(QStringLiteral("max_connections"), options_.max_connections);
    SimReply r = jsonReply(200, stats);
    r.content_type = QByteArrayLiteral("application/json");
    return r;
}

}  // namespace mk::sim
