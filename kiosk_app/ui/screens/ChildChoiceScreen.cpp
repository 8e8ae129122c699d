#include "ChildChoiceScreen.h"

#include "core/booking/BookingService.h"
#include "core/booking/BookingSession.h"
#include "core/common/Masking.h"
#include "ui/Theme.h"
#include "ui/access/Spoken.h"
#include "ui/booking/BookingUi.h"
#include "ui/booking/TileGrid.h"
#include "ui/payment/PayFlow.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace mk::ui {

ChildChoiceScreen::ChildChoiceScreen(ScreenContext& context, QWidget* parent)
    : Screen(context, parent)
{
    setObjectName(QStringLiteral("childChoiceScreen"));
    auto* root = new QVBoxLayout(this);
    root->setContentsMargins(9, 9, 9, 9);
    root->setSpacing(28);
    title_ = new QLabel(this);
    title_->setWordWrap(true);
    Theme::setRole(title_, "title");
    root->addWidget(title_);
    subtitle_ = new QLabel(this);
    subtitle_->setWordWrap(true);
    Theme::setRole(subtitle_, "subtitle");
    root->addWidget(subtitle_);
    root->addSpacing(16);
    // One column in portrait; two in landscape, where three people in one column do not fit
    // the 1080 px height (the screen audit found the tiles overlapping).
    tiles_ = new TileGrid(1, 2, this);
    connect(tiles_, &TileGrid::tileChosen, this, &ChildChoiceScreen::choose);
    root->addWidget(tiles_);
    root->addStretch(1);
    ChildChoiceScreen::retranslate();  // a constructor: no virtual dispatch, say which one
}

ChildChoiceScreen::~ChildChoiceScreen() = default;

int ChildChoiceScreen::ageYears(const QDate& birth, const QDate& on)
{
    if (!birth.isValid() || !on.isValid() || birth > on) return 0;
    int years = on.year() - birth.year();
    if (on.month() < birth.month() || (on.month() == birth.month() && on.day() < birth.day()))
        --years;
    return years;
}

void ChildChoiceScreen::enter()
{
    rebuild();
}

void ChildChoiceScreen::reset()
{
    clearTiles();
}

void ChildChoiceScreen::clearTiles()
{
    tiles_->clear();
    people_.clear();
}

void ChildChoiceScreen::rebuild()
{
    clearTiles();
    const booking::BookingSession& session = *context().session;
    if (!session.identified) return;
    people_.append(*session.identified);
    people_.append(session.children);
    QStringList names;
    for (int i = 0; i < people_.size(); ++i) names << QStringLiteral("personTile_%1").arg(i);
    tiles_->setTiles(QStringList(names.size(), QString()), names);
    retranslate();
}

QString ChildChoiceScreen::tileText(int index) const
{
    const fhir::Patient& person = people_.at(index);
    const QDate today = bookingui::hospitalClock(context().service, context().config).today();
    const QString name = maskName(person.name.forLanguage(context().language));
    const QString age = tr("%1 years old").arg(ageYears(person.birth_date, today));
    if (index == 0) return tr("Myself: %1 (%2)").arg(name, age);
    return tr("My child: %1 (%2)").arg(name, age);
}

void ChildChoiceScreen::retranslate()
{
    if (PayFlow::isPayFlow(context().session)) {
        title_->setText(tr("Whose bills do you want to pay?"));
        subtitle_->setText(tr("Tap the person whose bills you want to see."));
    } else {
        title_->setText(tr("Who is the appointment for?"));
        subtitle_->setText(tr("Tap the person who will see the doctor."));
    }
    for (int i = 0; i < tiles_->count() && i < people_.size(); ++i)
        tiles_->setTileText(i, tileText(i));
}

void ChildChoiceScreen::choose(int index)
{
    if (index < 0 || index >= people_.size()) return;
    context().session->patient = people_.at(index);
    Q_EMIT goTo(ScreenId::Department);
}

QString ChildChoiceScreen::spokenSummary() const
{
    return spokenFrom(*this, {title_, subtitle_});  // not the children's names
}

}  // namespace mk::ui
