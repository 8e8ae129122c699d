// Shared by the check-in tests and the benchmark: the pool simulator (real HTTP on loopback), an
// in-memory encrypted store with the outbox and its relay, and a CheckinService wired like the
// kiosk wires it, with an injectable clock.
#pragma once

#include "core/checkin/AppointmentLookup.h"
#include "core/checkin/CheckinService.h"
#include "core/checkin/CheckinToken.h"
#include "core/outbox/Outbox.h"
#include "core/outbox/PoolCommandSender.h"
#include "core/outbox/Relay.h"
#include "core/pool/CurlTransport.h"
#include "core/pool/PoolClient.h"
#include "core/store/Store.h"
#include "poolsim/SimulatorThread.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>

#include <memory>

namespace mk::checkin::test {

struct CheckinFixture {
    std::unique_ptr<sim::SimulatorThread> sim;
    std::unique_ptr<store::Store> store;
    std::unique_ptr<outbox::Outbox> outbox;
    std::unique_ptr<outbox::PoolCommandSender> sender;
    std::unique_ptr<outbox::Relay> relay;
    std::shared_ptr<pool::PoolClient> client;
    std::unique_ptr<CheckinService> service;
    std::unique_ptr<AppointmentLookup> lookup;
    QMutex clock_mutex;
    QDateTime clock_now = QDateTime::currentDateTimeUtc();

    static pool::TransportOptions transport()
    {
        pool::TransportOptions t;
        t.connect_timeout_ms = 2000;
        t.request_timeout_ms = 4000;
        return t;
    }

    // Empty string on success, else what failed.
    QString start(const CheckinOptions& extra = CheckinOptions())
    {
        sim::SimOptions so;
        so.seed = 20261123;
        so.require_auth = false;  // not about authorisation (tests/pool/tst_kioskauth is)
        sim = std::make_unique<sim::SimulatorThread>(so);
        QString error;
        if (!sim->start(&error)) return error;
        QByteArray raw(store::SecureKey::kSizeBytes, 'c');
        auto s = store::Store::open(QStringLiteral(":memory:"), store::SecureKey(raw));
        if (!s) return s.error().detail;
        store = std::move(s).value();
        outbox = std::make_unique<outbox::Outbox>(*store);
        sender = std::make_unique<outbox::PoolCommandSender>(sim->baseUrl(), transport());
        outbox::RelayOptions ro;
        ro.backoff.base_ms = 5;
        ro.backoff.cap_ms = 60;
        ro.probe_interval_ms = 30;
        ro.idle_poll_ms = 50;
        ro.store_error_pause_ms = 10;
        relay = std::make_unique<outbox::Relay>(*outbox, *sender, ro);
        pool::PoolOptions po;
        po.base_url = sim->baseUrl();
        po.connect_timeout_ms = 2000;
        po.request_timeout_ms = 4000;
        po.max_attempts = 1;
        client = std::make_shared<pool::PoolClient>(po);
        CheckinOptions o = extra;
        o.pool_public_key_pem = sim->checkinPublicKeyPem();
        if (o.hospital_id.isEmpty()) o.hospital_id = sim->checkinIssuer();
        service = std::make_unique<CheckinService>(client, *store, *outbox, o);
        service->setClock([this] {
            QMutexLocker lock(&clock_mutex);
            return clock_now;
        });
        service->attachRelay(relay.get());
        relay->start();
        lookup = std::make_unique<AppointmentLookup>(
            sim->baseUrl(), std::make_unique<pool::CurlTransport>(transport()));
        return QString();
    }

    ~CheckinFixture()
    {
        if (relay) relay->stop();
        service.reset();
    }

    void setNow(const QDateTime& t)
    {
        QMutexLocker lock(&clock_mutex);
        clock_now = t;
    }

    // A new booked appointment of the simulator and its signed token; the clock is put 10
    // minutes before its slot (inside the arrival window).
    QString newToken(QString* appointment_id = nullptr, qint64* slot_start_s = nullptr)
    {
        const QStringList ids = sim->createAppointments(1);
        if (ids.isEmpty()) return {};
        auto a = lookup->appointment(ids.first());
        if (!a) return {};
        if (appointment_id != nullptr) *appointment_id = ids.first();
        if (slot_start_s != nullptr) *slot_start_s = a.value().start.toSecsSinceEpoch();
        setNow(a.value().start.toUTC().addSecs(-600));
        return a.value().checkin_token;
    }

    void outage(bool on)
    {
        sim::FaultSpec f;
        f.mode = on ? QStringLiteral("outage") : QStringLiteral("none");
        f.count = on ? -1 : 0;
        sim->setFault(f);
    }

    // Requests the simulator received on its FHIR routes (GET /_sim/stats; not counted itself),
    // leaving out the relay's connectivity probes (GET HealthcareService), which run on their own
    // timer and say nothing about what a scan sent.
    int simRequests()
    {
        pool::CurlTransport t(transport());
        pool::HttpRequest r;
        r.url = sim->baseUrl();
        r.url.setPath(QStringLiteral("/_sim/stats"));
        auto reply = t.perform(r);
        if (!reply) return -1;
        const QJsonObject routes = QJsonDocument::fromJson(reply.value().body)
                                       .object()
                                       .value(QStringLiteral("requests"))
                                       .toObject();
        int n = 0;
        for (auto it = routes.begin(); it != routes.end(); ++it) {
            if (!it.key().contains(QLatin1String("HealthcareService"))) n += it.value().toInt();
        }
        return n;
    }

    int queuedCheckins()
    {
        auto l = outbox->list(outbox::CommandState::Queued, 1000);
        return l ? int(l.value().size()) : -1;
    }
};

}  // namespace mk::checkin::test
