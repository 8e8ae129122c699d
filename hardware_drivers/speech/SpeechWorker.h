// Lives in Speaker's thread: owns the QTextToSpeech engine (whose start-up may wait for
// speech-dispatcher), lists the voices, picks one per language, speaks.
#pragma once

#include "hw/common/DeviceHealth.h"
#include "hw/speech/SpeakerConfig.h"
#include "hw/speech/VoiceChoice.h"

#include <QObject>

class QTextToSpeech;

namespace mk::hw {

class SpeechWorker : public QObject
{
    Q_OBJECT
public:
    explicit SpeechWorker(SpeakerConfig config);

    void init();
    void speak(mk::hw::SpeechLanguage language, const QString& text);

Q_SIGNALS:
    void checked(mk::hw::DeviceState state, const QString& detail);
    void speakFailed(const QString& detail);
    void speakStarted();

private:
    SpeakerConfig config_;
    QTextToSpeech* tts_ = nullptr;
    QList<VoiceInfo> voices_;
    int zh_voice_ = -1;
    int en_voice_ = -1;
    QString unusable_;  // why it cannot speak at all
};

}  // namespace mk::hw
