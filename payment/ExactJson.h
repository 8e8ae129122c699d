// JSON with exact numbers, for FHIR Money (and every other number of a payment resource).
// QJsonDocument turns every number into a double ("0.29" would become 0.28999999999999998), so:
//
//  - parseExactJson() reads a JSON document and keeps every number's LITERAL TEXT: each number
//    outside a string becomes a *marked* QJsonValue string (kNumberMarker + the literal, e.g.
//    "\x01mk-num\x02" "12.30"); everything else is as QJsonDocument reads it. A document with a
//    string containing U+0001 (escaped or not) is refused, so a marked value can only come from a
//    number. Read numbers with exactNumberText() / exactInteger() / readMoney (FhirMoney.h), never
//    with QJsonValue::toDouble().
//  - writeExactJson() writes a QJsonObject/QJsonArray as JSON text; marked values (made with
//    exactNumber()/exactNumberFromText(), or kept from parseExactJson) are written as raw number
//    text ("value": 12.30); plain QJsonValue doubles are written as integers when integral, else as
//    QJsonDocument would. Keys come out sorted (QJsonObject order). Strings are escaped as in
//    RFC 8259 (non-ASCII written as UTF-8).
//
// Both the kiosk and the simulator use these for every payment resource they read or write.
#pragma once

#include "payment/PayError.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringView>

#include <optional>

namespace mk::pay {

class Money;

// Prefix of a marked number (U+0001 "mk-num" U+0002); never in a valid input document.
inline constexpr QStringView kNumberMarker = u"\u0001mk-num\u0002";

// Syntax error (with the byte offset in detail) for invalid JSON, for a number literal that is not
// RFC 8259 grammar, or for U+0001 in a string. The top level must be an object or an array.
PayResult<QJsonDocument> parseExactJson(QByteArrayView json);

enum class JsonFormat { Compact, Indented };
QByteArray writeExactJson(const QJsonObject& object, JsonFormat format = JsonFormat::Compact);
QByteArray writeExactJson(const QJsonArray& array, JsonFormat format = JsonFormat::Compact);

// RFC 8259 number grammar ("-0.5", "12", "1e3"; not "012", "+1", ".5", "1.", " 1").
bool isValidJsonNumberText(QStringView literal);

// A marked number whose literal is `literal` when it is a valid JSON number (RFC 8259 grammar:
// "-0.5", "12", "1e3"); an undefined QJsonValue otherwise.
QJsonValue exactNumberFromText(QStringView literal);
// The canonical money text as a marked number: 12.30 (exactly 2 decimals).
QJsonValue exactNumber(Money amount);
// An integer as a marked number (sequence numbers, counts).
QJsonValue exactInteger(qint64 value);

bool isExactNumber(const QJsonValue& value);
// The literal text of a marked number; nullopt for anything else (a plain double included).
std::optional<QString> exactNumberText(const QJsonValue& value);
// A marked number that is an integer literal ("3"; not "3.0", not "3e0") within qint64, or a plain
// QJsonValue double that holds an integer exactly (|x| < 2^53); nullopt otherwise.
std::optional<qint64> exactIntegerValue(const QJsonValue& value);

}  // namespace mk::pay
