#include "hw/speech/SpeakerConfig.h"

#include "hw/common/DeviceSettings.h"

namespace mk::hw {

SpeakerConfig SpeakerConfig::fromSettings(QSettings& settings)
{
    SpeakerConfig c;
    settings.beginGroup(QStringLiteral("devices"));
    DeviceSettings values(settings, c.problems);
    c.engine = settings.value(QStringLiteral("speech_engine"), c.engine).toString().trimmed();
    c.volume = values.number(QStringLiteral("speech_volume"), c.volume, 0.0, 1.0);
    settings.endGroup();
    return c;
}

}  // namespace mk::hw
