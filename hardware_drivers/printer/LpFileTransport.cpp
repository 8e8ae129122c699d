#include "hw/printer/LpFileTransport.h"

#include <QDeadlineTimer>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace mk::hw {

namespace {
QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}
}  // namespace

LpFileTransport::LpFileTransport(QString path) : path_(std::move(path)) {}

LpFileTransport::~LpFileTransport()
{
    LpFileTransport::close();  // no virtual dispatch in a destructor: say which one runs
}

HwStatus LpFileTransport::open()
{
    close();
    const QByteArray native = QFile::encodeName(path_);
    fd_ = ::open(native.constData(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    readable_ = fd_ >= 0;
    if (fd_ < 0) fd_ = ::open(native.constData(), O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd_ < 0) {
        return hwError(HwErrorCode::Unreachable,
                       QStringLiteral("cannot open %1: %2").arg(path_, errnoText()));
    }
    return Ok{};
}

void LpFileTransport::close()
{
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    readable_ = false;
}

HwStatus LpFileTransport::writeAll(const QByteArray& bytes, int timeout_ms)
{
    const QDeadlineTimer deadline(timeout_ms);
    qsizetype done = 0;
    while (fd_ >= 0 && done < bytes.size()) {
        pollfd p{fd_, POLLOUT, 0};
        const int ready = ::poll(&p, 1, static_cast<int>(deadline.remainingTime()));
        if (ready == 0) {
            close();
            return hwError(
                HwErrorCode::Timeout,
                QStringLiteral("write to %1 timed out (printer busy or off)").arg(path_));
        }
        if (ready < 0 && errno == EINTR) continue;
        const ssize_t n =
            ::write(fd_, bytes.constData() + done, static_cast<size_t>(bytes.size() - done));
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
        if (n <= 0) {
            HwError error = hwError(
                HwErrorCode::Io, QStringLiteral("write to %1 failed: %2").arg(path_, errnoText()));
            close();
            return error;
        }
        done += n;
    }
    if (fd_ < 0)
        return hwError(HwErrorCode::Io, QStringLiteral("write to %1 failed: not open").arg(path_));
    return Ok{};
}

int LpFileTransport::readByte(int timeout_ms)
{
    if (fd_ < 0 || !readable_) return -1;
    pollfd p{fd_, POLLIN, 0};
    int ready = 0;
    do {
        ready = ::poll(&p, 1, timeout_ms);
    } while (ready < 0 && errno == EINTR);
    if (ready <= 0) return -1;
    unsigned char c = 0;
    const ssize_t n = ::read(fd_, &c, 1);
    if (n == 1) return c;
    if (n == 0 || (n < 0 && errno != EAGAIN)) close();  // device gone (unplugged)
    return -1;
}

void LpFileTransport::discardInput()
{
    while (readByte(0) >= 0) {
    }
}

}  // namespace mk::hw
