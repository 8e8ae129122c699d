// The screen audit (issue 12 item 4): the whole kiosk in-process in demo mode (the pool simulator,
// the encrypted store, check-in, outbox and relay, payment), walked through every screen and state
// of the screen catalog (app/ScreenCatalog, the same list the screenshot command pictures) in both
// languages, both orientations (1080x1920, 1920x1080) and both modes (elder once the window has
// it). In each state tests/common/ScreenAudit measures the visible widget tree and the test fails
// on text smaller than the minimum, a button smaller than the minimum, text/background contrast
// below the minimum (measured on the rendered window), clipped text or overlapping siblings.
// Face sign-in's screens are in the walk without models or a camera (KioskApp::installPictureFace).
// It prints the minima measured per state and a per-screen summary (docs/screens.md).
// badWidgetIsCaught proves each check can fail on a deliberately bad widget.
#include "EmptyConfig.h"
#include "ScreenAudit.h"
#include "app/KioskApp.h"
#include "app/ScreenCatalog.h"
#include "ui/KioskWindow.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QMap>
#include <QPushButton>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QtTest>

#include <cstdio>
#include <memory>

using mk::app::CatalogPass;
using mk::app::KioskApp;
using mk::app::ScreenCatalog;
using mk::test::AuditLimits;
using mk::test::AuditMinima;
using mk::test::AuditResult;

Q_DECLARE_METATYPE(CatalogPass)

namespace {

// The minima every screen keeps: the theme's promise for the mode (Theme::minima, docs/screens.md).
AuditLimits limitsFor(bool elder)
{
    const mk::ui::ThemeMinima m =
        mk::ui::Theme::minima(elder ? mk::ui::UiMode::Elder : mk::ui::UiMode::Normal);
    AuditLimits limits;
    limits.min_text_px = m.text_px;
    limits.min_target_px = m.target_px;
    limits.min_contrast = m.contrast;
    return limits;
}

struct Row {
    QString pass;
    QString state;
    AuditMinima minima;
};

}  // namespace

class TestScreenAudit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void badWidgetIsCaught_data();
    void badWidgetIsCaught();
    void everyScreen_data();
    void everyScreen();

private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<KioskApp> app_;
    std::unique_ptr<ScreenCatalog> catalog_;
    QList<Row> rows_;
};

void TestScreenAudit::initTestCase()
{
    dir_ = std::make_unique<QTemporaryDir>();
    QVERIFY(dir_->isValid());
    qputenv("XDG_STATE_HOME", dir_->filePath(QStringLiteral("state")).toLocal8Bit());
    // Face sign-in off (no models, no camera): the face screens are installed for the pictures
    // (KioskApp::installPictureFace) and the catalog shows each of their phases.
    const QString no_models = dir_->filePath(QStringLiteral("no-models"));
    QVERIFY(QDir().mkpath(no_models));
    qputenv("MEDKIOSK_MODELS_DIR", no_models.toLocal8Bit());
    app_ = std::make_unique<KioskApp>();
    QCOMPARE(app_->start({QStringLiteral("medkiosk"), QStringLiteral("--demo"),
                          QStringLiteral("--windowed"), QStringLiteral("--config"),
                          mk::test::emptyConfig(dir_->path())}),
             -1);
    QVERIFY(app_->window() != nullptr);
    QVERIFY2(app_->checkin() != nullptr, "check-in must be installed in demo mode");
    QTRY_COMPARE_WITH_TIMEOUT(app_->faceState(), KioskApp::FaceState::Off, 60000);
    QVERIFY(app_->installPictureFace());
    QVERIFY(app_->window()->screen(mk::ui::ScreenId::FaceIdentify) != nullptr);
    mk::app::CatalogServices services;
    services.window = app_->window();
    services.booking = app_->service();
    services.checkin = app_->checkin();
    services.outbox = app_->outbox();
    services.simulator = app_->demoPoolRoot();
    services.face_frame = app_->pictureFaceFrame();
    catalog_ = std::make_unique<ScreenCatalog>(services);
}

