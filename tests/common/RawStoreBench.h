// The reference the store benchmarks compare with (DESIGN §7): raw SQLCipher, one row per durable
// transaction (WAL, synchronous=FULL, BEGIN IMMEDIATE ... COMMIT), through the kiosk's own keyed
// open and nothing else; and the "median/s, min, max" line they print. Used by bench_outbox and
// bench_paycore, so their ratios share one denominator.
#pragma once

#include "core/common/Result.h"
#include "core/store/SecureKey.h"
#include "core/store/SqlCipherDb.h"
#include "core/store/SqlStatement.h"

#include <QElapsedTimer>
#include <QFile>
#include <QString>

#include <algorithm>
#include <vector>

namespace mk::test {

// The database file and its WAL companions.
inline void removeStoreFiles(const QString& path)
{
    for (const char* suffix : {"", "-wal", "-shm"}) QFile::remove(path + QLatin1String(suffix));
}

// Rows per second: `rows` single-row durable transactions into a new database at path.
inline Result<double> rawDurableInsertRate(const QString& path, int rows,
                                           const store::SecureKey& key)
{
    removeStoreFiles(path);
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
    const QByteArray payload(60, 'p');
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < rows; ++i) {
        if (Status s = db.exec(QByteArrayLiteral("BEGIN IMMEDIATE")); !s) return s.error();
        store::SqlStatement& st = stmt.value();
        st.reset();
        if (Status s = st.bind(1, QStringLiteral("cmd-%1").arg(i)); !s) return s.error();
        if (Status s = st.bind(2, payload); !s) return s.error();
        if (Status s = st.bind(3, qint64(i)); !s) return s.error();
        if (Status s = st.run(); !s) return s.error();
        if (Status s = db.exec(QByteArrayLiteral("COMMIT")); !s) return s.error();
    }
    return rows / (double(timer.nsecsElapsed()) / 1e9);
}

inline double medianOf(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n == 0 ? 0.0 : (n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0);
}

// "median 2499.1/s, min 2300.0, max 2600.2"
inline QString rateFigures(const std::vector<double>& v)
{
    if (v.empty()) return QStringLiteral("no runs");
    return QStringLiteral("median %1/s, min %2, max %3")
        .arg(medianOf(v), 0, 'f', 1)
        .arg(*std::min_element(v.begin(), v.end()), 0, 'f', 1)
        .arg(*std::max_element(v.begin(), v.end()), 0, 'f', 1);
}

}  // namespace mk::test
