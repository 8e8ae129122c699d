// Elder mode (长辈模式) and read-aloud (issue 12, items 1 and 2), driven like a patient would: the
// header's button on every screen, the mode lasting the session and reset on idle, text and touch
// targets larger and contrast stronger than in normal mode, fewer tiles per row, the read-aloud
// button hidden without audio (the real hw::Speaker on this machine) and reading the right text in
// the screen's language (a recording double of the window's SpeechOutput). Real parts: the pool
// simulator on loopback, PoolClient over HTTP, BookingService, an in-memory encrypted store.
#include "TestWait.h"
#include "core/booking/BookingService.h"
#include "core/booking/BookingSession.h"
#include "core/config/KioskConfig.h"
#include "core/pool/PoolClient.h"
#include "core/store/Store.h"
#include "hw/speech/Speaker.h"
#include "poolsim/SimulatorThread.h"
#include "ui/KioskWindow.h"
#include "ui/Theme.h"
#include "ui/access/SpeechOutput.h"
#include "ui/access/Spoken.h"
#include "ui/booking/SlotGridWidget.h"
#include "ui/booking/TileGrid.h"
#include "ui/widgets/Keypad.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollArea>
#include <QtTest>

#include <cmath>
#include <memory>

using mk::ui::ScreenId;
using mk::ui::Theme;
using mk::ui::UiMode;

namespace {

constexpr int kFlowTimeoutMs = 60000;  // loaded 2-core machine; the pool is local

// The window's voice in tests: always available, remembers what it was asked to say.
class RecordingVoice final : public mk::ui::SpeechOutput
{
public:
    bool available() const override { return available_; }
    void say(const QString& sentence, const QString& language) override
    {
        said << sentence;
        languages << language;
    }
    void setAvailable(bool available)
    {
        available_ = available;
        Q_EMIT availableChanged(available);
    }

    QStringList said;
    QStringList languages;

private:
    bool available_ = true;
};

double luminance(const QColor& c)
{
    const auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace

class TestElderMode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void minimaPerMode();
    void toggleOnEveryScreen_data();
    void toggleOnEveryScreen();
    void lastsTheSessionAndResetsOnIdle();
    void sizesAndContrastLarger_data();
    void sizesAndContrastLarger();
    void fewerTilesPerRow();
    void windowKeepsTheScreenSize_data();
    void windowKeepsTheScreenSize();
    void landscapeScrollsInsteadOfOverlapping_data();
    void landscapeScrollsInsteadOfOverlapping();
    void readAloudHiddenWithoutAudio();
    void readAloudReadsTheScreen_data();
    void readAloudReadsTheScreen();
    void readAloudSaysTheErrorAndWhatToDo_data();
    void readAloudSaysTheErrorAndWhatToDo();
    void elderModeReadsEachScreenWhenItOpens();
    void spokenTextLeavesMaskedCharactersOut();

private:
    mk::ui::Screen* current() const { return window_->currentScreen(); }
    int currentId() const { return current() != nullptr ? int(current()->id()) : -1; }
    QPushButton* headerButton(const char* name) const
    {
        return window_->findChild<QPushButton*>(QLatin1String(name));
    }
    void tap(QWidget* widget);
    void tapOnScreen(const QString& object_name);
    // Visible labels' smallest font (px) and visible buttons' smallest side, in the window.
    int smallestTextPx() const;
    int smallestTargetPx(QString* which) const;

    std::unique_ptr<mk::sim::SimulatorThread> sim_;
    std::unique_ptr<mk::store::Store> store_;
    std::shared_ptr<mk::pool::PoolClient> client_;
    std::unique_ptr<mk::booking::BookingService> service_;
    mk::config::KioskConfig config_;
    std::unique_ptr<mk::ui::KioskWindow> window_;
    RecordingVoice voice_;
    qint64 now_ms_ = 0;
};

void TestElderMode::initTestCase()
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

    Theme::apply(*qApp);
    window_ = std::make_unique<mk::ui::KioskWindow>(service_.get(), config_);
    window_->setIdleClock([this] { return now_ms_; });
    window_->resize(1080, 1920);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
}

