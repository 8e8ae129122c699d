// The camera's live picture on the check-in screen (issue 12): each frame scaled into the label
// with a square guide frame where the QR code should be held. At most kMaxFps frames are drawn
// (the decoder sees every frame it can take; the screen need not). clearFrame() drops the frame.
#pragma once

#include <QElapsedTimer>
#include <QImage>
#include <QLabel>

class QVideoFrame;

namespace mk::ui {

class ScanPreview : public QLabel
{
    Q_OBJECT
public:
    static constexpr int kWidthPx = 480;
    static constexpr int kHeightPx = 360;
    static constexpr int kMaxFps = 12;

    explicit ScanPreview(QWidget* parent = nullptr);

    void showImage(const QImage& frame);
    void showVideoFrame(const QVideoFrame& frame);
    void clearFrame();
    bool holdsFrame() const { return !pixmap().isNull(); }
    qint64 framesShown() const { return shown_; }

    // The frame scaled into size (aspect kept) with the guide frame (corner marks).
    static QPixmap render(const QImage& frame, const QSize& size);

private:
    bool due();
    QElapsedTimer last_;
    qint64 shown_ = 0;
};

}  // namespace mk::ui
