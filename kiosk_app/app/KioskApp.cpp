#include "KioskApp.h"

#include "DemoPool.h"
#include "ScreenshotRunner.h"
#include "ShutdownWatchdog.h"
#include "StartupClock.h"
#include "SystemdNotifier.h"
#include "UnixSignals.h"
#include "core/booking/BookingService.h"
#include "core/checkin/CheckinService.h"
#include "core/common/Log.h"
#include "core/common/SafeFile.h"
#include "core/config/IniFile.h"
#include "core/face/SqlTemplateStore.h"
#include "core/identity/AccessTokens.h"
#include "core/identity/KioskIdentity.h"
#include "core/outbox/Outbox.h"
#include "core/outbox/PoolCommandSender.h"
#include "core/outbox/Relay.h"
#include "core/payment/PaymentService.h"
#include "core/pool/AuthTransport.h"
#include "core/pool/CurlTransport.h"
#include "core/pool/PoolClient.h"
#include "core/staff/Maintenance.h"
#include "core/staff/StaffAudit.h"
#include "core/staff/StaffPin.h"
#include "core/store/KeyProvider.h"
#include "core/store/Store.h"
#include "core/store/StoreRecovery.h"
#include "core/store/StoreRekey.h"
#include "face_auth/FaceEngine.h"
#include "hw/camera/Camera.h"
#include "hw/printer/PrinterSimulator.h"
#include "hw/printer/ReceiptPrinter.h"
#include "hw/speech/Speaker.h"
#include "ui/KioskWindow.h"
#include "ui/Language.h"
#include "ui/Theme.h"
#include "ui/face/FaceServices.h"
#include "ui/payment/PayServices.h"
#include "ui/staff/StaffServices.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace mk::app {

namespace {
void printError(const QString& text)
{
    std::fprintf(stderr, "medkiosk: %s\n", text.toLocal8Bit().constData());
    std::fflush(stderr);
}
}  // namespace

KioskApp::KioskApp() = default;

KioskApp::~KioskApp()
{
    shutdown();
}

QString KioskApp::demoStateDir()
{
    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    if (base.isEmpty() || !QDir::isAbsolutePath(base))
        base = QDir::homePath() + QStringLiteral("/.local/state");
    return base + QStringLiteral("/medkiosk-demo");
}

int KioskApp::parse(const QStringList& arguments, Options* options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Hospital self-service kiosk: book an appointment."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  tr("Run against a built-in booking-pool simulator with demo data "
                                     "(state in ~/.local/state/medkiosk-demo)."));
    const QCommandLineOption config(
        QStringLiteral("config"),
        tr("Configuration file (default: $MEDKIOSK_CONFIG, else /etc/medkiosk/kiosk.ini when it "
           "exists, else built-in defaults)."),
        QStringLiteral("FILE"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  tr("Start language: zh_CN or en (default from the "
                                     "configuration)."),
                                  QStringLiteral("LANG"));
    const QCommandLineOption shots(QStringLiteral("screenshots"),
                                   tr("Demo only: drive the booking flow in both languages and "
                                      "both screen sizes, save every screen as PNG under DIR, "
                                      "exit."),
                                   QStringLiteral("DIR"));
    const QCommandLineOption bench(QStringLiteral("bench-startup"),
                                   tr("Print startup_ms=<n> once the start screen is shown and "
                                      "idle, then exit."));
    const QCommandLineOption windowed(QStringLiteral("windowed"),
                                      tr("A normal window instead of full screen."));
    parser.addOptions({demo, config, lang, shots, bench, windowed});
    parser.process(arguments);  // --help / --version / unknown options exit here
    options->demo = parser.isSet(demo);
    options->config_path = config::IniFile::resolve(parser.value(config));
    options->language = parser.value(lang);
    options->screenshots_dir = parser.value(shots);
    options->bench_startup = parser.isSet(bench);
    options->windowed = parser.isSet(windowed);
    if (!options->language.isEmpty() && !ui::Language::isSupported(options->language)) {
        printError(tr("--lang must be zh_CN or en, not \"%1\".").arg(options->language));
        return kExitUsage;
    }
    if (!options->screenshots_dir.isEmpty()) options->demo = true;  // never book on a real pool
    return -1;
}

