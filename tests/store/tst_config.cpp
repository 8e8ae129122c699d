// Kiosk configuration: defaults without a file, every key read, bad values refused with a detail
// naming the key, plain http only to this machine.

#include "core/config/KioskConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using mk::ErrorCode;
using mk::config::KioskConfig;

namespace {

bool writeIni(const QString& path, const QByteArray& text)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
    return f.write(text) == text.size();
}

}  // namespace

class TestConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsWhenFileMissing();
    void defaultStorePathFollowsStateDirectory();
    void everyKeyIsRead();
    void badValuesAreRefused_data();
    void badValuesAreRefused();
    void poolUrl_data();
    void poolUrl();
    void shippedExampleLoads();
    void unknownKeysWarnedOnlyInOwnGroups();
};

void TestConfig::defaultsWhenFileMissing()
{
    qunsetenv("STATE_DIRECTORY");
    QTemporaryDir dir;
    // A file named and missing is an error (issue 14); no file named at all gives the defaults.
    auto named = KioskConfig::load(dir.filePath(u"missing.ini"_qs));
    QVERIFY(!named.ok());
    QVERIFY2(named.error().detail.contains(u"does not exist"_qs), qPrintable(named.error().detail));
    auto config = KioskConfig::load(QString());
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().detail));
    const KioskConfig& c = config.value();
    const KioskConfig defaults;
    QCOMPARE(c.kiosk_id, defaults.kiosk_id);
    QCOMPARE(c.idle_timeout_s, 60);
    QCOMPARE(c.slot_refresh_s, 30);
    QCOMPARE(c.default_language, u"zh_CN"_qs);
    QCOMPARE(c.store_path, QDir::homePath() + u"/.local/share/medkiosk/store.db"_qs);
    QCOMPARE(c.key_file, QDir::homePath() + u"/.local/share/medkiosk/store.key"_qs);
    QCOMPARE(c.pool.connect_timeout_ms, 3000);
    QCOMPARE(c.pool.timezone, u"Asia/Shanghai"_qs);
    QCOMPARE(c.rules.max_days_ahead, 7);
}

void TestConfig::defaultStorePathFollowsStateDirectory()
{
    qputenv("STATE_DIRECTORY", "/var/lib/medkiosk:/var/lib/other");
    QCOMPARE(KioskConfig::defaultStorePath(), u"/var/lib/medkiosk/store.db"_qs);
    auto config = KioskConfig::load(QString());
    qunsetenv("STATE_DIRECTORY");
    QVERIFY(config.ok());
    QCOMPARE(config.value().store_path, u"/var/lib/medkiosk/store.db"_qs);
    QCOMPARE(config.value().key_file, u"/var/lib/medkiosk/store.key"_qs);

    qputenv("MEDKIOSK_CONFIG", "/tmp/x/kiosk.ini");
    QCOMPARE(KioskConfig::defaultPath(), u"/tmp/x/kiosk.ini"_qs);
    qunsetenv("MEDKIOSK_CONFIG");
    // The system file when it exists, else nothing (the built-in defaults).
    QCOMPARE(KioskConfig::defaultPath(), QFileInfo::exists(u"/etc/medkiosk/kiosk.ini"_qs)
                                             ? u"/etc/medkiosk/kiosk.ini"_qs
                                             : QString());
}

void TestConfig::everyKeyIsRead()
{
    QTemporaryDir dir;
    const QString ca = dir.filePath(u"ca.pem"_qs);
    QVERIFY(writeIni(ca, "not checked here\n"));
    const QString ini = dir.filePath(u"kiosk.ini"_qs);
    const QByteArray text =
        "[kiosk]\n"
        "id = KIOSK-B2-07\n"
        "location_zh = 儿童医院 门诊楼 2楼\n"
        "location_en = Children's Hospital, Outpatient Bldg, Floor 2\n"
        "default_language = en\n"
        "idle_timeout_s = 90\n"
        "slot_refresh_s = 15\n"
        "[store]\n"
        "path = /var/lib/medkiosk/kiosk.db\n"
        "key_file = /etc/medkiosk/store.key\n"
        "[pool]\n"
        "base_url = https://pool.hospital.example.cn/fhir\n"
        "ca_file = " +
        ca.toUtf8() +
        "\n"
        "connect_timeout_ms = 2000\n"
        "request_timeout_ms = 9000\n"
        "max_attempts = 4\n"
        "timezone = Asia/Urumqi\n"
        "[rules]\n"
        "max_bookings_per_patient_per_day = 3\n"
        "max_days_ahead = 14\n"
        "cancellation_cutoff_hours = 24\n"
        "min_minutes_before_start = 10\n";
    QVERIFY(writeIni(ini, text));
    auto config = KioskConfig::load(ini);
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().detail));
    const KioskConfig& c = config.value();
    QCOMPARE(c.kiosk_id, u"KIOSK-B2-07"_qs);
    QCOMPARE(c.location_zh, u"儿童医院 门诊楼 2楼"_qs);
    QCOMPARE(c.location_en, u"Children's Hospital, Outpatient Bldg, Floor 2"_qs);
    QCOMPARE(c.default_language, u"en"_qs);
    QCOMPARE(c.idle_timeout_s, 90);
    QCOMPARE(c.slot_refresh_s, 15);
    QCOMPARE(c.store_path, u"/var/lib/medkiosk/kiosk.db"_qs);
    QCOMPARE(c.key_file, u"/etc/medkiosk/store.key"_qs);
    QCOMPARE(c.pool.base_url, QUrl(u"https://pool.hospital.example.cn/fhir"_qs));
    QCOMPARE(c.pool.ca_file, ca);
    QCOMPARE(c.pool.connect_timeout_ms, 2000);
    QCOMPARE(c.pool.request_timeout_ms, 9000);
    QCOMPARE(c.pool.max_attempts, 4);
    QCOMPARE(c.pool.timezone, u"Asia/Urumqi"_qs);
    QCOMPARE(c.rules.timezone_id, QByteArray("Asia/Urumqi"));  // the rules count days there too
    QCOMPARE(c.rules.max_bookings_per_patient_per_day, 3);
    QCOMPARE(c.rules.max_days_ahead, 14);
    QCOMPARE(c.rules.cancellation_cutoff_hours, 24);
    QCOMPARE(c.rules.min_minutes_before_start, 10);
}

