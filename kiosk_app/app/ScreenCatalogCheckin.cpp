// Check-in, offline and staff states of the screen catalog (issue 12), driven through the real
// check-in service, outbox, relay and demo simulator:
//  - the scan prompt; a refused code (a web address);
//  - a fresh appointment's signed code scanned a day early (another day), two hours early (too
//    early) and ten minutes before its start (checked in online): the check-in service's clock is
//    set to those instants, the pool is the real one;
//  - a cancel of that appointment queued after the patient arrived: refused by the pool for good
//    (already-arrived), a dead letter, shown on the maintenance screen after the staff PIN screen;
//  - a second appointment scanned while the simulator has an outage: a provisional number; during
//    that outage the offline banner (Home) and a pool error (Identify); afterwards the relay
//    delivers the check-in (the walk waits for it, so every pass starts online).
#include "ScreenCatalog.h"
#include "core/booking/BookingService.h"
#include "core/checkin/CheckinService.h"
#include "core/outbox/Outbox.h"
#include "core/pool/CurlTransport.h"
#include "ui/KioskWindow.h"
#include "ui/screens/CheckinScreen.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>

namespace mk::app {

namespace {
constexpr int kCheckinWaitMs = 60000;
constexpr int kFirstCheckinPatient = 1100;  // generated adults pat-1100...pat-1115
const QString kRefusedCode = QStringLiteral("https://example.com/not-an-appointment");
const QString kOfflinePatientNumber = QStringLiteral("P00001004");
const QString kOfflineBirthDigits = QStringLiteral("19900720");
}  // namespace

bool ScreenCatalog::setFault(const QString& mode)
{
    if (!services_.simulator.isValid()) return false;
    pool::TransportOptions options;
    options.connect_timeout_ms = 2000;
    options.request_timeout_ms = 4000;
    pool::CurlTransport transport(options);
    pool::HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.url = services_.simulator.resolved(QUrl(QStringLiteral("/_sim/faults")));
    request.headers.append(
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    request.body =
        QJsonDocument(QJsonObject{{QStringLiteral("mode"), mode}, {QStringLiteral("count"), -1}})
            .toJson(QJsonDocument::Compact);
    const auto reply = transport.perform(request);
    if (!reply || reply.value().status != 200) {
        failure_ = QStringLiteral("the simulator refused the fault %1").arg(mode);
        return false;
    }
    return true;
}

std::optional<fhir::Appointment> ScreenCatalog::bookFor(const QString& patient_id)
{
    while (!spare_slots_.isEmpty()) {
        const fhir::Slot slot = spare_slots_.takeFirst();
        fhir::Doctor doctor = doctors_.first();
        for (const fhir::Doctor& d : std::as_const(doctors_)) {
            if (d.schedule_id == slot.schedule_id) doctor = d;
        }
        auto outcome = await(service_.book(patient_id, doctor, department_->id, slot));
        if (outcome && outcome->booked && !outcome->appointment.checkin_token.isEmpty())
            return outcome->appointment;
    }
    failure_ = QStringLiteral("no slot left to book a check-in appointment for %1").arg(patient_id);
    return std::nullopt;
}

void ScreenCatalog::setHeaderClock(const QDateTime& clock)
{
    // The header's date and time come from the booking service's clock: at the check-in
    // service's instant, so that a picture says one day ("not today" under that day's date).
    if (clock.isValid()) {
        service_.setClock([clock] { return clock; });
    } else {
        service_.setClock({});
    }
    window_.setLanguage(window_.language());  // the header's clock again, now
}

bool ScreenCatalog::scan(const QString& code, const QDateTime& clock, const QString& what)
{
    using ui::ScreenId;
    services_.checkin->setClock([clock] { return clock; });
    setHeaderClock(clock);
    window_.goHome();
    window_.showScreen(ScreenId::Checkin);
    if (!waitScreen(int(ScreenId::Checkin))) return false;
    auto* screen = qobject_cast<ui::CheckinScreen*>(window_.currentScreen());
    if (screen == nullptr) {
        failure_ = QStringLiteral("no check-in screen");
        return false;
    }
    screen->handleScan(code);
    const bool shown = waitUntil(
        [screen] {
            return !screen->loading() && screen->outcome().status != checkin::CheckinStatus::Unset;
        },
        kCheckinWaitMs);
    settle(150);
    if (!shown) failure_ = QStringLiteral("check-in: no outcome for %1").arg(what);
    return shown;
}

bool ScreenCatalog::walkCheckin()
{
    using ui::ScreenId;
    if (services_.checkin == nullptr || services_.outbox == nullptr ||
        window_.screen(ScreenId::Checkin) == nullptr || !department_)
        return true;
    window_.goHome();
    window_.showScreen(ScreenId::Checkin);
    if (!waitScreen(int(ScreenId::Checkin)) || !visit(QStringLiteral("checkin-scan"))) return false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!scan(kRefusedCode, now, QStringLiteral("a web address")) ||
        !visit(QStringLiteral("checkin-refused")))
        return false;

    const int first = kFirstCheckinPatient + 2 * pass_index_;
    const auto online = bookFor(QStringLiteral("pat-%1").arg(first));
    if (!online) return false;
    const QDateTime start = online->start;
    if (!scan(online->checkin_token, start.addDays(-1), QStringLiteral("another day")) ||
        !visit(QStringLiteral("checkin-wrongday")))
        return false;
    if (!scan(online->checkin_token, start.addSecs(-2 * 3600), QStringLiteral("too early")) ||
        !visit(QStringLiteral("checkin-tooearly")))
        return false;
    if (!scan(online->checkin_token, start.addSecs(-600), QStringLiteral("online")) ||
        !visit(QStringLiteral("checkin-online")))
        return false;

    const auto inState = [this](qint64 id, outbox::CommandState state) {
        const auto records = services_.outbox->list(state, 1000);
        if (!records) return false;
        for (const outbox::OutboxRecord& r : records.value()) {
            if (r.id == id) return true;
        }
        return false;
    };
    // A cancel that comes after the patient has arrived: the pool refuses it for good
    // (already-arrived), a dead letter for staff.
    const auto cancel = services_.outbox->enqueue(outbox::cancelCommand(online->id));
    if (!cancel) {
        failure_ = QStringLiteral("cannot queue the cancel: %1").arg(cancel.error().detail);
        return false;
    }
    dead_letter_ = cancel.value();
    if (!waitUntil([&] { return inState(dead_letter_, outbox::CommandState::Dead); },
                   kCheckinWaitMs)) {
        failure_ = QStringLiteral("the late cancel did not become a dead letter");
        return false;
    }

    // Scanned during an outage: a provisional number; delivered once the pool is back.
    const auto later = bookFor(QStringLiteral("pat-%1").arg(first + 1));
    if (!later || !setFault(QStringLiteral("outage"))) return false;
    const bool provisional =
        scan(later->checkin_token, later->start.addSecs(-600), QStringLiteral("provisional")) &&
        visit(QStringLiteral("checkin-provisional"));
    setHeaderClock({});  // the offline states show the real time
    const bool offline = provisional && walkOffline();
    services_.checkin->setClock([] { return QDateTime::currentDateTimeUtc(); });
    qint64 provisional_id = 0;
    const auto queued = services_.outbox->list(outbox::CommandState::Queued, 1000);
    if (queued) {
        for (const outbox::OutboxRecord& r : queued.value()) {
            if (r.payload.contains(later->id.toUtf8())) provisional_id = r.id;
        }
    }
    if (!setFault(QStringLiteral("none")) || !offline) return false;
    if (provisional_id == 0 ||
        !waitUntil([&] { return inState(provisional_id, outbox::CommandState::Sent); },
                   kCheckinWaitMs)) {
        failure_ = QStringLiteral("the provisional check-in was not delivered after the outage");
        return false;
    }
    return true;
}

bool ScreenCatalog::walkOffline()
{
    using ui::ScreenId;
    window_.goHome();
    auto* online = window_.findChild<QLabel*>(QStringLiteral("onlineIndicator"));
    if (online == nullptr) {
        failure_ = QStringLiteral("no connectivity label in the header");
        return false;
    }
    if (!waitUntil([online] { return !online->property("online").toBool(); }, kCheckinWaitMs)) {
        failure_ = QStringLiteral("the window did not notice the outage");
        return false;
    }
    settle(150);  // Home laid out again after the texts changed (setHeaderClock)
    if (!visit(QStringLiteral("offline-home"))) return false;
    window_.showScreen(ScreenId::Identify);
    if (!waitScreen(int(ScreenId::Identify)) || !typeOnKeypad(kOfflinePatientNumber) ||
        !click(QStringLiteral("dobField")) || !typeOnKeypad(kOfflineBirthDigits) ||
        !click(QStringLiteral("idField")) || !click(QStringLiteral("continueButton")) ||
        !waitScreen(int(ScreenId::Identify)))
        return false;
    return visit(QStringLiteral("identify-pool-error"));
}

bool ScreenCatalog::walkStaff()
{
    using ui::ScreenId;
    if (window_.screen(ScreenId::StaffPin) == nullptr) return true;
    window_.goHome();
    window_.showScreen(ScreenId::StaffPin);
    if (!waitScreen(int(ScreenId::StaffPin)) || !visit(QStringLiteral("staff-pin"))) return false;
    window_.showScreen(ScreenId::Maintenance);
    if (!waitScreen(int(ScreenId::Maintenance))) return false;
    if (dead_letter_ != 0) {
        const QString row = QStringLiteral("dead_%1").arg(dead_letter_);
        if (!waitUntil([this, &row] { return window_.findChild<QWidget*>(row) != nullptr; },
                       kCheckinWaitMs)) {
            failure_ = QStringLiteral("the maintenance screen does not list the dead letter");
            return false;
        }
        settle(150);
    }
    return visit(QStringLiteral("staff-maintenance"));
}

}  // namespace mk::app