int KioskApp::start(const QStringList& arguments)
{
    const int parsed = parse(arguments, &options_);
    if (parsed >= 0) return parsed;
    pool::CurlTransport::resumeRequests();  // a kiosk shut down before in this process (tests)

    auto loaded = config::KioskConfig::load(options_.config_path);
    if (!loaded.ok()) {
        printError(tr("the configuration %1 is not valid: %2")
                       .arg(options_.config_path, loaded.error().detail));
        return kExitConfig;
    }
    config_ = loaded.value();
    if (!options_.language.isEmpty()) config_.default_language = options_.language;

    // SQLCipher first (DESIGN §6): without it the "encrypted" store would be plaintext.
    const auto cipher = store::Store::linkedCipherVersion();
    const QString cipher_version = cipher.ok() ? cipher.value() : QString();
    if (!cipher.ok()) {
        printError(tr("this build of medkiosk is not linked with SQLCipher (%1). It refuses to "
                      "run, because the local store would not be encrypted. Reinstall the "
                      "medkiosk package or rebuild it against libsqlcipher.")
                       .arg(cipher.error().detail));
        return kExitStore;
    }

    QString store_path =
        config_.store_path.isEmpty() ? config::KioskConfig::defaultStorePath() : config_.store_path;
    QString key_file = config_.key_file;
    if (options_.demo) {
        QString state_dir = demoStateDir();
        if (!options_.screenshots_dir.isEmpty()) {
            temp_state_ = std::make_unique<QTemporaryDir>();
            if (!temp_state_->isValid()) {
                printError(tr("cannot create a temporary folder for the screenshot run."));
                return kExitDemo;
            }
            state_dir = temp_state_->path();
        }
        store_path = state_dir + QStringLiteral("/store.db");
        key_file = QString();
        // The demo kiosk has its own key in the demo folder, registered with the simulator.
        loadIdentity(identity::KioskIdentity::defaultKeyFile(store_path), QString());
        const int demo_code = startDemo(state_dir);
        if (demo_code >= 0) return demo_code;
    }
    if (key_file.isEmpty()) key_file = store::KeyProvider::defaultKeyFile(store_path);
    const int store_code = openStore(store_path, key_file);
    if (store_code >= 0) return store_code;
    if (!options_.demo)
        loadIdentity(config_.identity_key_file, qEnvironmentVariable("CREDENTIALS_DIRECTORY"));

    if (config_.pool.base_url.isEmpty()) {
        printError(tr("no booking pool is configured (pool/base_url in %1); use --demo to try "
                      "the kiosk with its simulator.")
                       .arg(options_.config_path));
        return kExitConfig;
    }
    startAuth();
    client_ = std::make_shared<pool::PoolClient>(
        config_.pool, std::make_unique<pool::AuthTransport>(plain_transport_, tokens_));
    service_ = std::make_unique<booking::BookingService>(client_, store_.get(), config_.rules);

    ui::Theme::apply(*qApp);
    window_ = std::make_unique<ui::KioskWindow>(service_.get(), config_);
    window_->setWindowTitle(tr("Hospital kiosk"));
    startOutboxAndStaff();
    startCheckin();
    startPayment();

    signals_ = new UnixSignals(this);
    if (signals_->install()) {
        connect(signals_, &UnixSignals::quitRequested, qApp, [] {
            qCInfo(lcUi) << "signal received: quitting";
            QCoreApplication::quit();
        });
    }
    showWindow();
    startFace();  // after the window: the models load on a worker thread
    qCInfo(lcUi).noquote() << "SQLCipher" << cipher_version << "- booking pool"
                           << config_.pool.base_url.toString(QUrl::RemoveUserInfo)
                           << (options_.demo ? "(demo simulator)" : "");

    return -1;
}

int KioskApp::startDemo(const QString& state_dir)
{
    const QString pool_dir = state_dir + QStringLiteral("/pool");
    // The simulator's state holds check-in tokens: 0700 folders (its files are 0600).
    if (Status made = SafeFile::makePrivateFolder(pool_dir); !made) {
        printError(tr("cannot create the demo folder %1: %2.").arg(pool_dir, made.error().detail));
        return kExitDemo;
    }
    demo_state_dir_ = state_dir;
    simulator_ = std::make_unique<DemoPool>();
    QString error;
    QString jwks_file;
    if (identity_) {
        // The simulator registers the demo kiosk's public keys at start (docs/identity.md).
        jwks_file = pool_dir + QStringLiteral("/kiosk-jwks.json");
        SafeWriteOptions replace;
        replace.replace_existing = true;
        const QByteArray jwks = QJsonDocument(identity_->jwks()).toJson(QJsonDocument::Indented);
        if (Status written = SafeFile::write(jwks_file, jwks, replace); !written) {
            printError(tr("cannot write the demo kiosk's JWKS %1: %2")
                           .arg(jwks_file, written.error().detail));
            return kExitDemo;
        }
    }
    if (!simulator_->start(pool_dir, jwks_file, config_.kiosk_id, &error)) {
        printError(tr("the demo booking-pool simulator did not start: %1").arg(error));
        return kExitDemo;
    }
    config_.pool.base_url = simulator_->baseUrl();
    return -1;
}