void TestElderMode::init()
{
    window_->setSpeechOutput(nullptr);
    voice_.setAvailable(true);
    voice_.said.clear();
    voice_.languages.clear();
    window_->setIdleTimeoutMs(60000);
    window_->setElderMode(false);
    window_->setLanguage(QStringLiteral("zh_CN"));
    window_->resize(1080, 1920);
    window_->goHome();
    QCOMPARE(currentId(), int(ScreenId::Home));
}

void TestElderMode::cleanupTestCase()
{
    window_.reset();
    service_.reset();
    client_.reset();
    store_.reset();
    sim_.reset();
}

void TestElderMode::tap(QWidget* widget)
{
    QVERIFY(widget != nullptr);
    QVERIFY2(widget->isVisible() && widget->isEnabled(), qPrintable(widget->objectName()));
    QTest::mouseClick(widget, Qt::LeftButton);
}

void TestElderMode::tapOnScreen(const QString& object_name)
{
    QVERIFY(current() != nullptr);
    tap(current()->findChild<QPushButton*>(object_name));
}

int TestElderMode::smallestTextPx() const
{
    int smallest = 10000;
    const auto labels = window_->findChildren<QLabel*>();
    for (const QLabel* l : labels) {
        if (!l->isVisibleTo(window_.get()) || l->text().isEmpty() || !l->pixmap().isNull())
            continue;
        smallest = std::min(smallest, l->font().pixelSize());
    }
    const auto buttons = window_->findChildren<QPushButton*>();
    for (const QPushButton* b : buttons) {
        if (b->isVisibleTo(window_.get()) && !b->text().isEmpty())
            smallest = std::min(smallest, b->font().pixelSize());
    }
    return smallest;
}

int TestElderMode::smallestTargetPx(QString* which) const
{
    int smallest = 10000;
    const auto buttons = window_->findChildren<QPushButton*>();
    for (const QPushButton* b : buttons) {
        if (!b->isVisibleTo(window_.get())) continue;
        const int side = std::min(b->width(), b->height());
        if (side < smallest) {
            smallest = side;
            if (which != nullptr) *which = b->objectName() + QLatin1Char(' ') + b->text();
        }
    }
    return smallest;
}

void TestElderMode::minimaPerMode()
{
    const mk::ui::ThemeMinima normal = Theme::minima(UiMode::Normal);
    const mk::ui::ThemeMinima elder = Theme::minima(UiMode::Elder);
    // MIIT's ageing-friendly rules (18 dp text, 60x60 dp targets, 4.5:1) at arm's length
    // (docs/accessibility.md): elder mode promises more than normal on each.
    QVERIFY(elder.text_px > normal.text_px);
    QVERIFY(elder.target_px > normal.target_px);
    QVERIFY(elder.contrast > normal.contrast);
    QVERIFY(normal.target_px >= 60);
    QVERIFY(normal.contrast >= 4.5);
    // Every font and button size of the sheet follows the mode and never falls under it.
    for (const int px : {26, 28, 30, 34, 40, 52}) {
        QVERIFY(Theme::textPx(px, UiMode::Elder) > Theme::textPx(px, UiMode::Normal));
        QVERIFY(Theme::textPx(px, UiMode::Elder) >= elder.text_px);
    }
    // The visit number (110 px) is already large; it stays within a portrait screen's width.
    QCOMPARE(Theme::textPx(110, UiMode::Elder), 110);
    for (const int px : {60, 72, 88, 100, 110})
        QVERIFY(Theme::targetPx(px, UiMode::Elder) >= std::max(px, elder.target_px));
    QVERIFY(Theme::styleSheet(UiMode::Elder) != Theme::styleSheet(UiMode::Normal));
    QVERIFY(!Theme::styleSheet(UiMode::Elder).contains(QLatin1String("${")));
    QVERIFY(!Theme::styleSheet(UiMode::Normal).contains(QLatin1String("{f:")));
}

void TestElderMode::toggleOnEveryScreen_data()
{
    QTest::addColumn<int>("screen");
    QTest::addColumn<QString>("language");
    for (const char* lang : {"zh_CN", "en"}) {
        for (int id = int(ScreenId::Home); id <= int(ScreenId::Result); ++id) {
            QTest::addRow("screen %d, %s", id, lang) << id << QString::fromLatin1(lang);
        }
    }
}

