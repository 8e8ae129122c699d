// What happens after each watchdog ping, for tests/packaging/tst_watchdog: the kiosk links
// SystemdNotifierTestHook.cpp, which does nothing and names no environment variable, so the
// shipped program has no test hook. The suite runs a twin, medkiosk-testhooks (built when the
// CMake option MEDKIOSK_TEST_HOOKS is ON, cmake/MedkioskTestHooks.cmake), whose own definition
// (tests/packaging/tst_watchdog_hanghook.cpp) is linked first and blocks the UI thread for good
// after the N-th ping, as a hung UI would.
#pragma once

namespace mk::app {

void systemdNotifierTestAfterPing(int pings);

}  // namespace mk::app
