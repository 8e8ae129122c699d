#include "core/store/StoreRekey.h"

#include "core/common/Log.h"
#include "core/common/SafeFile.h"
#include "core/store/KeyProvider.h"
#include "core/store/SqlCipherDb.h"
#include "core/store/Store.h"
#include "core/store/StoreRekeyTestHook.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <cerrno>
#include <fcntl.h>
#include <map>
#include <unistd.h>

namespace mk::store {

namespace {

using Outcome = RekeyReport::Outcome;
using Counts = std::map<QString, qint64>;

// SQLite's unix locks (os_unix.c): the byte range a reader locks on the database file, and the
// "dead man switch" byte every connection of a WAL store read-locks in the -shm file.
constexpr off_t kPendingByte = 0x40000000;
constexpr off_t kSharedSize = 510;
constexpr off_t kShmDmsByte = 120 + 8;
constexpr int kBusyTimeoutMs = 1000;

// The command IT runs (as root) to make the new key credential beside the old one.
constexpr char kEncryptCommand[] =
    "od -An -tx1 -N32 /dev/urandom | tr -d ' \\n' | systemd-creds encrypt "
    "--name=medkiosk-store-key --tpm2-pcrs= - /etc/credstore.encrypted/medkiosk-store-key.new";

// The test's kill points (StoreRekeyTestHook.h): nothing in the programs.
void killPoint(const char* stage)
{
    rekeyTestKillPoint(stage);
}

// The marker's line naming the new key: a SHA-256 over a fixed label and the key, so the marker
// (and a copy of it in a backup) tells keys apart without holding one.
constexpr char kMarkerKeyLine[] = "new key sha256: ";

QByteArray fingerprint(const SecureKey& key)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView("medkiosk store key rotation\n"));
    hash.addData(key.bytes());
    return hash.result().toHex();
}

// The fingerprint the marker names; empty when there is no marker, an error when it is unreadable.
Result<QByteArray> markerFingerprint(const QString& marker)
{
    QFile f(marker);
    if (!f.exists() && !QFileInfo(marker).isSymLink()) return QByteArray();
    if (!f.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::Storage,
                         StoreRekey::tr("cannot read %1 (%2)").arg(marker, f.errorString()));
    }
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith(kMarkerKeyLine)) {
            QByteArray value = line.mid(int(sizeof(kMarkerKeyLine)) - 1).trimmed();
            if (value.size() == 64) return value;
        }
    }
    return makeError(ErrorCode::Storage, StoreRekey::tr("%1 does not name a new key").arg(marker));
}

// The pid of a process holding a lock on [start, start + length) of path, 0 when none.
pid_t lockHolder(const QString& path, off_t start, off_t length)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return 0;
    struct flock query {
    };
    query.l_type = F_WRLCK;
    query.l_whence = SEEK_SET;
    query.l_start = start;
    query.l_len = length;
    pid_t holder = 0;
    if (::fcntl(fd, F_GETLK, &query) == 0 && query.l_type != F_UNLCK) holder = query.l_pid;
    ::close(fd);
    return holder;
}

enum class Opens { Yes = 1, WrongKey, Failed };

// Opens the store with key, holding it exclusively (no other connection until closed), and reads
// its first page: a wrong key is told apart from any other failure.
Opens openExclusive(const QString& path, const SecureKey& key, std::unique_ptr<SqlCipherDb>* db,
                    QString* why)
{
    auto opened = SqlCipherDb::openKeyed(path, SqlCipherDb::OpenMode::ReadWrite, key);
    if (!opened) {
        *why = opened.error().detail;
        return Opens::Failed;
    }
    std::unique_ptr<SqlCipherDb> d = std::move(opened).value();
    d->setBusyTimeout(kBusyTimeoutMs);
    if (Status s = d->exec(QByteArrayLiteral("PRAGMA locking_mode = EXCLUSIVE")); !s) {
        *why = s.error().detail;
        return Opens::Failed;
    }
    const int rc =
        sqlite3_exec(d->handle(), "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        *why = d->lastError(rc, QString()).detail;
        return SqlCipherDb::isNotADatabase(rc) ? Opens::WrongKey : Opens::Failed;
    }
    // Takes the write lock now: from here on the kiosk cannot open the store until we close it.
    if (Status s = d->exec(QByteArrayLiteral("BEGIN EXCLUSIVE; COMMIT;")); !s) {
        *why = s.error().detail;
        return Opens::Failed;
    }
    if (db != nullptr) *db = std::move(d);
    return Opens::Yes;
}

