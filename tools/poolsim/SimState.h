#pragma once

#include "SimPayState.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QString>

namespace mk::sim {

// The mutable part of the pool, saved to data_dir/state.json after every mutation.
class SimState
{
public:
    QMap<QString, QJsonObject> appointments;  // id -> Appointment
    QSet<QString> booked_slots;               // slot ids taken by an appointment
    QHash<QString, QString> booking_index;    // booking uuid -> appointment id
    QHash<QString, int> sequences;            // "schedule|yyyy-MM-dd" -> last visit number
    QHash<QString, int> day_counters;         // "yyyyMMdd" -> last appointment number
    int next_id = 1;
    int appointments_created = 0;
    // Outbox commands (docs/pool-protocol.md "Outbox commands"): the first 2xx reply per
    // Idempotency-Key ({status, body, etag}), and the exactly-once oracle of the tests.
    QHash<QString, QJsonObject> idempotent_replies;
    // Idempotency-Key -> the request it is bound to ("METHOD path?query sha256(body)"), from
    // its first use on; a key reused for another request is refused (422).
    QHash<QString, QString> idempotent_requests;
    int checkins_applied = 0;    // booked -> arrived transitions
    int cancels_applied = 0;     // -> cancelled transitions
    int idempotent_replays = 0;  // POSTs answered from idempotent_replies
    int duplicate_commands = 0;  // a check-in/cancel executed (not replayed) on one already done
    SimPayState pay;             // bills, credit lines, payments, receipts, phone orders (issue 9)

    void clear();
    // Atomic: temp file, fsync, rename; the file 0600 in a 0700 folder (it holds check-in
    // tokens). An empty dir means memory only (returns true).
    bool save(const QString& data_dir, QString* error) const;
    // Also makes an existing folder and state.json private (0700 / 0600).
    bool load(const QString& data_dir, QString* error);
};

}  // namespace mk::sim
