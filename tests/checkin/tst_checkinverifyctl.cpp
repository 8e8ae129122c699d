// `medkioskctl checkin verify` as IT staff and a reviewer run it (issue 14, item 11): the real
// binary, a configuration with the pool's public key and this hospital's id, and a table of
// altered tokens (flipped payload byte, swapped signature, over-long, non-base64url characters,
// padding, Unicode, other hospital, expired, valid). Each row checks the verdict text and the exit
// code (0 only for a valid token); the output never holds the token, the full patient id or the
// unmasked name. --image decodes a QR code from a regular file and refuses a FIFO at once.
#include "core/checkin/CheckinToken.h"
#include "core/qr/QrImage.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using mk::checkin::CheckinClaims;
namespace token = mk::checkin::token;

namespace {

struct CtlRun {
    int exit_code = -1;
    QString out;
    QString err;
};

CtlRun runCtl(const QStringList& args, const QByteArray& input = {}, int timeout_ms = 60000)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("MEDKIOSK_CONFIG"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(MEDKIOSK_CTL),
                  QStringList{QStringLiteral("checkin"), QStringLiteral("verify")} + args);
    CtlRun run;
    if (!process.waitForStarted(10000)) return run;
    if (!input.isEmpty()) process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeout_ms)) {
        process.kill();
        process.waitForFinished(5000);
        run.exit_code = -3;  // hung
        return run;
    }
    run.exit_code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// The part of a token between the prefix and the dot, and after the dot.
QString payloadPart(const QString& t)
{
    return t.mid(6).section(QLatin1Char('.'), 0, 0);
}
QString signaturePart(const QString& t)
{
    return t.section(QLatin1Char('.'), 2, 2);
}

}  // namespace

class TestCheckinVerifyCtl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void verdicts_data();
    void verdicts();
    void json();
    void fromStandardInput();
    void image();
    void imageMustBeARegularFile_data();
    void imageMustBeARegularFile();
    void usage();

private:
    CheckinClaims claims(const QString& issuer, qint64 expires_from_now_s) const;
    QString sign(const CheckinClaims& c, const QByteArray& pem) const;

    QTemporaryDir dir_;
    QString config_;
    QByteArray private_pem_;
    QByteArray other_private_pem_;
    QDateTime now_ = QDateTime::currentDateTimeUtc();
};

CheckinClaims TestCheckinVerifyCtl::claims(const QString& issuer, qint64 expires_from_now_s) const
{
    CheckinClaims c;
    c.appointment_id = QStringLiteral("appt-7");
    c.appointment_number = QStringLiteral("A20261123-0042");
    c.patient_id = QStringLiteral("P00001234");
    c.patient_name_masked = QStringLiteral("张*明");
    c.department_id = QStringLiteral("dept-ped");
    c.practitioner_id = QStringLiteral("prac-1");
    c.slot_start_s = now_.toSecsSinceEpoch() + 1800;
    c.issuer = issuer;
    c.expires_s = now_.toSecsSinceEpoch() + expires_from_now_s;
    return c;
}

QString TestCheckinVerifyCtl::sign(const CheckinClaims& c, const QByteArray& pem) const
{
    auto t = token::sign(c, pem);
    return t ? t.value() : QString();
}

void TestCheckinVerifyCtl::initTestCase()
{
    QVERIFY(dir_.isValid());
    QByteArray public_pem;
    QByteArray other_public_pem;
    QVERIFY(token::generateKeyPair(&private_pem_, &public_pem));
    QVERIFY(token::generateKeyPair(&other_private_pem_, &other_public_pem));
    QFile key(dir_.filePath(QStringLiteral("pool.pub.pem")));
    QVERIFY(key.open(QIODevice::WriteOnly));
    key.write(public_pem);
    key.close();
    config_ = dir_.filePath(QStringLiteral("kiosk.ini"));
    QFile ini(config_);
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write("[checkin]\npool_public_key_file=" + QFile::encodeName(key.fileName()) +
              "\nhospital_id=HOSP-A\n");
}

