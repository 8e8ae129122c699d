// The start-up sequence of medkiosk: command line, configuration, the encrypted store (refusing
// to run without SQLCipher, never wiping a store it cannot open), the demo simulator, the pool
// client, the booking service and the window; then the optional screenshot run or start-up
// benchmark. Exit codes: 0 fine, 1 usage, 2 configuration, 3 store, 4 demo simulator.
#pragma once

#include "config/KioskConfig.h"

#include <QCoreApplication>
#include <QObject>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace mk::booking {
class BookingService;
}
namespace mk::checkin {
class CheckinService;
}
namespace mk::hw {
class PrinterSimulator;
class ReceiptPrinter;
class Speaker;
}  // namespace mk::hw
namespace mk::outbox {
class Outbox;
class PoolCommandSender;
class Relay;
}  // namespace mk::outbox
namespace mk::pool {
class PoolClient;
}
namespace mk::staff {
class Maintenance;
class StaffAudit;
class StaffPin;
}  // namespace mk::staff
namespace mk::sim {
class SimulatorThread;
}
namespace mk::store {
class Store;
}
namespace mk::ui {
class KioskWindow;
struct StaffServices;
}  // namespace mk::ui

namespace mk::app {

class UnixSignals;
class ScreenshotRunner;

class KioskApp : public QObject
{
    Q_OBJECT
public:
    enum ExitCode { kExitOk = 0, kExitUsage = 1, kExitConfig = 2, kExitStore = 3, kExitDemo = 4 };

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
    // Tears down in order (window, service, client, store, simulator) after the event loop.
    void shutdown();

    // The demo state folder: ~/.local/state/medkiosk-demo ($XDG_STATE_HOME respected).
    static QString demoStateDir();

private:
    int parse(const QStringList& arguments, Options* options);
    int openStore(const QString& store_path, const QString& key_file);
    int startDemo(const QString& state_dir);
    void showWindow();
    // The outbox relay (to the simulator in demo, else pool/base_url), feeding the window's
    // connectivity indicator, and the staff maintenance mode (docs/maintenance.md).
    void startOutboxAndStaff();
    void startCheckin();  // KioskAppCheckin.cpp, after the outbox
    void benchStartup();

    Options options_;
    config::KioskConfig config_;
    std::unique_ptr<sim::SimulatorThread> simulator_;
    std::unique_ptr<store::Store> store_;
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
    std::unique_ptr<ui::KioskWindow> window_;
    std::unique_ptr<ScreenshotRunner> screenshots_;
    UnixSignals* signals_ = nullptr;
    std::unique_ptr<QTemporaryDir> temp_state_;  // screenshot runs: a fresh demo state
};

}  // namespace mk::app
