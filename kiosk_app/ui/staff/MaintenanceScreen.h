// The staff maintenance screen (after the staff PIN): the outbox's figures (waiting, oldest
// waiting, last successful sync, online / offline since), the dead letters with their reasons and
// a Retry and a Discard button each (Discard asks for one of a fixed list of reasons: there is no
// keyboard), Export of a redacted queue report (its path is shown) and Exit. Every store call
// runs off the UI thread. Staff text may be smaller; buttons keep the theme's height.
#pragma once

#include "core/staff/Maintenance.h"
#include "ui/Screen.h"
#include "ui/staff/StaffServices.h"

#include <QList>

class QLabel;
class QPushButton;
class QVBoxLayout;
class QWidget;

namespace mk::ui {

class MaintenanceScreen : public Screen
{
    Q_OBJECT
public:
    MaintenanceScreen(ScreenContext& context, const StaffServices& services,
                      QWidget* parent = nullptr);

    ScreenId id() const override { return ScreenId::Maintenance; }
    void enter() override;
    void reset() override;
    void retranslate() override;
    QString spokenSummary() const override;  // issue 12: read aloud
    bool loading() const override { return busy_ > 0; }

    // The fixed discard reasons (English source texts, stored in the audit log as they are).
    static QList<const char*> discardReasons();
    // "2 h 05 min", "3 min", "40 s".
    static QString formatAge(qint64 seconds);
    // Shows "Payments" (today's payments, daily close, failed payments: ui/payment, issue 9).
    void setPaymentsAvailable(bool available);

private:
    void refresh();
    void showSnapshot(const Result<staff::MaintenanceSnapshot>& snapshot);
    void rebuildDeadList();
    void askDiscard(qint64 id);
    void finishAction(const Status& done);
    void setBusy(bool busy);
    void exportReport();
    void exitMode();

    const StaffServices& services_;
    int busy_ = 0;
    std::optional<staff::MaintenanceSnapshot> snapshot_;
    qint64 discard_id_ = 0;

    QLabel* title_ = nullptr;
    QLabel* connectivity_ = nullptr;
    QLabel* waiting_ = nullptr;
    QLabel* oldest_ = nullptr;
    QLabel* last_sync_ = nullptr;
    QLabel* identity_ = nullptr;  // the kiosk's standing with the pool (issue 15)
    QPushButton* identity_retry_ = nullptr;
    QLabel* dead_title_ = nullptr;
    QWidget* dead_list_ = nullptr;
    QVBoxLayout* dead_layout_ = nullptr;
    QWidget* discard_panel_ = nullptr;
    QLabel* discard_question_ = nullptr;
    QList<QPushButton*> reason_buttons_;
    QPushButton* discard_cancel_ = nullptr;
    QLabel* message_ = nullptr;
    QLabel* export_path_ = nullptr;
    QPushButton* refresh_ = nullptr;
    QPushButton* export_ = nullptr;
    QPushButton* exit_ = nullptr;
    QPushButton* payments_ = nullptr;
};

}  // namespace mk::ui
