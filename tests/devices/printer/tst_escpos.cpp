// The ESC/POS ticket builder byte for byte, the status byte parser, and the simulator's parser
// (round trip of built tickets, any split of the stream, bad input).
#include "hw/printer/EscPos.h"
#include "hw/printer/EscPosParser.h"
#include "hw/printer/PrinterStatus.h"
#include "hw/printer/ReceiptPrinter.h"
#include "hw/printer/VisitTicket.h"

#include <QtTest>

using namespace mk::hw;

class TestEscPos : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builderBytes_data();
    void builderBytes();
    void qrBytes();
    void gb18030();
    void statusBytes_data();
    void statusBytes();
    void healthMapping_data();
    void healthMapping();
    void parseRoundTrip();
    void parseAnySplit();
    void parseBadInput_data();
    void parseBadInput();
};

void TestEscPos::builderBytes_data()
{
    QTest::addColumn<QByteArray>("built");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("init + chinese mode") << EscPos().init().bytes() << QByteArray("\x1b@\x1c&");
    QTest::newRow("chinese off") << EscPos().chineseMode(false).bytes() << QByteArray("\x1c.");
    QTest::newRow("size 1x1") << EscPos().size(1, 1).bytes() << QByteArray("\x1d!\x00", 3);
    QTest::newRow("size 2x3") << EscPos().size(2, 3).bytes() << QByteArray("\x1d!\x12");
    QTest::newRow("size 8x8") << EscPos().size(8, 8).bytes() << QByteArray("\x1d!\x77");
    QTest::newRow("size clamped") << EscPos().size(0, 99).bytes() << QByteArray("\x1d!\x07");
    QTest::newRow("bold on") << EscPos().bold(true).bytes()
                             << QByteArray(
                                    "\x1b"
                                    "E\x01");
    QTest::newRow("bold off") << EscPos().bold(false).bytes()
                              << QByteArray(
                                     "\x1b"
                                     "E\x00",
                                     3);
    QTest::newRow("left") << EscPos().align(EscPos::Align::Left).bytes()
                          << QByteArray(
                                 "\x1b"
                                 "a\x00",
                                 3);
    QTest::newRow("center") << EscPos().align(EscPos::Align::Center).bytes()
                            << QByteArray(
                                   "\x1b"
                                   "a\x01");
    QTest::newRow("right") << EscPos().align(EscPos::Align::Right).bytes()
                           << QByteArray(
                                  "\x1b"
                                  "a\x02");
    QTest::newRow("feed 3") << EscPos().feed(3).bytes()
                            << QByteArray(
                                   "\x1b"
                                   "d\x03");
    QTest::newRow("line ascii") << EscPos().line(QStringLiteral("A12")).bytes()
                                << QByteArray("A12\n");
    QTest::newRow("full cut") << EscPos().cut().bytes() << QByteArray("\x1dV\x00", 3);
    QTest::newRow("partial cut") << EscPos().cut(EscPos::Cut::Partial).bytes()
                                 << QByteArray("\x1dV\x01");
    QTest::newRow("status 1") << EscPos::statusQuery(1) << QByteArray("\x10\x04\x01");
    QTest::newRow("status 4") << EscPos::statusQuery(4) << QByteArray("\x10\x04\x04");
}

void TestEscPos::builderBytes()
{
    QFETCH(QByteArray, built);
    QFETCH(QByteArray, expected);
    QCOMPARE(built.toHex(' '), expected.toHex(' '));
}

void TestEscPos::qrBytes()
{
    const QByteArray built = EscPos().qr("HELLO", 6, EscPos::QrLevel::H).bytes();
    QByteArray expected;
    expected.append(
        "\x1d(k\x04\x00"
        "1A2\x00",
        9);  // model 2 (n1 = 50, n2 = 0)
    expected.append(
        "\x1d(k\x03\x00"
        "1C\x06",
        8);  // module size 6
    expected.append(
        "\x1d(k\x03\x00"
        "1E3",
        8);  // level H (51)
    expected.append(
        "\x1d(k\x08\x00"
        "1P0HELLO",
        13);  // store 5 bytes: pL = 5 + 3
    expected.append(
        "\x1d(k\x03\x00"
        "1Q0",
        8);  // print
    QCOMPARE(built.toHex(' '), expected.toHex(' '));
}

void TestEscPos::gb18030()
{
    // 就诊序号 in GB18030 (= GBK for these characters).
    QCOMPARE(EscPos::encode(QString::fromUtf8("就诊序号")).toHex(), QByteArray("becdd5efd0f2bac5"));
    // A character outside GBK takes four bytes in GB18030.
    QCOMPARE(EscPos::encode(QString::fromUtf8("€")).toHex(), QByteArray("a2e3"));
    QCOMPARE(EscPos::encode(QString::fromUtf8("\U00020000")).size(), 4);
}

