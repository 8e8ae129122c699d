// Start-up time of the kiosk: `medkiosk --demo --bench-startup --windowed`, 7 runs, offscreen,
// HOME in a fresh temporary folder (the first run creates the demo state: key, store, pool state;
// the others reuse it). medkiosk prints startup_ms (from the kernel's process start time in
// /proc/self/stat until the start screen is shown and the event loop idle). Prints the median and
// the range; asserts nothing about time.
#include "EmptyConfig.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

class BenchStartup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startup();
};

namespace {
qint64 field(const QByteArray& output, const QByteArray& name)
{
    for (const QByteArray& line : output.split('\n')) {
        if (line.startsWith(name + '=')) return line.mid(name.size() + 1).trimmed().toLongLong();
    }
    return -1;
}

qint64 median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 == 1 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}
}  // namespace

void BenchStartup::startup()
{
    const QString binary = QStringLiteral(MEDKIOSK_BIN);
    QVERIFY2(QFileInfo::exists(binary),
             qPrintable(QStringLiteral("medkiosk is not built: ") + binary));
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), home.path());
    env.remove(QStringLiteral("XDG_STATE_HOME"));
    env.remove(QStringLiteral("MEDKIOSK_CONFIG"));
    env.remove(QStringLiteral("CREDENTIALS_DIRECTORY"));
    env.remove(QStringLiteral("STATE_DIRECTORY"));
    const QStringList arguments{QStringLiteral("--demo"), QStringLiteral("--bench-startup"),
                                QStringLiteral("--windowed"), QStringLiteral("--config"),
                                mk::test::emptyConfig(home.path())};
    constexpr int kRuns = 7;
    QList<qint64> startup_ms;
    QList<qint64> main_ms;
    for (int run = 0; run < kRuns; ++run) {
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(binary, arguments);
        QVERIFY2(process.waitForFinished(120000), "medkiosk did not exit");
        const QByteArray out = process.readAllStandardOutput();
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
                 process.readAllStandardError().constData());
        const qint64 total = field(out, "startup_ms");
        const qint64 from_main = field(out, "main_to_idle_ms");
        QVERIFY2(total >= 0 && from_main >= 0, out.constData());
        qInfo("run %d%s: startup_ms=%lld main_to_idle_ms=%lld", run + 1,
              run == 0 ? " (fresh demo state)" : "", static_cast<long long>(total),
              static_cast<long long>(from_main));
        startup_ms << total;
        main_ms << from_main;
    }
    const auto [min_total, max_total] = std::minmax_element(startup_ms.begin(), startup_ms.end());
    const auto [min_main, max_main] = std::minmax_element(main_ms.begin(), main_ms.end());
    qInfo(
        "medkiosk --demo start-up, %d runs: median %lld ms, min-max %lld-%lld ms (process start "
        "to idle start screen); from main(): median %lld ms, min-max %lld-%lld ms",
        kRuns, static_cast<long long>(median(startup_ms)), static_cast<long long>(*min_total),
        static_cast<long long>(*max_total), static_cast<long long>(median(main_ms)),
        static_cast<long long>(*min_main), static_cast<long long>(*max_main));
}

QTEST_GUILESS_MAIN(BenchStartup)
#include "bench_startup.moc"
