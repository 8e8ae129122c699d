// The start-up sequence of medkiosk: command line, configuration, the encrypted store (refusing
// to run without SQLCipher, never wiping a store it cannot open), the demo simulator, the pool
// client, the booking service and the window; then the optional screenshot run or start-up
// benchmark. Exit codes: 0 fine, 1 usage, 2 configuration, 3 store, 4 demo simulator.
#pragma once

#include "core/config/KioskConfig.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFuture>
#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QStringList>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>

class QThreadPool;

namespace mk::booking {
class BookingService;
}
namespace mk::checkin {
class CheckinService;
}
namespace mk::face {
class FaceEngine;
class SqlTemplateStore;
}  // namespace mk::face
namespace mk::hw {
class Camera;
class PrinterSimulator;
class ReceiptPrinter;
class Speaker;
}  // namespace mk::hw
namespace mk::payment {
class PaymentService;
}
namespace mk::outbox {
class Outbox;
class PoolCommandSender;
class Relay;
}  // namespace mk::outbox
namespace mk::identity {
class AccessTokens;
class KioskIdentity;
}  // namespace mk::identity
namespace mk::pool {
class HttpTransport;
class PoolClient;
}  // namespace mk::pool
namespace mk::staff {
class Maintenance;
class StaffAudit;
class StaffPin;
}  // namespace mk::staff
namespace mk::store {
class Store;
}
namespace mk::ui {
class KioskWindow;
struct FaceServices;
struct PayServices;
struct StaffServices;
}  // namespace mk::ui

namespace mk::app {

class DemoPool;
class UnixSignals;
class ScreenshotRunner;

class KioskApp : public QObject
{
    Q_OBJECT
public:
    // kExitShutdownOverrun: ShutdownWatchdog ended a shutdown that did not finish in time.
    enum ExitCode {
        kExitOk = 0,
        kExitUsage = 1,
        kExitConfig = 2,
        kExitStore = 3,
        kExitDemo = 4,
        kExitShutdownOverrun = 5
    };
    // Face sign-in (issue 5): Off (not enabled, or the models are missing or damaged), Loading
    // (the models load on a worker thread after the window is shown), On (the face screens are
    // installed and Home shows the face button).
    enum class FaceState { Off = 0, Loading, On };

    struct Options {
        bool demo = false;
        QString config_path;
        QString language;  // empty: from the configuration
        QString screenshots_dir;
        bool bench_startup = false;
        bool windowed = false;
    };

    KioskApp();
    ~KioskApp() override;

    // Parses arguments and builds everything. Returns an exit code to leave with at once, or -1
    // to run the event loop.
    int start(const QStringList& arguments);
    // Tears down after the event loop, bounded whatever a device does: pool requests under way
    // aborted (pool::CurlTransport::abortRequests), window, face, relay, check-in, outbox, booking
    // service, store (closed first: nothing is lost), the camera, then the devices (until
    // kDeviceStopMs after the start of shutdown, at least kDeviceMinStopMs each; then abandoned:
    // hw::ThreadJoin), then the demo simulator. What cannot be abandoned (the camera stopping on
    // this thread) is bounded by a ShutdownWatchdog (kShutdownWatchdogMs, then _Exit with
    // kExitShutdownOverrun). The whole shutdown stays within kShutdownBoundMs of SIGTERM
    // (tst_medkiosk_app::sigtermEndsWithinTheBound, sigtermDuringAPoolRequest; docs/hardware.md).
    void shutdown();
    static constexpr int kFaceStopMs = 1000;
    static constexpr int kDeviceStopMs = 2500;
    static constexpr int kDeviceMinStopMs = 250;
    static constexpr int kShutdownBoundMs = 5000;
    // Shutdown still running this long after it started: ShutdownWatchdog ends the process
    // (what no deadline can interrupt: a camera stopping on the UI thread).
    static constexpr int kShutdownWatchdogMs = 4500;

    // The demo state folder: ~/.local/state/medkiosk-demo ($XDG_STATE_HOME respected).
    static QString demoStateDir();

    // For tests that run the kiosk in-process (the app library): null before start().
    ui::KioskWindow* window() const { return window_.get(); }
    booking::BookingService* service() const { return service_.get(); }
    FaceState faceState() const { return face_state_; }
    QString faceOffReason() const { return face_off_reason_; }  // why Off; empty otherwise
    checkin::CheckinService* checkin() const { return checkin_.get(); }
    outbox::Outbox* outbox() const { return outbox_.get(); }
    QUrl demoPoolRoot() const;  // --demo: the simulator's root (for /_sim/); empty otherwise
    // The face screens for the screen catalog's pictures (the screenshot command, the screen
    // audit; issue 12) while face sign-in is off: installed without models or a camera (they
    // identify nobody; ScreenCatalog shows each phase with FaceIdentifyScreen::showPicture), the
    // template store on the kiosk's store (the consent screen offers). False when face sign-in
    // is on or loading, or there is no window yet.
    bool installPictureFace();
    // A camera frame for those pictures: the demo person's photo from the models folder (as the
    // demo camera shows it), or a null image when it is not there.
    QImage pictureFaceFrame() const;

Q_SIGNALS:
    void faceStateChanged();

private:
    struct FaceLoad {  // what the worker thread made: the engine, or why not
        std::shared_ptr<face::FaceEngine> engine;
        QString error;
    };

