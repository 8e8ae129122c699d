#pragma once

#include "SeedPayments.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace mk::sim {

// The payment part of the simulator's state (issue 9), saved in state.json under "payments"
// with the rest (SimState). Amounts are integer fen (JSON integers, exact); the wire form with
// decimal Money is made by SimPayResources from these.
class SimPayState
{
public:
    bool seeded = false;                 // false: fill from SeedPayments before use
    QMap<QString, SimInvoice> invoices;  // id -> bill
    QMap<QString, SimAccount> accounts;  // id -> credit line
    // id -> {id, invoice, patient, holder, account, amount_fen, method, verification, key,
    //        requestor, created, taken_at, offline, receipt}
    QMap<QString, QJsonObject> payments;
    // id -> {id, patient, invoice, payment, code, number, check, amount_fen, payer, issued}
    QMap<QString, QJsonObject> receipts;
    // id -> {id, invoice, amount_fen, status, created_ms, expires_ms, requestor, payment}
    QMap<QString, QJsonObject> phone_orders;
    int next_payment = 1;
    int next_receipt = 1;
    int next_order = 1;
    int next_account = 1;
    int payments_applied = 0;  // invoices balanced by a payment (the exactly-once oracle)

    void clear();
    void seed(const SeedPayments& seed);
    QJsonObject toJson() const;
    void fromJson(const QJsonObject& o);  // an empty object leaves it unseeded
};

}  // namespace mk::sim
