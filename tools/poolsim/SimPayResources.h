#pragma once

#include "SeedPayments.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace mk::sim {

// The wire form of the payment resources (docs/pool-protocol.md "Payments"). Money values are
// marked exact numbers (payment/ExactJson.h): write every object holding one with
// mk::pay::writeExactJson, never QJsonDocument.
namespace payres {

inline constexpr auto kBase = "http://medkiosk.example/fhir/";
QString url(const char* tail);  // kBase + tail

QJsonObject invoice(const SimInvoice& inv);
QJsonObject account(const SimAccount& acct, qint64 limit_without_face_fen);
// From a SimPayState payments record.
QJsonObject payment(const QJsonObject& record);
// From a SimPayState receipts record.
QJsonObject receipt(const QJsonObject& record);
QJsonObject creditAgreement();
// A Parameters resource; each pair is (name, the rest of the parameter: {"valueString": ...},
// {"resource": {...}}).
QJsonObject parameters(const QList<QPair<QString, QJsonObject>>& parts);
QJsonObject resourceParam(const QJsonObject& resource);

}  // namespace payres
}  // namespace mk::sim
