// The patient sentences that core builds outside any QObject (check-in outcomes, card/face
// arrival lists, pool errors) reach the Chinese catalog. Their tr() wrappers name a context by
// hand; a context that is not the one lupdate filed them under is never found, and a Chinese
// patient reads English (the check-in messages did, until this test).
#include "core/checkin/ArrivalTypes.h"
#include "core/checkin/CheckinTypes.h"
#include "core/common/UserMessages.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTest>
#include <QTranslator>

namespace {

bool hasChinese(const QString& text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF) return true;
    }
    return false;
}

}  // namespace

class TestCoreMessages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void sentencesAreChinese_data();
    void sentencesAreChinese();

private:
    QTranslator translator_;
};

void TestCoreMessages::initTestCase()
{
    QVERIFY(translator_.load(QStringLiteral(":/i18n/medkiosk_zh_CN.qm")));
    QVERIFY(QCoreApplication::installTranslator(&translator_));
}

void TestCoreMessages::cleanupTestCase()
{
    QCoreApplication::removeTranslator(&translator_);
}

void TestCoreMessages::sentencesAreChinese_data()
{
    QTest::addColumn<QString>("text");
    mk::checkin::CheckinOutcome early;
    early.status = mk::checkin::CheckinStatus::TooEarly;
    early.window_opens = QDateTime::currentDateTime();
    QTest::newRow("check-in: too early") << mk::checkin::checkinMessage(early);
    mk::checkin::CheckinOutcome refused;
    refused.status = mk::checkin::CheckinStatus::Refused;
    QTest::newRow("check-in: refused") << mk::checkin::checkinMessage(refused);
    mk::checkin::ArrivalItem elsewhere;
    elsewhere.floor = 5;
    elsewhere.place = mk::checkin::ArrivalPlace::OtherFloor;
    QTest::newRow("arrival: another floor") << mk::checkin::placeMessage(elsewhere);
    mk::Error network;
    network.code = mk::ErrorCode::Network;
    QTest::newRow("pool error: network") << mk::userMessage(network);
    mk::Error rule;
    rule.code = mk::ErrorCode::Rule;
    rule.rule = QStringLiteral("per-day");
    QTest::newRow("pool error: booking rule") << mk::userMessage(rule);
}

void TestCoreMessages::sentencesAreChinese()
{
    QFETCH(QString, text);
    QVERIFY2(!text.isEmpty(), "no sentence");
    QVERIFY2(hasChinese(text), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestCoreMessages)
#include "tst_coremessages.moc"
