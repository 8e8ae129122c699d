// The read-aloud voice of the window (issue 12): says a sentence in the UI language. The kiosk
// uses SpeakerOutput (hw::Speaker: speech-dispatcher + espeak-ng on this machine); tests may
// give a double. available() false (no audio device, no engine, speech off): the read-aloud
// button is hidden and nothing is said.
#pragma once

#include "hw/speech/Speaker.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace mk::ui {

class SpeechOutput : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual bool available() const = 0;
    // language: the UI language ("zh_CN" | "en"); the sentence is already in it.
    virtual void say(const QString& sentence, const QString& language) = 0;

Q_SIGNALS:
    void availableChanged(bool available);
};

// hw::Speaker as the window's voice: available while the speaker is Ready or Degraded.
class SpeakerOutput final : public SpeechOutput
{
    Q_OBJECT
public:
    explicit SpeakerOutput(hw::Speaker* speaker, QObject* parent = nullptr);

    bool available() const override;
    void say(const QString& sentence, const QString& language) override;
    hw::Speaker* speaker() const { return speaker_; }

private:
    QPointer<hw::Speaker> speaker_;
};

}  // namespace mk::ui
