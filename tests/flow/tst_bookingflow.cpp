// The booking screens driven like a patient would, through the kiosk window: department, any
// doctor, a day, a free time, confirm, result with the appointment QR code. Also: a double tap
// books once, a slot taken meanwhile offers alternatives, an outage keeps the grid under a banner
// and refuses to book, the per-day rule is named, the language switch, touch target sizes.
// Real parts: the pool simulator on loopback, PoolClient over HTTP, BookingService, an in-memory
// encrypted store.
#include "FlowFixture.h"
#include "core/common/Masking.h"
#include "core/common/UserMessages.h"
#include "core/qr/QrImage.h"
#include "ui/booking/SlotGridWidget.h"
#include "ui/screens/ConfirmScreen.h"
#include "ui/screens/SlotGridScreen.h"

#include <QLabel>
#include <QLocale>
#include <QUuid>

using mk::ui::ScreenId;

namespace {
constexpr int kTimeoutMs = 30000;  // loaded 2-core machine; the pool is local

struct Identity {
    QString number;
    QDate birth_date;
};
// docs/demo-data.md; each case books for its own patient (the per-day rule counts per patient).
const Identity kWangFang{QStringLiteral("P00001004"), QDate(1990, 7, 20)};
const Identity kZhangWei{QStringLiteral("P00001005"), QDate(1978, 11, 2)};
const Identity kZhangJing{QStringLiteral("P00001006"), QDate(1980, 1, 25)};
const Identity kLiMing{QStringLiteral("P00001001"), QDate(1985, 3, 12)};
const Identity kLiXiaoyu{QStringLiteral("P00001002"), QDate(2018, 6, 1)};
const Identity kLiXiaole{QStringLiteral("P00001003"), QDate(2021, 9, 15)};

QString confirmText(const char* source)
{
    return QCoreApplication::translate("mk::ui::ConfirmScreen", source);
}
}  // namespace

class TestBookingFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void bookAnyDoctorShowsNumberAndQr();
    void doubleTapBooksOnce();
    void takenSlotOffersAlternatives();
    void outageKeepsGridAndRefusesToBook();
    void thirdBookingOfTheDayNamesTheRule();
    void languageSwitchOnTheGrid();
    void departmentsFromCacheShowBanner();
    void buttonsAreLargeEnough_data();
    void buttonsAreLargeEnough();

private:
    mk::fhir::Patient patient(const Identity& who);
    void tap(const QString& name);
    void toGrid(const mk::fhir::Patient& who, int day_index,
                const QString& doctor_tile = QStringLiteral("anyDoctorTile"));
    QList<mk::fhir::Doctor> pediatricians();
    void toConfirm(const mk::fhir::Patient& who, int day_index);
    void tapFirstFreeTime();
    mk::ui::SlotGridScreen* grid() const;
    QLabel* label(ScreenId screen, const QString& name) const;
    QStringList smallButtons() const;

    flow::FlowFixture f_;
};

