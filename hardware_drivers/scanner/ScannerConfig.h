// QR scanner configuration from the kiosk INI, section [devices] (see docs/devices.md):
//   scanners            = wedge, camera      (any of none | wedge | serial | camera, comma list)
//   scanner_port        = /dev/ttyACM0       (serial: device path or a /dev/serial/by-id link)
//   scanner_baud        = 9600               (serial, 1200-921600)
//   scanner_terminator  = crlf               (serial: crlf = CR or LF | cr | lf | etx)
//   scanner_max_line_bytes = 1024            (serial, 16-65536)
//   scanner_reopen_ms   = 1000               (serial hot-plug retry, 100-60000)
//   wedge_max_gap_ms    = 40                 (wedge: slowest gap inside a burst, 5-200)
//   wedge_min_length    = 4                  (wedge: shortest code, 1-512)
//   wedge_prefix        =                    (wedge: e.g. \x02; empty = none)
//   wedge_suffix        = enter              (wedge: enter | tab | none | literal text)
//   qr_debounce_ms      = 3000               (camera: same code ignored while seen, 0-600000)
#pragma once

#include "hw/scanner/SerialScanner.h"
#include "hw/scanner/WedgeBurstDecoder.h"

#include <QSettings>
#include <QStringList>

namespace mk::hw {

struct ScannerConfig {
    bool wedge = false;
    bool serial = false;
    bool camera = false;
    QStringList unknown_backends;  // names in "scanners" that mean nothing (reported as Degraded)
    SerialScannerConfig serial_config;
    WedgeConfig wedge_config;
    int debounce_ms = 3000;
    // Bad values read by fromSettings, each naming its key (hw/common/DeviceSettings.h).
    QStringList problems;

    // Reads the scanner_*, wedge_* and qr_* keys of [devices]. Default: a keyboard wedge. A
    // value that is not a number keeps the default, one out of range is clamped; both go to
    // problems, as do unknown_backends and an unknown scanner_terminator.
    static ScannerConfig fromSettings(QSettings& settings);
    // "wedge, serial /dev/ttyACM0 9600": for staff and medkioskctl.
    QString describe() const;
};

}  // namespace mk::hw
