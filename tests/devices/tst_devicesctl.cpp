// `medkioskctl devices` as IT staff run it on a kiosk: the camera is listed with its backend and
// state, a configured camera that is missing fails the check (exit 1), a camera left at the
// built-in default is listed but not counted, and an unknown backend name is refused.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct CtlRun {
    int exit_code = -1;
    QJsonObject json;
    QByteArray err;
};

CtlRun runDevices(const QString& config_path)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("MEDKIOSK_CONFIG"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(MEDKIOSK_CTL),
                  {QStringLiteral("devices"), QStringLiteral("--config"), config_path,
                   QStringLiteral("--json"), QStringLiteral("--wait-ms"), QStringLiteral("4000")});
    CtlRun run;
    if (!process.waitForFinished(60000)) return run;
    run.exit_code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    run.err = process.readAllStandardError();
    return run;
}

QJsonObject deviceOfKind(const QJsonObject& root, const QString& kind)
{
    const QJsonArray list = root.value(QStringLiteral("devices")).toArray();
    for (const QJsonValue& v : list) {
        if (v.toObject().value(QStringLiteral("kind")).toString() == kind) return v.toObject();
    }
    return {};
}

}  // namespace

class TestDevicesCtl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void camera_data();
    void camera();
    void unknownCameraBackendIsRefused();

private:
    QString writeConfig(const QString& devices_lines);
    QTemporaryDir dir_;
};

QString TestDevicesCtl::writeConfig(const QString& devices_lines)
{
    static int n = 0;
    const QString path = dir_.filePath(QStringLiteral("kiosk%1.ini").arg(++n));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    // Every other device switched off, so only the camera decides the exit code.
    f.write(
        "[devices]\nprinter_transport=none\ncard_reader=none\nspeech_engine=none\nscanners=none\n");
    f.write(devices_lines.toUtf8());
    return path;
}

void TestDevicesCtl::camera_data()
{
    QTest::addColumn<QString>("lines");
    QTest::addColumn<int>("exit_code");
    QTest::addColumn<QString>("state");
    QTest::addColumn<bool>("configured");

    const QString frames = dir_.filePath(QStringLiteral("frames"));
    QDir().mkpath(frames);
    QImage frame(64, 48, QImage::Format_RGB888);
    frame.fill(Qt::gray);
    frame.save(frames + QStringLiteral("/0001.png"));

    QTest::newRow("folder camera with frames")
        << QStringLiteral("camera=folder\ncamera_folder=%1\n").arg(frames) << 0
        << QStringLiteral("ready") << true;
    QTest::newRow("folder camera, folder missing")
        << QStringLiteral("camera=folder\ncamera_folder=%1\n")
               .arg(dir_.filePath(QStringLiteral("gone")))
        << 1 << QStringLiteral("missing") << true;
    QTest::newRow("camera switched off")
        << QStringLiteral("camera=none\n") << 0 << QString() << false;
}

void TestDevicesCtl::camera()
{
    QFETCH(QString, lines);
    QFETCH(int, exit_code);
    QFETCH(QString, state);
    QFETCH(bool, configured);
    QVERIFY(dir_.isValid());
    const CtlRun run = runDevices(writeConfig(lines));
    QCOMPARE(run.exit_code, exit_code);
    const QJsonObject camera = deviceOfKind(run.json, QStringLiteral("camera"));
    if (state.isEmpty()) {
        QVERIFY2(camera.isEmpty(), "a camera switched off is not built");
        return;
    }
    QCOMPARE(camera.value(QStringLiteral("state")).toString(), state);
    QCOMPARE(camera.value(QStringLiteral("configured")).toBool(), configured);
    QVERIFY(camera.value(QStringLiteral("backend")).toString().startsWith(QLatin1String("folder")));
    QCOMPARE(run.json.value(QStringLiteral("ok")).toBool(), exit_code == 0);
}

void TestDevicesCtl::unknownCameraBackendIsRefused()
{
    const CtlRun run = runDevices(writeConfig(QStringLiteral("camera=webcam9000\n")));
    QCOMPARE(run.exit_code, 1);
    QVERIFY2(run.err.contains("unknown backend"), run.err.constData());
}

QTEST_GUILESS_MAIN(TestDevicesCtl)
#include "tst_devicesctl.moc"