void TestBookingFlow::initTestCase()
{
    const QString error = f_.start(QSize(1080, 1920));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestBookingFlow::init()
{
    mk::sim::FaultSpec none;
    none.mode = QStringLiteral("none");
    f_.sim->setFault(none);
    f_.window->setLanguage(QStringLiteral("zh_CN"));
    f_.window->resize(1080, 1920);
    f_.window->goHome();
}

void TestBookingFlow::cleanupTestCase()
{
    f_.stop();
}

mk::fhir::Patient TestBookingFlow::patient(const Identity& who)
{
    const auto found = f_.patient(who.number, who.birth_date);
    if (!found) qWarning("demo patient not found in the simulator");
    return found.value_or(mk::fhir::Patient{});
}

mk::ui::SlotGridScreen* TestBookingFlow::grid() const
{
    return qobject_cast<mk::ui::SlotGridScreen*>(f_.window->screen(ScreenId::SlotGrid));
}

QLabel* TestBookingFlow::label(ScreenId screen, const QString& name) const
{
    return f_.window->screen(screen)->findChild<QLabel*>(name);
}

void TestBookingFlow::tap(const QString& name)
{
    QTRY_VERIFY2_WITH_TIMEOUT(f_.buttonReady(name), qPrintable(name), kTimeoutMs);
    QTest::mouseClick(f_.button(name), Qt::LeftButton);
}

QList<mk::fhir::Doctor> TestBookingFlow::pediatricians()
{
    const auto doctors = f_.other_client->doctors(QStringLiteral("dept-ped"));
    return doctors.ok() ? doctors.value() : QList<mk::fhir::Doctor>{};
}

void TestBookingFlow::toGrid(const mk::fhir::Patient& who, int day_index,
                             const QString& doctor_tile)
{
    QVERIFY(!who.id.isEmpty());
    f_.startBooking(who);
    QTRY_COMPARE_WITH_TIMEOUT(f_.currentId(), ScreenId::Department, kTimeoutMs);
    tap(QStringLiteral("department_dept-ped"));
    QTRY_COMPARE_WITH_TIMEOUT(f_.currentId(), ScreenId::Doctor, kTimeoutMs);
    tap(doctor_tile);
    QTRY_COMPARE_WITH_TIMEOUT(f_.currentId(), ScreenId::Day, kTimeoutMs);
    QCOMPARE(f_.window->session().department_doctors.size(), 30);
    const bool any = doctor_tile == QLatin1String("anyDoctorTile");
    QCOMPARE(f_.window->session().doctor.has_value(), !any);
    tap(QStringLiteral("day_") + QString::number(day_index));
    QTRY_COMPARE_WITH_TIMEOUT(f_.currentId(), ScreenId::SlotGrid, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!grid()->loading() && grid()->grid()->cellCount() > 0, kTimeoutMs);
    QCOMPARE(grid()->anyDoctor(), any);
}

void TestBookingFlow::tapFirstFreeTime()
{
    QPushButton* free = nullptr;
    for (QPushButton* b : grid()->grid()->visibleButtons()) {
        if (b->isEnabled()) {
            free = b;
            break;
        }
    }
    QVERIFY2(free != nullptr, "no free time on the grid");
    QTest::mouseClick(free, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(f_.currentId(), ScreenId::Confirm, kTimeoutMs);
    QVERIFY(f_.window->session().slot.has_value());
    QVERIFY(f_.window->session().doctor.has_value());
    QCOMPARE(f_.window->session().slot->schedule_id, f_.window->session().doctor->schedule_id);
}

void TestBookingFlow::toConfirm(const mk::fhir::Patient& who, int day_index)
{
    toGrid(who, day_index);
    if (QTest::currentTestFailed()) return;
    tapFirstFreeTime();
}

QStringList TestBookingFlow::smallButtons() const
{
    QStringList small;
    const auto buttons = f_.current()->findChildren<QPushButton*>();
    for (const QPushButton* b : buttons) {
        if (b->isVisible() && b->height() < 60)
            small.append(b->objectName() + QLatin1Char('=') + QString::number(b->height()));
    }
    return small;
}

void TestBookingFlow::bookAnyDoctorShowsNumberAndQr()
{
    const mk::fhir::Patient who = patient(kWangFang);
    const int created = f_.sim->appointmentsCreated();
    toConfirm(who, 0);
    if (QTest::currentTestFailed()) return;

    // The patient's name is masked; department and time are there.
    const QString patient_text = label(ScreenId::Confirm, QStringLiteral("confirmPatient"))->text();
    QVERIFY2(patient_text.contains(mk::maskName(who.name.zh)), qPrintable(patient_text));
    QVERIFY(!patient_text.contains(who.name.zh));
    QVERIFY(label(ScreenId::Confirm, QStringLiteral("confirmDepartment"))
                ->text()
                .contains(QStringLiteral("儿科门诊")));
    QVERIFY(!label(ScreenId::Confirm, QStringLiteral("confirmDeadline"))->text().isEmpty());

    tap(QStringLiteral("confirmButton"));
    QTRY_COMPARE_WITH_TIMEOUT(f_.currentId(), ScreenId::Result, kTimeoutMs);
    QVERIFY(f_.window->session().appointment.has_value());
    const QString number = f_.window->session().appointment->appointment_number;
    const QString token = f_.window->session().appointment->checkin_token;
    QVERIFY(!number.isEmpty());
    QCOMPARE(label(ScreenId::Result, QStringLiteral("resultNumber"))->text(), number);
    QCOMPARE(f_.sim->appointmentsCreated(), created + 1);
    if (created == 0) QCOMPARE(f_.sim->appointmentsCreated(), 1);

    const QLabel* qr = label(ScreenId::Result, QStringLiteral("appointmentQr"));
    QVERIFY(qr != nullptr);
    const QPixmap pixmap = qr->pixmap();
    QVERIFY(!pixmap.isNull());
    const auto decoded = mk::qr::decode(pixmap.toImage());
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().detail));
    // The pool signs a check-in token for every appointment; the code carries it (the plain
    // appointment payload only when a pool sends none).
    QVERIFY(!token.isEmpty());
    QCOMPARE(decoded.value(), token);

    // Done goes home and nothing of the booking stays on the screens.
    tap(QStringLiteral("resultDone"));
    QTRY_COMPARE_WITH_TIMEOUT(f_.currentId(), ScreenId::Home, kTimeoutMs);
    QVERIFY(label(ScreenId::Result, QStringLiteral("resultNumber"))->text().isEmpty());
    QVERIFY(label(ScreenId::Result, QStringLiteral("appointmentQr"))->pixmap().isNull());
    QVERIFY(label(ScreenId::Confirm, QStringLiteral("confirmPatient"))->text().isEmpty());
    QCOMPARE(grid()->grid()->cellCount(), 0);
}

