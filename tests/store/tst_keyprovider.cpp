// The store key: created once with mode 0600, the same key afterwards, unsafe key files refused
// with a message that says how to fix them, the systemd credential first, and never in a log.

#include "TestSkip.h"
#include "core/store/KeyProvider.h"
#include "core/store/Store.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using mk::ErrorCode;
using mk::store::KeyProvider;
using mk::store::SecureKey;

namespace {

QByteArray rawKey(char fill)
{
    QByteArray raw(SecureKey::kSizeBytes, fill);
    for (int i = 0; i < raw.size(); ++i) raw[i] = char(raw[i] * 3 + i);
    return raw;
}

bool writeFile(const QString& path, const QByteArray& bytes, mode_t mode)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
    if (f.write(bytes) != bytes.size()) return false;
    f.close();
    return ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

mode_t modeOf(const QString& path)
{
    struct stat st {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) return 0;
    return st.st_mode & 07777;
}

QMutex g_log_mutex;
QString g_log;

void captureMessages(QtMsgType, const QMessageLogContext& context, const QString& message)
{
    QMutexLocker lock(&g_log_mutex);
    g_log += QLatin1String(context.category ? context.category : "") + u": "_qs + message + u'\n';
}

}  // namespace

class TestKeyProvider : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createsKeyFileOnFirstStart();
    void everyFolderMadeForTheKeyIsPrivate();
    void refusesUnsafeKeyFile_data();
    void refusesUnsafeKeyFile();
    void acceptsKeyFile_data();
    void acceptsKeyFile();
    void credentialTakesPrecedence_data();
    void credentialTakesPrecedence();
    void keyNeverAppearsInLogs();
};

void TestKeyProvider::createsKeyFileOnFirstStart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"state/store.key"_qs);
    KeyProvider::Source source{};
    auto first = KeyProvider::load(path, QString(), &source);
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().detail));
    QCOMPARE(source, KeyProvider::Source::CreatedKeyFile);
    QVERIFY(first.value().isValid());
    QCOMPARE(modeOf(path), mode_t(0600));
    QCOMPARE(modeOf(dir.filePath(u"state"_qs)), mode_t(0700));  // the folder made for it
    QCOMPARE(QFileInfo(path).size(), qint64(SecureKey::kSizeBytes));
    QVERIFY(first.value().bytes() != QByteArray(SecureKey::kSizeBytes, '\0'));

    auto second = KeyProvider::load(path, QString(), &source);
    QVERIFY(second.ok());
    QCOMPARE(source, KeyProvider::Source::KeyFile);
    QCOMPARE(second.value().bytes(), first.value().bytes());

    // Another kiosk gets another key.
    auto other = KeyProvider::load(dir.filePath(u"other.key"_qs), QString(), nullptr);
    QVERIFY(other.ok());
    QVERIFY(other.value().bytes() != first.value().bytes());
    QCOMPARE(KeyProvider::defaultKeyFile(u"/var/lib/medkiosk/store.db"_qs),
             u"/var/lib/medkiosk/store.key"_qs);
}

// Every folder made for a key file is 0700 whatever the umask (SafeFile::makePrivateFolder), not
// only the last one; an existing key folder of ours that others could read is made private.
void TestKeyProvider::everyFolderMadeForTheKeyIsPrivate()
{
    QTemporaryDir dir;
    const mode_t old_umask = ::umask(022);
    const QString path = dir.filePath(u"var/lib/medkiosk/store.key"_qs);
    auto created = KeyProvider::load(path, QString(), nullptr);
    ::umask(old_umask);
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().detail));
    QCOMPARE(modeOf(path), mode_t(0600));
    QCOMPARE(modeOf(dir.filePath(u"var/lib/medkiosk"_qs)), mode_t(0700));
    QCOMPARE(modeOf(dir.filePath(u"var/lib"_qs)), mode_t(0700));
    QCOMPARE(modeOf(dir.filePath(u"var"_qs)), mode_t(0700));

    const QString open_folder = dir.filePath(u"shared"_qs);
    QVERIFY(QDir().mkpath(open_folder));
    QVERIFY(::chmod(QFile::encodeName(open_folder).constData(), 0755) == 0);
    QVERIFY(KeyProvider::load(open_folder + u"/store.key"_qs, QString(), nullptr).ok());
    QCOMPARE(modeOf(open_folder), mode_t(0700));
}

