// The card reader against a real pcscd with the vsmartcard virtual reader (vpcd): the test starts
// its own pcscd (-f, a private reader.conf.d naming vpcd on a free port) and plays the virtual
// card itself with a tiny vpcd-protocol client (2-byte big-endian length, then 1-byte control
// 0x00 off, 0x01 on, 0x02 reset, 0x04 "send ATR", or an APDU to answer). Insert, read the UID,
// remove, cards without GET DATA (ATR hash), and a card pulled out in the middle of a read.
// Skips with the reason when pcscd or vpcd is not installed, not root, or another pcscd runs (all
// of which scripts/setup.sh and CI provide: a failure with CI=true).
#include "TestSkip.h"
#include "VirtualCard.h"
#include "hw/card/CardReader.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace mk::hw;

namespace {
constexpr int kWait_ms = 30000;
const char kVpcdDriver[] = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";

using mk::test::VirtualCard;
}  // namespace

class TestCardReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void identify_data();
    void identify();
    void insertReadRemove_data();
    void insertReadRemove();
    void pulledOutMidRead();
    void notConfigured();

private:
    QTemporaryDir conf_;
    QProcess pcscd_;
    quint16 vpcd_port_ = 0;
    QString skip_reason_;
};

void TestCardReader::initTestCase()
{
    if (!QFileInfo::exists(QStringLiteral("/usr/sbin/pcscd"))) {
        skip_reason_ = QStringLiteral("pcscd is not installed (Debian package pcscd)");
    } else if (!QFileInfo::exists(QLatin1String(kVpcdDriver))) {
        skip_reason_ = QStringLiteral(
            "the virtual reader driver is not installed (Debian package vsmartcard-vpcd)");
    } else if (::geteuid() != 0) {
        skip_reason_ = QStringLiteral(
            "pcscd needs root to create /run/pcscd; run as root or with a pcscd of vpcd");
    } else if (QFileInfo::exists(QStringLiteral("/run/pcscd/pcscd.comm"))) {
        skip_reason_ =
            QStringLiteral("another pcscd already owns /run/pcscd (stop it to run this test)");
    }
    if (!skip_reason_.isEmpty()) return;
    QTcpServer probe;  // a free port for vpcd
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    vpcd_port_ = probe.serverPort();
    probe.close();
    QFile conf(QDir(conf_.path()).filePath(QStringLiteral("vpcd")));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write(
        QStringLiteral(
            "FRIENDLYNAME \"Virtual PCD\"\nDEVICENAME /dev/null:0x%1\nLIBPATH %2\nCHANNELID 0x%1\n")
            .arg(vpcd_port_, 4, 16, QLatin1Char('0'))
            .arg(QLatin1String(kVpcdDriver))
            .toLatin1());
    conf.close();
    pcscd_.setProcessChannelMode(QProcess::MergedChannels);
    pcscd_.start(QStringLiteral("/usr/sbin/pcscd"),
                 {QStringLiteral("-f"), QStringLiteral("-c"), conf_.path()});
    if (!pcscd_.waitForStarted(10000)) {
        skip_reason_ = QStringLiteral("pcscd does not start: ") + pcscd_.errorString();
        return;
    }
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(QStringLiteral("/run/pcscd/pcscd.comm")) ||
                                 pcscd_.state() == QProcess::NotRunning,
                             kWait_ms);
    if (pcscd_.state() == QProcess::NotRunning)
        skip_reason_ = QStringLiteral("pcscd exited: ") + QString::fromLocal8Bit(pcscd_.readAll());
}

void TestCardReader::cleanupTestCase()
{
    if (pcscd_.state() != QProcess::NotRunning) {
        pcscd_.terminate();
        if (!pcscd_.waitForFinished(10000)) pcscd_.kill();
    }
    if (qEnvironmentVariableIsSet("MK_PCSCD_LOG"))
        qInfo().noquote() << QString::fromLocal8Bit(pcscd_.readAll());
}

void TestCardReader::identify_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<QString>("identifier");
    const QByteArray atr = QByteArray::fromHex("3b8f8001804f0ca000000306030001000000006a");
    const QString atr_id =
        QStringLiteral("atr:") +
        QString::fromLatin1(
            QCryptographicHash::hash(atr, QCryptographicHash::Sha256).toHex().left(32));
    QTest::newRow("uid") << QByteArray::fromHex("04a1b2c39000") << QStringLiteral("uid:04a1b2c3");
    QTest::newRow("not supported") << QByteArray::fromHex("6d00") << atr_id;
    QTest::newRow("only status 9000") << QByteArray::fromHex("9000") << atr_id;
    QTest::newRow("empty") << QByteArray() << atr_id;
    QTest::newRow("one byte") << QByteArray::fromHex("90") << atr_id;
    QTest::newRow("wrong sw") << QByteArray::fromHex("04a16a81") << atr_id;
}

