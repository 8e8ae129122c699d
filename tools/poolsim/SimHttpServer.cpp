#include "SimHttpServer.h"

#include "SimLog.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTimer>

#include <algorithm>

namespace mk::sim {
namespace {

QByteArray reason(int status)
{
    switch (status) {
        case 200:
            return QByteArrayLiteral("OK");
        case 201:
            return QByteArrayLiteral("Created");
        case 400:
            return QByteArrayLiteral("Bad Request");
        case 404:
            return QByteArrayLiteral("Not Found");
        case 405:
            return QByteArrayLiteral("Method Not Allowed");
        case 409:
            return QByteArrayLiteral("Conflict");
        case 412:
            return QByteArrayLiteral("Precondition Failed");
        case 422:
            return QByteArrayLiteral("Unprocessable Entity");
        case 429:
            return QByteArrayLiteral("Too Many Requests");
        case 503:
            return QByteArrayLiteral("Service Unavailable");
        default:
            return QByteArrayLiteral("Status");
    }
}

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

SimReply outcomeReply(int status, const QString& code, const QString& text, const QString& rule)
{
    QJsonObject issue{{QStringLiteral("severity"), QStringLiteral("error")},
                      {QStringLiteral("code"), code},
                      {QStringLiteral("diagnostics"), text}};
    if (!rule.isEmpty()) {  // which hospital rule refused it (docs/pool-protocol.md)
        issue.insert(QStringLiteral("details"),
                     QJsonObject{{QStringLiteral("coding"),
                                  QJsonArray{QJsonObject{{QStringLiteral("system"),
                                                          QStringLiteral("urn:medkiosk:rule")},
                                                         {QStringLiteral("code"), rule}}}},
                                 {QStringLiteral("text"), text}});
    }
    const QJsonObject oo{{QStringLiteral("resourceType"), QStringLiteral("OperationOutcome")},
                         {QStringLiteral("issue"), QJsonArray{issue}}};
    return jsonReply(status, oo);
}

SimHttpServer::SimHttpServer(SimOptions options)
    : options_(std::move(options)),
      seed_(options_.seed, options_.first_day, options_.timezone),
      checkin_key_(std::make_unique<SimCheckinKey>(options_.seed, options_.hospital_id))
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
}

bool SimHttpServer::loadState(QString* error)
{
    return state_.load(options_.data_dir, error);
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
    const QList<QTcpServer*> list = servers();
    const quint16 port = list.isEmpty() ? 0 : list.first()->serverPort();
    return QStringLiteral("http://127.0.0.1:%1/fhir").arg(port);
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

void SimHttpServer::send(QTcpSocket* socket, const SimReply& reply, int delay_ms)
{
    QByteArray head = QByteArrayLiteral("HTTP/1.1 ") + QByteArray::number(reply.status) + ' ' +
                      reason(reply.status) + QByteArrayLiteral("\r\nContent-Type: ") +
                      reply.content_type + QByteArrayLiteral("\r\nContent-Length: ") +
                      QByteArray::number(reply.body.size()) +
                      QByteArrayLiteral("\r\nConnection: close\r\n");
    for (const auto& h : reply.headers) {
        head += h.first + QByteArrayLiteral(": ") + h.second + QByteArrayLiteral("\r\n");
    }
    head += QByteArrayLiteral("\r\n");
    const QByteArray data = head + reply.body;
    QPointer<QTcpSocket> guard(socket);
    auto write = [guard, data] {
        if (guard) {
            guard->write(data);
            guard->disconnectFromHost();
        }
    };
    if (delay_ms > 0) {
        QTimer::singleShot(delay_ms, socket, write);
    } else {
        write();
    }
}

void SimHttpServer::missingHandler(const QHttpServerRequest& /*request*/, QTcpSocket* socket)
{
    send(socket, outcomeReply(404, QStringLiteral("not-found"), QStringLiteral("unknown path")), 0);
}

bool SimHttpServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    const QString path = request.url().path();
    open_sockets_.removeAll(QPointer<QTcpSocket>());
    open_sockets_.append(QPointer<QTcpSocket>(socket));
    if (path.startsWith(QLatin1String("/_sim/"))) {
        send(socket, handleSim(request, path), 0);
        return true;
    }
    QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.isEmpty() || parts.first() != QLatin1String("fhir")) {
        return false;
    }
    parts.removeFirst();
    const bool is_post = request.method() == QHttpServerRequest::Method::Post;
    QString route_key =
        (is_post ? QStringLiteral("POST ") : QStringLiteral("GET ")) + parts.value(0);
    if (parts.size() > 2) {
        route_key += QStringLiteral("/") + parts.value(2);
    }
    requests_per_route_[route_key] += 1;

