#include "CtlRegistry.h"

#include "CtlCommand.h"
#include "core/config/IniFile.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

namespace mk::ctl {

QString CtlContext::configPath() const
{
    return config::IniFile::resolve(parser.value(QStringLiteral("config")));
}

std::vector<std::unique_ptr<CtlCommand>>& CtlRegistry::commands()
{
    static std::vector<std::unique_ptr<CtlCommand>> list;
    return list;
}

bool CtlRegistry::add(std::unique_ptr<CtlCommand> command)
{
    commands().push_back(std::move(command));
    return true;
}

std::vector<const CtlCommand*> CtlRegistry::all()
{
    std::vector<const CtlCommand*> list;
    for (const auto& c : commands()) list.push_back(c.get());
    std::sort(list.begin(), list.end(), [](const CtlCommand* a, const CtlCommand* b) {
        return a->words().join(u' ') < b->words().join(u' ');
    });
    return list;
}

const CtlCommand* CtlRegistry::find(const QStringList& arguments, int* word_count)
{
    const CtlCommand* best = nullptr;
    int best_count = 0;
    for (const auto& c : commands()) {
        const QStringList words = c->words();
        if (words.size() <= best_count || words.size() > arguments.size()) continue;
        if (arguments.mid(0, words.size()) == words) {
            best = c.get();
            best_count = int(words.size());
        }
    }
    if (word_count != nullptr) *word_count = best_count;
    return best;
}

QString CtlRegistry::usage()
{
    QString text =
        tr("Usage: medkioskctl <command> [options]\n\n"
           "Commands:\n");
    for (const CtlCommand* c : all()) {
        text += u"  "_qs + c->words().join(u' ').leftJustified(20) + u' ' + c->summary() + u'\n';
    }
    text +=
        tr("\nRun \"medkioskctl <command> --help\" for a command's options.\n"
           "Exit codes: 0 ok, 1 a check failed, 2 usage error.\n");
    return text;
}

int CtlRegistry::dispatch(const QStringList& arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList rest = arguments.mid(1);
    if (rest.isEmpty()) {
        err << usage();
        return kExitUsage;
    }
    if (rest.size() == 1 && (rest[0] == u"--help" || rest[0] == u"-h" || rest[0] == u"help")) {
        out << usage();
        return kExitOk;
    }
    if (rest.size() == 1 && (rest[0] == u"--version" || rest[0] == u"-v")) {
        out << QCoreApplication::applicationName() << u' ' << QCoreApplication::applicationVersion()
            << u'\n';
        return kExitOk;
    }
    int word_count = 0;
    const CtlCommand* command = find(rest, &word_count);
    if (command == nullptr) {
        err << tr("Unknown command: %1").arg(rest.mid(0, 2).join(u' ')) << u"\n\n"_qs << usage();
        return kExitUsage;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(command->summary());
    parser.addHelpOption();
    parser.addOption(QCommandLineOption(QStringList{u"c"_qs, u"config"_qs},
                                        tr("Configuration file (default: $MEDKIOSK_CONFIG or "
                                           "/etc/medkiosk/kiosk.ini)."),
                                        tr("file")));
    parser.addOption(QCommandLineOption(u"json"_qs, tr("Print the result as JSON.")));
    command->addOptions(parser);
    const QString words = command->words().join(u' ');
    parser.addPositionalArgument(words, command->summary(), words);

    QStringList to_parse{arguments.value(0)};
    to_parse += rest.mid(word_count);
    if (!parser.parse(to_parse)) {
        err << parser.errorText() << u"\n\n"_qs << parser.helpText();
        return kExitUsage;
    }
    if (parser.isSet(u"help"_qs)) {
        out << parser.helpText();
        return kExitOk;
    }
    if (parser.positionalArguments().size() > command->maxPositionalArguments()) {
        err << tr("Unexpected argument: %1").arg(parser.positionalArguments().join(u' '))
            << u"\n\n"_qs << parser.helpText();
        return kExitUsage;
    }
    const CtlContext context{parser, out, err};
    // A configuration named (--config, $MEDKIOSK_CONFIG) that is missing or not an INI file
    // stops every command before it reads or creates anything.
    if (Status config = config::IniFile::check(context.configPath()); !config) {
        err << config.error().detail << u'\n';
        return kExitCheckFailed;
    }
    const int code = command->run(context);
    out.flush();
    err.flush();
    return code;
}

}  // namespace mk::ctl
