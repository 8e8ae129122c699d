// ShutdownWatchdog (issue 16): the last resort of the kiosk's bounded shutdown. It acts when the
// bound passes before disarm(), never after a disarm, and names the step under way.
#include "app/ShutdownWatchdog.h"

#include <QElapsedTimer>
#include <QtTest>

#include <atomic>
#include <chrono>
#include <memory>

using mk::app::ShutdownWatchdog;
using namespace std::chrono_literals;

class TestShutdownWatchdog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firesAtTheBound();
    void disarmedNeverFires();
    void destructionDisarms();
};

void TestShutdownWatchdog::firesAtTheBound()
{
    std::atomic<int> fired{0};
    QElapsedTimer timer;
    timer.start();
    std::atomic<qint64> fired_after_ms{-1};
    ShutdownWatchdog watchdog(200ms, 5, [&] {
        fired_after_ms = timer.elapsed();
        ++fired;
    });
    watchdog.setStep(QStringLiteral("camera"));
    QTRY_COMPARE_WITH_TIMEOUT(fired.load(), 1, 30000);
    QVERIFY2(fired_after_ms.load() >= 200, qPrintable(QString::number(fired_after_ms.load())));
    watchdog.disarm();  // after it fired: nothing more happens
    QCOMPARE(fired.load(), 1);
}

void TestShutdownWatchdog::disarmedNeverFires()
{
    std::atomic<int> fired{0};
    ShutdownWatchdog watchdog(300ms, 5, [&] { ++fired; });
    QElapsedTimer timer;
    timer.start();
    watchdog.disarm();
    QVERIFY(timer.elapsed() < 300);  // disarm() does not wait for the bound
    // A second watchdog with the same bound shows the time has passed; the first stayed quiet.
    std::atomic<int> other{0};
    ShutdownWatchdog later(300ms, 5, [&] { ++other; });
    QTRY_COMPARE_WITH_TIMEOUT(other.load(), 1, 30000);
    QCOMPARE(fired.load(), 0);
}

void TestShutdownWatchdog::destructionDisarms()
{
    std::atomic<int> fired{0};
    {
        ShutdownWatchdog watchdog(300ms, 5, [&] { ++fired; });
    }
    std::atomic<int> other{0};
    ShutdownWatchdog later(300ms, 5, [&] { ++other; });
    QTRY_COMPARE_WITH_TIMEOUT(other.load(), 1, 30000);
    QCOMPARE(fired.load(), 0);
}

QTEST_GUILESS_MAIN(TestShutdownWatchdog)
#include "tst_shutdownwatchdog.moc"
