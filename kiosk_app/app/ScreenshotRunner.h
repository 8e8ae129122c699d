// medkiosk --demo --screenshots DIR: for each language (zh_CN, en) and each kiosk size
// (1080x1920 portrait, 1920x1080 landscape) drives the real booking flow against the demo
// simulator - keypad entry of P00001001 / 19850312 on the Identify screen, the child choice,
// General Pediatrics, any doctor, the first day with free slots, the slot grid, confirm, result -
// waits until each screen has finished loading and saves the window as
// DIR/<lang>/<W>x<H>/<NN>-<screen>.png. Books exactly one appointment per run (the first pass);
// the other passes show the same appointment on the result screen.
#pragma once

#include "core/fhir/FhirTypes.h"
#include "core/payment/PaymentTypes.h"

#include <QDate>
#include <QFuture>
#include <QObject>
#include <QSize>
#include <QStringList>

#include <functional>
#include <optional>

namespace mk::booking {
class BookingService;
}
namespace mk::ui {
class KioskWindow;
}

namespace mk::app {

class ScreenshotRunner : public QObject
{
    Q_OBJECT
public:
    ScreenshotRunner(ui::KioskWindow& window, booking::BookingService& service, QString dir);

    // Runs every pass (nested event loops; only for this tool). 0 when all screens were saved.
    int run();
    QStringList files() const { return files_; }

private:
    bool runPass(const QString& lang, const QSize& size);
    bool waitUntil(const std::function<bool()>& condition, int timeout_ms);
    bool waitScreen(int screen_id);  // shown and no longer loading
    void settle(int ms);
    bool grab(const QString& name);
    bool click(const QString& object_name);
    bool typeOnKeypad(const QString& text);
    bool prepareData();
    bool bookOnce();
    // ScreenshotRunnerPay.cpp: the payment screens (issue 9) against the demo simulator's seeded
    // bills (docs/pool-protocol.md "Payments"); pays the first child's bills once (first pass).
    bool runPayPass();
    bool identifyForPay(const QString& number, const QString& birth_digits);
    bool waitPay(const std::function<bool()>& condition, const QString& what);
    template<typename T>
    std::optional<T> await(QFuture<T> future);

    ui::KioskWindow& window_;
    booking::BookingService& service_;
    QString dir_;
    QString pass_dir_;
    int index_ = 0;
    QStringList files_;
    QString failure_;

    std::optional<fhir::Department> department_;
    QList<fhir::Doctor> doctors_;
    QDate day_;
    std::optional<fhir::Slot> slot_;
    std::optional<fhir::Appointment> appointment_;
    QList<payment::Receipt> receipts_;  // of the payment made in the first pass
};

}  // namespace mk::app
