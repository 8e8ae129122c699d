#include "core/identity/AuthStatus.h"

namespace mk::identity {

QString AuthText::staff(const AuthStatus& status)
{
    switch (status.state) {
        case AuthState::Refused:
            return tr("Out of service: the booking pool does not accept this kiosk's identity "
                      "(%1). IT: register this kiosk's key (medkioskctl identity export-jwks) or "
                      "check its clock.")
                .arg(status.detail);
        case AuthState::NoScope:
            return tr("Out of service: the booking pool does not allow this kiosk everything it "
                      "needs (%1). IT: grant the scopes listed in docs/pool-protocol.md.")
                .arg(status.detail);
        case AuthState::NoKey:
            return tr("Out of service: this kiosk has no usable identity key (%1). IT: run "
                      "medkioskctl identity init and register the key.")
                .arg(status.detail);
        case AuthState::Unreachable:
            return tr("The booking pool's sign-in service does not answer (%1); the kiosk keeps "
                      "trying.")
                .arg(status.detail);
        case AuthState::Unknown:
        case AuthState::Authorised:
            break;
    }
    return {};
}

QString AuthText::patientTitle()
{
    return tr("This kiosk is out of service");
}

QString AuthText::patientBody()
{
    return tr(
        "Sorry, this kiosk cannot be used right now. Please go to the registration "
        "window, where staff will help you.");
}

}  // namespace mk::identity
