// Db::Interrupt: the mechanism behind the server's query time limit (serve --time-limit).
#include "store/db.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace cablebase::store {
namespace {

// A statement that never ends by itself: a recursive CTE counting without bound. Only an
// interrupt stops it, so the tests below cannot pass by the statement being fast.
constexpr const char* kEndless =
    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT max(x) FROM n";

std::unique_ptr<Db> MemoryDb() {
  Result<std::unique_ptr<Db>> db = Db::Open(":memory:", Db::Mode::kReadWrite);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return db.ok() ? std::move(*db) : nullptr;
}

TEST(DbInterrupt, StopsARunningStatementFromAnotherThread) {
  std::unique_ptr<Db> db = MemoryDb();
  ASSERT_TRUE(db);
  Result<Statement> st = db->Prepare(kEndless);
  ASSERT_TRUE(st.ok());
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    db->Interrupt();
  });
  Result<bool> row = st->Step();
  stopper.join();
  ASSERT_FALSE(row.ok());
  EXPECT_EQ(row.status().code(), StatusCode::kTimeout);
}

// The case CI hit: the interrupt lands while no statement runs. sqlite3_interrupt alone forgets it;
// the next statement must still stop, and keep stopping until ClearInterrupt().
TEST(DbInterrupt, IsStickyBetweenStatementsUntilCleared) {
  std::unique_ptr<Db> db = MemoryDb();
  ASSERT_TRUE(db);
  db->Interrupt();
  EXPECT_TRUE(db->interrupted());
  for (int i = 0; i < 2; ++i) {
    Result<Statement> st = db->Prepare("SELECT 41 + 1");
    ASSERT_TRUE(st.ok());
    Result<bool> row = st->Step();
    ASSERT_FALSE(row.ok());
    EXPECT_EQ(row.status().code(), StatusCode::kTimeout);
    EXPECT_NE(row.status().message().find("time limit"), std::string::npos)
        << row.status().message();
  }
  db->ClearInterrupt();
  Result<Statement> st = db->Prepare("SELECT 41 + 1");
  ASSERT_TRUE(st.ok());
  Result<bool> row = st->Step();
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  ASSERT_TRUE(*row);
  EXPECT_EQ(st->ColumnInt(0), 42);
}

}  // namespace
}  // namespace cablebase::store