    int parse(const QStringList& arguments, Options* options);
    int openStore(const QString& store_path, const QString& key_file);
    int startDemo(const QString& state_dir);
    // The kiosk's identity key (issue 15, docs/identity.md): loaded, or made at first start.
    // In demo mode it lives in the demo state folder and its JWKS is handed to the simulator.
    void loadIdentity(const QString& key_file, const QString& credentials_dir);
    // The access tokens, the authorising transport under the pool client and the outbox sender,
    // and a first token request off the UI thread.
    void startAuth();
    void showWindow();
    // The outbox relay (to the simulator in demo, else pool/base_url), feeding the window's
    // connectivity indicator, and the staff maintenance mode (docs/maintenance.md).
    void startOutboxAndStaff();
    void startCheckin();                      // KioskAppCheckin.cpp, after the outbox
    void startConfiguredPrinterAndSpeaker();  // KioskAppCheckin.cpp: [devices] printer, speech
    void startPayment();  // KioskAppPay.cpp, after check-in (its printer and speaker)
    // KioskAppFace.cpp: reads [face]; after the window is shown, loads the models on a worker
    // thread, then installs the face screens (onFaceLoaded, UI thread).
    void startFace();
    void onFaceLoaded(const FaceLoad& load);
    void faceOff(const QString& why, bool tell);  // tell: the one stderr + log line
    void purgeFaceTemplates();
    // In shutdown(), after the window: a model load under way (dlib cannot be interrupted) is
    // waited for until the deadline, then abandoned (hw::ThreadJoin).
    void stopFace(QDeadlineTimer deadline);
    void benchStartup();

    Options options_;
    config::KioskConfig config_;
    std::unique_ptr<DemoPool> simulator_;  // --demo: the medkiosk-poolsim child process
    std::unique_ptr<store::Store> store_;
    std::shared_ptr<pool::HttpTransport> plain_transport_;  // under the token requests
    std::shared_ptr<identity::AccessTokens> tokens_;
    std::unique_ptr<identity::KioskIdentity> identity_;  // null: no usable key
    QString identity_error_;
    QString identity_key_file_;
    bool identity_from_credential_ = false;
    std::shared_ptr<pool::PoolClient> client_;
    std::unique_ptr<booking::BookingService> service_;
    std::unique_ptr<outbox::Outbox> outbox_;
    std::unique_ptr<outbox::PoolCommandSender> command_sender_;
    std::unique_ptr<outbox::Relay> relay_;
    std::unique_ptr<staff::StaffAudit> staff_audit_;
    std::unique_ptr<staff::StaffPin> staff_pin_;
    std::unique_ptr<staff::Maintenance> maintenance_;
    std::unique_ptr<ui::StaffServices> staff_services_;
    // Check-in (KioskAppCheckin.cpp): the service, and in demo mode the printer simulator
    // (tickets as PNGs in the demo state folder) and the speaker.
    std::unique_ptr<checkin::CheckinService> checkin_;
    std::unique_ptr<hw::PrinterSimulator> printer_sim_;
    std::unique_ptr<hw::ReceiptPrinter> printer_;
    std::unique_ptr<hw::Speaker> speaker_;
    // Payment (KioskAppPay.cpp, issue 9); the services outlive the window.
    std::unique_ptr<payment::PaymentService> payment_;
    std::unique_ptr<ui::PayServices> pay_services_;
    // Face sign-in (KioskAppFace.cpp); the services outlive the window.
    std::shared_ptr<face::FaceEngine> face_engine_;
    std::unique_ptr<face::SqlTemplateStore> face_store_;
    std::unique_ptr<hw::Camera> face_camera_;
    std::unique_ptr<ui::FaceServices> face_services_;
    QFuture<FaceLoad> face_loading_;
    std::unique_ptr<QFutureWatcher<FaceLoad>> face_load_watcher_;  // delivers it to this
    QThreadPool* face_load_pool_ = nullptr;  // owned; abandoned when a load outlasts shutdown
    QTimer* face_purge_timer_ = nullptr;
    FaceState face_state_ = FaceState::Off;
    QString face_off_reason_;
    std::unique_ptr<ui::KioskWindow> window_;
    std::unique_ptr<ScreenshotRunner> screenshots_;
    UnixSignals* signals_ = nullptr;
    std::unique_ptr<QTemporaryDir> temp_state_;  // screenshot runs: a fresh demo state
    QString demo_state_dir_;  // --demo: where the store, pool/, tickets/ and reports/ live
};

}  // namespace mk::app
