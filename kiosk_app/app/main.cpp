// medkiosk: the kiosk GUI. Placeholder until the UI lands.
#include <QApplication>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    return 0;
}
