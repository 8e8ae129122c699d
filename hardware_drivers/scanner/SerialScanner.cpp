#include "hw/scanner/SerialScanner.h"

#include <QFileInfo>
#include <QLoggingCategory>

namespace mk::hw {

Q_LOGGING_CATEGORY(lcScanner, "medkiosk.hw.scanner")

SerialScanner::SerialScanner(const SerialScannerConfig& config, const QString& device_id,
                             QObject* parent)
    : QrScanner(parent), config_(config), splitter_(config.terminators, config.max_line_bytes)
{
    setObjectName(device_id);
    health_.device_id = device_id;
    health_.kind = QStringLiteral("scanner");
    reopen_timer_.setInterval(config_.reopen_interval_ms < 50 ? 50 : config_.reopen_interval_ms);
    connect(&reopen_timer_, &QTimer::timeout, this, [this] {
        if (tryOpen()) reopen_timer_.stop();
    });
    connect(&port_, &QSerialPort::readyRead, this, &SerialScanner::onReadyRead);
    connect(&port_, &QSerialPort::errorOccurred, this, &SerialScanner::onError);
}

SerialScanner::~SerialScanner()
{
    running_ = false;
    reopen_timer_.stop();
    if (port_.isOpen()) port_.close();
}

DeviceHealth SerialScanner::health() const
{
    return health_;
}

void SerialScanner::setHealth(DeviceState state, const QString& detail)
{
    if (health_.state == state && health_.detail == detail) return;
    health_.state = state;
    health_.detail = detail;
    Q_EMIT healthChanged(health_);
}

bool SerialScanner::start()
{
    running_ = true;
    if (port_.isOpen()) return true;
    if (tryOpen()) return true;
    reopen_timer_.start();
    return false;
}

void SerialScanner::stop()
{
    running_ = false;
    reopen_timer_.stop();
    if (port_.isOpen()) port_.close();
    splitter_.reset();
    setHealth(DeviceState::Unset, QStringLiteral("stopped"));
}

bool SerialScanner::tryOpen()
{
    if (config_.port.isEmpty()) {
        setHealth(DeviceState::Missing, QStringLiteral("no serial port configured"));
        return false;
    }
    if (port_.isOpen()) port_.close();
    port_.setPortName(config_.port);
    port_.setBaudRate(config_.baud_rate);
    port_.setDataBits(QSerialPort::Data8);
    port_.setParity(QSerialPort::NoParity);
    port_.setStopBits(QSerialPort::OneStop);
    port_.setFlowControl(QSerialPort::NoFlowControl);
    if (!port_.open(QIODevice::ReadOnly)) {
        setHealth(DeviceState::Missing, QStringLiteral("serial port %1 does not open: %2")
                                            .arg(config_.port, port_.errorString()));
        port_.clearError();
        return false;
    }
    splitter_.reset();
    qCInfo(lcScanner) << "serial scanner open on" << config_.port;
    setHealth(DeviceState::Ready, QStringLiteral("serial port %1 open").arg(config_.port));
    return true;
}

void SerialScanner::onReadyRead()
{
    const QByteArray bytes = port_.readAll();
    const QList<QString> codes = splitter_.feed(bytes);
    for (const QString& code : codes)
        Q_EMIT scanned(code);  // the code itself is never logged (it may carry personal data)
}

void SerialScanner::onError(QSerialPort::SerialPortError error)
{
    switch (error) {
        case QSerialPort::NoError:
        case QSerialPort::TimeoutError:
            return;
        case QSerialPort::ResourceError:
        case QSerialPort::DeviceNotFoundError:
        case QSerialPort::PermissionError:
        case QSerialPort::ReadError:
            if (port_.isOpen()) lost(port_.errorString());
            return;
        default:
            qCWarning(lcScanner) << "serial scanner error" << error << port_.errorString();
            return;
    }
}

void SerialScanner::lost(const QString& detail)
{
    // Queued: closing the port from inside its own error signal is not safe.
    QMetaObject::invokeMethod(
        this,
        [this, detail] {
            if (port_.isOpen()) port_.close();
            port_.clearError();
            splitter_.reset();
            qCWarning(lcScanner) << "serial scanner lost on" << config_.port;
            setHealth(DeviceState::Missing,
                      QStringLiteral("serial port %1 lost: %2").arg(config_.port, detail));
            if (running_ && !reopen_timer_.isActive()) reopen_timer_.start();
        },
        Qt::QueuedConnection);
}

}  // namespace mk::hw