void TestBookingFlow::doubleTapBooksOnce()
{
    const mk::fhir::Patient who = patient(kZhangWei);
    const int created = f_.sim->appointmentsCreated();
    toConfirm(who, 0);
    if (QTest::currentTestFailed()) return;
    QTRY_VERIFY_WITH_TIMEOUT(f_.buttonReady(QStringLiteral("confirmButton")), kTimeoutMs);
    QPushButton* confirm = f_.button(QStringLiteral("confirmButton"));
    // A booking request starts only from a click on Confirm, within the click: counting the
    // clicks that got through counts the requests, with no wait for one that never comes.
    QSignalSpy clicked(confirm, &QPushButton::clicked);
    QSignalSpy booking(f_.current(), &mk::ui::Screen::loadingChanged);
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTest::mouseDClick(confirm, Qt::LeftButton);
    QCOMPARE(clicked.size(), 1);  // disabled from the first tap on
    QCOMPARE(booking.size(), 1);  // one request under way
    QTRY_COMPARE_WITH_TIMEOUT(f_.currentId(), ScreenId::Result, kTimeoutMs);
    QCOMPARE(booking.size(), 2);  // ... and it ended
    QCOMPARE(f_.sim->appointmentsCreated(), created + 1);
}

void TestBookingFlow::takenSlotOffersAlternatives()
{
    const mk::fhir::Patient who = patient(kZhangJing);
    toConfirm(who, 0);
    if (QTest::currentTestFailed()) return;
    const mk::fhir::Slot taken = *f_.window->session().slot;

    // Someone else books that slot at another kiosk before the tap on Confirm.
    mk::pool::BookingRequest request;
    request.client_identifier = QUuid::createUuid().toString(QUuid::WithoutBraces);
    request.slot = taken;
    request.patient_id = QStringLiteral("pat-1100");
    request.practitioner_id = f_.window->session().doctor->id;
    request.department_id = QStringLiteral("dept-ped");
    const auto other = f_.other_client->book(request);
    QVERIFY2(other.ok(), qPrintable(other.ok() ? QString() : other.error().detail));
    const int created = f_.sim->appointmentsCreated();

    tap(QStringLiteral("confirmButton"));
    auto* confirm = qobject_cast<mk::ui::ConfirmScreen*>(f_.window->screen(ScreenId::Confirm));
    QLabel* message = label(ScreenId::Confirm, QStringLiteral("confirmMessage"));
    QTRY_VERIFY_WITH_TIMEOUT(!confirm->loading() && message->isVisible(), kTimeoutMs);
    QVERIFY2(message->text().startsWith(confirmText("This time was just taken by someone else.")),
             qPrintable(message->text()));
    QCOMPARE(f_.currentId(), ScreenId::Confirm);
    QVERIFY(!f_.button(QStringLiteral("confirmButton"))->isEnabled());
    QPushButton* alternative = f_.button(QStringLiteral("alternative_0"));
    QVERIFY(alternative != nullptr && alternative->isVisible());
    QVERIFY(alternative->height() >= 60);
    QCOMPARE(f_.sim->appointmentsCreated(), created);

    QTest::mouseClick(alternative, Qt::LeftButton);
    QCOMPARE(f_.currentId(), ScreenId::Confirm);
    QVERIFY(f_.window->session().slot.has_value());
    QVERIFY(f_.window->session().slot->id != taken.id);
    QCOMPARE(f_.window->session().slot->schedule_id, f_.window->session().doctor->schedule_id);
    QVERIFY(!message->isVisible());
    tap(QStringLiteral("confirmButton"));
    QTRY_COMPARE_WITH_TIMEOUT(f_.currentId(), ScreenId::Result, kTimeoutMs);
    QCOMPARE(f_.sim->appointmentsCreated(), created + 1);
}