void TestEscPos::statusBytes_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("byte");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("field");
    QTest::newRow("1 online") << 1 << 0x12 << true << QString();
    QTest::newRow("1 offline") << 1 << 0x1a << true << QStringLiteral("offline");
    QTest::newRow("2 cover open") << 2 << 0x16 << true << QStringLiteral("cover_open");
    QTest::newRow("2 paper end stop") << 2 << 0x32 << true << QStringLiteral("paper_end_stop");
    QTest::newRow("2 error") << 2 << 0x52 << true << QStringLiteral("error");
    QTest::newRow("3 cutter") << 3 << 0x1a << true << QStringLiteral("cutter_error");
    QTest::newRow("3 unrecoverable") << 3 << 0x32 << true << QStringLiteral("unrecoverable_error");
    QTest::newRow("4 near end") << 4 << 0x1e << true << QStringLiteral("paper_near_end");
    QTest::newRow("4 paper out") << 4 << 0x72 << true << QStringLiteral("paper_out");
    QTest::newRow("bit 0 set") << 1 << 0x13 << false << QString();
    QTest::newRow("bit 7 set") << 1 << 0x92 << false << QString();
    QTest::newRow("bit 1 clear") << 1 << 0x10 << false << QString();
    QTest::newRow("zero") << 2 << 0x00 << false << QString();
    QTest::newRow("n 0") << 0 << 0x12 << false << QString();
    QTest::newRow("n 5") << 5 << 0x12 << false << QString();
}

void TestEscPos::statusBytes()
{
    QFETCH(int, n);
    QFETCH(int, byte);
    QFETCH(bool, valid);
    QFETCH(QString, field);
    PrinterStatus s;
    QCOMPARE(s.apply(n, static_cast<quint8>(byte)), valid);
    if (!valid) {
        QCOMPARE(s, PrinterStatus());
        return;
    }
    const QMap<QString, bool> fields{{QStringLiteral("offline"), s.offline},
                                     {QStringLiteral("cover_open"), s.cover_open},
                                     {QStringLiteral("paper_end_stop"), s.paper_end_stop},
                                     {QStringLiteral("error"), s.error},
                                     {QStringLiteral("cutter_error"), s.cutter_error},
                                     {QStringLiteral("unrecoverable_error"), s.unrecoverable_error},
                                     {QStringLiteral("paper_near_end"), s.paper_near_end},
                                     {QStringLiteral("paper_out"), s.paper_out}};
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        QCOMPARE(it.value(), it.key() == field);
    // What the simulator answers for this state parses back to the same state.
    PrinterStatus again;
    QVERIFY(again.apply(n, s.responseByte(n)));
    QCOMPARE(again, s);
}

void TestEscPos::healthMapping_data()
{
    QTest::addColumn<bool>("reachable");
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("byte");
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("detail_start");
    QTest::newRow("ready") << true << 1 << 0x12 << int(DeviceState::Ready) << QString();
    QTest::newRow("near end") << true << 4 << 0x1e << int(DeviceState::Degraded)
                              << QStringLiteral("paper near end");
    QTest::newRow("paper out") << true << 4 << 0x72 << int(DeviceState::Missing)
                               << QStringLiteral("paper out");
    QTest::newRow("cover open") << true << 2 << 0x16 << int(DeviceState::Missing)
                                << QStringLiteral("cover open");
    QTest::newRow("cutter") << true << 3 << 0x1a << int(DeviceState::Missing)
                            << QStringLiteral("cutter error");
    QTest::newRow("offline") << true << 1 << 0x1a << int(DeviceState::Missing)
                             << QStringLiteral("printer offline");
    QTest::newRow("unreachable") << false << 1 << 0x12 << int(DeviceState::Missing)
                                 << QStringLiteral("printer not reachable");
}

void TestEscPos::healthMapping()
{
    QFETCH(bool, reachable);
    QFETCH(int, n);
    QFETCH(int, byte);
    QFETCH(int, state);
    QFETCH(QString, detail_start);
    PrinterStatus s;
    QVERIFY(s.apply(n, static_cast<quint8>(byte)));
    const DeviceHealth h =
        ReceiptPrinter::healthFor(QStringLiteral("p1"), reachable, s, QStringLiteral("refused"));
    QCOMPARE(int(h.state), state);
    QCOMPARE(h.kind, QStringLiteral("printer"));
    QCOMPARE(h.device_id, QStringLiteral("p1"));
    QVERIFY2(h.detail.startsWith(detail_start), qPrintable(h.detail));
}