void KioskApp::loadIdentity(const QString& key_file, const QString& credentials_dir)
{
    identity_key_file_ = key_file;
    auto loaded = identity::KioskIdentity::load(key_file, credentials_dir, true);
    if (!loaded) {
        // The kiosk still starts, out of service with one sentence for staff (never the key).
        identity_error_ = loaded.error().detail;
        printError(tr("STAFF: this kiosk's identity key cannot be used: %1. The kiosk is out of "
                      "service until IT fixes it (docs/identity.md).")
                       .arg(identity_error_));
        return;
    }
    identity_ = std::make_unique<identity::KioskIdentity>(loaded.value());
    identity_from_credential_ = identity_->source() == identity::KioskIdentity::Source::Credential;
    qCInfo(lcPool).noquote() << "identity:" << identity_->sourceText() << "kid"
                             << identity_->current().kid();
}

void KioskApp::startAuth()
{
    pool::TransportOptions transport;
    transport.ca_file = config_.pool.ca_file;
    transport.connect_timeout_ms = config_.pool.connect_timeout_ms;
    transport.request_timeout_ms = config_.pool.request_timeout_ms;
    transport.max_reply_bytes = config_.pool.max_reply_bytes;
    plain_transport_ = std::make_shared<pool::CurlTransport>(transport);
    identity::AuthOptions auth;
    auth.client_id = config_.kiosk_id;
    auth.base_url = config_.pool.base_url;
    auth.token_url = config_.pool.token_url;
    auth.key_file = identity_from_credential_ ? QString() : identity_key_file_;
    Result<identity::KioskIdentity> id =
        identity_ ? Result<identity::KioskIdentity>(*identity_)
                  : Result<identity::KioskIdentity>(makeError(ErrorCode::Config, identity_error_));
    tokens_ = std::make_shared<identity::AccessTokens>(auth, id, plain_transport_);
    // Know at once whether the pool accepts the kiosk (off the UI thread).
    QThreadPool::globalInstance()->start([tokens = tokens_] { (void)tokens->token(); });
}

