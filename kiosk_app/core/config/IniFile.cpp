#include "core/config/IniFile.h"

#include "core/common/SafeFile.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

namespace mk::config {

namespace {
const QString kSystemConfig = QStringLiteral("/etc/medkiosk/kiosk.ini");

bool isIniLine(QStringView line)
{
    const QStringView t = line.trimmed();
    if (t.isEmpty() || t.startsWith(u';') || t.startsWith(u'#')) return true;
    if (t.startsWith(u'[')) return t.endsWith(u']') && t.size() > 2;
    const qsizetype eq = t.indexOf(u'=');
    if (eq <= 0) return false;
    const QStringView key = t.first(eq).trimmed();
    if (key.isEmpty()) return false;
    for (const QChar c : key) {
        if (c.isSpace() || !c.isPrint()) return false;
    }
    return true;
}
}  // namespace

QString IniFile::resolve(const QString& named)
{
    if (!named.isEmpty()) return named;
    QString env = qEnvironmentVariable("MEDKIOSK_CONFIG");
    if (!env.isEmpty()) return env;
    return QFileInfo::exists(kSystemConfig) ? kSystemConfig : QString();
}

Status IniFile::check(const QString& path)
{
    if (path.isEmpty()) return Ok{};
    if (!QFileInfo::exists(path)) {
        return makeError(ErrorCode::Config,
                         tr("the configuration file %1 does not exist").arg(path));
    }
    if (Status regular = SafeFile::checkRegularFile(path); !regular) {
        return makeError(
            ErrorCode::Config,
            tr("the configuration file %1 cannot be used: %2").arg(path, regular.error().detail));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(
            ErrorCode::Config,
            tr("cannot read the configuration file %1: %2").arg(path, file.errorString()));
    }
    if (file.size() > kMaxBytes) {
        return makeError(ErrorCode::Config,
                         tr("the configuration file %1 is larger than %2 bytes: not a "
                            "configuration file")
                             .arg(path)
                             .arg(kMaxBytes));
    }
    const QByteArray bytes = file.readAll();
    if (bytes.contains('\0')) {
        return makeError(ErrorCode::Config,
                         tr("the configuration file %1 is not a text file (it holds binary "
                            "data)")
                             .arg(path));
    }
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8.decode(bytes);
    if (utf8.hasError()) {
        return makeError(ErrorCode::Config,
                         tr("the configuration file %1 is not UTF-8 text").arg(path));
    }
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!isIniLine(lines.at(i))) {
            return makeError(ErrorCode::Config,
                             tr("the configuration file %1 is not an INI file: line %2 is neither "
                                "a [section], a key = value line nor a comment")
                                 .arg(path)
                                 .arg(i + 1));
        }
    }
    return Ok{};
}

}  // namespace mk::config
