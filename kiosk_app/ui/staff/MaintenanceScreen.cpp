#include "ui/staff/MaintenanceScreen.h"

#include "core/common/Log.h"
#include "core/common/WhenFinished.h"
#include "core/config/KioskConfig.h"
#include "ui/Theme.h"
#include "ui/access/Spoken.h"
#include "ui/booking/BookingUi.h"

#include <QCoreApplication>
#include <QFrame>
#include <QFuture>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace mk::ui {

namespace {
QLabel* figure(QWidget* parent, const char* name)
{
    auto* l = new QLabel(parent);
    l->setObjectName(QLatin1String(name));
    l->setWordWrap(true);
    Theme::setRole(l, "hint");
    return l;
}

QPushButton* button(QWidget* parent, const QString& name, const char* role)
{
    auto* b = new QPushButton(parent);
    b->setObjectName(name);
    b->setFocusPolicy(Qt::NoFocus);
    b->setMinimumHeight(60);
    Theme::setRole(b, role);
    return b;
}

// In the hospital's zone (pool/timezone), not the machine's.
QString localTime(const QDateTime& t, const config::KioskConfig* config)
{
    return t.isValid()
               ? bookingui::inHospitalZone(t, config).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
               : QString();
}
}  // namespace

QList<const char*> MaintenanceScreen::discardReasons()
{
    return {QT_TRANSLATE_NOOP("mk::ui::MaintenanceScreen", "Done by hand at the desk"),
            QT_TRANSLATE_NOOP("mk::ui::MaintenanceScreen", "Patient cancelled the visit"),
            QT_TRANSLATE_NOOP("mk::ui::MaintenanceScreen", "Duplicate of another record"),
            QT_TRANSLATE_NOOP("mk::ui::MaintenanceScreen", "Appointment no longer exists"),
            QT_TRANSLATE_NOOP("mk::ui::MaintenanceScreen", "Test record")};
}

