// medkioskctl: the command line for hospital IT. Placeholder.
#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    return 0;
}
