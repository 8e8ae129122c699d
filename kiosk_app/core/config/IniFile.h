// Which configuration file a program reads, and whether it is an INI file at all. QSettings
// accepts anything (5 KB of random bytes come back as a few "keys"), so a file named by a person
// is checked here first: it must exist, be a readable regular file, be UTF-8 text, and every line
// must be blank, a comment (; or #), a [section] or a key = value line.
#pragma once

#include "core/common/Result.h"

#include <QCoreApplication>
#include <QString>

namespace mk::config {

class IniFile
{
    Q_DECLARE_TR_FUNCTIONS(mk::config::IniFile)

public:
    static constexpr qint64 kMaxBytes = 1024 * 1024;

    // named (--config) when given, else $MEDKIOSK_CONFIG when set, else /etc/medkiosk/kiosk.ini
    // when it exists, else empty (built-in defaults). A named path is returned even when it
    // does not exist: check() then refuses it.
    static QString resolve(const QString& named);
    // Ok for an empty path (no file: the defaults) and for a well-formed INI file; otherwise
    // one sentence saying what is wrong (missing, unreadable, not text, line N not INI).
    static Status check(const QString& path);
};

}  // namespace mk::config
