// ServiceListController (kiosk_app/ui/booking), the loading / stale banner / error + Retry part of
// the department and doctor screens, driven by hand-made futures: fresh and cached answers, a
// failure with and without a list shown, Retry, answers of superseded requests and reset().
#include "TestWait.h"
#include "core/config/KioskConfig.h"
#include "ui/Screen.h"
#include "ui/booking/ServiceListController.h"
#include "ui/booking/TileGrid.h"

#include <QLabel>
#include <QPromise>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

using namespace mk;
using Answer = Result<booking::Fetched<QList<fhir::Department>>>;

namespace {

const QString kBannerText = QStringLiteral("From the cache (%1).");

fhir::Department department(const QString& id)
{
    fhir::Department d;
    d.id = id;
    d.name.en = id;
    return d;
}

}  // namespace

class TestServiceListController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void answer_data();
    void answer();
    void failureWithoutListOffersRetry();
    void supersededAnswerIsIgnored();
    void resetForgetsEverything();

private:
    void request(QPromise<Answer>& promise);
    QLabel* label(const char* suffix) const
    {
        return screen_->findChild<QLabel*>(QStringLiteral("deptTest") + QLatin1String(suffix));
    }
    QPushButton* retry() const
    {
        return screen_->findChild<QPushButton*>(QStringLiteral("deptTestRetry"));
    }

    config::KioskConfig config_;
    ui::ScreenContext context_;
    QWidget* screen_ = nullptr;
    ui::ServiceListController* list_ = nullptr;
    QList<fhir::Department> items_;
    int shown_ = 0;
};

void TestServiceListController::init()
{
    context_ = {};
    context_.config = &config_;
    screen_ = new QWidget;
    auto* layout = new QVBoxLayout(screen_);
    list_ = new ui::ServiceListController(QStringLiteral("deptTest"), 2, 3, context_, screen_);
    list_->addTo(layout);
    list_->setTexts(QStringLiteral("Loading"), QStringLiteral("Retry"), kBannerText);
    items_.clear();
    shown_ = 0;
    screen_->show();
}

void TestServiceListController::cleanup()
{
    delete screen_;
    screen_ = nullptr;
}

void TestServiceListController::request(QPromise<Answer>& promise)
{
    promise.start();
    list_->fetch(promise.future(), "test", &items_, [this] { ++shown_; });
}

void TestServiceListController::answer_data()
{
    QTest::addColumn<bool>("stale");
    QTest::newRow("fresh") << false;
    QTest::newRow("from the cache") << true;
}

void TestServiceListController::answer()
{
    QFETCH(bool, stale);
    QSignalSpy loading(list_, &ui::ServiceListController::loadingChanged);
    QPromise<Answer> promise;
    request(promise);
    QVERIFY(list_->loading());
    QVERIFY(label("Loading")->isVisible());
    const QDateTime at(QDate(2026, 11, 23), QTime(0, 5), Qt::UTC);
    promise.addResult(Answer(booking::Fetched<QList<fhir::Department>>{
        {department(QStringLiteral("a")), department(QStringLiteral("b"))}, stale, at}));
    promise.finish();
    QTRY_COMPARE_WITH_TIMEOUT(shown_, 1, 10000);
    QCOMPARE(items_.size(), 2);
    QVERIFY(!list_->loading());
    QCOMPARE(loading.size(), 2);  // true, then false
    QVERIFY(!label("Loading")->isVisible());
    QCOMPARE(list_->stale(), stale);
    QCOMPARE(label("StaleBanner")->isVisible(), stale);
    if (stale) QCOMPARE(label("StaleBanner")->text(), QStringLiteral("From the cache (08:05)."));
    QVERIFY(!label("Error")->isVisible());

    // A later failed refresh keeps the list and marks it stale.
    QPromise<Answer> refresh;
    request(refresh);
    refresh.addResult(Answer(makeError(ErrorCode::Timeout, QStringLiteral("test"))));
    refresh.finish();
    QTRY_VERIFY_WITH_TIMEOUT(!list_->loading(), 10000);
    QCOMPARE(shown_, 1);
    QCOMPARE(items_.size(), 2);
    QVERIFY(list_->stale());
    QVERIFY(label("StaleBanner")->isVisible());
    QCOMPARE(label("StaleBanner")->text(), QStringLiteral("From the cache (08:05)."));
    QVERIFY(!label("Error")->isVisible());
    QVERIFY(!retry()->isVisible());
}

