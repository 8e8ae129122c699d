// The card reader against a real pcscd with the vsmartcard virtual reader (vpcd): the test starts
// its own pcscd (VirtualReader.h: -f, a private reader.conf.d naming vpcd on a free port) and
// plays the virtual card itself with a tiny vpcd-protocol client (2-byte big-endian length, then
// 1-byte control 0x00 off, 0x01 on, 0x02 reset, 0x04 "send ATR", or an APDU to answer). Insert,
// read the UID, remove, cards without GET DATA (ATR hash), and a card pulled out in the middle of a
// read. Skips with the reason when pcscd or vpcd is not installed, not root, or another pcscd runs
// (all of which scripts/setup.sh and CI provide: a failure with CI=true).
#include "TestSkip.h"
#include "VirtualCard.h"
#include "VirtualReader.h"
#include "hw/card/CardReader.h"

#include <QSignalSpy>
#include <QtTest>

using namespace mk::hw;

namespace {
constexpr int kWait_ms = 30000;

using mk::test::VirtualCard;
using mk::test::VirtualReader;
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
    VirtualReader reader_;
    QString skip_reason_;
};

void TestCardReader::initTestCase()
{
    skip_reason_ = reader_.start();
}

void TestCardReader::cleanupTestCase()
{
    reader_.stop();
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
    card.insert(reader_.port());
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
    flaky.insert(reader_.port());
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
    good.insert(reader_.port());
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
