#include "ScreenshotRunner.h"

#include "core/booking/BookingService.h"
#include "core/booking/BookingSession.h"
#include "core/common/UserMessages.h"
#include "ui/KioskWindow.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QThread>

#include <cstdio>

namespace mk::app {

namespace {
constexpr int kWaitMs = 60000;  // a loaded 2-core machine may be slow; the simulator is local
constexpr int kSettleMs = 150;
const char* const kDepartmentId = "dept-ped";
const QString kPatientNumber = QStringLiteral("P00001001");
const QString kBirthDigits = QStringLiteral("19850312");
}  // namespace

ScreenshotRunner::ScreenshotRunner(ui::KioskWindow& window, booking::BookingService& service,
                                   QString dir)
    : window_(window), service_(service), dir_(std::move(dir))
{}

int ScreenshotRunner::run()
{
    const QStringList languages{QStringLiteral("zh_CN"), QStringLiteral("en")};
    const QList<QSize> sizes{QSize(1080, 1920), QSize(1920, 1080)};
    for (const QString& lang : languages) {
        for (const QSize& size : sizes) {
            if (!runPass(lang, size)) {
                std::fprintf(stderr, "medkiosk: screenshots: %s/%dx%d: %s\n", qPrintable(lang),
                             size.width(), size.height(), qPrintable(failure_));
                window_.goHome();
                return 1;
            }
        }
    }
    window_.goHome();
    for (const QString& file : std::as_const(files_)) std::printf("%s\n", qPrintable(file));
    std::printf("screenshots: %lld files in %s\n", static_cast<long long>(files_.size()),
                qPrintable(QDir(dir_).absolutePath()));
    std::fflush(stdout);
    return 0;
}

bool ScreenshotRunner::runPass(const QString& lang, const QSize& size)
{
    using ui::ScreenId;
    index_ = 0;
    pass_dir_ = QStringLiteral("%1/%2/%3x%4").arg(dir_, lang).arg(size.width()).arg(size.height());
    if (!QDir().mkpath(pass_dir_)) {
        failure_ = QStringLiteral("cannot create %1").arg(pass_dir_);
        return false;
    }
    window_.goHome();
    window_.setLanguage(lang);
    window_.resize(size);
    settle(kSettleMs);
    if (!waitScreen(int(ScreenId::Home)) || !grab(QStringLiteral("home"))) return false;

    window_.showScreen(ScreenId::Identify);
    if (!waitScreen(int(ScreenId::Identify)) || !grab(QStringLiteral("identify"))) return false;
    if (!typeOnKeypad(kPatientNumber) || !click(QStringLiteral("dobField")) ||
        !typeOnKeypad(kBirthDigits) || !click(QStringLiteral("idField")))
        return false;
    if (!grab(QStringLiteral("identify-typed"))) return false;
    if (!click(QStringLiteral("continueButton"))) return false;
    if (!waitScreen(int(ScreenId::ChildChoice))) {
        const auto* message = window_.findChild<QLabel*>(QStringLiteral("identifyMessage"));
        failure_ = QStringLiteral("identification did not reach the child choice: %1")
                       .arg(message != nullptr ? message->text() : QString());
        return false;
    }
    if (!grab(QStringLiteral("childchoice"))) return false;
    if (!click(QStringLiteral("personTile_1"))) return false;  // the first child
    if (!waitScreen(int(ScreenId::Department)) || !grab(QStringLiteral("department"))) return false;

    if (!prepareData()) return false;
    booking::BookingSession& session = window_.session();
    session.department = department_;
    window_.showScreen(ScreenId::Doctor);
    if (!waitScreen(int(ScreenId::Doctor)) || !grab(QStringLiteral("doctor"))) return false;

    session.department_doctors = doctors_;
    session.doctor.reset();  // any doctor
    window_.showScreen(ScreenId::Day);
    if (!waitScreen(int(ScreenId::Day)) || !grab(QStringLiteral("day"))) return false;

    session.day = day_;
    window_.showScreen(ScreenId::SlotGrid);
    if (!waitScreen(int(ScreenId::SlotGrid)) || !grab(QStringLiteral("slotgrid"))) return false;

    session.slot = slot_;
    window_.showScreen(ScreenId::Confirm);
    if (!waitScreen(int(ScreenId::Confirm)) || !grab(QStringLiteral("confirm"))) return false;

    if (!bookOnce()) return false;
    session.appointment = appointment_;
    window_.showScreen(ScreenId::Result);
    if (!waitScreen(int(ScreenId::Result)) || !grab(QStringLiteral("result"))) return false;
    return runPayPass();
}

bool ScreenshotRunner::prepareData()
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
    for (int offset = 0; offset <= service_.rules().max_days_ahead && !slot_; ++offset) {
        const QDate day = now.date().addDays(offset);
        auto slots = await(service_.slotsForDay(schedule_ids, day));
        if (!slots || !slots->ok()) continue;
        for (const fhir::Slot& slot : slots->value().value) {
            if (slot.isFree() && slot.start > earliest) {
                slot_ = slot;
                day_ = day;
                break;
            }
        }
    }
    if (!slot_) failure_ = QStringLiteral("no free slot in the booking window");
    return slot_.has_value();
}

bool ScreenshotRunner::bookOnce()
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
std::optional<T> ScreenshotRunner::await(QFuture<T> future)
{
    if (!waitUntil([&future] { return future.isFinished(); }, kWaitMs)) return std::nullopt;
    return future.result();
}

bool ScreenshotRunner::waitUntil(const std::function<bool()>& condition, int timeout_ms)
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

void ScreenshotRunner::settle(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
}

bool ScreenshotRunner::waitScreen(int screen_id)
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

bool ScreenshotRunner::grab(const QString& name)
{
    ++index_;
    const QString path = QStringLiteral("%1/%2-%3.png")
                             .arg(pass_dir_)
                             .arg(index_, 2, 10, QLatin1Char('0'))
                             .arg(name);
    const QPixmap pixmap = window_.grab();
    if (pixmap.isNull() || !pixmap.save(path, "PNG")) {
        failure_ = QStringLiteral("cannot save %1").arg(path);
        return false;
    }
    files_ << path;
    return true;
}

bool ScreenshotRunner::click(const QString& object_name)
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

bool ScreenshotRunner::typeOnKeypad(const QString& text)
{
    for (const QChar c : text) {
        const QString key =
            c.isDigit() ? QStringLiteral("key_%1").arg(c) : QStringLiteral("key_letter");
        if (!click(key)) return false;
    }
    return true;
}

}  // namespace mk::app