void TestConfig::badValuesAreRefused_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QString>("key");  // the detail must name it

    auto row = [](const char* name, const char* ini, const QString& key) {
        QTest::newRow(name) << QByteArray(ini) << key;
    };
    row("idle timeout not a number", "[kiosk]\nidle_timeout_s = abc\n", u"kiosk/idle_timeout_s"_qs);
    row("idle timeout negative", "[kiosk]\nidle_timeout_s = -5\n", u"kiosk/idle_timeout_s"_qs);
    row("idle timeout huge", "[kiosk]\nidle_timeout_s = 99999999999\n", u"kiosk/idle_timeout_s"_qs);
    row("idle timeout with unit", "[kiosk]\nidle_timeout_s = 60s\n", u"kiosk/idle_timeout_s"_qs);
    row("slot refresh zero", "[kiosk]\nslot_refresh_s = 0\n", u"kiosk/slot_refresh_s"_qs);
    row("unknown language", "[kiosk]\ndefault_language = fr\n", u"kiosk/default_language"_qs);
    row("kiosk id with spaces", "[kiosk]\nid = kiosk one!\n", u"kiosk/id"_qs);
    row("empty kiosk id", "[kiosk]\nid =\n", u"kiosk/id"_qs);
    row("relative store path", "[store]\npath = data/store.db\n", u"store/path"_qs);
    row("relative key file", "[store]\nkey_file = store.key\n", u"store/key_file"_qs);
    row("ftp pool", "[pool]\nbase_url = ftp://pool.example.cn/fhir\n", u"pool/base_url"_qs);
    row("pool url without host", "[pool]\nbase_url = https:///fhir\n", u"pool/base_url"_qs);
    row("pool url not a url", "[pool]\nbase_url = pool.example.cn\n", u"pool/base_url"_qs);
    row("pool url with password", "[pool]\nbase_url = https://u:secret@pool.example.cn/fhir\n",
        u"pool/base_url"_qs);
    row("missing CA file", "[pool]\nca_file = /nonexistent/ca.pem\n", u"pool/ca_file"_qs);
    row("connect timeout too short", "[pool]\nconnect_timeout_ms = 10\n",
        u"pool/connect_timeout_ms"_qs);
    row("request shorter than connect",
        "[pool]\nconnect_timeout_ms = 5000\nrequest_timeout_ms = 1000\n",
        u"pool/request_timeout_ms"_qs);
    row("zero attempts", "[pool]\nmax_attempts = 0\n", u"pool/max_attempts"_qs);
    row("hundred attempts", "[pool]\nmax_attempts = 100\n", u"pool/max_attempts"_qs);
    row("unknown time zone", "[pool]\ntimezone = Mars/Olympus_Mons\n", u"pool/timezone"_qs);
    row("negative days ahead", "[rules]\nmax_days_ahead = -1\n", u"rules/max_days_ahead"_qs);
    row("zero bookings per day", "[rules]\nmax_bookings_per_patient_per_day = 0\n",
        u"rules/max_bookings_per_patient_per_day"_qs);
    row("cutoff of six weeks", "[rules]\ncancellation_cutoff_hours = 1000\n",
        u"rules/cancellation_cutoff_hours"_qs);
    row("minutes not a number", "[rules]\nmin_minutes_before_start = soon\n",
        u"rules/min_minutes_before_start"_qs);
}

