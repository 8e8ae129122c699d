#include "ScreenCatalog.h"

#include "core/booking/BookingService.h"
#include "core/booking/BookingSession.h"
#include "core/common/UserMessages.h"
#include "ui/KioskWindow.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QThread>

namespace mk::app {

namespace {
constexpr int kWaitMs = 60000;  // a loaded 2-core machine may be slow; the simulator is local
constexpr int kSettleMs = 150;
constexpr int kNoIdleMs = 24 * 3600 * 1000;
constexpr int kSpareSlots = 32;  // two check-in appointments per pass
const char* const kDepartmentId = "dept-ped";
const QString kPatientNumber = QStringLiteral("P00001001");
const QString kBirthDigits = QStringLiteral("19850312");
}  // namespace

QString CatalogPass::name() const
{
    return QStringLiteral("%1/%2x%3%4")
        .arg(language)
        .arg(size.width())
        .arg(size.height())
        .arg(elder ? QStringLiteral("-elder") : QString());
}

ScreenCatalog::ScreenCatalog(const CatalogServices& services)
    : services_(services), window_(*services.window), service_(*services.booking)
{}

bool ScreenCatalog::elderModeAvailable()
{
    return true;  // KioskWindow::setElderMode (issue 12 item 1)
}

QList<CatalogPass> ScreenCatalog::passes()
{
    QList<CatalogPass> all;
    const QStringList languages{QStringLiteral("zh_CN"), QStringLiteral("en")};
    const QList<QSize> sizes{QSize(1080, 1920), QSize(1920, 1080)};
    for (const bool elder : {false, true}) {
        if (elder && !elderModeAvailable()) continue;
        for (const QString& lang : languages) {
            for (const QSize& size : sizes) all.append(CatalogPass{lang, size, elder});
        }
    }
    return all;
}

bool ScreenCatalog::visit(const QString& state)
{
    // Every pending layout applied before the picture and the audit, however slow the machine:
    // under the sanitizers the offline badge's new text ("· 1 queued") was measured before the
    // header had laid it out again (a 150 ms settle is not a promise). A layout may post
    // another for its parent, hence the rounds.
    for (int round = 0; round < 4; ++round) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    }
    return visitor_(state);
}

bool ScreenCatalog::walk(const CatalogPass& pass, const Visitor& visitor)
{
    visitor_ = visitor;
    failure_.clear();
    ++pass_index_;
    // No idle reset in the middle of a walk (it would also end elder mode).
    const int idle_ms = window_.idleTimeoutMs();
    window_.setIdleTimeoutMs(kNoIdleMs);
    window_.goHome();
    window_.setElderMode(pass.elder);
    window_.setLanguage(pass.language);
    window_.resize(pass.size);
    settle(kSettleMs);
    const bool ok = walkBooking() && walkFace() && walkPay() && walkCheckin() && walkStaff() &&
                    walkIdleWarning();
    window_.goHome();
    window_.setElderMode(false);
    window_.setIdleTimeoutMs(idle_ms);
    return ok;
}

bool ScreenCatalog::walkBooking()
{
    using ui::ScreenId;
    if (!waitScreen(int(ScreenId::Home)) || !visit(QStringLiteral("home"))) return false;

    window_.showScreen(ScreenId::Identify);
    if (!waitScreen(int(ScreenId::Identify)) || !visit(QStringLiteral("identify"))) return false;
    if (!typeOnKeypad(kPatientNumber) || !click(QStringLiteral("dobField")) ||
        !typeOnKeypad(kBirthDigits) || !click(QStringLiteral("idField")))
        return false;
    if (!visit(QStringLiteral("identify-typed"))) return false;
    if (!click(QStringLiteral("continueButton"))) return false;
    if (!waitScreen(int(ScreenId::ChildChoice))) {
        const auto* message = window_.findChild<QLabel*>(QStringLiteral("identifyMessage"));
        failure_ = QStringLiteral("identification did not reach the child choice: %1")
                       .arg(message != nullptr ? message->text() : QString());
        return false;
    }
    if (!visit(QStringLiteral("childchoice"))) return false;
    if (!click(QStringLiteral("personTile_1"))) return false;  // the first child
    if (!waitScreen(int(ScreenId::Department)) || !visit(QStringLiteral("department")))
        return false;

    if (!prepareData()) return false;
    booking::BookingSession& session = window_.session();
    session.department = department_;
    window_.showScreen(ScreenId::Doctor);
    if (!waitScreen(int(ScreenId::Doctor)) || !visit(QStringLiteral("doctor"))) return false;

    session.department_doctors = doctors_;
    session.doctor.reset();  // any doctor
    window_.showScreen(ScreenId::Day);
    if (!waitScreen(int(ScreenId::Day)) || !visit(QStringLiteral("day"))) return false;

    session.day = day_;
    window_.showScreen(ScreenId::SlotGrid);
    if (!waitScreen(int(ScreenId::SlotGrid)) || !visit(QStringLiteral("slotgrid"))) return false;

    session.slot = slot_;
    window_.showScreen(ScreenId::Confirm);
    if (!waitScreen(int(ScreenId::Confirm)) || !visit(QStringLiteral("confirm"))) return false;

    if (!bookOnce()) return false;
    session.appointment = appointment_;
    window_.showScreen(ScreenId::Result);
    return waitScreen(int(ScreenId::Result)) && visit(QStringLiteral("result"));
}

