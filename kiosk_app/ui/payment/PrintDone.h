// Calls done(ok) on context's thread when a hw::ReceiptPrinter::print() job finished (never once
// context is gone: core/common/WhenFinished.h), whichever result type the printer module answers
// with (a result with ok() or a struct with an ok field).
#pragma once

#include "core/common/WhenFinished.h"

#include <QFuture>
#include <QObject>

#include <functional>

namespace mk::ui {

template<typename R>
bool printSucceeded(const R& r)
{
    if constexpr (requires { r.ok(); }) {
        return r.ok();
    } else {
        return r.ok;
    }
}

template<typename R>
void whenPrinted(QFuture<R> future, QObject* context, std::function<void(bool)> done)
{
    whenFinished(future, context, [done = std::move(done)](R r) { done(printSucceeded(r)); });
}

}  // namespace mk::ui
