#include "core/common/HospitalClock.h"

namespace mk {

namespace {

constexpr int kShanghaiOffsetSeconds = 8 * 3600;

}  // namespace

QTimeZone HospitalClock::zoneFor(const QByteArray& iana_id)
{
    if (!iana_id.isEmpty()) {
        QTimeZone zone(iana_id);
        if (zone.isValid()) return zone;
    }
    QTimeZone shanghai(QByteArrayLiteral("Asia/Shanghai"));
    return shanghai.isValid() ? shanghai : QTimeZone(kShanghaiOffsetSeconds);
}

HospitalClock::HospitalClock(const QByteArray& iana_id, Source source)
    : zone_(zoneFor(iana_id)), source_(std::move(source))
{}

void HospitalClock::setSource(Source source)
{
    source_ = std::move(source);
}

QDateTime HospitalClock::now() const
{
    return inZone(source_ ? source_() : QDateTime::currentDateTimeUtc());
}

QDateTime HospitalClock::inZone(const QDateTime& instant) const
{
    return instant.isValid() ? instant.toTimeZone(zone_) : instant;
}

}  // namespace mk