int KioskApp::openStore(const QString& store_path, const QString& key_file)
{
    const QString folder = QFileInfo(store_path).absolutePath();
    if (!QDir().mkpath(folder)) {
        printError(tr("cannot create the folder of the local store %1. Staff: check the "
                      "permissions of the state directory.")
                       .arg(folder));
        return kExitStore;
    }
    // A new key only for a new store: a store without its key (a typo in store/key_file, a
    // missing credential) must stop the kiosk with everything left in place, never be set aside
    // for an empty store under a key made up now.
    const bool store_exists = QFileInfo::exists(store_path) ||
                              QFileInfo::exists(store_path + QStringLiteral("-wal")) ||
                              QFileInfo(store_path).isSymLink();
    const QString credentials = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    store::KeyProvider::Source source{};
    auto key = store_exists ? store::KeyProvider::loadExisting(key_file, credentials, &source)
                            : store::KeyProvider::load(key_file, credentials, &source);
    if (!key.ok()) {
        if (store_exists) {
            printError(tr("STAFF: the local store %1 exists but its key cannot be loaded: %2. "
                          "Nothing was changed and no new key was made. Restore the key file "
                          "(or correct store/key_file in the configuration, or provide the "
                          "systemd credential %3), then start the kiosk again.")
                           .arg(store_path, key.error().detail,
                                QLatin1String(store::KeyProvider::kCredentialName)));
        } else {
            printError(tr("the key of the local store could not be loaded: %1. Staff: check the "
                          "key file or the systemd credential; the store was not touched.")
                           .arg(key.error().detail));
        }
        return kExitStore;
    }
    // A key rotation under way (medkioskctl store rekey): finished if this is its new key,
    // otherwise stop here, before the store is opened, and say what finishes it.
    if (Status rotation = store::StoreRekey::checkInterrupted(
            store_path, key.value(), source == store::KeyProvider::Source::Credential);
        !rotation) {
        printError(tr("STAFF: the kiosk cannot start: %1").arg(rotation.error().detail));
        return kExitStore;
    }
    auto opened = store::Store::open(store_path, key.value());
    const QString pending_key = store::StoreRekey::pendingKeyFile(key_file);
    if (!opened.ok() && QFileInfo::exists(pending_key)) {
        // An interrupted key rotation: the store may need the new key. Never set it aside.
        printError(tr("STAFF: the local store %1 cannot be read with its key, and a key rotation "
                      "was interrupted (%2 exists). Nothing was changed. IT: run \"medkioskctl "
                      "store rekey\" to finish the rotation, then start the kiosk again.")
                       .arg(store_path, pending_key));
        return kExitStore;
    }
    if (!opened.ok()) {
        // A file this key cannot read (another key, not a store, damaged) is moved aside for IT
        // to recover, never wiped, and the kiosk goes on with a new store. Anything else (busy,
        // permissions, disk) is not the file's fault: refuse to start and leave it alone.
        QString why;
        if (store::StoreRecovery::diagnose(store_path, key.value(), &why) ==
            store::StoreRecovery::Verdict::Unreadable) {
            auto moved = store::StoreRecovery::moveAside(store_path, QDateTime::currentDateTime());
            if (moved.ok()) {
                printError(tr("STAFF: the local store %1 could not be read with its key (%2). "
                              "It was moved aside to %3 and nothing was deleted: it may hold "
                              "check-ins not yet sent. To recover it, IT stops the kiosk, puts "
                              "the key that store was made with in place, and renames %3 back "
                              "to %1 (with its -wal and -shm files if present); \"medkioskctl "
                              "store check\" then says whether it reads. The kiosk goes on with "
                              "a new, empty store.")
                               .arg(store_path, why, moved.value()));
                opened = store::Store::open(store_path, key.value());
            }
        }
    }
    if (!opened.ok()) {
        printError(tr("the local store %1 could not be opened: %2. Never delete it: it may "
                      "hold check-ins and payments not yet sent. Staff: run \"medkioskctl store "
                      "check\" and call IT support.")
                       .arg(store_path, opened.error().detail));
        return kExitStore;
    }
    store_ = std::move(opened).value();
    return -1;
}

QUrl KioskApp::demoPoolRoot() const
{
    if (!simulator_) return {};
    return simulator_->baseUrl().resolved(QUrl(QStringLiteral("/")));
}

void KioskApp::showWindow()
{
    if (!options_.screenshots_dir.isEmpty()) {
        window_->show();
        installPictureFace();  // the face screens are pictured too (no models, no camera)
        CatalogServices services;
        services.window = window_.get();
        services.face_frame = pictureFaceFrame();
        services.booking = service_.get();
        services.checkin = checkin_.get();
        services.outbox = outbox_.get();
        services.simulator = demoPoolRoot();
        screenshots_ = std::make_unique<ScreenshotRunner>(services, options_.screenshots_dir);
        QTimer::singleShot(0, screenshots_.get(), [this] {
            const int code = screenshots_->run();
            QCoreApplication::exit(code);
        });
        return;
    }
    if (options_.windowed) {
        window_->resize(1080, 1920);
        window_->show();
    } else {
        window_->showFullScreen();
    }
    if (options_.bench_startup) {
        // Shown; the next zero-timer runs once the event loop has handled what showing queued.
        QTimer::singleShot(0, this, &KioskApp::benchStartup);
    }
    // systemd (Type=notify, medkiosk.service): READY=1 once the first screen is on the display
    // at its full size, then the watchdog pings from this thread's event loop.
    if (SystemdNotifier::enabled()) {
        auto* notifier = new SystemdNotifier(this);
        notifier->readyWhenShown(*window_);
    }
}

void KioskApp::benchStartup()
{
    std::printf("startup_ms=%lld\n", static_cast<long long>(StartupClock::sinceProcessMs()));
    std::printf("main_to_idle_ms=%lld\n", static_cast<long long>(StartupClock::sinceMainMs()));
    std::printf("clock=process-start-from-/proc/self/stat-starttime\n");
    std::fflush(stdout);
    QCoreApplication::exit(kExitOk);
}

