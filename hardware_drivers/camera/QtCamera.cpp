#include "hw/camera/QtCamera.h"

#include <QCameraDevice>
#include <QCameraFormat>

#include <cstdlib>

namespace mk::hw {

QtCamera::QtCamera(const QtCameraConfig& config, const QString& device_id, QObject* parent)
    : Camera(parent), config_(config)
{
    setObjectName(device_id);
    health_.device_id = device_id;
    health_.kind = QStringLiteral("camera");
    session_.setVideoSink(&sink_);
    connect(&sink_, &QVideoSink::videoFrameChanged, this, &Camera::videoFrame);
    connect(&devices_, &QMediaDevices::videoInputsChanged, this, &QtCamera::onInputsChanged);
}

QtCamera::~QtCamera()
{
    close();
}

void QtCamera::setHealth(DeviceState state, const QString& detail)
{
    if (health_.state == state && health_.detail == detail) return;
    health_.state = state;
    health_.detail = detail;
    Q_EMIT healthChanged(health_);
}

QStringList QtCamera::availableCameras()
{
    QStringList result;
    const QList<QCameraDevice> inputs = QMediaDevices::videoInputs();
    for (const QCameraDevice& d : inputs)
        result.append(QString::fromUtf8(d.id()) + QStringLiteral(": ") + d.description());
    return result;
}

bool QtCamera::isActive() const
{
    return camera_ != nullptr && camera_->isActive();
}

bool QtCamera::start()
{
    wanted_ = true;
    return open();
}

void QtCamera::stop()
{
    wanted_ = false;
    close();
    setHealth(DeviceState::Unset, QStringLiteral("stopped"));
}

void QtCamera::close()
{
    if (camera_ != nullptr) {
        camera_->stop();
        session_.setCamera(nullptr);
        camera_.reset();
    }
}

bool QtCamera::open()
{
    close();
    const QList<QCameraDevice> inputs = QMediaDevices::videoInputs();
    if (inputs.isEmpty()) {
        setHealth(DeviceState::Missing,
                  QStringLiteral("no camera found (Qt Multimedia lists no video input)"));
        return false;
    }
    QCameraDevice chosen;
    if (config_.device.isEmpty()) {
        chosen = QMediaDevices::defaultVideoInput();
        if (chosen.isNull()) chosen = inputs.constFirst();
    } else {
        for (const QCameraDevice& d : inputs) {
            if (QString::fromUtf8(d.id()) == config_.device ||
                d.description().contains(config_.device, Qt::CaseInsensitive)) {
                chosen = d;
                break;
            }
        }
    }
    if (chosen.isNull()) {
        setHealth(DeviceState::Missing,
                  QStringLiteral("camera \"%1\" not found (%2 other camera(s) present)")
                      .arg(config_.device)
                      .arg(inputs.size()));
        return false;
    }
    camera_ = std::make_unique<QCamera>(chosen);
    // The supported format nearest to the preferred resolution.
    QCameraFormat best;
    qint64 best_diff = -1;
    const QList<QCameraFormat> formats = chosen.videoFormats();
    for (const QCameraFormat& f : formats) {
        const qint64 diff = std::llabs(
            static_cast<qint64>(f.resolution().width()) * f.resolution().height() -
            static_cast<qint64>(config_.resolution.width()) * config_.resolution.height());
        if (best_diff < 0 || diff < best_diff) {
            best = f;
            best_diff = diff;
        }
    }
    if (!best.isNull()) camera_->setCameraFormat(best);
    connect(camera_.get(), &QCamera::errorOccurred, this,
            [this](QCamera::Error error, const QString& text) {
                if (error == QCamera::NoError) return;
                setHealth(DeviceState::Missing, QStringLiteral("camera error: %1").arg(text));
            });
    connect(camera_.get(), &QCamera::activeChanged, this, [this](bool active) {
        if (active) setHealth(DeviceState::Ready, QStringLiteral("camera active"));
    });
    session_.setCamera(camera_.get());
    camera_->start();
    setHealth(DeviceState::Ready, QStringLiteral("camera %1 (%2x%3)")
                                      .arg(chosen.description())
                                      .arg(best.isNull() ? 0 : best.resolution().width())
                                      .arg(best.isNull() ? 0 : best.resolution().height()));
    return true;
}

void QtCamera::onInputsChanged()
{
    if (!wanted_) return;
    // Hot-plug: the camera went away or came back; reopen (or report Missing).
    const QList<QCameraDevice> inputs = QMediaDevices::videoInputs();
    const bool ours_present = camera_ != nullptr && inputs.contains(camera_->cameraDevice());
    if (!ours_present) open();
}

}  // namespace mk::hw
