#include "UnixSignals.h"

#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace mk::app {

namespace {
int g_signal_fd[2] = {-1, -1};

void onSignal(int /*signal*/)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signal_fd[1], &byte, 1);
}
}  // namespace

UnixSignals::UnixSignals(QObject* parent) : QObject(parent) {}

UnixSignals::~UnixSignals()
{
    if (notifier_ != nullptr) {
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
        delete notifier_;
        ::close(g_signal_fd[0]);
        ::close(g_signal_fd[1]);
        g_signal_fd[0] = g_signal_fd[1] = -1;
    }
}

bool UnixSignals::install()
{
    if (notifier_ != nullptr) return true;
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signal_fd) != 0) return false;
    notifier_ = new QSocketNotifier(g_signal_fd[0], QSocketNotifier::Read, this);
    connect(notifier_, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        [[maybe_unused]] const ssize_t got = ::read(g_signal_fd[0], &byte, 1);
        Q_EMIT quitRequested();
    });
    struct sigaction action {
    };
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    return true;
}

}  // namespace mk::app
