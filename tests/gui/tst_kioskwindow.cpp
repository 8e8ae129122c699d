// The kiosk shell driven like a patient would: taps on the on-screen keypad, a keyboard-wedge
// scanner, idle timeout, language switch, touch target sizes and a pool outage. Real parts: the
// pool simulator on loopback, PoolClient over HTTP, BookingService, an in-memory encrypted store.
#include "core/booking/BookingService.h"
#include "core/booking/BookingSession.h"
#include "core/common/UserMessages.h"
#include "core/config/KioskConfig.h"
#include "core/pool/PoolClient.h"
#include "core/store/Store.h"
#include "poolsim/SimulatorThread.h"
#include "ui/KioskWindow.h"
#include "ui/Theme.h"
#include "ui/screens/IdentifyScreen.h"
#include "ui/widgets/Keypad.h"
#include "ui/widgets/MaskedField.h"
#include "ui/widgets/WedgeScanner.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QtTest>

#include <memory>

using mk::ui::ScreenId;

namespace {
constexpr int kFlowTimeoutMs = 60000;  // loaded 2-core machine; the pool is local

// Personal data of the demo identities (docs/demo-data.md): none may be on screen unmasked.
QStringList personalStrings()
{
    return {
        QStringLiteral("李明"),        QStringLiteral("Li Ming"),     QStringLiteral("李小雨"),
        QStringLiteral("Li Xiaoyu"),   QStringLiteral("李小乐"),      QStringLiteral("Li Xiaole"),
        QStringLiteral("王芳"),        QStringLiteral("Wang Fang"),   QStringLiteral("张伟"),
        QStringLiteral("Zhang Wei"),   QStringLiteral("张静"),        QStringLiteral("Zhang Jing"),
        QStringLiteral("P00001001"),   QStringLiteral("P00001004"),   QStringLiteral("P00001006"),
        QStringLiteral("13800138000"), QStringLiteral("13900139000"), QStringLiteral("13700137000"),
        QStringLiteral("19850312"),    QStringLiteral("1985-03-12"),  QStringLiteral("19900720"),
        QStringLiteral("1990-07-20"),  QStringLiteral("19800125"),    QStringLiteral("1980-01-25")};
}
}  // namespace

class TestKioskWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void classifyId_data();
    void classifyId();
    void parseBirthDate_data();
    void parseBirthDate();
    void homeGoesToIdentify();
    void keypadIdentifies_data();
    void keypadIdentifies();
    void childChoiceShowsMaskedPeople();
    void wrongBirthDateStays();
    void badInputNeverAsksThePool_data();
    void badInputNeverAsksThePool();
    void wedgeScannerIdentifies();
    void slowTypingIsNotAScan();
    void scannedCodeThatIsNoPatientCard_data();
    void scannedCodeThatIsNoPatientCard();
    void idleTimeoutClearsEverything();
    void languageSwitch();
    void idleTimeoutRestoresTheKioskLanguage();
    void buttonsAreLargeEnough_data();
    void buttonsAreLargeEnough();
    void outageShowsMessageAndStaysResponsive();

private:
    mk::ui::Screen* current() const { return window_->currentScreen(); }
    int currentId() const { return current() != nullptr ? int(current()->id()) : -1; }
    QPushButton* button(const QString& name) const;
    void tap(const QString& object_name);
    void typeOnKeypad(const QString& text);
    void enter(const QString& id, const QString& dob);  // on Identify: type both, not Continue
    QStringList visibleTexts() const;
    QStringList allTexts() const;

    std::unique_ptr<mk::sim::SimulatorThread> sim_;
    std::unique_ptr<mk::store::Store> store_;
    std::shared_ptr<mk::pool::PoolClient> client_;
    std::unique_ptr<mk::booking::BookingService> service_;
    mk::config::KioskConfig config_;
    std::unique_ptr<mk::ui::KioskWindow> window_;
};

