// Fuzz target of the money parser: Money::fromDecimalText on the raw input (both signs), and the
// same text as a FHIR Money value through the exact JSON reader. Whatever parses must round-trip
// through its canonical text, stay within range, and agree between the two paths. libFuzzer entry
// point; without libFuzzer it is linked with fuzz_pay_driver.cpp (ctest label "fuzz").
#include "payment/ExactJson.h"
#include "payment/FhirMoney.h"
#include "payment/Money.h"

#include <QByteArray>
#include <QLocale>
#include <QString>

#include <cstddef>
#include <cstdint>

using mk::pay::Money;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const QString text = QString::fromUtf8(bytes);

    auto plain = Money::fromDecimalText(text);
    auto signedValue = Money::fromDecimalText(text, Money::Sign::AllowNegative);
    if (plain.ok() && (!signedValue.ok() || signedValue.value() != plain.value())) __builtin_trap();
    if (plain.ok() && plain.value().isNegative()) __builtin_trap();
    if (signedValue.ok()) {
        const Money m = signedValue.value();
        if (m.toFen() > Money::kMaxMagnitudeFen || m.toFen() < -Money::kMaxMagnitudeFen)
            __builtin_trap();
        auto back = Money::fromDecimalText(m.toDecimalText(), Money::Sign::AllowNegative);
        if (!back.ok() || back.value() != m) __builtin_trap();
        for (auto r : {m.plus(m), m.minus(m), m.times(3), m.times(-7), m.negated()}) {
            if (r.ok() && (r.value().toFen() > Money::kMaxMagnitudeFen ||
                           r.value().toFen() < -Money::kMaxMagnitudeFen))
                __builtin_trap();
        }
        (void)m.toDisplayText(QLocale(QLocale::Chinese, QLocale::China));
        (void)m.toDisplayText(u"en");
    }

    // The same text as Money.value in a JSON document.
    const QByteArray json = "{\"value\": " + bytes + ", \"currency\": \"CNY\"}";
    // (JSON allows whitespace around the number, so only this direction holds: a valid amount
    // text is a valid Money.value with the same value.)
    auto doc = mk::pay::parseExactJson(json);
    if (plain.ok() && !doc.ok()) __builtin_trap();
    if (doc.ok() && doc.value().isObject()) {
        auto money = mk::pay::readFhirMoney(QJsonValue(doc.value().object()), QStringLiteral("m"));
        if (plain.ok() && (!money.ok() || money.value() != plain.value())) __builtin_trap();
        if (money.ok() && money.value().isNegative()) __builtin_trap();
        (void)mk::pay::writeExactJson(doc.value().object());
    }
    return 0;
}