void TestBookingFlow::outageKeepsGridAndRefusesToBook()
{
    const mk::fhir::Patient who = patient(kWangFang);
    toGrid(who, 1);
    if (QTest::currentTestFailed()) return;
    const int cells = grid()->grid()->cellCount();
    QLabel* banner = label(ScreenId::SlotGrid, QStringLiteral("slotStaleBanner"));
    QVERIFY(!banner->isVisible());

    mk::sim::FaultSpec outage;
    outage.mode = QStringLiteral("outage");
    outage.count = -1;
    f_.sim->setFault(outage);
    const int created = f_.sim->appointmentsCreated();
    QSignalSpy rendered(grid(), &mk::ui::SlotGridScreen::gridRendered);
    tap(QStringLiteral("slotRefresh"));
    QTRY_VERIFY_WITH_TIMEOUT(rendered.count() > 0 && !grid()->loading(), kTimeoutMs);
    QVERIFY(banner->isVisible());
    QVERIFY(grid()->stale());
    QVERIFY2(banner->text().contains(QStringLiteral("—")) || !banner->text().isEmpty(),
             qPrintable(banner->text()));
    QCOMPARE(grid()->grid()->cellCount(), cells);
    QVERIFY(grid()->grid()->isVisible());

    tapFirstFreeTime();
    if (QTest::currentTestFailed()) return;
    tap(QStringLiteral("confirmButton"));
    auto* confirm = qobject_cast<mk::ui::ConfirmScreen*>(f_.window->screen(ScreenId::Confirm));
    QLabel* message = label(ScreenId::Confirm, QStringLiteral("confirmMessage"));
    QTRY_VERIFY_WITH_TIMEOUT(!confirm->loading() && message->isVisible(), kTimeoutMs);
    QCOMPARE(message->text(),
             confirmText("Booking needs a connection to the hospital system. Please try again in "
                         "a moment, or book at the service desk."));
    QVERIFY(f_.button(QStringLiteral("confirmTryAgain"))->isVisible());
    QCOMPARE(f_.currentId(), ScreenId::Confirm);
    QCOMPARE(f_.sim->appointmentsCreated(), created);

    // Back online: Try again books.
    mk::sim::FaultSpec none;
    none.mode = QStringLiteral("none");
    f_.sim->setFault(none);
    tap(QStringLiteral("confirmTryAgain"));
    QTRY_COMPARE_WITH_TIMEOUT(f_.currentId(), ScreenId::Result, kTimeoutMs);
    QCOMPARE(f_.sim->appointmentsCreated(), created + 1);
}

