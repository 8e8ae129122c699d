// Whether the booking pool accepts this kiosk (issue 15): one value for the header, the staff
// maintenance screen, the out-of-service screen and diagnostics. `detail` is the technical
// cause for staff and logs (the pool's error_description, a path); never a key or a token.
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace mk::identity {

enum class AuthState {
    Unknown = 1,  // no token asked for yet
    Authorised,   // the last token request (or a request with a token) succeeded
    Refused,      // the pool refuses the kiosk itself (invalid_client: unknown, revoked, clock)
    NoScope,      // the pool does not grant a scope the kiosk needs (403, invalid_scope)
    NoKey,        // this kiosk has no usable identity key
    Unreachable,  // the token endpoint does not answer (the kiosk is not refused)
};

struct AuthStatus {
    AuthState state = AuthState::Unknown;
    QString detail;
    QDateTime since;  // UTC

    // A refusal of the kiosk itself: out of service until IT acts (no retry loop).
    bool outOfService() const
    {
        return state == AuthState::Refused || state == AuthState::NoScope ||
               state == AuthState::NoKey;
    }
};

// Sentences for people (tr() context "mk::identity::AuthText").
class AuthText
{
    Q_DECLARE_TR_FUNCTIONS(mk::identity::AuthText)

public:
    // One clear sentence for staff (header, maintenance screen); empty when nothing is wrong.
    static QString staff(const AuthStatus& status);
    static QString patientTitle();  // "This kiosk is out of service"
    static QString patientBody();   // "Please go to the registration window."
};

}  // namespace mk::identity

Q_DECLARE_METATYPE(mk::identity::AuthStatus)
