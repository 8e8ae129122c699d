#include "ui/screens/DepartmentScreen.h"

#include "core/booking/BookingService.h"
#include "core/booking/BookingSession.h"
#include "ui/access/Spoken.h"
#include "ui/booking/BookingUi.h"
#include "ui/booking/ServiceListController.h"
#include "ui/booking/TileGrid.h"

#include <QLabel>
#include <QVBoxLayout>

namespace mk::ui {

using namespace bookingui;

DepartmentScreen::DepartmentScreen(ScreenContext& context, QWidget* parent)
    : Screen(context, parent)
{
    setObjectName(QStringLiteral("departmentScreen"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(kScreenMargin_px, kScreenMargin_px, kScreenMargin_px,
                               kScreenMargin_px);
    layout->setSpacing(20);
    title_ = makeLabel("title", QStringLiteral("departmentTitle"), this);
    list_ = new ServiceListController(QStringLiteral("department"), 2, 3, context, this);
    layout->addWidget(title_);
    list_->addTo(layout);

    connect(list_, &ServiceListController::retryRequested, this, &DepartmentScreen::load);
    connect(list_, &ServiceListController::loadingChanged, this, &Screen::loadingChanged);
    connect(list_->tiles(), &TileGrid::tileChosen, this, &DepartmentScreen::choose);
    DepartmentScreen::retranslate();  // a constructor: no virtual dispatch, say which one
}

DepartmentScreen::~DepartmentScreen() = default;

bool DepartmentScreen::loading() const
{
    return list_->loading();
}

void DepartmentScreen::enter()
{
    load();
}

void DepartmentScreen::reset()
{
    departments_.clear();
    list_->reset();
}

void DepartmentScreen::retranslate()
{
    title_->setText(tr("Choose a department"));
    list_->setTexts(tr("Loading…"), tr("Retry"),
                    tr("Shown from the last connection (%1); it may not be current."));
    TileGrid* tiles = list_->tiles();
    for (int i = 0; i < departments_.size(); ++i)
        tiles->setTileText(i, departments_[i].name.forLanguage(context().language));
}

void DepartmentScreen::load()
{
    if (!context().service) return;
    list_->fetch(context().service->departments(), "departments", &departments_,
                 [this] { showDepartments(); });
}

void DepartmentScreen::showDepartments()
{
    QStringList names;
    QStringList object_names;
    for (const fhir::Department& department : departments_) {
        names.append(department.name.forLanguage(context().language));
        object_names.append(QStringLiteral("department_") + department.id);
    }
    list_->tiles()->setTiles(names, object_names);
    retranslate();
}

void DepartmentScreen::choose(int index)
{
    if (index < 0 || index >= departments_.size() || !context().session) return;
    booking::BookingSession& session = *context().session;
    const fhir::Department& chosen = departments_[index];
    if (!session.department || session.department->id != chosen.id) {
        session.doctor.reset();
        session.department_doctors.clear();
        session.slot.reset();
    }
    session.department = chosen;
    Q_EMIT goTo(ScreenId::Doctor);
}

QString DepartmentScreen::spokenSummary() const
{
    return spokenFrom(*this, {title_});
}

}  // namespace mk::ui