    FaultSpec fault;
    const bool faulted = takeFault(path, &fault);
    const int delay_ms = options_.latency_ms + (faulted ? fault.latency_ms : 0);
    const QString mode = faulted ? fault.mode : QString();
    if (mode == QLatin1String("drop")) {
        socket->abort();
        return true;
    }
    if (mode == QLatin1String("hang")) {
        return true;  // never reply; the client's timeout ends it
    }
    if (mode == QLatin1String("outage")) {
        for (const QPointer<QTcpSocket>& s : std::as_const(open_sockets_)) {
            if (s) {
                s->abort();
            }
        }
        open_sockets_.clear();
        return true;
    }
    if (mode == QLatin1String("5xx")) {
        send(socket,
             outcomeReply(503, QStringLiteral("transient"), QStringLiteral("simulated outage")),
             delay_ms);
        return true;
    }
    if (mode == QLatin1String("429")) {
        SimReply r =
            outcomeReply(429, QStringLiteral("throttled"), QStringLiteral("simulated rate limit"));
        r.headers.append(
            {QByteArrayLiteral("Retry-After"), QByteArray::number(fault.retry_after_s)});
        send(socket, r, delay_ms);
        return true;
    }
    if (mode == QLatin1String("wrong-content-type")) {
        SimReply r;
        r.content_type = QByteArrayLiteral("text/html; charset=utf-8");
        r.body = QByteArrayLiteral("<html><body><h1>Gateway login</h1></body></html>");
        send(socket, r, delay_ms);
        return true;
    }
    if (mode == QLatin1String("oversized")) {
        SimReply r;
        r.body = QByteArrayLiteral("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"x\":\"") +
                 QByteArray(20 * 1024 * 1024, 'x') + QByteArrayLiteral("\"}");
        send(socket, r, delay_ms);
        return true;
    }
    bool commit_then_drop = false;
    SimReply reply = command(request, parts, &commit_then_drop);
    if (mode == QLatin1String("drop-after-commit")) {
        socket->abort();
        return true;
    }
    if (mode == QLatin1String("malformed")) {
        reply.body = reply.body.left(std::max<qsizetype>(1, reply.body.size() / 2));
    }
    send(socket, reply, delay_ms);
    return true;
}

SimReply SimHttpServer::handleSim(const QHttpServerRequest& request, const QString& path)
{
    const bool is_post = request.method() == QHttpServerRequest::Method::Post;
    if (path == QLatin1String("/_sim/stats")) {
        QJsonObject routes;
        for (auto it = requests_per_route_.cbegin(); it != requests_per_route_.cend(); ++it) {
            routes.insert(it.key(), it.value());
        }
        SimReply r = jsonReply(
            200, QJsonObject{{QStringLiteral("requests"), routes},
                             {QStringLiteral("appointments_created"), state_.appointments_created},
                             {QStringLiteral("checkins_applied"), state_.checkins_applied},
                             {QStringLiteral("cancels_applied"), state_.cancels_applied},
                             {QStringLiteral("idempotent_replays"), state_.idempotent_replays},
                             {QStringLiteral("duplicate_commands"), state_.duplicate_commands}});
        r.content_type = QByteArrayLiteral("application/json");
        return r;
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
        const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &err);
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

}  // namespace mk::sim