bool ScreenCatalog::prepareData()
{
    if (slot_) return true;
    auto departments = await(service_.departments());
    if (!departments || !departments->ok()) {
        failure_ = QStringLiteral("departments: %1")
                       .arg(departments ? staffDetail(departments->error()) : QString());
        return false;
    }
    for (const fhir::Department& d : departments->value().value) {
        if (d.id == QLatin1String(kDepartmentId)) department_ = d;
    }
    if (!department_) {
        failure_ = QStringLiteral("no department %1").arg(QLatin1String(kDepartmentId));
        return false;
    }
    auto doctors = await(service_.doctors(department_->id));
    if (!doctors || !doctors->ok() || doctors->value().value.isEmpty()) {
        failure_ = QStringLiteral("doctors: %1")
                       .arg(doctors && !doctors->ok() ? staffDetail(doctors->error()) : QString());
        return false;
    }
    doctors_ = doctors->value().value;
    QStringList schedule_ids;
    for (const fhir::Doctor& doctor : std::as_const(doctors_)) schedule_ids << doctor.schedule_id;
    const QDateTime now = service_.now();
    // The earliest free slot that the rules still allow (a margin for the run itself).
    const QDateTime earliest = now.addSecs(60LL * (service_.rules().min_minutes_before_start + 30));
    for (int offset = 0;
         offset <= service_.rules().max_days_ahead && (!slot_ || spare_slots_.size() < kSpareSlots);
         ++offset) {
        const QDate day = now.date().addDays(offset);
        auto slots = await(service_.slotsForDay(schedule_ids, day));
        if (!slots || !slots->ok()) continue;
        for (const fhir::Slot& slot : slots->value().value) {
            if (!slot.isFree() || slot.start <= earliest) continue;
            if (!slot_) {
                slot_ = slot;
                day_ = day;
            } else {
                spare_slots_.append(slot);
            }
        }
    }
    if (!slot_) failure_ = QStringLiteral("no free slot in the booking window");
    return slot_.has_value();
}

bool ScreenCatalog::bookOnce()
{
    if (appointment_) return true;
    const booking::BookingSession& session = window_.session();
    if (!session.patient || !slot_ || !department_) {
        failure_ = QStringLiteral("nothing to book");
        return false;
    }
    fhir::Doctor doctor = doctors_.first();
    for (const fhir::Doctor& d : std::as_const(doctors_)) {
        if (d.schedule_id == slot_->schedule_id) doctor = d;
    }
    auto outcome = await(service_.book(session.patient->id, doctor, department_->id, *slot_));
    if (!outcome || !outcome->booked) {
        failure_ = QStringLiteral("booking failed: %1")
                       .arg(outcome ? staffDetail(outcome->error) : QString());
        return false;
    }
    appointment_ = outcome->appointment;
    return true;
}

template<typename T>
std::optional<T> ScreenCatalog::await(QFuture<T> future)
{
    if (!waitUntil([&future] { return future.isFinished(); }, kWaitMs)) return std::nullopt;
    return future.result();
}

bool ScreenCatalog::waitUntil(const std::function<bool()>& condition, int timeout_ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeout_ms) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

void ScreenCatalog::settle(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
}

bool ScreenCatalog::waitScreen(int screen_id)
{
    const auto id = ui::ScreenId(screen_id);
    settle(kSettleMs);  // a screen may start its request from a queued call
    const bool ok = waitUntil(
        [this, id] {
            const ui::Screen* current = window_.currentScreen();
            return current != nullptr && current->id() == id && !current->loading();
        },
        kWaitMs);
    if (!ok && failure_.isEmpty())
        failure_ = QStringLiteral("screen %1 not shown or still loading").arg(screen_id);
    settle(kSettleMs);
    return ok;
}

bool ScreenCatalog::click(const QString& object_name)
{
    ui::Screen* current = window_.currentScreen();
    auto* button = current != nullptr ? current->findChild<QPushButton*>(object_name) : nullptr;
    if (button == nullptr || !button->isVisible() || !button->isEnabled()) {
        failure_ = QStringLiteral("no usable button %1").arg(object_name);
        return false;
    }
    button->click();
    settle(30);
    return true;
}

bool ScreenCatalog::typeOnKeypad(const QString& text)
{
    for (const QChar c : text) {
        const QString key =
            c.isDigit() ? QStringLiteral("key_%1").arg(c) : QStringLiteral("key_letter");
        if (!click(key)) return false;
    }
    return true;
}

}  // namespace mk::app