void TestKeyProvider::refusesUnsafeKeyFile_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("expected");  // a part of the detail

    const QByteArray good = rawKey('k');
    QTest::newRow("mode 0644") << u"file"_qs << good << 0644 << u"chmod 600"_qs;
    QTest::newRow("mode 0640") << u"file"_qs << good << 0640 << u"chmod 600"_qs;
    QTest::newRow("mode 0604") << u"file"_qs << good << 0604 << u"0604"_qs;
    QTest::newRow("mode 0660") << u"file"_qs << good << 0660 << u"0660"_qs;
    QTest::newRow("31 bytes") << u"file"_qs << good.left(31) << 0600 << u"wrong size"_qs;
    QTest::newRow("33 bytes") << u"file"_qs << good + 'x' << 0600 << u"wrong size"_qs;
    QTest::newRow("empty") << u"file"_qs << QByteArray() << 0600 << u"wrong size"_qs;
    QTest::newRow("64 chars, not hex")
        << u"file"_qs << QByteArray(64, 'z') << 0600 << u"wrong size"_qs;
    QTest::newRow("63 hex chars") << u"file"_qs << good.toHex().left(63) << 0600
                                  << u"wrong size"_qs;
    QTest::newRow("huge file") << u"file"_qs << QByteArray(4096, 'a') << 0600 << u"4096 bytes"_qs;
    QTest::newRow("owned by another user") << u"foreign"_qs << good << 0600 << u"chown"_qs;
    QTest::newRow("symbolic link") << u"symlink"_qs << good << 0600 << u"symbolic link"_qs;
    QTest::newRow("directory") << u"directory"_qs << QByteArray() << 0700
                               << u"not a regular file"_qs;
}

void TestKeyProvider::refusesUnsafeKeyFile()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, content);
    QFETCH(int, mode);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"store.key"_qs);
    if (kind == u"directory") {
        QVERIFY(QDir().mkpath(path));
    } else if (kind == u"symlink") {
        const QString target = dir.filePath(u"real.key"_qs);
        QVERIFY(writeFile(target, content, mode_t(mode)));
        QVERIFY(QFile::link(target, path));
    } else {
        QVERIFY(writeFile(path, content, mode_t(mode)));
    }
    if (kind == u"foreign") {
        if (::geteuid() != 0) MK_SKIP_OR_FAIL_IN_CI("changing a file's owner needs root");
        QVERIFY(::chown(QFile::encodeName(path).constData(), 65534, 65534) == 0);
    }
    const QByteArray before = kind == u"file" ? content : QByteArray();
    auto key = KeyProvider::load(path, QString(), nullptr);
    QVERIFY2(!key.ok(), "an unsafe key file was accepted");
    QCOMPARE(key.error().code, ErrorCode::Storage);
    QVERIFY2(key.error().detail.contains(expected), qPrintable(key.error().detail));
    QVERIFY2(key.error().detail.contains(path) || kind == u"symlink",
             qPrintable(key.error().detail));
    if (kind == u"file") {
        // Refused, not replaced.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
    }
}

void TestKeyProvider::acceptsKeyFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("mode");
    const QByteArray raw = rawKey('m');
    QTest::newRow("32 raw bytes, 0600") << raw << 0600;
    QTest::newRow("32 raw bytes, 0400") << raw << 0400;
    QTest::newRow("64 hex chars") << raw.toHex() << 0600;
    QTest::newRow("64 upper-case hex chars and a newline") << raw.toHex().toUpper() + '\n' << 0600;
}

void TestKeyProvider::acceptsKeyFile()
{
    QFETCH(QByteArray, content);
    QFETCH(int, mode);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"store.key"_qs);
    QVERIFY(writeFile(path, content, mode_t(mode)));
    auto key = KeyProvider::load(path, QString(), nullptr);
    QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().detail));
    QCOMPARE(key.value().bytes(), rawKey('m'));
}

void TestKeyProvider::credentialTakesPrecedence_data()
{
    QTest::addColumn<QByteArray>("credential");
    QTest::addColumn<bool>("through_environment");
    QTest::newRow("raw credential") << rawKey('c') << false;
    QTest::newRow("hex credential") << rawKey('c').toHex() + '\n' << false;
    QTest::newRow("raw credential, $CREDENTIALS_DIRECTORY") << rawKey('c') << true;
}