void TestScreenAudit::cleanupTestCase()
{
    catalog_.reset();
    if (app_) app_->shutdown();
    app_.reset();
    qunsetenv("MEDKIOSK_MODELS_DIR");
    qunsetenv("XDG_STATE_HOME");
    if (rows_.isEmpty()) return;
    // Per mode and state: the smallest of that mode's passes (which pass had the lowest contrast).
    for (const bool elder : {false, true}) {
        const QString mode = elder ? QStringLiteral("elder") : QStringLiteral("normal");
        QStringList order;
        QMap<QString, AuditMinima> worst;
        QMap<QString, QString> where;
        for (const Row& row : std::as_const(rows_)) {
            if (row.pass.endsWith(QLatin1String("-elder")) != elder) continue;
            if (!order.contains(row.state)) order << row.state;
            AuditMinima& w = worst[row.state];
            const AuditMinima& m = row.minima;
            if (m.text_px > 0 && (w.text_px == 0 || m.text_px < w.text_px)) w.text_px = m.text_px;
            if (m.target_px > 0 && (w.target_px == 0 || m.target_px < w.target_px))
                w.target_px = m.target_px;
            if (m.contrast > 0 && (w.contrast == 0 || m.contrast < w.contrast)) {
                w.contrast = m.contrast;
                where[row.state] = row.pass;
            }
        }
        if (order.isEmpty()) continue;
        std::printf(
            "\nscreen audit, %s mode, minima per screen over zh_CN/en x portrait/landscape:\n",
            qPrintable(mode));
        std::printf("%-24s %-10s %-10s %-8s  %-34s\n", "state", "text px", "target px", "contrast",
                    "lowest contrast in");
        for (const QString& state : std::as_const(order)) {
            const AuditMinima& w = worst[state];
            std::printf("%-24s %-10d %-10d %-8.2f  %-34s\n", qPrintable(state), w.text_px,
                        w.target_px, w.contrast, qPrintable(where.value(state)));
        }
    }
    std::fflush(stdout);
}

// Each check of the audit fails on a widget made to fail it; the good one passes them all.
void TestScreenAudit::badWidgetIsCaught_data()
{
    QTest::addColumn<QString>("bad");
    QTest::addColumn<QString>("kind");  // empty: no finding at all
    QTest::newRow("good") << "good"
                          << "";
    QTest::newRow("small text") << "small-text"
                                << "text-size";
    QTest::newRow("small button") << "small-button"
                                  << "target";
    QTest::newRow("grey on white (style sheet)") << "grey-sheet"
                                                 << "contrast";
    QTest::newRow("yellow on white (palette)") << "yellow-palette"
                                               << "contrast";
    QTest::newRow("white on a light button") << "light-button"
                                             << "contrast";
    QTest::newRow("label too narrow") << "clipped"
                                      << "clipped";
    QTest::newRow("wrapped label too low") << "clipped-wrapped"
                                           << "clipped";
    QTest::newRow("button text too wide") << "clipped-button"
                                          << "clipped";
    QTest::newRow("siblings overlap") << "overlap"
                                      << "overlap";
    QTest::newRow("button below the window's edge") << "off-window"
                                                    << "clipped";
    QTest::newRow("button 3 px under its page's edge") << "cut-by-parent"
                                                       << "clipped";
}

