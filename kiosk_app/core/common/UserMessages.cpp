#include "core/common/UserMessages.h"

#include <QCoreApplication>

namespace mk {
namespace {

// lupdate files an unqualified tr() in a free function under its namespace: this context must be
// that namespace, or the catalog is never found (tst_coremessages).
QString tr(const char* text)
{
    return QCoreApplication::translate("mk", text);
}

QString ruleMessage(const QString& rule)
{
    if (rule == QLatin1String("per-day")) {
        return tr(
            "You already have the maximum number of bookings for that day. Please choose "
            "another day, or ask the staff at the service desk.");
    }
    if (rule == QLatin1String("days-ahead")) {
        return tr("Bookings cannot be made that far ahead. Please choose an earlier day.");
    }
    if (rule == QLatin1String("too-soon")) {
        return tr(
            "This time starts too soon to be booked here. Please choose a later time, or "
            "ask the staff at the service desk.");
    }
    if (rule == QLatin1String("past")) {
        return tr("This time has already passed. Please choose another time.");
    }
    if (rule == QLatin1String("already-arrived")) {
        return tr(
            "This appointment is already checked in and can no longer be cancelled here. "
            "Please ask at the desk.");
    }
    if (rule == QLatin1String("cancel-cutoff")) {
        return tr(
            "It is too late to cancel this appointment at the kiosk. Please ask the staff "
            "at the service desk.");
    }
    return tr(
        "The hospital's booking rules do not allow this booking. Please choose another "
        "time, or ask the staff at the service desk.");
}

}  // namespace

QString userMessage(const Error& error)
{
    // A refusal that names its rule says why in words, whatever its status: the pool refuses to
    // cancel an arrived appointment with 409 or 422 (docs/pool-protocol.md).
    if (error.rule == QLatin1String("already-arrived")) return ruleMessage(error.rule);
    switch (error.code) {
        case ErrorCode::Network:
            return tr(
                "Cannot reach the hospital system right now. Please try again in a moment "
                "or ask the staff at the service desk.");
        case ErrorCode::Timeout:
            return tr(
                "The hospital system did not answer in time. Please try again in a moment "
                "or ask the staff at the service desk.");
        case ErrorCode::Tls:
            return tr(
                "A secure connection to the hospital system could not be made. Please ask "
                "the staff at the service desk for help.");
        case ErrorCode::Server:
            return tr(
                "The hospital system has a problem at the moment. Please try again in a "
                "few minutes or ask the staff at the service desk.");
        case ErrorCode::RateLimited:
            return tr("The hospital system is busy. Please wait a moment and try again.");
        case ErrorCode::Conflict:
            return tr("This time was just taken by someone else. Please choose another time.");
        case ErrorCode::NotFound:
            return tr(
                "Nothing was found for what you entered. Please check it and try again, or "
                "ask the staff at the service desk.");
        case ErrorCode::BadRequest:
            return tr(
                "The hospital system could not accept this request. Please check what you "
                "entered, or ask the staff at the service desk.");
        case ErrorCode::BadReply:
            return tr(
                "The hospital system sent an answer the kiosk cannot read. Please try again "
                "or ask the staff at the service desk.");
        case ErrorCode::Rule:
            return ruleMessage(error.rule);
        case ErrorCode::Offline:
            return tr(
                "The kiosk is offline, so this cannot be done now. Please try again later "
                "or ask the staff at the service desk.");
        case ErrorCode::Storage:
            return tr(
                "The kiosk could not save your data. Please ask the staff at the service "
                "desk for help.");
        case ErrorCode::Config:
            return tr(
                "The kiosk is not set up correctly. Please ask the staff at the service "
                "desk for help.");
        case ErrorCode::Internal:
        case ErrorCode::Unset:
            break;
    }
    return tr("Something went wrong. Please try again or ask the staff at the service desk.");
}

QString staffDetail(const Error& error)
{
    QString out = userMessage(error) + QLatin1Char('\n') +
                  QStringLiteral("[%1]").arg(errorCodeName(error.code));
    if (error.http_status != 0) out += QStringLiteral(" HTTP %1").arg(error.http_status);
    if (!error.outcome_code.isEmpty()) out += QStringLiteral(" outcome=") + error.outcome_code;
    if (!error.rule.isEmpty()) out += QStringLiteral(" rule=") + error.rule;
    if (error.retry_after_s >= 0)
        out += QStringLiteral(" retry-after=%1s").arg(error.retry_after_s);
    if (!error.detail.isEmpty()) out += QStringLiteral(": ") + error.detail;
    return out;
}

QString errorCodeName(ErrorCode code)
{
    switch (code) {
        case ErrorCode::Unset:
            return QStringLiteral("unset");
        case ErrorCode::Network:
            return QStringLiteral("network");
        case ErrorCode::Timeout:
            return QStringLiteral("timeout");
        case ErrorCode::Tls:
            return QStringLiteral("tls");
        case ErrorCode::Server:
            return QStringLiteral("server");
        case ErrorCode::RateLimited:
            return QStringLiteral("rate-limited");
        case ErrorCode::Conflict:
            return QStringLiteral("conflict");
        case ErrorCode::NotFound:
            return QStringLiteral("not-found");
        case ErrorCode::BadRequest:
            return QStringLiteral("bad-request");
        case ErrorCode::BadReply:
            return QStringLiteral("bad-reply");
        case ErrorCode::Rule:
            return QStringLiteral("rule");
        case ErrorCode::Offline:
            return QStringLiteral("offline");
        case ErrorCode::Storage:
            return QStringLiteral("storage");
        case ErrorCode::Config:
            return QStringLiteral("config");
        case ErrorCode::Internal:
            return QStringLiteral("internal");
    }
    return QStringLiteral("unknown");
}

}  // namespace mk