Opens opensWith(const QString& path, const SecureKey& key)
{
    QString ignored;
    return openExclusive(path, key, nullptr, &ignored);
}

QString quoted(const QString& name)
{
    QString q = name;
    q.replace(u'"', QStringLiteral("\"\""));
    return u'"' + q + u'"';
}

// Full integrity check and the row count of every table.
Result<Counts> checkAndCount(SqlCipherDb& db)
{
    auto integrity = db.queryTextColumn(QByteArrayLiteral("PRAGMA integrity_check"));
    if (!integrity) return integrity.error();
    if (integrity.value() != QStringList{u"ok"_qs}) {
        return makeError(ErrorCode::Storage,
                         integrity.value().mid(0, 3).join(QStringLiteral("; ")));
    }
    auto tables = db.queryTextColumn(
        QByteArrayLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    if (!tables) return tables.error();
    Counts counts;
    for (const QString& table : tables.value()) {
        auto n = db.queryText("SELECT count(*) FROM " + quoted(table).toUtf8());
        if (!n) return n.error();
        counts[table] = n.value().toLongLong();
    }
    return counts;
}

qint64 totalRows(const Counts& counts)
{
    qint64 total = 0;
    for (const auto& [table, n] : counts) total += n;
    return total;
}

}  // namespace

QString StoreRekey::pendingKeyFile(const QString& key_file)
{
    return key_file + QStringLiteral(".new");
}

QString StoreRekey::rotationMarkerFile(const QString& store_path)
{
    return store_path + QStringLiteral(".rekey");
}

Status StoreRekey::checkInterrupted(const QString& store_path, const SecureKey& key,
                                    bool credential, bool* finished)
{
    if (finished != nullptr) *finished = false;
    const QString marker = rotationMarkerFile(store_path);
    auto named = markerFingerprint(marker);
    if (named && named.value().isEmpty()) return Ok{};
    if (named && named.value() == fingerprint(key)) {
        // The rotation completed (the new key is the one loaded); only the marker was left.
        if (::unlink(QFile::encodeName(marker).constData()) != 0 && errno != ENOENT) {
            return makeError(ErrorCode::Storage,
                             tr("the store key rotation is complete but its marker %1 cannot be "
                                "removed (%2): remove it, then start again. Nothing was changed.")
                                 .arg(marker, errnoText(errno)));
        }
        (void)SafeFile::syncFolder(QFileInfo(marker).absolutePath());
        qCInfo(lcStore) << "store key rotation: the new key is in place; marker removed";
        if (finished != nullptr) *finished = true;
        return Ok{};
    }
    const QString command = credential ? tr("medkiosk-ctl store rekey (as root)")
                                       : tr("medkioskctl store rekey (as the kiosk's user)");
    return makeError(
        ErrorCode::Storage,
        tr("a store key rotation was interrupted (%1 exists%2) and the store may need the new key. "
           "Nothing was changed: the store %3 was not opened, moved or replaced. To finish the "
           "rotation run %4, then start the kiosk again.")
            .arg(marker,
                 named ? tr("; the key in use is not its new key")
                       : QStringLiteral("; ") + named.error().detail,
                 store_path, command));
}

Status StoreRekey::checkNotInUse(const QString& store_path)
{
    pid_t holder = lockHolder(store_path, kPendingByte, 2 + kSharedSize);
    const QString shm = store_path + QStringLiteral("-shm");
    if (holder == 0 && QFileInfo::exists(shm)) holder = lockHolder(shm, kShmDmsByte, 1);
    if (holder == 0) return Ok{};
    return makeError(ErrorCode::Storage,
                     tr("the store %1 is open in another process (pid %2; the kiosk keeps it "
                        "open while it runs). Stop the kiosk first (systemctl stop medkiosk) "
                        "and run this again. Nothing was changed.")
                         .arg(store_path)
                         .arg(holder));
}

