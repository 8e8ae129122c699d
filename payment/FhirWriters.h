// The payment resources as JSON, for the simulator (and tests): the inverse of the parsers, with
// exact money (marked numbers: write them with writeExactJson). parseX(xJson(v)) == v.
#pragma once

#include "payment/Bill.h"
#include "payment/CreditLine.h"
#include "payment/EReceipt.h"
#include "payment/PaymentOutcome.h"

#include <QJsonObject>

namespace mk::pay {

QJsonObject invoiceJson(const Bill& bill);                  // resourceType Invoice
QJsonObject creditLineAccountJson(const CreditLine& line);  // resourceType Account
QJsonObject eReceiptJson(const EReceipt& receipt);          // resourceType DocumentReference
QJsonObject paymentReconciliationJson(const PaymentOutcome& payment);
// The $pay 200 reply: Parameters {payment: resource, receipt: resource}.
QJsonObject payReplyJson(const PayReply& reply);

}  // namespace mk::pay
