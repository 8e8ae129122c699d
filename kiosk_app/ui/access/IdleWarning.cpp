#include "ui/access/IdleWarning.h"

#include "ui/Theme.h"

#include <QEvent>
#include <QFrame>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace mk::ui {

namespace {
constexpr int kCardMaxWidthPx = 900;
}

IdleWarning::IdleWarning(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("idleWarning"));
    setAttribute(Qt::WA_StyledBackground);
    // Over the whole window on purpose: the screen audit measures only this while it is shown
    // (tests/common/ScreenAudit).
    setProperty("auditOverlay", true);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(48, 48, 48, 48);
    auto* card = new QFrame(this);
    card->setObjectName(QStringLiteral("idleWarningCard"));
    card->setMaximumWidth(kCardMaxWidthPx);
    auto* box = new QVBoxLayout(card);
    box->setSpacing(24);
    title_ = new QLabel(card);
    title_->setObjectName(QStringLiteral("idleWarningTitle"));
    title_->setWordWrap(true);
    title_->setAlignment(Qt::AlignCenter);
    Theme::setRole(title_, "title");
    countdown_ = new QLabel(card);
    countdown_->setObjectName(QStringLiteral("idleWarningCountdown"));
    countdown_->setWordWrap(true);
    countdown_->setAlignment(Qt::AlignCenter);
    Theme::setRole(countdown_, "subtitle");
    hint_ = new QLabel(card);
    hint_->setObjectName(QStringLiteral("idleWarningHint"));
    hint_->setWordWrap(true);
    hint_->setAlignment(Qt::AlignCenter);
    Theme::setRole(hint_, "body");
    more_ = new QPushButton(card);
    more_->setObjectName(QStringLiteral("moreTimeButton"));
    more_->setFocusPolicy(Qt::NoFocus);
    Theme::setRole(more_, "primary");
    connect(more_, &QPushButton::clicked, this, &IdleWarning::moreTimeRequested);
    box->addWidget(title_);
    box->addWidget(countdown_);
    box->addWidget(hint_);
    box->addWidget(more_);
    outer->addWidget(card, 0, Qt::AlignCenter);
    if (parent != nullptr) parent->installEventFilter(this);
    hide();
    retranslate();
}

void IdleWarning::showCountdown(int seconds_left)
{
    seconds_left_ = seconds_left;
    updateCountdown();
    if (parentWidget() != nullptr) setGeometry(parentWidget()->rect());
    if (isHidden()) {
        show();
        raise();
    }
}

QString IdleWarning::spokenText() const
{
    return title_->text() + QLatin1Char(' ') + countdown_->text() + QLatin1Char(' ') +
           hint_->text();
}

void IdleWarning::retranslate()
{
    title_->setText(tr("Need more time?"));
    hint_->setText(
        tr("Tap anywhere to continue. When the time runs out, what you entered is "
           "cleared."));
    more_->setText(tr("Yes, I need more time"));
    updateCountdown();
}

void IdleWarning::updateCountdown()
{
    countdown_->setText(tr("Back to the start screen in %n second(s)", nullptr, seconds_left_));
}

bool IdleWarning::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible())
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

}  // namespace mk::ui
