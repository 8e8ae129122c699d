#include "KioskWindow.h"

#include "Theme.h"
#include "access/IdleWarning.h"
#include "access/SpeechOutput.h"
#include "core/booking/BookingService.h"
#include "core/booking/BookingSession.h"
#include "core/common/Log.h"
#include "core/config/KioskConfig.h"
#include "core/outbox/QueueStatus.h"
#include "screens/CheckinScreen.h"
#include "screens/ChildChoiceScreen.h"
#include "screens/ConfirmScreen.h"
#include "screens/DayScreen.h"
#include "screens/DepartmentScreen.h"
#include "screens/DoctorScreen.h"
#include "screens/HomeScreen.h"
#include "screens/IdentifyScreen.h"
#include "screens/ResultScreen.h"
#include "screens/SlotGridScreen.h"
#include "staff/MaintenanceScreen.h"
#include "staff/StaffPinScreen.h"
#include "ui/booking/BookingUi.h"

#include <QApplication>
#include <QDateTime>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLayout>
#include <QLocale>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace mk::ui {

namespace {
constexpr int kClockTickMs = 1000;
constexpr int kMinIdleTimeoutMs = 100;
constexpr int kSecondMs = 1000;
constexpr int kHeaderToolsInRowFromPx = 1400;  // landscape: elder/read-aloud in the first row

bool isUserInput(QEvent::Type type)
{
    switch (type) {
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonRelease:
        case QEvent::MouseButtonDblClick:
        case QEvent::TouchBegin:
        case QEvent::TouchUpdate:
        case QEvent::TouchEnd:
        case QEvent::KeyPress:
        case QEvent::Wheel:
            return true;
        default:
            return false;
    }
}
}  // namespace

KioskWindow::KioskWindow(booking::BookingService* service, const config::KioskConfig& config,
                         QWidget* parent)
    : QWidget(parent), config_(config), session_(std::make_unique<booking::BookingSession>())
{
    setObjectName(QStringLiteral("kioskWindow"));
    setAttribute(Qt::WA_StyledBackground);
    context_.service = service;
    context_.session = session_.get();
    context_.config = &config_;
    context_.language = Language::isSupported(config_.default_language) ? config_.default_language
                                                                        : QStringLiteral("zh_CN");
    language_.switchTo(context_.language);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto* header = new QFrame(this);
    header->setObjectName(QStringLiteral("kioskHeader"));
    // The header never dictates the window's width: moving the elder/read-aloud buttons between
    // its rows follows the window's size (placeHeaderTools), not the other way round.
    header->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    buildHeader(header);
    layout->addWidget(header);

    stack_ = new QStackedWidget(this);
    stack_->setObjectName(QStringLiteral("screenStack"));
    // The largest page must not dictate the window's minimum size (the kiosk's screen is fixed;
    // a page that is too tall for landscape has to adapt, see IdentifyScreen::resizeEvent).
    stack_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    // The theme gives the stack one padding around every screen (screens keep their layouts'
    // default margins).
    // A screen that needs more height than the window has (elder mode in landscape) scrolls
    // instead of being squeezed: fitPage() gives the stack the current screen's minimum height.
    scroll_ = new QScrollArea(this);
    scroll_->setObjectName(QStringLiteral("screenScroll"));
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setWidgetResizable(
        false);  // fitPage() sizes the stack (its layout's
                 // height-for-width is every screen's, not the current one's)
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll_->setWidget(stack_);
    layout->addWidget(scroll_, 1);

    footer_ = new QFrame(this);
    footer_->setObjectName(QStringLiteral("kioskFooter"));
    buildFooter(footer_);
    layout->addWidget(footer_);

    addScreen(new HomeScreen(context_, stack_));
    addScreen(new IdentifyScreen(context_, stack_));
    addScreen(new ChildChoiceScreen(context_, stack_));
    addScreen(new DepartmentScreen(context_, stack_));
    addScreen(new DoctorScreen(context_, stack_));
    addScreen(new DayScreen(context_, stack_));
    addScreen(new SlotGridScreen(context_, stack_));
    addScreen(new ConfirmScreen(context_, stack_));
    addScreen(new ResultScreen(context_, stack_));

    if (service != nullptr) {
        online_ = service->online();
        connect(service, &booking::BookingService::onlineChanged, this, &KioskWindow::updateOnline);
    }
    idle_warning_ = new IdleWarning(this);
    connect(idle_warning_, &IdleWarning::moreTimeRequested, this, &KioskWindow::restartIdle);
    idle_timer_.setSingleShot(true);
    setIdleTimeoutMs(config_.idle_timeout_s * 1000);
    connect(&idle_timer_, &QTimer::timeout, this, &KioskWindow::checkIdle);
    clock_timer_.setInterval(kClockTickMs);
    connect(&clock_timer_, &QTimer::timeout, this, &KioskWindow::updateClock);
    clock_timer_.start();
    qApp->installEventFilter(this);

    retranslate();
    activate(ScreenId::Home);
}

