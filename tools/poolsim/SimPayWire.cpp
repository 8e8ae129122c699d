// Wire helpers of the payment routes: exact-number replies and bodies, search date bounds.
#include "SimPayWire.h"

#include "payment/ExactJson.h"

#include <QDateTime>
#include <QTimeZone>

namespace mk::sim::paywire {

SimReply resourceReply(int status, const QJsonObject& resource)
{
    SimReply r;
    r.status = status;
    r.body = pay::writeExactJson(resource);
    const QString version = resource.value(QStringLiteral("meta"))
                                .toObject()
                                .value(QStringLiteral("versionId"))
                                .toString();
    if (!version.isEmpty()) {
        r.headers.append({QByteArrayLiteral("ETag"),
                          QByteArrayLiteral("W/\"") + version.toUtf8() + QByteArrayLiteral("\"")});
    }
    return r;
}

qint64 instantMs(const QString& iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

std::optional<QList<Bound>> parseBounds(const QStringList& values, int offset_s)
{
    static const QStringList prefixes{QStringLiteral("ge"), QStringLiteral("gt"),
                                      QStringLiteral("le"), QStringLiteral("lt")};
    QList<Bound> out;
    for (const QString& v : values) {
        const QString prefix = v.left(2);
        const QString when = v.mid(2);
        if (!prefixes.contains(prefix)) return std::nullopt;
        if (when.size() == 10) {
            const QDate day = QDate::fromString(when, Qt::ISODate);
            if (!day.isValid()) return std::nullopt;
            out.append(Bound{prefix, day.startOfDay(QTimeZone(offset_s)).toMSecsSinceEpoch()});
            continue;
        }
        const QDateTime t = QDateTime::fromString(when, Qt::ISODate);
        if (!t.isValid() || t.timeSpec() == Qt::LocalTime) return std::nullopt;  // offset needed
        out.append(Bound{prefix, t.toMSecsSinceEpoch()});
    }
    return out;
}

bool inRange(qint64 ms, const QList<Bound>& bounds)
{
    for (const Bound& b : bounds) {
        if ((b.prefix == QLatin1String("ge") && ms < b.ms) ||
            (b.prefix == QLatin1String("gt") && ms <= b.ms) ||
            (b.prefix == QLatin1String("le") && ms > b.ms) ||
            (b.prefix == QLatin1String("lt") && ms >= b.ms)) {
            return false;
        }
    }
    return true;
}

std::optional<QJsonArray> readParameters(const QByteArray& body, SimReply* refused)
{
    const pay::PayResult<QJsonDocument> doc = pay::parseExactJson(body);
    if (!doc) {
        *refused = outcomeReply(400, QStringLiteral("structure"),
                                QStringLiteral("the body is not JSON: ") + doc.error().message());
        return std::nullopt;
    }
    const QJsonObject o = doc.value().object();
    if (o.value(QStringLiteral("resourceType")).toString() != QLatin1String("Parameters") ||
        !o.value(QStringLiteral("parameter")).isArray()) {
        *refused = outcomeReply(400, QStringLiteral("invalid"),
                                QStringLiteral("a Parameters resource is expected"));
        return std::nullopt;
    }
    return o.value(QStringLiteral("parameter")).toArray();
}

QJsonObject parameter(const QJsonArray& parameters, const QString& name)
{
    for (const QJsonValue& v : parameters) {
        if (v.toObject().value(QStringLiteral("name")).toString() == name) return v.toObject();
    }
    return {};
}

Verification readVerification(const QJsonArray& parameters)
{
    const QJsonArray parts = parameter(parameters, QStringLiteral("verification"))
                                 .value(QStringLiteral("part"))
                                 .toArray();
    Verification v;
    const QString method =
        parameter(parts, QStringLiteral("method")).value(QStringLiteral("valueCode")).toString();
    const std::optional<QString> score = pay::exactNumberText(
        parameter(parts, QStringLiteral("score")).value(QStringLiteral("valueDecimal")));
    if (method == QLatin1String("phone-digits")) {
        v.method = method;
    } else if (method == QLatin1String("face") && score) {
        bool ok = false;
        const double s = score->toDouble(&ok);  // a similarity, not money
        if (ok && s >= 0.0 && s <= 1.0) {
            v.method = method;
            v.score_text = *score;
        }
    }
    return v;
}

}  // namespace mk::sim::paywire
