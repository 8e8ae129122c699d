#include "SimHttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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
        case 408:
            return QByteArrayLiteral("Request Timeout");
        case 409:
            return QByteArrayLiteral("Conflict");
        case 411:
            return QByteArrayLiteral("Length Required");
        case 412:
            return QByteArrayLiteral("Precondition Failed");
        case 413:
            return QByteArrayLiteral("Content Too Large");
        case 422:
            return QByteArrayLiteral("Unprocessable Entity");
        case 429:
            return QByteArrayLiteral("Too Many Requests");
        case 431:
            return QByteArrayLiteral("Request Header Fields Too Large");
        case 503:
            return QByteArrayLiteral("Service Unavailable");
        default:
            return QByteArrayLiteral("Status");
    }
}

}  // namespace

QByteArray SimRequest::value(const QByteArray& name) const
{
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            return h.second;
        }
    }
    return {};
}

SimReply outcomeReply(int status, const QString& code, const QString& text, const QString& rule,
                      const QString& details_text)
{
    QJsonObject issue{{QStringLiteral("severity"), QStringLiteral("error")},
                      {QStringLiteral("code"), code},
                      {QStringLiteral("diagnostics"), text}};
    if (!rule.isEmpty()) {  // which hospital rule refused it (docs/pool-protocol.md)
        issue.insert(
            QStringLiteral("details"),
            QJsonObject{{QStringLiteral("coding"),
                         QJsonArray{QJsonObject{
                             {QStringLiteral("system"), QStringLiteral("urn:medkiosk:rule")},
                             {QStringLiteral("code"), rule}}}},
                        {QStringLiteral("text"), details_text.isEmpty() ? text : details_text}});
    }
    const QJsonObject oo{{QStringLiteral("resourceType"), QStringLiteral("OperationOutcome")},
                         {QStringLiteral("issue"), QJsonArray{issue}}};
    SimReply r;
    r.status = status;
    r.body = QJsonDocument(oo).toJson(QJsonDocument::Compact);
    return r;
}

QByteArray serializeReply(const SimReply& reply, bool keep_alive)
{
    QByteArray head = QByteArrayLiteral("HTTP/1.1 ") + QByteArray::number(reply.status) + ' ' +
                      reason(reply.status) + QByteArrayLiteral("\r\nContent-Type: ") +
                      reply.content_type + QByteArrayLiteral("\r\nContent-Length: ") +
                      QByteArray::number(reply.body.size()) +
                      (keep_alive ? QByteArrayLiteral("\r\nConnection: keep-alive\r\n")
                                  : QByteArrayLiteral("\r\nConnection: close\r\n"));
    for (const auto& h : reply.headers) {
        head += h.first + QByteArrayLiteral(": ") + h.second + QByteArrayLiteral("\r\n");
    }
    head += QByteArrayLiteral("\r\n");
    return head + reply.body;
}

}  // namespace mk::sim
