// The hook of medkiosk-testhooks, the twin of medkiosk that tst_watchdog runs
// (kiosk_app/app/SystemdNotifierTestHook.h, cmake/MedkioskTestHooks.cmake):
// MEDKIOSK_TEST_HANG_UI_AFTER_PINGS=N blocks the UI thread for good after the N-th watchdog ping,
// as a hung UI would.
#include "app/SystemdNotifierTestHook.h"
#include "core/common/Log.h"

#include <QtGlobal>

#include <unistd.h>

namespace mk::app {

void systemdNotifierTestAfterPing(int pings)
{
    static const int hang_after = qEnvironmentVariableIntValue("MEDKIOSK_TEST_HANG_UI_AFTER_PINGS");
    if (hang_after <= 0 || pings < hang_after) return;
    qCWarning(lcUi) << "test hook: the UI thread hangs now";
    for (;;) ::pause();  // until killed: a signal's handler returns here
}

}  // namespace mk::app
