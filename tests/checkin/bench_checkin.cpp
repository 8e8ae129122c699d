// Benchmark: scan -> visit number on screen (CheckinScreen through the KioskWindow), online and
// offline, against the local pool simulator. Prints median and p95 in ms (goals: online <= 300,
// offline <= 100); asserts nothing about timing.
#include "CheckinFixture.h"
#include "core/config/KioskConfig.h"
#include "ui/KioskWindow.h"
#include "ui/screens/CheckinScreen.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cstdio>

using namespace mk;
using namespace mk::ui;
using mk::checkin::test::CheckinFixture;

namespace {
constexpr int kRuns = 40;

void report(const char* name, QList<double> ms, double goal_ms)
{
    std::sort(ms.begin(), ms.end());
    const double median = ms.at(ms.size() / 2);
    const double p95 = ms.at(std::min<qsizetype>(ms.size() - 1, qsizetype(ms.size() * 0.95)));
    std::printf(
        "bench_checkin %-8s runs=%lld median=%.1f ms p95=%.1f ms min=%.1f max=%.1f "
        "(goal <= %.0f ms)\n",
        name, static_cast<long long>(ms.size()), median, p95, ms.first(), ms.last(), goal_ms);
    std::fflush(stdout);
}
}  // namespace

class BenchCheckin : public QObject
{
    Q_OBJECT

private:
    QList<double> measure(CheckinFixture& fx, KioskWindow& window, const QStringList& tokens,
                          bool expect_provisional)
    {
        auto* screen = static_cast<CheckinScreen*>(window.screen(ScreenId::Checkin));
        auto* number = window.findChild<QLabel*>(QStringLiteral("checkinNumber"));
        QList<double> out;
        for (const QString& t : tokens) {
            window.showScreen(ScreenId::Checkin);
            screen->enter();  // back to the scan page (showScreen of the current one may not)
            QSignalSpy shown(screen, &CheckinScreen::outcomeShown);
            QElapsedTimer timer;
            timer.start();
            screen->handleScan(t);
            if (shown.isEmpty() && !shown.wait(10000)) {
                qWarning("no outcome (visible %d, result page %d, busy %d)",
                         int(screen->isVisible()), int(screen->showingResult()),
                         int(screen->loading()));
                continue;
            }
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            if (number->text().isEmpty() ||
                screen->outcome().record.provisional != expect_provisional) {
                qWarning("unexpected outcome");
                continue;
            }
            out.append(ms);
        }
        Q_UNUSED(fx);
        return out;
    }

private Q_SLOTS:
    void scanToNumber()
    {
        CheckinFixture fx;
        const QString error = fx.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        config::KioskConfig config;
        KioskWindow window(nullptr, config);
        CheckinDevices devices;
        devices.service = fx.service.get();
        window.installCheckin(devices);
        window.resize(1080, 1920);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // Tokens made up front (the clock is set inside every arrival window: one day, 8:00).
        QStringList online_tokens;
        QStringList offline_tokens;
        qint64 first_start_s = 0;
        for (int i = 0; i < 2 * kRuns; ++i) {
            qint64 start_s = 0;
            const QString t = fx.newToken(nullptr, &start_s);
            QVERIFY(!t.isEmpty());
            if (first_start_s == 0) first_start_s = start_s;
            (i < kRuns ? online_tokens : offline_tokens).append(t);
        }
        fx.setNow(QDateTime::fromSecsSinceEpoch(first_start_s - 600, Qt::UTC));

        const QList<double> online = measure(fx, window, online_tokens, false);
        QVERIFY(!online.isEmpty());
        report("online", online, 300);

        fx.outage(true);
        fx.service->setOnline(false);  // known offline (relay/booking service said so)
        const QList<double> offline = measure(fx, window, offline_tokens, true);
        QVERIFY(!offline.isEmpty());
        report("offline", offline, 100);

        fx.outage(true);
        fx.service->setOnline(true);  // offline not yet known: the first request finds out
        fx.setNow(QDateTime::fromSecsSinceEpoch(first_start_s - 600, Qt::UTC));
        QStringList unknown;
        fx.outage(false);
        for (int i = 0; i < 10; ++i) unknown.append(fx.newToken(nullptr, nullptr));
        fx.setNow(QDateTime::fromSecsSinceEpoch(first_start_s - 600, Qt::UTC));
        fx.outage(true);
        QList<double> discovering;
        for (const QString& t : std::as_const(unknown)) {
            fx.service->setOnline(true);
            discovering += measure(fx, window, {t}, true);
        }
        if (!discovering.isEmpty()) report("outage-discovered", discovering, 300);
        fx.outage(false);
    }
};

QTEST_MAIN(BenchCheckin)
#include "bench_checkin.moc"
