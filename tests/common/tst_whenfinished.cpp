// mk::whenFinished / mk::thenWhileAlive (kiosk_app/core/common/WhenFinished.h, issue 16): a
// continuation runs in its owner's thread with the future's value, and never once the owner is
// gone. The owner-deleted cases are the ones Qt 6.4's QFuture::then(owner, fn) gets wrong: it
// aborts on Q_ASSERT(context) in a Debug (sanitizer) build (this suite, built against a
// WhenFinished.h that forwards to then(owner, fn): QFATAL "ASSERT: context" in
// ownerDeletedBeforeTheWorkFinished).
#include "TestWait.h"
#include "core/common/WhenFinished.h"

#include <QPointer>
#include <QPromise>
#include <QSemaphore>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

class TestWhenFinished : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsWithTheValueInTheOwnersThread();
    void runsForAFutureAlreadyFinished();
    void ownerDeletedBeforeTheWorkFinished();
    void ownerDeletedByTheCallbackItself();
    void canceledFutureRunsNothing();
    void voidFuture();
    void thenWhileAliveGivesTheCallbacksValue();
    void thenWhileAliveOwnerDeletedFirst();
    void thenWhileAliveCanceledSource();
};

void TestWhenFinished::runsWithTheValueInTheOwnersThread()
{
    QObject owner;
    QSemaphore go;
    QFuture<int> work = QtConcurrent::run([&go] {
        go.acquire();
        return 42;
    });
    int got = 0;
    QThread* ran_in = nullptr;
    mk::whenFinished(work, &owner, [&](int v) {
        got = v;
        ran_in = QThread::currentThread();
    });
    go.release();
    QTRY_COMPARE(got, 42);
    QCOMPARE(ran_in, owner.thread());
    // The watcher removes itself afterwards: nothing is left under the owner.
    QTRY_VERIFY(owner.children().isEmpty());
}

void TestWhenFinished::runsForAFutureAlreadyFinished()
{
    QObject owner;
    int got = 0;
    mk::whenFinished(QtFuture::makeReadyFuture(7), &owner, [&](int v) { got = v; });
    QCOMPARE(got, 0);  // never synchronously: always from the owner's event loop
    QTRY_COMPARE(got, 7);
}

void TestWhenFinished::ownerDeletedBeforeTheWorkFinished()
{
    // A screen deleted while its job runs (StaffPinScreen::enter, CheckinScreen::printAndSpeak).
    auto* owner = new QObject;
    QSemaphore go;
    auto ran = std::make_shared<bool>(false);
    QFuture<int> work = QtConcurrent::run([&go] {
        go.acquire();
        return 42;
    });
    mk::whenFinished(work, owner, [ran](int) { *ran = true; });
    delete owner;
    go.release();
    // The worker's whole job, with whatever it runs once the future finished.
    QThreadPool::globalInstance()->waitForDone();
    // Everything queued to this thread by the finished work has been delivered.
    QObject witness;
    QVERIFY(mk::test::flushQueuedCalls(&witness));
    QCoreApplication::sendPostedEvents();
    QVERIFY(!*ran);
}

void TestWhenFinished::ownerDeletedByTheCallbackItself()
{
    auto* owner = new QObject;
    QPointer<QObject> alive(owner);
    int got = 0;
    QPromise<int> promise;
    promise.start();
    mk::whenFinished(promise.future(), owner, [&](int v) {
        got = v;
        delete owner;  // e.g. the answer closes the screen
    });
    promise.addResult(5);
    promise.finish();
    QTRY_COMPARE(got, 5);
    QVERIFY(alive.isNull());
    QObject witness;
    QVERIFY(mk::test::flushQueuedCalls(&witness));
}

void TestWhenFinished::canceledFutureRunsNothing()
{
    QObject owner;
    bool ran = false;
    {
        QPromise<int> promise;
        promise.start();
        mk::whenFinished(promise.future(), &owner, [&](int) { ran = true; });
    }                                         // destroyed unfinished: the future is canceled
    QTRY_VERIFY(owner.children().isEmpty());  // the watcher saw it finish and went
    QVERIFY(!ran);
}

void TestWhenFinished::voidFuture()
{
    QObject owner;
    bool ran = false;
    QSemaphore go;
    QFuture<void> work = QtConcurrent::run([&go] { go.acquire(); });
    mk::whenFinished(work, &owner, [&] { ran = true; });
    go.release();
    QTRY_VERIFY(ran);
}

void TestWhenFinished::thenWhileAliveGivesTheCallbacksValue()
{
    QObject owner;
    QSemaphore go;
    QFuture<int> work = QtConcurrent::run([&go] {
        go.acquire();
        return 20;
    });
    QThread* ran_in = nullptr;
    QFuture<QString> chained = mk::thenWhileAlive(work, &owner, [&](int v) {
        ran_in = QThread::currentThread();
        return QString::number(v + 1);
    });
    QVERIFY(!chained.isFinished());
    go.release();
    QTRY_VERIFY(chained.isFinished());
    QVERIFY(!chained.isCanceled());
    QCOMPARE(chained.result(), QStringLiteral("21"));
    QCOMPARE(ran_in, owner.thread());
}

void TestWhenFinished::thenWhileAliveOwnerDeletedFirst()
{
    auto* owner = new QObject;
    QSemaphore go;
    auto ran = std::make_shared<bool>(false);
    QFuture<int> work = QtConcurrent::run([&go] {
        go.acquire();
        return 1;
    });
    QFuture<int> chained = mk::thenWhileAlive(work, owner, [ran](int v) {
        *ran = true;
        return v;
    });
    delete owner;
    go.release();
    // The worker's whole job, with whatever it runs once the future finished.
    QThreadPool::globalInstance()->waitForDone();
    // Finished and canceled, not left waiting forever.
    QTRY_VERIFY(chained.isFinished());
    QVERIFY(chained.isCanceled());
    QObject witness;
    QVERIFY(mk::test::flushQueuedCalls(&witness));
    QVERIFY(!*ran);
}

void TestWhenFinished::thenWhileAliveCanceledSource()
{
    QObject owner;
    bool ran = false;
    QFuture<int> chained;
    {
        QPromise<int> promise;
        promise.start();
        chained = mk::thenWhileAlive(promise.future(), &owner, [&](int v) {
            ran = true;
            return v;
        });
    }
    QTRY_VERIFY(chained.isFinished());
    QVERIFY(chained.isCanceled());
    QVERIFY(!ran);
}

QTEST_GUILESS_MAIN(TestWhenFinished)
#include "tst_whenfinished.moc"
