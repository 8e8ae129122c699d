// Where the kiosk's identity key lives and how it changes (issue 15, docs/identity.md):
//  - the systemd credential $CREDENTIALS_DIRECTORY/medkiosk-identity-key when present (packaging
//    provides it, like the store key), read-only to us;
//  - else a key file (config identity/key_file, default <store folder>/identity/kiosk-key.pem)
//    that must be a regular file owned by the kiosk's user with mode 0600 or stricter, in a 0700
//    folder; made at first start (OpenSSL, O_EXCL, fsync'd) or by `medkioskctl identity init`.
// Rotation keeps the old key until the new one works: `rotate` writes <key file>.next; the token
// client tries the next key first and, once the pool accepts it, promotes it over the key file
// (rename); until then the current key goes on working. jwks() carries both keys.
// The private keys are never logged or printed.
#pragma once

#include "core/common/Result.h"
#include "core/identity/IdentityKey.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace mk::identity {

class KioskIdentity
{
    Q_DECLARE_TR_FUNCTIONS(mk::identity::KioskIdentity)

public:
    enum class Source { Credential = 1, KeyFile, CreatedKeyFile };
    static constexpr const char* kCredentialName = "medkiosk-identity-key";

    // <folder of the store>/identity/kiosk-key.pem
    static QString defaultKeyFile(const QString& store_path);
    static QString nextKeyFile(const QString& key_file)
    {
        return key_file + QStringLiteral(".next");
    }

    // credentials_dir: pass qEnvironmentVariable("CREDENTIALS_DIRECTORY") (may be empty).
    static Result<KioskIdentity> load(const QString& key_file, const QString& credentials_dir,
                                      bool create_if_missing);
    // Makes <key file>.next (refused while one waits, or when the key is a credential) and
    // returns the identity with both keys.
    static Result<KioskIdentity> rotate(const QString& key_file, const QString& credentials_dir);
    // The pool accepted the next key: it replaces the key file (atomic rename).
    static Status promote(const QString& key_file);

    const IdentityKey& current() const { return current_; }
    const std::optional<IdentityKey>& next() const { return next_; }
    Source source() const { return source_; }
    QString keyFile() const { return key_file_; }
    QString sourceText() const;  // for `identity show` and diagnostics; never key material
    // {"keys": [current, next]}: what IT registers with the pool.
    QJsonObject jwks() const;

private:
    static Result<IdentityKey> readKeyFile(const QString& path, bool check_owner_and_mode);
    static Result<IdentityKey> createKeyFile(const QString& path);

    IdentityKey current_;
    std::optional<IdentityKey> next_;
    Source source_ = Source::KeyFile;
    QString key_file_;
};

}  // namespace mk::identity
