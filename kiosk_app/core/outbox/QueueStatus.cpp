#include "core/outbox/QueueStatus.h"

namespace mk::outbox {

namespace {
QString iso(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}
}  // namespace

QJsonObject QueueStatus::toJson() const
{
    return QJsonObject{
        {QStringLiteral("online"), online},
        {QStringLiteral("connectivity_known"), connectivity_known},
        {QStringLiteral("authorised"), authorised},
        {QStringLiteral("offline_since"), iso(offline_since)},
        {QStringLiteral("waiting"), waiting},
        {QStringLiteral("oldest_waiting_created_at"), iso(oldest_waiting_created_at)},
        {QStringLiteral("oldest_waiting_age_s"), double(oldest_waiting_age_s)},
        {QStringLiteral("last_successful_sync"), iso(last_successful_sync)},
        {QStringLiteral("dead"), dead},
        {QStringLiteral("sent"), sent},
        {QStringLiteral("discarded"), discarded},
        {QStringLiteral("taken_at"), iso(taken_at)}};
}

}  // namespace mk::outbox
