#include "ui/screens/SlotGridScreen.h"

#include "core/booking/BookingService.h"
#include "core/booking/BookingSession.h"
#include "core/common/Log.h"
#include "core/common/UserMessages.h"
#include "core/common/WhenFinished.h"
#include "core/config/KioskConfig.h"
#include "ui/access/Spoken.h"
#include "ui/booking/BookingUi.h"
#include "ui/booking/SlotGridWidget.h"

#include <QHash>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScroller>
#include <QTimer>
#include <QVBoxLayout>

namespace mk::ui {

using namespace bookingui;

namespace {
constexpr int kDefaultRefresh_s = 30;
}

SlotGridScreen::SlotGridScreen(ScreenContext& context, QWidget* parent) : Screen(context, parent)
{
    setObjectName(QStringLiteral("slotGridScreen"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(kScreenMargin_px, kScreenMargin_px, kScreenMargin_px,
                               kScreenMargin_px);
    layout->setSpacing(12);
    title_ = makeLabel("title", QStringLiteral("slotTitle"), this);
    subtitle_ = makeLabel("subtitle", QStringLiteral("slotSubtitle"), this);
    banner_ = makeLabel("banner-warning", QStringLiteral("slotStaleBanner"), this);
    error_ = makeLabel("error", QStringLiteral("slotError"), this);
    loading_label_ = makeLabel("body", QStringLiteral("slotLoading"), this);
    retry_ = makeButton("primary", QStringLiteral("slotRetry"), this);
    refresh_ = makeButton("secondary", QStringLiteral("slotRefresh"), this);
    grid_ = new SlotGridWidget(this);
    scroll_ = new QScrollArea(this);
    scroll_->setObjectName(QStringLiteral("slotScroll"));
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll_->setWidget(grid_);
    QScroller::grabGesture(scroll_->viewport(), QScroller::TouchGesture);

    // Refresh sits beside the title, so the grid keeps the height (landscape: one screen).
    auto* title_row = new QHBoxLayout;
    title_row->setSpacing(24);
    title_row->addWidget(title_, 1);
    title_row->addWidget(refresh_, 0, Qt::AlignVCenter);
    refresh_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    layout->addLayout(title_row);
    layout->addWidget(subtitle_);
    layout->addWidget(banner_);
    layout->addWidget(loading_label_);
    layout->addWidget(error_);
    layout->addWidget(retry_);
    layout->addWidget(scroll_, 1);
    banner_->hide();
    error_->hide();
    retry_->hide();
    loading_label_->hide();

    refresh_timer_ = new QTimer(this);
    const int refresh_s = context.config && context.config->slot_refresh_s > 0
                              ? context.config->slot_refresh_s
                              : kDefaultRefresh_s;
    refresh_timer_->setInterval(refresh_s * 1000);
    connect(refresh_timer_, &QTimer::timeout, this, &SlotGridScreen::refresh);
    connect(refresh_, &QPushButton::clicked, this, &SlotGridScreen::refresh);
    connect(retry_, &QPushButton::clicked, this, &SlotGridScreen::refresh);
    connect(grid_, &SlotGridWidget::timeChosen, this, &SlotGridScreen::choose);
    SlotGridScreen::retranslate();  // a constructor: no virtual dispatch, say which one
}

SlotGridScreen::~SlotGridScreen() = default;

QStringList SlotGridScreen::scheduleIds() const
{
    const booking::BookingSession* session = context().session;
    QStringList ids;
    if (!session) return ids;
    if (!any_doctor_ && session->doctor) {
        ids.append(session->doctor->schedule_id);
    } else {
        for (const fhir::Doctor& doctor : session->department_doctors)
            ids.append(doctor.schedule_id);
    }
    return ids;
}

void SlotGridScreen::enter()
{
    const booking::BookingSession* session = context().session;
    if (!session) return;
    // "Any doctor" is remembered by the Doctor screen: once a time is chosen, session.doctor holds
    // the doctor that got it, and coming back must show every doctor's times again.
    any_doctor_ = !session->doctor || session->property(kAnyDoctorProperty).toBool();
    const QStringList ids = scheduleIds();
    if (ids != shown_schedules_ || session->day != shown_day_) {
        ++generation_;
        have_grid_ = false;
        slots_.clear();
        times_.clear();
        stale_ = false;
        banner_->hide();
        grid_->clear();
        shown_schedules_ = ids;
        shown_day_ = session->day;
    }
    retranslate();
    load();
    refresh_timer_->start();
}

void SlotGridScreen::reset()
{
    ++generation_;
    refresh_timer_->stop();
    any_doctor_ = false;
    shown_schedules_.clear();
    shown_day_ = {};
    have_grid_ = false;
    slots_.clear();
    times_.clear();
    fetched_at_ = {};
    stale_ = false;
    grid_->clear();
    subtitle_->clear();
    banner_->clear();
    banner_->hide();
    error_->clear();
    error_->hide();
    retry_->hide();
    setLoading(false);
}

void SlotGridScreen::hideEvent(QHideEvent* event)
{
    refresh_timer_->stop();
    Screen::hideEvent(event);
}

void SlotGridScreen::retranslate()
{
    const QString& language = context().language;
    title_->setText(tr("Choose a time"));
    loading_label_->setText(tr("Loading…"));
    retry_->setText(tr("Retry"));
    refresh_->setText(tr("Refresh"));
    const booking::BookingSession* session = context().session;
    if (session && session->department && shown_day_.isValid()) {
        QString line = session->department->name.forLanguage(language) + QStringLiteral(" · ");
        line += !any_doctor_ && session->doctor ? doctorText(*session->doctor, language)
                                                : tr("Any doctor");
        line += QStringLiteral(" · ") + dayText(shown_day_, language);
        subtitle_->setText(line);
    } else {
        subtitle_->clear();
    }
    if (stale_) showStale();
    grid_->retranslate();
}

void SlotGridScreen::showStale()
{
    banner_->setText(
        tr("Not current — last updated %1. Booking needs a connection to the hospital system.")
            .arg(fetched_at_.isValid() ? clockText(fetched_at_, context().config)
                                       : QStringLiteral("--:--")));
    banner_->show();
}

void SlotGridScreen::setLoading(bool loading)
{
    loading_label_->setVisible(loading && !have_grid_);
    refresh_->setEnabled(!loading);
    if (loading_ == loading) return;
    loading_ = loading;
    Q_EMIT loadingChanged(loading_);
}

void SlotGridScreen::refresh()
{
    if (loading_ || !isVisible()) return;
    load();
}

void SlotGridScreen::load()
{
    if (!context().service || shown_schedules_.isEmpty() || !shown_day_.isValid()) return;
    const quint64 generation = ++generation_;
    error_->hide();
    retry_->hide();
    setLoading(true);
    whenFinished(context().service->slotsForDay(shown_schedules_, shown_day_), this,
                 [this, generation](Result<booking::Fetched<QList<fhir::Slot>>> result) {
                     if (generation != generation_) return;
                     setLoading(false);
                     if (!result.ok()) {
                         qCInfo(lcUi) << "slots failed:" << errorCodeName(result.error().code);
                         if (have_grid_) {
                             stale_ = true;
                             showStale();
                             Q_EMIT gridRendered();
                         } else {
                             error_->setText(userMessage(result.error()));
                             error_->show();
                             retry_->show();
                         }
                         return;
                     }
                     stale_ = result.value().stale;
                     fetched_at_ = result.value().fetched_at;
                     slots_ = std::move(result).value().value;
                     if (stale_) {
                         showStale();
                     } else {
                         banner_->hide();
                     }
                     rebuild();
                 });
}

void SlotGridScreen::rebuild()
{
    const booking::BookingSession* session = context().session;
    const booking::BookingService* service = context().service;
    if (!session || !service) return;

    // The department's order decides which doctor "any doctor" gets.
    QHash<QString, int> doctor_rank;
    for (int i = 0; i < session->department_doctors.size(); ++i)
        doctor_rank.insert(session->department_doctors[i].schedule_id, i);

    const QDateTime earliest =
        service->now().addSecs(qint64(service->rules().min_minutes_before_start) * 60);
    // One offset for the whole day: clinic hours never cross a zone transition.
    const int offset_s =
        hospitalZone(context().config).offsetFromUtc(QDateTime(shown_day_, QTime(12, 0)));

    times_.clear();
    QMap<QTime, int> chosen_rank;
    for (const fhir::Slot& slot : std::as_const(slots_)) {
        if (!slot.start.isValid() || slot.start < earliest) continue;
        const QDateTime local = slot.start.toOffsetFromUtc(offset_s);
        if (local.date() != shown_day_) continue;
        const QTime time = local.time();
        TimeEntry& entry = times_[time];
        if (!slot.isFree()) continue;
        const int rank = doctor_rank.value(slot.schedule_id, int(doctor_rank.size()));
        auto found = chosen_rank.find(time);
        if (!entry.free || found == chosen_rank.end() || rank < found.value()) {
            entry.free = true;
            entry.chosen = slot;
            chosen_rank.insert(time, rank);
        }
    }

    QList<SlotGridWidget::Cell> cells;
    cells.reserve(times_.size());
    for (auto it = times_.cbegin(); it != times_.cend(); ++it)
        cells.append(SlotGridWidget::Cell{it.key(), it.value().free});
    have_grid_ = true;
    loading_label_->hide();
    grid_->setCells(cells);
    Q_EMIT gridRendered();
}

void SlotGridScreen::choose(const QTime& time)
{
    booking::BookingSession* session = context().session;
    const auto it = times_.constFind(time);
    if (!session || it == times_.cend() || !it->free) return;
    const fhir::Slot& slot = it->chosen;
    session->slot = slot;
    if (any_doctor_ || !session->doctor || session->doctor->schedule_id != slot.schedule_id) {
        for (const fhir::Doctor& doctor : std::as_const(session->department_doctors)) {
            if (doctor.schedule_id == slot.schedule_id) {
                session->doctor = doctor;
                break;
            }
        }
    }
    Q_EMIT goTo(ScreenId::Confirm);
}

QString SlotGridScreen::spokenSummary() const
{
    return spokenFrom(*this, {title_, subtitle_, loading_label_, banner_, error_});
}

}  // namespace mk::ui