void TestServiceListController::failureWithoutListOffersRetry()
{
    QPromise<Answer> promise;
    request(promise);
    promise.addResult(Answer(makeError(ErrorCode::Network, QStringLiteral("test"))));
    promise.finish();
    QTRY_VERIFY_WITH_TIMEOUT(label("Error")->isVisible(), 10000);
    QVERIFY(!label("Error")->text().isEmpty());
    QVERIFY(retry()->isVisible());
    QVERIFY(!label("StaleBanner")->isVisible());
    QCOMPARE(shown_, 0);

    QSignalSpy retried(list_, &ui::ServiceListController::retryRequested);
    QTest::mouseClick(retry(), Qt::LeftButton);
    QCOMPARE(retried.size(), 1);
    QPromise<Answer> again;
    request(again);  // what the screen does on retryRequested
    QVERIFY(!label("Error")->isVisible());
    QVERIFY(!retry()->isVisible());
    again.addResult(Answer(booking::Fetched<QList<fhir::Department>>{
        {department(QStringLiteral("a"))}, false, QDateTime::currentDateTimeUtc()}));
    again.finish();
    QTRY_COMPARE_WITH_TIMEOUT(shown_, 1, 10000);
    QCOMPARE(items_.size(), 1);
}

void TestServiceListController::supersededAnswerIsIgnored()
{
    QPromise<Answer> first;
    request(first);
    QPromise<Answer> second;
    request(second);
    first.addResult(Answer(booking::Fetched<QList<fhir::Department>>{
        {department(QStringLiteral("old"))}, false, QDateTime::currentDateTimeUtc()}));
    first.finish();
    // The answer is delivered to the controller (directly or queued); once a call queued after
    // it has run, a (wrongly) accepted answer would have changed something.
    QVERIFY(mk::test::flushQueuedCalls(list_));
    QCOMPARE(shown_, 0);
    QVERIFY(list_->loading());
    second.addResult(Answer(booking::Fetched<QList<fhir::Department>>{
        {department(QStringLiteral("new"))}, false, QDateTime::currentDateTimeUtc()}));
    second.finish();
    QTRY_COMPARE_WITH_TIMEOUT(shown_, 1, 10000);
    QCOMPARE(items_.value(0).id, QStringLiteral("new"));
}

void TestServiceListController::resetForgetsEverything()
{
    QPromise<Answer> failed;
    request(failed);
    failed.addResult(Answer(makeError(ErrorCode::Network, QStringLiteral("test"))));
    failed.finish();
    QTRY_VERIFY_WITH_TIMEOUT(retry()->isVisible(), 10000);
    QPromise<Answer> pending;
    request(pending);
    list_->reset();
    QVERIFY(!list_->loading());
    QVERIFY(!list_->stale());
    QVERIFY(!label("Error")->isVisible());
    QVERIFY(label("Error")->text().isEmpty());
    QVERIFY(!retry()->isVisible());
    QVERIFY(!label("StaleBanner")->isVisible());
    QCOMPARE(list_->tiles()->count(), 0);
    pending.addResult(Answer(booking::Fetched<QList<fhir::Department>>{
        {department(QStringLiteral("late"))}, true, QDateTime::currentDateTimeUtc()}));
    pending.finish();
    QVERIFY(mk::test::flushQueuedCalls(list_));  // the late answer has been delivered
    QCOMPARE(shown_, 0);
    QVERIFY(!label("StaleBanner")->isVisible());
}

QTEST_MAIN(TestServiceListController)
#include "tst_servicelistcontroller.moc"
