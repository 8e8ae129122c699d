// Speaks the visit number (Chinese or English) through Qt TextToSpeech, a Device. The engine
// (speechd: speech-dispatcher + espeak-ng, local only) starts in the speaker's own thread, so a
// slow or missing speech-dispatcher never blocks the UI; speakVisitNumber() returns at once.
//
//   speaker->speakVisitNumber(QStringLiteral("A012"), mk::hw::SpeechLanguage::Chinese);
//
// Health:  Ready     engine up, a Mandarin and an English voice, an audio output present
//          Degraded  one of the two languages has no voice
//          Missing   speech off in the configuration, engine not installed or failing, no voice,
//                    or no audio output (no sound card, no PulseAudio/PipeWire): the number is
//                    still shown and printed, only not spoken
#pragma once

#include "hw/common/DeviceHealth.h"
#include "hw/common/HwResult.h"
#include "hw/speech/SpeakerConfig.h"
#include "hw/speech/VoiceChoice.h"

#include <QDeadlineTimer>

class QThread;

namespace mk::hw {

class SpeechWorker;

class Speaker : public Device
{
    Q_OBJECT
public:
    explicit Speaker(SpeakerConfig config, QObject* parent = nullptr);
    ~Speaker() override;

    // Starts the engine in the speaker's thread; health() is Unset until it has answered.
    void start();
    // Ends the speech thread by the deadline (the destructor: ThreadJoin::kDeviceJoinMs). A
    // thread blocked in libspeechd is logged and abandoned (common/ThreadJoin.h), never waited
    // for; speakVisitNumber() then reports "speech stopped". Idempotent.
    void stop(QDeadlineTimer deadline);
    DeviceHealth health() const override { return health_; }

    // Says VoiceChoice::sentence(language, visit_number). Never blocks; failures come back as
    // speakFailed(). Does nothing but report when health() is Missing.
    void speakVisitNumber(const QString& visit_number, SpeechLanguage language);
    // Says a whole sentence the caller made in that language (e.g. the total of a payment,
    // issue 9). Same threading and failure reporting as speakVisitNumber().
    void speakSentence(const QString& sentence, SpeechLanguage language);

    // Ok when some audio output exists: an ALSA playback device (/dev/snd/pcmC*D*p), a
    // PulseAudio or PipeWire server; else HwErrorCode::NoAudio with the reason (translated).
    static HwStatus audioOutputAvailable();

Q_SIGNALS:
    void speakFailed(const QString& detail);
    // The engine took the sentence (speakVisitNumber() answers with this or speakFailed()).
    void speakStarted();

private:
    void onChecked(mk::hw::DeviceState state, const QString& detail);

    SpeakerConfig config_;
    QThread* thread_ = nullptr;       // owned; abandoned when it does not stop in time
    SpeechWorker* worker_ = nullptr;  // lives on thread_
    DeviceHealth health_;
};

}  // namespace mk::hw
