#include "core/staff/StaffPin.h"

#include "core/common/Log.h"
#include "core/common/SecureWipe.h"
#include "core/staff/StaffAudit.h"
#include "core/store/SqlCipherDb.h"
#include "core/store/SqlStatement.h"
#include "core/store/Store.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>

namespace mk::staff {

namespace {

struct Row {
    bool present = false;
    QByteArray salt;
    QByteArray hash;
    int iterations = 0;
    int failures = 0;
    int lockouts = 0;
    qint64 locked_until_ms = 0;
};

Result<Row> readRow(store::SqlCipherDb& db)
{
    auto stmt = db.prepare(QByteArrayLiteral(
        "SELECT salt, hash, iterations, failures, lockouts, locked_until_ms FROM staff_pin "
        "WHERE id = 1"));
    if (!stmt) return stmt.error();
    store::SqlStatement& s = stmt.value();
    auto step = s.step();
    if (!step) return step.error();
    Row r;
    if (step.value() != store::SqlStatement::Step::Row) return r;
    r.present = true;
    r.salt = s.columnBlob(0);
    r.hash = s.columnBlob(1);
    r.iterations = int(s.columnInt64(2));
    r.failures = int(s.columnInt64(3));
    r.lockouts = int(s.columnInt64(4));
    r.locked_until_ms = s.columnInt64(5);
    return r;
}

Status writeLock(store::SqlCipherDb& db, int failures, int lockouts, qint64 locked_until_ms)
{
    auto stmt = db.prepare(QByteArrayLiteral(
        "UPDATE staff_pin SET failures = ?1, lockouts = ?2, locked_until_ms = ?3 WHERE id = 1"));
    if (!stmt) return stmt.error();
    store::SqlStatement& s = stmt.value();
    if (Status b = s.bind(1, qint64(failures)); !b) return b;
    if (Status b = s.bind(2, qint64(lockouts)); !b) return b;
    if (Status b = s.bind(3, locked_until_ms); !b) return b;
    return s.run();
}

// PBKDF2-HMAC-SHA256; the UTF-8 copy of the PIN is wiped before returning.
QByteArray derive(const QString& pin, const QByteArray& salt, int iterations)
{
    QByteArray utf8 = pin.toUtf8();
    QByteArray out(StaffPin::kHashBytes, '\0');
    const int ok = PKCS5_PBKDF2_HMAC(utf8.constData(), int(utf8.size()),
                                     reinterpret_cast<const unsigned char*>(salt.constData()),
                                     int(salt.size()), iterations, EVP_sha256(), int(out.size()),
                                     reinterpret_cast<unsigned char*>(out.data()));
    secureWipe(utf8);
    if (ok != 1) return {};
    return out;
}

PinCheck lockedCheck(qint64 until_ms, const QDateTime& now)
{
    PinCheck c;
    c.verdict = PinCheck::Verdict::Locked;
    c.locked_until = QDateTime::fromMSecsSinceEpoch(until_ms, Qt::UTC);
    c.remaining_s = std::max<qint64>(1, (until_ms - now.toMSecsSinceEpoch() + 999) / 1000);
    return c;
}

}  // namespace

StaffPin::StaffPin(store::Store& store, QString kiosk_id)
    : store_(store), kiosk_id_(std::move(kiosk_id))
{}

Status StaffPin::validate(const QString& pin)
{
    const bool digits = std::all_of(pin.begin(), pin.end(), [](QChar c) {
        return c >= QLatin1Char('0') && c <= QLatin1Char('9');
    });
    if (!digits || pin.size() < kMinLength || pin.size() > kMaxLength) {
        return makeError(
            ErrorCode::BadRequest,
            tr("the staff PIN must be %1 to %2 digits").arg(kMinLength).arg(kMaxLength));
    }
    return Ok{};
}

QString StaffPin::howToSet()
{
    return tr(
        "No staff PIN is set on this kiosk. IT support sets one with: "
        "medkioskctl staff set-pin (it reads the PIN from the keyboard).");
}

Status StaffPin::setPin(const QString& pin, const QDateTime& now)
{
    if (Status v = validate(pin); !v) return v;
    QByteArray salt(kSaltBytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), kSaltBytes) != 1) {
        return makeError(ErrorCode::Internal, tr("no random bytes for the PIN salt"));
    }
    QByteArray hash = derive(pin, salt, kIterations);
    if (hash.isEmpty()) return makeError(ErrorCode::Internal, tr("PBKDF2 failed"));
    Status s = store_.withTransaction([&](store::SqlCipherDb& db) -> Status {
        auto stmt = db.prepare(QByteArrayLiteral(
            "INSERT OR REPLACE INTO staff_pin(id, salt, hash, iterations, set_at_ms, failures, "
            "lockouts, locked_until_ms) VALUES (1, ?1, ?2, ?3, ?4, 0, 0, 0)"));
        if (!stmt) return stmt.error();
        store::SqlStatement& st = stmt.value();
        if (Status b = st.bind(1, salt); !b) return b;
        if (Status b = st.bind(2, hash); !b) return b;
        if (Status b = st.bind(3, qint64(kIterations)); !b) return b;
        if (Status b = st.bind(4, now.toMSecsSinceEpoch()); !b) return b;
        if (Status r = st.run(); !r) return r;
        return StaffAudit::insert(db, kiosk_id_, action::kPinSet, 0, QString(), now);
    });
    secureWipe(hash);
    if (s) qCInfo(lcStore) << "staff PIN set";
    return s;
}

