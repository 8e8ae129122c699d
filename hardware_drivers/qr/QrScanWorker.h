// Decodes camera frames off the UI thread with QrDecoder. Never queues: while a frame is being
// decoded, newer frames replace each other in a single "latest" slot (older ones are dropped), so
// decoding never lags behind the camera. Emits decoded(text) once per distinct code: the same
// text again is ignored while it keeps being seen, until debounce_ms pass without it.
// Lives on (and must be used from) the thread that created it; decodes on its own QThread.
#pragma once

#include "hw/qr/QrDecoder.h"

#include <QElapsedTimer>
#include <QImage>
#include <QObject>
#include <QThread>
#include <QVideoFrame>

namespace mk::hw {

class QrScanWorker : public QObject
{
    Q_OBJECT
public:
    explicit QrScanWorker(QObject* parent = nullptr);
    ~QrScanWorker() override;

    void setDebounceMs(int debounce_ms) { debounce_ms_ = debounce_ms; }
    int debounceMs() const { return debounce_ms_; }
    // Forget the last code, so that showing it again emits again (e.g. a new patient).
    void resetDebounce();

    // Counters since construction.
    qint64 framesDelivered() const { return delivered_; }
    qint64 framesDecoded() const { return decoded_frames_; }  // frames that went through ZXing
    qint64 framesDropped() const { return dropped_; }
    bool busy() const { return busy_; }

public Q_SLOTS:
    void submitImage(const QImage& image);
    void submitFrame(const QVideoFrame& frame);

Q_SIGNALS:
    void decoded(const QString& text);
    // Every frame decoded (with or without a code), for diagnostics and tests.
    void frameProcessed(bool found);

private:
    struct Pending {
        QImage image;
        QVideoFrame frame;
        bool set = false;
    };
    void submit(Pending job);
    void startJob(Pending job);
    void onJobDone(const std::optional<QString>& text);

    QThread thread_;
    QObject* context_ = nullptr;  // lives on thread_
    QrDecoder decoder_;
    Pending pending_;
    bool busy_ = false;
    int debounce_ms_ = 3000;
    qint64 delivered_ = 0;
    qint64 decoded_frames_ = 0;
    qint64 dropped_ = 0;
    QString last_text_;
    QElapsedTimer last_seen_;
};

}  // namespace mk::hw
