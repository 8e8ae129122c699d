#include "hw/scanner/WedgeScannerFilter.h"

#include <QKeyEvent>

namespace mk::hw {

WedgeScannerFilter::WedgeScannerFilter(QObject* target, const WedgeConfig& config,
                                       const QString& device_id, QObject* parent)
    : QrScanner(parent), target_(target), decoder_(config)
{
    setObjectName(device_id);
    clock_.start();
    gap_timer_.setSingleShot(true);
    connect(&gap_timer_, &QTimer::timeout, this, &WedgeScannerFilter::onGapTimeout);
}

WedgeScannerFilter::~WedgeScannerFilter()
{
    WedgeScannerFilter::stop();  // no virtual dispatch in a destructor: say which one runs
}

bool WedgeScannerFilter::start()
{
    if (target_.isNull()) return false;
    if (!installed_) {
        target_->installEventFilter(this);
        installed_ = true;
        Q_EMIT healthChanged(health());
    }
    return true;
}

void WedgeScannerFilter::stop()
{
    if (installed_ && !target_.isNull()) target_->removeEventFilter(this);
    installed_ = false;
    gap_timer_.stop();
    decoder_.reset();
}

DeviceHealth WedgeScannerFilter::health() const
{
    DeviceHealth h;
    h.device_id = objectName();
    h.kind = QStringLiteral("scanner");
    if (target_.isNull()) {
        h.state = DeviceState::Missing;
        h.detail = QStringLiteral("keyboard wedge: no window to watch");
    } else {
        h.state = installed_ ? DeviceState::Ready : DeviceState::Unset;
        h.detail = QStringLiteral("keyboard wedge (presence cannot be detected)");
    }
    return h;
}

qint64 WedgeScannerFilter::nowMs() const
{
    return clock_.elapsed();
}

bool WedgeScannerFilter::feedKey(const QString& key_text, qint64 timestamp_ms)
{
    const std::optional<QString> scan = decoder_.feed(key_text, timestamp_ms);
    if (decoder_.pending() && decoder_.config().suffix.isEmpty())
        gap_timer_.start(decoder_.config().max_gap_ms + 5);
    else
        gap_timer_.stop();
    if (scan) {
        Q_EMIT scanned(*scan);
        return !decoder_.pending();  // completed by this key (a suffix), not by the gap before it
    }
    return false;
}

void WedgeScannerFilter::onGapTimeout()
{
    // The timer may fire a little early or late; flush with the time the gap surely has passed.
    const std::optional<QString> scan = decoder_.flush(nowMs() + decoder_.config().max_gap_ms + 1);
    if (scan) Q_EMIT scanned(*scan);
}

bool WedgeScannerFilter::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        QString text = key->text();
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            text = QStringLiteral("\r");
        else if (key->key() == Qt::Key_Tab)
            text = QStringLiteral("\t");
        // Time of delivery on one monotonic clock (the gap timer uses the same clock; platform
        // timestamps are missing on synthetic events and differ between platforms).
        const qint64 t_ms = nowMs();
        if (feedKey(text, t_ms) && !decoder_.config().suffix.isEmpty())
            return true;  // eat the suffix key that completed a scan
    }
    return QrScanner::eventFilter(watched, event);
}

}  // namespace mk::hw
