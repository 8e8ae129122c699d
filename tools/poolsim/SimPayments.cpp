// The payment routes of the simulator (issue 9, docs/pool-protocol.md "Payments"): reads and
// searches here, the operations that change money in SimPayOps.cpp.
#include "SimPayments.h"

#include "SimLog.h"
#include "SimPayResources.h"
#include "SimPayWire.h"
#include "payment/ExactJson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>

#include <algorithm>

namespace mk::sim {

SimPayments::SimPayments(const SimOptions& options, const SeedData& seed, SimState& state)
    : options_(options),
      seed_(seed),
      state_(state),
      seeded_(options.seed, seed.firstDay(), seed.offsetSeconds())
{}

void SimPayments::ensureSeeded()
{
    if (!state_.pay.seeded) state_.pay.seed(seeded_);
}

bool SimPayments::handlesType(const QString& type)
{
    static const QStringList types{QStringLiteral("Invoice"), QStringLiteral("Account"),
                                   QStringLiteral("DocumentReference"),
                                   QStringLiteral("PaymentReconciliation")};
    return types.contains(type);
}

const QJsonObject* SimPayments::patient(const QString& id) const
{
    for (const QJsonObject& p : seed_.patients) {
        if (p.value(QStringLiteral("id")).toString() == id) return &p;
    }
    return nullptr;
}

SimAccount* SimPayments::accountOf(const QString& patient_id)
{
    for (SimAccount& a : state_.pay.accounts) {
        if (a.patient == patient_id && a.status != QLatin1String("inactive")) return &a;
    }
    return nullptr;
}

QString SimPayments::nowIso() const
{
    return QDateTime::currentDateTimeUtc()
        .toTimeZone(QTimeZone(seed_.offsetSeconds()))
        .toString(Qt::ISODate);
}

std::optional<SimReply> SimPayments::route(const SimRequest& request, const QStringList& parts,
                                           const QString& client_id, const QString& base_url)
{
    const QString type = parts.value(0);
    if (!handlesType(type)) return std::nullopt;
    ensureSeeded();
    if (request.isGet() && parts.size() == 2) {
        const QString& id = parts.at(1);
        if (type == QLatin1String("Invoice") && state_.pay.invoices.contains(id)) {
            return paywire::resourceReply(200, payres::invoice(state_.pay.invoices.value(id)));
        }
        if (type == QLatin1String("Account") && state_.pay.accounts.contains(id)) {
            return paywire::resourceReply(200, payres::account(state_.pay.accounts.value(id),
                                                               options_.limit_without_face_fen));
        }
        if (type == QLatin1String("PaymentReconciliation") && state_.pay.payments.contains(id)) {
            return paywire::resourceReply(200, payres::payment(state_.pay.payments.value(id)));
        }
        if (type == QLatin1String("DocumentReference") && state_.pay.receipts.contains(id)) {
            return paywire::resourceReply(200, payres::receipt(state_.pay.receipts.value(id)));
        }
        if (type == QLatin1String("DocumentReference") &&
            id == QLatin1String("doc-credit-agreement")) {
            return paywire::resourceReply(200, payres::creditAgreement());
        }
        return outcomeReply(404, QStringLiteral("not-found"),
                            QStringLiteral("%1/%2 is unknown").arg(type, id));
    }
    if (type == QLatin1String("Invoice") && parts.size() == 3) {
        const QString& id = parts.at(1);
        const QString& op = parts.at(2);
        if (request.isPost() && op == QLatin1String("$pay")) return pay(request, id, client_id);
        if (request.isPost() && op == QLatin1String("$phone-order")) {
            return createPhoneOrder(request, id, client_id);
        }
        if (request.isGet() && op == QLatin1String("$phone-order")) {
            return pollPhoneOrder(request, id);
        }
        if (request.isPost() && op == QLatin1String("$phone-order-cancel")) {
            return cancelPhoneOrder(request, id);
        }
    }
    if (type == QLatin1String("Account") && parts.size() == 2 && request.isPost() &&
        parts.at(1) == QLatin1String("$open-credit")) {
        return openCredit(request, base_url);
    }
    if (request.isGet() && parts.size() == 1) return std::nullopt;  // a search: search()
    return outcomeReply(404, QStringLiteral("not-supported"),
                        QStringLiteral("unsupported interaction"));
}

QList<QJsonObject> SimPayments::search(const QString& type, const QUrlQuery& query,
                                       std::optional<SimReply>* refused)
{
    ensureSeeded();
    const auto param = [&query](const char* name) {
        return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    QList<QJsonObject> matches;
    if (type == QLatin1String("Invoice")) {
        const QString subject = param("subject");
        const QString status = param("status");
        QList<SimInvoice> found;
        for (const SimInvoice& inv : std::as_const(state_.pay.invoices)) {
            if (QStringLiteral("Patient/") + inv.patient == subject &&
                (status.isEmpty() || inv.status == status)) {
                found.append(inv);
            }
        }
        std::stable_sort(found.begin(), found.end(), [](const SimInvoice& a, const SimInvoice& b) {
            return paywire::instantMs(a.date) < paywire::instantMs(b.date);
        });
        for (const SimInvoice& inv : found) matches.append(payres::invoice(inv));
    } else if (type == QLatin1String("Account")) {
        const QString account_type = param("type");
        if (!account_type.isEmpty() && account_type != QLatin1String("credit-line")) {
            return matches;
        }
        for (const SimAccount& a : std::as_const(state_.pay.accounts)) {
            if (QStringLiteral("Patient/") + a.patient == param("patient")) {
                matches.append(payres::account(a, options_.limit_without_face_fen));
            }
        }
    } else if (type == QLatin1String("DocumentReference")) {
        const QString doc_type = param("type");
        const QStringList dates = query.allQueryItemValues(QStringLiteral("date"));
        if (doc_type == QLatin1String("credit-agreement")) {
            matches.append(payres::creditAgreement());
        } else if (doc_type == QLatin1String("e-receipt")) {
            const QString subject = param("subject");
            std::optional<QList<paywire::Bound>> bounds =
                paywire::parseBounds(dates, seed_.offsetSeconds());
            if (subject.isEmpty() || !bounds) {
                *refused = outcomeReply(400, QStringLiteral("invalid"),
                                        subject.isEmpty()
                                            ? QStringLiteral("an e-receipt search needs subject")
                                            : QStringLiteral("bad date parameter"));
                return {};
            }
            for (const QJsonObject& r : std::as_const(state_.pay.receipts)) {
                const QString issued = r.value(QStringLiteral("issued")).toString();
                if (QStringLiteral("Patient/") + r.value(QStringLiteral("patient")).toString() ==
                        subject &&
                    paywire::inRange(paywire::instantMs(issued), *bounds)) {
                    matches.append(payres::receipt(r));
                }
            }
        }
    } else if (type == QLatin1String("PaymentReconciliation")) {
        std::optional<QList<paywire::Bound>> bounds = paywire::parseBounds(
            query.allQueryItemValues(QStringLiteral("created")), seed_.offsetSeconds());
        if (!bounds) {
            *refused = outcomeReply(400, QStringLiteral("invalid"),
                                    QStringLiteral("bad created parameter"));
            return {};
        }
        for (const QJsonObject& p : std::as_const(state_.pay.payments)) {
            if (QStringLiteral("Device/") + p.value(QStringLiteral("requestor")).toString() ==
                    param("requestor") &&
                paywire::inRange(paywire::instantMs(p.value(QStringLiteral("created")).toString()),
                                 *bounds)) {
                matches.append(payres::payment(p));
            }
        }
    }
    return matches;
}

std::optional<SimReply> SimPayments::control(const SimRequest& request, const QString& path)
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    // _sim, phone-orders|invoices, {id}, pay|amend|pay-at-window
    if (parts.size() != 4 || !request.isPost()) return std::nullopt;
    ensureSeeded();
    const QString& id = parts.at(2);
    const QString& action = parts.at(3);
    if (parts.at(1) == QLatin1String("phone-orders") && action == QLatin1String("pay")) {
        return payPhoneOrder(id);
    }
    if (parts.at(1) != QLatin1String("invoices")) return std::nullopt;
    if (!state_.pay.invoices.contains(id)) {
        return outcomeReply(404, QStringLiteral("not-found"), QStringLiteral("unknown invoice"));
    }
    SimInvoice& inv = state_.pay.invoices[id];
    if (inv.status != QLatin1String("issued")) {
        return outcomeReply(409, QStringLiteral("conflict"),
                            QStringLiteral("the invoice is %1").arg(inv.status),
                            QStringLiteral("already-paid"));
    }
    if (action == QLatin1String("amend")) {
        // The doctor adds an item: the bill the kiosk showed is no longer the bill.
        inv.lines.append(SimChargeLine{QStringLiteral("other"), QStringLiteral("补充收费"),
                                       QStringLiteral("Additional charge"), 1000, 0});
        inv.version += 1;
    } else if (action == QLatin1String("pay-at-window")) {
        inv.status = QStringLiteral("balanced");  // paid at the cashier window, not here
        inv.version += 1;
    } else {
        return std::nullopt;
    }
    qCInfo(lcPoolSim) << "invoice" << id << action;
    return paywire::resourceReply(200, payres::invoice(inv));
}

}  // namespace mk::sim
