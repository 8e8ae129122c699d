// Rotating the store key (`medkioskctl store rekey`, docs/maintenance.md): SQLCipher's PRAGMA rekey
// with a new random 256-bit raw key, on a store the kiosk does not hold, never losing data.
//
// Key file (development, or a kiosk without systemd credentials): the new key is written to
// "<key file>.new" (0600, O_EXCL, fsync'd with its folder) before the store is touched; the store
// is re-encrypted in one transaction; it is reopened with the new key (full integrity check, the
// same row count in every table) and the old key must no longer open it; only then "<key
// file>.new" replaces the key file (rename, folder fsync'd). Any failure leaves the store readable
// with the old key (checked, and said) and the old key file in place.
//
// Systemd credential (production): this program cannot write /etc/credstore.encrypted. The new key
// comes from new_key_file (a credential IT made with `systemd-creds encrypt`, decrypted by
// medkiosk-ctl); this class re-encrypts and verifies, and the caller replaces the credential.
//
// An interrupted rotation is finished by running it again: when the store opens only with the
// pending key, nothing is re-encrypted and the pending key is installed.
//
// While a rotation is under way a marker lies beside the store, "<store>.rekey" (0600, flushed
// before the store is touched): it names the new key by a fingerprint (a SHA-256 of it, never the
// key). The kiosk at its start and medkioskctl check it (checkInterrupted) before they open the
// store: with the new key in place (the credential replaced after the re-encryption) the marker
// is removed and they go on; with any other key they stop, change nothing and say the command
// that finishes the rotation. So a kiosk started between the re-encryption and the replacement of
// the credential never takes the store for unreadable and never sets it aside.
#pragma once

#include "core/common/Result.h"
#include "core/store/SecureKey.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace mk::store {

struct RekeyOptions {
    QString store_path;
    QString key_file;         // the configured key file (ignored when the credential is present)
    QString credentials_dir;  // $CREDENTIALS_DIRECTORY (may be empty)
    QString new_key_file;     // the new key made by the caller (required for a credential)
};

struct RekeyReport {
    enum class Outcome {
        Unset = 0,
        Rekeyed,             // the store opens with the new key only; the new key is installed
                             // (key file) or ready for the caller to install (new_key_file)
        Unchanged,           // nothing changed: the store opens with the old key
        NewKeyNotInstalled,  // re-encrypted and verified, but the key file could not be replaced:
                             // the key is in pending_key_file
        Unknown,             // neither key opens the store as expected: both keys kept
    };
    Outcome outcome = Outcome::Unset;
    QStringList steps;  // what was done, in order: one sentence each (no key material)
    QString error;      // why it stopped, when it did
    QString key_source;
    QString pending_key_file;
    int tables = 0;
    qint64 rows = 0;
    qint64 rekey_ms = 0;  // PRAGMA rekey alone
    qint64 total_ms = 0;
};

class StoreRekey
{
    Q_DECLARE_TR_FUNCTIONS(mk::store::StoreRekey)

public:
    // "<key file>.new": written before the store is touched, renamed over the key file at the end.
    static QString pendingKeyFile(const QString& key_file);

    // "<store>.rekey": the marker of a rotation under way (see above).
    static QString rotationMarkerFile(const QString& store_path);

    // Before opening the store with key (credential: the key came from the systemd credential).
    // Ok when no rotation is under way, or when key is the new key of the one the marker names:
    // then the marker is removed and *finished (optional) says so. Otherwise an error that says
    // the rotation was interrupted, that nothing was changed, and the command that finishes it.
    static Status checkInterrupted(const QString& store_path, const SecureKey& key, bool credential,
                                   bool* finished = nullptr);

    // Ok when no other process has the store open; otherwise a sentence naming the process id
    // (the kiosk keeps a shared lock on the store file and on its -shm file while it runs).
    static Status checkNotInUse(const QString& store_path);

    static RekeyReport run(const RekeyOptions& options);
};

}  // namespace mk::store