void TestElderMode::toggleOnEveryScreen()
{
    QFETCH(int, screen);
    QFETCH(QString, language);
    window_->setLanguage(language);
    window_->showScreen(ScreenId(screen));
    QVERIFY(current() != nullptr);
    QPushButton* elder = headerButton("elderModeButton");
    QVERIFY(elder != nullptr);
    QVERIFY(elder->isVisible());
    QVERIFY(!elder->text().isEmpty());
    QCOMPARE(elder->text(), QCoreApplication::translate("mk::ui::KioskWindow", "Elder mode"));
    QVERIFY(!window_->elderMode());
    const int shown = currentId();

    tap(elder);
    QVERIFY(window_->elderMode());
    QVERIFY(elder->isChecked());
    QCOMPARE(Theme::mode(), UiMode::Elder);
    QCOMPARE(currentId(), shown);  // the same screen, only larger
    QCOMPARE(window_->font().pixelSize(), Theme::metrics(UiMode::Elder).body_px);
    QTRY_VERIFY(elder->height() >= Theme::minima(UiMode::Elder).target_px);

    tap(elder);
    QVERIFY(!window_->elderMode());
    QCOMPARE(Theme::mode(), UiMode::Normal);
    QCOMPARE(currentId(), shown);
}

void TestElderMode::lastsTheSessionAndResetsOnIdle()
{
    now_ms_ = 1000;
    window_->setIdleClock([this] { return now_ms_; });
    tap(headerButton("elderModeButton"));
    QVERIFY(window_->elderMode());
    tapOnScreen(QStringLiteral("bookButton"));
    QCOMPARE(currentId(), int(ScreenId::Identify));
    QVERIFY(window_->elderMode());  // the next screen too
    tap(window_->findChild<QPushButton*>(QStringLiteral("homeButton")));
    QCOMPARE(currentId(), int(ScreenId::Home));
    QVERIFY(window_->elderMode());  // the same person going Home

    QSignalSpy changed(window_.get(), &mk::ui::KioskWindow::elderModeChanged);
    now_ms_ += window_->idleTimeoutMs();  // nobody touched the screen
    window_->checkIdle();
    QVERIFY(!window_->elderMode());  // the next person starts in normal mode
    QCOMPARE(Theme::mode(), UiMode::Normal);
    QCOMPARE(changed.count(), 1);
    QVERIFY(!headerButton("elderModeButton")->isChecked());
}

void TestElderMode::sizesAndContrastLarger_data()
{
    QTest::addColumn<int>("screen");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("language");
    for (const char* lang : {"zh_CN", "en"}) {
        const QString l = QString::fromLatin1(lang);
        QTest::addRow("Home, portrait, %s", lang) << int(ScreenId::Home) << QSize(1080, 1920) << l;
        QTest::addRow("Identify, portrait, %s", lang)
            << int(ScreenId::Identify) << QSize(1080, 1920) << l;
        QTest::addRow("Home, landscape, %s", lang) << int(ScreenId::Home) << QSize(1920, 1080) << l;
        QTest::addRow("Identify, landscape, %s", lang)
            << int(ScreenId::Identify) << QSize(1920, 1080) << l;
    }
}

