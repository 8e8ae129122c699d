// Check-in without the appointment code (issue 12): a patient card or a face says who arrived;
// the pool says which appointments that person (and, for a guardian, their children) has today,
// and where each takes place; the kiosk says what to do when none is for here and now.
#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace mk::checkin {

// Where an appointment takes place compared with this kiosk ([kiosk] building / floor).
enum class ArrivalPlace { Here = 0, OtherFloor, OtherBuilding };

struct ArrivalItem {
    QString appointment_id;
    QString appointment_number;
    QString patient_id;
    QString patient_name_masked;  // 张*明: the child's for a guardian's child
    bool is_child = false;        // a child of the person who signed in
    QString department_id;
    QString practitioner_id;
    QDateTime start;        // in the hospital's zone
    QString checkin_token;  // the pool's signed token (may be empty)
    QString building;       // appointment-location extension; empty = not said
    int floor = 0;          // 0 = not said
    ArrivalPlace place = ArrivalPlace::Here;
    bool arrived = false;  // already checked in (visit_number is the pool's)
    int visit_number = 0;
};

enum class ArrivalStatus {
    Unset = 0,
    Found,        // today's appointments to choose from (at least one here)
    Elsewhere,    // today's appointments, none in this building / on this floor
    OtherDay,     // none today; next_day is the next one
    NoneToday,    // no appointment today or in the coming weeks
    UnknownCard,  // the pool knows no patient with this card
    NeedsPool,    // the pool is away and today's list is not in the cache
    Failed,       // store or pool failure (error says what)
};

struct ArrivalList {
    ArrivalStatus status = ArrivalStatus::Unset;
    QList<ArrivalItem> today;             // by start time; cancelled ones left out
    std::optional<ArrivalItem> next_day;  // the next appointment after today, if any
    bool from_cache = false;              // read from today's cache (the pool was away)
    Error error;
    qint64 elapsed_ms = 0;  // card/face -> list (benchmarks)

    // The appointments a patient may choose here: today's, here, not yet arrived.
    QList<ArrivalItem> choosable() const;
};

// One or two sentences for the patient, in the UI language (context
// "mk::checkin::CheckinMessages"): why nothing can be chosen and what to do. Empty for Found.
QString arrivalMessage(const ArrivalList& list);
// "Floor 5, building B: please check in at a kiosk there." for an item elsewhere; else empty.
QString placeMessage(const ArrivalItem& item);
QString arrivalStatusName(ArrivalStatus status);  // logs and tests

}  // namespace mk::checkin

Q_DECLARE_METATYPE(mk::checkin::ArrivalList)
Q_DECLARE_METATYPE(mk::checkin::ArrivalItem)
