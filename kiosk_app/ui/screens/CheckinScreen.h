// Check-in (issue 4): "Scan your appointment code" with a picture hint, listening to the QR
// scanner (the one the window gives, else a keyboard-wedge filter on the application while the
// screen is shown). The result shows the visit number very large, the masked patient name (the
// child's for a guardian), department, doctor and time, "provisional" when offline; prints the
// ticket and speaks the number when those devices are there, and says to take a photo of the
// number when the printer is not. A provisional number is replaced on screen when the pool's
// number arrives. Thin: CheckinService does the work off the UI thread.
#pragma once

#include "core/checkin/CheckinTypes.h"
#include "ui/Screen.h"

#include <QPointer>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace mk::checkin {
class CheckinService;
}
namespace mk::hw {
class QrScanner;
class ReceiptPrinter;
class Speaker;
}  // namespace mk::hw

namespace mk::ui {

struct CheckinDevices {
    checkin::CheckinService* service = nullptr;  // null: the screen says check-in is unavailable
    hw::QrScanner* scanner = nullptr;            // null: a wedge filter of the screen's own
    hw::ReceiptPrinter* printer = nullptr;       // null or Missing: "take a photo" note
    hw::Speaker* speaker = nullptr;              // null: not spoken
};

class CheckinScreen : public Screen
{
    Q_OBJECT
public:
    explicit CheckinScreen(ScreenContext& context, QWidget* parent = nullptr);
    ~CheckinScreen() override;

    ScreenId id() const override { return ScreenId::Checkin; }
    void enter() override;
    void reset() override;
    void retranslate() override;
    bool loading() const override { return busy_; }

    void setDevices(const CheckinDevices& devices);
    // What a scanner delivered (also the entry point of tests and the wedge filter).
    void handleScan(const QString& text);
    // The last outcome shown (tests).
    const checkin::CheckinOutcome& outcome() const { return outcome_; }
    bool showingResult() const;

Q_SIGNALS:
    void outcomeShown(const mk::checkin::CheckinOutcome& outcome);
    void ticketPrinted(bool ok);

protected:
    void hideEvent(QHideEvent* event) override;

private:
    void listen(bool on);
    void show(const checkin::CheckinOutcome& outcome);
    void showDetails();
    void printAndSpeak();
    void onConfirmed(const QString& appointment_id, int visit_number, int provisional_number);
    bool printerReady() const;

    CheckinDevices devices_;
    hw::QrScanner* own_wedge_ = nullptr;
    bool listening_ = false;
    bool busy_ = false;
    checkin::CheckinOutcome outcome_;
    QString department_name_;
    QString doctor_name_;
    bool printer_failed_ = false;

    QStackedWidget* pages_ = nullptr;
    QLabel* scan_title_ = nullptr;
    QLabel* scan_picture_ = nullptr;
    QLabel* scan_hint_ = nullptr;
    QLabel* scan_message_ = nullptr;
    QLabel* number_caption_ = nullptr;
    QLabel* number_ = nullptr;
    QLabel* provisional_ = nullptr;
    QLabel* patient_ = nullptr;
    QLabel* details_ = nullptr;
    QLabel* message_ = nullptr;
    QLabel* device_note_ = nullptr;
    QPushButton* done_ = nullptr;
    QPushButton* again_ = nullptr;
};

}  // namespace mk::ui
