#include "SimPayState.h"

#include <QJsonArray>

namespace mk::sim {
namespace {

QJsonArray recordsOf(const QMap<QString, QJsonObject>& records)
{
    QJsonArray out;
    for (const QJsonObject& r : records) out.append(r);
    return out;
}

QMap<QString, QJsonObject> recordsFrom(const QJsonValue& value)
{
    QMap<QString, QJsonObject> out;
    for (const QJsonValue& v : value.toArray()) {
        const QJsonObject o = v.toObject();
        out.insert(o.value(QStringLiteral("id")).toString(), o);
    }
    return out;
}

}  // namespace

void SimPayState::clear()
{
    *this = SimPayState{};
}

void SimPayState::seed(const SeedPayments& seed)
{
    clear();
    for (const SimInvoice& inv : seed.invoices) invoices.insert(inv.id, inv);
    for (const SimAccount& a : seed.accounts) accounts.insert(a.id, a);
    seeded = true;
}

QJsonObject SimPayState::toJson() const
{
    if (!seeded) return {};
    QJsonArray inv;
    for (const SimInvoice& i : invoices) inv.append(i.toState());
    QJsonArray acc;
    for (const SimAccount& a : accounts) acc.append(a.toState());
    return QJsonObject{{QStringLiteral("invoices"), inv},
                       {QStringLiteral("accounts"), acc},
                       {QStringLiteral("payments"), recordsOf(payments)},
                       {QStringLiteral("receipts"), recordsOf(receipts)},
                       {QStringLiteral("phone_orders"), recordsOf(phone_orders)},
                       {QStringLiteral("next_payment"), next_payment},
                       {QStringLiteral("next_receipt"), next_receipt},
                       {QStringLiteral("next_order"), next_order},
                       {QStringLiteral("next_account"), next_account},
                       {QStringLiteral("payments_applied"), payments_applied}};
}

void SimPayState::fromJson(const QJsonObject& o)
{
    clear();
    if (o.isEmpty()) return;
    for (const QJsonValue& v : o.value(QStringLiteral("invoices")).toArray()) {
        const SimInvoice inv = SimInvoice::fromState(v.toObject());
        invoices.insert(inv.id, inv);
    }
    for (const QJsonValue& v : o.value(QStringLiteral("accounts")).toArray()) {
        const SimAccount a = SimAccount::fromState(v.toObject());
        accounts.insert(a.id, a);
    }
    payments = recordsFrom(o.value(QStringLiteral("payments")));
    receipts = recordsFrom(o.value(QStringLiteral("receipts")));
    phone_orders = recordsFrom(o.value(QStringLiteral("phone_orders")));
    next_payment = o.value(QStringLiteral("next_payment")).toInt(1);
    next_receipt = o.value(QStringLiteral("next_receipt")).toInt(1);
    next_order = o.value(QStringLiteral("next_order")).toInt(1);
    next_account = o.value(QStringLiteral("next_account")).toInt(1);
    payments_applied = o.value(QStringLiteral("payments_applied")).toInt(0);
    seeded = true;
}

}  // namespace mk::sim
