// Fixtures of tests/data/payment read with the exact JSON reader.
#pragma once

#include "payment/ExactJson.h"

#include <QFile>
#include <QJsonObject>
#include <QString>
#include <QTest>

namespace mk::test {

inline QByteArray paymentFixtureBytes(const QString& name)
{
    QFile file(QStringLiteral(MEDKIOSK_TESTDATA "/payment/") + name);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return file.readAll();
}

// The fixture as an object read with parseExactJson; an empty object when it cannot be read.
inline QJsonObject paymentFixture(const QString& name)
{
    auto doc = mk::pay::parseExactJson(paymentFixtureBytes(name));
    return doc.ok() ? doc.value().object() : QJsonObject();
}

}  // namespace mk::test
