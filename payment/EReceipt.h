// The electronic receipt (医疗收费电子票据): FHIR DocumentReference type e-receipt with the
// e-receipt extension. Input objects come from parseExactJson.
#pragma once

#include "payment/Money.h"
#include "payment/PayError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace mk::pay {

struct EReceipt {
    QString id;
    QString patientId;      // subject "Patient/{id}"
    QString invoiceCode;    // 票据代码, 8-12 digits
    QString invoiceNumber;  // 票据号码, 10 digits
    QString checkCode;      // 校验码, 6 characters [0-9A-Za-z]
    Money amount;
    QString payer;       // full name as the pool sends it: mask it before showing (DESIGN §5)
    QString issuedText;  // issued (dateTime) as sent
    QDateTime issued;
    QString url;  // content[0].attachment.url: what the QR code encodes
};

// Refused: resourceType not DocumentReference, type code not e-receipt, a missing extension
// member, invoiceCode not 8-12 digits, invoiceNumber not 10 digits, checkCode not 6 of [0-9A-Za-z],
// a bad amount, no url.
PayResult<EReceipt> parseEReceipt(const QJsonObject& documentReference);

// DocumentReference?subject=...&type=e-receipt&date=ge...: every entry must parse.
PayResult<QList<EReceipt>> parseEReceiptBundle(const QJsonObject& bundle);

}  // namespace mk::pay
