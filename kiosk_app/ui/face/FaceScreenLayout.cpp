#include "FaceScreenLayout.h"

#include "FacePreview.h"
#include "ui/Theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace mk::ui {

FaceScreenLabels buildFaceScreenLayout(QWidget* screen, FacePreview* preview,
                                       const QList<QPushButton*>& buttons, QWidget* extra)
{
    FaceScreenLabels labels;
    labels.title = new QLabel(screen);
    Theme::setRole(labels.title, "title");
    labels.prompt = new QLabel(screen);
    labels.prompt->setObjectName(QStringLiteral("face_prompt"));
    labels.prompt->setWordWrap(true);
    Theme::setRole(labels.prompt, "subtitle");
    labels.progress = new QLabel(screen);
    labels.progress->setObjectName(QStringLiteral("face_progress"));
    Theme::setRole(labels.progress, "body");
    labels.hint = new QLabel(screen);
    labels.hint->setObjectName(QStringLiteral("face_hint"));
    labels.hint->setWordWrap(true);
    Theme::setRole(labels.hint, "body");

    auto* row = new QHBoxLayout;
    for (QPushButton* b : buttons) {
        Theme::setRole(b, "secondary");
        b->setMinimumHeight(88);  // ≥ 60 px at 1080p, equal size for face and non-face choices
        b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        row->addWidget(b, 1);
    }

    auto* layout = new QVBoxLayout(screen);
    layout->addWidget(labels.title);
    layout->addWidget(preview, 1);
    layout->addWidget(labels.prompt);
    layout->addWidget(labels.progress);
    layout->addWidget(labels.hint);
    if (extra != nullptr) layout->addWidget(extra);
    layout->addLayout(row);
    return labels;
}

}  // namespace mk::ui
