#include "core/store/KeyProvider.h"

#include "core/common/Log.h"
#include "core/common/SafeFile.h"
#include "core/common/SecureWipe.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <openssl/rand.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mk::store {

namespace {

constexpr qsizetype kMaxKeyFileBytes = 256;  // anything larger is certainly not a key

class Fd
{
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd()
    {
        if (fd_ >= 0) ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }
    int release()
    {
        const int fd = fd_;
        fd_ = -1;
        return fd;
    }

private:
    int fd_ = -1;
};

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

}  // namespace

QString KeyProvider::defaultKeyFile(const QString& store_path)
{
    return QFileInfo(store_path).absoluteDir().filePath(QStringLiteral("store.key"));
}

QString KeyProvider::sourceName(Source source)
{
    switch (source) {
        case Source::Credential:
            return tr("systemd credential");
        case Source::KeyFile:
            return tr("key file");
        case Source::CreatedKeyFile:
            return tr("key file (created now)");
    }
    return {};
}

Result<SecureKey> KeyProvider::load(const QString& key_file, Source* source)
{
    return load(key_file, qEnvironmentVariable("CREDENTIALS_DIRECTORY"), source);
}

Result<SecureKey> KeyProvider::load(const QString& key_file, const QString& credentials_dir,
                                    Source* source)
{
    return loadKey(key_file, credentials_dir, source, true);
}

Result<SecureKey> KeyProvider::loadExisting(const QString& key_file, const QString& credentials_dir,
                                            Source* source)
{
    return loadKey(key_file, credentials_dir, source, false);
}

Result<SecureKey> KeyProvider::loadKey(const QString& key_file, const QString& credentials_dir,
                                       Source* source, bool create_if_missing)
{
    if (!credentials_dir.isEmpty()) {
        const QString credential = QDir(credentials_dir).filePath(QLatin1String(kCredentialName));
        if (QFileInfo::exists(credential)) {
            // systemd owns the credential's permissions (read-only, private to the service).
            auto key = readKey(credential, false);
            if (key && source != nullptr) *source = Source::Credential;
            if (key) qCInfo(lcStore) << "store key loaded from the systemd credential";
            return key;
        }
        qCInfo(lcStore) << "no credential" << kCredentialName << "in $CREDENTIALS_DIRECTORY;"
                        << "using the key file";
    }
    if (key_file.isEmpty()) return makeError(ErrorCode::Config, tr("no store key file configured"));

    struct stat st {
    };
    const QByteArray native = QFile::encodeName(key_file);
    if (::lstat(native.constData(), &st) != 0) {
        const int error_number = errno;
        if (error_number == ENOENT && !create_if_missing) {
            return makeError(ErrorCode::Storage,
                             tr("no store key: neither the systemd credential %1 nor the key "
                                "file %2 exists")
                                 .arg(QLatin1String(kCredentialName), key_file));
        }
        if (error_number != ENOENT) {
            return makeError(ErrorCode::Storage, tr("cannot inspect the store key file %1: %2")
                                                     .arg(key_file, errnoText(error_number)));
        }
        auto created = createKeyFile(key_file);
        if (created && source != nullptr) *source = Source::CreatedKeyFile;
        return created;
    }
    auto key = readKey(key_file, true);
    if (key && source != nullptr) *source = Source::KeyFile;
    if (key) qCInfo(lcStore) << "store key loaded from the key file" << key_file;
    return key;
}

Result<SecureKey> KeyProvider::readKey(const QString& path, bool check_owner_and_mode)
{
    const QByteArray native = QFile::encodeName(path);
    Fd fd(::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK));
    if (fd.get() < 0) {
        const int error_number = errno;
        QString detail =
            tr("cannot open the store key file %1: %2").arg(path, errnoText(error_number));
        if (error_number == ELOOP)
            detail += tr(" (it is a symbolic link: point the configuration at the real file)");
        return makeError(ErrorCode::Storage, detail);
    }
    struct stat st {
    };
    if (::fstat(fd.get(), &st) != 0) {
        return makeError(
            ErrorCode::Storage,
            tr("cannot inspect the store key file %1: %2").arg(path, errnoText(errno)));
    }
    if (!S_ISREG(st.st_mode)) {
        return makeError(ErrorCode::Storage,
                         tr("the store key file %1 is not a regular file").arg(path));
    }
    if (check_owner_and_mode) {
        if (st.st_uid != ::geteuid()) {
            return makeError(ErrorCode::Storage,
                             tr("refusing the store key file %1: it is owned by uid %2, not by "
                                "the user running medkiosk (uid %3). Fix: chown %3 %1")
                                 .arg(path)
                                 .arg(st.st_uid)
                                 .arg(::geteuid()));
        }
        if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
            return makeError(
                ErrorCode::Storage,
                tr("refusing the store key file %1: its mode is %2, readable by "
                   "others than its owner; it must be 0600 or stricter. Fix: chmod "
                   "600 %1 (and consider the key exposed: rotate it)")
                    .arg(path)
                    .arg(QString::number(st.st_mode & 07777, 8).rightJustified(4, u'0')));
        }
    }
    if (st.st_size > kMaxKeyFileBytes) {
        return makeError(ErrorCode::Storage,
                         tr("the store key file %1 has %2 bytes; it must hold 32 raw bytes or 64 "
                            "hex characters")
                             .arg(path)
                             .arg(qint64(st.st_size)));
    }
    QByteArray content(kMaxKeyFileBytes + 1, '\0');
    qsizetype total = 0;
    while (total < content.size()) {
        const ssize_t n = ::read(fd.get(), content.data() + total, size_t(content.size() - total));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int error_number = errno;
            secureWipe(content);
            return makeError(
                ErrorCode::Storage,
                tr("cannot read the store key file %1: %2").arg(path, errnoText(error_number)));
        }
        if (n == 0) break;
        total += n;
    }
    content.truncate(total);
    return decode(content, path);
}

