#include "hw/scanner/ScannerConfig.h"

#include "hw/common/DeviceSettings.h"

namespace mk::hw {

namespace {

// "\x02" and "\t" style escapes in INI text (QSettings keeps backslashes of unknown escapes).
QString unescape(const QString& text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'\\' && i + 1 < text.size()) {
            const QChar n = text.at(i + 1);
            if (n == u'x' && i + 3 < text.size()) {
                bool ok = false;
                const int code = text.mid(i + 2, 2).toInt(&ok, 16);
                if (ok) {
                    out += QChar(code);
                    i += 3;
                    continue;
                }
            } else if (n == u't' || n == u'r' || n == u'n') {
                out += n == u't' ? u'\t' : (n == u'r' ? u'\r' : u'\n');
                ++i;
                continue;
            }
        }
        out += text.at(i);
    }
    return out;
}

}  // namespace

ScannerConfig ScannerConfig::fromSettings(QSettings& settings)
{
    ScannerConfig c;
    settings.beginGroup(QStringLiteral("devices"));
    DeviceSettings values(settings, c.problems);
    const QStringList backends = settings.value(QStringLiteral("scanners"), QStringLiteral("wedge"))
                                     .toStringList()
                                     .join(u',')
                                     .split(u',', Qt::SkipEmptyParts);
    for (const QString& raw : backends) {
        const QString b = raw.trimmed().toLower();
        if (b == QLatin1String("wedge"))
            c.wedge = true;
        else if (b == QLatin1String("serial"))
            c.serial = true;
        else if (b == QLatin1String("camera"))
            c.camera = true;
        else if (b != QLatin1String("none") && !b.isEmpty()) {
            c.unknown_backends.append(b);
            values.unknown(QStringLiteral("scanners"), b,
                           QStringLiteral("none, wedge, serial, camera"));
        }
    }
    c.serial_config.port = settings.value(QStringLiteral("scanner_port")).toString().trimmed();
    c.serial_config.baud_rate = values.integer(QStringLiteral("scanner_baud"), 9600, 1200, 921600);
    const QString term =
        settings.value(QStringLiteral("scanner_terminator"), QStringLiteral("crlf"))
            .toString()
            .trimmed()
            .toLower();
    if (term == QLatin1String("cr"))
        c.serial_config.terminators = QByteArrayLiteral("\r");
    else if (term == QLatin1String("lf"))
        c.serial_config.terminators = QByteArrayLiteral("\n");
    else if (term == QLatin1String("etx"))
        c.serial_config.terminators = QByteArray("\x03", 1);
    else {
        if (term != QLatin1String("crlf"))
            values.unknown(QStringLiteral("scanner_terminator"), term,
                           QStringLiteral("crlf, cr, lf, etx"));
        c.serial_config.terminators = QByteArrayLiteral("\r\n");
    }
    c.serial_config.max_line_bytes =
        values.integer(QStringLiteral("scanner_max_line_bytes"), 1024, 16, 65536);
    c.serial_config.reopen_interval_ms =
        values.integer(QStringLiteral("scanner_reopen_ms"), 1000, 100, 60000);
    c.wedge_config.max_gap_ms = values.integer(QStringLiteral("wedge_max_gap_ms"), 40, 5, 200);
    c.wedge_config.min_length = values.integer(QStringLiteral("wedge_min_length"), 4, 1, 512);
    c.wedge_config.prefix = unescape(settings.value(QStringLiteral("wedge_prefix")).toString());
    const QString suffix =
        settings.value(QStringLiteral("wedge_suffix"), QStringLiteral("enter")).toString();
    if (suffix.compare(QLatin1String("enter"), Qt::CaseInsensitive) == 0)
        c.wedge_config.suffix = QStringLiteral("\r");
    else if (suffix.compare(QLatin1String("tab"), Qt::CaseInsensitive) == 0)
        c.wedge_config.suffix = QStringLiteral("\t");
    else if (suffix.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0 || suffix.isEmpty())
        c.wedge_config.suffix.clear();
    else
        c.wedge_config.suffix = unescape(suffix);
    c.debounce_ms = values.integer(QStringLiteral("qr_debounce_ms"), 3000, 0, 600000);
    settings.endGroup();
    return c;
}

QString ScannerConfig::describe() const
{
    QStringList parts;
    if (wedge)
        parts.append(QStringLiteral("wedge (gap %1 ms, min %2)")
                         .arg(wedge_config.max_gap_ms)
                         .arg(wedge_config.min_length));
    if (serial)
        parts.append(
            QStringLiteral("serial %1 %2").arg(serial_config.port).arg(serial_config.baud_rate));
    if (camera) parts.append(QStringLiteral("camera (debounce %1 ms)").arg(debounce_ms));
    for (const QString& u : unknown_backends) parts.append(QStringLiteral("unknown \"%1\"").arg(u));
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
}

}  // namespace mk::hw