void TestElderMode::sizesAndContrastLarger()
{
    QFETCH(int, screen);
    QFETCH(QSize, size);
    QFETCH(QString, language);
    window_->setLanguage(language);
    window_->resize(size);
    if (screen != int(ScreenId::Home)) window_->showScreen(ScreenId(screen));
    QTRY_COMPARE(window_->size(), size);

    struct Measured {
        int text_px = 0;
        int target_px = 0;
        QString smallest;
        double title_contrast = 0;
        double primary_contrast = 0;
    };
    const auto measure = [this] {
        Measured m;
        m.text_px = smallestTextPx();
        m.target_px = smallestTargetPx(&m.smallest);
        // The title against the screen's background, the main button's text against its own.
        const auto labels = current()->findChildren<QLabel*>();
        for (const QLabel* l : labels) {
            if (l->property("role").toString() == QLatin1String("title") && l->isVisible()) {
                m.title_contrast = contrast(l->palette().color(QPalette::WindowText),
                                            current()->palette().color(QPalette::Window));
                break;
            }
        }
        const auto buttons = window_->findChildren<QPushButton*>();
        for (const QPushButton* b : buttons) {
            if (b->property("role").toString() == QLatin1String("primary") &&
                b->isVisibleTo(window_.get())) {
                m.primary_contrast = contrast(b->palette().color(QPalette::ButtonText),
                                              b->palette().color(QPalette::Button));
                break;
            }
        }
        return m;
    };
    // The layouts follow a mode switch within the event loop.
    QTRY_VERIFY(smallestTargetPx(nullptr) >= Theme::minima(UiMode::Normal).target_px);
    QVERIFY(mk::test::flushQueuedCalls(window_.get()));  // the posted layout requests
    const Measured normal = measure();
    window_->setElderMode(true);
    QVERIFY(mk::test::flushQueuedCalls(window_.get()));
    QTRY_VERIFY2(smallestTargetPx(nullptr) >= Theme::minima(UiMode::Elder).target_px,
                 qPrintable(QString::number(smallestTargetPx(nullptr))));
    const Measured elder = measure();
    window_->setElderMode(false);

    qInfo(
        "%s: smallest text %d -> %d px, smallest target %d -> %d px (%s), title contrast "
        "%.2f -> %.2f, primary button %.2f -> %.2f",
        QTest::currentDataTag(), normal.text_px, elder.text_px, normal.target_px, elder.target_px,
        qPrintable(elder.smallest), normal.title_contrast, elder.title_contrast,
        normal.primary_contrast, elder.primary_contrast);
    QVERIFY(normal.text_px >= Theme::minima(UiMode::Normal).text_px);
    QVERIFY(elder.text_px >= Theme::minima(UiMode::Elder).text_px);
    QVERIFY(elder.text_px > normal.text_px);
    QVERIFY(elder.target_px > normal.target_px);
    QVERIFY(normal.title_contrast >= Theme::minima(UiMode::Normal).contrast);
    QVERIFY(elder.title_contrast >= Theme::minima(UiMode::Elder).contrast);
    QVERIFY(elder.title_contrast > normal.title_contrast);
    if (normal.primary_contrast > 0) {
        QVERIFY(normal.primary_contrast >= Theme::minima(UiMode::Normal).contrast);
        QVERIFY(elder.primary_contrast >= Theme::minima(UiMode::Elder).contrast);
    }
}

void TestElderMode::fewerTilesPerRow()
{
    // A tile grid and a slot grid in a portrait and a landscape window, as the booking screens
    // hold them.
    for (const QSize size : {QSize(1080, 1920), QSize(1920, 1080)}) {
        QWidget top;
        top.resize(size);
        auto* tiles = new mk::ui::TileGrid(2, 3, &top);
        tiles->setGeometry(0, 0, size.width() - 64, 900);
        QStringList texts;
        QStringList names;
        for (int i = 0; i < 6; ++i) {
            texts << QStringLiteral("Department %1").arg(i);
            names << QStringLiteral("tile_%1").arg(i);
        }
        tiles->setTiles(texts, names);
        auto* slots = new mk::ui::SlotGridWidget(&top);
        slots->setGeometry(0, 900, size.width() - 64, 900);
        top.show();
        QVERIFY(QTest::qWaitForWindowExposed(&top));
        const auto perRow = [tiles] {
            int n = 1;
            while (n < tiles->count() && tiles->tile(n)->y() == tiles->tile(0)->y()) ++n;
            return n;
        };
        QTRY_COMPARE(perRow(), size.width() > size.height() ? 3 : 2);
        const int slot_columns = slots->columns();
        const int tile_width = tiles->tile(0)->width();

        window_->setElderMode(true);
        QTRY_COMPARE(perRow(),
                     Theme::choiceColumns(size.width() > size.height() ? 3 : 2, UiMode::Elder));
        QVERIFY(perRow() < (size.width() > size.height() ? 3 : 2));
        QTRY_VERIFY(slots->columns() < slot_columns);
        QTRY_VERIFY(tiles->tile(0)->width() > tile_width);  // larger tiles
        qInfo("%dx%d: tiles per row %d -> %d, slot columns %d -> %d", size.width(), size.height(),
              size.width() > size.height() ? 3 : 2, perRow(), slot_columns, slots->columns());
        window_->setElderMode(false);
        QTRY_COMPARE(perRow(), size.width() > size.height() ? 3 : 2);
        QTRY_COMPARE(slots->columns(), slot_columns);
    }
}

