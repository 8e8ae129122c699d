// The kiosk on a machine set to UTC at a hospital in Asia/Shanghai, near midnight (issue 11,
// item 5): at 2026-12-04T16:30Z it is 00:30 on Saturday 5 December at the hospital, and the header
// clock, "today" on the day list, the slot grid's day, the ages and the booking rules all say so.
// ctest runs it with TZ=UTC (tests/flow/CMakeLists.txt); the clock is injected into the service.
#include "FlowFixture.h"
#include "face_auth/TemplateStore.h"
#include "ui/booking/SlotGridWidget.h"
#include "ui/face/FaceServices.h"
#include "ui/screens/SlotGridScreen.h"

#include <QLabel>

using mk::ui::ScreenId;

namespace {

constexpr int kTimeoutMs = 30000;

const QTimeZone& shanghai()
{
    static const QTimeZone zone(QByteArrayLiteral("Asia/Shanghai"));
    return zone;
}

// 16:30 UTC on Friday 4 December = 00:30 on Saturday 5 December in Shanghai.
QDateTime nearMidnightUtc()
{
    return QDateTime(QDate(2026, 12, 4), QTime(16, 30), QTimeZone::utc());
}

const QDate kHospitalToday(2026, 12, 5);

// Consent records only: what the face-consent screen needs to offer enrolment.
class ConsentOnlyStore : public mk::face::TemplateStore
{
public:
    mk::face::FaceStatus saveConsent(const mk::face::ConsentRecord&) override
    {
        return mk::face::FaceOk{};
    }
    mk::face::FaceResult<std::optional<mk::face::ConsentRecord>> consent(const QString&) override
    {
        return std::optional<mk::face::ConsentRecord>{};
    }
    mk::face::FaceResult<qint64> saveTemplate(const mk::face::FaceTemplate&) override
    {
        return qint64(1);
    }
    mk::face::FaceResult<std::vector<mk::face::FaceTemplate>> loadTemplates(
        const QDateTime&) override
    {
        return std::vector<mk::face::FaceTemplate>{};
    }
    mk::face::FaceResult<int> deletePatient(const QString&) override { return 0; }
    mk::face::FaceResult<int> purgeExpired(const QDateTime&) override { return 0; }
};

}  // namespace

class TestHospitalTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void machineIsInUtc();
    void serviceClockIsHospitalTime();
    void headerShowsHospitalTime_data();
    void headerShowsHospitalTime();
    void dayListStartsOnHospitalToday();
    void slotGridShowsHospitalDay();
    void agesCountOnHospitalDate();
    void faceConsentAgeCountsHospitalDate();
    void rulesCountHospitalDays();

private:
    void tap(const QString& name);
    flow::FlowFixture f_;
    ConsentOnlyStore face_store_;
    mk::ui::FaceServices face_services_;
};

void TestHospitalTime::initTestCase()
{
    const QString error = f_.start(QSize(1080, 1920));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    f_.service->setClock([] { return nearMidnightUtc(); });
    f_.window->setLanguage(QStringLiteral("en"));
}

void TestHospitalTime::cleanupTestCase()
{
    f_.stop();
}

void TestHospitalTime::tap(const QString& name)
{
    QTRY_VERIFY2_WITH_TIMEOUT(f_.buttonReady(name), qPrintable(name), kTimeoutMs);
    QTest::mouseClick(f_.button(name), Qt::LeftButton);
}

// The premise: the machine's own zone is UTC, so machine-local time would say Friday 16:30.
void TestHospitalTime::machineIsInUtc()
{
    QCOMPARE(qgetenv("TZ"), QByteArray("UTC"));
    QCOMPARE(nearMidnightUtc().toLocalTime().date(), QDate(2026, 12, 4));
}

void TestHospitalTime::serviceClockIsHospitalTime()
{
    const QDateTime now = f_.service->now();
    QCOMPARE(now.toMSecsSinceEpoch(), nearMidnightUtc().toMSecsSinceEpoch());
    QCOMPARE(now.date(), kHospitalToday);
    QCOMPARE(now.time(), QTime(0, 30));
    QCOMPARE(f_.service->clock().today(), kHospitalToday);
}

