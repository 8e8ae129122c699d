// "Need more time? / 需要更多时间吗?" before the idle reset (issue 12, item 3), on the window's
// injected idle clock (KioskWindow::setIdleClock, the MonotonicClock the wedge scanner uses too):
// the test moves time and asks the window to look at it (checkIdle), never waits for it. The
// warning appears idleWarningMs() before the reset with a countdown, a tap extends, no tap clears
// the personal data as before; spoken in elder mode; both languages. Real parts: the pool
// simulator on loopback, PoolClient over HTTP, BookingService, an in-memory encrypted store.
#include "core/booking/BookingService.h"
#include "core/booking/BookingSession.h"
#include "core/config/KioskConfig.h"
#include "core/pool/PoolClient.h"
#include "core/store/Store.h"
#include "poolsim/SimulatorThread.h"
#include "ui/KioskWindow.h"
#include "ui/Theme.h"
#include "ui/access/IdleWarning.h"
#include "ui/access/SpeechOutput.h"
#include "ui/widgets/Keypad.h"
#include "ui/widgets/MaskedField.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QtTest>

#include <memory>

using mk::ui::ScreenId;

namespace {

constexpr int kIdleMs = 60000;
constexpr int kWarningMs = 20000;

class RecordingVoice final : public mk::ui::SpeechOutput
{
public:
    bool available() const override { return true; }
    void say(const QString& sentence, const QString& language) override
    {
        said << sentence;
        languages << language;
    }
    QStringList said;
    QStringList languages;
};

QString warningText(const char* source, int n = -1)
{
    return QCoreApplication::translate("mk::ui::IdleWarning", source, nullptr, n);
}

}  // namespace

class TestIdleWarning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void warningShownBeforeTheReset_data();
    void warningShownBeforeTheReset();
    void tapExtends_data();
    void tapExtends();
    void tapAnywhereExtendsAndPressesNothing();
    void noTapClearsPersonalData_data();
    void noTapClearsPersonalData();
    void spokenInElderMode_data();
    void spokenInElderMode();
    void noWarningOnAnUntouchedHome();
    void shortIdleTimeWarnsHalfway();

private:
    mk::ui::Screen* current() const { return window_->currentScreen(); }
    int currentId() const { return current() != nullptr ? int(current()->id()) : -1; }
    void tapOnScreen(const QString& object_name);
    void startTyping();  // Identify with a patient number half typed: personal data on screen
    QLabel* countdown() const
    {
        return window_->findChild<QLabel*>(QStringLiteral("idleWarningCountdown"));
    }
    void advance(qint64 ms)
    {
        now_ms_ += ms;
        window_->checkIdle();
    }

    std::unique_ptr<mk::sim::SimulatorThread> sim_;
    std::unique_ptr<mk::store::Store> store_;
    std::shared_ptr<mk::pool::PoolClient> client_;
    std::unique_ptr<mk::booking::BookingService> service_;
    mk::config::KioskConfig config_;
    std::unique_ptr<mk::ui::KioskWindow> window_;
    RecordingVoice voice_;
    qint64 now_ms_ = 1'000'000;
};

void TestIdleWarning::initTestCase()
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
    window_->setIdleClock([this] { return now_ms_; });
    window_->resize(1080, 1920);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
}

void TestIdleWarning::init()
{
    window_->setSpeechOutput(nullptr);
    voice_.said.clear();
    voice_.languages.clear();
    window_->setElderMode(false);
    window_->setLanguage(QStringLiteral("zh_CN"));
    window_->goHome();
    // The real idle timer is armed for tens of seconds: only checkIdle() moves anything here.
    window_->setIdleTimeoutMs(kIdleMs);
    window_->setIdleWarningMs(kWarningMs);
    QCOMPARE(window_->idleWarningMs(), kWarningMs);
    QVERIFY(!window_->idleWarningShown());
}

void TestIdleWarning::cleanupTestCase()
{
    window_.reset();
    service_.reset();
    client_.reset();
    store_.reset();
    sim_.reset();
}

void TestIdleWarning::tapOnScreen(const QString& object_name)
{
    QVERIFY(current() != nullptr);
    auto* b = current()->findChild<QPushButton*>(object_name);
    QVERIFY2(b != nullptr && b->isVisible() && b->isEnabled(), qPrintable(object_name));
    QTest::mouseClick(b, Qt::LeftButton);
}