void KioskApp::startOutboxAndStaff()
{
    outbox_ = std::make_unique<outbox::Outbox>(*store_);
    command_sender_ = std::make_unique<outbox::PoolCommandSender>(
        config_.pool.base_url, std::make_unique<pool::AuthTransport>(plain_transport_, tokens_));
    relay_ = std::make_unique<outbox::Relay>(*outbox_, *command_sender_, outbox::RelayOptions{});
    connect(relay_.get(), &outbox::Relay::statusChanged, window_.get(),
            &ui::KioskWindow::setQueueStatus);
    // The kiosk's standing with the pool: header, out-of-service screen, and the relay sends
    // what waited as soon as the kiosk is accepted again.
    window_->setAuthStatus(tokens_->status());
    connect(tokens_.get(), &identity::AccessTokens::statusChanged, window_.get(),
            &ui::KioskWindow::setAuthStatus);
    connect(tokens_.get(), &identity::AccessTokens::statusChanged, relay_.get(),
            [relay = relay_.get()](const identity::AuthStatus& s) {
                if (s.state == identity::AuthState::Authorised) relay->recheckNow();
            });
    relay_->start();

    staff_audit_ = std::make_unique<staff::StaffAudit>(*store_, config_.kiosk_id);
    staff_pin_ = std::make_unique<staff::StaffPin>(*store_, config_.kiosk_id);
    maintenance_ = std::make_unique<staff::Maintenance>(*outbox_, *staff_audit_);
    maintenance_->setStoreFolder(QFileInfo(store_->path()).absolutePath());
    staff_services_ = std::make_unique<ui::StaffServices>();
    staff_services_->pin = staff_pin_.get();
    staff_services_->auth_status = [tokens = tokens_] { return tokens->status(); };
    staff_services_->auth_retry = [tokens = tokens_] {
        tokens->retryNow();
        QThreadPool::globalInstance()->start([tokens] { (void)tokens->token(); });
    };
    staff_services_->maintenance = maintenance_.get();
    staff_services_->report_folder = options_.demo
                                         ? demo_state_dir_ + QStringLiteral("/reports")
                                         : staff::Maintenance::defaultReportFolder(QString());
    window_->installStaffMode(*staff_services_);
}

void KioskApp::shutdown()
{
    if (auto* notifier = findChild<SystemdNotifier*>()) notifier->stopping();
    // Bounded (docs/hardware.md, "Shutdown"): what is durable (relay, check-in, outbox, store) is
    // closed first; the device threads have until kDeviceStopMs after the start of shutdown (at
    // least kDeviceMinStopMs each) and are abandoned after that, so a device library that never
    // returns (libspeechd, a printer driver) cannot hold the kiosk.
    const QDeadlineTimer devices_deadline(kDeviceStopMs);
    const auto deviceDeadline = [&devices_deadline] {
        return std::max(devices_deadline, QDeadlineTimer(kDeviceMinStopMs));
    };
    // What cannot be abandoned (the camera, on this thread) is bounded by the watchdog.
    ShutdownWatchdog watchdog{std::chrono::milliseconds(kShutdownWatchdogMs), kExitShutdownOverrun};
    // The pool requests under way (relay, check-in, booking, token) end now rather than at the
    // pool's timeout; an unsent command stays in the outbox for the next start.
    pool::CurlTransport::abortRequests();
    watchdog.setStep(QStringLiteral("window, face, workers, store"));
    screenshots_.reset();
    window_.reset();
    stopFace(QDeadlineTimer(kFaceStopMs));         // the face services outlived the window
    QThreadPool::globalInstance()->waitForDone();  // staff screens' store calls
    // Payments before the relay they are attached to; waits for its workers.
    payment_.reset();
    pay_services_.reset();
    relay_.reset();    // joins its worker
    checkin_.reset();  // waits for its workers
    staff_services_.reset();
    maintenance_.reset();
    staff_pin_.reset();
    staff_audit_.reset();
    command_sender_.reset();
    outbox_.reset();
    service_.reset();  // joins its workers
    client_.reset();
    tokens_.reset();
    plain_transport_.reset();
    store_.reset();  // closed: nothing below can lose a check-in or a payment
    // The camera after the store: Qt Multimedia stops it on this thread, which no deadline can
    // interrupt (a driver that does not answer: the watchdog ends the process at its bound).
    watchdog.setStep(QStringLiteral("camera"));
    if (face_camera_) face_camera_->stop();
    face_camera_.reset();
    watchdog.setStep(QStringLiteral("devices"));
    if (speaker_) speaker_->stop(deviceDeadline());
    if (printer_) printer_->stop(deviceDeadline());
    speaker_.reset();
    printer_.reset();
    printer_sim_.reset();
    watchdog.setStep(QStringLiteral("demo simulator"));
    simulator_.reset();  // stops the server, joins its thread
    temp_state_.reset();
}

}  // namespace mk::app
