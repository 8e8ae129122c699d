// Start-up time for --bench-startup. Two clocks: from the moment the kernel started the process
// (/proc/self/stat field 22, starttime, against CLOCK_BOOTTIME: includes exec, dynamic loading
// and static initialisers; resolution one clock tick, usually 10 ms) and from main()'s first line
// (QElapsedTimer, sub-millisecond).
#pragma once

#include <QtGlobal>

namespace mk::app {

class StartupClock
{
public:
    static void markMain();          // call on main()'s first line
    static qint64 sinceMainMs();     // -1 when markMain() was not called
    static qint64 sinceProcessMs();  // -1 when /proc/self/stat is unreadable
};

}  // namespace mk::app
