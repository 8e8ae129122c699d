// Speech configuration from the kiosk INI, section [devices] (see docs/devices.md):
//   speech_engine = speechd | none   (Qt TextToSpeech engine; speechd = speech-dispatcher with
//                                     espeak-ng, all on this machine, no network speech)
//   speech_volume = 0.8              (0.0-1.0)
#pragma once

#include <QSettings>
#include <QString>
#include <QStringList>

namespace mk::hw {

struct SpeakerConfig {
    QString device_id = QStringLiteral("speaker");
    QString engine = QStringLiteral("speechd");  // empty or "none": speech off
    double volume = 0.8;
    // Bad values read by fromSettings, each naming its key (hw/common/DeviceSettings.h).
    QStringList problems;

    static SpeakerConfig fromSettings(QSettings& settings);
};

}  // namespace mk::hw
