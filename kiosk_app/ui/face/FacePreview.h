// The live camera preview of the face screens: each frame scaled into the label (as large as
// the label is, at least kWidthPx x kHeightPx) with the guide oval drawn over it. clearFrame()
// drops the frame: face data never stays on screen.
#pragma once

#include <QImage>
#include <QLabel>

namespace mk::ui {

class FacePreview : public QLabel
{
    Q_OBJECT
public:
    static constexpr int kWidthPx = 480;
    static constexpr int kHeightPx = 360;

    explicit FacePreview(QWidget* parent = nullptr);

    void showFrame(const QImage& frame);
    void clearFrame() { clear(); }
    bool holdsFrame() const { return !pixmap().isNull(); }

    // The frame scaled into size (aspect kept) with the guide oval.
    static QPixmap render(const QImage& frame, const QSize& size);
};

}  // namespace mk::ui
