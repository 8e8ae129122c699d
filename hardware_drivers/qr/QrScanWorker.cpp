#include "hw/qr/QrScanWorker.h"

namespace mk::hw {

QrScanWorker::QrScanWorker(QObject* parent) : QObject(parent)
{
    thread_.setObjectName(QStringLiteral("qr-decode"));
    context_ = new QObject;  // deleted on its thread when the thread finishes
    context_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, context_, &QObject::deleteLater);
    thread_.start(QThread::LowPriority);
}

QrScanWorker::~QrScanWorker()
{
    thread_.quit();
    thread_.wait();
}

void QrScanWorker::resetDebounce()
{
    last_text_.clear();
    last_seen_.invalidate();
}

void QrScanWorker::submitImage(const QImage& image)
{
    Pending job;
    job.image = image;  // implicitly shared: no pixel copy
    job.set = true;
    submit(std::move(job));
}

void QrScanWorker::submitFrame(const QVideoFrame& frame)
{
    Pending job;
    job.frame = frame;  // shares the buffer
    job.set = true;
    submit(std::move(job));
}

void QrScanWorker::submit(Pending job)
{
    ++delivered_;
    if (busy_) {
        if (pending_.set) ++dropped_;  // replaced by a newer frame before it was decoded
        pending_ = std::move(job);
        return;
    }
    startJob(std::move(job));
}

void QrScanWorker::startJob(Pending job)
{
    busy_ = true;
    const QrDecoder decoder = decoder_;
    QMetaObject::invokeMethod(
        context_,
        [this, decoder, job = std::move(job)] {
            const std::optional<QString> text =
                job.image.isNull() ? decoder.decode(job.frame) : decoder.decode(job.image);
            // Back on the worker's own thread; dropped if the worker is gone.
            QMetaObject::invokeMethod(
                this, [this, text] { onJobDone(text); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void QrScanWorker::onJobDone(const std::optional<QString>& text)
{
    busy_ = false;
    ++decoded_frames_;
    Q_EMIT frameProcessed(text.has_value());
    if (text) {
        const bool repeat =
            *text == last_text_ && last_seen_.isValid() && last_seen_.elapsed() < debounce_ms_;
        last_text_ = *text;
        last_seen_.start();
        if (!repeat) Q_EMIT decoded(*text);
    }
    if (pending_.set) {
        Pending next = std::move(pending_);
        pending_ = Pending{};
        startJob(std::move(next));
    }
}

}  // namespace mk::hw
