// Shared by the payment-core tests and benchmarks (issue 9): the pool simulator (real HTTP on
// loopback), an encrypted SQLCipher store in a file, the outbox with its relay over
// PoolCommandSender, and a PaymentCore wired like the kiosk wires it.
#pragma once

#include "core/outbox/Outbox.h"
#include "core/outbox/PoolCommandSender.h"
#include "core/outbox/Relay.h"
#include "core/payment/PaymentCore.h"
#include "core/pool/CurlTransport.h"
#include "core/pool/PoolClient.h"
#include "core/store/Store.h"
#include "poolsim/SimulatorThread.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>

namespace mk::payment::test {

// The sim's requestor for a kiosk without a token (tests run without authorisation).
inline const QString kDevice = QStringLiteral("unauthenticated");

// One kiosk: its own store, outbox, relay and payment core, against a shared simulator.
struct Kiosk {
    QString path;
    std::unique_ptr<store::Store> store;
    std::unique_ptr<outbox::Outbox> outbox;
    std::unique_ptr<outbox::PoolCommandSender> sender;
    std::unique_ptr<outbox::Relay> relay;
    std::shared_ptr<pool::PoolClient> client;
    std::unique_ptr<PaymentCore> core;

    ~Kiosk()
    {
        if (relay) relay->stop();
    }
};

struct PayCoreFixture {
    QTemporaryDir dir;
    std::unique_ptr<sim::SimulatorThread> sim;

    static pool::TransportOptions transport(int request_timeout_ms = 4000)
    {
        pool::TransportOptions t;
        t.connect_timeout_ms = 2000;
        t.request_timeout_ms = request_timeout_ms;
        return t;
    }

    static outbox::RelayOptions relayOptions()
    {
        outbox::RelayOptions ro;
        ro.backoff.base_ms = 5;
        ro.backoff.cap_ms = 60;
        ro.probe_interval_ms = 30;
        ro.idle_poll_ms = 50;
        ro.store_error_pause_ms = 10;
        ro.max_retry_after_s = 0;
        return ro;
    }

    QString startSim()
    {
        sim::SimOptions so;
        so.seed = 20261204;
        so.require_auth = false;  // not about authorisation (tests/pool/tst_kioskauth is)
        sim = std::make_unique<sim::SimulatorThread>(so);
        QString error;
        if (!sim->start(&error)) return error;
        return {};
    }

    // A kiosk named `name` (its store file in the fixture's folder). request_timeout_ms is the
    // pool client's per-request timeout (the hang-after-commit tests shorten it).
    std::unique_ptr<Kiosk> kiosk(const QString& name, PaymentOptions options = PaymentOptions(),
                                 int request_timeout_ms = 3000, bool start_relay = true)
    {
        auto k = std::make_unique<Kiosk>();
        k->path = dir.filePath(name + QStringLiteral(".db"));
        QByteArray raw(store::SecureKey::kSizeBytes, 'p');
        auto s = store::Store::open(k->path, store::SecureKey(raw));
        if (!s) return nullptr;
        k->store = std::move(s).value();
        k->outbox = std::make_unique<outbox::Outbox>(*k->store);
        k->sender = std::make_unique<outbox::PoolCommandSender>(sim->baseUrl(),
                                                                transport(request_timeout_ms));
        k->relay = std::make_unique<outbox::Relay>(*k->outbox, *k->sender, relayOptions());
        pool::PoolOptions po;
        po.base_url = sim->baseUrl();
        po.connect_timeout_ms = 2000;
        po.request_timeout_ms = request_timeout_ms;
        po.max_attempts = 3;
        po.backoff_base_ms = 10;
        k->client = std::make_shared<pool::PoolClient>(po);
        options.kiosk_id = name;
        options.client_id = kDevice;
        k->core = std::make_unique<PaymentCore>(k->client, *k->store, *k->outbox, options);
        if (start_relay) k->relay->start();
        return k;
    }

    void fault(const QString& mode, int count, const QString& path_contains = QString())
    {
        sim::FaultSpec f;
        f.mode = mode;
        f.count = count;
        f.path_contains = path_contains;
        f.retry_after_s = 0;
        sim->setFault(f);
    }
    void noFault() { fault(QStringLiteral("none"), 0); }

    // POST /_sim/invoices/{id}/{action} (amend | pay-at-window) or /_sim/phone-orders/{id}/pay.
    int control(const QString& path)
    {
        pool::CurlTransport t(transport());
        pool::HttpRequest r;
        r.method = QByteArrayLiteral("POST");
        r.url = sim->baseUrl();
        r.url.setPath(QStringLiteral("/_sim/") + path);
        auto reply = t.perform(r);
        return reply ? reply.value().status : -1;
    }

    // How many payments the pool holds for this invoice (PaymentReconciliation of the day).
    int poolPayments(pool::PoolClient& client, const QString& invoice_id, const QDate& day)
    {
        auto all = client.reconciliations(kDevice, day);
        if (!all) return -1;
        int n = 0;
        for (const pay::PaymentOutcome& p : all.value()) n += p.invoiceId == invoice_id ? 1 : 0;
        return n;
    }
};

inline PaymentOptions generousCaps()
{
    PaymentOptions o;
    o.caps.perTransaction = pay::Money::yuan(500);
    o.caps.perPatientPerDay = pay::Money::yuan(1000);
    o.caps.kioskOutstanding = pay::Money::yuan(5000);
    return o;
}

inline Evidence face(double score = 0.93)
{
    return Evidence{Evidence::Method::Face, score};
}

}  // namespace mk::payment::test
