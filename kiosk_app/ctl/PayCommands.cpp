// medkioskctl pay status | list [--date D] | reconcile --date D | ledger verify (issue 9): this
// kiosk's payments from its encrypted store (opened read-only, never created or migrated), and,
// for reconcile, the pool's PaymentReconciliation list of this kiosk (authenticated as the kiosk
// when its identity key is there). Prints invoice ids, amounts, states and keys: never patient
// names or ids.
#include "CtlCommand.h"
#include "QueueCtl.h"
#include "core/common/HospitalClock.h"
#include "core/config/KioskConfig.h"
#include "core/identity/AccessTokens.h"
#include "core/identity/KioskIdentity.h"
#include "core/payment/PaymentCore.h"
#include "core/payment/PaymentStore.h"
#include "core/pool/AuthTransport.h"
#include "core/pool/CurlTransport.h"
#include "core/pool/PoolClient.h"
#include "payment/Ledger.h"
#include "payment/Money.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

namespace mk::ctl {

namespace {

QString money(qint64 fen)
{
    auto m = pay::Money::fromFen(fen);
    return m ? m.value().toDecimalText() : QString::number(fen);
}

struct PaySession {
    QueueSession queue;
    config::KioskConfig config;
    std::unique_ptr<payment::PaymentStore> records;
};

std::optional<PaySession> openPay(const CtlContext& context)
{
    auto config = config::KioskConfig::load(context.configPath());
    if (!config) {
        context.err << config.error().detail << u'\n';
        return std::nullopt;
    }
    auto queue = QueueCtl::open(context, false);
    if (!queue) return std::nullopt;
    PaySession s{std::move(*queue), config.value(), nullptr};
    s.records =
        std::make_unique<payment::PaymentStore>(*s.queue.store, *s.queue.outbox, s.config.kiosk_id);
    return s;
}

// --date D (yyyy-MM-dd), else today in the hospital's zone; nullopt after a usage error.
std::optional<QDate> dateOption(const CtlContext& context, const config::KioskConfig& config,
                                bool required)
{
    const QString text = context.parser.value(u"date"_qs);
    if (text.isEmpty()) {
        if (required) return std::nullopt;
        return HospitalClock(config.pool.timezone.toUtf8()).today();
    }
    const QDate d = QDate::fromString(text, Qt::ISODate);
    if (!d.isValid()) return std::nullopt;
    return d;
}

QJsonObject rowJson(const payment::PaymentRow& r)
{
    return QJsonObject{
        {u"key"_qs, r.key},
        {u"invoice"_qs, r.invoice_id},
        {u"bill_number"_qs, r.bill_number},
        {u"amount"_qs, money(r.amount_fen)},
        {u"method"_qs, r.method},
        {u"verification"_qs, r.verification},
        {u"offline"_qs, r.offline},
        {u"state"_qs, r.state},
        {u"rule"_qs, r.rule},
        {u"local_number"_qs, r.local_number},
        {u"payment_id"_qs, r.payment_id},
        {u"taken_at"_qs,
         QDateTime::fromMSecsSinceEpoch(r.taken_at_ms, Qt::UTC).toString(Qt::ISODateWithMs)}};
}

}  // namespace

class PayStatusCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::PayStatusCommand)

