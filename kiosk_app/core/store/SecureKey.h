// A 256-bit raw key held in memory that is wiped on destruction. Never logged, never printed.
#pragma once

#include "core/common/SecureWipe.h"

#include <QByteArray>

namespace mk::store {

class SecureKey
{
public:
    static constexpr int kSizeBytes = 32;

    SecureKey() = default;
    explicit SecureKey(QByteArray raw) : raw_(std::move(raw)) {}
    ~SecureKey() { wipe(); }
    SecureKey(const SecureKey& other) : raw_(other.raw_) { raw_.detach(); }
    SecureKey& operator=(const SecureKey& other)
    {
        if (this != &other) {
            wipe();
            raw_ = other.raw_;
            raw_.detach();
        }
        return *this;
    }

    bool isValid() const { return raw_.size() == kSizeBytes; }
    const QByteArray& bytes() const { return raw_; }
    // The SQLCipher raw-key literal x'<64 hex>', built in one buffer (no temporary copies of the
    // hex key). The caller wipes it (secureWipe) after use; SqlCipherDb::openKeyed is the way to
    // key a connection.
    QByteArray pragmaLiteral() const
    {
        static constexpr char kHex[] = "0123456789abcdef";
        QByteArray literal;
        literal.reserve(2 * raw_.size() + 3);
        literal.append("x'");
        for (const char c : raw_) {
            const auto byte = static_cast<unsigned char>(c);
            literal.append(kHex[byte >> 4]);
            literal.append(kHex[byte & 0x0f]);
        }
        literal.append('\'');
        return literal;
    }

    void wipe() { secureWipe(raw_); }

private:
    QByteArray raw_;
};

}  // namespace mk::store
