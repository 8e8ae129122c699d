// BEGIN IMMEDIATE on construction (see ok()), COMMIT on commit(), ROLLBACK on destruction when
// not committed. Not nestable. A read-only connection (a tool inspecting a store) begins a
// deferred transaction instead: a consistent snapshot that never takes the write lock.
#pragma once

#include "core/common/Result.h"

namespace mk::store {

class SqlCipherDb;

class SqlTransaction
{
public:
    enum class Kind { Write = 1, ReadOnly };
    explicit SqlTransaction(SqlCipherDb& db, Kind kind = Kind::Write);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction&) = delete;
    SqlTransaction& operator=(const SqlTransaction&) = delete;

    // Whether BEGIN IMMEDIATE succeeded; when it did not, begin() holds the error.
    bool ok() const { return begin_.ok(); }
    const Status& begin() const { return begin_; }
    Status commit();
    Status rollback();

private:
    SqlCipherDb& db_;
    Status begin_;
    bool open_ = false;
};

}  // namespace mk::store
