// Runs FaceEngine::analyze (detection, landmarks, quality, descriptor) on a thread of its own,
// never the UI thread. Frames arriving while a frame is being analysed are dropped (only the
// latest matters on a live camera). Results come back on the thread that owns the worker (the
// UI thread) as a shared FaceAnalysis, whose destructor wipes the descriptor.
#pragma once

#include "FaceEngine.h"

#include <QImage>
#include <QObject>
#include <QThread>

#include <memory>

namespace mk::ui {

class FaceWorker : public QObject
{
    Q_OBJECT
public:
    explicit FaceWorker(face::FaceEngine* engine, QObject* parent = nullptr);
    ~FaceWorker() override;

    // A mk::hw::Camera (or anything with an imageFrame(QImage) signal); connected while active.
    void setCamera(QObject* camera);
    void start();  // takes the camera's frames (the camera's owner starts and stops it)
    void stop();   // stops taking frames; a result still in flight is discarded
    bool active() const { return active_; }
    bool busy() const { return busy_; }
    qint64 framesAnalysed() const { return analysed_; }
    qint64 framesDropped() const { return dropped_; }

public Q_SLOTS:
    void submitFrame(const QImage& frame);

Q_SIGNALS:
    void preview(const QImage& frame);  // every frame taken, for the live preview
    // One analysed frame; analysis is null when the engine refused it (error in detail).
    void analysed(std::shared_ptr<mk::face::FaceAnalysis> analysis, const QString& detail);

private:
    face::FaceEngine* engine_ = nullptr;
    QObject* camera_ = nullptr;
    QThread thread_;
    QObject* runner_ = nullptr;  // lives on thread_
    bool active_ = false;
    bool busy_ = false;
    quint64 generation_ = 0;
    qint64 analysed_ = 0;
    qint64 dropped_ = 0;
};

}  // namespace mk::ui

Q_DECLARE_METATYPE(std::shared_ptr<mk::face::FaceAnalysis>)
