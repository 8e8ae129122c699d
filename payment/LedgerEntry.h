// One row of the tamper-evident payment ledger: every payment attempt and every outcome is
// appended, chained to the previous row by its hash. Storage-agnostic: the kiosk keeps the rows
// in its encrypted store (SQLCipher) and hands them to verifyLedger (Ledger.h).
//
// Canonical encoding (version 1), the bytes that are hashed, in this fixed order:
//   "mk-ledger-v1"                      12 ASCII bytes, no length
//   seq                                 8 bytes, big-endian two's complement
//   time_ms                             8 bytes, big-endian (ms since the Unix epoch, UTC)
//   invoiceId, amount (canonical text "12.30"), method, idempotencyKey, result
//                                       each: 4-byte big-endian length + UTF-8 bytes
//   prevHash                            4-byte big-endian length + raw bytes (32 for SHA-256)
// hash = SHA-256(canonical bytes). Length prefixes make the encoding unambiguous: no field can
// absorb its neighbour ("ab"+"c" != "a"+"bc").
#pragma once

#include "payment/Money.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace mk::pay {

struct LedgerEntry {
    qint64 seq = 0;      // 1, 2, 3, ... with no gaps
    qint64 time_ms = 0;  // when the row was appended, UTC ms since epoch
    QString invoiceId;
    Money amount;
    QString method;          // "credit" | "phone" (payMethodCode)
    QString idempotencyKey;  // the payment's key: attempt and outcome rows share it
    QString
        result;  // "attempt", "paid", "queued-offline", "refused:credit-limit", "dead-letter"...
    QByteArray prevHash;  // hash of row seq-1; kLedgerGenesis... (32 zero bytes) for seq 1
    QByteArray hash;      // SHA-256 of canonicalBytes()

    QByteArray canonicalBytes() const;  // the encoding above (hash not included)
    QByteArray computeHash() const;     // SHA-256(canonicalBytes()), 32 raw bytes
};

// The prevHash of the first row: 32 zero bytes.
QByteArray ledgerGenesisHash();

}  // namespace mk::pay