void TestCheckinVerifyCtl::verdicts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("verdict");  // the text line "verdict: ..." starts with this
    QTest::addColumn<int>("exit_code");

    const QString valid = sign(claims(u"HOSP-A"_qs, 86400), private_pem_);
    QVERIFY(!valid.isEmpty());
    const QString payload = payloadPart(valid);
    const QString signature = signaturePart(valid);

    // A byte of the JSON changed (appt-7 -> appt-8), re-encoded canonically, old signature.
    QByteArray bytes = QByteArray::fromBase64(payload.toLatin1(), QByteArray::Base64UrlEncoding);
    const qsizetype at = bytes.indexOf("appt-7");
    QVERIFY(at >= 0);
    bytes[at + 5] = '8';
    const QString flipped = u"MKCI1."_qs +
                            QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding |
                                                               QByteArray::OmitTrailingEquals)) +
                            u'.' + signature;
    // The signature of another valid token of the same pool.
    CheckinClaims other = claims(u"HOSP-A"_qs, 86400);
    other.appointment_id = u"appt-9"_qs;
    const QString swapped =
        u"MKCI1."_qs + payload + u'.' + signaturePart(sign(other, private_pem_));
    // A middle character of the payload (never the last, whose spare bits must be zero).
    const auto replaced = [&](QChar c) {
        QString t = valid;
        t[6 + payload.size() / 2] = c;
        return t;
    };

    QTest::newRow("valid") << valid << u"valid"_qs << 0;
    QTest::newRow("flipped payload byte") << flipped << u"forged signature"_qs << 1;
    QTest::newRow("swapped signature") << swapped << u"forged signature"_qs << 1;
    QTest::newRow("signed with another key")
        << sign(claims(u"HOSP-A"_qs, 86400), other_private_pem_) << u"forged signature"_qs << 1;
    QTest::newRow("over-long") << valid + QString(1100, u'A') << u"damaged"_qs << 1;
    QTest::newRow("non-base64url '+'") << replaced(u'+') << u"damaged"_qs << 1;
    QTest::newRow("non-base64url '/'") << replaced(u'/') << u"damaged"_qs << 1;
    QTest::newRow("padding '='") << valid + u"="_qs << u"damaged"_qs << 1;
    QTest::newRow("padding on the payload")
        << u"MKCI1."_qs + payload + u"==."_qs + signature << u"damaged"_qs << 1;
    QTest::newRow("Unicode letter é") << replaced(QChar(0x00E9)) << u"damaged"_qs << 1;
    QTest::newRow("Unicode fullwidth A") << replaced(QChar(0xFF21)) << u"damaged"_qs << 1;
    QTest::newRow("Unicode prefix")
        << u"ＭＫＣＩ１."_qs + payload + u'.' + signature << u"not a check-in code"_qs << 1;
    QTest::newRow("cut in half") << valid.left(valid.size() / 2) << u"damaged"_qs << 1;
    QTest::newRow("other hospital")
        << sign(claims(u"HOSP-B"_qs, 86400), private_pem_) << u"other hospital"_qs << 1;
    QTest::newRow("expired") << sign(claims(u"HOSP-A"_qs, -3600), private_pem_) << u"expired"_qs
                             << 1;
    QTest::newRow("web address") << u"https://example.org/"_qs << u"not a check-in code"_qs << 1;
    QTest::newRow("empty") << QString() << u"not a check-in code"_qs << 1;
}

void TestCheckinVerifyCtl::verdicts()
{
    QFETCH(QString, text);
    QFETCH(QString, verdict);
    QFETCH(int, exit_code);
    const CtlRun run = runCtl({u"--config"_qs, config_, text});
    QVERIFY2(run.out.startsWith(u"verdict: "_qs + verdict), qPrintable(run.out + run.err));
    QCOMPARE(run.exit_code, exit_code);
    // Never the token, the full patient id or a full name; the masked forms when claims show.
    if (text.size() > 20) QVERIFY(!run.out.contains(text) && !run.err.contains(text));
    QVERIFY2(!run.out.contains(u"P00001234"_qs), qPrintable(run.out));
    if (run.out.contains(u"patient:"_qs)) QVERIFY(run.out.contains(u"P****1234"_qs));
    if (exit_code == 0) {
        QVERIFY2(run.out.contains(u"appointment: appt-7"_qs), qPrintable(run.out));
        QVERIFY(run.out.contains(u"check-in window:"_qs));
    }
}