void TestElderMode::windowKeepsTheScreenSize_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("language");
    for (const char* lang : {"zh_CN", "en"}) {
        QTest::addRow("portrait, %s", lang) << QSize(1080, 1920) << QString::fromLatin1(lang);
        QTest::addRow("landscape, %s", lang) << QSize(1920, 1080) << QString::fromLatin1(lang);
    }
}

void TestElderMode::windowKeepsTheScreenSize()
{
    // Nothing in elder mode may make the window need more than the kiosk's screen (a header
    // wider than 1080 px would push the whole window off a portrait screen).
    QFETCH(QSize, size);
    QFETCH(QString, language);
    window_->setLanguage(language);
    window_->resize(size);
    // As in the kiosk: the staff button is in the header too (installStaffMode).
    auto* staff = headerButton("staffButton");
    QVERIFY(staff != nullptr);
    staff->show();
    const auto hide_staff = qScopeGuard([staff] { staff->hide(); });
    window_->setElderMode(true);
    QVERIFY(mk::test::flushQueuedCalls(window_.get()));
    const QSize needed = window_->minimumSizeHint();
    if (needed.width() > size.width() || needed.height() > size.height()) {
        const auto widgets = window_->findChildren<QWidget*>();
        for (const QWidget* w : widgets) {
            if (w->isVisibleTo(window_.get()) && w->minimumSizeHint().width() > 150)
                qInfo() << w->metaObject()->className() << w->objectName() << w->minimumSizeHint();
        }
    }
    QVERIFY2(needed.width() <= size.width() && needed.height() <= size.height(),
             qPrintable(QStringLiteral("%1x%2").arg(needed.width()).arg(needed.height())));
    window_->setElderMode(false);
}

void TestElderMode::landscapeScrollsInsteadOfOverlapping_data()
{
    QTest::addColumn<int>("screen");
    QTest::addColumn<QString>("language");
    for (const char* lang : {"zh_CN", "en"}) {
        QTest::addRow("Identify, %s", lang) << int(ScreenId::Identify) << QString::fromLatin1(lang);
        QTest::addRow("Home, %s", lang) << int(ScreenId::Home) << QString::fromLatin1(lang);
    }
}

void TestElderMode::landscapeScrollsInsteadOfOverlapping()
{
    QFETCH(int, screen);
    QFETCH(QString, language);
    window_->setLanguage(language);
    window_->resize(1920, 1080);
    if (screen != int(ScreenId::Home)) window_->showScreen(ScreenId(screen));
    window_->setElderMode(true);
    QTRY_COMPARE(window_->size(), QSize(1920, 1080));
    QVERIFY(mk::test::flushQueuedCalls(window_.get()));
    QVERIFY(mk::test::flushQueuedCalls(window_.get()));
    // No two visible buttons of the screen overlap (they did, squeezed, before the screen could
    // scroll), and every one lies inside the scrollable page.
    QList<const QPushButton*> buttons;
    const auto all = current()->findChildren<QPushButton*>();
    for (const QPushButton* b : all)
        if (b->isVisibleTo(current())) buttons << b;
    QVERIFY(!buttons.isEmpty());
    const auto rectOf = [this](const QPushButton* b) {
        return QRect(b->mapTo(current(), QPoint(0, 0)), b->size());
    };
    for (int i = 0; i < buttons.size(); ++i) {
        QVERIFY2(current()->rect().contains(rectOf(buttons[i])),
                 qPrintable(buttons[i]->objectName()));
        for (int j = i + 1; j < buttons.size(); ++j) {
            QVERIFY2(!rectOf(buttons[i]).intersects(rectOf(buttons[j])),
                     qPrintable(buttons[i]->objectName() + QStringLiteral(" / ") +
                                buttons[j]->objectName()));
        }
    }
    auto* scroll = window_->findChild<QScrollArea*>(QStringLiteral("screenScroll"));
    QVERIFY(scroll != nullptr);
    qInfo("%s: page %d px high in a %d px viewport", QTest::currentDataTag(),
          scroll->widget()->height(), scroll->viewport()->height());
    window_->setElderMode(false);
    // Normal mode: the page is the viewport (nothing scrolls).
    QTRY_COMPARE(scroll->widget()->height(), scroll->viewport()->height());
}

