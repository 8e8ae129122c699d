#include "StartupClock.h"

#include <QElapsedTimer>
#include <QFile>
#include <QList>

#include <ctime>
#include <unistd.h>

namespace mk::app {

namespace {
QElapsedTimer& mainTimer()
{
    static QElapsedTimer timer;
    return timer;
}
}  // namespace

void StartupClock::markMain()
{
    mainTimer().start();
}

qint64 StartupClock::sinceMainMs()
{
    return mainTimer().isValid() ? mainTimer().elapsed() : -1;
}

qint64 StartupClock::sinceProcessMs()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly)) return -1;
    const QByteArray line = stat.readAll();
    // The command name (field 2) is in parentheses and may hold spaces: count after the last ')'.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0) return -1;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    constexpr int kStartTimeIndex = 22 - 3;  // field 22, counted from field 3
    if (fields.size() <= kStartTimeIndex) return -1;
    bool ok = false;
    const qulonglong start_ticks = fields.at(kStartTimeIndex).toULongLong(&ok);
    const long ticks_per_s = ::sysconf(_SC_CLK_TCK);
    if (!ok || ticks_per_s <= 0) return -1;
    timespec now{};
    if (::clock_gettime(CLOCK_BOOTTIME, &now) != 0) return -1;
    const qint64 now_ms = qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
    const qint64 start_ms = qint64(start_ticks) * 1000 / ticks_per_s;
    return now_ms - start_ms;
}

}  // namespace mk::app
