// JSON fixtures written with ' for " (moc cannot read raw string literals): q("{'id':'a-1'}").
#pragma once

#include <QByteArray>

namespace mk::test {

inline QByteArray q(const QByteArray& json)
{
    return QByteArray(json).replace('\'', '"');
}

}  // namespace mk::test