void TestElderMode::readAloudHiddenWithoutAudio()
{
    QPushButton* read = headerButton("readAloudButton");
    QVERIFY(read != nullptr);
    // No voice at all: hidden, and elder mode still works.
    QVERIFY(!read->isVisible());
    QVERIFY(window_->readAloud().isEmpty());
    window_->setElderMode(true);
    tapOnScreen(QStringLiteral("bookButton"));
    QCOMPARE(currentId(), int(ScreenId::Identify));
    window_->setElderMode(false);

    // The real speaker of this machine: visible exactly when it can speak. Without a sound
    // card (as on the CI machine) it reports Missing and the button stays hidden.
    mk::hw::Speaker speaker{mk::hw::SpeakerConfig{}};
    QSignalSpy health(&speaker, &mk::hw::Speaker::healthChanged);
    speaker.start();
    QVERIFY(health.wait(30000) || speaker.health().state != mk::hw::DeviceState::Unset);
    mk::ui::SpeakerOutput output(&speaker);
    window_->setSpeechOutput(&output);
    const bool can_speak = speaker.health().state == mk::hw::DeviceState::Ready ||
                           speaker.health().state == mk::hw::DeviceState::Degraded;
    qInfo("speaker: %s (%s); read-aloud button %s",
          qPrintable(mk::hw::deviceStateName(speaker.health().state)),
          qPrintable(speaker.health().detail), can_speak ? "shown" : "hidden");
    QCOMPARE(read->isVisible(), can_speak);
    QCOMPARE(window_->readAloud().isEmpty(), !can_speak);
    window_->setSpeechOutput(nullptr);

    // A voice that goes away (audio device unplugged): the button goes too.
    window_->setSpeechOutput(&voice_);
    QVERIFY(read->isVisible());
    voice_.setAvailable(false);
    QVERIFY(!read->isVisible());
    tap(headerButton("elderModeButton"));  // nothing said, nothing breaks
    QVERIFY(voice_.said.isEmpty());
}

void TestElderMode::readAloudReadsTheScreen_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("Chinese") << QStringLiteral("zh_CN");
    QTest::newRow("English") << QStringLiteral("en");
}

void TestElderMode::readAloudReadsTheScreen()
{
    QFETCH(QString, language);
    window_->setLanguage(language);
    window_->setSpeechOutput(&voice_);
    QPushButton* read = headerButton("readAloudButton");
    QVERIFY(read->isVisible());
    QCOMPARE(read->text(), QCoreApplication::translate("mk::ui::KioskWindow", "Read aloud"));

    tap(read);
    QCOMPARE(voice_.said.size(), 1);
    QCOMPARE(voice_.languages.last(), language);
    const QString home = voice_.said.last();
    // Home: the welcome and the choices, as they are on screen.
    const auto* book = current()->findChild<QPushButton*>(QStringLiteral("bookButton"));
    QVERIFY2(home.contains(book->text()), qPrintable(home));
    QCOMPARE(home, current()->spokenSummary());

    tapOnScreen(QStringLiteral("bookButton"));
    QCOMPARE(currentId(), int(ScreenId::Identify));
    QCOMPARE(voice_.said.size(), 1);  // normal mode: not read when it opens
    tap(read);
    QCOMPARE(voice_.said.size(), 2);
    const QString identify = voice_.said.last();
    const QLabel* title = nullptr;
    const auto labels = current()->findChildren<QLabel*>();
    for (const QLabel* l : labels) {
        if (l->property("role").toString() == QLatin1String("title") && l->isVisible()) {
            title = l;
            break;
        }
    }
    QVERIFY(title != nullptr);
    QVERIFY2(identify.startsWith(title->text()), qPrintable(identify));
    QCOMPARE(voice_.languages.last(), language);
}