void TestKeyProvider::credentialTakesPrecedence()
{
    QFETCH(QByteArray, credential);
    QFETCH(bool, through_environment);
    QTemporaryDir dir;
    const QString key_file = dir.filePath(u"store.key"_qs);
    QVERIFY(writeFile(key_file, rawKey('f'), 0600));
    const QString credentials = dir.filePath(u"credentials"_qs);
    QVERIFY(QDir().mkpath(credentials));
    // systemd makes credentials read-only; the mode is not ours to police.
    QVERIFY(writeFile(credentials + u"/medkiosk-store-key"_qs, credential, 0440));

    KeyProvider::Source source{};
    mk::Result<SecureKey> key = mk::makeError(ErrorCode::Unset, QString());
    if (through_environment) {
        qputenv("CREDENTIALS_DIRECTORY", QFile::encodeName(credentials));
        key = KeyProvider::load(key_file, &source);
        qunsetenv("CREDENTIALS_DIRECTORY");
    } else {
        key = KeyProvider::load(key_file, credentials, &source);
    }
    QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().detail));
    QCOMPARE(source, KeyProvider::Source::Credential);
    QCOMPARE(key.value().bytes(), rawKey('c'));

    // Without the credential in the folder, the key file is used.
    QVERIFY(QFile::remove(credentials + u"/medkiosk-store-key"_qs));
    auto fallback = KeyProvider::load(key_file, credentials, &source);
    QVERIFY(fallback.ok());
    QCOMPARE(source, KeyProvider::Source::KeyFile);
    QCOMPARE(fallback.value().bytes(), rawKey('f'));
}

void TestKeyProvider::keyNeverAppearsInLogs()
{
    QLoggingCategory::setFilterRules(u"*.debug=true\n*.info=true"_qs);
    {
        QMutexLocker lock(&g_log_mutex);
        g_log.clear();
    }
    const QtMessageHandler previous = qInstallMessageHandler(captureMessages);

    QTemporaryDir dir;
    const QString key_file = dir.filePath(u"store.key"_qs);
    auto created = KeyProvider::load(key_file, QString(), nullptr);
    auto loaded = KeyProvider::load(key_file, QString(), nullptr);
    const QString credentials = dir.filePath(u"credentials"_qs);
    QDir().mkpath(credentials);
    writeFile(credentials + u"/medkiosk-store-key"_qs, rawKey('q').toHex(), 0400);
    auto from_credential = KeyProvider::load(key_file, credentials, nullptr);
    // The key in use: store opened, reopened with a wrong key, bad key files refused.
    const QString db = dir.filePath(u"store.db"_qs);
    bool opened = false;
    if (created.ok()) {
        auto store = mk::store::Store::open(db, created.value());
        opened = store.ok();
    }
    auto wrong =
        mk::store::Store::open(db, from_credential.ok() ? from_credential.value() : SecureKey());
    writeFile(key_file, created.ok() ? created.value().bytes() : QByteArray(), 0644);
    auto refused = KeyProvider::load(key_file, QString(), nullptr);

    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());

    QVERIFY(created.ok() && loaded.ok() && from_credential.ok() && opened);
    QVERIFY(!wrong.ok() && !refused.ok());
    QString log;
    {
        QMutexLocker lock(&g_log_mutex);
        log = g_log;
    }
    QVERIFY2(log.contains(u"medkiosk.store"_qs), "nothing was logged: the check proves nothing");
    const QList<QByteArray> keys{created.value().bytes(), from_credential.value().bytes()};
    QStringList errors{wrong.error().detail, refused.error().detail};
    for (const QByteArray& key : keys) {
        for (const QString& form :
             {QString::fromLatin1(key.toHex()), QString::fromLatin1(key.toHex().toUpper()),
              QString::fromLatin1(key.toBase64()), QString::fromLatin1(key.toHex().left(16))}) {
            QVERIFY2(!log.contains(form, Qt::CaseInsensitive), "the key appears in the log");
            for (const QString& e : errors)
                QVERIFY2(!e.contains(form, Qt::CaseInsensitive), "the key appears in an error");
        }
        QVERIFY2(!log.toLatin1().contains(key), "raw key bytes appear in the log");
    }
}

QTEST_GUILESS_MAIN(TestKeyProvider)
#include "tst_keyprovider.moc"
