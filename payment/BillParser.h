// FHIR Invoice -> Bill, with the contract's validation. Input objects must come from
// parseExactJson (ExactJson.h): money values are read from their literal text.
//
// Refused (PayError naming the field, e.g. "lineItem[1].priceComponent[0].amount.value"):
//  resourceType not "Invoice"; missing id or status; status not issued|balanced|cancelled;
//  subject.reference not "Patient/{id}"; no lineItem; a line without sequence, with a sequence
//  repeated or not 1..n; a category code outside the charge-category code system; a line without
//  a name; a line without exactly one "base" component; more than one insurance deduction; any
//  amount negative, with >2 decimals, not a number, or not CNY; a deduction above its base;
//  totalGross or totalNet missing, or not equal to the sums (Mismatch, both figures in detail).
#pragma once

#include "payment/Bill.h"
#include "payment/PayError.h"

#include <QJsonObject>
#include <QList>

namespace mk::pay {

PayResult<Bill> parseInvoice(const QJsonObject& invoice);

// A searchset Bundle of Invoices (Invoice?subject=...&status=issued): every entry must parse;
// the first bad one fails the whole list (field "entry[i].resource....").
PayResult<QList<Bill>> parseInvoiceBundle(const QJsonObject& bundle);

}  // namespace mk::pay
