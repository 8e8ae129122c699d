#include "core/common/SafeFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mk {

QString errnoText(int error_number)
{
    return QString::fromLocal8Bit(std::strerror(error_number));
}

namespace {

QString kindOf(mode_t mode)
{
    if (S_ISLNK(mode)) return SafeFile::tr("a symbolic link");
    if (S_ISDIR(mode)) return SafeFile::tr("a folder");
    if (S_ISFIFO(mode)) return SafeFile::tr("a FIFO (named pipe)");
    if (S_ISCHR(mode) || S_ISBLK(mode)) return SafeFile::tr("a device");
    if (S_ISSOCK(mode)) return SafeFile::tr("a socket");
    return SafeFile::tr("not a regular file");
}

// Writes all of data to fd and flushes it to the disk; errno text on failure.
bool writeAllAndSync(int fd, const QByteArray& data, QString* why)
{
    qsizetype written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + written, size_t(data.size() - written));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            *why = errnoText(n < 0 ? errno : ENOSPC);
            return false;
        }
        written += n;
    }
    if (::fsync(fd) != 0) {
        *why = SafeFile::tr("flushing to the disk failed: %1").arg(errnoText(errno));
        return false;
    }
    return true;
}

// Makes a new directory entry durable. Some file systems cannot sync a folder (EINVAL): that
// is not a failure of the write.
bool fsyncFolder(const QString& folder, QString* why)
{
    const int dir =
        ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) {
        *why = errnoText(errno);
        return false;
    }
    const int rc = ::fsync(dir);
    const int error_number = errno;
    ::close(dir);
    if (rc != 0 && error_number != EINVAL) {
        *why = errnoText(error_number);
        return false;
    }
    return true;
}

Status writeError(const QString& path, const QString& why)
{
    return makeError(ErrorCode::Storage,
                     SafeFile::tr("cannot write %1: %2; nothing was written").arg(path, why));
}

}  // namespace

Status SafeFile::syncFolder(const QString& folder)
{
    QString why;
    if (fsyncFolder(folder, &why)) return Ok{};
    return makeError(ErrorCode::Storage,
                     tr("cannot flush the folder %1 to the disk: %2").arg(folder, why));
}

QString SafeFile::canonicalFolder(const QString& folder)
{
    if (folder.isEmpty()) return {};
    char* resolved = ::realpath(QFile::encodeName(folder).constData(), nullptr);
    if (resolved == nullptr) return {};
    QString result = QFile::decodeName(resolved);
    std::free(resolved);  // NOLINT(cppcoreguidelines-no-malloc): realpath's allocation
    return result;
}

Status SafeFile::makePrivateFolder(const QString& folder)
{
    const QString absolute = QDir(folder).absolutePath();
    QString partial;
    const QStringList parts = absolute.split(u'/', Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        partial += u'/' + part;
        const QByteArray native = QFile::encodeName(partial);
        if (::mkdir(native.constData(), S_IRWXU) == 0) {
            // mkdir applies the umask; say 0700 exactly.
            if (::chmod(native.constData(), S_IRWXU) != 0) {
                return makeError(
                    ErrorCode::Storage,
                    tr("cannot make the folder %1 private: %2").arg(partial, errnoText(errno)));
            }
        } else if (errno != EEXIST) {
            return makeError(ErrorCode::Storage,
                             tr("cannot create the folder %1: %2").arg(partial, errnoText(errno)));
        }
    }
    struct stat st {
    };
    const QByteArray native = QFile::encodeName(absolute);
    if (::stat(native.constData(), &st) != 0 || !S_ISDIR(st.st_mode)) {
        return makeError(ErrorCode::Storage, tr("%1 is not a folder").arg(absolute));
    }
    if ((st.st_mode & 077) != 0 && st.st_uid == ::geteuid() &&
        ::chmod(native.constData(), S_IRWXU) != 0) {
        return makeError(
            ErrorCode::Storage,
            tr("cannot make the folder %1 private: %2").arg(absolute, errnoText(errno)));
    }
    return Ok{};
}

