// Values of the check-in flow (issue 4): options read from the kiosk INI, the local record of a
// check-in made at this kiosk, and the outcome a screen shows.
#pragma once

#include "core/checkin/ArrivalTypes.h"
#include "core/checkin/CheckinToken.h"
#include "core/common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace mk::checkin {

// INI keys, [checkin] section (docs/checkin.md): pool_public_key_file, hospital_id,
// early_minutes, late_minutes, provisional_first, provisional_last, queue_url, building, floor.
struct CheckinOptions {
    QByteArray pool_public_key_pem;  // from checkin/pool_public_key_file (demo: the simulator)
    QString hospital_id;             // expected token issuer; empty = any
    QString kiosk_id = QStringLiteral("KIOSK-DEMO-01");
    int early_minutes = 60;        // arrival window: from slot start - early ...
    int late_minutes = 15;         // ... to slot start + late
    int provisional_first = 9000;  // this kiosk's range of provisional numbers (offline)
    int provisional_last = 9999;
    // Queue-follow address printed as a QR code on the ticket; "<number>" is replaced by the
    // appointment number, else ?appt=<number> is appended.
    QString queue_url = QStringLiteral("https://queue.hospital.example/q?appt=<number>");
    QString timezone = QStringLiteral("Asia/Shanghai");
    // Where this kiosk stands ([checkin] building, floor): an appointment elsewhere is named with
    // what to do instead of being checked in here. Empty / 0: not compared.
    QString building;
    int floor = 0;

    // Reads the [checkin] keys of an INI file with QSettings; the key file is read here too.
    // Missing keys keep the defaults. Config error for an unreadable key file or a bad range.
    static Result<CheckinOptions> fromSettings(const QString& ini_path, const QString& kiosk_id);
    QString queueUrlFor(const QString& appointment_number) const;
};

// A check-in made at this kiosk (table checkin, store migration 4).
struct CheckinRecord {
    QString appointment_id;
    QString appointment_number;
    QString patient_name_masked;
    QString department_id;
    QString practitioner_id;
    qint64 slot_start_s = 0;
    bool provisional = false;    // true until the pool's number replaced the kiosk's
    int visit_number = 0;        // the number to show: the pool's, or the provisional one
    int provisional_number = 0;  // 0 when the pool answered at once
    QDateTime checked_in_at;
};

enum class CheckinStatus {
    Unset = 0,
    CheckedIn,  // a number to show (maybe provisional, maybe from an earlier scan)
    Refused,    // the code is not accepted (verdict says why): nothing was sent
    TooEarly,   // come back at window_opens
    TooLate,    // past window_closes: go to the desk
    Cancelled,  // the pool says the appointment is cancelled
    NotFound,   // an appointment number the pool does not know
    NeedsPool,  // a plain number while the pool is away
    Elsewhere,  // the appointment is in another building / on another floor (building, floor)
    Failed,     // store or pool failure (error says what)
};

struct CheckinOutcome {
    CheckinStatus status = CheckinStatus::Unset;
    TokenVerdict verdict = TokenVerdict::Unset;  // for tokens
    bool from_token = false;                     // false: a plain appointment number
    bool repeated = false;                       // this kiosk had already checked it in
    CheckinRecord record;                        // when CheckedIn (number, name, ids, time)
    QDateTime slot_start;                        // in the hospital's zone
    QDateTime window_opens;
    bool other_day = false;  // TooEarly: the appointment is on a later day, not today
    QDateTime window_closes;
    Error error;
    ArrivalPlace place = ArrivalPlace::Here;  // when Elsewhere: where the appointment is
    QString building;
    int floor = 0;
    qint64 elapsed_ms = 0;  // scan to outcome (benchmarks)
};

// One or two sentences for the patient, in the current UI language (context
// "mk::checkin::CheckinMessages"): what happened and what to do next. No personal data.
QString checkinMessage(const CheckinOutcome& outcome);

QString checkinStatusName(CheckinStatus status);  // logs and tests

}  // namespace mk::checkin

Q_DECLARE_METATYPE(mk::checkin::CheckinOutcome)
