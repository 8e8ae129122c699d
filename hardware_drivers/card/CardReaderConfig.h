// Card reader configuration from the kiosk INI, section [devices] (see docs/devices.md):
//   card_reader = pcsc | none        (default none)
//   card_reader_name = Virtual PCD    (part of the PC/SC reader name; empty = the first reader)
#pragma once

#include <QSettings>
#include <QString>
#include <QStringList>

namespace mk::hw {

struct CardReaderConfig {
    QString device_id = QStringLiteral("card");
    bool enabled = false;
    QString reader_name;
    int wait_step_ms = 500;  // longest PC/SC wait before the worker checks for stop
    // Bad values read by fromSettings, each naming its key (hw/common/DeviceSettings.h).
    QStringList problems;

    static CardReaderConfig fromSettings(QSettings& settings);
};

}  // namespace mk::hw