static QByteArray sampleTicket()
{
    VisitTicket t;
    t.title = QString::fromUtf8("儿童医院 就诊凭条");
    t.number_label = QString::fromUtf8("就诊序号 Visit number");
    t.visit_number = QStringLiteral("A012");
    t.lines = {QString::fromUtf8("科室 Dept: 儿科 Pediatrics"),
               QStringLiteral("Time: 09:40-09:50")};
    t.qr_payload = "MKAPPT:A20261123-0042";
    t.footer = QString::fromUtf8("请留意叫号 Please wait to be called");
    return t.toEscPos();
}

void TestEscPos::parseRoundTrip()
{
    EscPosParser parser;
    parser.feed(sampleTicket());
    const QList<ParsedTicket> tickets = parser.takeTickets();
    QCOMPARE(tickets.size(), 1);
    const ParsedTicket& t = tickets.first();
    QCOMPARE(t.cut, EscPos::Cut::Partial);
    const TicketItem* title = t.findLine(QString::fromUtf8("儿童医院 就诊凭条"));
    QVERIFY(title != nullptr);
    QCOMPARE(title->align, EscPos::Align::Center);
    QCOMPARE(title->runs.first().width_mul, 2);
    QCOMPARE(title->runs.first().height_mul, 2);
    QVERIFY(title->runs.first().bold);
    const TicketItem* number = t.findLine(QStringLiteral("A012"));
    QVERIFY(number != nullptr);
    QCOMPARE(number->runs.first().width_mul, 4);
    QVERIFY(number->runs.first().bold);
    const TicketItem* dept = t.findLine(QString::fromUtf8("科室 Dept: 儿科 Pediatrics"));
    QVERIFY(dept != nullptr);
    QCOMPARE(dept->align, EscPos::Align::Left);
    QVERIFY(!dept->runs.first().bold);
    QCOMPARE(dept->runs.first().width_mul, 1);
    bool qr_found = false;
    for (const TicketItem& item : t.items) {
        if (item.kind != TicketItem::Kind::Qr) continue;
        qr_found = true;
        QCOMPARE(item.qr_data, QByteArray("MKAPPT:A20261123-0042"));
        QCOMPARE(item.qr_module_size, 6);
        QCOMPARE(item.qr_level, 'M');
        QCOMPARE(item.align, EscPos::Align::Center);
    }
    QVERIFY(qr_found);
    QCOMPARE(parser.unknownCommands(), 0);
}

void TestEscPos::parseAnySplit()
{
    const QByteArray bytes = sampleTicket() + EscPos::statusQuery(2);
    EscPosParser whole;
    whole.feed(bytes);
    const QStringList expected = whole.takeTickets().first().textLines();
    for (qsizetype step = 1; step <= 7; ++step) {
        EscPosParser parser;
        for (qsizetype i = 0; i < bytes.size(); i += step) parser.feed(bytes.mid(i, step));
        const QList<ParsedTicket> tickets = parser.takeTickets();
        QCOMPARE(tickets.size(), 1);
        QCOMPARE(tickets.first().textLines(), expected);
        QCOMPARE(parser.takeStatusQueries(), QList<int>{2});
    }
}

void TestEscPos::parseBadInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("tickets_after_finish");
    QTest::newRow("empty") << QByteArray() << 0;
    QTest::newRow("lone ESC") << QByteArray("\x1b") << 0;
    QTest::newRow("truncated GS ( k") << QByteArray(
                                             "\x1d(k\xff\xff"
                                             "1P0abc")
                                      << 0;
    QTest::newRow("unknown ESC") << QByteArray(
                                        "\x1b\x7f"
                                        "abc\n")
                                 << 1;
    QTest::newRow("bad GB18030") << QByteArray("\x1c&\x81\x30\xff\xff\n\x1dV\x00", 10) << 1;
    QTest::newRow("DLE EOT out of range") << QByteArray("\x10\x04\x09") << 0;
    QTest::newRow("QR print without data") << QByteArray(
                                                  "\x1d(k\x03\x00"
                                                  "1Q0",
                                                  8)
                                           << 1;
    QTest::newRow("GS v huge") << QByteArray(
                                      "\x1dv0\x00\xff\xff\xff\xff"
                                      "x\n",
                                      10)
                               << 1;
    QTest::newRow("text without LF") << QByteArray(9000, 'x') << 1;
}

void TestEscPos::parseBadInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, tickets_after_finish);
    EscPosParser parser;
    parser.feed(bytes);
    parser.finish();
    QCOMPARE(parser.takeTickets().size(), tickets_after_finish);
    QVERIFY(parser.takeStatusQueries().isEmpty());
}

QTEST_GUILESS_MAIN(TestEscPos)
#include "tst_escpos.moc"
