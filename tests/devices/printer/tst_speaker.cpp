// Speech: voice choice per language (table of voice lists like speechd + espeak-ng gives), the
// visit-number sentences, and the real engine: the Speaker settles to a health state with a
// reason instead of hanging or crashing. Actual audio is skipped when there is no audio device.
#include "TestSkip.h"
#include "hw/speech/Speaker.h"
#include "hw/speech/VoiceChoice.h"

#include <QSignalSpy>
#include <QTextToSpeech>
#include <QtTest>

using namespace mk::hw;

class TestSpeaker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void choose_data();
    void choose();
    void sentences();
    void engineAndHealth();
    void stopWhileStarting();
    void speechOff();
};

void TestSpeaker::choose_data()
{
    QTest::addColumn<QList<VoiceInfo>>("voices");
    QTest::addColumn<int>("language");
    QTest::addColumn<QString>("expected");  // empty: none
    const QLocale c = QLocale::c();
    const QList<VoiceInfo> espeak{
        {QStringLiteral("Chinese (Cantonese)"), QLocale(QLocale::Cantonese, QLocale::HongKong)},
        {QStringLiteral("English (Caribbean)+Adam"),
         QLocale(QLocale::English, QLocale::UnitedStates)},
        {QStringLiteral("Chinese (Mandarin, latin as Pinyin)"), c},
        {QStringLiteral("Chinese (Mandarin, latin as English)"), c},
        {QStringLiteral("Hakka Chinese"), c},
        {QStringLiteral("English (America)"), QLocale(QLocale::English, QLocale::UnitedStates)},
        {QStringLiteral("English (Great Britain)"),
         QLocale(QLocale::English, QLocale::UnitedKingdom)}};
    QTest::newRow("espeak zh -> Mandarin, Latin as English")
        << espeak << int(SpeechLanguage::Chinese)
        << QStringLiteral("Chinese (Mandarin, latin as English)");
    QTest::newRow("espeak en -> plain US voice")
        << espeak << int(SpeechLanguage::English) << QStringLiteral("English (America)");
    QTest::newRow("zh_CN locale wins")
        << QList<VoiceInfo>{{QStringLiteral("Chinese (Mandarin)"), c},
                            {QStringLiteral("xiaoyan"), QLocale(QLocale::Chinese, QLocale::China)}}
        << int(SpeechLanguage::Chinese) << QStringLiteral("xiaoyan");
    QTest::newRow("only Cantonese: last resort")
        << QList<VoiceInfo>{{QStringLiteral("Chinese (Cantonese)"),
                             QLocale(QLocale::Cantonese, QLocale::HongKong)},
                            {QStringLiteral("German"), QLocale(QLocale::German, QLocale::Germany)}}
        << int(SpeechLanguage::Chinese) << QStringLiteral("Chinese (Cantonese)");
    QTest::newRow("no Chinese") << QList<VoiceInfo>{{QStringLiteral("German"),
                                                     QLocale(QLocale::German)}}
                                << int(SpeechLanguage::Chinese) << QString();
    QTest::newRow("no English") << QList<VoiceInfo>{{QStringLiteral("Chinese (Mandarin)"), c}}
                                << int(SpeechLanguage::English) << QString();
    QTest::newRow("empty") << QList<VoiceInfo>{} << int(SpeechLanguage::English) << QString();
}

void TestSpeaker::choose()
{
    QFETCH(QList<VoiceInfo>, voices);
    QFETCH(int, language);
    QFETCH(QString, expected);
    const int index = VoiceChoice::choose(static_cast<SpeechLanguage>(language), voices);
    QCOMPARE(index >= 0 ? voices.at(index).name : QString(), expected);
}

void TestSpeaker::sentences()
{
    QCOMPARE(VoiceChoice::sentence(SpeechLanguage::English, QStringLiteral("A012")),
             QStringLiteral("Your visit number is A 0 1 2. Please wait to be called."));
    const QString zh = VoiceChoice::sentence(SpeechLanguage::Chinese, QStringLiteral("A 012"));
    QVERIFY(zh.contains(QStringLiteral("A 0 1 2")));
    QVERIFY(zh.contains(QString::fromUtf8("就诊序号")));
}