void TestIdleWarning::startTyping()
{
    tapOnScreen(QStringLiteral("bookButton"));
    QCOMPARE(currentId(), int(ScreenId::Identify));
    tapOnScreen(QStringLiteral("idField"));
    for (const char* key : {"key_1", "key_3", "key_8", "key_0", "key_0"})
        tapOnScreen(QLatin1String(key));
    auto* field = current()->findChild<mk::ui::MaskedField*>(QStringLiteral("idField"));
    QVERIFY(field != nullptr);
    QCOMPARE(field->value(), QStringLiteral("13800"));
}

void TestIdleWarning::warningShownBeforeTheReset_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("Chinese") << QStringLiteral("zh_CN");
    QTest::newRow("English") << QStringLiteral("en");
}

void TestIdleWarning::warningShownBeforeTheReset()
{
    QFETCH(QString, language);
    window_->setLanguage(language);
    startTyping();
    advance(kIdleMs - kWarningMs - 1);
    QVERIFY(!window_->idleWarningShown());
    advance(1);  // T - 20 s
    QVERIFY(window_->idleWarningShown());
    auto* title = window_->findChild<QLabel*>(QStringLiteral("idleWarningTitle"));
    QVERIFY(title != nullptr && title->isVisible());
    QCOMPARE(title->text(), warningText("Need more time?"));
    QVERIFY(countdown()->isVisible());
    QCOMPARE(countdown()->text(), warningText("Back to the start screen in %n second(s)", 20));
    QCOMPARE(window_->idleWarning()->secondsLeft(), 20);
    // It covers the whole window, above the screen.
    QCOMPARE(window_->idleWarning()->geometry(), window_->rect());
    auto* more = window_->findChild<QPushButton*>(QStringLiteral("moreTimeButton"));
    QVERIFY(more != nullptr && more->isVisible());
    QVERIFY(more->height() >= mk::ui::Theme::minima(mk::ui::UiMode::Normal).target_px);
    // The countdown counts.
    advance(5000);
    QCOMPARE(countdown()->text(), warningText("Back to the start screen in %n second(s)", 15));
    advance(14500);
    QCOMPARE(window_->idleWarning()->secondsLeft(), 1);
    QCOMPARE(currentId(), int(ScreenId::Identify));  // not yet
    // The other language while it shows: the prompt follows.
    window_->setLanguage(language == QLatin1String("en") ? QStringLiteral("zh_CN")
                                                         : QStringLiteral("en"));
    QCOMPARE(countdown()->text(), warningText("Back to the start screen in %n second(s)", 1));
}

void TestIdleWarning::tapExtends_data()
{
    warningShownBeforeTheReset_data();
}

void TestIdleWarning::tapExtends()
{
    QFETCH(QString, language);
    window_->setLanguage(language);
    startTyping();
    advance(kIdleMs - 5000);
    QVERIFY(window_->idleWarningShown());
    QTest::mouseClick(window_->findChild<QPushButton*>(QStringLiteral("moreTimeButton")),
                      Qt::LeftButton);
    QVERIFY(!window_->idleWarningShown());
    QCOMPARE(currentId(), int(ScreenId::Identify));
    auto* field = current()->findChild<mk::ui::MaskedField*>(QStringLiteral("idField"));
    QCOMPARE(field->value(), QStringLiteral("13800"));  // nothing lost
    // A whole idle time again from the tap.
    advance(kIdleMs - kWarningMs - 1);
    QVERIFY(!window_->idleWarningShown());
    advance(kWarningMs);
    QVERIFY(window_->idleWarningShown());
    QCOMPARE(currentId(), int(ScreenId::Identify));
    QCOMPARE(window_->language(), language);
}

void TestIdleWarning::tapAnywhereExtendsAndPressesNothing()
{
    startTyping();
    advance(kIdleMs - 3000);
    QVERIFY(window_->idleWarningShown());
    // A tap on the dimmed part, right over a keypad key: extends, types nothing.
    auto* key = current()->findChild<QPushButton*>(QStringLiteral("key_5"));
    QVERIFY(key != nullptr);
    const QPoint at = window_->idleWarning()->mapFromGlobal(key->mapToGlobal(key->rect().center()));
    QWidget* under = window_->idleWarning()->childAt(at);
    QTest::mouseClick(under != nullptr ? under : window_->idleWarning(), Qt::LeftButton,
                      Qt::NoModifier,
                      under != nullptr ? under->mapFrom(window_->idleWarning(), at) : at);
    QVERIFY(!window_->idleWarningShown());
    auto* field = current()->findChild<mk::ui::MaskedField*>(QStringLiteral("idField"));
    QCOMPARE(field->value(), QStringLiteral("13800"));
    advance(kIdleMs - kWarningMs - 1);
    QVERIFY(!window_->idleWarningShown());
}