void TestKioskWindow::initTestCase()
{
    mk::sim::SimOptions options;   // in memory
    options.require_auth = false;  // not about authorisation
    sim_ = std::make_unique<mk::sim::SimulatorThread>(options);
    QString error;
    QVERIFY2(sim_->start(&error), qPrintable(error));

    auto store = mk::store::Store::open(QStringLiteral(":memory:"),
                                        mk::store::SecureKey(QByteArray(32, '\x5a')));
    QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().detail));
    store_ = std::move(store).value();

    config_.pool.base_url = sim_->baseUrl();
    config_.pool.request_timeout_ms = 5000;
    config_.pool.backoff_base_ms = 50;
    client_ = std::make_shared<mk::pool::PoolClient>(config_.pool);
    service_ = std::make_unique<mk::booking::BookingService>(client_, store_.get(), config_.rules);

    mk::ui::Theme::apply(*qApp);
    window_ = std::make_unique<mk::ui::KioskWindow>(service_.get(), config_);
    window_->resize(1080, 1920);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    for (int id = int(ScreenId::Home); id <= int(ScreenId::Result); ++id)
        QVERIFY2(window_->screen(ScreenId(id)) != nullptr, qPrintable(QString::number(id)));
}

void TestKioskWindow::init()
{
    mk::sim::FaultSpec none;
    none.mode = QStringLiteral("none");
    sim_->setFault(none);
    window_->setIdleTimeoutMs(10 * 60 * 1000);
    window_->setLanguage(QStringLiteral("zh_CN"));
    window_->resize(1080, 1920);
    window_->goHome();
    QCOMPARE(currentId(), int(ScreenId::Home));
}

void TestKioskWindow::cleanupTestCase()
{
    window_.reset();
    service_.reset();
    client_.reset();
    store_.reset();
    sim_.reset();
}

QPushButton* TestKioskWindow::button(const QString& name) const
{
    return current() != nullptr ? current()->findChild<QPushButton*>(name) : nullptr;
}

void TestKioskWindow::tap(const QString& object_name)
{
    QPushButton* b = button(object_name);
    QVERIFY2(b != nullptr, qPrintable(object_name));
    QVERIFY2(b->isVisible() && b->isEnabled(), qPrintable(object_name));
    QTest::mouseClick(b, Qt::LeftButton);
}

void TestKioskWindow::typeOnKeypad(const QString& text)
{
    for (const QChar c : text) {
        tap(c.isDigit() ? QStringLiteral("key_%1").arg(c) : QStringLiteral("key_letter"));
        if (QTest::currentTestFailed()) return;
    }
}

void TestKioskWindow::enter(const QString& id, const QString& dob)
{
    QCOMPARE(currentId(), int(ScreenId::Identify));
    tap(QStringLiteral("idField"));
    tap(QStringLiteral("key_clear"));
    typeOnKeypad(id);
    tap(QStringLiteral("dobField"));
    tap(QStringLiteral("key_clear"));
    typeOnKeypad(dob);
    auto* id_field = current()->findChild<mk::ui::MaskedField*>(QStringLiteral("idField"));
    auto* dob_field = current()->findChild<mk::ui::MaskedField*>(QStringLiteral("dobField"));
    QVERIFY(id_field && dob_field);
    QCOMPARE(id_field->value(), id);
    QCOMPARE(dob_field->value(), dob);
    // Not being typed: masked.
    if (!id.isEmpty())
        QVERIFY2(!id_field->displayText().contains(id), qPrintable(id_field->displayText()));
}

QStringList TestKioskWindow::visibleTexts() const
{
    QStringList texts;
    const auto labels = window_->findChildren<QLabel*>();
    for (const QLabel* l : labels)
        if (l->isVisibleTo(window_.get())) texts << l->text();
    const auto buttons = window_->findChildren<QPushButton*>();
    for (const QPushButton* b : buttons)
        if (b->isVisibleTo(window_.get())) texts << b->text();
    return texts;
}

QStringList TestKioskWindow::allTexts() const
{
    QStringList texts;
    const auto labels = window_->findChildren<QLabel*>();
    for (const QLabel* l : labels) texts << l->text() << l->toolTip() << l->accessibleName();
    const auto buttons = window_->findChildren<QPushButton*>();
    for (const QPushButton* b : buttons) texts << b->text() << b->toolTip() << b->accessibleName();
    return texts;
}

