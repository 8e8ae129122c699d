// Waiting for events, never for time (issue 11, item 6): what the suites use instead of a fixed
// sleep. A condition that becomes true is waited for with QTRY_* or QTest::qWaitFor; a signal with
// QSignalSpy::wait. For a check that something does NOT happen, wait for a later event that would
// have come after it: flushQueuedCalls() is one, for work queued to an object's thread.
// tests/store/tst_oneway fails on a fixed sleep in tests/ outside its commented allow-list.
#pragma once

#include <QMetaObject>
#include <QObject>
#include <QTest>

#include <atomic>
#include <memory>

namespace mk::test {

// True once every call and event that was queued to receiver's thread before this call has been
// delivered: a marker queued behind them has run (the events posted to one thread are delivered
// in the order they were posted). Processes the caller's events while it waits. For example, a
// QFuture continuation or a signal queued from a worker to a UI object: flush the object, then
// check that the late answer changed nothing.
inline bool flushQueuedCalls(QObject* receiver, int timeout_ms = 10000)
{
    auto done = std::make_shared<std::atomic<bool>>(false);
    QMetaObject::invokeMethod(
        receiver, [done] { done->store(true); }, Qt::QueuedConnection);
    return QTest::qWaitFor([&done] { return done->load(); }, timeout_ms);
}

}  // namespace mk::test