void TestConfig::badValuesAreRefused()
{
    QFETCH(QByteArray, ini);
    QFETCH(QString, key);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"kiosk.ini"_qs);
    QVERIFY(writeIni(path, ini));
    auto config = KioskConfig::load(path);
    QVERIFY2(!config.ok(), "a bad value was accepted");
    QCOMPARE(config.error().code, ErrorCode::Config);
    QVERIFY2(config.error().detail.contains(key), qPrintable(config.error().detail));
    QVERIFY2(config.error().detail.contains(path), qPrintable(config.error().detail));
    QVERIFY2(!config.error().detail.contains(u"secret"_qs), "the detail repeats a password");
}

void TestConfig::poolUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("https") << u"https://pool.hospital.example.cn/fhir"_qs << true;
    QTest::newRow("https on a LAN address") << u"https://10.1.2.3:8443/fhir"_qs << true;
    QTest::newRow("http 127.0.0.1") << u"http://127.0.0.1:8080/fhir"_qs << true;
    QTest::newRow("http 127.5.6.7") << u"http://127.5.6.7/fhir"_qs << true;
    QTest::newRow("http localhost") << u"http://localhost:8080/fhir"_qs << true;
    QTest::newRow("http LOCALHOST") << u"http://LOCALHOST/fhir"_qs << true;
    QTest::newRow("http [::1]") << u"http://[::1]:8080/fhir"_qs << true;
    QTest::newRow("http LAN address") << u"http://10.0.0.5/fhir"_qs << false;
    QTest::newRow("http public host") << u"http://pool.hospital.example.cn/fhir"_qs << false;
    QTest::newRow("http localhost.evil") << u"http://localhost.evil.example/fhir"_qs << false;
    QTest::newRow("http 127.0.0.1.nip.io") << u"http://127.0.0.1.nip.io/fhir"_qs << false;
    QTest::newRow("http 128.0.0.1") << u"http://128.0.0.1/fhir"_qs << false;
    QTest::newRow("http 0.0.0.0") << u"http://0.0.0.0/fhir"_qs << false;
    QTest::newRow("http [::2]") << u"http://[::2]/fhir"_qs << false;
    QTest::newRow("http ::ffff:127.0.0.1") << u"http://[::ffff:7f00:1]/fhir"_qs << false;
}

void TestConfig::poolUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, accepted);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"kiosk.ini"_qs);
    QVERIFY(writeIni(path, "[pool]\nbase_url = " + url.toUtf8() + '\n'));
    auto config = KioskConfig::load(path);
    QCOMPARE(config.ok(), accepted);
    if (accepted) {
        QCOMPARE(config.value().pool.base_url, QUrl(url));
    } else {
        QCOMPARE(config.error().code, ErrorCode::Config);
        QVERIFY2(config.error().detail.contains(u"pool/base_url"_qs),
                 qPrintable(config.error().detail));
        QVERIFY2(config.error().detail.contains(u"https"_qs), qPrintable(config.error().detail));
    }
}

void TestConfig::shippedExampleLoads()
{
    const QString example =
        QStringLiteral(MEDKIOSK_SOURCE_DIR) + u"/kiosk_app/ctl/kiosk.ini.example"_qs;
    QVERIFY(QFile::exists(example));
    auto config = KioskConfig::load(example);
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().detail));
    QCOMPARE(config.value().location_en, KioskConfig().location_en);
    QCOMPARE(config.value().location_zh, KioskConfig().location_zh);
    // Every key the loader knows is documented in the example.
    QFile f(example);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    for (const char* key : {"id",
                            "location_zh",
                            "location_en",
                            "default_language",
                            "idle_timeout_s",
                            "slot_refresh_s",
                            "path",
                            "key_file",
                            "base_url",
                            "ca_file",
                            "connect_timeout_ms",
                            "request_timeout_ms",
                            "max_attempts",
                            "backoff_base_ms",
                            "max_reply_bytes",
                            "timezone",
                            "max_bookings_per_patient_per_day",
                            "max_days_ahead",
                            "cancellation_cutoff_hours",
                            "min_minutes_before_start"}) {
        QVERIFY2(text.contains(QByteArray(key) + " ="), key);
    }
}

// A typo in a group the loader owns is reported; [checkin], [devices] and [face] are read and
// checked by their own modules, so the shipped example (which has them all) gives no warning.
void TestConfig::unknownKeysWarnedOnlyInOwnGroups()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"kiosk.ini"_qs);
    QVERIFY(writeIni(path,
                     "[pool]\nbase_ulr = https://pool.example\n"
                     "[face]\nmatch_threshold = 0.45\n"
                     "[devices]\ncamera = none\n"
                     "[checkin]\narrival_early_minutes = 30\n"));
    QTest::ignoreMessage(QtWarningMsg, "unknown configuration key \"pool/base_ulr\"");
    QTest::failOnWarning(QRegularExpression(u"unknown configuration key"_qs));
    QVERIFY(KioskConfig::load(path).ok());

    const QString example =
        QStringLiteral(MEDKIOSK_SOURCE_DIR) + u"/kiosk_app/ctl/kiosk.ini.example"_qs;
    QVERIFY(KioskConfig::load(example).ok());
}

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
