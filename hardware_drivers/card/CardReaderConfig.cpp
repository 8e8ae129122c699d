#include "hw/card/CardReaderConfig.h"

#include "hw/common/DeviceSettings.h"

namespace mk::hw {

CardReaderConfig CardReaderConfig::fromSettings(QSettings& settings)
{
    CardReaderConfig c;
    settings.beginGroup(QStringLiteral("devices"));
    DeviceSettings values(settings, c.problems);
    const QString backend = settings.value(QStringLiteral("card_reader"), QStringLiteral("none"))
                                .toString()
                                .trimmed()
                                .toLower();
    c.enabled = backend == QLatin1String("pcsc");
    if (!c.enabled && backend != QLatin1String("none") && !backend.isEmpty())
        values.unknown(QStringLiteral("card_reader"), backend, QStringLiteral("pcsc, none"));
    c.reader_name = settings.value(QStringLiteral("card_reader_name")).toString().trimmed();
    settings.endGroup();
    return c;
}

}  // namespace mk::hw