Result<SecureKey> KeyProvider::decode(QByteArray& content, const QString& path)
{
    if (content.size() == SecureKey::kSizeBytes) {
        SecureKey key(content);
        secureWipe(content);
        return key;
    }
    QByteArray hex = content;
    secureWipe(content);
    while (!hex.isEmpty() && (hex.back() == '\n' || hex.back() == '\r')) hex.chop(1);
    bool all_hex = hex.size() == 2 * SecureKey::kSizeBytes;
    for (const char c : std::as_const(hex)) all_hex = all_hex && isHexDigit(c);
    if (!all_hex) {
        const qsizetype size_bytes = hex.size();
        secureWipe(hex);
        return makeError(ErrorCode::Storage,
                         tr("the store key in %1 has the wrong size or format (%2 bytes): it must "
                            "be 32 raw bytes or 64 hex characters")
                             .arg(path)
                             .arg(size_bytes));
    }
    QByteArray raw = QByteArray::fromHex(hex);
    secureWipe(hex);
    SecureKey key(raw);
    secureWipe(raw);
    return key;
}

Result<SecureKey> KeyProvider::generateKey()
{
    QByteArray raw(SecureKey::kSizeBytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), int(raw.size())) != 1) {
        secureWipe(raw);
        return makeError(ErrorCode::Storage,
                         tr("the system's random generator failed: no store key created"));
    }
    SecureKey key(raw);
    secureWipe(raw);
    return key;
}

Result<SecureKey> KeyProvider::createKeyFile(const QString& path)
{
    const QFileInfo info(path);
    const QString folder = info.absolutePath();
    // The folder holds the key (and usually the store): every folder made here 0700, and the
    // key's own folder private to the kiosk's user (as for the store, common/SafeFile).
    if (Status made = SafeFile::makePrivateFolder(folder); !made) {
        Error e = made.error();
        e.detail = tr("cannot prepare the folder %1 for the store key: %2").arg(folder, e.detail);
        return e;
    }
    auto generated = generateKey();
    if (!generated) return generated.error();
    QByteArray raw = generated.value().bytes();
    raw.detach();
    const QByteArray native = QFile::encodeName(path);
    Fd fd(::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                 S_IRUSR | S_IWUSR));
    if (fd.get() < 0) {
        const int error_number = errno;
        secureWipe(raw);
        return makeError(
            ErrorCode::Storage,
            tr("cannot create the store key file %1: %2").arg(path, errnoText(error_number)));
    }
    // open() applied the umask to the mode: say 0600 exactly, or make no key at all.
    if (::fchmod(fd.get(), S_IRUSR | S_IWUSR) != 0) {
        const int error_number = errno;
        secureWipe(raw);
        ::close(fd.release());
        ::unlink(native.constData());
        return makeError(ErrorCode::Storage, tr("cannot make the store key file %1 private "
                                                "(chmod 0600): %2")
                                                 .arg(path, errnoText(error_number)));
    }
    qsizetype written = 0;
    while (written < raw.size()) {
        const ssize_t n =
            ::write(fd.get(), raw.constData() + written, size_t(raw.size() - written));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int error_number = n < 0 ? errno : ENOSPC;
            secureWipe(raw);
            ::close(fd.release());
            ::unlink(native.constData());  // a half-written key must not be used next time
            return makeError(
                ErrorCode::Storage,
                tr("cannot write the store key file %1: %2").arg(path, errnoText(error_number)));
        }
        written += n;
    }
    if (::fsync(fd.get()) != 0) {
        const int error_number = errno;
        secureWipe(raw);
        ::close(fd.release());
        ::unlink(native.constData());
        return makeError(
            ErrorCode::Storage,
            tr("cannot flush the store key file %1: %2").arg(path, errnoText(error_number)));
    }
    ::close(fd.release());
    // Make the new directory entry durable too: a key lost in a power cut strands the store.
    if (Status synced = SafeFile::syncFolder(folder); !synced) {
        secureWipe(raw);
        ::unlink(native.constData());
        Error e = synced.error();
        e.detail = tr("cannot flush the folder of the store key file %1: %2").arg(path, e.detail);
        return e;
    }
    SecureKey key(raw);
    secureWipe(raw);
    qCInfo(lcStore) << "created a new store key file" << path;
    return key;
}

}  // namespace mk::store
