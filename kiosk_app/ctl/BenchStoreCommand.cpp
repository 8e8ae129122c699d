// medkioskctl bench store [--config F] [--dir D] [--rows N] [--runs R] [--json]: raw SQLCipher
// insert rates on the store's disk (DESIGN §7): one durable transaction per row with
// synchronous=FULL in WAL mode (what a check-in or payment costs), and one batched transaction.
// Uses a throw-away database with a random key in a temporary folder beside the store.
#include "CtlCommand.h"
#include "core/config/KioskConfig.h"
#include "core/store/SecureKey.h"
#include "core/store/SqlCipherDb.h"
#include "core/store/SqlStatement.h"
#include "core/store/Store.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <vector>

namespace mk::ctl {

namespace {

struct RunFigures {
    std::vector<double> rows_per_s;
    double median() const
    {
        std::vector<double> v = rows_per_s;
        std::sort(v.begin(), v.end());
        const size_t n = v.size();
        return n == 0 ? 0.0 : (n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0);
    }
    double min() const { return *std::min_element(rows_per_s.begin(), rows_per_s.end()); }
    double max() const { return *std::max_element(rows_per_s.begin(), rows_per_s.end()); }
};

}  // namespace

class BenchStoreCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(mk::ctl::BenchStoreCommand)

public:
    QStringList words() const override { return {u"bench"_qs, u"store"_qs}; }
    QString summary() const override
    {
        return tr("Measure raw SQLCipher durable inserts (rows/s) on the store's disk.");
    }
    void addOptions(QCommandLineParser& parser) const override
    {
        parser.addOption(QCommandLineOption(
            u"dir"_qs, tr("Folder to measure in (default: the store's folder)."), tr("folder")));
        parser.addOption(QCommandLineOption(u"rows"_qs,
                                            tr("Rows per run, one transaction each (default 500)."),
                                            tr("n"), u"500"_qs));
        parser.addOption(QCommandLineOption(u"runs"_qs, tr("Runs (default 5)."), tr("n"), u"5"_qs));
    }
    int run(const CtlContext& context) const override;

private:
    static Result<double> oneRun(const QString& path, int rows, bool batched);
};

Result<double> BenchStoreCommand::oneRun(const QString& path, int rows, bool batched)
{
    QFile::remove(path);
    QFile::remove(path + u"-wal"_qs);
    QFile::remove(path + u"-shm"_qs);
    QByteArray raw(store::SecureKey::kSizeBytes, '\0');
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(raw.data()),
                                          raw.size() / int(sizeof(quint32)));
    const store::SecureKey key(raw);
    secureWipe(raw);
    // Keyed, SQLCipher checked, the store's page size: the one way every program opens a store.
    auto opened =
        store::SqlCipherDb::openKeyed(path, store::SqlCipherDb::OpenMode::ReadWriteCreate, key);
    if (!opened) return opened.error();
    store::SqlCipherDb& db = *opened.value();
    for (const QByteArray& sql :
         {QByteArrayLiteral("PRAGMA journal_mode = WAL;"),
          QByteArrayLiteral("PRAGMA synchronous = FULL;"),
          QByteArrayLiteral("CREATE TABLE bench(id INTEGER PRIMARY KEY, key TEXT NOT NULL, "
                            "payload BLOB NOT NULL, created_ms INTEGER NOT NULL);")}) {
        if (Status s = db.exec(sql); !s) return s.error();
    }
    auto stmt = db.prepare(
        QByteArrayLiteral("INSERT INTO bench(key, payload, created_ms) VALUES (?1, ?2, ?3)"));
    if (!stmt) return stmt.error();
    const QByteArray payload(200, 'p');  // about the size of an outbox command
    QElapsedTimer timer;
    timer.start();
    if (batched) {
        if (Status s = db.exec(QByteArrayLiteral("BEGIN IMMEDIATE")); !s) return s.error();
    }
    for (int i = 0; i < rows; ++i) {
        if (!batched) {
            if (Status s = db.exec(QByteArrayLiteral("BEGIN IMMEDIATE")); !s) return s.error();
        }
        store::SqlStatement& st = stmt.value();
        st.reset();
        if (Status s = st.bind(1, u"cmd-%1"_qs.arg(i)); !s) return s.error();
        if (Status s = st.bind(2, payload); !s) return s.error();
        if (Status s = st.bind(3, qint64(i)); !s) return s.error();
        if (Status s = st.run(); !s) return s.error();
        if (!batched) {
            if (Status s = db.exec(QByteArrayLiteral("COMMIT")); !s) return s.error();
        }
    }
    if (batched) {
        if (Status s = db.exec(QByteArrayLiteral("COMMIT")); !s) return s.error();
    }
    const double elapsed_s = double(timer.nsecsElapsed()) / 1e9;
    return elapsed_s > 0 ? rows / elapsed_s : 0.0;
}

