// Helpers shared by the simulator tests: real HTTP on loopback, through QNetworkAccessManager
// (a client like the kiosk's) or a raw QTcpSocket (to send what no polite client sends).
#pragma once

#include "poolsim/PoolSimulator.h"

#include <QDate>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

namespace mk::sim::test {

struct Reply {
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QByteArray content_type;
    QByteArray etag;
    QByteArray retry_after;
    QByteArray replayed;  // Idempotent-Replayed
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    // issue[0] of an OperationOutcome reply
    QJsonObject issue() const
    {
        return json().value(QStringLiteral("issue")).toArray().at(0).toObject();
    }
    // issue[0].details.coding[0].code (the urn:medkiosk:rule code)
    QString ruleCode() const
    {
        return issue()
            .value(QStringLiteral("details"))
            .toObject()
            .value(QStringLiteral("coding"))
            .toArray()
            .at(0)
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    }
};

using Headers = QList<QPair<QByteArray, QByteArray>>;

inline Reply call(const QByteArray& verb, const QUrl& url, const QByteArray& body = {},
                  const Headers& headers = {}, int timeout_ms = 10000)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    request.setTransferTimeout(timeout_ms);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/fhir+json"));
    for (const auto& h : headers) {
        request.setRawHeader(h.first, h.second);
    }
    QNetworkReply* reply = nam.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    r.body = reply->readAll();
    r.content_type = reply->rawHeader(QByteArrayLiteral("Content-Type"));
    r.etag = reply->rawHeader(QByteArrayLiteral("ETag"));
    r.retry_after = reply->rawHeader(QByteArrayLiteral("Retry-After"));
    r.replayed = reply->rawHeader(QByteArrayLiteral("Idempotent-Replayed"));
    delete reply;
    return r;
}

inline Reply get(const QUrl& base, const QString& path_and_query)
{
    return call(QByteArrayLiteral("GET"),
                QUrl(base.toString() + QLatin1Char('/') + path_and_query));
}

inline SimOptions options(const QString& dir = {})
{
    SimOptions o;
    o.data_dir = dir;
    o.first_day = QDate(2026, 11, 23);
    o.require_auth = false;  // these suites are not about authorisation (tst_kioskauth is)
    return o;
}

inline QByteArray booking(const QString& uuid, const QString& slot,
                          const QString& patient = QStringLiteral("pat-1001"))
{
    const QJsonObject a{
        {QStringLiteral("resourceType"), QStringLiteral("Appointment")},
        {QStringLiteral("status"), QStringLiteral("booked")},
        {QStringLiteral("identifier"),
         QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:medkiosk:booking")},
                                {QStringLiteral("value"), uuid}}}},
        {QStringLiteral("slot"),
         QJsonArray{QJsonObject{{QStringLiteral("reference"), QStringLiteral("Slot/") + slot}}}},
        {QStringLiteral("participant"),
         QJsonArray{QJsonObject{
             {QStringLiteral("actor"),
              QJsonObject{{QStringLiteral("reference"), QStringLiteral("Patient/") + patient}}},
             {QStringLiteral("status"), QStringLiteral("accepted")}}}}};
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

inline Reply book(const QUrl& base, const QString& uuid, const QString& slot,
                  const QString& patient = QStringLiteral("pat-1001"))
{
    return call(QByteArrayLiteral("POST"), QUrl(base.toString() + QStringLiteral("/Appointment")),
                booking(uuid, slot, patient),
                {{QByteArrayLiteral("If-None-Exist"),
                  (QStringLiteral("identifier=urn:medkiosk:booking|") + uuid).toUtf8()}});
}

// The first free slots of sch-ped-01 on the first day.
inline QStringList freeSlots(const QUrl& base, int n)
{
    const Reply r =
        call(QByteArrayLiteral("GET"),
             QUrl(base.toString() +
                  QStringLiteral("/Slot?schedule=sch-ped-01&start=ge2026-11-23T00:00:00%2B08:00"
                                 "&start=lt2026-11-24T00:00:00%2B08:00&status=free&_count=%1")
                      .arg(n)));
    QStringList ids;
    for (const QJsonValue& e : r.json().value(QStringLiteral("entry")).toArray()) {
        ids.append(e.toObject()
                       .value(QStringLiteral("resource"))
                       .toObject()
                       .value(QStringLiteral("id"))
                       .toString());
    }
    return ids;
}

// A raw connection to the simulator: what a slow, partial or hostile client sends.
class RawClient
{
public:
    bool connectTo(quint16 port, int timeout_ms = 5000)
    {
        socket_.connectToHost(QStringLiteral("127.0.0.1"), port);
        return socket_.waitForConnected(timeout_ms);
    }
    void send(const QByteArray& data)
    {
        socket_.write(data);
        socket_.flush();
    }
    // Reads until the server closes the connection or timeout_ms pass; true when it closed.
    bool waitClosed(int timeout_ms)
    {
        QElapsedTimer t;
        t.start();
        while (socket_.state() == QAbstractSocket::ConnectedState && t.elapsed() < timeout_ms) {
            socket_.waitForReadyRead(50);
            received_ += socket_.readAll();
        }
        received_ += socket_.readAll();
        return socket_.state() != QAbstractSocket::ConnectedState;
    }
    // Reads until `needle` arrived or timeout_ms pass.
    bool waitFor(const QByteArray& needle, int timeout_ms)
    {
        QElapsedTimer t;
        t.start();
        while (!received_.contains(needle) && t.elapsed() < timeout_ms) {
            socket_.waitForReadyRead(50);
            received_ += socket_.readAll();
        }
        return received_.contains(needle);
    }
    // The status code of the reply received so far (0 = none yet).
    int status() const
    {
        if (!received_.startsWith("HTTP/1.1 ")) {
            return 0;
        }
        return received_.mid(9, 3).toInt();
    }
    QByteArray body() const
    {
        const qsizetype end = received_.indexOf("\r\n\r\n");
        return end < 0 ? QByteArray() : received_.mid(end + 4);
    }
    QByteArray received() const { return received_; }
    QTcpSocket& socket() { return socket_; }

private:
    QTcpSocket socket_;
    QByteArray received_;
};

inline quint16 portOf(const QUrl& base)
{
    return quint16(base.port());
}

}  // namespace mk::sim::test
