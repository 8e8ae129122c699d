#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace mk::sim {

using SimHeaders = QList<QPair<QByteArray, QByteArray>>;

// One HTTP/1.1 request as SimConnection read it (within the limits of SimOptions).
struct SimRequest {
    QByteArray method;  // as sent: GET, POST, ...
    QUrl url;           // http://127.0.0.1:PORT/path?query
    SimHeaders headers;
    QByteArray body;

    // The first header with that name (case-insensitive), trimmed; empty when absent.
    QByteArray value(const QByteArray& name) const;
    bool isGet() const { return method == "GET"; }
    bool isPost() const { return method == "POST"; }
};

struct SimReply {
    int status = 200;
    QByteArray body;
    QByteArray content_type = QByteArrayLiteral("application/fhir+json; charset=utf-8");
    SimHeaders headers;
};

// An OperationOutcome reply; `rule` (per-day, ...) adds details.coding urn:medkiosk:rule, with
// details.text = `details_text` (default: `text`; a payment refusal gives the patient's reason
// in Chinese in diagnostics and in English in details.text).
SimReply outcomeReply(int status, const QString& code, const QString& text,
                      const QString& rule = QString(), const QString& details_text = QString());

// The bytes of a reply on the wire: status line, headers (`Connection: keep-alive` or
// `Connection: close`), body.
QByteArray serializeReply(const SimReply& reply, bool keep_alive = false);

}  // namespace mk::sim
