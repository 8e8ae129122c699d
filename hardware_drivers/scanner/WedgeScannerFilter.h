// Keyboard-wedge QR scanner: an event filter on a QWindow (or the application object) that picks
// scanner bursts out of the key events with WedgeBurstDecoder and emits scanned(). Core/Gui only.
//
// Key events are observed, not eaten, except the suffix key (e.g. Enter) that completes a scan,
// so that a scan does not also "press" the focused button. Health is always Ready: a USB
// keyboard cannot be told apart from a scanner until it scans.
#pragma once

#include "hw/scanner/QrScanner.h"
#include "hw/scanner/WedgeBurstDecoder.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

namespace mk::hw {

class WedgeScannerFilter : public QrScanner
{
    Q_OBJECT
public:
    // target: the QWindow (or QCoreApplication) whose key events are watched; not owned.
    explicit WedgeScannerFilter(QObject* target, const WedgeConfig& config = {},
                                const QString& device_id = QStringLiteral("scanner-wedge"),
                                QObject* parent = nullptr);
    ~WedgeScannerFilter() override;

    bool start() override;
    void stop() override;
    DeviceHealth health() const override;

    // Feeds one key directly (what eventFilter does for a QKeyEvent); for tests and for platforms
    // that deliver scanner input another way. Returns true when the key completed a scan.
    bool feedKey(const QString& key_text, qint64 timestamp_ms);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onGapTimeout();
    qint64 nowMs() const;

    QPointer<QObject> target_;
    WedgeBurstDecoder decoder_;
    QTimer gap_timer_;
    QElapsedTimer clock_;
    bool installed_ = false;
};

}  // namespace mk::hw
