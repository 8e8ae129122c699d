// `medkioskctl health` as hospital monitoring runs it (issue 13, docs/health.md): a process per
// case writes the Prometheus text file for node_exporter's textfile collector, which two real
// parsers read (promtool check metrics, Debian's prometheus; the Python client's parser, Debian's
// python3-prometheus-client), and the values must be those of a known state: a store with 3
// queued commands (the oldest an hour old), 2 dead letters and 1 sent, a printer simulator out of
// paper or not, a folder camera, the pool simulator up or down, face models good or missing. The
// file is replaced atomically with mode 0644, and nothing of the payloads' personal data is in it.
#include "StoreFileTest.h"
#include "TestSkip.h"
#include "core/outbox/Outbox.h"
#include "core/store/KeyProvider.h"
#include "core/store/SqlCipherDb.h"
#include "core/store/Store.h"
#include "hw/printer/PrinterSimulator.h"
#include "poolsim/SimulatorThread.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace mk;

namespace {

const QString kSecret = QStringLiteral("Li Ming 13800138000");  // personal data in a payload
const QDateTime kSyncedAt = QDateTime(QDate(2026, 12, 1), QTime(8, 0), Qt::UTC);
constexpr qint64 kOldestAgeS = 3600;

struct Run {
    int exit_code = -1;
    QByteArray out;
    QByteArray err;
};

// Runs a program while this thread's event loop keeps serving the printer simulator.
Run runProcess(const QString& program, const QStringList& args, const QByteArray& input = {})
{
    QProcess p;
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(program, args);
    if (!p.waitForStarted(10000)) return {};
    if (!input.isEmpty()) p.write(input);
    p.closeWriteChannel();
    if (!finished.wait(120000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    Run r;
    r.exit_code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

}  // namespace

class TestHealth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exportMatchesTheKiosk_data();
    void exportMatchesTheKiosk();
    void stdoutWithoutStore();
    void refusesTheStoreFolder();

private:
    QString writeConfig(const QString& name, const QString& pool_url, quint16 printer_port,
                        const QString& models_dir) const;
    QTemporaryDir dir_;
    QTemporaryDir out_;
    QString models_dir_;
};

void TestHealth::initTestCase()
{
    QVERIFY(dir_.isValid());
    QVERIFY(out_.isValid());
    auto key = store::KeyProvider::load(dir_.filePath(u"store.key"_qs), QString(), nullptr);
    QVERIFY(key);
    auto opened = store::Store::open(dir_.filePath(u"store.db"_qs), key.value());
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().detail));
    std::unique_ptr<store::Store> store = std::move(opened).value();
    outbox::Outbox outbox(*store);
    for (int i = 1; i <= 6; ++i) {
        outbox::Command c = outbox::checkInCommand(u"appt-%1"_qs.arg(i));
        c.payload = QJsonDocument(QJsonObject{{u"appointment_id"_qs, u"appt-%1"_qs.arg(i)},
                                              {u"note"_qs, kSecret}})
                        .toJson(QJsonDocument::Compact);
        QVERIFY(outbox.enqueue(c));
    }
    QVERIFY(outbox.markDead(2, 3, u"POST $check-in: HTTP 404 unknown appointment"_qs, kSyncedAt));
    QVERIFY(outbox.markDead(4, 1, u"bad payload"_qs, kSyncedAt));
    QVERIFY(outbox.markSent(5, 1, kSecret.toUtf8(), kSyncedAt));
    QVERIFY(outbox.recordConnectivity(false, kSyncedAt));
    // Queued: 1, 3, 6. The oldest one an hour old (enqueue stamps "now").
    const qint64 old_ms = QDateTime::currentMSecsSinceEpoch() - kOldestAgeS * 1000;
    QVERIFY(store->withTransaction([&](store::SqlCipherDb& db) {
        return db.exec("UPDATE outbox SET created_at_ms = " + QByteArray::number(old_ms) +
                       " WHERE id = 1");
    }));
    store.reset();

    const QString frames = dir_.filePath(u"frames"_qs);
    QVERIFY(QDir().mkpath(frames));
    QImage frame(64, 48, QImage::Format_RGB888);
    frame.fill(Qt::gray);
    QVERIFY(frame.save(frames + u"/0001.png"_qs));

    models_dir_ = qEnvironmentVariable("MEDKIOSK_MODELS_DIR");
    if (models_dir_.isEmpty()) {
        models_dir_ =
            QDir::home().filePath(u".cache/medkiosk/models"_qs);  // FaceEngine::defaultModelsDir
    }
}

