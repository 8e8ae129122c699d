// Runs FaceEngine::analyze (detection, landmarks, quality, descriptor) on a thread of its own,
// never the UI thread. Frames arriving while a frame is being analysed are dropped (only the
// latest matters on a live camera). Results come back on the thread that owns the worker (the
// UI thread) as a shared FaceAnalysis, whose destructor wipes the descriptor.
//
// The worker also powers the camera: start() starts it and stop() stops it (invoked by name, so
// medkiosk_ui needs no link to medkiosk_hw), so the camera is on only while a face screen scans.
// It takes imageFrame(QImage) (FolderCamera, SimulatedPersonCamera) and videoFrame(QVideoFrame)
// (QtCamera); a QVideoFrame is converted with toImage() on a frame thread, never the UI thread.
//
// setWantDescriptor(false) (the screens' liveness challenge, which needs only the landmarks) runs
// FaceEngine::detect instead: detection and landmarks, no chip and no descriptor, so more frames
// per second reach the check. Such an analysis has faces, no descriptor and a partial quality
// report (count and size gates only; issue Unset when those pass, so quality.ok() is false and
// the frame is never matched or enrolled).
#pragma once

#include "face_auth/FaceEngine.h"

#include <QElapsedTimer>
#include <QImage>
#include <QObject>
#include <QThread>
#include <QVideoFrame>

#include <memory>

namespace mk::hw {
class Camera;
}

namespace mk::ui {

class FaceWorker : public QObject
{
    Q_OBJECT
public:
    explicit FaceWorker(face::FaceEngine* engine, QObject* parent = nullptr);
    ~FaceWorker() override;

    // A mk::hw::Camera (anything with imageFrame(QImage) or videoFrame(QVideoFrame) signals and
    // invocable start() / stop()); connected while active.
    void setCamera(hw::Camera* camera);
    void start();  // starts the camera and takes its frames
    void stop();   // stops taking frames and stops the camera; a result in flight is discarded
    bool active() const { return active_; }
    bool busy() const { return busy_; }
    // false: detection and landmarks only (see above); true (the default): full analysis.
    void setWantDescriptor(bool want) { want_descriptor_ = want; }
    bool wantDescriptor() const { return want_descriptor_; }
    // At most this many analyses per second (0: as fast as the engine goes): frames in between
    // are dropped like frames arriving while busy. What a slower CPU gives; for benchmarks and
    // tests of the liveness challenge at low rates (bench_livenessrate).
    void setMaxAnalysisRate(double frames_per_second);
    double maxAnalysisRate() const { return max_rate_; }
    qint64 framesAnalysed() const { return analysed_; }
    qint64 framesDropped() const { return dropped_; }
    // Mean wall time of FaceEngine::analyze / detect over the frames analysed (for benchmarks).
    double meanAnalysisMs() const;
    // Of framesAnalysed(): those analysed with detection and landmarks only.
    qint64 framesLandmarksOnly() const { return landmarks_only_; }
    void resetCounters();

public Q_SLOTS:
    void submitFrame(const QImage& frame);
    void submitVideoFrame(const QVideoFrame& frame);

Q_SIGNALS:
    void preview(const QImage& frame);  // every frame taken, for the live preview
    // One analysed frame; analysis is null when the engine refused it (error in detail).
    void analysed(std::shared_ptr<mk::face::FaceAnalysis> analysis, const QString& detail);

private:
    void connectCamera(bool on);

    face::FaceEngine* engine_ = nullptr;
    hw::Camera* camera_ = nullptr;
    QMetaObject::Connection image_connection_;
    QMetaObject::Connection video_connection_;
    QThread thread_;
    QThread frame_thread_;             // QVideoFrame::toImage
    QObject* runner_ = nullptr;        // lives on thread_
    QObject* frame_runner_ = nullptr;  // lives on frame_thread_
    bool active_ = false;
    bool busy_ = false;
    bool converting_ = false;
    bool want_descriptor_ = true;
    double max_rate_ = 0.0;
    QElapsedTimer last_analysis_;  // when the last analysis started (throttle)
    quint64 generation_ = 0;
    qint64 analysed_ = 0;
    qint64 dropped_ = 0;
    qint64 landmarks_only_ = 0;
    qint64 analysis_ns_ = 0;
};

}  // namespace mk::ui

Q_DECLARE_METATYPE(std::shared_ptr<mk::face::FaceAnalysis>)
