// medkioskctl identity init|show|export-jwks|rotate as a separate process (issue 15, items 1
// and 5): the key file is made 0600 in a 0700 folder, the JWKS holds public keys only, rotation
// keeps the old key, and no output of these commands nor of `diagnostics` carries the private key.
#include "core/identity/AccessTokens.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

struct Run {
    int code = -1;
    QString out;
    QString err;
};

int modeOf(const QString& path)
{
    struct stat st {
    };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

}  // namespace

class TestIdentityCtl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void noKeyYet();
    void initShowExportRotate();

private:
    Run ctl(const QStringList& args);
    QTemporaryDir dir_;
    QString config_;
};

void TestIdentityCtl::initTestCase()
{
    QVERIFY(dir_.isValid());
    config_ = dir_.filePath(u"kiosk.ini"_qs);
    QFile ini(config_);
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write("[kiosk]\nid = KIOSK-CTL-7\n[store]\npath = " +
              QFile::encodeName(dir_.filePath(u"state/store.db"_qs)) +
              "\n[pool]\nbase_url = https://pool.example/fhir\n");
}

Run TestIdentityCtl::ctl(const QStringList& args)
{
    QProcess p;
    p.setProgram(QStringLiteral(MEDKIOSK_CTL));
    p.setArguments(args + QStringList{u"--config"_qs, config_});
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"CREDENTIALS_DIRECTORY"_qs);
    env.insert(u"QT_LOGGING_RULES"_qs, u"medkiosk.*=true"_qs);  // the logs are grepped too
    p.setProcessEnvironment(env);
    p.start();
    p.waitForFinished(30000);
    return Run{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
               QString::fromUtf8(p.readAllStandardError())};
}

void TestIdentityCtl::noKeyYet()
{
    const Run show = ctl({u"identity"_qs, u"show"_qs});
    QCOMPARE(show.code, 1);
    QVERIFY(show.out.contains(u"identity init"_qs));
    QCOMPARE(ctl({u"identity"_qs, u"export-jwks"_qs}).code, 1);
}

void TestIdentityCtl::initShowExportRotate()
{
    const Run init = ctl({u"identity"_qs, u"init"_qs});
    QCOMPARE(init.code, 0);
    const QString key_file = dir_.filePath(u"state/identity/kiosk-key.pem"_qs);
    QCOMPARE(modeOf(key_file), 0600);
    QCOMPARE(modeOf(dir_.filePath(u"state/identity"_qs)), 0700);
    QFile f(key_file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QStringList secrets;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.size() > 20 && !line.startsWith("-----"))
            secrets.append(QString::fromLatin1(line));
    }
    QVERIFY(!secrets.isEmpty());

    const Run show = ctl({u"identity"_qs, u"show"_qs, u"--json"_qs});
    QCOMPARE(show.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(show.out.toUtf8()).object();
    QCOMPARE(o.value(u"client_id"_qs).toString(), u"KIOSK-CTL-7"_qs);
    // Exactly the scopes the kiosk asks the pool for (booking, check-in, payments).
    QStringList shown;
    for (const QJsonValue& v : o.value(u"scopes"_qs).toArray()) shown.append(v.toString());
    QCOMPARE(shown, mk::identity::AuthOptions::kioskScopes());
    QVERIFY(shown.contains(u"system/Invoice.rus"_qs));
    const QString kid = o.value(u"kid"_qs).toString();
    QVERIFY(!kid.isEmpty());

    const Run jwks = ctl({u"identity"_qs, u"export-jwks"_qs});
    QCOMPARE(jwks.code, 0);
    const QJsonArray keys =
        QJsonDocument::fromJson(jwks.out.toUtf8()).object().value(u"keys"_qs).toArray();
    QCOMPARE(keys.size(), 1);
    QCOMPARE(keys.first().toObject().value(u"kid"_qs).toString(), kid);
    QVERIFY(!keys.first().toObject().contains(u"d"_qs));

    const Run rotate = ctl({u"identity"_qs, u"rotate"_qs});
    QCOMPARE(rotate.code, 0);
    QCOMPARE(
        QJsonDocument::fromJson(rotate.out.toUtf8()).object().value(u"keys"_qs).toArray().size(),
        2);
    QCOMPARE(ctl({u"identity"_qs, u"rotate"_qs}).code, 1);  // one pending rotation at a time
    const Run after = ctl({u"identity"_qs, u"show"_qs, u"--json"_qs});
    QCOMPARE(QJsonDocument::fromJson(after.out.toUtf8()).object().value(u"kid"_qs).toString(),
             kid);  // the old key stays current until the pool accepts the new one

    const Run diagnostics = ctl({u"diagnostics"_qs, u"--json"_qs});
    QFile next(key_file + u".next"_qs);
    QVERIFY(next.open(QIODevice::ReadOnly));
    for (const QByteArray& line : next.readAll().split('\n')) {
        if (line.size() > 20 && !line.startsWith("-----"))
            secrets.append(QString::fromLatin1(line));
    }
    const QString all = init.out + init.err + show.out + show.err + jwks.out + jwks.err +
                        rotate.out + rotate.err + after.out + after.err + diagnostics.out +
                        diagnostics.err;
    for (const QString& s : std::as_const(secrets))
        QVERIFY2(!all.contains(s), "a private key line appears in medkioskctl output");
    QVERIFY(!all.contains(u"PRIVATE KEY"_qs));
}

QTEST_GUILESS_MAIN(TestIdentityCtl)
#include "tst_identityctl.moc"