void TestKioskWindow::classifyId_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("normalized");
    using Kind = mk::ui::IdentifyScreen::IdKind;
    QTest::newRow("patient number") << "P00001001" << int(Kind::PatientNumber) << "P00001001";
    QTest::newRow("lower-case p") << "p00001001" << int(Kind::PatientNumber) << "P00001001";
    QTest::newRow("8 digits") << "00001001" << int(Kind::PatientNumber) << "P00001001";
    QTest::newRow("mobile") << "13800138000" << int(Kind::Phone) << "13800138000";
    QTest::newRow("11 digits not a mobile") << "23800138000" << int(Kind::Invalid) << "";
    QTest::newRow("10 digits") << "1380013800" << int(Kind::Invalid) << "";
    QTest::newRow("P alone") << "P" << int(Kind::Invalid) << "";
    QTest::newRow("P and 3 digits") << "P123" << int(Kind::Invalid) << "";
    QTest::newRow("empty") << "" << int(Kind::Invalid) << "";
    QTest::newRow("letters inside") << "P0000A001" << int(Kind::Invalid) << "";
    QTest::newRow("spaces around") << " P00001001 " << int(Kind::PatientNumber) << "P00001001";
}

void TestKioskWindow::classifyId()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(QString, normalized);
    QString out;
    QCOMPARE(int(mk::ui::IdentifyScreen::classifyId(text, &out)), kind);
    QCOMPARE(out, normalized);
}

void TestKioskWindow::parseBirthDate_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<QDate>("expected");
    QTest::newRow("valid") << "19850312" << QDate(1985, 3, 12);
    QTest::newRow("29 February of a leap year") << "20000229" << QDate(2000, 2, 29);
    QTest::newRow("29 February otherwise") << "19990229" << QDate();
    QTest::newRow("today") << "20261123" << QDate(2026, 11, 23);
    QTest::newRow("tomorrow") << "20261124" << QDate();
    QTest::newRow("1900-01-01") << "19000101" << QDate(1900, 1, 1);
    QTest::newRow("1899") << "18991231" << QDate();
    QTest::newRow("month 0") << "19850012" << QDate();
    QTest::newRow("day 32") << "19850132" << QDate();
    QTest::newRow("7 digits") << "1985031" << QDate();
    QTest::newRow("9 digits") << "198503120" << QDate();
    QTest::newRow("with dashes") << "1985-3-12" << QDate();
    QTest::newRow("letters") << "1985O312" << QDate();
}

void TestKioskWindow::parseBirthDate()
{
    QFETCH(QString, digits);
    QFETCH(QDate, expected);
    QCOMPARE(mk::ui::IdentifyScreen::parseBirthDate(digits, QDate(2026, 11, 23)), expected);
}

void TestKioskWindow::homeGoesToIdentify()
{
    QVERIFY(!button(QStringLiteral("bookButton"))->text().isEmpty());
    tap(QStringLiteral("bookButton"));
    QCOMPARE(currentId(), int(ScreenId::Identify));
    QVERIFY(window_->findChild<QWidget*>(QStringLiteral("backButton"))->isVisible());
}

void TestKioskWindow::keypadIdentifies_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("dob");
    QTest::addColumn<int>("screen");
    QTest::addColumn<QString>("identified");
    QTest::newRow("patient number, no children")
        << "P00001004"
        << "19900720" << int(ScreenId::Department) << "pat-1004";
    QTest::newRow("8 digits of a patient number")
        << "00001004"
        << "19900720" << int(ScreenId::Department) << "pat-1004";
    QTest::newRow("phone of an adult") << "13900139000"
                                       << "19900720" << int(ScreenId::Department) << "pat-1004";
    QTest::newRow("shared phone, Zhang Jing")
        << "13700137000"
        << "19800125" << int(ScreenId::Department) << "pat-1006";
    QTest::newRow("shared phone, Zhang Wei")
        << "13700137000"
        << "19781102" << int(ScreenId::Department) << "pat-1005";
    QTest::newRow("guardian") << "P00001001"
                              << "19850312" << int(ScreenId::ChildChoice) << "pat-1001";
}

