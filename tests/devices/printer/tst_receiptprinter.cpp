// The receipt printer against the printer simulator as real endpoints: TCP (port-9100 style), a
// real pty pair (the printer writes the slave with QSerialPort, the simulator reads the master)
// and the same pty as a plain device file (the usblp transport). Checks the ticket the simulator
// parsed (Chinese lines, sizes, bold, alignment, QR text, cut), decodes the QR of the rendered
// PNG, maps printer states to health, and unplug / plug back (hot-plug without restart).
#include "TestSkip.h"
#include "hw/printer/PrinterSimulator.h"
#include "hw/printer/ReceiptPrinter.h"
#include "hw/printer/VisitTicket.h"
#include "hw/qr/QrDecoder.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace mk::hw;

namespace {
constexpr int kWait_ms = 30000;  // generous: a loaded 2-core machine

QString detailOf(const HwStatus& status)
{
    return status.ok() ? QString() : status.error().detail;
}

VisitTicket sampleTicket()
{
    VisitTicket t;
    t.title = QString::fromUtf8("儿童医院 就诊凭条");
    t.number_label = QString::fromUtf8("就诊序号 Visit number");
    t.visit_number = QStringLiteral("A012");
    t.lines = {QString::fromUtf8("科室 Dept: 儿科 Pediatrics"),
               QString::fromUtf8("医生 Doctor: 王*明"),
               QStringLiteral("Time: 2026-11-23 09:40-09:50")};
    t.qr_payload = "MKAPPT:A20261123-0042";
    t.footer = QString::fromUtf8("请留意叫号 Please wait to be called");
    return t;
}

PrinterConfig configFor(PrinterConfig::Transport transport, const QString& target, quint16 port = 0)
{
    PrinterConfig c;
    c.device_id = QStringLiteral("printer-test");
    c.transport = transport;
    c.serial_port = target;
    c.lp_device = target;
    c.host = QStringLiteral("127.0.0.1");
    c.tcp_port = port;
    c.poll_interval_ms = 500;
    c.io_timeout_ms = 3000;
    return c;
}
}  // namespace

class TestReceiptPrinter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void printTicket_data();
    void printTicket();
    void statusHealth_data();
    void statusHealth();
    void hotPlugTcp();
    void notConfigured();

private:
    void checkTicket(const PrinterSimulator& sim, const QString& png_path);
};

void TestReceiptPrinter::printTicket_data()
{
    QTest::addColumn<int>("transport");
    QTest::newRow("tcp") << int(PrinterConfig::Transport::Tcp);
    QTest::newRow("serial on a pty") << int(PrinterConfig::Transport::Serial);
    QTest::newRow("device file (usblp) on a pty") << int(PrinterConfig::Transport::UsbLp);
}

void TestReceiptPrinter::printTicket()
{
    QFETCH(int, transport);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    PrinterSimulator sim;
    sim.setOutputDir(dir.path());
    const auto kind = static_cast<PrinterConfig::Transport>(transport);
    PrinterConfig config;
    if (kind == PrinterConfig::Transport::Tcp) {
        QVERIFY2(sim.listenTcp(0), qPrintable(sim.errorString()));
        config = configFor(kind, QString(), sim.tcpPort());
    } else {
        if (!sim.openPty())
            MK_SKIP_OR_FAIL_IN_CI(QStringLiteral("no pty here: ") + sim.errorString());
        config = configFor(kind, sim.ptyPath());
    }
    QSignalSpy printed(&sim, &PrinterSimulator::ticketPrinted);
    ReceiptPrinter printer(config);
    printer.start();
    QTRY_COMPARE_WITH_TIMEOUT(printer.health().state, DeviceState::Ready, kWait_ms);
    QVERIFY(sim.statusQueriesAnswered() >= 4);

    QFuture<HwStatus> future = printer.print(sampleTicket().toEscPos());
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), kWait_ms);
    QVERIFY2(future.result().ok(), qPrintable(detailOf(future.result())));
    QTRY_COMPARE_WITH_TIMEOUT(printed.size(), 1, kWait_ms);
    checkTicket(sim, printed.first().at(1).toString());
}

void TestReceiptPrinter::checkTicket(const PrinterSimulator& sim, const QString& png_path)
{
    QCOMPARE(sim.tickets().size(), 1);
    const ParsedTicket t = sim.tickets().first();
    QCOMPARE(t.cut, EscPos::Cut::Partial);
    const TicketItem* title = t.findLine(QString::fromUtf8("儿童医院 就诊凭条"));
    QVERIFY2(title != nullptr, qPrintable(t.textLines().join(u'|')));
    QCOMPARE(title->align, EscPos::Align::Center);
    QCOMPARE(title->runs.first().height_mul, 2);
    QVERIFY(title->runs.first().bold);
    const TicketItem* number = t.findLine(QStringLiteral("A012"));
    QVERIFY(number != nullptr);
    QCOMPARE(number->runs.first().width_mul, 4);
    QCOMPARE(number->runs.first().height_mul, 4);
    QVERIFY(t.findLine(QString::fromUtf8("医生 Doctor: 王*明")) != nullptr);
    QCOMPARE(t.findLine(QString::fromUtf8("医生 Doctor: 王*明"))->align, EscPos::Align::Left);
    QVERIFY(t.findLine(QString::fromUtf8("请留意叫号 Please wait to be called")) != nullptr);

    // The PNG: 576 px wide like an 80 mm head, and its QR code reads back as the payload.
    QVERIFY(!png_path.isEmpty());
    const QImage image(png_path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), 576);
    const std::optional<QString> qr = QrDecoder().decode(image);
    QVERIFY(qr.has_value());
    QCOMPARE(*qr, QStringLiteral("MKAPPT:A20261123-0042"));
}