KioskWindow::~KioskWindow()
{
    qApp->removeEventFilter(this);
}

void KioskWindow::buildHeader(QWidget* header)
{
    auto* rows = new QVBoxLayout(header);
    rows->setContentsMargins(32, 14, 32, 14);
    rows->setSpacing(12);
    auto* row = new QHBoxLayout;
    row->setSpacing(24);
    rows->addLayout(row);
    header_row_ = row;
    // Left column: where the kiosk is, and whether it reaches the hospital system. The header never
    // dictates the window's width: a long location or an offline note wraps instead of pushing a
    // 1080 px portrait screen wider.
    auto* where_box = new QVBoxLayout;
    where_box->setSpacing(6);
    location_ = new QLabel(header);
    location_->setObjectName(QStringLiteral("locationLabel"));
    location_->setWordWrap(true);
    location_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    location_->setMinimumWidth(160);
    where_box->addWidget(location_);
    online_label_ = new QLabel(header);
    online_label_->setObjectName(QStringLiteral("onlineIndicator"));
    online_label_->setWordWrap(true);
    where_box->addWidget(online_label_, 0, Qt::AlignLeft);
    row->addLayout(where_box, 1);
    auto* time_box = new QVBoxLayout;
    time_box->setSpacing(0);
    clock_ = new QLabel(header);
    clock_->setObjectName(QStringLiteral("clockLabel"));
    clock_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    date_ = new QLabel(header);
    date_->setObjectName(QStringLiteral("dateLabel"));
    date_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    time_box->addWidget(clock_);
    time_box->addWidget(date_);
    row->addLayout(time_box);
    language_button_ = new QPushButton(header);
    language_button_->setObjectName(QStringLiteral("languageButton"));
    language_button_->setFocusPolicy(Qt::NoFocus);
    Theme::setRole(language_button_, "choice-lang");
    connect(language_button_, &QPushButton::clicked, this, [this] {
        setLanguage(language() == QLatin1String("en") ? QStringLiteral("zh_CN")
                                                      : QStringLiteral("en"));
    });
    row->addWidget(language_button_, 0, Qt::AlignVCenter);
    staff_button_ = new QPushButton(header);
    staff_button_->setObjectName(QStringLiteral("staffButton"));
    staff_button_->setFocusPolicy(Qt::NoFocus);
    staff_button_->setMinimumSize(60, 60);
    Theme::setRole(staff_button_, "secondary");
    staff_button_->hide();  // until installStaffMode()
    connect(staff_button_, &QPushButton::clicked, this, [this] { showScreen(ScreenId::StaffPin); });
    row->addWidget(staff_button_, 0, Qt::AlignVCenter);

    // Elder mode and read-aloud (issue 12): a second row in portrait, the first in landscape.
    elder_button_ = new QPushButton(header);
    elder_button_->setObjectName(QStringLiteral("elderModeButton"));
    elder_button_->setFocusPolicy(Qt::NoFocus);
    elder_button_->setCheckable(true);
    Theme::setRole(elder_button_, "header-tool");
    connect(elder_button_, &QPushButton::clicked, this, [this](bool on) { setElderMode(on); });
    read_button_ = new QPushButton(header);
    read_button_->setObjectName(QStringLiteral("readAloudButton"));
    read_button_->setFocusPolicy(Qt::NoFocus);
    Theme::setRole(read_button_, "header-tool");
    read_button_->hide();  // until a voice is available
    connect(read_button_, &QPushButton::clicked, this, [this] { readAloud(); });
    header_tools_row_ = new QWidget(header);
    header_tools_ = new QHBoxLayout(header_tools_row_);
    header_tools_->setContentsMargins(0, 0, 0, 0);
    header_tools_->setSpacing(24);
    header_tools_->addStretch(1);
    rows->addWidget(header_tools_row_);
    placeHeaderTools();
}

