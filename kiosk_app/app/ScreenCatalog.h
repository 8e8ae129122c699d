// The one list of the kiosk's screens and states (issue 12), walked through the real window
// against the demo simulator: booking (keypad entry of P00001001 / 19850312, the child choice,
// General Pediatrics, any doctor, the first day with free slots, the slot grid, confirm, result),
// face sign-in (consent and each phase of FaceIdentifyScreen) and the idle "Need more time?"
// prompt (ScreenCatalogFace.cpp), payment (ScreenCatalogPay.cpp), check-in, the offline banner, a
// pool error and the staff screens (ScreenCatalogCheckin.cpp). For each pass (language x kiosk size
// x mode) it brings the window into each state, waits until the screen has finished loading and
// calls the visitor with the state's name. Two visitors use it: the screenshot command
// (ScreenshotRunner: a PNG per state) and the screen audit (tests/gui/tst_screenaudit: text size,
// targets, contrast, clipping, overlap). Books one appointment for the child in the first pass and
// two per pass for check-in (generated adults pat-1100...; docs/demo-data.md).
#pragma once

#include "core/fhir/FhirTypes.h"
#include "core/payment/PaymentTypes.h"

#include <QDate>
#include <QDateTime>
#include <QFuture>
#include <QImage>
#include <QObject>
#include <QSize>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

namespace mk::booking {
class BookingService;
}
namespace mk::checkin {
class CheckinService;
}
namespace mk::outbox {
class Outbox;
}
namespace mk::ui {
class KioskWindow;
}

namespace mk::app {

// What the catalog drives. checkin/outbox/simulator may be absent: their states are then left out.
struct CatalogServices {
    ui::KioskWindow* window = nullptr;
    booking::BookingService* booking = nullptr;
    checkin::CheckinService* checkin = nullptr;
    outbox::Outbox* outbox = nullptr;
    QUrl simulator;  // the demo simulator's root (for /_sim/faults): the offline states
    // The face states (ScreenCatalogFace.cpp) need the face screens installed (for pictures:
    // KioskApp::installPictureFace); this frame is the camera preview they show (null: a drawn
    // stand-in, the same in every run).
    QImage face_frame;
};

// One walk: language (zh_CN | en), window size, elder mode.
struct CatalogPass {
    QString language;
    QSize size;
    bool elder = false;
    QString name() const;  // e.g. "zh_CN/1080x1920" or "en/1920x1080-elder"
};

class ScreenCatalog : public QObject
{
    Q_OBJECT
public:
    // Called in each state with its name; false stops the walk (the visitor says why).
    using Visitor = std::function<bool(const QString& state)>;

    explicit ScreenCatalog(const CatalogServices& services);

    // Both languages x portrait 1080x1920 and landscape 1920x1080, in normal mode, then the same
    // in elder mode when the window has it.
    static QList<CatalogPass> passes();
    static bool elderModeAvailable();

    // Walks every state of one pass (nested event loops; tools and tests only). False with
    // failure() when a state could not be reached or the visitor refused.
    bool walk(const CatalogPass& pass, const Visitor& visitor);
    QString failure() const { return failure_; }
    void setFailure(const QString& why) { failure_ = why; }

private:
    bool visit(const QString& state);
    bool walkBooking();
    bool waitUntil(const std::function<bool()>& condition, int timeout_ms);
    bool waitScreen(int screen_id);  // shown and no longer loading
    void settle(int ms);
    bool click(const QString& object_name);
    bool typeOnKeypad(const QString& text);
    bool prepareData();
    bool bookOnce();
    // ScreenCatalogPay.cpp: the payment screens (issue 9) against the demo simulator's seeded
    // bills (docs/pool-protocol.md "Payments"); pays the first child's bills once (first pass).
    bool walkPay();
    bool identifyForPay(const QString& number, const QString& birth_digits);
    bool waitPay(const std::function<bool()>& condition, const QString& what);
    // ScreenCatalogCheckin.cpp: check-in states, offline banner, pool error, staff screens.
    bool walkCheckin();
    bool walkOffline();
    bool walkStaff();
    // ScreenCatalogFace.cpp: face sign-in (consent, challenge, identify, digits, failures,
    // lockout) and the idle "Need more time?" prompt.
    bool walkFace();
    bool walkIdleWarning();
    bool faceState(int phase, const QString& state, bool wrong_digits = false);
    QImage faceFrame() const;
    std::optional<fhir::Appointment> bookFor(const QString& patient_id);
    bool setFault(const QString& mode);  // the simulator's /_sim/faults ("none" clears)
    bool scan(const QString& code, const QDateTime& clock, const QString& what);
    void setHeaderClock(const QDateTime& clock);  // invalid: the real clock
    template<typename T>
    std::optional<T> await(QFuture<T> future);

    CatalogServices services_;
    ui::KioskWindow& window_;
    booking::BookingService& service_;
    Visitor visitor_;
    QString failure_;
    int pass_index_ = -1;

    std::optional<fhir::Department> department_;
    QList<fhir::Doctor> doctors_;
    QDate day_;
    std::optional<fhir::Slot> slot_;
    QList<fhir::Slot> spare_slots_;  // further free slots for the check-in appointments
    std::optional<fhir::Appointment> appointment_;
    QList<payment::Receipt> receipts_;  // of the payment made in the first pass
    qint64 dead_letter_ = 0;            // outbox id of the refused provisional check-in
};

}  // namespace mk::app
