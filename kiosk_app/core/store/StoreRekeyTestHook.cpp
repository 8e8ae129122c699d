// The programs' kill point: none (StoreRekeyTestHook.h).
#include "core/store/StoreRekeyTestHook.h"

namespace mk::store {

void rekeyTestKillPoint(const char* /*stage*/) {}

}  // namespace mk::store
