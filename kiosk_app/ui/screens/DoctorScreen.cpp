#include "screens/DoctorScreen.h"

#include "booking/BookingService.h"
#include "booking/BookingSession.h"
#include "booking/BookingUi.h"
#include "booking/TileGrid.h"
#include "common/Log.h"
#include "common/UserMessages.h"

#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScroller>
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
    banner_ = makeLabel("banner-warning", QStringLiteral("doctorStaleBanner"), this);
    error_ = makeLabel("error", QStringLiteral("doctorError"), this);
    loading_label_ = makeLabel("body", QStringLiteral("doctorLoading"), this);
    retry_ = makeButton("primary", QStringLiteral("doctorRetry"), this);
    tiles_ = new TileGrid(2, 4, this);
    scroll_ = new QScrollArea(this);
    scroll_->setObjectName(QStringLiteral("doctorScroll"));
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll_->setWidget(tiles_);
    QScroller::grabGesture(scroll_->viewport(), QScroller::TouchGesture);

    layout->addWidget(title_);
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

    connect(retry_, &QPushButton::clicked, this, &DoctorScreen::load);
    connect(tiles_, &TileGrid::tileChosen, this, &DoctorScreen::choose);
    retranslate();
}

DoctorScreen::~DoctorScreen() = default;

void DoctorScreen::enter()
{
    const booking::BookingSession* session = context().session;
    const QString department_id =
        session && session->department ? session->department->id : QString();
    if (department_id != department_id_ || doctors_.isEmpty() || stale_) {
        if (department_id != department_id_) {
            doctors_.clear();
            tiles_->clear();
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
    ++generation_;
    department_id_.clear();
    doctors_.clear();
    stale_ = false;
    fetched_at_ = {};
    tiles_->clear();
    subtitle_->clear();
    banner_->clear();
    banner_->hide();
    error_->clear();
    error_->hide();
    retry_->hide();
    setLoading(false);
}

void DoctorScreen::retranslate()
{
    const QString& language = context().language;
    title_->setText(tr("Choose a doctor"));
    const booking::BookingSession* session = context().session;
    subtitle_->setText(session && session->department
                           ? session->department->name.forLanguage(language)
                           : QString());
    loading_label_->setText(tr("Loading…"));
    retry_->setText(tr("Retry"));
    if (stale_) {
        banner_->setText(tr("Shown from the last connection (%1); it may not be current.")
                             .arg(clockText(fetched_at_, context().config)));
    }
    if (tiles_->count() > 0) {
        tiles_->setTileText(0, tr("Any doctor") + QLatin1Char('\n') + tr("The first free time"));
        for (int i = 0; i < doctors_.size(); ++i) {
            const fhir::Doctor& doctor = doctors_[i];
            tiles_->setTileText(i + 1, doctor.name.forLanguage(language) + QLatin1Char('\n') +
                                           doctor.title.forLanguage(language));
        }
    }
}

void DoctorScreen::setLoading(bool loading)
{
    loading_label_->setVisible(loading);
    if (loading_ == loading) return;
    loading_ = loading;
    Q_EMIT loadingChanged(loading_);
}

void DoctorScreen::load()
{
    if (!context().service || department_id_.isEmpty()) return;
    const quint64 generation = ++generation_;
    error_->hide();
    retry_->hide();
    setLoading(true);
    context()
        .service->doctors(department_id_)
        .then(this, [this, generation](Result<booking::Fetched<QList<fhir::Doctor>>> result) {
            if (generation != generation_) return;
            setLoading(false);
            if (!result.ok()) {
                qCInfo(lcUi) << "doctors failed:" << errorCodeName(result.error().code);
                if (doctors_.isEmpty()) {
                    error_->setText(userMessage(result.error()));
                    error_->show();
                    retry_->show();
                } else {
                    stale_ = true;
                    banner_->show();
                    retranslate();
                }
                return;
            }
            doctors_ = result.value().value;
            stale_ = result.value().stale;
            fetched_at_ = result.value().fetched_at;
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
    tiles_->setTiles(texts, object_names);
    banner_->setVisible(stale_);
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

}  // namespace mk::ui
