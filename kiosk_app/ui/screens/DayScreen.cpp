#include "ui/screens/DayScreen.h"

#include "core/booking/BookingService.h"
#include "core/booking/BookingSession.h"
#include "ui/access/Spoken.h"
#include "ui/booking/BookingUi.h"
#include "ui/booking/TileGrid.h"

#include <QLabel>
#include <QVBoxLayout>

namespace mk::ui {

using namespace bookingui;

DayScreen::DayScreen(ScreenContext& context, QWidget* parent) : Screen(context, parent)
{
    setObjectName(QStringLiteral("dayScreen"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(kScreenMargin_px, kScreenMargin_px, kScreenMargin_px,
                               kScreenMargin_px);
    layout->setSpacing(20);
    title_ = makeLabel("title", QStringLiteral("dayTitle"), this);
    subtitle_ = makeLabel("subtitle", QStringLiteral("daySubtitle"), this);
    tiles_ = new TileGrid(2, 4, this);
    layout->addWidget(title_);
    layout->addWidget(subtitle_);
    layout->addWidget(tiles_);
    layout->addStretch(1);
    connect(tiles_, &TileGrid::tileChosen, this, &DayScreen::choose);
    DayScreen::retranslate();  // a constructor: no virtual dispatch, say which one
}

DayScreen::~DayScreen() = default;

void DayScreen::enter()
{
    days_.clear();
    const booking::BookingService* service = context().service;
    const QDate today = hospitalClock(service, context().config).today();
    const int days_ahead = service ? service->rules().max_days_ahead : 7;
    QStringList object_names;
    for (int i = 0; i <= days_ahead; ++i) {
        days_.append(today.addDays(i));
        object_names.append(QStringLiteral("day_") + QString::number(i));
    }
    QStringList texts;
    for (int i = 0; i < days_.size(); ++i) texts.append(tileText(i));
    tiles_->setTiles(texts, object_names);
    retranslate();
}

void DayScreen::reset()
{
    days_.clear();
    tiles_->clear();
    subtitle_->clear();
}

QString DayScreen::tileText(int index) const
{
    const QDate& day = days_[index];
    const QLocale locale = localeFor(context().language);
    const bool english = context().language.startsWith(QLatin1String("en"));
    const QString date = english ? locale.toString(day, QStringLiteral("d MMMM"))
                                 : locale.toString(day, QStringLiteral("M月d日"));
    QString weekday = locale.dayName(day.dayOfWeek(), QLocale::LongFormat);
    if (index == 0) weekday = tr("Today") + QStringLiteral(" · ") + weekday;
    if (index == 1) weekday = tr("Tomorrow") + QStringLiteral(" · ") + weekday;
    return weekday + QLatin1Char('\n') + date;
}

void DayScreen::retranslate()
{
    title_->setText(tr("Choose a day"));
    const booking::BookingSession* session = context().session;
    const QString& language = context().language;
    if (session && session->department) {
        QString line = session->department->name.forLanguage(language) + QStringLiteral(" · ");
        line += session->doctor ? doctorText(*session->doctor, language) : tr("Any doctor");
        subtitle_->setText(line);
    } else {
        subtitle_->clear();
    }
    for (int i = 0; i < days_.size(); ++i) tiles_->setTileText(i, tileText(i));
}

void DayScreen::choose(int index)
{
    if (index < 0 || index >= days_.size() || !context().session) return;
    context().session->day = days_[index];
    context().session->slot.reset();
    Q_EMIT goTo(ScreenId::SlotGrid);
}

QString DayScreen::spokenSummary() const
{
    return spokenFrom(*this, {title_, subtitle_});
}

}  // namespace mk::ui
