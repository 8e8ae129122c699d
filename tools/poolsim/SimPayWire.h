#pragma once

#include "SimHttp.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mk::sim::paywire {

// A reply whose body is `resource` written with exact numbers (payment/ExactJson.h), with
// `ETag: W/"{meta.versionId}"` when it has one.
SimReply resourceReply(int status, const QJsonObject& resource);

// Milliseconds since the epoch of an ISO 8601 instant with offset; 0 when it is not one.
qint64 instantMs(const QString& iso);

struct Bound {
    QString prefix;  // ge | gt | le | lt
    qint64 ms = 0;
};
// Search bounds: `ge2026-11-23` (a day: its start in the hospital's zone, offset_s) or
// `ge2026-11-23T00:00:00+08:00`; nullopt when one is malformed.
std::optional<QList<Bound>> parseBounds(const QStringList& values, int offset_s);
bool inRange(qint64 ms, const QList<Bound>& bounds);

// A Parameters body read with exact numbers; nullopt (and the 400 reply in *refused) when the
// body is not a Parameters resource.
std::optional<QJsonArray> readParameters(const QByteArray& body, SimReply* refused);
// The first parameter named `name` (an empty object when absent).
QJsonObject parameter(const QJsonArray& parameters, const QString& name);

// The verification part of a Parameters body: method face|phone-digits and, for face, a score
// in [0, 1]. Empty method when it is missing or invalid.
struct Verification {
    QString method;
    QString score_text;  // the literal, e.g. "0.93"
};
Verification readVerification(const QJsonArray& parameters);

}  // namespace mk::sim::paywire
