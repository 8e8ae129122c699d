// An empty configuration file in `folder`: every value at its default. Tests that want the
// defaults pass it with --config, because a --config naming a missing file is refused (issue 14).
#pragma once

#include <QFile>
#include <QString>

namespace mk::test {

inline QString emptyConfig(const QString& folder)
{
    const QString path = folder + QStringLiteral("/defaults.ini");
    QFile file(path);
    if (file.open(QIODevice::WriteOnly)) file.close();
    return path;
}

}  // namespace mk::test
