#include "core/identity/KioskIdentity.h"

#include "core/common/Log.h"
#include "core/common/SafeFile.h"
#include "core/common/SecureWipe.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mk::identity {
namespace {

constexpr qint64 kMaxKeyFileBytes = 16 * 1024;

void wipeBytes(QByteArray& bytes)
{
    secureWipe(bytes);  // the kiosk's one secure wipe (core/common/SecureWipe.h)
}

}  // namespace

QString KioskIdentity::defaultKeyFile(const QString& store_path)
{
    return QFileInfo(store_path).absoluteDir().filePath(QStringLiteral("identity/kiosk-key.pem"));
}

QString KioskIdentity::sourceText() const
{
    switch (source_) {
        case Source::Credential:
            return tr("systemd credential %1").arg(QLatin1String(kCredentialName));
        case Source::CreatedKeyFile:
            return tr("key file %1 (made now)").arg(key_file_);
        case Source::KeyFile:
            break;
    }
    return tr("key file %1").arg(key_file_);
}

QJsonObject KioskIdentity::jwks() const
{
    QJsonArray keys{current_.publicJwk()};
    if (next_) keys.append(next_->publicJwk());
    return QJsonObject{{QStringLiteral("keys"), keys}};
}

Result<IdentityKey> KioskIdentity::readKeyFile(const QString& path, bool check_owner_and_mode)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) {
        return makeError(ErrorCode::Config,
                         tr("cannot open the identity key %1: %2").arg(path, errnoText(errno)));
    }
    struct stat st {
    };
    QString problem;
    if (::fstat(fd, &st) != 0) {
        problem = errnoText(errno);
    } else if (!S_ISREG(st.st_mode)) {
        problem = tr("not a regular file");
    } else if (check_owner_and_mode && st.st_uid != ::geteuid()) {
        problem =
            tr("owned by uid %1, not by the kiosk's user (uid %2)").arg(st.st_uid).arg(::geteuid());
    } else if (check_owner_and_mode && (st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        problem = tr("mode %1 lets others read it; it must be 0600 (chmod 600, and consider the "
                     "key exposed: rotate it)")
                      .arg(QString::number(st.st_mode & 07777, 8));
    } else if (st.st_size > kMaxKeyFileBytes) {
        problem = tr("too large for a key");
    }
    if (!problem.isEmpty()) {
        ::close(fd);
        return makeError(ErrorCode::Config,
                         tr("refusing the identity key %1: %2").arg(path, problem));
    }
    QByteArray pem(qsizetype(st.st_size), '\0');
    qsizetype total = 0;
    while (total < pem.size()) {
        const ssize_t n = ::read(fd, pem.data() + total, size_t(pem.size() - total));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        total += n;
    }
    ::close(fd);
    pem.truncate(total);
    Result<IdentityKey> key = IdentityKey::fromPem(pem);
    wipeBytes(pem);
    if (!key) {
        return makeError(
            ErrorCode::Config,
            tr("the identity key %1 cannot be used: %2").arg(path, key.error().detail));
    }
    return key;
}

Result<IdentityKey> KioskIdentity::createKeyFile(const QString& path)
{
    if (Status folder = SafeFile::makePrivateFolder(QFileInfo(path).absolutePath()); !folder)
        return folder.error();
    Result<IdentityKey> key = IdentityKey::generate();
    if (!key) return key.error();
    if (Status written = SafeFile::write(path, key.value().privatePem(), SafeWriteOptions{});
        !written) {
        return makeError(
            ErrorCode::Config,
            tr("cannot write the identity key %1: %2").arg(path, written.error().detail));
    }
    qCInfo(lcPool).noquote() << "identity: made a new kiosk key, kid" << key.value().kid();
    return key;
}

Result<KioskIdentity> KioskIdentity::load(const QString& key_file, const QString& credentials_dir,
                                          bool create_if_missing)
{
    KioskIdentity id;
    id.key_file_ = key_file;
    if (!credentials_dir.isEmpty()) {
        const QString credential = QDir(credentials_dir).filePath(QLatin1String(kCredentialName));
        if (QFileInfo::exists(credential)) {
            Result<IdentityKey> key = readKeyFile(credential, false);  // systemd owns its mode
            if (!key) return key.error();
            id.current_ = key.value();
            id.source_ = Source::Credential;
            return id;
        }
    }
    if (key_file.isEmpty())
        return makeError(ErrorCode::Config, tr("no identity key file is configured"));
    if (!QFileInfo::exists(key_file) && !QFileInfo(key_file).isSymLink()) {
        if (!create_if_missing) {
            return makeError(ErrorCode::Config,
                             tr("this kiosk has no identity key yet (neither the systemd "
                                "credential %1 nor %2): run \"medkioskctl identity init\"")
                                 .arg(QLatin1String(kCredentialName), key_file));
        }
        Result<IdentityKey> made = createKeyFile(key_file);
        if (!made) return made.error();
        id.current_ = made.value();
        id.source_ = Source::CreatedKeyFile;
        return id;
    }
    Result<IdentityKey> key = readKeyFile(key_file, true);
    if (!key) return key.error();
    id.current_ = key.value();
    const QString next = nextKeyFile(key_file);
    if (QFileInfo::exists(next)) {
        Result<IdentityKey> pending = readKeyFile(next, true);
        if (!pending) return pending.error();
        id.next_ = pending.value();
    }
    return id;
}

Result<KioskIdentity> KioskIdentity::rotate(const QString& key_file, const QString& credentials_dir)
{
    Result<KioskIdentity> id = load(key_file, credentials_dir, false);
    if (!id) return id.error();
    if (id.value().source() == Source::Credential) {
        return makeError(ErrorCode::Config,
                         tr("the identity key is the systemd credential %1: rotate it with the "
                            "packaging's credential tooling (docs/identity.md)")
                             .arg(QLatin1String(kCredentialName)));
    }
    if (id.value().next()) {
        return makeError(ErrorCode::Config,
                         tr("a new key already waits for registration (%1); register the JWKS "
                            "from \"medkioskctl identity export-jwks\" with the pool")
                             .arg(nextKeyFile(key_file)));
    }
    Result<IdentityKey> made = createKeyFile(nextKeyFile(key_file));
    if (!made) return made.error();
    KioskIdentity out = id.value();
    out.next_ = made.value();
    return out;
}

Status KioskIdentity::promote(const QString& key_file)
{
    const QString next = nextKeyFile(key_file);
    if (std::rename(QFile::encodeName(next).constData(), QFile::encodeName(key_file).constData()) !=
        0) {
        return makeError(ErrorCode::Config,
                         tr("cannot put the new identity key in place: %1").arg(errnoText(errno)));
    }
    // The key is in place; a folder that cannot be flushed is said, not hidden.
    if (Status synced = SafeFile::syncFolder(QFileInfo(key_file).absolutePath()); !synced)
        qCWarning(lcPool) << "identity:" << synced.error().detail;
    qCInfo(lcPool) << "identity: the pool accepted the new key; the old one is retired";
    return Ok{};
}

}  // namespace mk::identity