Status SafeFile::checkRegularFile(const QString& path)
{
    struct stat st {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        return makeError(ErrorCode::Storage, tr("cannot open %1: %2").arg(path, errnoText(errno)));
    }
    if (!S_ISREG(st.st_mode)) {
        return makeError(
            ErrorCode::Storage,
            tr("refusing %1: it is %2, not a regular file").arg(path, kindOf(st.st_mode)));
    }
    return Ok{};
}

Status SafeFile::write(const QString& path, const QByteArray& data, const SafeWriteOptions& options)
{
    if (path.isEmpty()) return makeError(ErrorCode::Storage, tr("no file name given"));
    const QFileInfo info(path);
    const QString folder = info.absolutePath();
    const QString real_folder = canonicalFolder(folder);
    if (real_folder.isEmpty()) {
        return makeError(ErrorCode::Storage,
                         tr("cannot write %1: the folder %2 does not exist").arg(path, folder));
    }
    if (!options.forbidden_folder.isEmpty() &&
        real_folder == canonicalFolder(options.forbidden_folder)) {
        return makeError(ErrorCode::Storage,
                         tr("refusing to write %1: it is in the folder of the local store (%2), "
                            "where only the kiosk writes. Choose another folder.")
                             .arg(path, options.forbidden_folder));
    }
    const QString target = QDir(real_folder).filePath(info.fileName());
    const QByteArray native = QFile::encodeName(target);

    struct stat st {
    };
    const bool exists = ::lstat(native.constData(), &st) == 0;
    if (!exists && errno != ENOENT) {
        return makeError(ErrorCode::Storage,
                         tr("cannot inspect %1: %2").arg(path, errnoText(errno)));
    }
    if (exists && !S_ISREG(st.st_mode)) {
        return makeError(ErrorCode::Storage, tr("refusing to write %1: it is %2, not a regular "
                                                "file. Nothing was changed.")
                                                 .arg(path, kindOf(st.st_mode)));
    }
    if (exists && !options.replace_existing) {
        return makeError(ErrorCode::Storage,
                         tr("refusing to write %1: the file exists. Nothing was changed; choose "
                            "a new name, or add --force to replace it.")
                             .arg(path));
    }

    QString why;
    if (!exists && !options.shared_reader) {
        const int fd =
            ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                   S_IRUSR | S_IWUSR);
        if (fd < 0) return writeError(path, errnoText(errno));
        bool ok = ::fchmod(fd, S_IRUSR | S_IWUSR) == 0;
        if (!ok) why = errnoText(errno);
        ok = ok && writeAllAndSync(fd, data, &why);
        ::close(fd);
        if (!ok) {
            ::unlink(native.constData());
            return writeError(path, why);
        }
    } else {
        // Replace atomically: a reader (or a power cut) sees the old file or the new one.
        QByteArray temp = QFile::encodeName(
            QDir(real_folder).filePath(u'.' + info.fileName() + QStringLiteral(".XXXXXX")));
        const int fd = ::mkstemp(temp.data());  // 0600, O_EXCL
        if (fd < 0) return writeError(path, errnoText(errno));
        bool ok = true;
        if (options.shared_reader && ::fchmod(fd, S_IRUSR | S_IWUSR | S_IRGRP | S_IROTH) != 0) {
            why = errnoText(errno);
            ok = false;
        }
        ok = ok && writeAllAndSync(fd, data, &why);
        ::close(fd);
        if (ok && ::rename(temp.constData(), native.constData()) != 0) {
            why = errnoText(errno);
            ok = false;
        }
        if (!ok) {
            ::unlink(temp.constData());
            return writeError(path, why);
        }
    }
    if (!fsyncFolder(real_folder, &why)) {
        return makeError(
            ErrorCode::Storage,
            tr("wrote %1 but could not make it durable (folder sync failed: %2)").arg(path, why));
    }
    return Ok{};
}

}  // namespace mk
