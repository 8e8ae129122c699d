// Check-in (issue 4, issue 12): "Scan your appointment code" listening to every configured QR
// scanner at once while the screen is shown (keyboard wedge, serial, camera with a live preview
// and a guide frame; else a keyboard-wedge filter of its own), to the patient card reader, and
// offering face sign-in: a card or a face gives today's appointments of that person (and their
// children) to choose from (ArrivalListPage), or a sentence saying where / when to go instead. The
// result shows the visit number very large, the masked patient name (the child's for a guardian),
// department, doctor and time, "provisional" when offline; prints the ticket and speaks the number
// when those devices are there, and says to take a photo of the number when the printer is not. A
// provisional number is replaced on screen when the pool's number arrives. Thin: CheckinService
// does the work off the UI thread.
#pragma once

#include "core/checkin/ArrivalTypes.h"
#include "core/checkin/CheckinTypes.h"
#include "ui/Screen.h"

#include <QFuture>
#include <QPointer>

class QLabel;
class QPushButton;
class QVideoFrame;
class QStackedWidget;

namespace mk::checkin {
class CheckinService;
}
namespace mk::hw {
class Camera;
class CameraScanner;
class CardReader;
struct CardInfo;
class QrScanner;
class ReceiptPrinter;
class Speaker;
}  // namespace mk::hw

namespace mk::ui {

class ArrivalListPage;
class ScanPreview;

struct CheckinDevices {
    checkin::CheckinService* service = nullptr;   // null: the screen says check-in is unavailable
    hw::QrScanner* scanner = nullptr;             // null: a wedge filter of the screen's own
    bool wedge = true;                            // false: no keyboard wedge at all
    hw::QrScanner* serial = nullptr;              // runs on its own (hot-plug); heard while shown
    hw::CameraScanner* camera_scanner = nullptr;  // started while shown, with the preview of:
    hw::Camera* camera = nullptr;                 // stopped when the screen is left
    hw::CardReader* card = nullptr;               // patient card -> today's appointments
    hw::ReceiptPrinter* printer = nullptr;        // null or Missing: "take a photo" note
    hw::Speaker* speaker = nullptr;               // null: not spoken
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
    QString spokenSummary() const override;  // issue 12: read aloud
    bool loading() const override { return busy_; }

    void setDevices(const CheckinDevices& devices);
    // What a scanner delivered (also the entry point of tests and the wedge filter).
    void handleScan(const QString& text);
    // A patient card was read (also the entry point of tests): today's appointments of its
    // patient, or why none can be checked in here.
    void handleCard(const QString& card_identifier);
    // Face sign-in that this screen started ended with a patient (KioskAppCheckin connects
    // FaceIdentifyScreen::identified): today's appointments of that patient.
    void handleFace(const QString& patient_id);
    void setFaceAvailable(bool available);
    bool faceAvailable() const { return face_available_; }
    bool faceSignInPending() const { return face_pending_; }
    // The appointments offered after a card or a face (tests).
    const checkin::ArrivalList& arrivals() const { return arrivals_; }
    bool showingChoices() const;
    // The last outcome shown (tests).
    const checkin::CheckinOutcome& outcome() const { return outcome_; }
    bool showingResult() const;

Q_SIGNALS:
    void outcomeShown(const mk::checkin::CheckinOutcome& outcome);
    // After a card or a face: the list (or the sentence) is on screen.
    void arrivalsShown(const mk::checkin::ArrivalList& list);
    void ticketPrinted(bool ok);

protected:
    void hideEvent(QHideEvent* event) override;

private:
    void listen(bool on);
    void listenDevices(bool on);
    void setScanMessage(const QString& text);
    void onCardInserted(const mk::hw::CardInfo& card);
    void startCheckIn(const QFuture<checkin::CheckinOutcome>& future);
    void watchArrivals(const QFuture<checkin::ArrivalList>& future);
    void showArrivals(const checkin::ArrivalList& list);
    void loadDepartmentNames();
    void show(const checkin::CheckinOutcome& outcome);
    void showDetails();
    void printAndSpeak();
    void onConfirmed(const QString& appointment_id, int visit_number, int provisional_number);
    bool printerReady() const;

    CheckinDevices devices_;
    hw::QrScanner* own_wedge_ = nullptr;
    bool listening_ = false;
    bool face_available_ = false;
    bool face_pending_ = false;
    checkin::ArrivalList arrivals_;
    bool busy_ = false;
    checkin::CheckinOutcome outcome_;
    QString department_name_;
    QString doctor_name_;
    bool printer_failed_ = false;

    QStackedWidget* pages_ = nullptr;
    QLabel* scan_title_ = nullptr;
    QLabel* scan_picture_ = nullptr;
    ScanPreview* preview_ = nullptr;
    ArrivalListPage* choices_ = nullptr;
    QPushButton* face_ = nullptr;
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
