#include "core/common/SecureWipe.h"

#include <openssl/crypto.h>

namespace mk {

void secureWipe(void* data, std::size_t size_bytes)
{
    if (data != nullptr && size_bytes > 0) OPENSSL_cleanse(data, size_bytes);
}

void secureWipe(QByteArray& buffer)
{
    if (!buffer.isEmpty()) secureWipe(buffer.data(), std::size_t(buffer.size()));
    buffer.clear();
}

void secureWipe(QString& text)
{
    if (!text.isEmpty()) secureWipe(text.data(), std::size_t(text.size()) * sizeof(QChar));
    text.clear();
}

}  // namespace mk
