// medkiosk-printersim [--port N] [--listen ADDR] [--pty] [--out DIR] [--paper-out] [--cover-open]
//                     [--near-end] [--sample]
// A simulated 80 mm ESC/POS receipt printer. Point the kiosk at it with
// [devices] printer_transport = tcp, printer_host = 127.0.0.1, printer_tcp_port = N (or, with
// --pty, printer_transport = serial, printer_port = the printed /dev/pts/N). Each ticket becomes
// DIR/ticket-<date>-<time>-<n>.png. While it runs, type on stdin: paper-out, cover-open,
// near-end, ok (clear all), quit. --sample writes one sample visit ticket PNG and exits.
#include "hw/printer/EscPosParser.h"
#include "hw/printer/PrinterSimulator.h"
#include "hw/printer/TicketRenderer.h"
#include "hw/printer/VisitTicket.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace {

QByteArray sampleTicket()
{
    mk::hw::VisitTicket t;
    t.title = QString::fromUtf8("儿童医院 就诊凭条");
    t.number_label = QString::fromUtf8("就诊序号 Visit number");
    t.visit_number = QStringLiteral("A012");
    t.lines = {QString::fromUtf8("科室 Dept:   儿科 Pediatrics"),
               QString::fromUtf8("医生 Doctor: 王*明 Dr. Wang"),
               QString::fromUtf8("时间 Time:   2026-11-23 09:40-09:50"),
               QString::fromUtf8("地点 Place:  门诊楼 3楼 Outpatient Bldg F3")};
    t.qr_payload = "MKAPPT:A20261123-0042";
    t.footer = QString::fromUtf8("请留意叫号 Please wait to be called");
    return t.toEscPos();
}

}  // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("medkiosk-printersim"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "printersim", "Simulated 80 mm ESC/POS receipt printer (TCP and/or pty)."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("port"),
         QCoreApplication::translate("printersim", "TCP port (0 = any, -1 = none)."),
         QStringLiteral("N"), QStringLiteral("9100")},
        {QStringLiteral("listen"),
         QCoreApplication::translate("printersim", "Address to listen on."), QStringLiteral("ADDR"),
         QStringLiteral("127.0.0.1")},
        {QStringLiteral("pty"),
         QCoreApplication::translate("printersim", "Also open a pty (serial printer).")},
        {QStringLiteral("out"),
         QCoreApplication::translate("printersim", "Folder for the ticket PNGs."),
         QStringLiteral("DIR"), QStringLiteral("printersim-out")},
        {QStringLiteral("paper-out"),
         QCoreApplication::translate("printersim", "Start with paper out.")},
        {QStringLiteral("cover-open"),
         QCoreApplication::translate("printersim", "Start with the cover open.")},
        {QStringLiteral("near-end"),
         QCoreApplication::translate("printersim", "Start with paper near end.")},
        {QStringLiteral("sample"),
         QCoreApplication::translate("printersim", "Write a sample ticket PNG and exit.")},
    });
    parser.process(app);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString out_dir = QDir(parser.value(QStringLiteral("out"))).absolutePath();

    if (parser.isSet(QStringLiteral("sample"))) {
        mk::hw::EscPosParser escpos;
        escpos.feed(sampleTicket());
        const QList<mk::hw::ParsedTicket> tickets = escpos.takeTickets();
        const QString path = QDir(out_dir).filePath(QStringLiteral("sample-ticket.png"));
        if (tickets.isEmpty() || !QDir().mkpath(out_dir) ||
            !mk::hw::TicketRenderer::render(tickets.first()).save(path, "PNG")) {
            err << QCoreApplication::translate("printersim", "cannot write %1").arg(path)
                << Qt::endl;
            return 1;
        }
        out << path << Qt::endl;
        return 0;
    }

    mk::hw::PrinterSimulator sim;
    sim.setOutputDir(out_dir);
    sim.setPaperOut(parser.isSet(QStringLiteral("paper-out")));
    sim.setCoverOpen(parser.isSet(QStringLiteral("cover-open")));
    sim.setPaperNearEnd(parser.isSet(QStringLiteral("near-end")));
    const int port = parser.value(QStringLiteral("port")).toInt();
    if (port >= 0) {
        if (!sim.listenTcp(static_cast<quint16>(port),
                           QHostAddress(parser.value(QStringLiteral("listen"))))) {
            err << QCoreApplication::translate("printersim", "cannot listen: %1")
                       .arg(sim.errorString())
                << Qt::endl;
            return 1;
        }
        out << QCoreApplication::translate("printersim", "tcp: %1:%2")
                   .arg(parser.value(QStringLiteral("listen")))
                   .arg(sim.tcpPort())
            << Qt::endl;
    }
    if (parser.isSet(QStringLiteral("pty"))) {
        if (!sim.openPty()) {
            err << QCoreApplication::translate("printersim", "cannot open a pty: %1")
                       .arg(sim.errorString())
                << Qt::endl;
            return 1;
        }
        out << QCoreApplication::translate("printersim", "pty: %1").arg(sim.ptyPath()) << Qt::endl;
    }
    out << QCoreApplication::translate("printersim", "tickets: %1").arg(out_dir) << Qt::endl;
    QObject::connect(&sim, &mk::hw::PrinterSimulator::ticketPrinted, &app,
                     [&out](const mk::hw::ParsedTicket& ticket, const QString& png) {
                         out << QCoreApplication::translate("printersim", "ticket: %1 lines -> %2")
                                    .arg(ticket.textLines().size())
                                    .arg(png)
                             << Qt::endl;
                     });

    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&]() {
        char line[256] = {};
        if (std::fgets(line, sizeof(line), stdin) == nullptr) {
            input.setEnabled(false);  // stdin closed: keep running until killed
            return;
        }
        const QString command = QString::fromLocal8Bit(line).trimmed();
        if (command == QLatin1String("paper-out"))
            sim.setPaperOut(true);
        else if (command == QLatin1String("cover-open"))
            sim.setCoverOpen(true);
        else if (command == QLatin1String("near-end"))
            sim.setPaperNearEnd(true);
        else if (command == QLatin1String("ok"))
            sim.setStatus(mk::hw::PrinterStatus());
        else if (command == QLatin1String("quit"))
            QCoreApplication::quit();
        else if (!command.isEmpty())
            err << QCoreApplication::translate(
                       "printersim", "commands: paper-out, cover-open, near-end, ok, quit")
                << Qt::endl;
    });
    return QCoreApplication::exec();
}