void TestCardReader::identify()
{
    QFETCH(QByteArray, response);
    QFETCH(QString, identifier);
    const QByteArray atr = QByteArray::fromHex("3b8f8001804f0ca000000306030001000000006a");
    QCOMPARE(CardReader::identify(atr, response).identifier, identifier);
}

void TestCardReader::insertReadRemove_data()
{
    QTest::addColumn<bool>("uid");
    QTest::newRow("contactless card with UID") << true;
    QTest::newRow("card without GET DATA") << false;
}

void TestCardReader::insertReadRemove()
{
    if (!skip_reason_.isEmpty()) MK_SKIP_OR_FAIL_IN_CI(skip_reason_);
    QFETCH(bool, uid);
    CardReaderConfig config;
    config.enabled = true;
    config.reader_name = QStringLiteral("Virtual PCD");
    CardReader reader(config);
    QSignalSpy inserted(&reader, &CardReader::cardInserted);
    QSignalSpy removed(&reader, &CardReader::cardRemoved);
    reader.start();
    QTRY_COMPARE_WITH_TIMEOUT(reader.health().state, DeviceState::Ready, kWait_ms);
    QVERIFY2(reader.health().detail.startsWith(QStringLiteral("Virtual PCD")),
             qPrintable(reader.health().detail));

    const QByteArray atr = QByteArray::fromHex("3b8f8001804f0ca000000306030001000000006a");
    VirtualCard card(atr, QByteArray::fromHex("04a1b2c3d4e5f6"),
                     uid ? VirtualCard::Mode::Uid : VirtualCard::Mode::NoGetData);
    card.insert(vpcd_port_);
    QTRY_COMPARE_WITH_TIMEOUT(inserted.size(), 1, kWait_ms);
    const CardInfo info = inserted.first().first().value<CardInfo>();
    QCOMPARE(info.atr, atr);
    QVERIFY(info.reader.startsWith(QStringLiteral("Virtual PCD")));
    if (uid) {
        QCOMPARE(info.source, CardInfo::IdSource::Uid);
        QCOMPARE(info.identifier, QStringLiteral("uid:04a1b2c3d4e5f6"));
    } else {
        QCOMPARE(info.source, CardInfo::IdSource::AtrHash);
        QVERIFY(info.identifier.startsWith(QStringLiteral("atr:")));
    }
    card.remove();
    QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, kWait_ms);
    reader.stop();
}

void TestCardReader::pulledOutMidRead()
{
    if (!skip_reason_.isEmpty()) MK_SKIP_OR_FAIL_IN_CI(skip_reason_);
    CardReaderConfig config;
    config.enabled = true;
    config.reader_name = QStringLiteral("Virtual PCD");
    CardReader reader(config);
    QSignalSpy inserted(&reader, &CardReader::cardInserted);
    QSignalSpy failed(&reader, &CardReader::readFailed);
    QSignalSpy removed(&reader, &CardReader::cardRemoved);
    reader.start();
    QTRY_COMPARE_WITH_TIMEOUT(reader.health().state, DeviceState::Ready, kWait_ms);

    VirtualCard flaky(QByteArray::fromHex("3b8f8001804f0ca000000306030001000000006a"), QByteArray(),
                      VirtualCard::Mode::VanishOnApdu);
    flaky.insert(vpcd_port_);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kWait_ms);
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("card")),
             qPrintable(failed.first().first().toString()));
    QCOMPARE(inserted.size(), 0);
    // The failed card is reported gone once pcscd notices (a swap faster than pcscd's presence
    // poll would look like the same card still in the slot: no new power-up, no event).
    QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, kWait_ms);

    // The reader carries on: the next card reads normally.
    VirtualCard good(QByteArray::fromHex("3b8f8001804f0ca000000306030001000000006a"),
                     QByteArray::fromHex("0102030405"), VirtualCard::Mode::Uid);
    good.insert(vpcd_port_);
    QTRY_COMPARE_WITH_TIMEOUT(inserted.size(), 1, kWait_ms);
    QCOMPARE(inserted.first().first().value<CardInfo>().identifier,
             QStringLiteral("uid:0102030405"));
    QCOMPARE(reader.health().state, DeviceState::Ready);
    good.remove();
}

void TestCardReader::notConfigured()
{
    CardReader reader(CardReaderConfig{});
    reader.start();
    QCOMPARE(reader.health().state, DeviceState::Missing);
}

QTEST_GUILESS_MAIN(TestCardReader)
#include "tst_cardreader.moc"
