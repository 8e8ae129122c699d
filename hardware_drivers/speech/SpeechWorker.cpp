#include "hw/speech/SpeechWorker.h"

#include "hw/speech/Speaker.h"

#include <QTextToSpeech>
#include <QVoice>

namespace mk::hw {

SpeechWorker::SpeechWorker(SpeakerConfig config) : config_(std::move(config)) {}

void SpeechWorker::init()
{
    if (!QTextToSpeech::availableEngines().contains(config_.engine)) {
        unusable_ = Speaker::tr(
                        "speech engine \"%1\" not installed (Debian: qt6-speech-speechd-plugin, "
                        "speech-dispatcher-espeak-ng)")
                        .arg(config_.engine);
        Q_EMIT checked(DeviceState::Missing, unusable_);
        return;
    }
    tts_ = new QTextToSpeech(config_.engine, this);
    if (tts_->state() == QTextToSpeech::Error) {
        unusable_ = Speaker::tr("speech engine error: %1").arg(tts_->errorString());
        Q_EMIT checked(DeviceState::Missing, unusable_);
        return;
    }
    tts_->setVolume(config_.volume);
    // Every voice of every locale (speechd lists Mandarin under the C locale).
    const QList<QLocale> locales = tts_->availableLocales();
    QStringList seen;
    for (const QLocale& locale : locales) {
        tts_->setLocale(locale);
        const QList<QVoice> voices = tts_->availableVoices();
        for (const QVoice& voice : voices) {
            if (seen.contains(voice.name())) continue;
            seen << voice.name();
            voices_.append(VoiceInfo{voice.name(), voice.locale()});
        }
    }
    zh_voice_ = VoiceChoice::choose(SpeechLanguage::Chinese, voices_);
    en_voice_ = VoiceChoice::choose(SpeechLanguage::English, voices_);
    if (const HwStatus audio = Speaker::audioOutputAvailable(); !audio) {
        unusable_ = audio.error().detail;
        Q_EMIT checked(DeviceState::Missing, unusable_);
        return;
    }
    if (zh_voice_ < 0 && en_voice_ < 0) {
        unusable_ = Speaker::tr("no Chinese or English voice installed (espeak-ng-data)");
        Q_EMIT checked(DeviceState::Missing, unusable_);
    } else if (zh_voice_ < 0 || en_voice_ < 0) {
        Q_EMIT checked(DeviceState::Degraded,
                       zh_voice_ < 0 ? Speaker::tr("no Mandarin voice: Chinese is not spoken")
                                     : Speaker::tr("no English voice: English is not spoken"));
    } else {
        Q_EMIT checked(DeviceState::Ready, Speaker::tr("%1; zh: %2; en: %3")
                                               .arg(config_.engine, voices_.at(zh_voice_).name,
                                                    voices_.at(en_voice_).name));
    }
}

void SpeechWorker::speak(mk::hw::SpeechLanguage language, const QString& text)
{
    const int index = language == SpeechLanguage::Chinese ? zh_voice_ : en_voice_;
    if (tts_ == nullptr || !unusable_.isEmpty() || index < 0) {
        Q_EMIT speakFailed(!unusable_.isEmpty() ? unusable_
                                                : Speaker::tr("no voice for this language"));
        return;
    }
    const VoiceInfo& wanted = voices_.at(index);
    tts_->setLocale(wanted.locale);
    const QList<QVoice> voices = tts_->availableVoices();
    for (const QVoice& voice : voices) {
        if (voice.name() == wanted.name) {
            tts_->setVoice(voice);
            break;
        }
    }
    tts_->say(text);
    if (tts_->state() == QTextToSpeech::Error)
        Q_EMIT speakFailed(tts_->errorString());
    else
        Q_EMIT speakStarted();
}

}  // namespace mk::hw