Result<bool> StaffPin::isConfigured()
{
    bool configured = false;
    Status s = store_.withTransaction([&](store::SqlCipherDb& db) -> Status {
        auto row = readRow(db);
        if (!row) return row.error();
        configured = row.value().present;
        return Ok{};
    });
    if (!s) return s.error();
    return configured;
}

Result<PinCheck> StaffPin::state(const QDateTime& now)
{
    PinCheck check;
    Status s = store_.withTransaction([&](store::SqlCipherDb& db) -> Status {
        auto row = readRow(db);
        if (!row) return row.error();
        const Row& r = row.value();
        if (!r.present) {
            check.verdict = PinCheck::Verdict::NotConfigured;
        } else if (r.locked_until_ms > now.toMSecsSinceEpoch()) {
            check = lockedCheck(r.locked_until_ms, now);
        } else {
            check.verdict = PinCheck::Verdict::Ok;
            check.failures_left = kMaxFailures - r.failures;
        }
        return Ok{};
    });
    if (!s) return s.error();
    return check;
}

Result<PinCheck> StaffPin::verify(const QString& pin, const QDateTime& now)
{
    PinCheck check;
    const qint64 now_ms = now.toMSecsSinceEpoch();
    Status s = store_.withTransaction([&](store::SqlCipherDb& db) -> Status {
        auto row = readRow(db);
        if (!row) return row.error();
        const Row& r = row.value();
        if (!r.present) {
            check.verdict = PinCheck::Verdict::NotConfigured;
            return StaffAudit::insert(db, kiosk_id_, action::kLoginFailed, 0,
                                      QStringLiteral("no PIN configured"), now);
        }
        if (r.locked_until_ms > now_ms) {
            check = lockedCheck(r.locked_until_ms, now);
            return StaffAudit::insert(db, kiosk_id_, action::kLoginLocked, 0,
                                      QStringLiteral("attempt while locked"), now);
        }
        QByteArray hash = derive(pin, r.salt, std::max(r.iterations, 1));
        const bool match =
            hash.size() == r.hash.size() && !hash.isEmpty() &&
            CRYPTO_memcmp(hash.constData(), r.hash.constData(), size_t(hash.size())) == 0;
        secureWipe(hash);
        if (match) {
            check.verdict = PinCheck::Verdict::Ok;
            check.failures_left = kMaxFailures;
            if (Status w = writeLock(db, 0, 0, 0); !w) return w;
            return StaffAudit::insert(db, kiosk_id_, action::kLoginOk, 0, QString(), now);
        }
        const int failures = r.failures + 1;
        if (failures >= kMaxFailures) {
            const int lockouts = r.lockouts + 1;
            const qint64 lock_s =
                std::min(kMaxLockoutS, kBaseLockoutS << std::min(lockouts - 1, 20));
            const qint64 until_ms = now_ms + lock_s * 1000;
            check = lockedCheck(until_ms, now);
            if (Status w = writeLock(db, 0, lockouts, until_ms); !w) return w;
            return StaffAudit::insert(
                db, kiosk_id_, action::kLoginLocked, 0,
                QStringLiteral("locked for %1 s after %2 wrong PINs").arg(lock_s).arg(failures),
                now);
        }
        check.verdict = PinCheck::Verdict::Wrong;
        check.failures_left = kMaxFailures - failures;
        if (Status w = writeLock(db, failures, r.lockouts, 0); !w) return w;
        return StaffAudit::insert(db, kiosk_id_, action::kLoginFailed, 0, QString(), now);
    });
    if (!s) return s.error();
    if (check.verdict != PinCheck::Verdict::Ok) {
        qCInfo(lcStore) << "staff login refused, verdict" << int(check.verdict);
    }
    return check;
}

}  // namespace mk::staff
