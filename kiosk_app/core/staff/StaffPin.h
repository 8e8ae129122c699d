// The staff PIN of the kiosk (DESIGN §4, docs/maintenance.md): stored in the encrypted store
// (migration 5, table staff_pin) as PBKDF2-HMAC-SHA256 with a random 16-byte salt and
// kIterations rounds, compared in constant time. Repeated failures lock it: kMaxFailures wrong
// PINs lock it for kBaseLockoutS, each further lockout doubling (up to kMaxLockoutS); the state is
// in the store, so a restart does not reset it. Every attempt is written to the staff audit log
// in the same transaction. The PIN is never logged nor kept: the caller's copy is its own.
// Thread-safe like the Store; call it from worker threads, never the UI thread (each check costs
// one slow hash on purpose).
#pragma once

#include "core/common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace mk::store {
class Store;
}

namespace mk::staff {

struct PinCheck {
    enum class Verdict { Ok = 1, Wrong, Locked, NotConfigured };
    Verdict verdict = Verdict::NotConfigured;
    int failures_left = 0;   // wrong PINs left before the lockout (Wrong)
    QDateTime locked_until;  // Locked: when it unlocks (UTC)
    qint64 remaining_s = 0;  // Locked: seconds left at the time of the check
};

class StaffPin
{
    Q_DECLARE_TR_FUNCTIONS(mk::staff::StaffPin)

public:
    static constexpr int kIterations = 150000;
    static constexpr int kSaltBytes = 16;
    static constexpr int kHashBytes = 32;
    static constexpr int kMinLength = 4;
    static constexpr int kMaxLength = 12;
    static constexpr int kMaxFailures = 5;
    static constexpr qint64 kBaseLockoutS = 300;
    static constexpr qint64 kMaxLockoutS = 24 * 3600;

    StaffPin(store::Store& store, QString kiosk_id);

    // Digits only, kMinLength..kMaxLength; a new salt each time; clears the lockout.
    Status setPin(const QString& pin, const QDateTime& now);
    Result<bool> isConfigured();
    // Checks the PIN (unless locked), updates the failure count and the audit log.
    Result<PinCheck> verify(const QString& pin, const QDateTime& now);
    // The lock state without trying a PIN: Locked, NotConfigured, or Ok (may try).
    Result<PinCheck> state(const QDateTime& now);

    // "4 to 12 digits" check, with the reason for staff.
    static Status validate(const QString& pin);
    // How to set one (shown when none is configured).
    static QString howToSet();

private:
    store::Store& store_;
    QString kiosk_id_;
};

}  // namespace mk::staff
