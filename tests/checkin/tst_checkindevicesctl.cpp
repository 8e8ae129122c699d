// medkioskctl devices lists each QR scanner the check-in screen listens to (issue 12, item 6),
// with its state: the keyboard wedge, a serial scanner on a pseudo-terminal (ready) or on a port
// that is not there (missing, exit 1), and the camera scanner over a folder camera of real
// photos. As a separate process, --json.
#include "CheckinDevicesFixture.h"
#include "TestSkip.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace mk::checkin::test;

class TestCheckinDevicesCtl : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir_;

    QJsonObject run(const QString& port, int* exit_code)
    {
        const QString frames = dir_.filePath(QStringLiteral("frames"));
        QDir().mkpath(frames);
        QFile::copy(QStringLiteral(MEDKIOSK_TESTDATA) + QStringLiteral("/qr/qrcode-1/1.png"),
                    frames + QStringLiteral("/1.png"));
        const QString ini = dir_.filePath(QStringLiteral("kiosk.ini"));
        QFile f(ini);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return {};
        f.write(QStringLiteral("[devices]\nprinter_transport=none\ncard_reader=none\n"
                               "speech_engine=none\nscanners=wedge, serial, camera\n"
                               "scanner_port=%1\ncamera=folder\ncamera_folder=%2\n")
                    .arg(port, frames)
                    .toUtf8());
        f.close();
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(MEDKIOSK_CTL),
                {QStringLiteral("devices"), QStringLiteral("--config"), ini,
                 QStringLiteral("--json"), QStringLiteral("--wait-ms"), QStringLiteral("5000")});
        if (!p.waitForFinished(60000)) return {};
        *exit_code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    }
    static QJsonObject byBackend(const QJsonObject& root, const QString& prefix)
    {
        for (const QJsonValue& v : root.value(QStringLiteral("devices")).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("kind")).toString() == QLatin1String("scanner") &&
                o.value(QStringLiteral("backend")).toString().startsWith(prefix)) {
                return o;
            }
        }
        return {};
    }

private Q_SLOTS:
    void everyScannerWithItsState()
    {
        PtyPair pty;
        if (!pty.ok()) MK_SKIP_OR_FAIL_IN_CI("no pseudo-terminals here (posix_openpt failed)");
        int exit_code = -1;
        QJsonObject root = run(pty.slavePath(), &exit_code);
        QCOMPARE(exit_code, 0);
        QCOMPARE(byBackend(root, QStringLiteral("wedge")).value(QStringLiteral("state")),
                 QJsonValue(QStringLiteral("ready")));
        QCOMPARE(byBackend(root, QStringLiteral("serial")).value(QStringLiteral("state")),
                 QJsonValue(QStringLiteral("ready")));
        QCOMPARE(byBackend(root, QStringLiteral("camera")).value(QStringLiteral("state")),
                 QJsonValue(QStringLiteral("ready")));

        // The serial scanner unplugged: missing, and the command says there is a problem.
        root = run(dir_.filePath(QStringLiteral("no-such-tty")), &exit_code);
        QCOMPARE(exit_code, 1);
        const QJsonObject serial = byBackend(root, QStringLiteral("serial"));
        QCOMPARE(serial.value(QStringLiteral("state")), QJsonValue(QStringLiteral("missing")));
        QVERIFY(!serial.value(QStringLiteral("detail")).toString().isEmpty());
        QCOMPARE(byBackend(root, QStringLiteral("wedge")).value(QStringLiteral("state")),
                 QJsonValue(QStringLiteral("ready")));
    }
};

QTEST_GUILESS_MAIN(TestCheckinDevicesCtl)
#include "tst_checkindevicesctl.moc"
