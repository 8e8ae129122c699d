// File helpers for the suites that run medkioskctl against a store file and check what it did to
// the files around it (tst_datasafety, tst_storerekey): a process's outcome, a file's SHA-256 and
// mode, and a private file written in one go.
#pragma once

#include <QCryptographicHash>
#include <QFile>
#include <QString>
#include <QTest>

#include <sys/stat.h>

namespace mk::test {

struct Run {
    bool finished = false;
    int exit_code = -1;
    QString out;
    QString err;
};

// Empty when the file cannot be read.
inline QByteArray sha256(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// The permission bits, -1 when the file does not exist.
inline int modeOf(const QString& path)
{
    struct stat st {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) return -1;
    return int(st.st_mode & 07777);
}

// Writes bytes to path, mode 0600 (a test failure when it cannot).
inline void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QCOMPARE(f.write(bytes), bytes.size());
}

}  // namespace mk::test