void TestKioskWindow::keypadIdentifies()
{
    QFETCH(QString, id);
    QFETCH(QString, dob);
    QFETCH(int, screen);
    QFETCH(QString, identified);
    tap(QStringLiteral("bookButton"));
    enter(id, dob);
    if (QTest::currentTestFailed()) return;
    tap(QStringLiteral("continueButton"));
    QTRY_COMPARE_WITH_TIMEOUT(currentId(), screen, kFlowTimeoutMs);
    const mk::booking::BookingSession& session = window_->session();
    QVERIFY(session.identified.has_value());
    QCOMPARE(session.identified->id, identified);
    if (screen == int(ScreenId::Department)) {
        QVERIFY(session.patient.has_value());
        QCOMPARE(session.patient->id, identified);
        QVERIFY(session.children.isEmpty());
    } else {
        QVERIFY(!session.patient.has_value());
        QCOMPARE(session.children.size(), 2);
    }
}

void TestKioskWindow::childChoiceShowsMaskedPeople()
{
    tap(QStringLiteral("bookButton"));
    enter(QStringLiteral("P00001001"), QStringLiteral("19850312"));
    tap(QStringLiteral("continueButton"));
    QTRY_COMPARE_WITH_TIMEOUT(currentId(), int(ScreenId::ChildChoice), kFlowTimeoutMs);
    QList<QPushButton*> tiles;
    for (int i = 0;; ++i) {
        QPushButton* tile = button(QStringLiteral("personTile_%1").arg(i));
        if (tile == nullptr) break;
        tiles << tile;
    }
    QCOMPARE(tiles.size(), 3);
    QVERIFY2(tiles.at(0)->text().contains(QStringLiteral("李*")), qPrintable(tiles.at(0)->text()));
    QVERIFY2(tiles.at(1)->text().contains(QStringLiteral("李*雨")),
             qPrintable(tiles.at(1)->text()));
    for (const QString& text : visibleTexts()) {
        for (const QString& personal : personalStrings())
            QVERIFY2(!text.contains(personal), qPrintable(text));
    }
    // The same in English.
    window_->setLanguage(QStringLiteral("en"));
    QVERIFY2(tiles.at(2)->text().contains(QLatin1Char('*')), qPrintable(tiles.at(2)->text()));
    for (const QString& text : visibleTexts()) {
        for (const QString& personal : personalStrings())
            QVERIFY2(!text.contains(personal), qPrintable(text));
    }
    tap(QStringLiteral("personTile_2"));
    QTRY_COMPARE(currentId(), int(ScreenId::Department));
    QCOMPARE(window_->session().patient->id, QStringLiteral("pat-1003"));
}

void TestKioskWindow::wrongBirthDateStays()
{
    tap(QStringLiteral("bookButton"));
    enter(QStringLiteral("P00001004"), QStringLiteral("19900721"));
    tap(QStringLiteral("continueButton"));
    auto* message = current()->findChild<QLabel*>(QStringLiteral("identifyMessage"));
    QVERIFY(message != nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(!current()->loading() && message->isVisible(), kFlowTimeoutMs);
    QVERIFY(!message->text().isEmpty());
    QCOMPARE(currentId(), int(ScreenId::Identify));
    QVERIFY(!window_->session().identified.has_value());
    QVERIFY(button(QStringLiteral("continueButton"))->isEnabled());
}

void TestKioskWindow::badInputNeverAsksThePool_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("dob");
    QTest::newRow("no number") << ""
                               << "19900720";
    QTest::newRow("too short a number") << "1234"
                                        << "19900720";
    QTest::newRow("12 digits") << "123456789012"
                               << "19900720";
    QTest::newRow("no birth date") << "P00001004"
                                   << "";
    QTest::newRow("7 digits of a birth date") << "P00001004"
                                              << "1990072";
    QTest::newRow("month 13") << "P00001004"
                              << "19901320";
    QTest::newRow("30 February") << "P00001004"
                                 << "19900230";
    QTest::newRow("in the future") << "P00001004"
                                   << "29990101";
    QTest::newRow("before 1900") << "P00001004"
                                 << "18991231";
}

