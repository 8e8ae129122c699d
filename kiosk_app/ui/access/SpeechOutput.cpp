#include "ui/access/SpeechOutput.h"

#include "hw/speech/Speaker.h"

namespace mk::ui {

SpeakerOutput::SpeakerOutput(hw::Speaker* speaker, QObject* parent)
    : SpeechOutput(parent), speaker_(speaker)
{
    if (speaker_ == nullptr) return;
    connect(speaker_, &hw::Speaker::healthChanged, this,
            [this](const hw::DeviceHealth&) { Q_EMIT availableChanged(available()); });
}

bool SpeakerOutput::available() const
{
    if (speaker_ == nullptr) return false;
    const hw::DeviceState state = speaker_->health().state;
    return state == hw::DeviceState::Ready || state == hw::DeviceState::Degraded;
}

void SpeakerOutput::say(const QString& sentence, const QString& language)
{
    if (!available() || sentence.isEmpty()) return;
    speaker_->speakSentence(sentence, language.startsWith(QLatin1String("en"))
                                          ? hw::SpeechLanguage::English
                                          : hw::SpeechLanguage::Chinese);
}

}  // namespace mk::ui