RekeyReport StoreRekey::run(const RekeyOptions& o)
{
    QElapsedTimer total;
    total.start();
    RekeyReport r;
    const auto stop = [&r, &total](Outcome outcome, const QString& why) {
        r.outcome = outcome;
        r.error = why;
        r.total_ms = total.elapsed();
        qCWarning(lcStore) << "store rekey stopped:" << why;
        return r;
    };
    const QString old_readable = tr("The store still opens with the old key; nothing was lost.");

    if (Status s = Store::checkExistingFile(o.store_path); !s) {
        return stop(Outcome::Unchanged, s.error().detail);
    }
    KeyProvider::Source source{};
    auto old_key = KeyProvider::loadExisting(o.key_file, o.credentials_dir, &source);
    if (!old_key) return stop(Outcome::Unchanged, old_key.error().detail);
    r.key_source = KeyProvider::sourceName(source);
    const bool credential = source == KeyProvider::Source::Credential;
    const bool caller_keeps_key = !o.new_key_file.isEmpty();
    if (credential && !caller_keeps_key) {
        return stop(
            Outcome::Unchanged,
            tr("the store key is the systemd credential %1, which this program cannot "
               "replace. Run \"medkiosk-ctl store rekey\" as root: it makes the new "
               "credential beside the old one with\n  %2\nand gives it to this program "
               "with --new-key-file. Nothing was changed.")
                .arg(QLatin1String(KeyProvider::kCredentialName), QLatin1String(kEncryptCommand)));
    }
    if (Status s = checkNotInUse(o.store_path); !s) {
        return stop(Outcome::Unchanged, s.error().detail);
    }

    // The new key: the caller's, one left by an interrupted rotation, or a new one.
    r.pending_key_file = caller_keeps_key ? o.new_key_file : pendingKeyFile(o.key_file);
    const bool pending_exists =
        QFileInfo::exists(r.pending_key_file) || QFileInfo(r.pending_key_file).isSymLink();
    bool wrote_pending = false;
    Result<SecureKey> new_key = pending_exists
                                    ? KeyProvider::loadExisting(r.pending_key_file, {}, nullptr)
                                    : KeyProvider::generateKey();
    if (!new_key) return stop(Outcome::Unchanged, new_key.error().detail);
    if (caller_keeps_key && !pending_exists) {
        return stop(
            Outcome::Unchanged,
            tr("the new key file %1 does not exist. Nothing was changed.").arg(o.new_key_file));
    }
    if (new_key.value().bytes() == old_key.value().bytes()) {
        return stop(Outcome::Unchanged,
                    tr("the new key in %1 is the key in use. Nothing was changed.")
                        .arg(r.pending_key_file));
    }
    // The marker of a rotation under way: one naming the key in use is left from a rotation
    // that completed (removed); one naming the new key is this rotation's, interrupted (kept);
    // one naming any other key belongs to a rotation whose new key is not here.
    const QString marker = rotationMarkerFile(o.store_path);
    auto marked = markerFingerprint(marker);
    if (marked && !marked.value().isEmpty() && marked.value() == fingerprint(old_key.value())) {
        if (Status s = checkInterrupted(o.store_path, old_key.value(), credential); !s) {
            return stop(Outcome::Unchanged, s.error().detail);
        }
        r.steps << tr("an earlier rotation had completed; its marker %1 was removed").arg(marker);
        marked = QByteArray();
    }
    if (!marked || (!marked.value().isEmpty() && marked.value() != fingerprint(new_key.value()))) {
        return stop(Outcome::Unchanged,
                    tr("a key rotation was interrupted (%1) with a new key that is neither the key "
                       "in use nor the one in %2. Do not delete anything; put back the new key "
                       "file of that rotation and run this again, or call support. Nothing was "
                       "changed.")
                        .arg(marker, r.pending_key_file));
    }
    const bool marker_exists = !marked.value().isEmpty();
    const auto forget_marker = [&]() {
        if (::unlink(QFile::encodeName(marker).constData()) == 0) {
            (void)SafeFile::syncFolder(QFileInfo(marker).absolutePath());
            r.steps << tr("removed the rotation marker %1").arg(marker);
        } else if (errno != ENOENT) {
            r.steps << tr("could not remove the rotation marker %1 (%2): delete it")
                           .arg(marker, errnoText(errno));
        }
    };
    // Only where the store was checked to open with the old key.
    const auto forget_pending = [&]() {
        forget_marker();
        if (!wrote_pending) return;
        if (::unlink(QFile::encodeName(r.pending_key_file).constData()) == 0) {
            r.steps << tr("removed the unused new key file %1").arg(r.pending_key_file);
        } else {
            r.steps << tr("could not remove the unused new key file %1 (%2): delete it")
                           .arg(r.pending_key_file, errnoText(errno));
        }
    };

    std::unique_ptr<SqlCipherDb> db;
    QString why;
    Counts before;
    bool already_rekeyed = false;
    const Opens with_old = openExclusive(o.store_path, old_key.value(), &db, &why);
    if (with_old == Opens::WrongKey && pending_exists &&
        opensWith(o.store_path, new_key.value()) == Opens::Yes) {
        // An earlier rotation re-encrypted the store and stopped before installing the key.
        already_rekeyed = true;
        r.steps << tr("the store already opens only with the new key in %1 (an earlier rotation "
                      "was interrupted): nothing to re-encrypt")
                       .arg(r.pending_key_file);
    } else if (with_old != Opens::Yes) {
        return stop(Outcome::Unchanged,
                    tr("cannot open the store %1 with its key (%2). Nothing was changed.")
                        .arg(o.store_path, why));
    }
    if (!already_rekeyed) {
        if (pending_exists && !caller_keeps_key) {
            r.steps << tr("found the new key file %1 of an interrupted rotation: it is used")
                           .arg(r.pending_key_file);
        }
        auto journal = db->queryText(QByteArrayLiteral("PRAGMA journal_mode"));
        if (!journal || journal.value().compare(u"wal"_qs, Qt::CaseInsensitive) != 0) {
            return stop(Outcome::Unchanged,
                        tr("the store %1 is not in WAL mode (the kiosk switches it at its first "
                           "start): start the kiosk once, stop it, and run this again. Nothing "
                           "was changed.")
                            .arg(o.store_path));
        }
        auto schema = Store::existingSchemaVersion(*db, o.store_path);
        if (!schema) return stop(Outcome::Unchanged, schema.error().detail);
        auto counted = checkAndCount(*db);
        if (!counted) {
            return stop(Outcome::Unchanged,
                        tr("the store %1 fails its integrity check (%2): a damaged store is not "
                           "re-encrypted. Nothing was changed.")
                            .arg(o.store_path, counted.error().detail));
        }
        before = counted.value();
        r.tables = int(before.size());
        r.rows = totalRows(before);
        r.steps << tr("opened the store %1 alone with the old key (%2): schema %3, integrity ok, "
                      "%4 rows in %5 tables")
                       .arg(o.store_path, r.key_source)
                       .arg(schema.value())
                       .arg(r.rows)
                       .arg(r.tables);

        if (!pending_exists) {
            SafeWriteOptions write_options;
            if (Status w =
                    SafeFile::write(r.pending_key_file, new_key.value().bytes(), write_options);
                !w) {
                return stop(Outcome::Unchanged, tr("cannot write the new key file: %1. %2")
                                                    .arg(w.error().detail, old_readable));
            }
            wrote_pending = true;
            r.steps << tr("wrote a new random 256-bit key to %1 (mode 0600, flushed to the disk)")
                           .arg(r.pending_key_file);
        }
        if (!marker_exists) {
            const QByteArray text =
                "medkiosk store key rotation under way: do not delete "
                "(docs/maintenance.md)\nnew key: " +
                QFile::encodeName(r.pending_key_file) + '\n' + kMarkerKeyLine +
                fingerprint(new_key.value()) + '\n';
            if (Status w = SafeFile::write(marker, text, SafeWriteOptions{}); !w) {
                forget_pending();
                return stop(Outcome::Unchanged, tr("cannot write the rotation marker: %1. %2")
                                                    .arg(w.error().detail, old_readable));
            }
            r.steps << tr("wrote the rotation marker %1 (names the new key by its SHA-256)")
                           .arg(marker);
        }
        killPoint("before-rekey");

        QElapsedTimer timer;
        timer.start();
        const Status rekeyed = db->rekey(new_key.value());
        r.rekey_ms = timer.elapsed();
        db.reset();  // closes: the WAL is checkpointed into the file
        if (!rekeyed) {
            if (opensWith(o.store_path, old_key.value()) == Opens::Yes) {
                forget_pending();
                return stop(
                    Outcome::Unchanged,
                    tr("re-encrypting failed (%1). %2").arg(rekeyed.error().detail, old_readable));
            }
            if (opensWith(o.store_path, new_key.value()) != Opens::Yes) {
                return stop(Outcome::Unknown,
                            tr("re-encrypting failed (%1) and the store opens with neither key "
                               "now. Both keys are kept: the old one (%2) and the new one in %3. "
                               "Do not delete anything; run \"medkioskctl store check\" with each "
                               "and call support.")
                                .arg(rekeyed.error().detail, r.key_source, r.pending_key_file));
            }
        }
        r.steps
            << tr("re-encrypted the store with the new key (PRAGMA rekey, %1 ms)").arg(r.rekey_ms);
        killPoint("after-rekey");
    } else {
        db.reset();
    }

    // Verify: the new key opens it, everything is there, the old key no longer opens it.
    const Opens with_new = openExclusive(o.store_path, new_key.value(), &db, &why);
    Result<Counts> after = with_new == Opens::Yes
                               ? checkAndCount(*db)
                               : Result<Counts>(makeError(ErrorCode::Storage, why));
    db.reset();
    const bool counts_ok = after && (already_rekeyed || after.value() == before);
    if (!counts_ok) {
        if (opensWith(o.store_path, old_key.value()) == Opens::Yes) {
            // SQLCipher 3.4 can report success for a rekey whose writes failed (seen with a file
            // size limit): the check is what tells.
            forget_pending();
            return stop(
                Outcome::Unchanged,
                tr("re-encrypting did not complete: the check with the new key failed (%1). %2")
                    .arg(after ? tr("row counts differ") : after.error().detail, old_readable));
        }
        return stop(Outcome::Unknown,
                    tr("the check with the new key failed (%1) and the old key does not open "
                       "the store. Both keys are kept: the old one (%2) and the new one in %3. "
                       "Do not delete anything; call support.")
                        .arg(after ? tr("row counts differ") : after.error().detail, r.key_source,
                             r.pending_key_file));
    }
    if (already_rekeyed) {
        r.tables = int(after.value().size());
        r.rows = totalRows(after.value());
    }
    if (opensWith(o.store_path, old_key.value()) != Opens::WrongKey) {
        return stop(Outcome::Unknown,
                    tr("the old key still opens the store after re-encrypting. Both keys are "
                       "kept; call support."));
    }
    r.steps << tr("reopened it with the new key: integrity ok, the same %1 rows in %2 tables; the "
                  "old key no longer opens it")
                   .arg(r.rows)
                   .arg(r.tables);
    killPoint("before-install");

    if (caller_keeps_key) {
        r.steps << tr("the store's key is now the one in %1: replace the old key with it now "
                      "(until then the kiosk refuses to start; the first start with the new key "
                      "removes the marker %2)")
                       .arg(o.new_key_file, marker);
    } else {
        const QByteArray from = QFile::encodeName(r.pending_key_file);
        const QByteArray to = QFile::encodeName(o.key_file);
        if (::rename(from.constData(), to.constData()) != 0) {
            const QString reason = errnoText(errno);
            return stop(Outcome::NewKeyNotInstalled,
                        tr("the store is re-encrypted and opens only with the new key, in %1, "
                           "but it could not replace %2 (%3). Do it now: mv %1 %2")
                            .arg(r.pending_key_file, o.key_file, reason));
        }
        Status synced = SafeFile::syncFolder(QFileInfo(o.key_file).absolutePath());
        r.steps << tr("replaced the key file %1 with the new key (the old key is gone)")
                       .arg(o.key_file);
        if (!synced) r.steps << synced.error().detail;
        forget_marker();
    }
    r.outcome = Outcome::Rekeyed;
    r.total_ms = total.elapsed();
    qCInfo(lcStore) << "store re-encrypted with a new key:" << r.rows << "rows," << r.rekey_ms
                    << "ms";
    return r;
}

}  // namespace mk::store