void TestSpeaker::engineAndHealth()
{
    const QStringList engines = QTextToSpeech::availableEngines();
    qInfo() << "speech engines:" << engines;
    if (!engines.contains(QStringLiteral("speechd")))
        MK_SKIP_OR_FAIL_IN_CI("the speechd engine is not installed (qt6-speech-speechd-plugin)");
    Speaker speaker(SpeakerConfig{});
    QSignalSpy changed(&speaker, &Device::healthChanged);
    speaker.start();
    // Waits for the answer itself (speech-dispatcher may have to be spawned first, and a
    // sanitizer build is slow); the ctest timeout is what ends a speaker that never answers.
    while (changed.isEmpty()) QVERIFY(changed.wait(3600000));
    QVERIFY(speaker.health().state != DeviceState::Unset);
    const DeviceHealth h = speaker.health();
    qInfo() << "speaker:" << deviceStateName(h.state) << h.detail;
    QVERIFY(!h.detail.isEmpty());
    QCOMPARE(h.kind, QStringLiteral("speaker"));
    const HwStatus audio = Speaker::audioOutputAvailable();
    if (!audio) {
        const QString why = audio.error().detail;
        QCOMPARE(h.state, DeviceState::Missing);
        // Either reason: no audio, or the engine could not reach speech-dispatcher first (a
        // slow machine, a dispatcher being spawned by another process at the same moment).
        QVERIFY2(h.detail == why || h.detail.startsWith(QStringLiteral("speech engine error")),
                 qPrintable(h.detail));
        QSignalSpy failed(&speaker, &Speaker::speakFailed);
        speaker.speakVisitNumber(QStringLiteral("A012"), SpeechLanguage::Chinese);
        QCOMPARE(failed.size(), 1);  // reported, not a hang
        MK_SKIP_FOR_HARDWARE("sound card",
                             QStringLiteral("no audio device, nothing to hear: ") + why);
    }
    QVERIFY2(h.state == DeviceState::Ready || h.state == DeviceState::Degraded,
             qPrintable(h.detail));
    QSignalSpy failed(&speaker, &Speaker::speakFailed);
    QSignalSpy started(&speaker, &Speaker::speakStarted);
    speaker.speakVisitNumber(QStringLiteral("A012"), SpeechLanguage::English);
    // One answer or the other, whenever it comes.
    while (failed.isEmpty() && started.isEmpty()) QVERIFY(started.wait(3600000));
    QCOMPARE(failed.size(), 0);
    QCOMPARE(started.size(), 1);
}

// Stopping right after start(), while the engine may still be starting inside libspeechd:
// stop() returns by its deadline either way, and the speaker then reports instead of speaking.
void TestSpeaker::stopWhileStarting()
{
    if (!QTextToSpeech::availableEngines().contains(QStringLiteral("speechd")))
        MK_SKIP_OR_FAIL_IN_CI("the speechd engine is not installed (qt6-speech-speechd-plugin)");
    Speaker speaker(SpeakerConfig{});
    speaker.start();
    speaker.stop(QDeadlineTimer(100));
    QSignalSpy failed(&speaker, &Speaker::speakFailed);
    speaker.speakVisitNumber(QStringLiteral("A012"), SpeechLanguage::English);
    QCOMPARE(failed.size(), 1);
    speaker.stop(QDeadlineTimer(100));  // idempotent
}

void TestSpeaker::speechOff()
{
    SpeakerConfig config;
    config.engine = QStringLiteral("none");
    Speaker speaker(config);
    QSignalSpy failed(&speaker, &Speaker::speakFailed);
    speaker.start();
    QCOMPARE(speaker.health().state, DeviceState::Missing);
    speaker.speakVisitNumber(QStringLiteral("A1"), SpeechLanguage::English);
    QCOMPARE(failed.size(), 1);
}

QTEST_GUILESS_MAIN(TestSpeaker)
#include "tst_speaker.moc"
