// QR images: encode -> decode round trips, a real photographed code, and the patient card parser.
#include "core/qr/QrImage.h"

#include <QDir>
#include <QFile>
#include <QTest>

class TestQrImage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void encodeRefuses_data();
    void encodeRefuses();
    void decodeBlankImage();
    void decodeRealImage_data();
    void decodeRealImage();
    void appointmentPayload();
    void parsePatientCard_data();
    void parsePatientCard();
    void patientCardRoundTrip();
};

void TestQrImage::roundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("size_px");
    const QString ascii = QStringLiteral("MKAPPT:A20261123-0042");
    const QString chinese = QStringLiteral("李明 儿科门诊 2026-11-23 08:10 就诊序号 12");
    const QString card = QStringLiteral("MKPATIENT:P00001001:19850312");
    for (int size : {120, 200, 333, 600}) {
        QTest::addRow("ascii %d", size) << ascii << size;
        QTest::addRow("chinese %d", size) << chinese << size;
        QTest::addRow("card %d", size) << card << size;
    }
    QTest::newRow("long ascii") << QString(800, QLatin1Char('x')) << 1000;
    QTest::newRow("long chinese") << QString(300, QChar(0x6C49)) << 1000;  // 汉 × 300
}

void TestQrImage::roundTrip()
{
    QFETCH(QString, text);
    QFETCH(int, size_px);
    const auto image = mk::qr::encode(text, size_px);
    QVERIFY2(image.ok(), image.ok() ? "" : qPrintable(image.error().detail));
    const QImage& img = image.value();
    QVERIFY(img.width() <= size_px);
    QCOMPARE(img.width(), img.height());
    // Black on white with a white quiet zone: the border rows and columns are white.
    QCOMPARE(qGray(img.pixel(0, 0)), 255);
    QCOMPARE(qGray(img.pixel(img.width() - 1, img.height() - 1)), 255);
    const auto text_back = mk::qr::decode(img);
    QVERIFY2(text_back.ok(), text_back.ok() ? "" : qPrintable(text_back.error().detail));
    QCOMPARE(text_back.value(), text);
}

void TestQrImage::encodeRefuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("size_px");
    QTest::newRow("empty") << QString() << 200;
    QTest::newRow("too long") << QString(3000, QLatin1Char('x')) << 4000;
    QTest::newRow("too small") << QStringLiteral("MKAPPT:A20261123-0042") << 20;
    QTest::newRow("zero size") << QStringLiteral("MKAPPT:A20261123-0042") << 0;
    QTest::newRow("negative size") << QStringLiteral("MKAPPT:A20261123-0042") << -5;
}

void TestQrImage::encodeRefuses()
{
    QFETCH(QString, text);
    QFETCH(int, size_px);
    const auto image = mk::qr::encode(text, size_px);
    QVERIFY(!image.ok());
    QVERIFY(!image.error().detail.isEmpty());
}

void TestQrImage::decodeBlankImage()
{
    QImage blank(200, 200, QImage::Format_RGB32);
    blank.fill(Qt::white);
    const auto text = mk::qr::decode(blank);
    QVERIFY(!text.ok());
    QCOMPARE(text.error().code, mk::ErrorCode::NotFound);
    QCOMPARE(mk::qr::decode(QImage()).error().code, mk::ErrorCode::NotFound);
}

void TestQrImage::decodeRealImage_data()
{
    QTest::addColumn<QString>("image_path");
    // zxing-cpp's test images (tests/data/qr): photos and screenshots, each with the expected text
    // beside it.
    const QString dir = QStringLiteral(MEDKIOSK_TESTDATA "/qr/qrcode-1");
    QTest::newRow("qrcode-1/1") << dir + QStringLiteral("/1.png");
    QTest::newRow("qrcode-1/11") << dir + QStringLiteral("/11.png");
}

void TestQrImage::decodeRealImage()
{
    QFETCH(QString, image_path);
    QVERIFY2(QFile::exists(image_path), qPrintable(image_path));  // tests/data, in the repository
    QFile expected_file(image_path.left(image_path.size() - 4) + QStringLiteral(".txt"));
    QVERIFY(expected_file.open(QIODevice::ReadOnly));
    const QString expected = QString::fromUtf8(expected_file.readAll());
    const QImage image(image_path);
    QVERIFY(!image.isNull());
    const auto text = mk::qr::decode(image);
    QVERIFY2(text.ok(), text.ok() ? "" : qPrintable(text.error().detail));
    QCOMPARE(text.value(), expected);
}

void TestQrImage::appointmentPayload()
{
    QCOMPARE(mk::qr::appointmentPayload(QStringLiteral("A20261123-0042")),
             QStringLiteral("MKAPPT:A20261123-0042"));
}