QString TestHealth::writeConfig(const QString& name, const QString& pool_url, quint16 printer_port,
                                const QString& models_dir) const
{
    const QString path = dir_.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write(QStringLiteral("[store]\npath = %1\nkey_file = %2\n"
                           "[pool]\nbase_url = %3\n"
                           "[devices]\nprinter_transport = tcp\nprinter_host = 127.0.0.1\n"
                           "printer_tcp_port = %4\nprinter_poll_ms = 500\ncard_reader = none\n"
                           "speech_engine = none\nscanners = none\n"
                           "camera = folder\ncamera_folder = %5\n"
                           "[face]\nenabled = true\nmodels_dir = %6\n")
                .arg(dir_.filePath(u"store.db"_qs), dir_.filePath(u"store.key"_qs), pool_url)
                .arg(printer_port)
                .arg(dir_.filePath(u"frames"_qs), models_dir)
                .toUtf8());
    return path;
}

void TestHealth::exportMatchesTheKiosk_data()
{
    QTest::addColumn<bool>("pool_up");
    QTest::addColumn<bool>("paper_out");
    QTest::addColumn<bool>("models_good");
    QTest::newRow("pool up, paper out, models loaded") << true << true << true;
    QTest::newRow("pool down, paper in, models missing") << false << false << false;
}

void TestHealth::exportMatchesTheKiosk()
{
    QFETCH(bool, pool_up);
    QFETCH(bool, paper_out);
    QFETCH(bool, models_good);

    const QString promtool = QStandardPaths::findExecutable(u"promtool"_qs);
    if (promtool.isEmpty()) MK_SKIP_OR_FAIL_IN_CI("promtool missing (apt-get install prometheus)");
    const QString python = u"/usr/bin/python3"_qs;  // Debian's, where python3-prometheus-client is
    const QString parser = QStringLiteral(MEDKIOSK_SOURCE_DIR "/tests/health/parse_metrics.py");
    if (models_good &&
        !QFileInfo::exists(models_dir_ + u"/shape_predictor_5_face_landmarks.dat"_qs))
        MK_SKIP_OR_FAIL_IN_CI("face models missing (scripts/setup.sh fetches them)");

    hw::PrinterSimulator printer;
    QVERIFY2(printer.listenTcp(0), qPrintable(printer.errorString()));
    printer.setPaperOut(paper_out);

    std::unique_ptr<sim::SimulatorThread> pool;
    QString pool_url;
    if (pool_up) {
        pool = std::make_unique<sim::SimulatorThread>(sim::SimOptions{});
        QString error;
        QVERIFY2(pool->start(&error), qPrintable(error));
        pool_url = pool->baseUrl().toString();
    } else {
        // A port nobody listens on: the pool simulator stopped.
        sim::SimulatorThread stopped{sim::SimOptions{}};
        QString error;
        QVERIFY2(stopped.start(&error), qPrintable(error));
        pool_url = stopped.baseUrl().toString();
    }

    const QString empty_models = out_.filePath(u"no-models"_qs);
    QVERIFY(QDir().mkpath(empty_models));
    const QString config =
        writeConfig(QStringLiteral("kiosk-%1.ini").arg(pool_up ? 1 : 0), pool_url,
                    printer.tcpPort(), models_good ? models_dir_ : empty_models);
    const QString prom = out_.filePath(u"medkiosk.prom"_qs);
    const Run ctl = runProcess(
        QStringLiteral(MEDKIOSK_CTL),
        {u"health"_qs, u"--config"_qs, config, u"--output"_qs, prom, u"--wait-ms"_qs, u"8000"_qs});
    QVERIFY2(ctl.exit_code == 0, ctl.err.constData());
    QVERIFY2(ctl.out.isEmpty(), "with --output nothing goes to stdout");

    // What the textfile collector needs: a regular file, readable by node_exporter's user, and
    // no temporary file left beside it (only *.prom files are read; ours start with a dot).
    const QFileInfo info(prom);
    QVERIFY(info.isFile());
    QCOMPARE(test::modeOf(prom), 0644);
    QCOMPARE(QDir(out_.path()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("medkiosk.prom")});
    QFile file(prom);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(!text.contains(kSecret.toUtf8()) && !text.contains("13800138000") &&
                 !text.contains("appt-"),
             "personal data or record ids in the health export");

    if (!promtool.isEmpty()) {
        const Run lint = runProcess(promtool, {u"check"_qs, u"metrics"_qs}, text);
        QVERIFY2(lint.exit_code == 0, (lint.out + lint.err).constData());
    }
    const Run parsed = runProcess(python, {parser, prom});
    if (parsed.exit_code == 2) MK_SKIP_OR_FAIL_IN_CI("python3-prometheus-client missing");
    QVERIFY2(parsed.exit_code == 0, parsed.err.constData());
    const QJsonObject root = QJsonDocument::fromJson(parsed.out).object();
    const QJsonObject families = root.value(u"families"_qs).toObject();
    const QJsonObject samples = root.value(u"samples"_qs).toObject();
    auto value = [&samples](const char* key) {
        const QJsonValue v = samples.value(QLatin1String(key));
        return v.isUndefined() ? -1.0 : v.toDouble();
    };

    QCOMPARE(value("medkiosk_info{version=" MEDKIOSK_VERSION "}"), 1.0);
    QCOMPARE(value("medkiosk_pool_up{}"), pool_up ? 1.0 : 0.0);
    QCOMPARE(value("medkiosk_store_up{}"), 1.0);
    QCOMPARE(value("medkiosk_outbox_queued_commands{}"), 3.0);
    QCOMPARE(value("medkiosk_outbox_dead_letters{}"), 2.0);
    QCOMPARE(value("medkiosk_outbox_sent_commands_total{}"), 1.0);
    QCOMPARE(families.value(u"medkiosk_outbox_sent_commands"_qs).toString(), u"counter"_qs);
    QCOMPARE(families.value(u"medkiosk_outbox_queued_commands"_qs).toString(), u"gauge"_qs);
    const double age = value("medkiosk_outbox_oldest_queued_age_seconds{}");
    QVERIFY2(age >= kOldestAgeS && age < kOldestAgeS + 120, qPrintable(QString::number(age)));
    QCOMPARE(value("medkiosk_outbox_last_successful_sync_timestamp_seconds{}"),
             double(kSyncedAt.toSecsSinceEpoch()));
    QCOMPARE(value("medkiosk_relay_pool_online{}"), 0.0);

    QCOMPARE(value("medkiosk_device_configured{kind=printer}"), 1.0);
    QCOMPARE(value("medkiosk_printer_paper_out{}"), paper_out ? 1.0 : 0.0);
    QCOMPARE(value("medkiosk_device_up{kind=printer}"), paper_out ? 0.0 : 1.0);
    QCOMPARE(value("medkiosk_device_state{kind=printer,state=missing}"), paper_out ? 1.0 : 0.0);
    QCOMPARE(value("medkiosk_device_state{kind=printer,state=ready}"), paper_out ? 0.0 : 1.0);
    QCOMPARE(value("medkiosk_device_up{kind=camera}"), 1.0);
    QCOMPARE(value("medkiosk_device_configured{kind=card}"), 0.0);

    QCOMPARE(value("medkiosk_face_enabled{}"), 1.0);
    QCOMPARE(value("medkiosk_face_models_loaded{}"), models_good ? 1.0 : 0.0);
}

