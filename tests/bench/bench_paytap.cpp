// Tap "Pay" to the receipt on screen, credit path, online, on the local pool simulator (issue 9
// figures): the real payment screens, PaymentService and the simulator on loopback. Each sample
// is one patient's bills: generated adults (pat-1100...) get credit care opened first (the
// simulator grants 500.00); the fresh face check is given as its evidence (the 1:1 check itself
// is measured by the face benchmarks), then the time from the evidence to the receipt screen is
// split into kiosk time (ledger, store, UI) and the time waiting for the pool (PayOutcome).
// Prints median and spread (p95, min, max). No assertion on timing.
#include "core/booking/BookingService.h"
#include "core/booking/BookingSession.h"
#include "core/config/KioskConfig.h"
#include "core/outbox/Outbox.h"
#include "core/payment/PaymentService.h"
#include "core/pool/PoolClient.h"
#include "core/store/Store.h"
#include "poolsim/SimulatorThread.h"
#include "ui/KioskWindow.h"
#include "ui/Theme.h"
#include "ui/payment/PayFlow.h"
#include "ui/payment/PayScreen.h"
#include "ui/payment/PayServices.h"
#include "ui/payment/VerifyPanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPushButton>
#include <QtTest>

#include <algorithm>
#include <memory>

using mk::ui::ScreenId;

namespace {
constexpr int kTimeoutMs = 60000;

double quantile(std::vector<double> v, double q)
{
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const auto index = std::min(v.size() - 1, std::size_t(q * double(v.size() - 1) + 0.5));
    return v[index];
}

void report(const char* what, const std::vector<double>& v)
{
    std::printf("%s: n=%zu median=%.1f ms p95=%.1f ms min=%.1f ms max=%.1f ms\n", what, v.size(),
                quantile(v, 0.5), quantile(v, 0.95),
                v.empty() ? 0.0 : *std::min_element(v.begin(), v.end()),
                v.empty() ? 0.0 : *std::max_element(v.begin(), v.end()));
    std::fflush(stdout);
}
}  // namespace

class BenchPayTap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tapPayToReceipt();
};

void BenchPayTap::tapPayToReceipt()
{
    mk::sim::SimOptions options;
    options.require_auth = false;
    mk::sim::SimulatorThread sim(options);
    QString error;
    QVERIFY2(sim.start(&error), qPrintable(error));
    auto opened = mk::store::Store::open(QStringLiteral(":memory:"),
                                         mk::store::SecureKey(QByteArray(32, '\x5c')));
    QVERIFY(opened.ok());
    auto store = std::move(opened).value();
    mk::config::KioskConfig config;
    config.pool.base_url = sim.baseUrl();
    auto client = std::make_shared<mk::pool::PoolClient>(config.pool);
    mk::booking::BookingService booking(client, store.get(), config.rules);
    mk::outbox::Outbox outbox(*store);
    mk::payment::PaymentOptions po;
    po.kiosk_id = config.kiosk_id;
    po.client_id = config.kiosk_id;
    mk::payment::PaymentService payment(client, *store, outbox, po);
    mk::ui::PayServices services;
    services.service = &payment;
    mk::ui::Theme::apply(*qApp);
    mk::ui::KioskWindow window(&booking, config);
    window.installPayment(services, nullptr);
    window.resize(1080, 1920);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    mk::payment::Evidence face;
    face.method = mk::payment::Evidence::Method::Face;
    face.face_score = 0.6;
    std::vector<double> total_ms, kiosk_ms, pool_ms;
    for (int n = 1100; n <= 1115; ++n) {
        const QString id = QStringLiteral("pat-%1").arg(n);
        auto person = client->patient(id);
        if (!person.ok()) continue;
        mk::payment::OpenCreditRequest open;
        open.patient_id = id;
        open.agreement_version = QStringLiteral("1");
        open.consent = true;
        open.evidence = face;
        auto credit = payment.openCredit(open);
        QTRY_VERIFY_WITH_TIMEOUT(credit.isFinished(), kTimeoutMs);
        if (!credit.result().opened) continue;
        window.goHome();
        window.showScreen(ScreenId::PayIdentify);
        window.session().identified = person.value();
        window.session().patient = person.value();
        window.showScreen(ScreenId::PayBills);
        QTRY_VERIFY_WITH_TIMEOUT(!window.currentScreen()->loading(), kTimeoutMs);
        auto* flow = window.payFlow();
        if (!flow->bills || flow->bills->bills.isEmpty() || !flow->credit ||
            flow->bills->total_net_fen > flow->credit->available_fen)
            continue;
        auto* pay_button =
            window.currentScreen()->findChild<QPushButton*>(QStringLiteral("payButton"));
        QTest::mouseClick(pay_button, Qt::LeftButton);
        QCOMPARE(int(window.currentScreen()->id()), int(ScreenId::Pay));
        auto* pay = static_cast<mk::ui::PayScreen*>(window.currentScreen());
        QSignalSpy outcome(pay, &mk::ui::PayScreen::outcomeShown);
        QElapsedTimer clock;
        clock.start();
        Q_EMIT pay->verifyPanel()->verified(face);  // the tap after the face check
        QTRY_VERIFY_WITH_TIMEOUT(int(window.currentScreen()->id()) == int(ScreenId::PayReceipt),
                                 kTimeoutMs);
        const double elapsed = double(clock.nsecsElapsed()) / 1e6;
        QCOMPARE(outcome.count(), 1);
        const auto o = outcome.first().first().value<mk::payment::PayOutcome>();
        total_ms.push_back(elapsed);
        pool_ms.push_back(double(o.pool_ms));
        kiosk_ms.push_back(elapsed - double(o.pool_ms));
    }
    QVERIFY2(total_ms.size() >= 5, "too few payable patients in the seed");
    report("pay tap to receipt (credit, online)", total_ms);
    report("  of which kiosk (ledger, store, UI)", kiosk_ms);
    report("  of which waiting for the pool", pool_ms);
}

QTEST_MAIN(BenchPayTap)
#include "bench_paytap.moc"