public:
    QStringList words() const override { return {u"pay"_qs, u"status"_qs}; }
    QString summary() const override
    {
        return tr("Show today's payments by state and method, and what awaits review.");
    }
    int run(const CtlContext& context) const override
    {
        auto s = openPay(context);
        if (!s) return kExitCheckFailed;
        const QDate today = HospitalClock(s->config.pool.timezone.toUtf8()).today();
        auto rows = s->records->list(today.toString(Qt::ISODate));
        auto waiting = s->records->byState(payment::state::kOffline);
        auto dead = s->records->byState(payment::state::kDead);
        auto unknown = s->records->byState(payment::state::kUnknown);
        if (!rows || !waiting || !dead || !unknown) {
            context.err << tr("cannot read the payments from the store") << u'\n';
            return kExitCheckFailed;
        }
        QMap<QString, int> by_state;
        QMap<QString, qint64> paid_by_method;
        for (const payment::PaymentRow& r : rows.value()) {
            ++by_state[r.state];
            if (r.state == payment::state::kPaid || r.state == payment::state::kOffline)
                paid_by_method[r.method] += r.amount_fen;
        }
        qint64 waiting_fen = 0;
        for (const auto& r : waiting.value()) waiting_fen += r.amount_fen;
        const qsizetype review = dead.value().size() + unknown.value().size();
        if (context.json()) {
            QJsonObject states;
            for (auto it = by_state.cbegin(); it != by_state.cend(); ++it)
                states.insert(it.key(), it.value());
            QJsonObject methods;
            for (auto it = paid_by_method.cbegin(); it != paid_by_method.cend(); ++it)
                methods.insert(it.key(), money(it.value()));
            context.out << QString::fromUtf8(
                QJsonDocument(QJsonObject{{u"date"_qs, today.toString(Qt::ISODate)},
                                          {u"by_state"_qs, states},
                                          {u"paid_by_method"_qs, methods},
                                          {u"offline_waiting"_qs, int(waiting.value().size())},
                                          {u"offline_waiting_amount"_qs, money(waiting_fen)},
                                          {u"awaiting_review"_qs, int(review)}})
                    .toJson(QJsonDocument::Indented));
        } else {
            context.out << tr("Payments on %1:").arg(today.toString(Qt::ISODate)) << u'\n';
            for (auto it = by_state.cbegin(); it != by_state.cend(); ++it)
                context.out << u"  " << it.key() << u": " << it.value() << u'\n';
            for (auto it = paid_by_method.cbegin(); it != paid_by_method.cend(); ++it)
                context.out << tr("  paid by %1: %2").arg(it.key(), money(it.value())) << u'\n';
            context.out << tr("Taken offline, waiting for the pool: %1 (%2)")
                               .arg(waiting.value().size())
                               .arg(money(waiting_fen))
                        << u'\n';
            context.out << tr("Failed payments awaiting review: %1").arg(review) << u'\n';
        }
        return review > 0 ? kExitCheckFailed : kExitOk;
    }
};
MK_CTL_COMMAND(PayStatusCommand)

class PayListCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::PayListCommand)

public:
    QStringList words() const override { return {u"pay"_qs, u"list"_qs}; }
    QString summary() const override { return tr("List the payments of a day (default today)."); }
    void addOptions(QCommandLineParser& parser) const override
    {
        parser.addOption(
            QCommandLineOption(u"date"_qs, tr("The day, YYYY-MM-DD (hospital time)."), tr("date")));
    }
    int run(const CtlContext& context) const override
    {
        auto s = openPay(context);
        if (!s) return kExitCheckFailed;
        const auto day = dateOption(context, s->config, false);
        if (!day) {
            context.err << tr("--date must be YYYY-MM-DD") << u'\n';
            return kExitUsage;
        }
        auto rows = s->records->list(day->toString(Qt::ISODate));
        if (!rows) {
            context.err << rows.error().detail << u'\n';
            return kExitCheckFailed;
        }
        if (context.json()) {
            QJsonArray a;
            for (const auto& r : rows.value()) a.append(rowJson(r));
            context.out << QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Indented));
            return kExitOk;
        }
        for (const auto& r : rows.value()) {
            context.out
                << QDateTime::fromMSecsSinceEpoch(r.taken_at_ms, Qt::UTC).toString(Qt::ISODate)
                << u"  " << r.invoice_id << u"  " << money(r.amount_fen) << u"  " << r.method
                << u"  " << r.state;
            if (!r.rule.isEmpty()) context.out << u" (" << r.rule << u')';
            if (!r.local_number.isEmpty()) context.out << u"  " << r.local_number;
            context.out << u"  " << r.key << u'\n';
        }
        context.out << tr("%n payment(s)", nullptr, int(rows.value().size())) << u'\n';
        return kExitOk;
    }
};
MK_CTL_COMMAND(PayListCommand)

class PayLedgerVerifyCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::PayLedgerVerifyCommand)

public:
    QStringList words() const override { return {u"pay"_qs, u"ledger"_qs, u"verify"_qs}; }
    QString summary() const override
    {
        return tr(
            "Check the payment ledger's hash chain: names an altered, removed or reordered "
            "row.");
    }
    int run(const CtlContext& context) const override
    {
        auto s = openPay(context);
        if (!s) return kExitCheckFailed;
        auto v = s->records->verifyLedger();
        if (!v) {
            context.err << v.error().detail << u'\n';
            return kExitCheckFailed;
        }
        const pay::LedgerVerification& r = v.value();
        if (context.json()) {
            context.out << QString::fromUtf8(
                QJsonDocument(QJsonObject{{u"ok"_qs, r.ok},
                                          {u"rows"_qs, r.rowsChecked},
                                          {u"problem"_qs, pay::ledgerProblemName(r.problem)},
                                          {u"seq"_qs, r.seq},
                                          {u"message"_qs, r.message}})
                    .toJson(QJsonDocument::Indented));
        } else if (r.ok) {
            context.out << tr("Payment ledger verified: %n row(s), chain intact.", nullptr,
                              int(r.rowsChecked))
                        << u'\n';
        } else {
            context.out << tr("Payment ledger NOT intact: %1").arg(r.message) << u'\n';
        }
        return r.ok ? kExitOk : kExitCheckFailed;
    }
};
MK_CTL_COMMAND(PayLedgerVerifyCommand)

class PayReconcileCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::PayReconcileCommand)

public:
    QStringList words() const override { return {u"pay"_qs, u"reconcile"_qs}; }
    QString summary() const override
    {
        return tr("Compare a day's payments in this kiosk's ledger with the pool's list.");
    }
    void addOptions(QCommandLineParser& parser) const override
    {
        parser.addOption(
            QCommandLineOption(u"date"_qs, tr("The day, YYYY-MM-DD (hospital time)."), tr("date")));
    }
    int run(const CtlContext& context) const override
    {
        auto s = openPay(context);
        if (!s) return kExitCheckFailed;
        const auto day = dateOption(context, s->config, true);
        if (!day) {
            context.err << tr("--date YYYY-MM-DD is required") << u'\n';
            return kExitUsage;
        }
        if (s->config.pool.base_url.isEmpty()) {
            context.err << tr("no booking pool is configured (pool/base_url)") << u'\n';
            return kExitCheckFailed;
        }
        pool::TransportOptions t;
        t.ca_file = s->config.pool.ca_file;
        t.connect_timeout_ms = s->config.pool.connect_timeout_ms;
        t.request_timeout_ms = s->config.pool.request_timeout_ms;
        auto plain = std::make_shared<pool::CurlTransport>(t);
        std::unique_ptr<pool::HttpTransport> transport;
        auto id = identity::KioskIdentity::load(
            s->config.identity_key_file, qEnvironmentVariable("CREDENTIALS_DIRECTORY"), false);
        if (id) {
            identity::AuthOptions auth;
            auth.client_id = s->config.kiosk_id;
            auth.base_url = s->config.pool.base_url;
            auth.token_url = s->config.pool.token_url;
            auto tokens = std::make_shared<identity::AccessTokens>(auth, id, plain);
            transport = std::make_unique<pool::AuthTransport>(plain, tokens);
        } else {
            // Without the kiosk's key only a pool that asks for no token answers.
            transport = std::make_unique<pool::CurlTransport>(t);
        }
        auto client = std::make_shared<pool::PoolClient>(s->config.pool, std::move(transport));
        payment::PaymentOptions o = s->config.payment;
        o.kiosk_id = s->config.kiosk_id;
        if (o.client_id.isEmpty()) o.client_id = s->config.kiosk_id;
        o.timezone = s->config.pool.timezone;
        payment::PaymentCore core(client, *s->queue.store, *s->queue.outbox, o);
        auto r = core.reconcile(*day);
        if (!r) {
            context.err << tr("cannot reconcile: %1").arg(r.error().detail) << u'\n';
            return kExitCheckFailed;
        }
        const auto& rec = r.value();
        if (context.json()) {
            QJsonArray diffs;
            for (const auto& d : rec.differences) {
                diffs.append(QJsonObject{{u"kind"_qs, d.kind},
                                         {u"key"_qs, d.key},
                                         {u"invoice"_qs, d.invoice_id},
                                         {u"kiosk_amount"_qs, money(d.kiosk_fen)},
                                         {u"pool_amount"_qs, money(d.pool_fen)},
                                         {u"kiosk_state"_qs, d.kiosk_state},
                                         {u"payment_id"_qs, d.payment_id}});
            }
            context.out << QString::fromUtf8(
                QJsonDocument(QJsonObject{{u"date"_qs, day->toString(Qt::ISODate)},
                                          {u"kiosk_payments"_qs, rec.kiosk_count},
                                          {u"pool_payments"_qs, rec.pool_count},
                                          {u"differences"_qs, diffs}})
                    .toJson(QJsonDocument::Indented));
        } else {
            context.out << tr("%1: %2 payment(s) in the kiosk's ledger, %3 at the pool")
                               .arg(day->toString(Qt::ISODate))
                               .arg(rec.kiosk_count)
                               .arg(rec.pool_count)
                        << u'\n';
            for (const auto& d : rec.differences) {
                context.out << u"  " << d.kind << u"  " << d.invoice_id << u"  kiosk "
                            << money(d.kiosk_fen) << u" (" << d.kiosk_state << u")  pool "
                            << money(d.pool_fen) << u"  " << d.key << u'\n';
            }
            if (rec.differences.isEmpty()) context.out << tr("No differences.") << u'\n';
        }
        return rec.differences.isEmpty() ? kExitOk : kExitCheckFailed;
    }
};
MK_CTL_COMMAND(PayReconcileCommand)

}  // namespace mk::ctl
