// Which installed voice speaks which language (pure, testable). espeak-ng through
// speech-dispatcher names its Mandarin voice "Chinese (Mandarin, ...)" with a language code
// ("cmn") that QLocale does not know, so the name counts as much as the locale; "+Variant"
// voices are the same voice with another timbre and come after the plain one.
#pragma once

#include <QList>
#include <QLocale>
#include <QString>

namespace mk::hw {

enum class SpeechLanguage { Unset = 0, Chinese, English };

struct VoiceInfo {
    QString name;
    QLocale locale;
};

class VoiceChoice
{
public:
    // Index of the best voice for the language in voices, or -1 when none fits. Chinese: Mandarin
    // (zh_CN, then any Mandarin), Cantonese only as the last resort; English: en_US / en_GB first.
    static int choose(SpeechLanguage language, const QList<VoiceInfo>& voices);
    // The sentence that announces a visit number, in that language (fixed per language, not by
    // the UI translation: each voice must speak its own language). The number is spelled out
    // character by character ("A012" -> "A 0 1 2") so it is heard digit by digit.
    static QString sentence(SpeechLanguage language, const QString& visit_number);
};

}  // namespace mk::hw
