#include "screens/DepartmentScreen.h"

#include "booking/BookingService.h"
#include "booking/BookingSession.h"
#include "booking/BookingUi.h"
#include "booking/TileGrid.h"
#include "common/Log.h"
#include "common/UserMessages.h"

#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
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
    banner_ = makeLabel("banner-warning", QStringLiteral("departmentStaleBanner"), this);
    error_ = makeLabel("error", QStringLiteral("departmentError"), this);
    loading_label_ = makeLabel("body", QStringLiteral("departmentLoading"), this);
    retry_ = makeButton("primary", QStringLiteral("departmentRetry"), this);
    tiles_ = new TileGrid(2, 3, this);
    scroll_ = new QScrollArea(this);
    scroll_->setObjectName(QStringLiteral("departmentScroll"));
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll_->setWidget(tiles_);

    layout->addWidget(title_);
    layout->addWidget(banner_);
    layout->addWidget(loading_label_);
    layout->addWidget(error_);
    layout->addWidget(retry_);
    layout->addWidget(scroll_, 1);
    banner_->hide();
    error_->hide();
    retry_->hide();
    loading_label_->hide();

    connect(retry_, &QPushButton::clicked, this, &DepartmentScreen::load);
    connect(tiles_, &TileGrid::tileChosen, this, &DepartmentScreen::choose);
    retranslate();
}

DepartmentScreen::~DepartmentScreen() = default;

void DepartmentScreen::enter()
{
    load();
}

void DepartmentScreen::reset()
{
    ++generation_;
    departments_.clear();
    stale_ = false;
    fetched_at_ = {};
    tiles_->clear();
    banner_->clear();
    banner_->hide();
    error_->clear();
    error_->hide();
    retry_->hide();
    setLoading(false);
}

void DepartmentScreen::retranslate()
{
    title_->setText(tr("Choose a department"));
    loading_label_->setText(tr("Loading…"));
    retry_->setText(tr("Retry"));
    if (stale_) {
        banner_->setText(tr("Shown from the last connection (%1); it may not be current.")
                             .arg(clockText(fetched_at_, context().config)));
    }
    for (int i = 0; i < departments_.size(); ++i)
        tiles_->setTileText(i, departments_[i].name.forLanguage(context().language));
}

void DepartmentScreen::setLoading(bool loading)
{
    loading_label_->setVisible(loading);
    if (loading_ == loading) return;
    loading_ = loading;
    Q_EMIT loadingChanged(loading_);
}

void DepartmentScreen::load()
{
    if (!context().service) return;
    const quint64 generation = ++generation_;
    error_->hide();
    retry_->hide();
    setLoading(true);
    context().service->departments().then(
        this, [this, generation](Result<booking::Fetched<QList<fhir::Department>>> result) {
            if (generation != generation_) return;
            setLoading(false);
            if (!result.ok()) {
                qCInfo(lcUi) << "departments failed:" << errorCodeName(result.error().code);
                if (departments_.isEmpty()) {
                    error_->setText(userMessage(result.error()));
                    error_->show();
                    retry_->show();
                } else {
                    stale_ = true;
                    retranslate();
                    banner_->show();
                }
                return;
            }
            departments_ = result.value().value;
            stale_ = result.value().stale;
            fetched_at_ = result.value().fetched_at;
            showDepartments();
        });
}

void DepartmentScreen::showDepartments()
{
    QStringList names;
    QStringList object_names;
    for (const fhir::Department& department : departments_) {
        names.append(department.name.forLanguage(context().language));
        object_names.append(QStringLiteral("department_") + department.id);
    }
    tiles_->setTiles(names, object_names);
    banner_->setVisible(stale_);
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

}  // namespace mk::ui