void KioskWindow::placeHeaderTools()
{
    // Landscape: every header button in the first row, after the clock. Portrait (1080 px):
    // the first row keeps where and when, the buttons go to a second row, so the location
    // is not squeezed into a narrow column (elder mode's larger buttons).
    const bool in_first_row = width() >= kHeaderToolsInRowFromPx && width() > height();
    QHBoxLayout* target = in_first_row ? header_row_ : header_tools_;
    if (target->indexOf(elder_button_) >= 0) return;
    const std::initializer_list<QPushButton*> tools{elder_button_, read_button_, language_button_,
                                                    staff_button_};
    for (QPushButton* b : tools) {
        header_row_->removeWidget(b);
        header_tools_->removeWidget(b);
    }
    for (QPushButton* b : tools) target->addWidget(b, 0, Qt::AlignVCenter);
    header_tools_row_->setVisible(!in_first_row);
}

void KioskWindow::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    placeHeaderTools();
}

void KioskWindow::setElderMode(bool on)
{
    elder_button_->setChecked(on);
    if (on == elder_) return;
    elder_ = on;
    Theme::setMode(on ? UiMode::Elder : UiMode::Normal);
    scheduleFitPage();
    qCInfo(lcUi) << "elder mode" << (on ? "on" : "off");
    Q_EMIT elderModeChanged(on);
    if (on) readAloud();
}

void KioskWindow::setSpeechOutput(SpeechOutput* voice)
{
    if (voice_ != nullptr) disconnect(voice_, nullptr, this, nullptr);
    voice_ = voice;
    if (voice_ != nullptr) {
        connect(voice_, &SpeechOutput::availableChanged, this, &KioskWindow::updateReadAloudButton);
        connect(voice_, &QObject::destroyed, this, [this] {
            voice_ = nullptr;
            updateReadAloudButton();
        });
    }
    updateReadAloudButton();
}

void KioskWindow::updateReadAloudButton()
{
    read_button_->setVisible(voice_ != nullptr && voice_->available());
}

QString KioskWindow::readAloud()
{
    auto_read_pending_ = false;
    if (voice_ == nullptr || !voice_->available()) return QString();
    QString text;
    if (idleWarningShown()) {
        text = idle_warning_->spokenText();
    } else if (Screen* s = currentScreen(); s != nullptr && s->isVisible()) {
        text = s->spokenSummary();
        if (text.isEmpty()) {
            // The screen's title, when it says nothing of its own.
            const QList<QLabel*> labels = s->findChildren<QLabel*>();
            for (const QLabel* label : labels) {
                if (label->property("role").toString() == QLatin1String("title") &&
                    label->isVisible() && !label->text().isEmpty()) {
                    text = label->text();
                    break;
                }
            }
        }
    } else if (out_of_service_ != nullptr && stack_->currentWidget() == out_of_service_) {
        text = oos_title_->text() + QLatin1Char(' ') + oos_body_->text();
    }
    text = text.simplified();
    if (!text.isEmpty()) voice_->say(text, context_.language);
    return text;
}

void KioskWindow::readAloudIfElder()
{
    if (!elder_ || !auto_read_pending_) return;
    Screen* s = currentScreen();
    if (s != nullptr && s->loading()) return;  // read once it has loaded
    readAloud();
}

