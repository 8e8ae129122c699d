// The list of medkioskctl subcommands and the dispatcher that picks one from the arguments.
#pragma once

#include <QCoreApplication>
#include <QStringList>

#include <memory>
#include <vector>

namespace mk::ctl {

class CtlCommand;

class CtlRegistry
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::CtlRegistry)

public:
    static bool add(std::unique_ptr<CtlCommand> command);
    // Sorted by words.
    static std::vector<const CtlCommand*> all();
    // The command whose words are the longest prefix of arguments (program name excluded);
    // nullptr when none matches. *word_count receives how many arguments its words took.
    static const CtlCommand* find(const QStringList& arguments, int* word_count);
    // Parses arguments (program name first), runs the command, returns the exit code.
    static int dispatch(const QStringList& arguments);

private:
    static std::vector<std::unique_ptr<CtlCommand>>& commands();
    static QString usage();
};

}  // namespace mk::ctl

// Registers a command: put it once at the end of the command's file, inside namespace mk::ctl.
#define MK_CTL_COMMAND(Class)                                   \
    namespace {                                                 \
    [[maybe_unused]] const bool mk_ctl_registered_##Class =     \
        ::mk::ctl::CtlRegistry::add(std::make_unique<Class>()); \
    }