void TestKioskWindow::badInputNeverAsksThePool()
{
    QFETCH(QString, id);
    QFETCH(QString, dob);
    tap(QStringLiteral("bookButton"));
    enter(id, dob);
    if (QTest::currentTestFailed()) return;
    const quint64 requests_before = client_->stats().requests.load();
    // The screen asks the pool only after it shows that it is loading, within the tap: no
    // loadingChanged means no request, with no wait for one that never comes.
    QSignalSpy loading(current(), &mk::ui::Screen::loadingChanged);
    tap(QStringLiteral("continueButton"));
    QCOMPARE(loading.size(), 0);
    QVERIFY(!current()->loading());
    auto* message = current()->findChild<QLabel*>(QStringLiteral("identifyMessage"));
    QVERIFY(message->isVisible() && !message->text().isEmpty());
    QCOMPARE(client_->stats().requests.load(), requests_before);
    QCOMPARE(currentId(), int(ScreenId::Identify));
}

void TestKioskWindow::wedgeScannerIdentifies()
{
    tap(QStringLiteral("bookButton"));
    QTest::keyClicks(window_.get(), QStringLiteral("MKPATIENT:P00001004:19900720"));
    QTest::keyClick(window_.get(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(currentId(), int(ScreenId::Department), kFlowTimeoutMs);
    QCOMPARE(window_->session().patient->id, QStringLiteral("pat-1004"));
}

void TestKioskWindow::slowTypingIsNotAScan()
{
    tap(QStringLiteral("bookButton"));
    auto* identify = qobject_cast<mk::ui::IdentifyScreen*>(current());
    QVERIFY(identify != nullptr);
    const quint64 requests_before = client_->stats().requests.load();
    // A person at a keyboard: far more than 50 ms between keys, on the scanner's clock (a clock
    // of the test's own: nobody waits for the person).
    const int gap_ms = 3 * mk::ui::WedgeScanner::kDefaultMaxGapMs;
    qint64 now_ms = 0;
    mk::ui::WedgeScanner* scanner = identify->scanner();
    scanner->setClock([&now_ms] { return now_ms; });
    const auto real_clock = qScopeGuard([scanner] { scanner->setClock({}); });
    // A scan is emitted within the Enter key's event; a lookup starts within the scan.
    QSignalSpy scans(scanner, &mk::ui::WedgeScanner::scanned);
    QSignalSpy loading(identify, &mk::ui::Screen::loadingChanged);
    const QByteArray typed = QByteArrayLiteral("MKPATIENT:P00001004:19900720");
    for (const char c : typed) {
        now_ms += gap_ms;
        QTest::keyClick(window_.get(), c);
    }
    now_ms += gap_ms;
    QTest::keyClick(window_.get(), Qt::Key_Return);
    QCOMPARE(scans.size(), 0);
    QCOMPARE(loading.size(), 0);
    QVERIFY(!identify->loading());
    QCOMPARE(client_->stats().requests.load(), requests_before);
    QCOMPARE(currentId(), int(ScreenId::Identify));
    QVERIFY(!window_->session().identified.has_value());
}

void TestKioskWindow::scannedCodeThatIsNoPatientCard_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("appointment code") << "MKAPPT:A20261124-0001";
    QTest::newRow("a web address") << "https://example.org/x";
    QTest::newRow("impossible birth date") << "MKPATIENT:P00001004:19901332";
    QTest::newRow("no birth date") << "MKPATIENT:P00001004";
    QTest::newRow("empty number") << "MKPATIENT::19900720";
    QTest::newRow("lower-case prefix") << "mkpatient:P00001004:19900720x";
}

void TestKioskWindow::scannedCodeThatIsNoPatientCard()
{
    QFETCH(QString, code);
    tap(QStringLiteral("bookButton"));
    const quint64 requests_before = client_->stats().requests.load();
    QTest::keyClicks(window_.get(), code);
    QTest::keyClick(window_.get(), Qt::Key_Return);
    auto* message = current()->findChild<QLabel*>(QStringLiteral("identifyMessage"));
    QVERIFY(message->isVisible() && !message->text().isEmpty());
    QVERIFY(!current()->loading());
    QCOMPARE(client_->stats().requests.load(), requests_before);
    QCOMPARE(currentId(), int(ScreenId::Identify));
}

void TestKioskWindow::idleTimeoutClearsEverything()
{
    tap(QStringLiteral("bookButton"));
    enter(QStringLiteral("P00001001"), QStringLiteral("19850312"));
    tap(QStringLiteral("continueButton"));
    QTRY_COMPARE_WITH_TIMEOUT(currentId(), int(ScreenId::ChildChoice), kFlowTimeoutMs);
    tap(QStringLiteral("personTile_1"));
    QTRY_COMPARE(currentId(), int(ScreenId::Department));
    QTRY_VERIFY_WITH_TIMEOUT(!current()->loading(), kFlowTimeoutMs);
    QVERIFY(window_->session().active());

    QSignalSpy went_home(window_.get(), &mk::ui::KioskWindow::wentHome);
    window_->setIdleTimeoutMs(300);
    QTRY_COMPARE_WITH_TIMEOUT(currentId(), int(ScreenId::Home), 10000);
    QVERIFY(went_home.count() >= 1);
    const mk::booking::BookingSession& session = window_->session();
    QVERIFY(!session.active());
    QVERIFY(!session.patient.has_value());
    QVERIFY(session.children.isEmpty());
    QVERIFY(!session.department.has_value());
    // No personal data in any label or button of any screen, shown or not.
    const QStringList texts = allTexts();
    for (const QString& text : texts) {
        for (const QString& personal : personalStrings())
            QVERIFY2(!text.contains(personal), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("李*")), qPrintable(text));
    }
    const auto fields = window_->findChildren<mk::ui::MaskedField*>();
    for (const mk::ui::MaskedField* field : fields) QVERIFY(field->value().isEmpty());
    const auto keypads = window_->findChildren<mk::ui::Keypad*>();
    for (const mk::ui::Keypad* keypad : keypads) QVERIFY(keypad->text().isEmpty());
}

