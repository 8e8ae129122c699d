#include "DemoPool.h"

#include "core/common/Log.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <csignal>
#include <sys/prctl.h>

namespace mk::app {

namespace {
const QString kProgramName = QStringLiteral("medkiosk-poolsim");
}

DemoPool::~DemoPool()
{
    if (process_.state() == QProcess::NotRunning) return;
    process_.terminate();  // SIGTERM: the simulator saves its state and quits
    if (!process_.waitForFinished(kStopTimeoutMs)) {
        qCWarning(lcUi) << "the demo pool simulator did not stop in" << kStopTimeoutMs
                        << "ms: killed";
        process_.kill();
        process_.waitForFinished(kStopTimeoutMs);
    }
}

QString DemoPool::program()
{
    QString configured = qEnvironmentVariable("MEDKIOSK_POOLSIM");
    if (!configured.isEmpty()) return configured;
    QString beside = QDir(QCoreApplication::applicationDirPath()).filePath(kProgramName);
    if (QFileInfo(beside).isExecutable()) return beside;
#ifdef MEDKIOSK_POOLSIM_BUILD_PATH
    QString built = QStringLiteral(MEDKIOSK_POOLSIM_BUILD_PATH);
    if (QFileInfo(built).isExecutable()) return built;
#endif
    return QStandardPaths::findExecutable(kProgramName);
}

bool DemoPool::start(const QString& data_dir, const QString& jwks_file, const QString& client_id,
                     QString* error)
{
    const QString path = program();
    if (path.isEmpty()) {
        *error = tr("the simulator program %1 was not found (install the medkiosk-poolsim "
                    "package, or set MEDKIOSK_POOLSIM)")
                     .arg(kProgramName);
        return false;
    }
    process_.setProgram(path);
    QStringList arguments{QStringLiteral("--port"), QStringLiteral("0"),
                          QStringLiteral("--data-dir"), data_dir,
                          QStringLiteral("--announce-json")};
    if (!jwks_file.isEmpty()) {
        arguments << QStringLiteral("--register-jwks") << jwks_file << QStringLiteral("--client-id")
                  << client_id;
    }
    process_.setArguments(arguments);
    process_.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // If medkiosk dies (kill -9), the kernel stops the simulator too.
    process_.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    process_.start(QIODevice::ReadOnly);
    if (!process_.waitForStarted(kStartTimeoutMs)) {
        *error = tr("cannot start %1: %2").arg(path, process_.errorString());
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    while (!process_.canReadLine()) {
        const qint64 left_ms = kStartTimeoutMs - timer.elapsed();
        if (left_ms <= 0 || process_.state() == QProcess::NotRunning) {
            *error = tr("%1 did not report its address within %2 s")
                         .arg(path)
                         .arg(kStartTimeoutMs / 1000);
            return false;
        }
        process_.waitForReadyRead(int(left_ms));
    }
    const QJsonObject announce = QJsonDocument::fromJson(process_.readLine()).object();
    base_url_ = QUrl(announce.value(QStringLiteral("base_url")).toString());
    checkin_issuer_ = announce.value(QStringLiteral("checkin_issuer")).toString();
    checkin_public_key_pem_ =
        announce.value(QStringLiteral("checkin_public_key_pem")).toString().toLatin1();
    if (!base_url_.isValid() || checkin_issuer_.isEmpty() || checkin_public_key_pem_.isEmpty()) {
        *error = tr("%1 reported no usable address").arg(path);
        return false;
    }
    qCInfo(lcUi) << "demo pool simulator started, pid" << process_.processId();
    return true;
}

}  // namespace mk::app