void TestCheckinVerifyCtl::json()
{
    const QString valid = sign(claims(u"HOSP-A"_qs, 86400), private_pem_);
    CtlRun run = runCtl({u"--config"_qs, config_, u"--json"_qs, valid});
    QCOMPARE(run.exit_code, 0);
    QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(o.value(u"verdict"_qs).toString(), u"valid"_qs);
    QCOMPARE(o.value(u"valid"_qs).toBool(), true);
    const QJsonObject c = o.value(u"claims"_qs).toObject();
    QCOMPARE(c.value(u"appointment_id"_qs).toString(), u"appt-7"_qs);
    QCOMPARE(c.value(u"patient_id"_qs).toString(), u"P****1234"_qs);
    QCOMPARE(c.value(u"patient_name"_qs).toString(), u"张*明"_qs);
    QCOMPARE(c.value(u"issuer"_qs).toString(), u"HOSP-A"_qs);
    QCOMPARE(o.value(u"checkin_window"_qs).toObject().value(u"state"_qs).toString(), u"open"_qs);

    // Tomorrow's appointment: a valid token, but not yet valid for check-in (the window).
    CheckinClaims tomorrow = claims(u"HOSP-A"_qs, 3 * 86400);
    tomorrow.slot_start_s = now_.toSecsSinceEpoch() + 86400;
    run = runCtl({u"--config"_qs, config_, sign(tomorrow, private_pem_)});
    QCOMPARE(run.exit_code, 0);
    QVERIFY2(run.out.contains(u"not yet valid for check-in"_qs), qPrintable(run.out));
    run = runCtl({u"--config"_qs, config_, u"--json"_qs, sign(tomorrow, private_pem_)});
    QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8())
                 .object()
                 .value(u"checkin_window"_qs)
                 .toObject()
                 .value(u"state"_qs)
                 .toString(),
             u"not-yet-open"_qs);

    run = runCtl(
        {u"--config"_qs, config_, u"--json"_qs, sign(claims(u"HOSP-B"_qs, 86400), private_pem_)});
    QCOMPARE(run.exit_code, 1);
    o = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(o.value(u"verdict"_qs).toString(), u"other-issuer"_qs);
    QCOMPARE(o.value(u"claims_verified"_qs).toBool(), false);

    // Without a configured key nothing can be valid.
    const QString bare = dir_.filePath(u"bare.ini"_qs);
    QFile f(bare);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[checkin]\nhospital_id=HOSP-A\n");
    f.close();
    run = runCtl({u"--config"_qs, bare, u"--json"_qs, valid});
    QCOMPARE(run.exit_code, 1);
    QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"verdict"_qs).toString(),
             u"no-key"_qs);
}

void TestCheckinVerifyCtl::fromStandardInput()
{
    const QString valid = sign(claims(u"HOSP-A"_qs, 86400), private_pem_);
    const CtlRun run = runCtl({u"--config"_qs, config_, u"-"_qs}, valid.toUtf8() + "\n");
    QCOMPARE(run.exit_code, 0);
    QVERIFY2(run.out.startsWith(u"verdict: valid"_qs), qPrintable(run.out + run.err));
}

void TestCheckinVerifyCtl::image()
{
    const QString valid = sign(claims(u"HOSP-A"_qs, 86400), private_pem_);
    auto qr = mk::qr::encode(valid, 800);
    QVERIFY(qr);
    const QString png = dir_.filePath(u"code.png"_qs);
    QVERIFY(qr.value().save(png));
    CtlRun run = runCtl({u"--config"_qs, config_, u"--image"_qs, png});
    QCOMPARE(run.exit_code, 0);
    QVERIFY2(run.out.startsWith(u"verdict: valid"_qs), qPrintable(run.out + run.err));

    auto forged = mk::qr::encode(sign(claims(u"HOSP-A"_qs, 86400), other_private_pem_), 800);
    QVERIFY(forged);
    const QString forged_png = dir_.filePath(u"forged.png"_qs);
    QVERIFY(forged.value().save(forged_png));
    run = runCtl({u"--config"_qs, config_, u"--image"_qs, forged_png});
    QCOMPARE(run.exit_code, 1);
    QVERIFY2(run.out.startsWith(u"verdict: forged signature"_qs), qPrintable(run.out + run.err));
}

void TestCheckinVerifyCtl::imageMustBeARegularFile_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("FIFO without a writer") << u"fifo"_qs;
    QTest::newRow("folder") << u"folder"_qs;
    QTest::newRow("character device") << u"device"_qs;
    QTest::newRow("missing") << u"missing"_qs;
}

void TestCheckinVerifyCtl::imageMustBeARegularFile()
{
    QFETCH(QString, kind);
    QString path;
    if (kind == u"fifo"_qs) {
        path = dir_.filePath(u"scan.fifo"_qs);
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    } else if (kind == u"folder"_qs) {
        path = dir_.path();
    } else if (kind == u"device"_qs) {
        path = u"/dev/zero"_qs;  // endless: must not be read at all
    } else {
        path = dir_.filePath(u"none.png"_qs);
    }
    // Before the fix-to-be (a plain QImageReader) a FIFO hung here until the timeout.
    const CtlRun run = runCtl({u"--config"_qs, config_, u"--image"_qs, path}, {}, 20000);
    QCOMPARE(run.exit_code, 1);
    if (kind != u"missing"_qs)
        QVERIFY2(run.err.contains(u"not a regular file"_qs), qPrintable(run.err));
}

void TestCheckinVerifyCtl::usage()
{
    QCOMPARE(runCtl({u"--config"_qs, config_}).exit_code, 2);
    QCOMPARE(runCtl({u"--config"_qs, config_, u"x"_qs, u"--image"_qs, u"y.png"_qs}).exit_code, 2);
    QCOMPARE(runCtl({u"--config"_qs, config_, u"a"_qs, u"b"_qs}).exit_code, 2);
}

QTEST_GUILESS_MAIN(TestCheckinVerifyCtl)
#include "tst_checkinverifyctl.moc"
