// The kill points of medkioskctl-testhooks, the twin of medkioskctl that tst_storerekey runs
// (kiosk_app/core/store/StoreRekeyTestHook.h, cmake/MedkioskTestHooks.cmake):
// MEDKIOSK_REKEY_TEST_KILL_AT=<stage> ends the process with SIGKILL at that stage of the key
// rotation, as a power cut or kill -9 would.
#include "core/store/StoreRekeyTestHook.h"

#include <QByteArray>
#include <QtGlobal>

#include <csignal>

namespace mk::store {

void rekeyTestKillPoint(const char* stage)
{
    static const QByteArray wanted = qgetenv("MEDKIOSK_REKEY_TEST_KILL_AT");
    if (!wanted.isEmpty() && wanted == stage) (void)::raise(SIGKILL);
}

}  // namespace mk::store