int BenchStoreCommand::run(const CtlContext& context) const
{
    bool rows_ok = false;
    bool runs_ok = false;
    const int rows = context.parser.value(u"rows"_qs).toInt(&rows_ok);
    const int runs = context.parser.value(u"runs"_qs).toInt(&runs_ok);
    if (!rows_ok || !runs_ok || rows < 1 || rows > 1000000 || runs < 1 || runs > 100) {
        context.err << tr("--rows must be 1 to 1000000 and --runs 1 to 100") << u'\n';
        return kExitUsage;
    }
    QString folder = context.parser.value(u"dir"_qs);
    if (folder.isEmpty()) {
        auto config = config::KioskConfig::load(context.configPath());
        if (!config) {
            context.err << config.error().detail << u'\n';
            return kExitCheckFailed;
        }
        folder = QFileInfo(config.value().store_path).absolutePath();
    }
    if (!QDir().mkpath(folder)) {
        context.err << tr("cannot create %1").arg(folder) << u'\n';
        return kExitCheckFailed;
    }
    QTemporaryDir scratch(QDir(folder).filePath(u"medkiosk-bench-XXXXXX"_qs));
    if (!scratch.isValid()) {
        context.err << tr("cannot create a scratch folder in %1").arg(folder) << u'\n';
        return kExitCheckFailed;
    }
    const QString path = scratch.filePath(u"bench.db"_qs);
    RunFigures durable;
    RunFigures batched;
    for (int r = 0; r < runs; ++r) {
        auto one = oneRun(path, rows, false);
        auto many = one ? oneRun(path, std::max(rows, 10000), true) : one;
        if (!one || !many) {
            context.err << (one ? many : one).error().detail << u'\n';
            return kExitCheckFailed;
        }
        durable.rows_per_s.push_back(one.value());
        batched.rows_per_s.push_back(many.value());
    }
    auto figures = [](const RunFigures& f) {
        QJsonArray each;
        for (double v : f.rows_per_s) each.append(qRound(v));
        return QJsonObject{{u"median_rows_per_s"_qs, qRound(f.median())},
                           {u"min_rows_per_s"_qs, qRound(f.min())},
                           {u"max_rows_per_s"_qs, qRound(f.max())},
                           {u"runs"_qs, each}};
    };
    if (context.json()) {
        const QJsonObject root{{u"folder"_qs, folder},
                               {u"rows_per_run"_qs, rows},
                               {u"batched_rows_per_run"_qs, std::max(rows, 10000)},
                               {u"durable_one_transaction_per_row"_qs, figures(durable)},
                               {u"batched_one_transaction"_qs, figures(batched)}};
        context.out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
        return kExitOk;
    }
    auto line = [&](const QString& what, const RunFigures& f) {
        const double median = f.median();
        context.out << tr("%1: median %2 rows/s, min %3, max %4 (spread %5 % of the median)")
                           .arg(what)
                           .arg(qRound(median))
                           .arg(qRound(f.min()))
                           .arg(qRound(f.max()))
                           .arg(median > 0
                                    ? QString::number((f.max() - f.min()) / median * 100, 'f', 1)
                                    : u"-"_qs)
                    << u'\n';
    };
    context.out << tr("SQLCipher insert benchmark in %1 (%2 runs, WAL, synchronous=FULL, "
                      "cipher_page_size=%3)")
                       .arg(folder)
                       .arg(runs)
                       .arg(store::Store::kCipherPageSizeBytes)
                << u'\n';
    line(tr("one durable transaction per row (%1 rows)").arg(rows), durable);
    line(tr("one batched transaction (%1 rows)").arg(std::max(rows, 10000)), batched);
    return kExitOk;
}

MK_CTL_COMMAND(BenchStoreCommand)

}  // namespace mk::ctl
