// The kiosk's systemd notifications (issue 10; packaging/debian/medkiosk.service, Type=notify with
// WatchdogSec=): the real medkiosk (offscreen, --demo) with $NOTIFY_SOCKET pointing at a datagram
// socket this test reads. READY=1 comes first, once the first screen is shown, then WATCHDOG=1
// again and again from the UI thread's event loop; STOPPING=1 on SIGTERM. A UI thread that blocks
// (test hook MEDKIOSK_TEST_HANG_UI_AFTER_PINGS, only in the twin medkiosk-testhooks: the program
// itself ignores it, checked here too) stops the pings while the process lives on, which is what
// makes systemd restart a hung kiosk.
#include "TestSkip.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

constexpr int kWatchdogMs = 400;  // WATCHDOG_USEC: the kiosk pings every 200 ms

// A unix datagram socket like systemd's notify socket; each datagram becomes one message.
class NotifySocket : public QObject
{
    Q_OBJECT
public:
    explicit NotifySocket(const QString& path)
    {
        fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray native = QFile::encodeName(path);
        if (fd_ < 0 || size_t(native.size()) >= sizeof(address.sun_path)) return;
        std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
        if (::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) return;
        bound_ = true;
        notifier_ = new QSocketNotifier(fd_, QSocketNotifier::Read, this);
        connect(notifier_, &QSocketNotifier::activated, this, &NotifySocket::readAll);
    }
    ~NotifySocket() override
    {
        if (fd_ >= 0) ::close(fd_);
    }
    bool bound() const { return bound_; }
    QStringList messages;
    int count(const QString& text) const { return int(messages.count(text)); }

Q_SIGNALS:
    void received(const QString& message);

private:
    void readAll()
    {
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::recv(fd_, buffer, sizeof(buffer), 0);
            if (n <= 0) return;
            // One datagram may hold several assignments (READY=1\nSTATUS=...).
            const QString datagram = QString::fromUtf8(buffer, int(n));
            for (const QString& line : datagram.split(u'\n', Qt::SkipEmptyParts)) {
                if (line.startsWith(u"STATUS=")) continue;
                messages << line;
                Q_EMIT received(line);
            }
        }
    }

    int fd_ = -1;
    bool bound_ = false;
    QSocketNotifier* notifier_ = nullptr;
};

}  // namespace

class TestWatchdog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readyThenPingsThenStopping();
    void aBlockedUiThreadStopsThePings();

private:
    void startKiosk(QProcess& kiosk, const QTemporaryDir& home, const QString& socket,
                    int hang_after_pings, const QString& program = QStringLiteral(MEDKIOSK_BIN));
};

void TestWatchdog::startKiosk(QProcess& kiosk, const QTemporaryDir& home, const QString& socket,
                              int hang_after_pings, const QString& program)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_qs, u"offscreen"_qs);
    env.insert(u"HOME"_qs, home.path());
    for (const char* name :
         {"XDG_STATE_HOME", "MEDKIOSK_CONFIG", "CREDENTIALS_DIRECTORY", "STATE_DIRECTORY",
          "WATCHDOG_PID", "MEDKIOSK_TEST_HANG_UI_AFTER_PINGS"})
        env.remove(QString::fromLatin1(name));
    env.insert(u"NOTIFY_SOCKET"_qs, socket);
    env.insert(u"WATCHDOG_USEC"_qs, QString::number(kWatchdogMs * 1000));
    if (hang_after_pings > 0)
        env.insert(u"MEDKIOSK_TEST_HANG_UI_AFTER_PINGS"_qs, QString::number(hang_after_pings));
    kiosk.setProcessEnvironment(env);
    kiosk.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    kiosk.start(program, {u"--demo"_qs, u"--windowed"_qs});
    QVERIFY(kiosk.waitForStarted());
}

void TestWatchdog::readyThenPingsThenStopping()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString path = home.filePath(u"notify"_qs);
    NotifySocket socket(path);
    QVERIFY(socket.bound());
    QProcess kiosk;
    // The shipped program has no test hook: asked to hang after 3 pings, it keeps pinging.
    startKiosk(kiosk, home, path, 3);
    QTRY_VERIFY_WITH_TIMEOUT(!socket.messages.isEmpty() || kiosk.state() == QProcess::NotRunning,
                             120000);
    QCOMPARE(socket.messages.value(0), u"READY=1"_qs);  // READY before any ping
    QElapsedTimer since_ready;
    since_ready.start();
    QTRY_VERIFY_WITH_TIMEOUT(socket.count(u"WATCHDOG=1"_qs) >= 8, 60000);
    qInfo("8 pings %lld ms after READY=1 (one every %d ms expected)",
          static_cast<long long>(since_ready.elapsed()), kWatchdogMs / 2);
    QCOMPARE(socket.count(u"READY=1"_qs), 1);
    QCOMPARE(kiosk.state(), QProcess::Running);
    kiosk.terminate();
    // Read the socket while waiting (a unix datagram queue holds 10 messages; the kiosk's last
    // pings and STOPPING=1 must not wait for a reader that blocks in waitForFinished).
    QTRY_VERIFY_WITH_TIMEOUT(kiosk.state() == QProcess::NotRunning, 30000);
    QCOMPARE(kiosk.exitStatus(), QProcess::NormalExit);
    QCOMPARE(kiosk.exitCode(), 0);
    // Datagrams sent before the exit are already queued on the socket.
    QTRY_VERIFY2_WITH_TIMEOUT(
        socket.count(u"STOPPING=1"_qs) == 1,
        qPrintable(socket.messages.mid(socket.messages.size() - 4).join(u' ')), 5000);
}

void TestWatchdog::aBlockedUiThreadStopsThePings()
{
#if !MEDKIOSK_TEST_HOOKS
    MK_SKIP_OR_FAIL_IN_CI(
        "built without test hooks (cmake -DMEDKIOSK_TEST_HOOKS=ON builds "
        "medkiosk-testhooks, the kiosk whose UI thread hangs on request)");
#else
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString path = home.filePath(u"notify"_qs);
    NotifySocket socket(path);
    QVERIFY(socket.bound());
    QProcess kiosk;
    startKiosk(kiosk, home, path, 3, QStringLiteral(MEDKIOSK_TESTHOOKS_BIN));
    QTRY_VERIFY_WITH_TIMEOUT(
        socket.count(u"WATCHDOG=1"_qs) >= 3 || kiosk.state() == QProcess::NotRunning, 120000);
    QCOMPARE(socket.messages.value(0), u"READY=1"_qs);
    // The UI thread is blocked now: no ping for ten intervals, and the process is still there
    // (hung, not crashed: only the watchdog can tell).
    QSignalSpy more(&socket, &NotifySocket::received);
    QVERIFY2(!more.wait(10 * kWatchdogMs / 2), qPrintable(socket.messages.join(u' ')));
    QCOMPARE(socket.count(u"WATCHDOG=1"_qs), 3);
    QCOMPARE(kiosk.state(), QProcess::Running);
    kiosk.kill();  // SIGTERM cannot be handled by a blocked event loop; systemd would SIGABRT
    QVERIFY(kiosk.waitForFinished(30000));
#endif
}

QTEST_GUILESS_MAIN(TestWatchdog)
#include "tst_watchdog.moc"
