// Writing and reading files named by a person (an export target, an image to decode) without
// destroying or hanging on what is already there: the rules of issue 14 for every tool of ours.
//
// write():  a new regular file, mode 0600, written, fsync'd and its folder fsync'd; an existing
//           name is refused unless replace_existing is set, and even then only a regular file
//           (never a symlink, device, FIFO or folder) is replaced, atomically (temporary file in
//           the same folder + rename). A folder that must never be written (the store's) is
//           refused, whatever path leads there. A failed write or fsync is an error and leaves no
//           partial file behind.
// checkRegularFile(): Ok only for an existing regular file (a FIFO would block a reader
//           forever, a device could be endless).
#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace mk {

// strerror's text for an errno value, for messages (the one copy for kiosk_app).
QString errnoText(int error_number);

struct SafeWriteOptions {
    bool replace_existing = false;  // --force: replace an existing regular file
    QString forbidden_folder;       // e.g. the store's folder; empty: none
    // A file that other users read while it is replaced (node_exporter's textfile collector):
    // mode 0644, and always a temporary file in the same folder renamed over the name, new or not.
    bool shared_reader = false;
};

class SafeFile
{
    Q_DECLARE_TR_FUNCTIONS(mk::SafeFile)

public:
    static Status write(const QString& path, const QByteArray& data,
                        const SafeWriteOptions& options);
    static Status checkRegularFile(const QString& path);
    // mkdir -p where every folder made here is 0700 (a folder that existed keeps its mode, but
    // the last one, which holds our files, is made 0700 when we own it).
    static Status makePrivateFolder(const QString& folder);
    // fsync of a folder, so that a new or renamed entry in it survives a power cut. A file system
    // that cannot sync a folder (EINVAL) is not an error; anything else is, naming the folder.
    static Status syncFolder(const QString& folder);
    // The folder's canonical path (symlinks resolved); empty when it does not exist.
    static QString canonicalFolder(const QString& folder);
};

}  // namespace mk
