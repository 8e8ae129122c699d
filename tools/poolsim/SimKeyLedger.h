#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace mk::sim {

// How many times the pool carried out each Idempotency-Key (a 2xx reply that was executed, not
// replayed): the exactly-once oracle of the fleet test (tests/fleet), read in /_sim/stats.
class SimKeyLedger
{
public:
    void executed(const QString& key) { counts_[key] += 1; }
    void clear() { counts_.clear(); }
    // {keys_executed: distinct keys, executed_more_than_once: keys carried out twice or more}
    QJsonObject stats() const
    {
        int twice = 0;
        for (const int n : counts_) twice += n > 1 ? 1 : 0;
        return QJsonObject{{QStringLiteral("keys_executed"), int(counts_.size())},
                           {QStringLiteral("executed_more_than_once"), twice}};
    }

private:
    QHash<QString, int> counts_;
};

}  // namespace mk::sim
