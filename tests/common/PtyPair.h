// A pseudo-terminal pair for the serial-device tests: the test writes on the master side, the
// device under test opens the slave path as its tty (tests/devices, tests/checkin).
#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QFile>
#include <QString>

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace mk::test {

// One end of a pty pair played by the test; the slave path is what a scanner's tty would be.
class PtyPair
{
public:
    PtyPair()
    {
        master_ = posix_openpt(O_RDWR | O_NOCTTY);
        if (master_ < 0 || grantpt(master_) != 0 || unlockpt(master_) != 0) {
            close();
            return;
        }
        const char* name = ptsname(master_);
        if (name == nullptr) {
            close();
            return;
        }
        slave_path_ = QString::fromLocal8Bit(name);
    }
    ~PtyPair() { close(); }
    PtyPair(const PtyPair&) = delete;
    PtyPair& operator=(const PtyPair&) = delete;

    bool ok() const { return master_ >= 0; }
    QString slavePath() const { return slave_path_; }
    bool write(const QByteArray& bytes)
    {
        qsizetype done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::write(master_, bytes.constData() + done,
                                      static_cast<size_t>(bytes.size() - done));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return false;
            done += n;
        }
        return true;
    }
    void close()
    {
        if (observer_ >= 0) ::close(observer_);
        observer_ = -1;
        if (master_ >= 0) ::close(master_);
        master_ = -1;
    }

    // The test's own descriptor on the slave side, opened before the scanner's (which takes the
    // tty exclusively): it shares the tty's input queue, so FIONREAD on it counts the bytes the
    // scanner has not read yet.
    bool openObserver()
    {
        observer_ = ::open(QFile::encodeName(slave_path_).constData(),
                           O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
        return observer_ >= 0;
    }
    int unread() const
    {
        int n = -1;
        return observer_ >= 0 && ::ioctl(observer_, FIONREAD, &n) == 0 ? n : -1;
    }
    // Until `bytes` written on the master side are in the slave's input queue (the kernel moves
    // them there asynchronously). Processes no events: the scanner, on this thread, cannot read
    // them meanwhile.
    bool waitArrived(int bytes, int timeout_ms)
    {
        QDeadlineTimer deadline(timeout_ms);
        while (unread() < bytes) {
            if (deadline.hasExpired()) return false;
            pollfd p{observer_, POLLIN, 0};
            ::poll(&p, 1, 10);  // wakes up when input arrives
        }
        return true;
    }

private:
    int master_ = -1;
    int observer_ = -1;
    QString slave_path_;
};

}  // namespace mk::test
