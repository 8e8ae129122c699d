// mk::userMessage / staffDetail / errorCodeName: a sentence for every ErrorCode and every rule.
#include "core/common/UserMessages.h"

#include <QSet>
#include <QTest>

using namespace mk;

class TestUserMessages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCode_data()
    {
        QTest::addColumn<int>("code");
        for (int c = int(ErrorCode::Unset); c <= int(ErrorCode::Internal); ++c) {
            QTest::newRow(qPrintable(errorCodeName(ErrorCode(c)))) << c;
        }
    }
    void everyCode()
    {
        QFETCH(int, code);
        Error e = makeError(ErrorCode(code), QStringLiteral("curl 7: refused"));
        e.http_status = 503;
        const QString text = userMessage(e);
        QVERIFY(text.size() > 20);
        QVERIFY2(text.endsWith(QLatin1Char('.')), qPrintable(text));
        QVERIFY(!text.contains(QLatin1String("curl")));  // no technical cause for the patient
        const QString staff = staffDetail(e);
        QVERIFY(staff.startsWith(text));
        QVERIFY(staff.contains(errorCodeName(ErrorCode(code))));
        QVERIFY(staff.contains(QLatin1String("HTTP 503")));
        QVERIFY(staff.contains(QLatin1String("curl 7: refused")));
    }

    void namesAreStableAndDistinct()
    {
        QSet<QString> names;
        for (int c = int(ErrorCode::Unset); c <= int(ErrorCode::Internal); ++c) {
            names.insert(errorCodeName(ErrorCode(c)));
        }
        QCOMPARE(names.size(), int(ErrorCode::Internal) + 1);
        QCOMPARE(errorCodeName(ErrorCode::Network), QStringLiteral("network"));
        QCOMPARE(errorCodeName(ErrorCode::RateLimited), QStringLiteral("rate-limited"));
    }

    void everyRule_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("per-day") << QStringLiteral("per-day") << QStringLiteral("that day");
        QTest::newRow("days-ahead") << QStringLiteral("days-ahead") << QStringLiteral("ahead");
        QTest::newRow("too-soon") << QStringLiteral("too-soon") << QStringLiteral("too soon");
        QTest::newRow("past") << QStringLiteral("past") << QStringLiteral("passed");
        QTest::newRow("cancel-cutoff")
            << QStringLiteral("cancel-cutoff") << QStringLiteral("cancel");
        QTest::newRow("unknown") << QStringLiteral("new-rule") << QStringLiteral("rules");
    }
    void everyRule()
    {
        QFETCH(QString, rule);
        QFETCH(QString, mentions);
        Error e = makeError(ErrorCode::Rule, QStringLiteral("HTTP 422"));
        e.rule = rule;
        QVERIFY2(userMessage(e).contains(mentions), qPrintable(userMessage(e)));
        QVERIFY(staffDetail(e).contains(QLatin1String("rule=") + rule));
    }

    void rulesHaveTheirOwnSentences()
    {
        QSet<QString> texts;
        for (const char* rule :
             {"per-day", "days-ahead", "too-soon", "past", "cancel-cutoff", ""}) {
            Error e = makeError(ErrorCode::Rule, QString());
            e.rule = QString::fromLatin1(rule);
            texts.insert(userMessage(e));
        }
        QCOMPARE(texts.size(), 6);
    }
};

QTEST_GUILESS_MAIN(TestUserMessages)
#include "tst_usermessages.moc"
