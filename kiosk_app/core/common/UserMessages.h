// Turns an Error into what a person reads. Patient text says what happened and what to do next, in
// the current UI language (QCoreApplication::translate with context "mk", where lupdate files
// them); staff text adds the technical cause. Neither ever contains personal data.
#pragma once

#include "core/common/Result.h"

#include <QString>

namespace mk {

// One or two short sentences for the patient, e.g. "The hospital system is busy. Please wait a
// moment and try again." For ErrorCode::Rule the sentence names the rule (Error::rule); the rule
// already-arrived (cancel refused: the patient is checked in) gives its sentence with any code.
QString userMessage(const Error& error);

// For staff and maintenance screens: the patient text plus code, HTTP status and detail.
QString staffDetail(const Error& error);

// Stable English name of an ErrorCode for logs and JSON ("network", "timeout", ...).
QString errorCodeName(ErrorCode code);

}  // namespace mk
