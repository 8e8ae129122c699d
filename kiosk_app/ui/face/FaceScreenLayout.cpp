#include "FaceScreenLayout.h"

#include "FacePreview.h"
#include "ui/Theme.h"

#include <QBoxLayout>
#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <functional>

namespace mk::ui {

namespace {
// The buttons side by side when the window is landscape, one under the other when it is
// portrait: half of 1080 px did not hold "Scan a code or insert a card instead" in English
// (tst_screenaudit). The window's orientation, not the screen's shape (in elder mode a
// landscape page may be taller than wide).
// The same for the screen's own widget (the identify screen's keypad): beside the prompt in
// landscape, under it in portrait (under it in landscape its last row sank under the footer).
// And the camera picture beside the prompt in landscape: under it, the buttons were a scroll
// away in elder mode.
class FollowWindowOrientation final : public QObject
{
public:
    FollowWindowOrientation(std::function<void(bool)> apply, QWidget* screen)
        : QObject(screen), apply_(std::move(apply))
    {}

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Resize) {
            const QWidget* window = static_cast<QWidget*>(watched)->window();
            apply_(window->width() > window->height());
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void(bool)> apply_;
};
}  // namespace

FaceScreenLabels buildFaceScreenLayout(QWidget* screen, FacePreview* preview,
                                       const QList<QPushButton*>& buttons, QWidget* extra,
                                       QWidget* under_texts)
{
    FaceScreenLabels labels;
    labels.title = new QLabel(screen);
    labels.title->setWordWrap(true);
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

    auto* row = new QBoxLayout(QBoxLayout::LeftToRight);
    row->setSpacing(16);
    for (QPushButton* b : buttons) {
        Theme::setRole(b, "secondary");
        b->setMinimumHeight(88);  // ≥ 60 px at 1080p, equal size for face and non-face choices
        b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        row->addWidget(b, 1);
    }

    auto* layout = new QVBoxLayout(screen);
    layout->addWidget(labels.title);
    auto* middle = new QBoxLayout(QBoxLayout::TopToBottom);
    middle->setSpacing(24);
    auto* column = new QBoxLayout(QBoxLayout::TopToBottom);  // the picture, then the texts
    column->setSpacing(24);
    column->addWidget(preview, 1);
    auto* texts = new QVBoxLayout;
    texts->addWidget(labels.prompt);
    texts->addWidget(labels.progress);
    texts->addWidget(labels.hint);
    if (under_texts != nullptr) texts->addWidget(under_texts);
    texts->addStretch(0);
    column->addLayout(texts, 0);
    middle->addLayout(column, 1);
    if (extra != nullptr) middle->addWidget(extra, 1);
    layout->addLayout(middle, 1);
    layout->addLayout(row);
    screen->installEventFilter(new FollowWindowOrientation(
        [middle, column, row](bool landscape) {
            const auto direction = landscape ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
            middle->setDirection(direction);
            column->setDirection(direction);
            column->setStretch(1, landscape ? 1 : 0);
            row->setDirection(direction);
        },
        screen));
    return labels;
}

}  // namespace mk::ui
