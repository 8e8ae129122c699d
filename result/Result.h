// mk::BasicResult<T, E>: a value or an error, never an exception across a module boundary. The one
// result type of every module: kiosk_app's mk::Result<T> (error mk::Error, core/common/Result.h)
// and face_auth's mk::face::FaceResult<T> (error FaceError) are this template with their module's
// error type. Header-only and free of any module (not even Qt), so the leaf modules (face_auth,
// hardware_drivers, payment) can use it without depending on kiosk_app (DESIGN §2).
#pragma once

#include <utility>
#include <variant>

namespace mk {

template<typename T, typename E>
class [[nodiscard]] BasicResult
{
public:
    using value_type = T;
    using error_type = E;

    BasicResult(T value) : data_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
    BasicResult(E error) : data_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return std::holds_alternative<T>(data_); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<T>(data_); }
    T& value() & { return std::get<T>(data_); }
    T&& value() && { return std::get<T>(std::move(data_)); }
    const E& error() const { return std::get<E>(data_); }

private:
    std::variant<T, E> data_;
};

// The value of an operation that returns nothing on success (Status, FaceStatus).
struct Ok {
};

}  // namespace mk
