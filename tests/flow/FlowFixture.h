// What the booking-flow test and the slot-grid benchmark share: a real pool simulator on loopback
// (in memory, fixed first day), a PoolClient over HTTP, the BookingService with an in-memory
// encrypted store and a clock fixed at 07:30 of the first day, and the kiosk window.
#pragma once

#include "core/booking/BookingService.h"
#include "core/booking/BookingSession.h"
#include "core/config/KioskConfig.h"
#include "core/pool/PoolClient.h"
#include "core/store/Store.h"
#include "poolsim/SimulatorThread.h"
#include "ui/KioskWindow.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QPushButton>
#include <QTimeZone>
#include <QtTest>

#include <memory>

namespace flow {

inline QDate firstDay()
{
    return QDate(2026, 12, 1);
}

inline QDateTime fixedNow()
{
    return QDateTime(firstDay(), QTime(7, 30), QTimeZone(QByteArrayLiteral("Asia/Shanghai")));
}

struct FlowFixture {
    std::unique_ptr<mk::sim::SimulatorThread> sim;
    std::unique_ptr<mk::store::Store> store;
    std::shared_ptr<mk::pool::PoolClient> client;
    std::shared_ptr<mk::pool::PoolClient> other_client;  // "someone else" at another kiosk
    std::unique_ptr<mk::booking::BookingService> service;
    mk::config::KioskConfig config;
    std::unique_ptr<mk::ui::KioskWindow> window;

    // Empty on success, else what failed.
    QString start(const QSize& size)
    {
        mk::sim::SimOptions options;  // in memory
        options.first_day = firstDay();
        options.require_auth = false;  // not about authorisation (tests/pool/tst_kioskauth is)
        sim = std::make_unique<mk::sim::SimulatorThread>(options);
        QString error;
        if (!sim->start(&error)) return QStringLiteral("simulator: ") + error;

        auto opened = mk::store::Store::open(QStringLiteral(":memory:"),
                                             mk::store::SecureKey(QByteArray(32, '\x3c')));
        if (!opened.ok()) return QStringLiteral("store: ") + opened.error().detail;
        store = std::move(opened).value();

        config.pool.base_url = sim->baseUrl();
        config.pool.request_timeout_ms = 5000;
        config.pool.backoff_base_ms = 50;
        config.idle_timeout_s = 3600;
        client = std::make_shared<mk::pool::PoolClient>(config.pool);
        other_client = std::make_shared<mk::pool::PoolClient>(config.pool);
        service = std::make_unique<mk::booking::BookingService>(client, store.get(), config.rules);
        service->setClock([] { return fixedNow(); });

        mk::ui::Theme::apply(*qApp);
        window = std::make_unique<mk::ui::KioskWindow>(service.get(), config);
        window->setIdleTimeoutMs(60 * 60 * 1000);
        window->resize(size);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return QStringLiteral("window not exposed");
        return {};
    }

    void stop()
    {
        window.reset();
        service.reset();
        client.reset();
        other_client.reset();
        store.reset();
        sim.reset();
    }

    // A demo identity (docs/demo-data.md) from the pool, as Identify would find it.
    std::optional<mk::fhir::Patient> patient(const QString& number, const QDate& birth_date)
    {
        mk::pool::PatientQuery query;
        query.patient_number = number;
        query.birth_date = birth_date;
        auto found = other_client->findPatients(query);
        if (!found.ok() || found.value().isEmpty()) return std::nullopt;
        return found.value().first();
    }

    // Puts an identified patient in the session and shows the Department screen.
    void startBooking(const mk::fhir::Patient& who)
    {
        window->goHome();
        window->session().identified = who;
        window->session().patient = who;
        window->showScreen(mk::ui::ScreenId::Department);
    }

    mk::ui::Screen* current() const { return window->currentScreen(); }
    mk::ui::ScreenId currentId() const
    {
        return current() ? current()->id() : mk::ui::ScreenId::Unset;
    }
    QPushButton* button(const QString& name) const
    {
        return current() ? current()->findChild<QPushButton*>(name) : nullptr;
    }
    bool buttonReady(const QString& name) const
    {
        const QPushButton* b = button(name);
        return b && b->isVisible() && b->isEnabled() && current() && !current()->loading();
    }
};

}  // namespace flow
