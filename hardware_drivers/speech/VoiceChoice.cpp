#include "hw/speech/VoiceChoice.h"

namespace mk::hw {

namespace {

int score(SpeechLanguage language, const VoiceInfo& voice)
{
    const QString name = voice.name.toLower();
    const QLocale::Language lang = voice.locale.language();
    int s = 0;
    if (language == SpeechLanguage::Chinese) {
        const bool cantonese = lang == QLocale::Cantonese ||
                               name.contains(QLatin1String("cantonese")) ||
                               name.contains(QLatin1String("yue"));
        const bool hakka = name.contains(QLatin1String("hakka"));
        if (cantonese || hakka) {
            s = 10;
        } else if (lang == QLocale::Chinese && voice.locale.territory() == QLocale::China) {
            s = 100;
        } else if (name.contains(QLatin1String("mandarin"))) {
            s = 90;
        } else if (lang == QLocale::Chinese) {
            s = 80;
        } else if (name.contains(QLatin1String("chinese"))) {
            s = 50;
        }
        if (s > 0 && name.contains(QLatin1String("pinyin")))
            s -= 5;  // reads Latin letters as pinyin
    } else if (language == SpeechLanguage::English) {
        if (lang == QLocale::English) {
            s = 60;
            if (voice.locale.territory() == QLocale::UnitedStates) s = 100;
            if (voice.locale.territory() == QLocale::UnitedKingdom) s = 95;
        } else if (name.startsWith(QLatin1String("english"))) {
            s = 50;
        }
    }
    if (s > 0 && name.contains(u'+')) s -= 2;  // a variant of a plain voice
    return s;
}

QString spelled(const QString& number)
{
    QStringList parts;
    for (const QChar c : number) {
        if (!c.isSpace()) parts << QString(c);
    }
    return parts.join(u' ');
}

}  // namespace

int VoiceChoice::choose(SpeechLanguage language, const QList<VoiceInfo>& voices)
{
    int best = -1;
    int best_score = 0;
    for (int i = 0; i < voices.size(); ++i) {
        const int s = score(language, voices.at(i));
        if (s > best_score) {
            best = i;
            best_score = s;
        }
    }
    return best;
}

QString VoiceChoice::sentence(SpeechLanguage language, const QString& visit_number)
{
    if (language == SpeechLanguage::Chinese) {
        return QString::fromUtf8("您的就诊序号是 %1 号，请留意叫号。").arg(spelled(visit_number));
    }
    return QStringLiteral("Your visit number is %1. Please wait to be called.")
        .arg(spelled(visit_number));
}

}  // namespace mk::hw