void TestHealth::stdoutWithoutStore()
{
    // A kiosk before its first start: no store yet. Still a valid report, saying so.
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    const QString config = empty.filePath(u"kiosk.ini"_qs);
    QFile f(config);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("[store]\npath = %1\n[devices]\nprinter_transport = none\n"
                           "card_reader = none\nspeech_engine = none\nscanners = none\n"
                           "camera = none\n")
                .arg(empty.filePath(u"store.db"_qs))
                .toUtf8());
    f.close();
    const Run ctl =
        runProcess(QStringLiteral(MEDKIOSK_CTL), {u"health"_qs, u"--config"_qs, config});
    QVERIFY2(ctl.exit_code == 0, ctl.err.constData());
    QVERIFY(ctl.out.contains("\nmedkiosk_store_up 0\n"));
    QVERIFY(!ctl.out.contains("medkiosk_outbox_"));
    QVERIFY(!ctl.out.contains("medkiosk_pool_up"));  // no pool configured: not reported
    QVERIFY(!QFileInfo::exists(empty.filePath(u"store.db"_qs)));  // never created by a tool
}

void TestHealth::refusesTheStoreFolder()
{
    const QString config =
        writeConfig(u"kiosk-refuse.ini"_qs, u"http://127.0.0.1:9/fhir"_qs, 9, out_.path());
    const Run ctl = runProcess(QStringLiteral(MEDKIOSK_CTL),
                               {u"health"_qs, u"--config"_qs, config, u"--no-devices"_qs,
                                u"--output"_qs, dir_.filePath(u"medkiosk.prom"_qs)});
    QCOMPARE(ctl.exit_code, 1);
    QVERIFY2(ctl.err.contains("folder of the local store"), ctl.err.constData());
    QVERIFY(!QFileInfo::exists(dir_.filePath(u"medkiosk.prom"_qs)));
}

QTEST_GUILESS_MAIN(TestHealth)
#include "tst_health.moc"