void TestIdleWarning::noTapClearsPersonalData_data()
{
    warningShownBeforeTheReset_data();
}

void TestIdleWarning::noTapClearsPersonalData()
{
    QFETCH(QString, language);
    window_->setLanguage(language);
    startTyping();
    window_->setElderMode(true);
    QSignalSpy went_home(window_.get(), &mk::ui::KioskWindow::wentHome);
    advance(kIdleMs - kWarningMs);
    QVERIFY(window_->idleWarningShown());
    advance(kWarningMs - 1);
    QVERIFY(window_->idleWarningShown());
    QCOMPARE(went_home.count(), 0);
    advance(1);  // the countdown ran out
    QVERIFY(!window_->idleWarningShown());
    QCOMPARE(went_home.count(), 1);
    QCOMPARE(currentId(), int(ScreenId::Home));
    QVERIFY(!window_->session().active());
    const auto fields = window_->findChildren<mk::ui::MaskedField*>();
    for (const mk::ui::MaskedField* field : fields) QVERIFY(field->value().isEmpty());
    const auto keypads = window_->findChildren<mk::ui::Keypad*>();
    for (const mk::ui::Keypad* keypad : keypads) QVERIFY(keypad->text().isEmpty());
    // The next person: normal mode, the kiosk's language.
    QVERIFY(!window_->elderMode());
    QCOMPARE(window_->language(), config_.default_language);
    // Nothing more to clear: no new warning on the untouched Home.
    advance(kIdleMs);
    QVERIFY(!window_->idleWarningShown());
}

void TestIdleWarning::spokenInElderMode_data()
{
    warningShownBeforeTheReset_data();
}

void TestIdleWarning::spokenInElderMode()
{
    QFETCH(QString, language);
    window_->setLanguage(language);
    window_->setSpeechOutput(&voice_);
    startTyping();
    const qsizetype before = voice_.said.size();
    advance(kIdleMs - kWarningMs);
    QVERIFY(window_->idleWarningShown());
    QCOMPARE(voice_.said.size(), before);  // normal mode: shown, not spoken
    auto* more = window_->findChild<QPushButton*>(QStringLiteral("moreTimeButton"));
    QTest::mouseClick(more, Qt::LeftButton);

    window_->setElderMode(true);
    voice_.said.clear();
    voice_.languages.clear();
    advance(kIdleMs - kWarningMs);
    QVERIFY(window_->idleWarningShown());
    QCOMPARE(voice_.said.size(), 1);
    QCOMPARE(voice_.languages.last(), language);
    QVERIFY2(voice_.said.last().contains(warningText("Need more time?")),
             qPrintable(voice_.said.last()));
    QVERIFY2(voice_.said.last().contains(countdown()->text()), qPrintable(voice_.said.last()));
    advance(1000);  // said once, not every second
    QCOMPARE(voice_.said.size(), 1);
    // The read-aloud button reads the prompt while it shows (the prompt covers the screen).
    QCOMPARE(window_->readAloud(), window_->idleWarning()->spokenText().simplified());
}

void TestIdleWarning::noWarningOnAnUntouchedHome()
{
    QCOMPARE(currentId(), int(ScreenId::Home));
    advance(kIdleMs - 1000);
    QVERIFY(!window_->idleWarningShown());
    advance(kIdleMs * 5);
    QVERIFY(!window_->idleWarningShown());
    QCOMPARE(currentId(), int(ScreenId::Home));
}

void TestIdleWarning::shortIdleTimeWarnsHalfway()
{
    // A configured idle time shorter than twice the warning: the warning takes the last half.
    window_->setIdleTimeoutMs(10000);
    QCOMPARE(window_->idleWarningMs(), 5000);
    startTyping();
    advance(4999);
    QVERIFY(!window_->idleWarningShown());
    advance(1);
    QVERIFY(window_->idleWarningShown());
    QCOMPARE(window_->idleWarning()->secondsLeft(), 5);
    advance(5000);
    QCOMPARE(currentId(), int(ScreenId::Home));
}

QTEST_MAIN(TestIdleWarning)
#include "tst_idlewarning.moc"
