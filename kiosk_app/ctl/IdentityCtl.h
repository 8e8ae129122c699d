// Shared by the `medkioskctl identity ...` commands (docs/identity.md): where this kiosk's
// identity key is, from the configuration (identity/key_file, else beside the store) and the
// systemd credential medkiosk-identity-key in $CREDENTIALS_DIRECTORY. Never prints a private key.
#pragma once

#include "CtlCommand.h"
#include "core/config/KioskConfig.h"
#include "core/identity/KioskIdentity.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace mk::ctl::identityctl {

struct Where {
    config::KioskConfig config;
    QString key_file;
    QString credentials_dir;
};

inline std::optional<Where> where(const CtlContext& context)
{
    auto loaded = config::KioskConfig::load(context.configPath());
    if (!loaded) {
        context.err << loaded.error().detail << u'\n';
        return std::nullopt;
    }
    Where w{loaded.value(), loaded.value().identity_key_file,
            qEnvironmentVariable("CREDENTIALS_DIRECTORY")};
    return w;
}

inline QString jwksText(const identity::KioskIdentity& id)
{
    return QString::fromUtf8(QJsonDocument(id.jwks()).toJson(QJsonDocument::Indented));
}

}  // namespace mk::ctl::identityctl
