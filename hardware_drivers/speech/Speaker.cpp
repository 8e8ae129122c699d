#include "hw/speech/Speaker.h"

#include "hw/common/ThreadJoin.h"
#include "hw/speech/SpeechWorker.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QThread>

namespace mk::hw {

namespace {
Q_LOGGING_CATEGORY(lcSpeech, "medkiosk.hw.speech")
}

Speaker::Speaker(SpeakerConfig config, QObject* parent) : Device(parent), config_(std::move(config))
{
    qRegisterMetaType<mk::hw::DeviceState>();
    qRegisterMetaType<mk::hw::SpeechLanguage>();
    health_.device_id = config_.device_id;
    health_.kind = QStringLiteral("speaker");
}

Speaker::~Speaker()
{
    stop(QDeadlineTimer(ThreadJoin::kDeviceJoinMs));
}

void Speaker::stop(QDeadlineTimer deadline)
{
    if (thread_ == nullptr) return;
    // The worker and its engine are deleted on their own thread, after what is queued there.
    worker_->deleteLater();
    worker_ = nullptr;
    ThreadJoin::finish(thread_, deadline, QStringLiteral("speech"));
    thread_ = nullptr;
    health_.detail = tr("speech stopped");
}

void Speaker::start()
{
    if (thread_ != nullptr) return;
    if (config_.engine.isEmpty() || config_.engine == QLatin1String("none")) {
        onChecked(DeviceState::Missing, tr("speech off ([devices] speech_engine = none)"));
        return;
    }
    thread_ = new QThread;
    thread_->setObjectName(QStringLiteral("speech"));
    worker_ = new SpeechWorker(config_);
    worker_->moveToThread(thread_);
    connect(worker_, &SpeechWorker::checked, this, &Speaker::onChecked, Qt::QueuedConnection);
    connect(worker_, &SpeechWorker::speakFailed, this, &Speaker::speakFailed, Qt::QueuedConnection);
    connect(worker_, &SpeechWorker::speakStarted, this, &Speaker::speakStarted,
            Qt::QueuedConnection);
    thread_->start();
    QMetaObject::invokeMethod(worker_, &SpeechWorker::init, Qt::QueuedConnection);
}

void Speaker::speakVisitNumber(const QString& visit_number, SpeechLanguage language)
{
    speakSentence(VoiceChoice::sentence(language, visit_number), language);
}

void Speaker::speakSentence(const QString& text, SpeechLanguage language)
{
    if (worker_ == nullptr || health_.state == DeviceState::Missing) {
        Q_EMIT speakFailed(health_.detail.isEmpty() ? tr("speech not started") : health_.detail);
        return;
    }
    SpeechWorker* worker = worker_;
    QMetaObject::invokeMethod(
        worker, [worker, language, text]() { worker->speak(language, text); },
        Qt::QueuedConnection);
}

HwStatus Speaker::audioOutputAvailable()
{
    const QStringList pcms =
        QDir(QStringLiteral("/dev/snd")).entryList({QStringLiteral("pcmC*D*p")}, QDir::System);
    if (!pcms.isEmpty()) return Ok{};
    if (!qEnvironmentVariableIsEmpty("PULSE_SERVER")) return Ok{};
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && (QFileInfo::exists(runtime + QStringLiteral("/pulse/native")) ||
                               QFileInfo::exists(runtime + QStringLiteral("/pipewire-0")))) {
        return Ok{};
    }
    return hwError(
        HwErrorCode::NoAudio,
        tr("no audio output (no sound card in /dev/snd, no PulseAudio or PipeWire): numbers are "
           "shown and "
           "printed, not spoken"));
}

void Speaker::onChecked(mk::hw::DeviceState state, const QString& detail)
{
    if (health_.state == state && health_.detail == detail) return;
    health_.state = state;
    health_.detail = detail;
    qCInfo(lcSpeech) << "speaker" << health_.device_id << deviceStateName(state) << detail;
    Q_EMIT healthChanged(health_);
}

}  // namespace mk::hw
