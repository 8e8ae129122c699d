// Loads the store's 256-bit raw key (DESIGN §4): from the systemd credential
// $CREDENTIALS_DIRECTORY/medkiosk-store-key when present, else from a key file that must be a
// regular file owned by the effective user with mode 0600 or stricter. A missing key file is
// created on first start with 32 random bytes (OpenSSL RAND_bytes), O_EXCL, mode 0600, fsync'd.
// Both sources hold 32 raw bytes or 64 hex characters (an ending newline is allowed).
// The key is never logged or printed.
#pragma once

#include "core/common/Result.h"
#include "core/store/SecureKey.h"

#include <QCoreApplication>
#include <QString>

namespace mk::store {

class KeyProvider
{
    Q_DECLARE_TR_FUNCTIONS(mk::store::KeyProvider)

public:
    enum class Source { Credential = 1, KeyFile, CreatedKeyFile };

    static constexpr const char* kCredentialName = "medkiosk-store-key";

    // The key file beside the store: <store folder>/store.key.
    static QString defaultKeyFile(const QString& store_path);

    // credentials_dir: the systemd credential folder; pass QString() to read
    // $CREDENTIALS_DIRECTORY. source (optional) tells where the key came from.
    static Result<SecureKey> load(const QString& key_file, Source* source = nullptr);
    static Result<SecureKey> load(const QString& key_file, const QString& credentials_dir,
                                  Source* source);

    // Like load(), but never creates a key file (for diagnostics): a missing one is an error.
    static Result<SecureKey> loadExisting(const QString& key_file, const QString& credentials_dir,
                                          Source* source);

    static QString sourceName(Source source);

    // A new random 256-bit key (OpenSSL RAND_bytes): for a new key file and for a key rotation
    // (StoreRekey).
    static Result<SecureKey> generateKey();

private:
    static Result<SecureKey> loadKey(const QString& key_file, const QString& credentials_dir,
                                     Source* source, bool create_if_missing);
    static Result<SecureKey> readKey(const QString& path, bool check_owner_and_mode);
    static Result<SecureKey> createKeyFile(const QString& path);
    static Result<SecureKey> decode(QByteArray& content, const QString& path);
};

}  // namespace mk::store
