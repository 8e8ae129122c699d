#include "hw/card/CardReaderConfig.h"

namespace mk::hw {

CardReaderConfig CardReaderConfig::fromSettings(QSettings& settings)
{
    CardReaderConfig c;
    settings.beginGroup(QStringLiteral("devices"));
    c.enabled = settings.value(QStringLiteral("card_reader"), QStringLiteral("none"))
                    .toString()
                    .trimmed()
                    .toLower() == QLatin1String("pcsc");
    c.reader_name = settings.value(QStringLiteral("card_reader_name")).toString().trimmed();
    settings.endGroup();
    return c;
}

}  // namespace mk::hw