void TestQrImage::parsePatientCard_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("number");
    QTest::addColumn<QDate>("birth_date");
    const QDate none;
    QTest::newRow("good") << QStringLiteral("MKPATIENT:P00001001:19850312") << true
                          << QStringLiteral("P00001001") << QDate(1985, 3, 12);
    QTest::newRow("good child") << QStringLiteral("MKPATIENT:P00001003:20210915") << true
                                << QStringLiteral("P00001003") << QDate(2021, 9, 15);
    QTest::newRow("scanner line end") << QStringLiteral("MKPATIENT:P00001004:19900720\r\n") << true
                                      << QStringLiteral("P00001004") << QDate(1990, 7, 20);
    QTest::newRow("leap day") << QStringLiteral("MKPATIENT:P1:20000229") << true
                              << QStringLiteral("P1") << QDate(2000, 2, 29);
    QTest::newRow("empty") << QString() << false << QString() << none;
    QTest::newRow("prefix only") << QStringLiteral("MKPATIENT:") << false << QString() << none;
    QTest::newRow("appointment code")
        << QStringLiteral("MKAPPT:A20261123-0042") << false << QString() << none;
    QTest::newRow("lower-case prefix")
        << QStringLiteral("mkpatient:P00001001:19850312") << false << QString() << none;
    QTest::newRow("other prefix") << QStringLiteral("PATIENT:P00001001:19850312") << false
                                  << QString() << none;
    QTest::newRow("no date") << QStringLiteral("MKPATIENT:P00001001") << false << QString() << none;
    QTest::newRow("empty date") << QStringLiteral("MKPATIENT:P00001001:") << false << QString()
                                << none;
    QTest::newRow("empty number") << QStringLiteral("MKPATIENT::19850312") << false << QString()
                                  << none;
    QTest::newRow("extra part") << QStringLiteral("MKPATIENT:P00001001:19850312:x") << false
                                << QString() << none;
    QTest::newRow("dashed date") << QStringLiteral("MKPATIENT:P00001001:1985-03-12") << false
                                 << QString() << none;
    QTest::newRow("month 13") << QStringLiteral("MKPATIENT:P00001001:19851312") << false
                              << QString() << none;
    QTest::newRow("feb 30") << QStringLiteral("MKPATIENT:P00001001:19850230") << false << QString()
                            << none;
    QTest::newRow("not leap") << QStringLiteral("MKPATIENT:P00001001:19000229") << false
                              << QString() << none;
    QTest::newRow("year 1800") << QStringLiteral("MKPATIENT:P00001001:18000101") << false
                               << QString() << none;
    QTest::newRow("short date") << QStringLiteral("MKPATIENT:P00001001:850312") << false
                                << QString() << none;
    QTest::newRow("space in number")
        << QStringLiteral("MKPATIENT:P0000 1001:19850312") << false << QString() << none;
    QTest::newRow("url") << QStringLiteral("https://example.com/MKPATIENT:P00001001:19850312")
                         << false << QString() << none;
    QTest::newRow("garbage") << QStringLiteral("\x01\x02garbage\xff") << false << QString() << none;
    QTest::newRow("chinese") << QStringLiteral("MKPATIENT:李明:19850312") << false << QString()
                             << none;
    QTest::newRow("very long") << QStringLiteral("MKPATIENT:") + QString(10000, QLatin1Char('9')) +
                                      QStringLiteral(":19850312")
                               << false << QString() << none;
}

void TestQrImage::parsePatientCard()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, number);
    QFETCH(QDate, birth_date);
    QString got_number = QStringLiteral("untouched");
    QDate got_date(1111, 1, 1);
    QCOMPARE(mk::qr::parsePatientCard(text, &got_number, &got_date), ok);
    if (ok) {
        QCOMPARE(got_number, number);
        QCOMPARE(got_date, birth_date);
    } else {
        QCOMPARE(got_number, QStringLiteral("untouched"));
        QCOMPARE(got_date, QDate(1111, 1, 1));
    }
    // Null output pointers are allowed.
    QCOMPARE(mk::qr::parsePatientCard(text, nullptr, nullptr), ok);
}

void TestQrImage::patientCardRoundTrip()
{
    const QString payload =
        mk::qr::patientCardPayload(QStringLiteral("P00001002"), QDate(2018, 6, 1));
    QCOMPARE(payload, QStringLiteral("MKPATIENT:P00001002:20180601"));
    const auto image = mk::qr::encode(payload, 300);
    QVERIFY(image.ok());
    const auto text = mk::qr::decode(image.value());
    QVERIFY(text.ok());
    QString number;
    QDate date;
    QVERIFY(mk::qr::parsePatientCard(text.value(), &number, &date));
    QCOMPARE(number, QStringLiteral("P00001002"));
    QCOMPARE(date, QDate(2018, 6, 1));
}

QTEST_GUILESS_MAIN(TestQrImage)
#include "tst_qrimage.moc"
