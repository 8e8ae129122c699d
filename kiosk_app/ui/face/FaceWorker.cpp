#include "FaceWorker.h"

#include <QMetaObject>

namespace mk::ui {

FaceWorker::FaceWorker(face::FaceEngine* engine, QObject* parent) : QObject(parent), engine_(engine)
{
    qRegisterMetaType<std::shared_ptr<face::FaceAnalysis>>();
    runner_ = new QObject;
    runner_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, runner_, &QObject::deleteLater);
    thread_.setObjectName(QStringLiteral("face-worker"));
    thread_.start();
}

FaceWorker::~FaceWorker()
{
    stop();
    thread_.quit();
    thread_.wait();
}

void FaceWorker::setCamera(QObject* camera)
{
    const bool was_active = active_;
    stop();
    camera_ = camera;
    if (was_active) start();
}

void FaceWorker::start()
{
    if (active_) return;
    active_ = true;
    busy_ = false;
    if (camera_ != nullptr) {
        connect(camera_, SIGNAL(imageFrame(QImage)), this, SLOT(submitFrame(QImage)));
    }
}

void FaceWorker::stop()
{
    if (!active_) return;
    active_ = false;
    busy_ = false;
    ++generation_;  // a result still in flight is discarded
    if (camera_ != nullptr) {
        disconnect(camera_, SIGNAL(imageFrame(QImage)), this, SLOT(submitFrame(QImage)));
    }
}

void FaceWorker::submitFrame(const QImage& frame)
{
    if (!active_ || frame.isNull()) return;
    Q_EMIT preview(frame);
    if (busy_ || engine_ == nullptr) {
        ++dropped_;
        return;
    }
    busy_ = true;
    const quint64 generation = generation_;
    face::FaceEngine* engine = engine_;
    QMetaObject::invokeMethod(runner_, [this, engine, frame, generation] {
        auto result = engine->analyze(frame);
        std::shared_ptr<face::FaceAnalysis> analysis;
        QString detail;
        if (result) {
            analysis = std::make_shared<face::FaceAnalysis>(std::move(result.value()));
        } else {
            detail = result.error().detail;
        }
        // Queued to the worker's own thread; dropped when the worker is gone.
        QMetaObject::invokeMethod(this, [this, analysis, detail, generation] {
            if (generation != generation_) return;
            busy_ = false;
            ++analysed_;
            Q_EMIT analysed(analysis, detail);
        });
    });
}

}  // namespace mk::ui
