// medkioskctl identity init|show|export-jwks|rotate (issue 15, docs/identity.md): the kiosk's
// key for the booking pool (SMART Backend Services). Only public keys are ever printed.
#include "IdentityCtl.h"
#include "core/common/SafeFile.h"
#include "core/identity/AccessTokens.h"

#include <QJsonArray>

namespace mk::ctl {

class IdentityInitCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::IdentityInitCommand)

public:
    QStringList words() const override { return {u"identity"_qs, u"init"_qs}; }
    QString summary() const override
    {
        return tr("Make this kiosk's identity key (EC P-384) unless it has one.");
    }
    int run(const CtlContext& context) const override
    {
        const auto w = identityctl::where(context);
        if (!w) return kExitCheckFailed;
        auto id = identity::KioskIdentity::load(w->key_file, w->credentials_dir, true);
        if (!id) {
            context.err << id.error().detail << u'\n';
            return kExitCheckFailed;
        }
        context.out << tr("identity key: %1").arg(id.value().sourceText()) << u'\n'
                    << tr("key id (kid): %1").arg(id.value().current().kid()) << u'\n'
                    << tr("Register it with the pool: medkioskctl identity export-jwks") << u'\n';
        return kExitOk;
    }
};
MK_CTL_COMMAND(IdentityInitCommand)

class IdentityShowCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::IdentityShowCommand)

public:
    QStringList words() const override { return {u"identity"_qs, u"show"_qs}; }
    QString summary() const override
    {
        return tr("Show this kiosk's client id, key ids, token endpoint and scopes.");
    }
    int run(const CtlContext& context) const override
    {
        const auto w = identityctl::where(context);
        if (!w) return kExitCheckFailed;
        auto id = identity::KioskIdentity::load(w->key_file, w->credentials_dir, false);
        const QString token_url = w->config.pool.token_url.isEmpty()
                                      ? tr("(discovered from %1/.well-known/smart-configuration)")
                                            .arg(w->config.pool.base_url.toString())
                                      : w->config.pool.token_url.toString();
        const QStringList scopes = identity::AuthOptions::kioskScopes();
        if (context.json()) {
            QJsonObject o{{u"client_id"_qs, w->config.kiosk_id},
                          {u"token_url"_qs, w->config.pool.token_url.toString()},
                          {u"scopes"_qs, QJsonArray::fromStringList(scopes)},
                          {u"key_ok"_qs, id.ok()}};
            if (id) {
                o.insert(u"source"_qs, id.value().sourceText());
                o.insert(u"kid"_qs, id.value().current().kid());
                if (id.value().next()) o.insert(u"next_kid"_qs, id.value().next()->kid());
            } else {
                o.insert(u"error"_qs, id.error().detail);
            }
            context.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
            return id ? kExitOk : kExitCheckFailed;
        }
        context.out << tr("client id (kiosk/id): %1").arg(w->config.kiosk_id) << u'\n'
                    << tr("token endpoint: %1").arg(token_url) << u'\n'
                    << tr("scopes: %1").arg(scopes.join(u' ')) << u'\n';
        if (!id) {
            context.out << tr("identity key: none usable: %1").arg(id.error().detail) << u'\n';
            return kExitCheckFailed;
        }
        context.out << tr("identity key: %1").arg(id.value().sourceText()) << u'\n'
                    << tr("key id (kid): %1").arg(id.value().current().kid()) << u'\n';
        if (id.value().next()) {
            context.out
                << tr("new key waiting for registration (rotate): %1").arg(id.value().next()->kid())
                << u'\n';
        }
        return kExitOk;
    }
};
MK_CTL_COMMAND(IdentityShowCommand)

class IdentityExportJwksCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::IdentityExportJwksCommand)

public:
    QStringList words() const override { return {u"identity"_qs, u"export-jwks"_qs}; }
    QString summary() const override
    {
        return tr("Print the public keys (JWKS) to register with the pool, or --out FILE.");
    }
    void addOptions(QCommandLineParser& parser) const override
    {
        parser.addOption(
            QCommandLineOption(u"out"_qs, tr("Write the JWKS to a new file."), tr("file")));
    }
    int run(const CtlContext& context) const override
    {
        const auto w = identityctl::where(context);
        if (!w) return kExitCheckFailed;
        auto id = identity::KioskIdentity::load(w->key_file, w->credentials_dir, false);
        if (!id) {
            context.err << id.error().detail << u'\n';
            return kExitCheckFailed;
        }
        const QString jwks = identityctl::jwksText(id.value());
        if (context.parser.isSet(u"out"_qs)) {
            const QString path = context.parser.value(u"out"_qs);
            if (Status s = SafeFile::write(path, jwks.toUtf8(), SafeWriteOptions{}); !s) {
                context.err << s.error().detail << u'\n';
                return kExitCheckFailed;
            }
            context.out << tr("JWKS written to %1").arg(path) << u'\n';
            return kExitOk;
        }
        context.out << jwks;
        return kExitOk;
    }
};
MK_CTL_COMMAND(IdentityExportJwksCommand)

class IdentityRotateCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::IdentityRotateCommand)

public:
    QStringList words() const override { return {u"identity"_qs, u"rotate"_qs}; }
    QString summary() const override
    {
        return tr("Make a new key; the old one works until the pool accepts the new one.");
    }
    int run(const CtlContext& context) const override
    {
        const auto w = identityctl::where(context);
        if (!w) return kExitCheckFailed;
        auto id = identity::KioskIdentity::rotate(w->key_file, w->credentials_dir);
        if (!id) {
            context.err << id.error().detail << u'\n';
            return kExitCheckFailed;
        }
        context.err << tr("A new key (kid %1) waits in %2. Register this JWKS (both keys) with "
                          "the pool; the kiosk keeps using the old key until the pool accepts "
                          "the new one, then retires the old one.")
                           .arg(id.value().next()->kid(),
                                identity::KioskIdentity::nextKeyFile(w->key_file))
                    << u'\n';
        context.out << identityctl::jwksText(id.value());
        return kExitOk;
    }
};
MK_CTL_COMMAND(IdentityRotateCommand)

}  // namespace mk::ctl
