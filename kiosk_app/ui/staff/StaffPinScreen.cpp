#include "ui/staff/StaffPinScreen.h"

#include "core/common/Log.h"
#include "core/common/WhenFinished.h"
#include "ui/Theme.h"
#include "ui/access/Spoken.h"
#include "ui/widgets/Keypad.h"

#include <QFuture>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace mk::ui {

namespace {
constexpr int kLockTickMs = 1000;
}

StaffPinScreen::StaffPinScreen(ScreenContext& context, const StaffServices& services,
                               QWidget* parent)
    : Screen(context, parent), services_(services)
{
    setObjectName(QStringLiteral("staffPinScreen"));
    auto* layout = new QVBoxLayout(this);
    title_ = new QLabel(this);
    Theme::setRole(title_, "title");
    prompt_ = new QLabel(this);
    Theme::setRole(prompt_, "body");
    dots_ = new QLabel(this);
    dots_->setObjectName(QStringLiteral("pinDots"));
    Theme::setRole(dots_, "subtitle");
    dots_->setAlignment(Qt::AlignCenter);
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("pinMessage"));
    message_->setWordWrap(true);
    Theme::setRole(message_, "error");
    message_->hide();
    keypad_ = new Keypad(this);
    keypad_->setLetter(QString());
    keypad_->setMaxLength(staff::StaffPin::kMaxLength);
    enter_ = new QPushButton(this);
    enter_->setObjectName(QStringLiteral("pinEnter"));
    enter_->setFocusPolicy(Qt::NoFocus);
    Theme::setRole(enter_, "primary");
    layout->addWidget(title_);
    layout->addWidget(prompt_);
    // Portrait: dots and message above the keypad. Landscape: beside it (a keypad under them
    // does not fit 1080 px; the screen audit found its keys overlapping), see resizeEvent.
    body_ = new QBoxLayout(QBoxLayout::TopToBottom);
    info_ = new QVBoxLayout;
    info_->addWidget(dots_);
    info_->addWidget(message_);
    info_->addStretch(1);
    auto* keys = new QVBoxLayout;
    keys->addWidget(keypad_, 1);
    keys->addWidget(enter_);
    body_->addLayout(info_, 0);
    body_->addLayout(keys, 1);
    layout->addLayout(body_, 1);

    connect(keypad_, &Keypad::textChanged, this, [this] {
        updateDots();
        updateEnter();
    });
    connect(enter_, &QPushButton::clicked, this, &StaffPinScreen::submit);
    lock_timer_.setInterval(kLockTickMs);
    connect(&lock_timer_, &QTimer::timeout, this, &StaffPinScreen::updateLockMessage);
    StaffPinScreen::retranslate();  // a constructor: no virtual dispatch, say which one
}

void StaffPinScreen::resizeEvent(QResizeEvent* event)
{
    Screen::resizeEvent(event);
    const bool landscape = width() > height();
    body_->setDirection(landscape ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    body_->setStretchFactor(info_, landscape ? 1 : 0);
    body_->setSpacing(landscape ? 32 : 6);
    keypad_->setCompact(landscape);  // four rows of full keys and Enter do not fit 1080 px
}

void StaffPinScreen::enter()
{
    reset();
    if (services_.pin == nullptr) return;
    setBusy(true);
    staff::StaffPin* pin = services_.pin;
    const QDateTime now = services_.now();
    whenFinished(QtConcurrent::run([pin, now] { return pin->state(now); }), this,
                 [this](const Result<staff::PinCheck>& r) { apply(r, false); });
}

void StaffPinScreen::reset()
{
    keypad_->setText(QString());
    message_text_.clear();
    message_->clear();
    message_->hide();
    locked_until_ = QDateTime();
    lock_timer_.stop();
    configured_ = true;
    updateDots();
    updateEnter();
}

void StaffPinScreen::submit()
{
    if (busy_ || services_.pin == nullptr) return;
    QString text = keypad_->text();
    keypad_->setText(QString());  // the PIN does not stay on the keypad
    updateDots();
    setBusy(true);
    staff::StaffPin* pin = services_.pin;
    const QDateTime now = services_.now();
    whenFinished(QtConcurrent::run([pin, now, text]() mutable {
                     auto r = pin->verify(text, now);
                     text.fill(u'0');
                     return r;
                 }),
                 this, [this](const Result<staff::PinCheck>& r) { apply(r, true); });
}

void StaffPinScreen::apply(const Result<staff::PinCheck>& result, bool after_attempt)
{
    setBusy(false);
    locked_until_ = QDateTime();
    lock_timer_.stop();
    configured_ = true;
    if (!result) {
        qCWarning(lcUi) << "staff PIN check failed:" << result.error().detail;
        message_text_ = tr("The PIN cannot be checked: %1").arg(result.error().detail);
    } else {
        const staff::PinCheck& c = result.value();
        switch (c.verdict) {
            case staff::PinCheck::Verdict::Ok:
                message_text_.clear();
                if (after_attempt) {
                    message_->hide();
                    Q_EMIT goTo(ScreenId::Maintenance);
                    return;
                }
                break;
            case staff::PinCheck::Verdict::Wrong:
                message_text_ =
                    tr("Wrong PIN. %n attempt(s) left before the lock.", nullptr, c.failures_left);
                break;
            case staff::PinCheck::Verdict::Locked:
                locked_until_ = c.locked_until;
                lock_timer_.start();
                break;
            case staff::PinCheck::Verdict::NotConfigured:
                configured_ = false;
                message_text_ = notConfiguredText();
                break;
        }
    }
    updateLockMessage();
    updateEnter();
}

QString StaffPinScreen::notConfiguredText()
{
    return tr(
        "No staff PIN is set on this kiosk, so maintenance mode cannot be opened. IT "
        "support sets one with the command \"medkioskctl staff set-pin\".");
}

void StaffPinScreen::updateLockMessage()
{
    if (locked_until_.isValid()) {
        const qint64 left_s = services_.now().secsTo(locked_until_);
        if (left_s <= 0) {
            locked_until_ = QDateTime();
            lock_timer_.stop();
            message_text_.clear();
        } else {
            message_text_ = tr("Too many wrong PINs. Locked for %1:%2 more.")
                                .arg(left_s / 60)
                                .arg(left_s % 60, 2, 10, QLatin1Char('0'));
        }
        updateEnter();
    }
    message_->setText(message_text_);
    message_->setVisible(!message_text_.isEmpty());
}

void StaffPinScreen::setBusy(bool busy)
{
    if (busy_ == busy) return;
    busy_ = busy;
    updateEnter();
    Q_EMIT loadingChanged(busy);
}

void StaffPinScreen::updateDots()
{
    const qsizetype n = keypad_->text().size();
    dots_->setText(n == 0 ? QStringLiteral(" ") : QString(n, QChar(0x25CF)));
}

void StaffPinScreen::updateEnter()
{
    const bool locked = locked_until_.isValid();
    enter_->setEnabled(!busy_ && !locked && configured_ &&
                       keypad_->text().size() >= staff::StaffPin::kMinLength);
    keypad_->setEnabled(!locked && configured_);
}

void StaffPinScreen::retranslate()
{
    title_->setText(tr("Staff maintenance"));
    prompt_->setText(tr("Enter the staff PIN."));
    enter_->setText(tr("Enter"));
    keypad_->retranslate();
    if (!configured_) message_text_ = notConfiguredText();
    updateLockMessage();  // the lock text in the new language
}

QString StaffPinScreen::spokenSummary() const
{
    return spokenFrom(*this, {title_, prompt_, message_});  // never the digits
}

}  // namespace mk::ui
