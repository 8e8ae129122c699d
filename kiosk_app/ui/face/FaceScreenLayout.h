// The column both camera face screens share (FaceEnrollScreen, FaceIdentifyScreen): title, live
// preview, prompt, progress, hint, an optional widget of the screen's own (the identify screen's
// keypad) and one under the texts (the identify screen's circles of typed digits), and equal-size
// secondary buttons (retry, the non-face alternative, ...): a row when
// the window is landscape, one under the other when it is portrait.
#pragma once

#include <QList>

class QLabel;
class QPushButton;
class QWidget;

namespace mk::ui {

class FacePreview;

struct FaceScreenLabels {
    QLabel* title = nullptr;
    QLabel* prompt = nullptr;    // object name face_prompt
    QLabel* progress = nullptr;  // face_progress
    QLabel* hint = nullptr;      // face_hint
};

// Lays out screen (which must have no layout yet) and returns the labels it created.
FaceScreenLabels buildFaceScreenLayout(QWidget* screen, FacePreview* preview,
                                       const QList<QPushButton*>& buttons, QWidget* extra = nullptr,
                                       QWidget* under_texts = nullptr);

}  // namespace mk::ui
