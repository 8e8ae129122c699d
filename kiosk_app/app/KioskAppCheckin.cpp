// Check-in wiring of the kiosk (issue 4, issue 12): CheckinService over the pool client (its
// lookups over the kiosk's authorised transport), the store and the outbox; the pool public key
// from [checkin] pool_public_key_file, or in demo mode from the simulator; the scanners, camera
// and card reader of [devices] (CheckinDeviceSet, owned by the window); face sign-in started on
// the check-in screen comes back to it; in demo mode a printer simulator writing ticket PNGs to
// <demo state>/tickets and the speaker.
#include "DemoPool.h"
#include "KioskApp.h"
#include "core/booking/BookingService.h"
#include "core/checkin/CheckinService.h"
#include "core/common/Log.h"
#include "core/common/SafeFile.h"
#include "core/outbox/Relay.h"
#include "core/pool/AuthTransport.h"
#include "hw/printer/PrinterConfig.h"
#include "hw/printer/PrinterSimulator.h"
#include "hw/printer/ReceiptPrinter.h"
#include "hw/speech/Speaker.h"
#include "hw/speech/SpeakerConfig.h"
#include "ui/KioskWindow.h"
#include "ui/checkin/CheckinDeviceSet.h"
#include "ui/checkin/CheckinFaceLink.h"
#include "ui/screens/CheckinScreen.h"

#include <QDir>
#include <QSettings>

namespace mk::app {

void KioskApp::startCheckin()
{
    auto options = checkin::CheckinOptions::fromSettings(options_.config_path, config_.kiosk_id);
    if (!options) {
        qCWarning(lcUi) << "check-in disabled:" << options.error().detail;
        return;
    }
    checkin::CheckinOptions o = options.value();
    o.timezone = config_.pool.timezone;
    ui::CheckinDevices devices;
    if (options_.demo && simulator_) {
        o.pool_public_key_pem = simulator_->checkinPublicKeyPem();
        o.hospital_id = simulator_->checkinIssuer();
        printer_sim_ = std::make_unique<hw::PrinterSimulator>();
        // The demo's own state (a temporary folder for --screenshots), private like the store.
        const QString tickets = demo_state_dir_ + QStringLiteral("/tickets");
        if (Status made = SafeFile::makePrivateFolder(tickets); made)
            printer_sim_->setOutputDir(tickets);
        else
            qCWarning(lcUi) << "demo tickets not saved as pictures:" << made.error().detail;
        if (printer_sim_->listenTcp()) {
            hw::PrinterConfig pc;
            pc.transport = hw::PrinterConfig::Transport::Tcp;
            pc.tcp_port = printer_sim_->tcpPort();
            printer_ = std::make_unique<hw::ReceiptPrinter>(pc);
            printer_->start();
            devices.printer = printer_.get();
        }
        speaker_ = std::make_unique<hw::Speaker>(hw::SpeakerConfig{});
        speaker_->start();
        devices.speaker = speaker_.get();
    } else {
        startConfiguredPrinterAndSpeaker();
        devices.printer = printer_.get();
        devices.speaker = speaker_.get();
    }
    // The scanners, the camera and the card reader of [devices], all listened to at once.
    auto set = ui::CheckinDeviceSet::fromSettings(options_.config_path);
    for (const QString& problem : set->problems())
        qCWarning(lcUi).noquote() << "check-in devices:" << problem;
    set->start();
    devices.wedge = set->wedge() != nullptr;
    devices.scanner = set->wedge();
    devices.serial = set->serial();
    devices.camera_scanner = set->cameraScanner();
    devices.camera = set->camera();
    devices.card = set->cardReader();
    set.release()->setParent(window_.get());  // lives as long as the screen that uses it

    checkin_ = std::make_unique<checkin::CheckinService>(
        client_, *store_, *outbox_, o, nullptr,
        std::make_unique<pool::AuthTransport>(plain_transport_, tokens_));
    checkin_->attachRelay(relay_.get());
    connect(service_.get(), &booking::BookingService::onlineChanged, checkin_.get(),
            &checkin::CheckinService::setOnline);
    (void)checkin_->reconcile();
    devices.service = checkin_.get();
    window_->installCheckin(devices);

    // Face sign-in started from the check-in screen ends on it, with that patient's appointments.
    connect(this, &KioskApp::faceStateChanged, this, [this] {
        // Also emitted while shutting down (stopFace), after the window is gone.
        if (window_ != nullptr) (void)ui::linkFaceToCheckin(*window_);
    });
}

// A kiosk outside the demo prints and speaks through the [devices] printer and speech of its
// configuration (kiosk.ini.example); "none", or no such key, leaves that device out.
void KioskApp::startConfiguredPrinterAndSpeaker()
{
    QSettings settings(options_.config_path, QSettings::IniFormat);
    const hw::PrinterConfig printer = hw::PrinterConfig::fromSettings(settings);
    const hw::SpeakerConfig speech = hw::SpeakerConfig::fromSettings(settings);
    for (const QString& problem : printer.problems + speech.problems)
        qCWarning(lcUi).noquote() << "devices:" << problem;
    if (printer.transport != hw::PrinterConfig::Transport::None &&
        printer.transport != hw::PrinterConfig::Transport::Unset) {
        printer_ = std::make_unique<hw::ReceiptPrinter>(printer);
        printer_->start();
    }
    if (!speech.engine.isEmpty() && speech.engine != QLatin1String("none")) {
        speaker_ = std::make_unique<hw::Speaker>(speech);
        speaker_->start();
    }
}

}  // namespace mk::app