void TestKioskWindow::languageSwitch()
{
    QPushButton* book = button(QStringLiteral("bookButton"));
    QPushButton* toggle = window_->findChild<QPushButton*>(QStringLiteral("languageButton"));
    QVERIFY(book && toggle);
    QCOMPARE(window_->language(), QStringLiteral("zh_CN"));
    const QString chinese = book->text();
    QTest::mouseClick(toggle, Qt::LeftButton);
    QCOMPARE(window_->language(), QStringLiteral("en"));
    QCOMPARE(book->text(), QStringLiteral("Book an appointment"));
    QTest::mouseClick(toggle, Qt::LeftButton);
    QCOMPARE(window_->language(), QStringLiteral("zh_CN"));
    QCOMPARE(book->text(), chinese);
    if (chinese == QLatin1String("Book an appointment"))
        QFAIL("i18n/medkiosk_zh_CN.ts has no translation of the Home screen");
    bool has_cjk = false;
    for (const QChar c : chinese)
        has_cjk = has_cjk || (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff);
    QVERIFY2(has_cjk, qPrintable(chinese));
}

void TestKioskWindow::idleTimeoutRestoresTheKioskLanguage()
{
    QCOMPARE(window_->language(), config_.default_language);
    tap(QStringLiteral("bookButton"));
    window_->setLanguage(QStringLiteral("en"));
    window_->setIdleTimeoutMs(300);
    QTRY_COMPARE_WITH_TIMEOUT(currentId(), int(ScreenId::Home), 10000);
    QTRY_COMPARE(window_->language(), config_.default_language);
}

