// The kill points of tests/store/tst_storerekey: a power cut or kill -9 at a named stage of the
// key rotation. medkioskctl links StoreRekeyTestHook.cpp, which does nothing and names no
// environment variable, so the shipped program has no test hook. The suite runs a twin,
// medkioskctl-testhooks (built when the CMake option MEDKIOSK_TEST_HOOKS is ON,
// cmake/MedkioskTestHooks.cmake), whose own definition (tests/store/tst_storerekey_killhook.cpp)
// is linked first and ends the process with SIGKILL at the stage named by the test.
#pragma once

namespace mk::store {

void rekeyTestKillPoint(const char* stage);

}  // namespace mk::store