void TestScreenAudit::badWidgetIsCaught()
{
    QFETCH(QString, bad);
    QFETCH(QString, kind);
    // Without the kiosk's application style sheet (installed by initTestCase), so that a local
    // font, geometry or palette is what gets painted.
    const QString app_sheet = qApp->styleSheet();
    qApp->setStyleSheet(QString());
    const auto restore = qScopeGuard([&app_sheet] { qApp->setStyleSheet(app_sheet); });
    QWidget window;
    if (bad == QLatin1String("yellow-palette")) {  // the palette only, no style sheet at all
        window.setAutoFillBackground(true);
        QPalette p = window.palette();
        p.setColor(QPalette::Window, Qt::white);
        p.setColor(QPalette::WindowText, QColor(0xe0, 0xd0, 0x40));
        window.setPalette(p);
    } else {
        window.setStyleSheet(QStringLiteral("QWidget { background: white; color: black; }"));
    }
    window.resize(800, 600);
    auto* label = new QLabel(QStringLiteral("Please scan your code"), &window);
    label->setGeometry(20, 20, 700, 60);
    QFont font = label->font();
    font.setPixelSize(28);
    label->setFont(font);
    auto* button = new QPushButton(QStringLiteral("OK"), &window);
    button->setGeometry(20, 400, 200, 90);
    button->setFont(font);
    button->setStyleSheet(QStringLiteral("background: #1f5fa8; color: white; border: none;"));
    if (bad == QLatin1String("small-text")) {
        font.setPixelSize(14);
        label->setFont(font);
    } else if (bad == QLatin1String("small-button")) {
        button->setGeometry(20, 400, 200, 40);
    } else if (bad == QLatin1String("grey-sheet")) {
        label->setStyleSheet(QStringLiteral("color: #b0b0b0;"));
    } else if (bad == QLatin1String("light-button")) {
        button->setStyleSheet(QStringLiteral("background: #a0c8f0; color: white; border: none;"));
    } else if (bad == QLatin1String("clipped")) {
        label->setGeometry(20, 20, 120, 60);
    } else if (bad == QLatin1String("clipped-wrapped")) {
        label->setWordWrap(true);
        label->setText(
            QStringLiteral("Please scan the code on your appointment slip or your "
                           "phone below the camera"));
        label->setGeometry(20, 20, 300, 60);
    } else if (bad == QLatin1String("clipped-button")) {
        button->setText(QStringLiteral("Print a copy of today's receipts"));
    } else if (bad == QLatin1String("overlap")) {
        button->setGeometry(20, 50, 200, 90);
    } else if (bad == QLatin1String("off-window")) {
        button->setGeometry(20, 560, 200, 90);
    } else if (bad == QLatin1String("cut-by-parent")) {
        // A page 3 px too short for its button, a footer under it (the window's own layout
        // never lets siblings overlap; the page cuts what it cannot hold).
        auto* page = new QWidget(&window);
        page->setGeometry(0, 300, 800, 187);
        button->setParent(page);
        button->setGeometry(20, 100, 200, 90);
        auto* footer = new QWidget(&window);
        footer->setGeometry(0, 487, 800, 113);
    }
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const AuditResult result = mk::test::auditWidgetTree(&window, limitsFor(false));
    QStringList found;
    for (const auto& f : result.findings) found << mk::test::describe(f);
    if (kind.isEmpty()) {
        QVERIFY2(result.findings.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
        QCOMPARE(result.minima.text_px, 28);
        QCOMPARE(result.minima.target_px, 90);
        QVERIFY2(result.minima.contrast > 4.5, qPrintable(QString::number(result.minima.contrast)));
        return;
    }
    bool caught = false;
    for (const auto& f : result.findings) caught = caught || f.kind == kind;
    QVERIFY2(caught, qPrintable(QStringLiteral("no %1 finding; found: %2")
                                    .arg(kind, found.join(QStringLiteral("; ")))));
}

void TestScreenAudit::everyScreen_data()
{
    QTest::addColumn<CatalogPass>("pass");
    for (const CatalogPass& pass : ScreenCatalog::passes())
        QTest::newRow(qPrintable(pass.name())) << pass;
}

void TestScreenAudit::everyScreen()
{
    QFETCH(CatalogPass, pass);
    const AuditLimits limits = limitsFor(pass.elder);
    QStringList findings;
    std::printf("\n%s (minimum text %d px, target %d px, contrast %.1f:1)\n",
                qPrintable(pass.name()), limits.min_text_px, limits.min_target_px,
                limits.min_contrast);
    std::printf("%-24s %-8s %-8s %-8s  %s\n", "state", "text px", "target", "contrast",
                "smallest text / target / lowest contrast");
    const bool walked = catalog_->walk(pass, [&](const QString& state) {
        if (qEnvironmentVariableIsSet("MEDKIOSK_AUDIT_DUMP")) {
            const auto pages = app_->window()->findChildren<mk::ui::Screen*>();
            for (const mk::ui::Screen* page : pages)
                qInfo().noquote() << "audit page" << state << page->objectName()
                                  << page->metaObject()->className() << page->geometry() << "min"
                                  << page->minimumSizeHint();
        }
        const AuditResult result = mk::test::auditWidgetTree(app_->window(), limits);
        const AuditMinima& m = result.minima;
        rows_.append(Row{pass.name(), state, m});
        std::printf("%-24s %-8d %-8d %-8.2f  %s / %s / %s\n", qPrintable(state), m.text_px,
                    m.target_px, m.contrast, qPrintable(m.text_widget), qPrintable(m.target_widget),
                    qPrintable(m.contrast_widget));
        for (const auto& f : result.findings)
            findings << QStringLiteral("%1 %2: %3").arg(pass.name(), state, mk::test::describe(f));
        return true;
    });
    std::fflush(stdout);
    for (const QString& finding : std::as_const(findings)) qWarning().noquote() << finding;
    QVERIFY2(walked, qPrintable(catalog_->failure()));
    QVERIFY2(findings.isEmpty(), qPrintable(QStringLiteral("%1 findings:\n%2")
                                                .arg(findings.size())
                                                .arg(findings.join(QLatin1Char('\n')))));
}

QTEST_MAIN(TestScreenAudit)
#include "tst_screenaudit.moc"
