// How long a patient waits for the slot grid: a KioskWindow at 1080x1920 against the simulator,
// General Pediatrics (30 doctors), any doctor; 30 times a tap on a day tile until the grid of that
// day is on screen (gridRendered, then the window painted). Prints median, p95 and min-max; the
// "UI part" is what the UI thread spends from the slots' arrival to the painted window.
#include "FlowFixture.h"
#include "ui/booking/SlotGridWidget.h"
#include "ui/screens/SlotGridScreen.h"

#include <QElapsedTimer>
#include <QEventLoop>

#include <algorithm>
#include <cstdio>

using mk::ui::ScreenId;

namespace {
constexpr int kRuns = 30;
constexpr int kDaysWithSlots = 7;
constexpr int kTimeoutMs = 30000;

void printStats(const char* what, QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const auto at = [&ms](double q) {
        return ms[qBound(qsizetype(0), qsizetype(q * double(ms.size() - 1) + 0.5), ms.size() - 1)];
    };
    std::printf("%-34s median %7.1f ms   p95 %7.1f ms   min-max %.1f-%.1f ms   (n=%d)\n", what,
                at(0.5), at(0.95), ms.first(), ms.last(), int(ms.size()));
}
}  // namespace

class BenchSlotGrid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tapDayUntilGridPainted();

private:
    flow::FlowFixture f_;
};

void BenchSlotGrid::tapDayUntilGridPainted()
{
    const QString error = f_.start(QSize(1080, 1920));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const auto who = f_.patient(QStringLiteral("P00001004"), QDate(1990, 7, 20));
    QVERIFY(who.has_value());
    f_.startBooking(*who);
    QTRY_VERIFY_WITH_TIMEOUT(f_.buttonReady(QStringLiteral("department_dept-ped")), kTimeoutMs);
    QTest::mouseClick(f_.button(QStringLiteral("department_dept-ped")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(f_.buttonReady(QStringLiteral("anyDoctorTile")), kTimeoutMs);
    QTest::mouseClick(f_.button(QStringLiteral("anyDoctorTile")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(f_.currentId(), ScreenId::Day, kTimeoutMs);

    auto* screen = qobject_cast<mk::ui::SlotGridScreen*>(f_.window->screen(ScreenId::SlotGrid));
    QVERIFY(screen != nullptr);
    QList<double> total_ms;
    QList<double> ui_ms;
    int cells = 0;
    for (int run = 0; run < kRuns; ++run) {
        const QString tile = QStringLiteral("day_") + QString::number(run % kDaysWithSlots);
        QTRY_VERIFY_WITH_TIMEOUT(f_.buttonReady(tile), kTimeoutMs);
        QPushButton* day = f_.button(tile);

        QElapsedTimer clock;
        qint64 arrived_ns = -1;
        QEventLoop loop;
        const auto arrived =
            connect(screen, &mk::ui::Screen::loadingChanged, &loop, [&](bool loading) {
                if (!loading && arrived_ns < 0) arrived_ns = clock.nsecsElapsed();
            });
        const auto rendered =
            connect(screen, &mk::ui::SlotGridScreen::gridRendered, &loop, &QEventLoop::quit);
        QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
        clock.start();
        QTest::mouseClick(day, Qt::LeftButton);
        if (f_.currentId() == ScreenId::SlotGrid && screen->loading()) loop.exec();
        disconnect(arrived);
        disconnect(rendered);
        QVERIFY2(!screen->loading(), "no grid within the timeout");
        f_.window->grab();  // paints every visible widget of the window
        const qint64 painted_ns = clock.nsecsElapsed();
        total_ms.append(double(painted_ns) / 1e6);
        if (arrived_ns >= 0) ui_ms.append(double(painted_ns - arrived_ns) / 1e6);
        cells = screen->grid()->cellCount();
        QVERIFY(cells > 0);

        f_.window->goBack();
        QTRY_COMPARE_WITH_TIMEOUT(f_.currentId(), ScreenId::Day, kTimeoutMs);
    }
    std::printf(
        "bench_slotgrid: 1080x1920, dept-ped (30 doctors), any doctor, %d runs, %d times "
        "on the last grid\n",
        kRuns, cells);
    printStats("tap day -> grid painted", total_ms);
    if (!ui_ms.isEmpty()) printStats("UI part (slots arrived -> painted)", ui_ms);
    std::fflush(stdout);
    f_.stop();
}

QTEST_MAIN(BenchSlotGrid)
#include "bench_slotgrid.moc"