void KioskWindow::installStaffMode(const StaffServices& services)
{
    if (screen(ScreenId::StaffPin) != nullptr) return;
    addScreen(new StaffPinScreen(context_, services, stack_));
    addScreen(new MaintenanceScreen(context_, services, stack_));
    staff_button_->show();
    retranslate();
}

void KioskWindow::installCheckin(const CheckinDevices& devices)
{
    if (screen(ScreenId::Checkin) == nullptr) addScreen(new CheckinScreen(context_, stack_));
    if (voice_ == nullptr && devices.speaker != nullptr) {
        own_voice_ = std::make_unique<SpeakerOutput>(devices.speaker);
        setSpeechOutput(own_voice_.get());
    }
    static_cast<CheckinScreen*>(screen(ScreenId::Checkin))->setDevices(devices);
    static_cast<HomeScreen*>(screen(ScreenId::Home))->setCheckinAvailable(true);
    retranslate();
}

void KioskWindow::setQueueStatus(const outbox::QueueStatus& status)
{
    waiting_ = status.waiting;
    if (status.connectivity_known) {
        offline_since_ = status.online ? QDateTime() : status.offline_since;
        updateOnline(status.online);
    } else {
        updateOnline(online_);
    }
}

void KioskWindow::buildFooter(QWidget* footer)
{
    auto* row = new QHBoxLayout(footer);
    row->setContentsMargins(32, 14, 32, 14);
    back_ = new QPushButton(footer);
    back_->setObjectName(QStringLiteral("backButton"));
    back_->setFocusPolicy(Qt::NoFocus);
    Theme::setRole(back_, "nav");
    connect(back_, &QPushButton::clicked, this, &KioskWindow::goBack);
    home_ = new QPushButton(footer);
    home_->setObjectName(QStringLiteral("homeButton"));
    home_->setFocusPolicy(Qt::NoFocus);
    Theme::setRole(home_, "nav");
    connect(home_, &QPushButton::clicked, this, &KioskWindow::goHome);
    row->addWidget(back_);
    row->addStretch(1);
    row->addWidget(home_);
}

void KioskWindow::addScreen(Screen* screen)
{
    screen->setAttribute(Qt::WA_StyledBackground);
    screens_.insert(screen->id(), screen);
    stack_->addWidget(screen);
    connect(screen, &Screen::goTo, this, &KioskWindow::showScreen);
    connect(screen, &Screen::goBack, this, &KioskWindow::goBack);
    connect(screen, &Screen::goHome, this, &KioskWindow::goHome);
    connect(screen, &Screen::loadingChanged, this, [this, screen](bool loading) {
        if (!loading && screen == currentScreen()) readAloudIfElder();
    });
}

booking::BookingSession& KioskWindow::session()
{
    return *session_;
}

Screen* KioskWindow::screen(ScreenId id) const
{
    return screens_.value(id, nullptr);
}

Screen* KioskWindow::currentScreen() const
{
    return screen(current_);
}

QString KioskWindow::language() const
{
    return context_.language;
}

void KioskWindow::showScreen(ScreenId id)
{
    id = payRoute(id);
    if (id == ScreenId::Home) {
        goHome();
        return;
    }
    if (screen(id) == nullptr) {
        qCWarning(lcUi) << "no screen" << int(id);
        return;
    }
    const qsizetype seen = history_.indexOf(id);
    if (seen >= 0) {
        history_.resize(seen);  // going to an earlier step of the flow
    } else if (current_ != ScreenId::Unset && current_ != id) {
        history_.append(current_);
    }
    activate(id);
}

void KioskWindow::goBack()
{
    if (history_.isEmpty()) {
        goHome();
        return;
    }
    const ScreenId previous = history_.takeLast();
    if (previous == ScreenId::Home) {
        goHome();
        return;
    }
    activate(previous);
}

void KioskWindow::goHome()
{
    ++face_generation_;
    session_->clear();
    for (Screen* s : std::as_const(screens_)) s->reset();
    history_.clear();
    activate(ScreenId::Home);
    Q_EMIT wentHome();
}

