// The one secure wipe of the kiosk (STYLE.md: secrets and personal data in memory are wiped when
// done): OPENSSL_cleanse, which the compiler may not optimise away, over the buffer's bytes, then
// the buffer is emptied. A buffer shared with another Qt container is detached first, so only this
// copy is wiped: keep a secret in one unshared buffer and wipe every copy you make.
#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>

namespace mk {

void secureWipe(void* data, std::size_t size_bytes);
void secureWipe(QByteArray& buffer);
void secureWipe(QString& text);

}  // namespace mk
