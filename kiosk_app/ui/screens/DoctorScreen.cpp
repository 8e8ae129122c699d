#include "ui/screens/DoctorScreen.h"

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

DoctorScreen::DoctorScreen(ScreenContext& context, QWidget* parent) : Screen(context, parent)
{
    setObjectName(QStringLiteral("doctorScreen"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(kScreenMargin_px, kScreenMargin_px, kScreenMargin_px,
                               kScreenMargin_px);
    layout->setSpacing(20);
    title_ = makeLabel("title", QStringLiteral("doctorTitle"), this);
    subtitle_ = makeLabel("subtitle", QStringLiteral("doctorDepartment"), this);
    list_ = new ServiceListController(QStringLiteral("doctor"), 2, 4, context, this);
    layout->addWidget(title_);
    layout->addWidget(subtitle_);
    list_->addTo(layout);

    connect(list_, &ServiceListController::retryRequested, this, &DoctorScreen::load);
    connect(list_, &ServiceListController::loadingChanged, this, &Screen::loadingChanged);
    connect(list_->tiles(), &TileGrid::tileChosen, this, &DoctorScreen::choose);
    DoctorScreen::retranslate();  // a constructor: no virtual dispatch, say which one
}

DoctorScreen::~DoctorScreen() = default;

bool DoctorScreen::loading() const
{
    return list_->loading();
}

void DoctorScreen::enter()
{
    const booking::BookingSession* session = context().session;
    const QString department_id =
        session && session->department ? session->department->id : QString();
    if (department_id != department_id_ || doctors_.isEmpty() || list_->stale()) {
        if (department_id != department_id_) {
            doctors_.clear();
            list_->tiles()->clear();
        }
        department_id_ = department_id;
        load();
    } else if (context().session) {
        context().session->department_doctors = doctors_;
    }
    retranslate();
}

void DoctorScreen::reset()
{
    department_id_.clear();
    doctors_.clear();
    subtitle_->clear();
    list_->reset();
}

void DoctorScreen::retranslate()
{
    const QString& language = context().language;
    title_->setText(tr("Choose a doctor"));
    const booking::BookingSession* session = context().session;
    subtitle_->setText(session && session->department
                           ? session->department->name.forLanguage(language)
                           : QString());
    list_->setTexts(tr("Loading…"), tr("Retry"),
                    tr("Shown from the last connection (%1); it may not be current."));
    TileGrid* tiles = list_->tiles();
    if (tiles->count() > 0) {
        tiles->setTileText(0, tr("Any doctor") + QLatin1Char('\n') + tr("The first free time"));
        for (int i = 0; i < doctors_.size(); ++i) {
            const fhir::Doctor& doctor = doctors_[i];
            tiles->setTileText(i + 1, doctor.name.forLanguage(language) + QLatin1Char('\n') +
                                          doctor.title.forLanguage(language));
        }
    }
}

void DoctorScreen::load()
{
    if (!context().service || department_id_.isEmpty()) return;
    list_->fetch(context().service->doctors(department_id_), "doctors", &doctors_, [this] {
        if (context().session) context().session->department_doctors = doctors_;
        showDoctors();
    });
}

void DoctorScreen::showDoctors()
{
    QStringList texts{QString()};
    QStringList object_names{QStringLiteral("anyDoctorTile")};
    for (const fhir::Doctor& doctor : doctors_) {
        texts.append(QString());
        object_names.append(QStringLiteral("doctor_") + doctor.id);
    }
    list_->tiles()->setTiles(texts, object_names);
    retranslate();
}

void DoctorScreen::choose(int index)
{
    if (!context().session || index < 0 || index > doctors_.size()) return;
    booking::BookingSession& session = *context().session;
    session.department_doctors = doctors_;
    session.setProperty(kAnyDoctorProperty, index == 0);
    if (index == 0) {
        session.doctor.reset();
    } else {
        session.doctor = doctors_[index - 1];
    }
    session.slot.reset();
    Q_EMIT goTo(ScreenId::Day);
}

QString DoctorScreen::spokenSummary() const
{
    return spokenFrom(*this, {title_, subtitle_});
}

}  // namespace mk::ui
