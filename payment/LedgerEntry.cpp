#include "payment/LedgerEntry.h"

#include <QCryptographicHash>
#include <QStringEncoder>

namespace mk::pay {

namespace {

void appendBigEndian64(QByteArray& out, qint64 value)
{
    const auto v = static_cast<quint64>(value);
    char bytes[8];
    for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>(v >> (56 - 8 * i));
    out.append(bytes, 8);
}

void appendLength(char* at, qsizetype length)
{
    const auto n = static_cast<quint32>(length);
    at[0] = static_cast<char>(n >> 24);
    at[1] = static_cast<char>(n >> 16);
    at[2] = static_cast<char>(n >> 8);
    at[3] = static_cast<char>(n);
}

void appendField(QByteArray& out, QByteArrayView data)
{
    char len[4];
    appendLength(len, data.size());
    out.append(len, 4);
    out.append(data);
}

// A length-prefixed UTF-8 field, encoded straight into `out` (no temporary QByteArray).
void appendUtf8Field(QByteArray& out, QStringView text)
{
    const qsizetype at = out.size();
    out.resize(at + 4 + text.size() * 3);
    QStringEncoder encoder(QStringEncoder::Utf8);
    char* begin = out.data() + at + 4;
    char* end = encoder.appendToBuffer(begin, text);
    appendLength(out.data() + at, end - begin);
    out.resize(at + 4 + (end - begin));
}

// The canonical bytes into `out` (cleared first, its capacity kept).
void encode(const LedgerEntry& e, QByteArray& out)
{
    out.resize(0);
    out.append("mk-ledger-v1");
    appendBigEndian64(out, e.seq);
    appendBigEndian64(out, e.time_ms);
    appendUtf8Field(out, e.invoiceId);
    appendField(out, e.amount.toDecimalText().toLatin1());
    appendUtf8Field(out, e.method);
    appendUtf8Field(out, e.idempotencyKey);
    appendUtf8Field(out, e.result);
    appendField(out, e.prevHash);
}

}  // namespace

QByteArray LedgerEntry::canonicalBytes() const
{
    QByteArray out;
    out.reserve(160 + 3 * (invoiceId.size() + idempotencyKey.size() + result.size()));
    encode(*this, out);
    return out;
}

QByteArray LedgerEntry::computeHash() const
{
    // One buffer per thread: verifying 100,000 rows allocates it once.
    thread_local QByteArray buffer;
    encode(*this, buffer);
    return QCryptographicHash::hash(buffer, QCryptographicHash::Sha256);
}

QByteArray ledgerGenesisHash()
{
    return QByteArray(32, '\0');
}

}  // namespace mk::pay
