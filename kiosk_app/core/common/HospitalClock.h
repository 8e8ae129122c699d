// The hospital's wall clock: "now", "today" and every day boundary in the hospital's time zone
// (configuration pool/timezone), whatever zone the machine itself is set to. A kiosk image in UTC
// at a hospital in Asia/Shanghai must show 00:30 and Saturday at 16:30Z on Friday. Inject the
// source of instants in tests (STYLE.md: inject the clock).
#pragma once

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <functional>

namespace mk {

class HospitalClock
{
public:
    // An instant, in any zone or spec; the default is the system clock.
    using Source = std::function<QDateTime()>;

    // The zone of an IANA id; for an unknown id (KioskConfig reports it), Asia/Shanghai, or
    // UTC+8 when the system has no zone database.
    static QTimeZone zoneFor(const QByteArray& iana_id);
    static QTimeZone zoneFor(const QString& iana_id) { return zoneFor(iana_id.toUtf8()); }

    explicit HospitalClock(const QByteArray& iana_id = QByteArrayLiteral("Asia/Shanghai"),
                           Source source = {});

    const QTimeZone& zone() const { return zone_; }
    void setSource(Source source);

    // Now, as a date and time in the hospital's zone.
    QDateTime now() const;
    // The hospital's date now.
    QDate today() const { return now().date(); }
    // Any instant as a date and time in the hospital's zone (an invalid one stays invalid).
    QDateTime inZone(const QDateTime& instant) const;
    // The hospital's date of an instant.
    QDate dayOf(const QDateTime& instant) const { return inZone(instant).date(); }

private:
    QTimeZone zone_;
    Source source_;
};

}  // namespace mk
