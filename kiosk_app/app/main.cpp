// medkiosk: the kiosk GUI. Everything but the argument parsing lives in KioskApp.
#include "KioskApp.h"
#include "StartupClock.h"
#include "hw/common/ThreadJoin.h"

#include <QApplication>

#include <cstdio>
#include <cstdlib>

int main(int argc, char* argv[])
{
    mk::app::StartupClock::markMain();  // first line: the in-process half of --bench-startup
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("medkiosk"));
    QApplication::setApplicationVersion(QStringLiteral(MEDKIOSK_VERSION));
    mk::app::KioskApp kiosk;
    const int early_exit = kiosk.start(QApplication::arguments());
    if (early_exit >= 0) return early_exit;
    const int code = QApplication::exec();
    kiosk.shutdown();
    if (mk::hw::ThreadJoin::abandonedThreads() > 0) {
        // A device thread is still inside its library (logged by ThreadJoin). The store is closed;
        // leave without static destructors running under that thread.
        std::fflush(stdout);
        std::fflush(stderr);
        std::_Exit(code);
    }
    return code;
}
