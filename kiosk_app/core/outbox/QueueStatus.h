// The state of the outbox and of the link to the pool, as one value: the kiosk's online/offline
// indicator, the staff maintenance screen and `medkioskctl queue status` all read this.
// Relay::status() gives a live one; Outbox::status() reads the one the relay last recorded in the
// store (connectivity fields) plus the table's counts.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>

namespace mk::outbox {

struct QueueStatus {
    bool online = false;                  // the last request to the pool got an answer
    bool connectivity_known = false;      // false until the relay's first request or probe
    bool authorised = true;               // false while the pool refuses this kiosk (commands wait)
    QDateTime offline_since;              // invalid while online
    int waiting = 0;                      // queued commands (due now or backing off)
    QDateTime oldest_waiting_created_at;  // invalid when nothing waits
    qint64 oldest_waiting_age_s = 0;      // at the time the status was taken
    QDateTime last_successful_sync;       // last command the pool accepted (invalid: never)
    int dead = 0;                         // dead letters waiting for staff
    int sent = 0;
    int discarded = 0;
    QDateTime taken_at;

    QJsonObject toJson() const;  // ISO dates, UTC; empty string for an invalid date
};

}  // namespace mk::outbox

Q_DECLARE_METATYPE(mk::outbox::QueueStatus)
