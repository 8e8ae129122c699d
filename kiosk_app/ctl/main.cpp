// medkioskctl: the command line for hospital IT and scripted checks. Every subcommand lives in its
// own file and registers itself (see CtlCommand.h).
#include "CtlRegistry.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("medkioskctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MEDKIOSK_VERSION));
    return mk::ctl::CtlRegistry::dispatch(QCoreApplication::arguments());
}
