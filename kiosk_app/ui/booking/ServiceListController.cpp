#include "ui/booking/ServiceListController.h"

#include "core/common/Log.h"
#include "core/common/UserMessages.h"
#include "ui/Screen.h"
#include "ui/booking/BookingUi.h"
#include "ui/booking/TileGrid.h"

#include <QBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScroller>

namespace mk::ui {

using namespace bookingui;

ServiceListController::ServiceListController(const QString& object_prefix, int columns_portrait,
                                             int columns_landscape, const ScreenContext& context,
                                             QWidget* screen)
    : QObject(screen), context_(context)
{
    banner_ = makeLabel("banner-warning", object_prefix + QStringLiteral("StaleBanner"), screen);
    error_ = makeLabel("error", object_prefix + QStringLiteral("Error"), screen);
    loading_label_ = makeLabel("body", object_prefix + QStringLiteral("Loading"), screen);
    retry_ = makeButton("primary", object_prefix + QStringLiteral("Retry"), screen);
    tiles_ = new TileGrid(columns_portrait, columns_landscape, screen);
    scroll_ = new QScrollArea(screen);
    scroll_->setObjectName(object_prefix + QStringLiteral("Scroll"));
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll_->setWidget(tiles_);
    QScroller::grabGesture(scroll_->viewport(), QScroller::TouchGesture);
    banner_->hide();
    error_->hide();
    retry_->hide();
    loading_label_->hide();
    connect(retry_, &QPushButton::clicked, this, &ServiceListController::retryRequested);
}

ServiceListController::~ServiceListController() = default;

void ServiceListController::addTo(QBoxLayout* layout)
{
    layout->addWidget(banner_);
    layout->addWidget(loading_label_);
    layout->addWidget(error_);
    layout->addWidget(retry_);
    layout->addWidget(scroll_, 1);
}

void ServiceListController::setTexts(const QString& loading_text, const QString& retry_text,
                                     const QString& banner_text)
{
    loading_label_->setText(loading_text);
    retry_->setText(retry_text);
    banner_text_ = banner_text;
    updateBanner();
}

void ServiceListController::reset()
{
    ++generation_;
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

quint64 ServiceListController::start()
{
    const quint64 generation = ++generation_;
    error_->hide();
    retry_->hide();
    setLoading(true);
    return generation;
}

bool ServiceListController::finish(quint64 generation)
{
    if (generation != generation_) return false;
    setLoading(false);
    return true;
}

void ServiceListController::fetched(bool stale, const QDateTime& fetched_at)
{
    stale_ = stale;
    fetched_at_ = fetched_at;
    updateBanner();
}

void ServiceListController::shown()
{
    banner_->setVisible(stale_);
}

void ServiceListController::failed(const Error& error, const char* what, bool has_items)
{
    qCInfo(lcUi) << what << "failed:" << errorCodeName(error.code);
    if (!has_items) {
        error_->setText(userMessage(error));
        error_->show();
        retry_->show();
        return;
    }
    stale_ = true;
    updateBanner();
    banner_->show();
}

void ServiceListController::setLoading(bool loading)
{
    loading_label_->setVisible(loading);
    if (loading_ == loading) return;
    loading_ = loading;
    Q_EMIT loadingChanged(loading_);
}

void ServiceListController::updateBanner()
{
    if (stale_) banner_->setText(banner_text_.arg(clockText(fetched_at_, context_.config)));
}

}  // namespace mk::ui