void KioskWindow::activate(ScreenId id)
{
    if (showOutOfService(id)) return;
    Screen* target = screen(id);
    current_ = id;
    stack_->setCurrentWidget(target);
    scroll_->verticalScrollBar()->setValue(0);
    fitPage();
    footer_->setVisible(id != ScreenId::Home);
    back_->setVisible(id != ScreenId::Result);  // a finished booking only goes Home
    restartIdle();
    target->enter();
    Q_EMIT screenShown(id);
    auto_read_pending_ = true;
    readAloudIfElder();
}

void KioskWindow::setLanguage(const QString& lang)
{
    if (!Language::isSupported(lang)) {
        qCWarning(lcUi) << "unsupported UI language" << lang;
        return;
    }
    language_.switchTo(lang);
    context_.language = lang;
    retranslate();
}

void KioskWindow::setIdleTimeoutMs(int ms)
{
    idle_timeout_ms_ = std::max(ms, kMinIdleTimeoutMs);
    restartIdle();
}

void KioskWindow::setIdleWarningMs(int ms)
{
    idle_warning_ms_ = std::max(ms, 0);
    restartIdle();
}

int KioskWindow::idleWarningMs() const
{
    return std::min(idle_warning_ms_, idle_timeout_ms_ / 2);
}

void KioskWindow::setIdleClock(MonotonicClock::Source source)
{
    idle_clock_.setSource(std::move(source));
    restartIdle();
}

bool KioskWindow::idleWarningShown() const
{
    return idle_warning_ != nullptr && !idle_warning_->isHidden();
}

void KioskWindow::restartIdle()
{
    last_input_ms_ = idle_clock_.nowMs();
    if (idleWarningShown()) idle_warning_->hide();
    idle_timer_.start(idle_timeout_ms_ - idleWarningMs());
}

bool KioskWindow::idleHasWorkToDo() const
{
    return current_ != ScreenId::Home || session_->active() || elder_ ||
           (context_.language != config_.default_language &&
            Language::isSupported(config_.default_language));
}

void KioskWindow::checkIdle()
{
    const qint64 idle_ms = idle_clock_.nowMs() - last_input_ms_;
    const qint64 left_ms = idle_timeout_ms_ - idle_ms;
    if (left_ms <= 0) {
        if (idleWarningShown()) idle_warning_->hide();
        onIdleTimeout();
        last_input_ms_ = idle_clock_.nowMs();
        return;  // until the next touch
    }
    if (left_ms > idleWarningMs()) {
        idle_timer_.start(int(left_ms - idleWarningMs()));
        return;
    }
    if (!idleHasWorkToDo()) return;  // an untouched Home: nothing to warn about
    const bool first = !idleWarningShown();
    idle_warning_->showCountdown(int((left_ms + kSecondMs - 1) / kSecondMs));
    if (first && elder_) readAloud();
    // The next whole second of the countdown, or the end.
    const qint64 to_next = left_ms % kSecondMs == 0 ? kSecondMs : left_ms % kSecondMs;
    idle_timer_.start(int(std::min(to_next, left_ms)));
}

void KioskWindow::retranslate()
{
    const bool english = context_.language.startsWith(QLatin1String("en"));
    location_->setText(english ? config_.location_en : config_.location_zh);
    language_button_->setText(QStringLiteral("中文 / English"));
    language_button_->setAccessibleName(tr("Change language"));
    back_->setText(tr("Back"));
    elder_button_->setText(tr("Elder mode"));
    elder_button_->setAccessibleName(tr("Elder mode: larger text, read aloud"));
    read_button_->setText(tr("Read aloud"));
    read_button_->setAccessibleName(tr("Read this screen aloud"));
    idle_warning_->retranslate();
    home_->setText(tr("Home"));
    staff_button_->setText(tr("Staff"));
    updateClock();
    updateOnline(online_);
    retranslateAuth();
    for (Screen* s : std::as_const(screens_)) s->retranslate();
}