void TestBookingFlow::thirdBookingOfTheDayNamesTheRule()
{
    const mk::fhir::Patient who = patient(kLiMing);
    QVERIFY(!who.id.isEmpty());
    // Two bookings of that day made elsewhere (another kiosk, the service desk).
    const QList<mk::fhir::Doctor> doctors = pediatricians();
    QCOMPARE(doctors.size(), 30);
    mk::pool::SlotQuery query;
    query.schedule_ids = {doctors[1].schedule_id};
    query.day = flow::firstDay();
    query.free_only = true;
    const auto free = f_.other_client->slots(query);
    QVERIFY(free.ok() && free.value().size() >= 4);
    for (int i = 0; i < 2; ++i) {
        mk::pool::BookingRequest request;
        request.client_identifier = QUuid::createUuid().toString(QUuid::WithoutBraces);
        request.slot = free.value()[free.value().size() - 1 - i];
        request.patient_id = who.id;
        request.practitioner_id = doctors[1].id;
        request.department_id = QStringLiteral("dept-ped");
        const auto booked = f_.other_client->book(request);
        QVERIFY2(booked.ok(), qPrintable(booked.ok() ? QString() : booked.error().detail));
    }
    const int created = f_.sim->appointmentsCreated();

    toConfirm(who, 0);
    if (QTest::currentTestFailed()) return;
    tap(QStringLiteral("confirmButton"));
    auto* confirm = qobject_cast<mk::ui::ConfirmScreen*>(f_.window->screen(ScreenId::Confirm));
    QLabel* message = label(ScreenId::Confirm, QStringLiteral("confirmMessage"));
    QTRY_VERIFY_WITH_TIMEOUT(!confirm->loading() && message->isVisible(), kTimeoutMs);
    mk::Error rule = mk::makeError(mk::ErrorCode::Rule, QString());
    rule.rule = QStringLiteral("per-day");
    QCOMPARE(message->text(), mk::userMessage(rule));
    QVERIFY(!f_.button(QStringLiteral("confirmButton"))->isEnabled());
    QCOMPARE(f_.currentId(), ScreenId::Confirm);
    QCOMPARE(f_.sim->appointmentsCreated(), created);
}

void TestBookingFlow::languageSwitchOnTheGrid()
{
    // One doctor: about 30 % of the seeded slots are busy, so the grid shows "Full" times.
    const mk::fhir::Patient who = patient(kWangFang);
    const QList<mk::fhir::Doctor> doctors = pediatricians();
    QVERIFY(!doctors.isEmpty());
    toGrid(who, 2, QStringLiteral("doctor_") + doctors[0].id);
    if (QTest::currentTestFailed()) return;
    const QDate day = flow::firstDay().addDays(2);
    QLabel* subtitle = label(ScreenId::SlotGrid, QStringLiteral("slotSubtitle"));
    const QString zh_weekday = QLocale(QLocale::Chinese, QLocale::China).dayName(day.dayOfWeek());
    const QString en_weekday = QLocale(QLocale::English).dayName(day.dayOfWeek());
    QVERIFY2(subtitle->text().contains(zh_weekday), qPrintable(subtitle->text()));
    QVERIFY2(subtitle->text().contains(QStringLiteral("儿科门诊")), qPrintable(subtitle->text()));

    f_.window->setLanguage(QStringLiteral("en"));
    QVERIFY2(subtitle->text().contains(en_weekday), qPrintable(subtitle->text()));
    QVERIFY2(subtitle->text().contains(QStringLiteral("General Pediatrics")),
             qPrintable(subtitle->text()));
    QVERIFY(subtitle->text().contains(doctors[0].name.en));
    QCOMPARE(label(ScreenId::SlotGrid, QStringLiteral("slotTitle"))->text(),
             QStringLiteral("Choose a time"));
    bool saw_full = false;
    for (const QPushButton* b : grid()->grid()->visibleButtons()) {
        if (!b->isEnabled()) {
            QVERIFY2(b->text().contains(QStringLiteral("Full")), qPrintable(b->text()));
            saw_full = true;
        }
    }
    QVERIFY2(saw_full, "about 30 % of the seeded slots are busy: expected some Full times");

    // Back on the Day screen the tiles are in English too.
    f_.window->goBack();
    QTRY_COMPARE_WITH_TIMEOUT(f_.currentId(), ScreenId::Day, kTimeoutMs);
    QVERIFY(f_.button(QStringLiteral("day_0"))->text().contains(QStringLiteral("Today")));
    QVERIFY(f_.button(QStringLiteral("day_2"))->text().contains(en_weekday));
    f_.window->setLanguage(QStringLiteral("zh_CN"));
    QVERIFY(f_.button(QStringLiteral("day_2"))->text().contains(zh_weekday));
}

