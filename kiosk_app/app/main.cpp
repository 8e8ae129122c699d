// medkiosk: the kiosk GUI. Everything but the argument parsing lives in KioskApp.
#include "KioskApp.h"
#include "StartupClock.h"

#include <QApplication>

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
    return code;
}
