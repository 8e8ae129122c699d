#include "hw/speech/SpeakerConfig.h"

#include <algorithm>

namespace mk::hw {

SpeakerConfig SpeakerConfig::fromSettings(QSettings& settings)
{
    SpeakerConfig c;
    settings.beginGroup(QStringLiteral("devices"));
    c.engine = settings.value(QStringLiteral("speech_engine"), c.engine).toString().trimmed();
    c.volume =
        std::clamp(settings.value(QStringLiteral("speech_volume"), c.volume).toDouble(), 0.0, 1.0);
    settings.endGroup();
    return c;
}

}  // namespace mk::hw