void TestHospitalTime::headerShowsHospitalTime_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("date");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("Sat 5 Dec");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("12月5日 星期六");
}

void TestHospitalTime::headerShowsHospitalTime()
{
    QFETCH(QString, language);
    QFETCH(QString, date);
    f_.window->setLanguage(language);  // retranslates, which redraws the clock at once
    auto* clock = f_.window->findChild<QLabel*>(QStringLiteral("clockLabel"));
    auto* day = f_.window->findChild<QLabel*>(QStringLiteral("dateLabel"));
    QVERIFY(clock && day);
    QCOMPARE(clock->text(), QStringLiteral("00:30"));
    QCOMPARE(day->text(), date);
    f_.window->setLanguage(QStringLiteral("en"));
}

void TestHospitalTime::dayListStartsOnHospitalToday()
{
    const auto who = f_.patient(QStringLiteral("P00001004"), QDate(1990, 7, 20));
    QVERIFY(who.has_value());
    f_.startBooking(*who);
    QTRY_COMPARE_WITH_TIMEOUT(f_.currentId(), ScreenId::Department, kTimeoutMs);
    tap(QStringLiteral("department_dept-ped"));
    QTRY_COMPARE_WITH_TIMEOUT(f_.currentId(), ScreenId::Doctor, kTimeoutMs);
    tap(QStringLiteral("anyDoctorTile"));
    QTRY_COMPARE_WITH_TIMEOUT(f_.currentId(), ScreenId::Day, kTimeoutMs);
    QPushButton* today = f_.button(QStringLiteral("day_0"));
    QVERIFY(today);
    QVERIFY2(today->text().startsWith(u"Today · Saturday"_qs), qPrintable(today->text()));
    QVERIFY2(today->text().contains(QLatin1String("5 December")), qPrintable(today->text()));
    const int last = f_.service->rules().max_days_ahead;
    QPushButton* furthest = f_.button(QStringLiteral("day_") + QString::number(last));
    QVERIFY(furthest);
    const QString furthest_date = kHospitalToday.addDays(last).toString(QStringLiteral("d"));
    QVERIFY2(furthest->text().contains(furthest_date + QLatin1String(" December")),
             qPrintable(furthest->text()));
}

