// A continuation tied to the lifetime of the object that waits for it (issue 16): what the kiosk
// uses instead of Qt 6.4's QFuture::then(context, fn). That one runs fn in the context's thread,
// but when the context is destroyed before the future finishes (a screen deleted while its job
// still runs), its continuation hits Q_ASSERT(context) in the thread that finishes the future (a
// Debug or sanitizer build aborts; in a release build fn is silently dropped). It also calls fn
// synchronously when the future finishes in the context's thread, inside whoever finished it.
//
// Here a QFutureWatcher, a child of the owner, carries the callback: when the owner goes first the
// watcher goes with it, the callback never runs and nothing asserts. The callback always runs from
// the owner's event loop, never inside the call that made or finished the future.
//
//   mk::whenFinished(service->checkIn(text), this, [this](const CheckinOutcome& o) { show(o); });
//
// Call from the owner's thread (the watcher is created as its child); the callback runs there.
// Header-only, Qt Core: usable by core/ and by the screens.
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QPromise>

#include <memory>
#include <type_traits>
#include <utility>

namespace mk {

// Calls fn(result) (fn() for QFuture<void>) in owner's thread once future has finished. Never
// calls it when owner was destroyed first, nor when future was canceled (or holds an exception).
template<typename T, typename Fn>
void whenFinished(QFuture<T> future, QObject* owner, Fn fn)
{
    Q_ASSERT(owner != nullptr);
    auto* watcher = new QFutureWatcher<T>(owner);
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
                     [watcher, fn = std::move(fn)]() mutable {
                         const QFuture<T> done = watcher->future();
                         // Before fn: fn may delete the owner, and with it the watcher (Qt keeps
                         // this slot alive until it returns; nothing below touches the watcher).
                         watcher->deleteLater();
                         if (done.isCanceled()) return;
                         if constexpr (std::is_void_v<T>)
                             fn();
                         else
                             fn(done.result());
                     });
    watcher->setFuture(std::move(future));
}

// As whenFinished, and returns a future of fn's result for callers that chain on it. When owner
// is destroyed before fn ran, or future was canceled, the returned future finishes canceled.
template<typename T, typename Fn, typename R = std::invoke_result_t<Fn, T>>
QFuture<R> thenWhileAlive(QFuture<T> future, QObject* owner, Fn fn)
{
    static_assert(!std::is_void_v<T> && !std::is_void_v<R>,
                  "thenWhileAlive: a value in, a value out (use whenFinished otherwise)");
    // Shared with the callback only: destroyed with it (owner gone, or after a canceled future),
    // QPromise's destructor cancels and finishes the returned future.
    auto promise = std::make_shared<QPromise<R>>();
    QFuture<R> result = promise->future();
    promise->start();
    whenFinished(std::move(future), owner, [promise, fn = std::move(fn)](const T& value) mutable {
        promise->addResult(fn(value));
        promise->finish();
    });
    return result;
}

}  // namespace mk
