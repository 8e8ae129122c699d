// One medkioskctl subcommand. To add a command: write one file that defines a CtlCommand subclass
// and ends with the one line MK_CTL_COMMAND(YourCommand) inside namespace mk::ctl; the CMake
// glob picks the file up.
// Exit codes: 0 ok, 1 a check failed, 2 usage error.
#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace mk::ctl {

enum ExitCode : int { kExitOk = 0, kExitCheckFailed = 1, kExitUsage = 2 };

// What a running command gets: the parsed options and the two output streams.
struct CtlContext {
    const QCommandLineParser& parser;
    QTextStream& out;
    QTextStream& err;

    bool json() const { return parser.isSet(QStringLiteral("json")); }
    // --config FILE, else $MEDKIOSK_CONFIG, else /etc/medkiosk/kiosk.ini when it exists, else
    // empty (the built-in defaults). CtlRegistry refuses a named file that is missing or not INI.
    QString configPath() const;
};

class CtlCommand
{
public:
    virtual ~CtlCommand() = default;
    // The words that select it, e.g. {"store", "check"}.
    virtual QStringList words() const = 0;
    // One line for the command list, translated.
    virtual QString summary() const = 0;
    // Options besides --config, --json and --help.
    virtual void addOptions(QCommandLineParser& parser) const { Q_UNUSED(parser) }
    // How many positional arguments it takes after its words (more is a usage error).
    virtual int maxPositionalArguments() const { return 0; }
    virtual int run(const CtlContext& context) const = 0;
};

}  // namespace mk::ctl

#include "CtlRegistry.h"  // IWYU pragma: export (MK_CTL_COMMAND)
