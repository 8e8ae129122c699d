#include "TemplateStore.h"

namespace mk::face {

TemplateStore::~TemplateStore() = default;

}  // namespace mk::face