void TestElderMode::readAloudSaysTheErrorAndWhatToDo_data()
{
    readAloudReadsTheScreen_data();
}

void TestElderMode::readAloudSaysTheErrorAndWhatToDo()
{
    QFETCH(QString, language);
    window_->setLanguage(language);
    window_->setSpeechOutput(&voice_);
    tapOnScreen(QStringLiteral("bookButton"));
    QCOMPARE(currentId(), int(ScreenId::Identify));
    // A number that is no patient number nor mobile: the screen says so and what to do.
    tapOnScreen(QStringLiteral("idField"));
    for (const char* key : {"key_1", "key_2", "key_3"}) tapOnScreen(QLatin1String(key));
    tapOnScreen(QStringLiteral("dobField"));
    for (const char* key : {"key_1", "key_9", "key_8", "key_5", "key_0", "key_3", "key_1", "key_2"})
        tapOnScreen(QLatin1String(key));
    tapOnScreen(QStringLiteral("continueButton"));
    auto* message = current()->findChild<QLabel*>(QStringLiteral("identifyMessage"));
    QVERIFY(message != nullptr);
    QTRY_VERIFY(message->isVisible() && !message->text().isEmpty());
    tap(headerButton("readAloudButton"));
    QVERIFY(!voice_.said.isEmpty());
    QVERIFY2(voice_.said.last().contains(message->text().simplified()),
             qPrintable(voice_.said.last() + QStringLiteral(" | ") + message->text()));
    // What was typed is never read out (the fields show it masked).
    QVERIFY(!voice_.said.last().contains(QLatin1String("19850312")));
}

void TestElderMode::elderModeReadsEachScreenWhenItOpens()
{
    window_->setSpeechOutput(&voice_);
    tap(headerButton("elderModeButton"));
    // Turning it on reads the screen at once.
    QCOMPARE(voice_.said.size(), 1);
    QCOMPARE(voice_.said.last(), current()->spokenSummary());
    tapOnScreen(QStringLiteral("bookButton"));
    QCOMPARE(currentId(), int(ScreenId::Identify));
    QTRY_COMPARE(voice_.said.size(), 2);
    QCOMPARE(voice_.said.last(), current()->spokenSummary());
    // Every screen of the booking flow has something of its own to say once shown.
    for (int id = int(ScreenId::Identify); id <= int(ScreenId::Result); ++id) {
        window_->showScreen(ScreenId(id));
        QTRY_VERIFY_WITH_TIMEOUT(!current()->loading(), kFlowTimeoutMs);
        QVERIFY2(!current()->spokenSummary().isEmpty(), qPrintable(QString::number(id)));
    }
}

void TestElderMode::spokenTextLeavesMaskedCharactersOut()
{
    QCOMPARE(mk::ui::spelledOut(QStringLiteral("A012")), QStringLiteral("A 0 1 2"));
    QCOMPARE(mk::ui::spokenJoin(QStringLiteral("en"),
                                {QStringLiteral("Your number"), QStringLiteral("A 0 1 2")}),
             QStringLiteral("Your number. A 0 1 2."));
    QCOMPARE(mk::ui::spokenJoin(QStringLiteral("zh_CN"),
                                {QStringLiteral("您的号码"), QStringLiteral("请稍候。")}),
             QStringLiteral("您的号码。请稍候。"));
    // A masked value on a screen is never spelled out.
    QLabel masked(QStringLiteral("138****8000"), current());
    masked.show();
    const QString said = mk::ui::spokenFrom(*current(), {&masked});
    QVERIFY2(!said.contains(QLatin1Char('*')), qPrintable(said));
    QVERIFY(said.startsWith(QLatin1String("138 8000")));
}

QTEST_MAIN(TestElderMode)
#include "tst_eldermode.moc"
