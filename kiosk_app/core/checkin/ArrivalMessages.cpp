// Patient sentences for check-in by card or face (ArrivalTypes.h).
#include "core/checkin/ArrivalTypes.h"
#include "core/common/UserMessages.h"

#include <QCoreApplication>

namespace mk::checkin {

namespace {
// lupdate files an unqualified tr() in a free function under its namespace: this context must be
// that namespace, or the catalog is never found (tst_coremessages).
QString tr(const char* text)
{
    return QCoreApplication::translate("mk::checkin", text);
}
}  // namespace

QList<ArrivalItem> ArrivalList::choosable() const
{
    QList<ArrivalItem> out;
    for (const ArrivalItem& i : today) {
        if (i.place == ArrivalPlace::Here) out.append(i);
    }
    return out;
}

QString placeMessage(const ArrivalItem& item)
{
    switch (item.place) {
        case ArrivalPlace::Here:
            return {};
        case ArrivalPlace::OtherFloor:
            return tr("This appointment is on floor %1. Please go to floor %1 and check in "
                      "at the kiosk there.")
                .arg(item.floor);
        case ArrivalPlace::OtherBuilding:
            return item.floor > 0
                       ? tr("This appointment is in building %1, floor %2. Please go there and "
                            "check in at the kiosk there.")
                             .arg(item.building)
                             .arg(item.floor)
                       : tr("This appointment is in building %1. Please go there and check in "
                            "at the kiosk there.")
                             .arg(item.building);
    }
    return {};
}

QString arrivalMessage(const ArrivalList& list)
{
    switch (list.status) {
        case ArrivalStatus::Found:
        case ArrivalStatus::Unset:
            return {};
        case ArrivalStatus::Elsewhere:
            return list.today.isEmpty() ? QString() : placeMessage(list.today.first());
        case ArrivalStatus::OtherDay:
            if (list.next_day) {
                return tr("You have no appointment today. Your next appointment is on %1 at "
                          "%2. Please come back that day.")
                    .arg(list.next_day->start.toString(QStringLiteral("yyyy-MM-dd")),
                         list.next_day->start.toString(QStringLiteral("HH:mm")));
            }
            [[fallthrough]];
        case ArrivalStatus::NoneToday:
            return tr(
                "You have no appointment today. Please book one on Home, or ask at the "
                "service desk.");
        case ArrivalStatus::UnknownCard:
            return tr(
                "This card is not known to the hospital system. Please scan your "
                "appointment code, or ask at the service desk.");
        case ArrivalStatus::NeedsPool:
            return tr(
                "The hospital system cannot be reached right now and your appointments "
                "are not known at this kiosk. Please scan the QR code of your "
                "appointment, or ask at the service desk.");
        case ArrivalStatus::Failed:
            return tr("Your appointments could not be read. %1").arg(userMessage(list.error));
    }
    return {};
}

QString arrivalStatusName(ArrivalStatus status)
{
    switch (status) {
        case ArrivalStatus::Unset:
            return QStringLiteral("unset");
        case ArrivalStatus::Found:
            return QStringLiteral("found");
        case ArrivalStatus::Elsewhere:
            return QStringLiteral("elsewhere");
        case ArrivalStatus::OtherDay:
            return QStringLiteral("other-day");
        case ArrivalStatus::NoneToday:
            return QStringLiteral("none-today");
        case ArrivalStatus::UnknownCard:
            return QStringLiteral("unknown-card");
        case ArrivalStatus::NeedsPool:
            return QStringLiteral("needs-pool");
        case ArrivalStatus::Failed:
            return QStringLiteral("failed");
    }
    return QStringLiteral("unset");
}

}  // namespace mk::checkin
