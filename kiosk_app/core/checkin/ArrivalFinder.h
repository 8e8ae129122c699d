// Who arrived -> today's appointments (issue 12): a patient card (urn:medkiosk:card) or a patient
// id from face sign-in; the person and, for a guardian, their children; each one's appointments
// from today to kLookAheadDays ahead with where they take place, compared with this kiosk's
// building and floor. Each list read from the pool is kept in the encrypted store's cache under
// a key made from a hash of the card (or patient id) and the day, so the same card later that
// day still lists the appointments (with their signed tokens) while the pool is away; earlier
// days' lists are deleted whenever a list is saved. Blocking:
// CheckinService calls it on its worker threads.
#pragma once

#include "core/checkin/ArrivalTypes.h"
#include "core/checkin/CheckinTypes.h"

#include <QDateTime>

namespace mk::pool {
class PoolClient;
}
namespace mk::store {
class Store;
}

namespace mk::checkin {

class AppointmentLookup;

class ArrivalFinder
{
public:
    static constexpr int kLookAheadDays = 60;

    ArrivalFinder(pool::PoolClient& client, AppointmentLookup& lookup, store::Store& store,
                  const CheckinOptions& options);

    // online false: the pool is known to be away; only today's cache is read.
    ArrivalList byCard(const QString& card_identifier, const QDateTime& now, bool online);
    ArrivalList byPatient(const QString& patient_id, const QDateTime& now, bool online);

    // Where an appointment at (building, floor) is compared with this kiosk's options.
    static ArrivalPlace placeOf(const CheckinOptions& options, const QString& building, int floor);
    // The cache key of a card or patient id for a day (a hash: no identifier in the key).
    static QString cacheKey(const QString& who, const QDate& day);

private:
    ArrivalList fromPool(const QString& patient_id, const QDateTime& now);
    ArrivalList fromCache(const QString& who, const QDate& day);
    void place(ArrivalItem& item) const;
    void save(const QString& who, const QDate& day, const ArrivalList& list);

    pool::PoolClient& client_;
    AppointmentLookup& lookup_;
    store::Store& store_;
    const CheckinOptions& options_;
};

}  // namespace mk::checkin
