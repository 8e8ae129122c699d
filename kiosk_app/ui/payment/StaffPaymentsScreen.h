// Staff (maintenance mode, after the PIN; issue 9): today's payments at this kiosk by method, the
// daily close (日结) report — printed on the receipt printer and exported as a text file through
// SafeFile into the staff report folder — and the payments refused after being taken offline,
// awaiting review (the dead letters of kind payment; Retry/Discard stay on the maintenance
// screen). Reached from the maintenance screen; Back returns there. Staff see the technical
// cause; patients' names are never shown (ids and masked amounts only).
#pragma once

#include "core/payment/PaymentTypes.h"
#include "ui/Screen.h"
#include "ui/payment/PayServices.h"
#include "ui/staff/StaffServices.h"

#include <optional>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace mk::ui {

class StaffPaymentsScreen final : public Screen
{
    Q_OBJECT
public:
    StaffPaymentsScreen(ScreenContext& context, const PayServices& services,
                        const StaffServices& staff, QWidget* parent = nullptr);

    ScreenId id() const override { return ScreenId::StaffPayments; }
    void enter() override;
    void reset() override;
    void retranslate() override;
    QString spokenSummary() const override;  // issue 12: read aloud
    bool loading() const override { return busy_ > 0; }

    const std::optional<payment::DailyClose>& dailyClose() const { return close_; }
    QString exportedPath() const { return exported_path_; }

private:
    void refresh();
    void show();
    void printClose();
    void exportClose();
    void setBusy(int delta);
    QDate today() const;

    const PayServices& services_;
    const StaffServices& staff_;
    int busy_ = 0;
    quint64 generation_ = 0;
    std::optional<QList<payment::MethodTotal>> by_method_;
    std::optional<payment::DailyClose> close_;
    std::optional<QList<payment::FailedPayment>> failed_;
    QString error_;
    QString note_;
    QString exported_path_;

    QLabel* title_ = nullptr;
    QLabel* methods_ = nullptr;
    QLabel* close_text_ = nullptr;
    QLabel* failed_title_ = nullptr;
    QLabel* failed_list_ = nullptr;
    QLabel* message_ = nullptr;
    QPushButton* refresh_ = nullptr;
    QPushButton* print_ = nullptr;
    QPushButton* export_ = nullptr;
    QPushButton* back_ = nullptr;
};

}  // namespace mk::ui
