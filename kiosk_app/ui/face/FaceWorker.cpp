#include "FaceWorker.h"

#include "hw/camera/Camera.h"

#include <QElapsedTimer>
#include <QMetaObject>

namespace mk::ui {

namespace {
// Detection and landmarks only: the count and size gates of Quality::assess (luminance, blur and
// pose need the chip; issue stays Unset when count and size pass).
face::FaceAnalysis landmarksOnly(std::vector<face::DetectedFace> faces, int min_face_width_px)
{
    face::FaceAnalysis analysis;
    analysis.faces = std::move(faces);
    face::QualityReport& q = analysis.quality;
    q.face_count = int(analysis.faces.size());
    if (q.face_count > 1) {
        q.issue = face::QualityIssue::MultipleFaces;
    } else if (q.face_count == 0) {
        q.issue = face::QualityIssue::NoFace;
    } else {
        const face::DetectedFace& face = analysis.faces.front();
        q.face_width_px = face.box.width();
        q.pose = face::poseFromLandmarks(face.landmarks);
        if (q.face_width_px < min_face_width_px) q.issue = face::QualityIssue::TooSmall;
    }
    return analysis;
}
}  // namespace

FaceWorker::FaceWorker(face::FaceEngine* engine, QObject* parent) : QObject(parent), engine_(engine)
{
    qRegisterMetaType<std::shared_ptr<face::FaceAnalysis>>();
    runner_ = new QObject;
    runner_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, runner_, &QObject::deleteLater);
    thread_.setObjectName(QStringLiteral("face-worker"));
    thread_.start();
    frame_runner_ = new QObject;
    frame_runner_->moveToThread(&frame_thread_);
    connect(&frame_thread_, &QThread::finished, frame_runner_, &QObject::deleteLater);
    frame_thread_.setObjectName(QStringLiteral("face-frames"));
    frame_thread_.start();
}

FaceWorker::~FaceWorker()
{
    stop();
    thread_.quit();
    frame_thread_.quit();
    thread_.wait();
    frame_thread_.wait();
}

void FaceWorker::setCamera(hw::Camera* camera)
{
    const bool was_active = active_;
    stop();
    camera_ = camera;
    if (was_active) start();
}

void FaceWorker::connectCamera(bool on)
{
    if (camera_ == nullptr) return;
    hw::Camera* camera = camera_;
    if (on) {
        // A camera emits one of the two (FolderCamera and SimulatedPersonCamera images, QtCamera
        // video frames); both are connected, checked at compile time.
        image_connection_ =
            connect(camera, &hw::Camera::imageFrame, this, &FaceWorker::submitFrame);
        video_connection_ =
            connect(camera, &hw::Camera::videoFrame, this, &FaceWorker::submitVideoFrame);
        // Run in the camera's thread (queued when it lives on another); its health says why it
        // cannot start.
        QMetaObject::invokeMethod(camera, [camera] { camera->start(); });
    } else {
        QMetaObject::invokeMethod(camera, [camera] { camera->stop(); });
        disconnect(image_connection_);
        disconnect(video_connection_);
    }
}

void FaceWorker::start()
{
    if (active_) return;
    active_ = true;
    busy_ = false;
    converting_ = false;
    connectCamera(true);
}

void FaceWorker::stop()
{
    if (!active_) return;
    active_ = false;
    busy_ = false;
    converting_ = false;
    ++generation_;  // a result still in flight is discarded
    connectCamera(false);
}

void FaceWorker::setMaxAnalysisRate(double frames_per_second)
{
    max_rate_ = frames_per_second > 0.0 ? frames_per_second : 0.0;
}

double FaceWorker::meanAnalysisMs() const
{
    return analysed_ > 0 ? double(analysis_ns_) / 1e6 / double(analysed_) : 0.0;
}

void FaceWorker::resetCounters()
{
    analysed_ = 0;
    dropped_ = 0;
    analysis_ns_ = 0;
    landmarks_only_ = 0;
}

void FaceWorker::submitVideoFrame(const QVideoFrame& frame)
{
    if (!active_ || !frame.isValid()) return;
    if (converting_) {
        ++dropped_;
        return;
    }
    converting_ = true;
    const quint64 generation = generation_;
    QMetaObject::invokeMethod(frame_runner_, [this, frame, generation] {
        const QImage image = frame.toImage();
        QMetaObject::invokeMethod(this, [this, image, generation] {
            if (generation != generation_) return;
            converting_ = false;
            submitFrame(image);
        });
    });
}

void FaceWorker::submitFrame(const QImage& frame)
{
    if (!active_ || frame.isNull()) return;
    Q_EMIT preview(frame);
    const bool throttled = max_rate_ > 0.0 && last_analysis_.isValid() &&
                           double(last_analysis_.elapsed()) < 1000.0 / max_rate_;
    if (busy_ || engine_ == nullptr || throttled) {
        ++dropped_;
        return;
    }
    busy_ = true;
    last_analysis_.start();
    const quint64 generation = generation_;
    face::FaceEngine* engine = engine_;
    const bool full = want_descriptor_;
    const int min_face_width_px = engine->options().quality.min_face_width_px;
    QMetaObject::invokeMethod(runner_, [this, engine, frame, generation, full, min_face_width_px] {
        QElapsedTimer timer;
        timer.start();
        std::shared_ptr<face::FaceAnalysis> analysis;
        QString detail;
        if (full) {
            auto result = engine->analyze(frame);
            if (result) {
                analysis = std::make_shared<face::FaceAnalysis>(std::move(result.value()));
            } else {
                detail = result.error().detail;
            }
        } else {
            auto result = engine->detect(frame);
            if (result) {
                analysis = std::make_shared<face::FaceAnalysis>(
                    landmarksOnly(std::move(result.value()), min_face_width_px));
            } else {
                detail = result.error().detail;
            }
        }
        const qint64 elapsed_ns = timer.nsecsElapsed();
        // Queued to the worker's own thread; dropped when the worker is gone.
        QMetaObject::invokeMethod(this, [this, analysis, detail, generation, elapsed_ns, full] {
            if (generation != generation_) return;
            busy_ = false;
            ++analysed_;
            if (!full) ++landmarks_only_;
            analysis_ns_ += elapsed_ns;
            Q_EMIT analysed(analysis, detail);
        });
    });
}

}  // namespace mk::ui