void TestHospitalTime::slotGridShowsHospitalDay()
{
    QCOMPARE(f_.currentId(), ScreenId::Day);
    tap(QStringLiteral("day_0"));
    QTRY_COMPARE_WITH_TIMEOUT(f_.currentId(), ScreenId::SlotGrid, kTimeoutMs);
    QCOMPARE(f_.window->session().day, kHospitalToday);
    auto* grid = qobject_cast<mk::ui::SlotGridScreen*>(f_.window->screen(ScreenId::SlotGrid));
    QVERIFY(grid);
    QTRY_VERIFY_WITH_TIMEOUT(!grid->loading() && grid->grid()->cellCount() > 0, kTimeoutMs);
    QPushButton* free = nullptr;
    for (QPushButton* b : grid->grid()->visibleButtons()) {
        if (b->isEnabled()) {
            free = b;
            break;
        }
    }
    QVERIFY2(free != nullptr, "no free time on the hospital's today");
    QTest::mouseClick(free, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(f_.currentId(), ScreenId::Confirm, kTimeoutMs);
    QVERIFY(f_.window->session().slot.has_value());
    const QDateTime start = f_.window->session().slot->start;
    QCOMPARE(start.toTimeZone(shanghai()).date(), kHospitalToday);
    // Bookable by the rules at the hospital's now.
    QVERIFY(f_.service->rules().checkBooking(*f_.window->session().slot, {}, f_.service->now()));
}

// A person born on 5 December turns a year older at the hospital's midnight, not the machine's.
void TestHospitalTime::agesCountOnHospitalDate()
{
    f_.window->goHome();
    mk::fhir::Patient parent;
    parent.id = QStringLiteral("pat-x");
    parent.name.zh = QStringLiteral("王芳");
    parent.name.en = QStringLiteral("Wang Fang");
    parent.birth_date = QDate(1990, 12, 5);
    mk::fhir::Patient child = parent;
    child.id = QStringLiteral("pat-y");
    child.birth_date = QDate(2020, 12, 5);
    f_.window->session().identified = parent;
    f_.window->session().children = {child};
    f_.window->showScreen(ScreenId::ChildChoice);
    QTRY_COMPARE_WITH_TIMEOUT(f_.currentId(), ScreenId::ChildChoice, kTimeoutMs);
    QPushButton* self = f_.button(QStringLiteral("personTile_0"));
    QPushButton* kid = f_.button(QStringLiteral("personTile_1"));
    QVERIFY(self && kid);
    QVERIFY2(self->text().contains(QLatin1String("36 years old")), qPrintable(self->text()));
    QVERIFY2(kid->text().contains(QLatin1String("6 years old")), qPrintable(kid->text()));
    f_.window->goHome();
}

// The minimum age for face enrolment (14, no guardian consent configured) is counted on the
// hospital's date: a patient born on 5 December 2012 is 14 at 00:30 on 5 December in Shanghai,
// though the machine's UTC date still says 4 December (13 years old, enrolment not offered).
void TestHospitalTime::faceConsentAgeCountsHospitalDate()
{
    f_.window->goHome();
    face_services_.store = &face_store_;
    QCOMPARE(face_services_.config.enrollment.min_age_years, 14);
    QVERIFY(!face_services_.config.enrollment.guardian_consent_enabled);
    f_.window->installFace(face_services_);
    mk::fhir::Patient patient;
    patient.id = QStringLiteral("pat-z");
    patient.name.zh = QStringLiteral("李想");
    patient.name.en = QStringLiteral("Li Xiang");
    patient.birth_date = QDate(2012, 12, 5);
    f_.window->session().identified = patient;
    f_.window->showScreen(ScreenId::FaceConsent);
    QTRY_COMPARE_WITH_TIMEOUT(f_.currentId(), ScreenId::FaceConsent, kTimeoutMs);
    QPushButton* agree = f_.button(QStringLiteral("face_agree"));
    QVERIFY(agree);
    QVERIFY2(agree->isEnabled(), "a 14-year-old (hospital date) is offered face enrolment");
    // One day younger: 13 on the hospital's date, so not offered.
    f_.window->goHome();
    patient.birth_date = QDate(2012, 12, 6);
    f_.window->session().identified = patient;
    f_.window->showScreen(ScreenId::FaceConsent);
    QTRY_COMPARE_WITH_TIMEOUT(f_.currentId(), ScreenId::FaceConsent, kTimeoutMs);
    QVERIFY(!agree->isEnabled());
    f_.window->goHome();
}

// Days ahead are counted from the hospital's today (Saturday 5 December): the 7th day after it is
// bookable, the 8th is not.
void TestHospitalTime::rulesCountHospitalDays()
{
    const mk::booking::BookingRules& rules = f_.service->rules();
    QCOMPARE(rules.max_days_ahead, 7);
    mk::fhir::Slot slot;
    slot.id = QStringLiteral("s");
    slot.start = QDateTime(kHospitalToday.addDays(7), QTime(23, 50), shanghai());
    QVERIFY(rules.checkBooking(slot, {}, f_.service->now()));
    slot.start = QDateTime(kHospitalToday.addDays(8), QTime(0, 10), shanghai());
    const auto refused = rules.checkBooking(slot, {}, f_.service->now());
    QVERIFY(!refused);
    QCOMPARE(refused.error().rule, QStringLiteral("days-ahead"));
    // The per-day rule counts the hospital's day: two bookings at 00:40 and 23:50 on the 5th
    // (Shanghai) are the same day, though they fall on two UTC dates.
    mk::fhir::Appointment a;
    a.status = mk::fhir::AppointmentStatus::Booked;
    a.start = QDateTime(kHospitalToday, QTime(0, 40), shanghai());
    mk::fhir::Appointment b = a;
    b.start = QDateTime(kHospitalToday, QTime(23, 50), shanghai());
    slot.start = QDateTime(kHospitalToday, QTime(12, 0), shanghai());
    const auto third = rules.checkBooking(slot, {a, b}, f_.service->now());
    QVERIFY(!third);
    QCOMPARE(third.error().rule, QStringLiteral("per-day"));
}

QTEST_MAIN(TestHospitalTime)
#include "tst_hospitaltime.moc"