void TestKioskWindow::buttonsAreLargeEnough_data()
{
    QTest::addColumn<int>("screen");
    QTest::addColumn<QSize>("size");
    QTest::newRow("Home, portrait") << int(ScreenId::Home) << QSize(1080, 1920);
    QTest::newRow("Identify, portrait") << int(ScreenId::Identify) << QSize(1080, 1920);
    QTest::newRow("Home, landscape") << int(ScreenId::Home) << QSize(1920, 1080);
    QTest::newRow("Identify, landscape") << int(ScreenId::Identify) << QSize(1920, 1080);
}

void TestKioskWindow::buttonsAreLargeEnough()
{
    QFETCH(int, screen);
    QFETCH(QSize, size);
    window_->resize(size);
    if (screen != int(ScreenId::Home)) window_->showScreen(ScreenId(screen));
    QTRY_COMPARE(window_->size(), size);
    // What is wrong with the visible buttons: empty once the layouts have followed the resize.
    const auto problems = [this] {
        QStringList found;
        int checked = 0;
        const auto buttons = window_->findChildren<QPushButton*>();
        for (const QPushButton* b : buttons) {
            if (!b->isVisibleTo(window_.get())) continue;
            ++checked;
            if (b->height() < 60)
                found << QStringLiteral("%1 \"%2\" is %3 px high")
                             .arg(b->objectName(), b->text())
                             .arg(b->height());
            // Nothing cut off at the window's edges.
            const QRect in_window(b->mapTo(window_.get(), QPoint(0, 0)), b->size());
            if (!window_->rect().contains(in_window))
                found << b->objectName() + QStringLiteral(" is cut off");
        }
        if (checked < 2) found << QStringLiteral("%1 buttons visible").arg(checked);
        return found;
    };
    // The layouts follow the resize in posted events: until they have, at most 10 s.
    const bool laid_out = QTest::qWaitFor([&problems] { return problems().isEmpty(); }, 10000);
    const QStringList left = problems();
    QVERIFY2(laid_out && left.isEmpty(), qPrintable(left.join(u'\n')));
}

void TestKioskWindow::outageShowsMessageAndStaysResponsive()
{
    tap(QStringLiteral("bookButton"));
    enter(QStringLiteral("P00001004"), QStringLiteral("19900720"));
    mk::sim::FaultSpec outage;
    outage.mode = QStringLiteral("outage");
    outage.count = -1;
    sim_->setFault(outage);
    tap(QStringLiteral("continueButton"));
    QVERIFY(current()->loading());
    // While waiting, the keypad stays disabled (no double requests) and the UI keeps painting.
    QVERIFY(!button(QStringLiteral("continueButton"))->isEnabled());
    QVERIFY(!button(QStringLiteral("key_1"))->isEnabled());
    auto* message = current()->findChild<QLabel*>(QStringLiteral("identifyMessage"));
    QTRY_VERIFY_WITH_TIMEOUT(!current()->loading(), kFlowTimeoutMs);
    QVERIFY(message->isVisible());
    QStringList expected;
    for (mk::ErrorCode code : {mk::ErrorCode::Offline, mk::ErrorCode::Network,
                               mk::ErrorCode::Server, mk::ErrorCode::Timeout})
        expected << mk::userMessage(mk::makeError(code, QString()));
    QVERIFY2(expected.contains(message->text()), qPrintable(message->text()));
    QCOMPARE(currentId(), int(ScreenId::Identify));
    QVERIFY(!window_->session().identified.has_value());
    // Still usable: the keypad types, Back works.
    tap(QStringLiteral("dobField"));
    tap(QStringLiteral("key_backspace"));
    auto* dob_field = current()->findChild<mk::ui::MaskedField*>(QStringLiteral("dobField"));
    QCOMPARE(dob_field->value(), QStringLiteral("1990072"));
    // The pool is back: the same person gets through.
    mk::sim::FaultSpec none;
    none.mode = QStringLiteral("none");
    sim_->setFault(none);
    tap(QStringLiteral("key_0"));
    tap(QStringLiteral("continueButton"));
    QTRY_COMPARE_WITH_TIMEOUT(currentId(), int(ScreenId::Department), kFlowTimeoutMs);
}

QTEST_MAIN(TestKioskWindow)
#include "tst_kioskwindow.moc"
