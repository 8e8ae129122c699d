// KioskWindow: the kiosk's standing with the booking pool (issue 15).
#include "core/common/Log.h"
#include "ui/KioskWindow.h"

#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace mk::ui {

void KioskWindow::setAuthStatus(const identity::AuthStatus& status)
{
    const bool was_out = auth_.outOfService();
    auth_ = status;
    if (auth_banner_ == nullptr) {
        auth_banner_ = new QLabel(this);
        auth_banner_->setObjectName(QStringLiteral("authBanner"));
        auth_banner_->setWordWrap(true);
        auth_banner_->setStyleSheet(
            QStringLiteral("QLabel { background: #B3261E; color: white; padding: 8px 32px; }"));
        if (auto* column = qobject_cast<QVBoxLayout*>(layout()))
            column->insertWidget(1, auth_banner_);
        auth_banner_->hide();
    }
    if (out_of_service_ == nullptr) {
        out_of_service_ = new QWidget(stack_);
        out_of_service_->setObjectName(QStringLiteral("outOfServicePage"));
        auto* column = new QVBoxLayout(out_of_service_);
        column->addStretch(1);
        oos_title_ = new QLabel(out_of_service_);
        oos_title_->setObjectName(QStringLiteral("outOfServiceTitle"));
        oos_title_->setAlignment(Qt::AlignCenter);
        oos_title_->setWordWrap(true);
        QFont big = oos_title_->font();
        big.setPointSizeF(big.pointSizeF() * 2.0);
        big.setBold(true);
        oos_title_->setFont(big);
        oos_body_ = new QLabel(out_of_service_);
        oos_body_->setObjectName(QStringLiteral("outOfServiceText"));
        oos_body_->setAlignment(Qt::AlignCenter);
        oos_body_->setWordWrap(true);
        QFont body = oos_body_->font();
        body.setPointSizeF(body.pointSizeF() * 1.4);
        oos_body_->setFont(body);
        column->addWidget(oos_title_);
        column->addSpacing(24);
        column->addWidget(oos_body_);
        column->addStretch(2);
        stack_->addWidget(out_of_service_);
    }
    retranslateAuth();
    const bool out = auth_.outOfService();
    const bool staff_screen = current_ == ScreenId::StaffPin || current_ == ScreenId::Maintenance ||
                              current_ == ScreenId::StaffPayments;
    if (out && !staff_screen) {
        qCWarning(lcUi) << "out of service: the booking pool does not accept this kiosk";
        goHome();  // clears what a patient entered; Home shows the out-of-service page
    } else if (!out && was_out && stack_->currentWidget() == out_of_service_) {
        qCInfo(lcUi) << "back in service";
        goHome();
    }
}

bool KioskWindow::showOutOfService(ScreenId id)
{
    if (!auth_.outOfService() || out_of_service_ == nullptr || id == ScreenId::StaffPin ||
        id == ScreenId::Maintenance || id == ScreenId::StaffPayments) {
        return false;
    }
    current_ = ScreenId::Home;
    stack_->setCurrentWidget(out_of_service_);
    footer_->setVisible(false);
    restartIdle();
    Q_EMIT screenShown(ScreenId::Home);
    return true;
}

void KioskWindow::retranslateAuth()
{
    if (auth_banner_ != nullptr) {
        // An unreachable sign-in service is the network's state, which the header's offline
        // badge already shows to patients; its technical reason (a libcurl error naming the
        // pool's host) is for staff: the maintenance screen and the log.
        const QString staff = auth_.state == identity::AuthState::Unreachable
                                  ? QString()
                                  : identity::AuthText::staff(auth_);
        auth_banner_->setText(staff);
        auth_banner_->setVisible(!staff.isEmpty());
    }
    if (oos_title_ != nullptr) {
        oos_title_->setText(identity::AuthText::patientTitle());
        oos_body_->setText(identity::AuthText::patientBody());
    }
}

}  // namespace mk::ui
