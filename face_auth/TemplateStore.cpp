#include "TemplateStore.h"

namespace mk::face {

TemplateStore::~TemplateStore() = default;

FaceResult<LockoutState> TemplateStore::loadLockout()
{
    return lockout_in_memory_;
}

FaceStatus TemplateStore::saveLockout(const LockoutState& state)
{
    lockout_in_memory_ = state;
    return FaceOk{};
}

}  // namespace mk::face