QString MaintenanceScreen::formatAge(qint64 s)
{
    if (s < 60) return tr("%1 s").arg(s);
    if (s < 3600) return tr("%1 min").arg(s / 60);
    if (s < 86400)
        return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    return tr("%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
}

MaintenanceScreen::MaintenanceScreen(ScreenContext& context, const StaffServices& services,
                                     QWidget* parent)
    : Screen(context, parent), services_(services)
{
    setObjectName(QStringLiteral("maintenanceScreen"));
    auto* layout = new QVBoxLayout(this);
    title_ = new QLabel(this);
    title_->setWordWrap(true);  // the English title is wider than a portrait screen
    Theme::setRole(title_, "subtitle");
    layout->addWidget(title_);

    auto* figures = new QGridLayout;
    connectivity_ = figure(this, "figConnectivity");
    waiting_ = figure(this, "figWaiting");
    oldest_ = figure(this, "figOldest");
    last_sync_ = figure(this, "figLastSync");
    figures->addWidget(connectivity_, 0, 0);
    figures->addWidget(waiting_, 0, 1);
    figures->addWidget(oldest_, 1, 0);
    figures->addWidget(last_sync_, 1, 1);
    layout->addLayout(figures);
    // The kiosk's standing with the pool (issue 15): one sentence, and "try again now".
    auto* identity_row = new QHBoxLayout;
    identity_ = figure(this, "figIdentity");
    identity_->setWordWrap(true);
    identity_row->addWidget(identity_, 1);
    identity_retry_ = button(this, QStringLiteral("identityRetry"), "secondary");
    connect(identity_retry_, &QPushButton::clicked, this, [this] {
        if (services_.auth_retry) services_.auth_retry();
    });
    identity_row->addWidget(identity_retry_);
    layout->addLayout(identity_row);

    dead_title_ = figure(this, "figDead");
    Theme::setRole(dead_title_, "body");
    layout->addWidget(dead_title_);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    dead_list_ = new QWidget(scroll);
    dead_list_->setObjectName(QStringLiteral("deadList"));
    dead_layout_ = new QVBoxLayout(dead_list_);
    dead_layout_->addStretch(1);
    scroll->setWidget(dead_list_);
    layout->addWidget(scroll, 1);

    discard_panel_ = new QFrame(this);
    discard_panel_->setObjectName(QStringLiteral("discardPanel"));
    auto* panel = new QGridLayout(discard_panel_);
    discard_question_ = new QLabel(discard_panel_);
    discard_question_->setWordWrap(true);
    Theme::setRole(discard_question_, "body");
    panel->addWidget(discard_question_, 0, 0, 1, 2);
    const QList<const char*> reasons = discardReasons();
    for (int i = 0; i < reasons.size(); ++i) {
        QPushButton* b = button(discard_panel_, QStringLiteral("reason_%1").arg(i), "secondary");
        const QString reason = QLatin1String(reasons.at(i));
        connect(b, &QPushButton::clicked, this, [this, reason] {
            const qint64 id = discard_id_;
            discard_panel_->hide();
            if (id <= 0 || services_.maintenance == nullptr) return;
            setBusy(true);
            staff::Maintenance* m = services_.maintenance;
            const QDateTime now = services_.now();
            whenFinished(
                QtConcurrent::run([m, id, reason, now] { return m->discard(id, reason, now); }),
                this, [this](const Status& s) { finishAction(s); });
        });
        reason_buttons_.append(b);
        panel->addWidget(b, 1 + i / 2, i % 2);
    }
    discard_cancel_ = button(discard_panel_, QStringLiteral("discardCancel"), "nav");
    connect(discard_cancel_, &QPushButton::clicked, discard_panel_, &QWidget::hide);
    panel->addWidget(discard_cancel_, 1 + int(reasons.size() + 1) / 2, 0, 1, 2);
    discard_panel_->hide();
    layout->addWidget(discard_panel_);

    message_ = figure(this, "maintMessage");
    Theme::setRole(message_, "error");
    message_->hide();
    layout->addWidget(message_);
    export_path_ = figure(this, "exportPath");
    export_path_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(export_path_);

    auto* actions = new QHBoxLayout;
    refresh_ = button(this, QStringLiteral("refreshButton"), "secondary");
    export_ = button(this, QStringLiteral("exportButton"), "secondary");
    exit_ = button(this, QStringLiteral("exitButton"), "primary");
    actions->addWidget(refresh_);
    actions->addWidget(export_);
    payments_ = button(this, QStringLiteral("paymentsButton"), "secondary");
    payments_->hide();  // until setPaymentsAvailable(true)
    connect(payments_, &QPushButton::clicked, this,
            [this] { Q_EMIT goTo(ScreenId::StaffPayments); });
    actions->addWidget(payments_);
    actions->addStretch(1);
    actions->addWidget(exit_);
    layout->addLayout(actions);
    connect(refresh_, &QPushButton::clicked, this, &MaintenanceScreen::refresh);
    connect(export_, &QPushButton::clicked, this, &MaintenanceScreen::exportReport);
    connect(exit_, &QPushButton::clicked, this, &MaintenanceScreen::exitMode);
    MaintenanceScreen::retranslate();  // a constructor: no virtual dispatch, say which one
}

void MaintenanceScreen::setPaymentsAvailable(bool available)
{
    payments_->setVisible(available);
}

void MaintenanceScreen::enter()
{
    message_->hide();
    export_path_->clear();
    discard_panel_->hide();
    refresh();
}

void MaintenanceScreen::reset()
{
    snapshot_.reset();
    discard_id_ = 0;
    discard_panel_->hide();
    message_->hide();
    export_path_->clear();
    rebuildDeadList();
    retranslate();
}

void MaintenanceScreen::refresh()
{
    if (services_.maintenance == nullptr) return;
    setBusy(true);
    staff::Maintenance* m = services_.maintenance;
    const QDateTime now = services_.now();
    whenFinished(QtConcurrent::run([m, now] { return m->snapshot(now); }), this,
                 [this](const Result<staff::MaintenanceSnapshot>& r) {
                     showSnapshot(r);
                     setBusy(false);
                 });
}

void MaintenanceScreen::showSnapshot(const Result<staff::MaintenanceSnapshot>& r)
{
    if (!r) {
        message_->setText(tr("The queue cannot be read: %1").arg(r.error().detail));
        message_->show();
        return;
    }
    snapshot_ = r.value();
    retranslate();
    rebuildDeadList();
}

void MaintenanceScreen::rebuildDeadList()
{
    while (dead_layout_->count() > 1) {
        QLayoutItem* item = dead_layout_->takeAt(0);
        delete item->widget();
        delete item;
    }
    if (!snapshot_) return;
    int row_index = 0;
    for (const outbox::OutboxRecord& rec : std::as_const(snapshot_->dead)) {
        auto* row = new QFrame(dead_list_);
        row->setObjectName(QStringLiteral("dead_%1").arg(rec.id));
        auto* h = new QHBoxLayout(row);
        auto* text = new QLabel(row);
        text->setObjectName(QStringLiteral("deadReason_%1").arg(rec.id));
        text->setWordWrap(true);
        Theme::setRole(text, "hint");
        // Kind, attempts, time and the technical reason: never the payload.
        text->setText(tr("#%1 %2 — %3 attempt(s), since %4\n%5")
                          .arg(rec.id)
                          .arg(rec.kind)
                          .arg(rec.attempts)
                          .arg(localTime(rec.finished_at, context().config), rec.last_error));
        QPushButton* retry = button(row, QStringLiteral("retry_%1").arg(rec.id), "secondary");
        retry->setText(tr("Retry"));
        QPushButton* discard = button(row, QStringLiteral("discard_%1").arg(rec.id), "secondary");
        discard->setText(tr("Discard"));
        const qint64 id = rec.id;
        connect(retry, &QPushButton::clicked, this, [this, id] {
            if (services_.maintenance == nullptr) return;
            setBusy(true);
            staff::Maintenance* m = services_.maintenance;
            const QDateTime now = services_.now();
            whenFinished(QtConcurrent::run([m, id, now] { return m->retry(id, now); }), this,
                         [this](const Status& s) { finishAction(s); });
        });
        connect(discard, &QPushButton::clicked, this, [this, id] { askDiscard(id); });
        h->addWidget(text, 1);
        h->addWidget(retry);
        h->addWidget(discard);
        dead_layout_->insertWidget(row_index++, row);
    }
}

void MaintenanceScreen::askDiscard(qint64 id)
{
    discard_id_ = id;
    discard_question_->setText(
        tr("Why is record #%1 given up? It will not be sent to the hospital system.").arg(id));
    discard_panel_->show();
}

void MaintenanceScreen::finishAction(const Status& done)
{
    setBusy(false);
    if (!done) {
        message_->setText(tr("The action failed: %1").arg(done.error().detail));
        message_->show();
    } else {
        message_->hide();
    }
    refresh();
}

void MaintenanceScreen::exportReport()
{
    if (services_.maintenance == nullptr) return;
    setBusy(true);
    staff::Maintenance* m = services_.maintenance;
    const QString folder = services_.report_folder;
    const QDateTime now = services_.now();
    whenFinished(
        QtConcurrent::run([m, folder, now] { return m->exportReport(folder, now); }), this,
        [this](Result<QString> r) {
            setBusy(false);
            if (!r) {
                message_->setText(tr("The report was not written: %1").arg(r.error().detail));
                message_->show();
                return;
            }
            export_path_->setText(tr("Report written to %1").arg(r.value()));
        });
}

void MaintenanceScreen::exitMode()
{
    if (services_.maintenance != nullptr) {
        staff::Maintenance* m = services_.maintenance;
        const QDateTime now = services_.now();
        (void)QtConcurrent::run([m, now] {
            if (Status s = m->recordExit(now); !s)
                qCWarning(lcUi) << "staff exit not audited:" << s.error().detail;
        });
    }
    Q_EMIT goHome();
}

void MaintenanceScreen::setBusy(bool busy)
{
    const bool was = busy_ > 0;
    busy_ += busy ? 1 : -1;
    if (busy_ < 0) busy_ = 0;
    const bool now_busy = busy_ > 0;
    export_->setEnabled(!now_busy);
    refresh_->setEnabled(!now_busy);
    if (was != now_busy) Q_EMIT loadingChanged(now_busy);
}

void MaintenanceScreen::retranslate()
{
    title_->setText(tr("Staff maintenance — outbox of commands for the hospital system"));
    const identity::AuthStatus auth =
        services_.auth_status ? services_.auth_status() : identity::AuthStatus{};
    const QString auth_text = identity::AuthText::staff(auth);
    identity_->setText(
        !auth_text.isEmpty() ? auth_text
        : auth.state == identity::AuthState::Authorised
            ? tr("Hospital system access: this kiosk (%1) is accepted")
                  .arg(context().config != nullptr ? context().config->kiosk_id : QString())
            : tr("Hospital system access: not checked yet"));
    identity_retry_->setText(tr("Try again now"));
    identity_retry_->setVisible(auth.outOfService() && bool(services_.auth_retry));
    refresh_->setText(tr("Refresh"));
    export_->setText(tr("Export report"));
    exit_->setText(tr("Exit"));
    payments_->setText(tr("Payments"));
    discard_cancel_->setText(tr("Keep it"));
    const QList<const char*> reasons = discardReasons();
    for (int i = 0; i < reason_buttons_.size(); ++i)
        reason_buttons_.at(i)->setText(tr(reasons.at(i)));
    if (!snapshot_) {
        for (QLabel* l : {connectivity_, waiting_, oldest_, last_sync_, dead_title_})
            l->setText(tr("…"));
        return;
    }
    const outbox::QueueStatus& s = snapshot_->status;
    connectivity_->setText(!s.connectivity_known ? tr("Hospital system: not contacted yet")
                           : s.online            ? tr("Hospital system: online")
                                                 : tr("Hospital system: offline since %1")
                                            .arg(localTime(s.offline_since, context().config)));
    waiting_->setText(tr("Waiting to be sent: %1").arg(s.waiting));
    oldest_->setText(s.waiting > 0 ? tr("Oldest waiting: %1").arg(formatAge(s.oldest_waiting_age_s))
                                   : tr("Oldest waiting: none"));
    last_sync_->setText(s.last_successful_sync.isValid()
                            ? tr("Last successful sync: %1")
                                  .arg(localTime(s.last_successful_sync, context().config))
                            : tr("Last successful sync: never"));
    dead_title_->setText(tr("Dead letters (need staff): %1").arg(s.dead));
}

QString MaintenanceScreen::spokenSummary() const
{
    return spokenFrom(*this, {title_, connectivity_, waiting_, message_});
}

}  // namespace mk::ui
