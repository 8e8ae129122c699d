// medkioskctl staff set-pin: sets the kiosk's staff PIN (4-12 digits) for the maintenance mode.
// The PIN is read from standard input, never from the command line (which every user sees in the
// process list): typed twice without echo on a terminal, else the first line of the pipe. Stored
// as a salted PBKDF2 hash in the encrypted store; the lockout is cleared; an audit row is written.
#include "CtlCommand.h"
#include "QueueCtl.h"
#include "core/common/SecureWipe.h"
#include "core/config/KioskConfig.h"
#include "core/staff/StaffPin.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace mk::ctl {

namespace {

// One line of stdin, without echo when it is a terminal.
QString readSecretLine(bool tty)
{
    termios saved{};
    if (tty && tcgetattr(STDIN_FILENO, &saved) == 0) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line;
    int c = 0;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n') line.push_back(char(c));
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputc('\n', stderr);
    }
    QString pin = QString::fromUtf8(line.data(), qsizetype(line.size())).trimmed();
    secureWipe(line.data(), line.size());
    return pin;
}

}  // namespace

class StaffPinCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::StaffPinCommand)

public:
    QStringList words() const override { return {u"staff"_qs, u"set-pin"_qs}; }
    QString summary() const override
    {
        return tr("Set the staff PIN of the maintenance mode (read from standard input).");
    }
    int run(const CtlContext& context) const override
    {
        const bool tty = isatty(STDIN_FILENO) == 1;
        if (tty) {
            context.err << tr("New staff PIN (%1 to %2 digits): ")
                               .arg(staff::StaffPin::kMinLength)
                               .arg(staff::StaffPin::kMaxLength);
            context.err.flush();
        }
        QString pin = readSecretLine(tty);
        if (tty) {
            context.err << tr("Once more: ");
            context.err.flush();
            QString again = readSecretLine(tty);
            const bool same = again == pin;
            again.fill(u'0');
            if (!same) {
                pin.fill(u'0');
                context.err << tr("the two PINs differ; nothing was changed") << u'\n';
                return kExitUsage;
            }
        }
        if (Status v = staff::StaffPin::validate(pin); !v) {
            pin.fill(u'0');
            context.err << v.error().detail << u'\n';
            return kExitUsage;
        }
        auto session = QueueCtl::open(context, true);
        if (!session) {
            pin.fill(u'0');
            return kExitCheckFailed;
        }
        auto config = config::KioskConfig::load(context.configPath());
        const QString kiosk_id = config ? config.value().kiosk_id : QString();
        staff::StaffPin staff_pin(*session->store, kiosk_id);
        const Status done = staff_pin.setPin(pin, QDateTime::currentDateTimeUtc());
        pin.fill(u'0');
        if (!done) {
            context.err << done.error().detail << u'\n';
            return kExitCheckFailed;
        }
        if (context.json()) {
            context.out << QString::fromUtf8(
                QJsonDocument(QJsonObject{{u"staff_pin"_qs, u"set"_qs}})
                    .toJson(QJsonDocument::Indented));
        } else {
            context.out << tr("staff PIN set; failed attempts and lockout cleared") << u'\n';
        }
        return kExitOk;
    }
};

MK_CTL_COMMAND(StaffPinCommand)

}  // namespace mk::ctl