void TestBookingFlow::departmentsFromCacheShowBanner()
{
    // Earlier cases filled the cache; with the pool away the departments come from it, marked.
    const mk::fhir::Patient who = patient(kWangFang);
    QVERIFY(!who.id.isEmpty());
    mk::sim::FaultSpec outage;
    outage.mode = QStringLiteral("outage");
    outage.count = -1;
    f_.sim->setFault(outage);
    f_.startBooking(who);
    QTRY_COMPARE_WITH_TIMEOUT(f_.currentId(), ScreenId::Department, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!f_.current()->loading(), kTimeoutMs);
    QLabel* banner = label(ScreenId::Department, QStringLiteral("departmentStaleBanner"));
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QLatin1Char(':')), qPrintable(banner->text()));
    QVERIFY(f_.button(QStringLiteral("department_dept-ped")) != nullptr);
    QVERIFY(f_.button(QStringLiteral("department_dept-ped"))->isVisible());
    QVERIFY(!label(ScreenId::Department, QStringLiteral("departmentError"))->isVisible());
}

void TestBookingFlow::buttonsAreLargeEnough_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("number");
    QTest::addColumn<QDate>("birth_date");
    QTest::newRow("portrait 1080x1920")
        << QSize(1080, 1920) << kLiXiaoyu.number << kLiXiaoyu.birth_date;
    QTest::newRow("landscape 1920x1080")
        << QSize(1920, 1080) << kLiXiaole.number << kLiXiaole.birth_date;
}

void TestBookingFlow::buttonsAreLargeEnough()
{
    QFETCH(QSize, size);
    QFETCH(QString, number);
    QFETCH(QDate, birth_date);
    f_.window->resize(size);
    // A screen whose minimum size exceeds the display would force the window larger: name it.
    QString too_big;
    for (int id = int(ScreenId::Home); id <= int(ScreenId::Result); ++id) {
        const QSize hint = f_.window->screen(ScreenId(id))->minimumSizeHint();
        if (hint.height() > size.height() * 3 / 4 || hint.width() > size.width())
            too_big += QStringLiteral(" screen %1 needs %2x%3;")
                           .arg(id)
                           .arg(hint.width())
                           .arg(hint.height());
    }
    QTRY_VERIFY2_WITH_TIMEOUT(f_.window->size() == size, qPrintable(too_big), kTimeoutMs);
    const mk::fhir::Patient who = patient({number, birth_date});
    QVERIFY(!who.id.isEmpty());

    f_.startBooking(who);
    const auto check = [this](ScreenId id) {
        QTRY_COMPARE_WITH_TIMEOUT(f_.currentId(), id, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!f_.current()->loading(), kTimeoutMs);
        QTRY_VERIFY2_WITH_TIMEOUT(smallButtons().isEmpty(),
                                  qPrintable(smallButtons().join(QLatin1Char(' '))), kTimeoutMs);
        // Text must fit too: the screen is no wider than the window.
        QVERIFY(f_.current()->width() <= f_.window->width());
    };
    check(ScreenId::Department);
    if (QTest::currentTestFailed()) return;
    tap(QStringLiteral("department_dept-ped"));
    check(ScreenId::Doctor);
    if (QTest::currentTestFailed()) return;
    QCOMPARE(f_.current()
                 ->findChildren<QPushButton*>(QRegularExpression(QStringLiteral("^doctor_")))
                 .size(),
             30);
    tap(QStringLiteral("anyDoctorTile"));
    check(ScreenId::Day);
    if (QTest::currentTestFailed()) return;
    tap(QStringLiteral("day_3"));
    check(ScreenId::SlotGrid);
    if (QTest::currentTestFailed()) return;
    QTRY_VERIFY_WITH_TIMEOUT(grid()->grid()->cellCount() > 0, kTimeoutMs);
    tapFirstFreeTime();
    check(ScreenId::Confirm);
    if (QTest::currentTestFailed()) return;
    tap(QStringLiteral("confirmButton"));
    check(ScreenId::Result);
}

QTEST_MAIN(TestBookingFlow)
#include "tst_bookingflow.moc"
