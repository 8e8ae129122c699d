// Patient sentences for check-in outcomes (CheckinTypes.h), and the INI options.
#include "core/checkin/ArrivalTypes.h"
#include "core/checkin/CheckinTypes.h"
#include "core/common/UserMessages.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QUrl>

namespace mk::checkin {

namespace {
// lupdate files an unqualified tr() in a free function under its namespace: this context must be
// that namespace, or the catalog is never found (tst_coremessages).
QString tr(const char* text)
{
    return QCoreApplication::translate("mk::checkin", text);
}
}  // namespace

QString checkinStatusName(CheckinStatus status)
{
    switch (status) {
        case CheckinStatus::Unset:
            return QStringLiteral("unset");
        case CheckinStatus::CheckedIn:
            return QStringLiteral("checked-in");
        case CheckinStatus::Refused:
            return QStringLiteral("refused");
        case CheckinStatus::TooEarly:
            return QStringLiteral("too-early");
        case CheckinStatus::TooLate:
            return QStringLiteral("too-late");
        case CheckinStatus::Cancelled:
            return QStringLiteral("cancelled");
        case CheckinStatus::NotFound:
            return QStringLiteral("not-found");
        case CheckinStatus::NeedsPool:
            return QStringLiteral("needs-pool");
        case CheckinStatus::Elsewhere:
            return QStringLiteral("elsewhere");
        case CheckinStatus::Failed:
            return QStringLiteral("failed");
    }
    return QStringLiteral("unset");
}

QString checkinMessage(const CheckinOutcome& o)
{
    switch (o.status) {
        case CheckinStatus::CheckedIn:
            if (o.record.provisional) {
                return tr(
                    "You are checked in. The hospital system cannot be reached right now, "
                    "so this number is provisional; the nurse will confirm it.");
            }
            return o.repeated ? tr("You were already checked in. This is your number.")
                              : tr("You are checked in. Please wait until your number is called.");
        case CheckinStatus::TooEarly:
            if (o.other_day) {
                return tr("This appointment is on %1, not today. Please come back that day; "
                          "check-in opens at %2.")
                    .arg(o.slot_start.toString(QStringLiteral("yyyy-MM-dd")),
                         o.window_opens.toString(QStringLiteral("HH:mm")));
            }
            return tr("It is too early to check in. Please come back after %1.")
                .arg(o.window_opens.toString(QStringLiteral("HH:mm")));
        case CheckinStatus::TooLate:
            return tr(
                "The time to check in for this appointment has passed. Please go to the "
                "registration desk.");
        case CheckinStatus::Cancelled:
            return tr("This appointment was cancelled. Please go to the registration desk.");
        case CheckinStatus::NotFound:
            return tr(
                "This appointment was not found. Please check the number or go to the "
                "registration desk.");
        case CheckinStatus::Elsewhere: {
            ArrivalItem where;
            where.building = o.building;
            where.floor = o.floor;
            where.place = o.place;
            return placeMessage(where);
        }
        case CheckinStatus::NeedsPool:
            return tr(
                "The hospital system cannot be reached, so an appointment number cannot be "
                "checked now. Please scan the QR code of your appointment, or try again "
                "later.");
        case CheckinStatus::Refused:
            switch (o.verdict) {
                case TokenVerdict::NotAToken:
                    return tr(
                        "This is not an appointment code. Please scan the QR code of your "
                        "appointment.");
                case TokenVerdict::OtherIssuer:
                    return tr(
                        "This appointment code is from another hospital. Please go to the "
                        "registration desk.");
                case TokenVerdict::Expired:
                    return tr(
                        "This appointment code has expired. Please go to the registration "
                        "desk.");
                case TokenVerdict::NoKey:
                    return tr("Check-in is not available at this kiosk. Please ask staff.");
                default:
                    return tr(
                        "This appointment code cannot be read or is not valid. Please go to "
                        "the registration desk.");
            }
        case CheckinStatus::Failed:
            return userMessage(o.error);
        case CheckinStatus::Unset:
            break;
    }
    return QString();
}

Result<CheckinOptions> CheckinOptions::fromSettings(const QString& ini_path,
                                                    const QString& kiosk_id)
{
    CheckinOptions o;
    if (!kiosk_id.isEmpty()) o.kiosk_id = kiosk_id;
    if (ini_path.isEmpty() || !QFile::exists(ini_path)) return o;
    QSettings s(ini_path, QSettings::IniFormat);
    s.beginGroup(QStringLiteral("checkin"));
    const QString key_file = s.value(QStringLiteral("pool_public_key_file")).toString();
    if (!key_file.isEmpty()) {
        QFile f(key_file);
        if (!f.open(QIODevice::ReadOnly)) {
            return makeError(ErrorCode::Config,
                             QStringLiteral("checkin/pool_public_key_file: cannot read %1: %2")
                                 .arg(key_file, f.errorString()));
        }
        o.pool_public_key_pem = f.read(64 * 1024);
    }
    o.hospital_id = s.value(QStringLiteral("hospital_id"), o.hospital_id).toString();
    // A value that is not a whole number is a configuration error naming its key, never a
    // silent 0 (an arrival window of 0 minutes, a provisional range starting at 0).
    QStringList problems;
    auto integer = [&s, &problems](const char* key, int* value) {
        const QString name = QString::fromLatin1(key);
        if (!s.contains(name)) return;
        const QString text = s.value(name).toString().trimmed();
        bool ok = false;
        const int parsed = text.toInt(&ok);
        if (!ok) {
            problems << tr("checkin/%1: \"%2\" is not a whole number").arg(name, text);
            return;
        }
        *value = parsed;
    };
    integer("early_minutes", &o.early_minutes);
    integer("late_minutes", &o.late_minutes);
    integer("provisional_first", &o.provisional_first);
    integer("provisional_last", &o.provisional_last);
    if (!problems.isEmpty()) return makeError(ErrorCode::Config, problems.join(u"; "_qs));
    o.queue_url = s.value(QStringLiteral("queue_url"), o.queue_url).toString();
    o.building = s.value(QStringLiteral("building")).toString().trimmed();
    if (s.contains(QStringLiteral("floor"))) {
        bool ok = false;
        const QString text = s.value(QStringLiteral("floor")).toString().trimmed();
        o.floor = text.toInt(&ok);
        if (!ok || o.floor < -9 || o.floor > 200) {
            return makeError(
                ErrorCode::Config,
                tr("checkin/floor: \"%1\" is not a floor number (-9 to 200)").arg(text));
        }
    }
    s.endGroup();
    if (o.early_minutes < 0 || o.late_minutes < 0 || o.provisional_first <= 0 ||
        o.provisional_last < o.provisional_first) {
        return makeError(ErrorCode::Config,
                         QStringLiteral("checkin: negative window or empty provisional range"));
    }
    return o;
}

QString CheckinOptions::queueUrlFor(const QString& appointment_number) const
{
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(appointment_number));
    if (queue_url.contains(QLatin1String("<number>"))) {
        return QString(queue_url).replace(QLatin1String("<number>"), encoded);
    }
    return queue_url +
           (queue_url.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) +
           QStringLiteral("appt=") + encoded;
}

}  // namespace mk::checkin
