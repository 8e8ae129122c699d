// Offline exposure rules (DESIGN §4) as pure functions: may the kiosk take this credit payment
// while the pool is unreachable? The caller (the kiosk's payment service) gathers the figures
// from its store; nothing here reads a clock, a file or the network.
//
// Rules, checked in this order; the first that refuses is reported:
//   1. Disabled       the config's per-transaction cap is 0.00: no offline payments at all
//   2. PerTransaction amount > perTransaction
//   3. PerPatientDay  patientToday + amount > perPatientPerDay (patientToday: this patient's
//                     offline payments taken today, hospital day, delivered or not)
//   4. KioskTotal     kioskOutstanding + amount > kioskOutstanding cap (queued, not yet delivered)
//   5. QueueAge       the oldest queued payment is older than maxQueuedAge (the queue is stuck:
//                     take no more until it drains)
// A sum that overflows refuses with the rule it belongs to. Equal to a cap is allowed.
// (Bills from today's cache only and face verification only are the caller's checks.)
#pragma once

#include "payment/Money.h"
#include "payment/PayError.h"

#include <QMap>
#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <optional>

namespace mk::pay {

struct CapsConfig {
    Money perTransaction = Money::yuan(200);
    Money perPatientPerDay = Money::yuan(500);
    Money kioskOutstanding = Money::yuan(3000);
    qint64 maxQueuedAge_s = 24 * 3600;
};

// kiosk.ini keys (QSettings "group/key") and their defaults as written in kiosk.ini.example.
// Money values are decimal text (Money::fromDecimalText, "200.00"); the age is whole minutes.
namespace capskeys {
inline constexpr QStringView kPerTransaction = u"payment/offline_max_per_transaction";
inline constexpr QStringView kPerPatientPerDay = u"payment/offline_max_per_patient_per_day";
inline constexpr QStringView kKioskOutstanding = u"payment/offline_max_kiosk_outstanding";
inline constexpr QStringView kMaxQueuedAgeMinutes = u"payment/offline_max_queued_age_minutes";
inline constexpr QStringView kDefaultPerTransaction = u"200.00";
inline constexpr QStringView kDefaultPerPatientPerDay = u"500.00";
inline constexpr QStringView kDefaultKioskOutstanding = u"3000.00";
inline constexpr QStringView kDefaultMaxQueuedAgeMinutes = u"1440";
}  // namespace capskeys

// From key -> text (missing keys take the defaults). Refused: a bad or negative amount,
// perTransaction > perPatientPerDay or > kioskOutstanding, an age not 1..10080 minutes
// (error field = the key).
PayResult<CapsConfig> capsConfigFromValues(const QMap<QString, QString>& values);

struct Exposure {
    Money amount;            // the payment being decided
    Money patientToday;      // this patient's offline payments today, before this one
    Money kioskOutstanding;  // all queued (undelivered) offline payments of this kiosk
    std::optional<qint64> oldestQueuedAge_s;  // nullopt when nothing is queued
};

enum class CapRule { Unset = 0, Disabled, PerTransaction, PerPatientDay, KioskTotal, QueueAge };
QString capRuleName(CapRule rule);  // "disabled", "per-transaction", ... for logs and tests

struct CapsDecision {
    bool allowed = false;
    CapRule refusedBy = CapRule::Unset;  // Unset when allowed
    QString detail;                      // English, figures included, for logs and staff
};

CapsDecision checkOfflineCaps(const CapsConfig& config, const Exposure& exposure);

}  // namespace mk::pay
