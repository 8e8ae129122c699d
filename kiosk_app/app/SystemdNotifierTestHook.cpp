// The kiosk's hook after a watchdog ping: none (SystemdNotifierTestHook.h).
#include "SystemdNotifierTestHook.h"

namespace mk::app {

void systemdNotifierTestAfterPing(int /*pings*/) {}

}  // namespace mk::app
