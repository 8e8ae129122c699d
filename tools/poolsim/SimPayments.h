#pragma once

#include "PoolSimulator.h"
#include "SeedData.h"
#include "SimHttp.h"
#include "SimState.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

namespace mk::sim {

// The payment side of the pool (issue 9, docs/pool-protocol.md "Payments"): bills (Invoice),
// credit lines (Account), the credit agreement and e-receipts (DocumentReference), payments
// (PaymentReconciliation), `$pay`, `$phone-order`, `$open-credit` and the /_sim/ controls that
// stand for the patient's phone and the cashier window. Idempotency-Key replay and binding are
// SimHttpServer::command's (SimCommands.cpp), around route(). Every money value is read and
// written exactly (payment/ExactJson.h, FhirMoney.h), never through a double.
class SimPayments
{
public:
    SimPayments(const SimOptions& options, const SeedData& seed, SimState& state);

    void ensureSeeded();  // after a load or a reset: the seeded bills and credit lines
    static bool handlesType(const QString& type);

    // A FHIR interaction on a payment type (parts after /fhir); nullopt when not one.
    // client_id: the kiosk's SMART client id (requestor), "unauthenticated" without a token.
    std::optional<SimReply> route(const SimRequest& request, const QStringList& parts,
                                  const QString& client_id, const QString& base_url);
    // The matches of a payment search (the parameters passed searchRefusal); a refusal in
    // *refused instead.
    QList<QJsonObject> search(const QString& type, const QUrlQuery& query,
                              std::optional<SimReply>* refused);
    // POST /_sim/phone-orders/{order}/pay, /_sim/invoices/{id}/amend,
    // /_sim/invoices/{id}/pay-at-window; nullopt when not one of them.
    std::optional<SimReply> control(const SimRequest& request, const QString& path);

private:
    SimReply pay(const SimRequest& request, const QString& invoice_id, const QString& client_id);
    SimReply createPhoneOrder(const SimRequest& request, const QString& invoice_id,
                              const QString& client_id);
    SimReply pollPhoneOrder(const SimRequest& request, const QString& invoice_id);
    SimReply cancelPhoneOrder(const SimRequest& request, const QString& invoice_id);
    SimReply openCredit(const SimRequest& request, const QString& base_url);
    SimReply payPhoneOrder(const QString& order_id);

    // Balances the invoice, charges the account (may be null: phone), issues the receipt.
    // Returns the payments record.
    QJsonObject commitPayment(SimInvoice& inv, SimAccount* account, qint64 amount_fen,
                              const QString& method, const QString& verification,
                              const QString& key, const QString& client_id, bool offline,
                              const QString& taken_at);
    SimReply paymentResult(const QString& payment_id, int status) const;
    QJsonObject orderStatus(QJsonObject& order);    // expires a pending order past its time
    SimAccount* accountOf(const QString& patient);  // null: no credit line
    const QJsonObject* patient(const QString& id) const;
    QString nowIso() const;

    const SimOptions& options_;
    const SeedData& seed_;
    SimState& state_;
    SeedPayments seeded_;
};

}  // namespace mk::sim
