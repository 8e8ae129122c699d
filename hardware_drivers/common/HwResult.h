// The device module's error type, with the Result template every module shares (result/Result.h;
// hardware_drivers must not depend on kiosk_app): a printer transport, the printer's worker and a
// print job answer with HwStatus / HwResult<T> instead of bool + QString*.
#pragma once

#include "result/Result.h"

#include <QString>

#include <utility>

namespace mk::hw {

// Zero is deliberately not a real kind.
enum class HwErrorCode {
    Unset = 0,
    NotConfigured,  // no transport / backend configured
    NotStarted,     // the device was not started, or stopped
    Unreachable,    // the device cannot be opened or connected to
    Io,             // a write or read failed
    Timeout,        // the device did not take or answer in time
    NoAnswer,       // the device does not answer status queries, or answers garbage
    DeviceState,    // the device answers but cannot work now (cover open, paper out, error)
    NoAudio,        // no audio output on this machine
};

struct HwError {
    HwErrorCode code = HwErrorCode::Unset;
    QString detail;  // why, for staff and logs (English unless said); never personal data
};

template<typename T>
using HwResult = BasicResult<T, HwError>;

using HwStatus = HwResult<Ok>;

inline HwError hwError(HwErrorCode code, QString detail)
{
    return HwError{code, std::move(detail)};
}

}  // namespace mk::hw
