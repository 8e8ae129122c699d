#include "payment/LedgerEntry.h"

#include <QCryptographicHash>

namespace mk::pay {

namespace {

void appendBigEndian64(QByteArray& out, qint64 value)
{
    const auto v = static_cast<quint64>(value);
    char bytes[8];
    for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>(v >> (56 - 8 * i));
    out.append(bytes, 8);
}

void appendField(QByteArray& out, QByteArrayView data)
{
    const auto n = static_cast<quint32>(data.size());
    const char len[4] = {static_cast<char>(n >> 24), static_cast<char>(n >> 16),
                         static_cast<char>(n >> 8), static_cast<char>(n)};
    out.append(len, 4);
    out.append(data);
}

}  // namespace

QByteArray LedgerEntry::canonicalBytes() const
{
    QByteArray out;
    out.reserve(160 + invoiceId.size() + idempotencyKey.size() + result.size());
    out.append("mk-ledger-v1");
    appendBigEndian64(out, seq);
    appendBigEndian64(out, time_ms);
    appendField(out, invoiceId.toUtf8());
    appendField(out, amount.toDecimalText().toLatin1());
    appendField(out, method.toUtf8());
    appendField(out, idempotencyKey.toUtf8());
    appendField(out, result.toUtf8());
    appendField(out, prevHash);
    return out;
}

QByteArray LedgerEntry::computeHash() const
{
    return QCryptographicHash::hash(canonicalBytes(), QCryptographicHash::Sha256);
}

QByteArray ledgerGenesisHash()
{
    return QByteArray(32, '\0');
}

}  // namespace mk::pay