void TestReceiptPrinter::statusHealth_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("detail_start");
    QTest::addColumn<bool>("prints");
    QTest::newRow("paper out") << QStringLiteral("paper_out") << int(DeviceState::Missing)
                               << QStringLiteral("paper out") << false;
    QTest::newRow("cover open") << QStringLiteral("cover_open") << int(DeviceState::Missing)
                                << QStringLiteral("cover open: close the printer cover") << false;
    QTest::newRow("paper near end") << QStringLiteral("near_end") << int(DeviceState::Degraded)
                                    << QStringLiteral("paper near end") << true;
}

void TestReceiptPrinter::statusHealth()
{
    QFETCH(QString, fault);
    QFETCH(int, state);
    QFETCH(QString, detail_start);
    QFETCH(bool, prints);
    PrinterSimulator sim;
    QVERIFY(sim.listenTcp(0));
    ReceiptPrinter printer(configFor(PrinterConfig::Transport::Tcp, QString(), sim.tcpPort()));
    QSignalSpy changes(&printer, &Device::healthChanged);
    printer.start();
    QTRY_COMPARE_WITH_TIMEOUT(printer.health().state, DeviceState::Ready, kWait_ms);

    if (fault == QLatin1String("paper_out")) sim.setPaperOut(true);
    if (fault == QLatin1String("cover_open")) sim.setCoverOpen(true);
    if (fault == QLatin1String("near_end")) sim.setPaperNearEnd(true);
    QTRY_COMPARE_WITH_TIMEOUT(int(printer.health().state), state, kWait_ms);
    QVERIFY2(printer.health().detail.startsWith(detail_start), qPrintable(printer.health().detail));
    QVERIFY(changes.size() >= 2);
    QCOMPARE(changes.last().first().value<DeviceHealth>(), printer.health());

    QFuture<HwStatus> future =
        printer.print(EscPos().init().line(QStringLiteral("x")).cut().bytes());
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), kWait_ms);
    QCOMPARE(future.result().ok(), prints);
    if (!prints) QCOMPARE(future.result().error().code, HwErrorCode::DeviceState);
    QTRY_COMPARE_WITH_TIMEOUT(int(sim.tickets().size()), prints ? 1 : 0, kWait_ms);

    // Staff fixed it: back to Ready without a restart.
    sim.setStatus(PrinterStatus());
    QTRY_COMPARE_WITH_TIMEOUT(printer.health().state, DeviceState::Ready, kWait_ms);
}

void TestReceiptPrinter::hotPlugTcp()
{
    PrinterSimulator sim;
    QVERIFY(sim.listenTcp(0));
    const quint16 port = sim.tcpPort();
    ReceiptPrinter printer(configFor(PrinterConfig::Transport::Tcp, QString(), port));
    printer.start();
    QTRY_COMPARE_WITH_TIMEOUT(printer.health().state, DeviceState::Ready, kWait_ms);

    sim.stop();  // unplugged
    QTRY_COMPARE_WITH_TIMEOUT(printer.health().state, DeviceState::Missing, kWait_ms);
    QVERIFY2(printer.health().detail.startsWith(QStringLiteral("printer not reachable")),
             qPrintable(printer.health().detail));
    QFuture<HwStatus> refused =
        printer.print(EscPos().init().line(QStringLiteral("lost")).cut().bytes());
    QTRY_VERIFY_WITH_TIMEOUT(refused.isFinished(), kWait_ms);
    QVERIFY(!refused.result().ok());
    QVERIFY(!refused.result().error().detail.isEmpty());

    if (!sim.listenTcp(port))
        MK_SKIP_OR_FAIL_IN_CI("the port was taken by someone else meanwhile");  // plugged back
    QTRY_COMPARE_WITH_TIMEOUT(printer.health().state, DeviceState::Ready, kWait_ms);
    QFuture<HwStatus> again =
        printer.print(EscPos().init().line(QStringLiteral("back")).cut().bytes());
    QTRY_VERIFY_WITH_TIMEOUT(again.isFinished(), kWait_ms);
    QVERIFY2(again.result().ok(), qPrintable(detailOf(again.result())));
    QTRY_COMPARE_WITH_TIMEOUT(sim.tickets().size(), 1, kWait_ms);
    QCOMPARE(sim.tickets().first().textLines(), QStringList{QStringLiteral("back")});
}

void TestReceiptPrinter::notConfigured()
{
    PrinterConfig config;
    config.transport = PrinterConfig::Transport::None;
    ReceiptPrinter printer(config);
    printer.start();
    QCOMPARE(printer.health().state, DeviceState::Missing);
    QFuture<HwStatus> future = printer.print(QByteArray("x"));
    QVERIFY(future.isFinished());
    QVERIFY(!future.result().ok());
    QCOMPARE(future.result().error().code, HwErrorCode::NotStarted);
}

QTEST_MAIN(TestReceiptPrinter)
#include "tst_receiptprinter.moc"
