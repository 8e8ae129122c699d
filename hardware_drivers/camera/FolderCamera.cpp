#include "hw/camera/FolderCamera.h"

#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QPainter>

namespace mk::hw {

FolderCamera::FolderCamera(const FolderCameraConfig& config, const QString& device_id,
                           QObject* parent)
    : Camera(parent), config_(config)
{
    setObjectName(device_id);
    health_.device_id = device_id;
    health_.kind = QStringLiteral("camera");
    const double fps = config_.frames_per_second > 0.1 ? config_.frames_per_second : 0.1;
    timer_.setInterval(static_cast<int>(1000.0 / fps));
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &FolderCamera::tick);
}

void FolderCamera::setHealth(DeviceState state, const QString& detail)
{
    if (health_.state == state && health_.detail == detail) return;
    health_.state = state;
    health_.detail = detail;
    Q_EMIT healthChanged(health_);
}

bool FolderCamera::rescan()
{
    const QFileInfo info(config_.path);
    files_.clear();
    if (info.isFile()) {
        files_.append(info.absoluteFilePath());
    } else if (info.isDir()) {
        QStringList filters;
        const QList<QByteArray> formats = QImageReader::supportedImageFormats();
        for (const QByteArray& f : formats)
            filters.append(QStringLiteral("*.") + QString::fromLatin1(f));
        const QDir dir(info.absoluteFilePath());
        const QStringList names = dir.entryList(filters, QDir::Files, QDir::Name);
        for (const QString& name : names) files_.append(dir.absoluteFilePath(name));
    }
    next_ = 0;
    if (files_.isEmpty()) {
        setHealth(DeviceState::Missing, config_.path.isEmpty()
                                            ? QStringLiteral("no image folder configured")
                                            : QStringLiteral("no images at %1").arg(config_.path));
        return false;
    }
    setHealth(DeviceState::Ready, QStringLiteral("%1 image(s) from %2, %3 frames/s")
                                      .arg(files_.size())
                                      .arg(config_.path)
                                      .arg(config_.frames_per_second));
    return true;
}

bool FolderCamera::start()
{
    const bool ok = rescan();
    timer_.start();  // keeps polling while Missing, so the folder may appear later
    return ok;
}

void FolderCamera::stop()
{
    timer_.stop();
}

QImage FolderCamera::load(const QString& file) const
{
    QImageReader reader(file);
    reader.setAutoTransform(true);
    QImage image = reader.read();
    if (image.isNull() || !config_.frame_size.isValid()) return image;
    QImage frame(config_.frame_size, QImage::Format_Grayscale8);
    frame.fill(QColor(200, 200, 200));
    QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    if (grey.width() > frame.width() || grey.height() > frame.height())
        grey = grey.scaled(frame.size(), Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QPainter painter(&frame);
    painter.drawImage((frame.width() - grey.width()) / 2, (frame.height() - grey.height()) / 2,
                      grey);
    painter.end();
    return frame;
}

void FolderCamera::tick()
{
    if (next_ >= files_.size()) {
        if (!files_.isEmpty() && !config_.loop) {
            timer_.stop();
            Q_EMIT finished();
            return;
        }
        if (!rescan()) return;  // Missing; try again next tick
    }
    const QString file = files_.at(next_++);
    const QImage image = load(file);
    if (image.isNull()) {
        if (!QFileInfo::exists(file)) rescan();  // vanished
        return;
    }
    if (health_.state != DeviceState::Ready)
        setHealth(DeviceState::Ready, QStringLiteral("playing %1").arg(config_.path));
    ++emitted_;
    Q_EMIT imageFrame(image);
}

}  // namespace mk::hw
