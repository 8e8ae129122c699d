// A 256-bit raw key held in memory that is wiped on destruction. Never logged, never printed.
#pragma once

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
    // The SQLCipher raw-key literal x'<64 hex>' for PRAGMA key. Wipe the returned buffer after use.
    QByteArray pragmaLiteral() const { return QByteArray("x'") + raw_.toHex() + QByteArray("'"); }

    void wipe()
    {
        if (!raw_.isEmpty()) {
            volatile char* p = raw_.data();
            for (qsizetype i = 0; i < raw_.size(); ++i) p[i] = 0;
            raw_.clear();
        }
    }

private:
    QByteArray raw_;
};

}  // namespace mk::store