void KioskWindow::updateClock()
{
    // The hospital's time, whatever zone the machine is set to (the kiosk image may run in UTC).
    const QDateTime now = bookingui::hospitalClock(context_.service, &config_).now();
    const QLocale locale(context_.language);
    const bool english = context_.language.startsWith(QLatin1String("en"));
    clock_->setText(locale.toString(now.time(), QStringLiteral("HH:mm")));
    // Short enough for a portrait header in both languages: "11月23日 星期一", "Mon 23 Nov".
    date_->setText(locale.toString(
        now.date(), english ? QStringLiteral("ddd d MMM") : QStringLiteral("M月d日 dddd")));
}

void KioskWindow::updateOnline(bool online)
{
    if (online) {
        offline_since_ = QDateTime();
    } else if (!offline_since_.isValid()) {
        offline_since_ = bookingui::hospitalClock(context_.service, &config_).now();
    }
    online_ = online;
    QString text = online
                       ? tr("Connected")
                       : tr("Offline since %1").arg(bookingui::clockText(offline_since_, &config_));
    if (waiting_ > 0) text += QStringLiteral(" · ") + tr("%n waiting", nullptr, waiting_);
    online_label_->setText(text);
    online_label_->setProperty("online", online);
    online_label_->style()->unpolish(online_label_);
    online_label_->style()->polish(online_label_);
}

void KioskWindow::onIdleTimeout()
{
    if (current_ != ScreenId::Home || session_->active()) {
        qCInfo(lcUi) << "idle timeout: back to the start screen";
        goHome();
    }
    // The next person starts in normal mode.
    setElderMode(false);
    // The next person starts in the kiosk's own language.
    if (context_.language != config_.default_language &&
        Language::isSupported(config_.default_language))
        setLanguage(config_.default_language);
}

void KioskWindow::fitPage()
{
    fit_pending_ = false;
    // The stack fills the scroll area's viewport; in elder mode it is as tall as the current
    // screen needs for that width, so a screen that does not fit scrolls.
    const QSize viewport = scroll_->viewport()->size();
    int height = viewport.height();
    QWidget* page = stack_->currentWidget();
    if (elder_ && page != nullptr) {
        // The stack's frame and the theme's padding around the screen.
        const int frame_w = stack_->width() - stack_->contentsRect().width();
        const int frame_h = stack_->height() - stack_->contentsRect().height();
        const int width = viewport.width() - frame_w;
        int needed = page->minimumSizeHint().height();
        if (QLayout* l = page->layout(); l != nullptr) {
            needed = l->hasHeightForWidth() ? l->totalMinimumHeightForWidth(width)
                                            : l->totalMinimumSize().height();
        }
        height = std::max(height, std::max(needed, page->minimumHeight()) + frame_h);
    }
    if (stack_->size() != QSize(viewport.width(), height)) stack_->resize(viewport.width(), height);
}

void KioskWindow::scheduleFitPage()
{
    if (fit_pending_) return;
    fit_pending_ = true;
    QMetaObject::invokeMethod(this, &KioskWindow::fitPage, Qt::QueuedConnection);
}

bool KioskWindow::eventFilter(QObject* watched, QEvent* event)
{
    // The current screen's layout changed (text, a message, elder mode): its height again.
    if (event->type() == QEvent::Resize && scroll_ != nullptr && watched == scroll_->viewport())
        fitPage();
    else if (event->type() == QEvent::LayoutRequest && stack_ != nullptr &&
             watched == stack_->currentWidget())
        scheduleFitPage();
    if (!isUserInput(event->type())) return QWidget::eventFilter(watched, event);
    if (idleWarningShown()) {
        // Any tap on the "Need more time?" prompt extends; the tap does nothing else.
        restartIdle();
        const QEvent::Type type = event->type();
        if (type == QEvent::MouseButtonPress || type == QEvent::TouchBegin ||
            type == QEvent::MouseButtonDblClick)
            return true;
        return QWidget::eventFilter(watched, event);
    }
    restartIdle();
    return QWidget::eventFilter(watched, event);
}

}  // namespace mk::ui
