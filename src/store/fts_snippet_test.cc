// cablebase_hits() and cablebase_first_snippet() (store/fts_snippet.h) on the seed cable's text
// (06MOSCOW1637, paragraph 1), in an FTS5 table shaped like cables_fts (subject, body).
#include "store/fts_snippet.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "store/db.h"

namespace cablebase::store {
namespace {

constexpr const char* kSubject = "HAMAS VISIT TO MOSCOW";
constexpr const char* kBody =
    "1. (C) SUMMARY. A/DCM met February 17 with MFA Middle East and North Africa Director Sergey "
    "Vershinin to follow up on earlier discussion (reftel) on the forthcoming visit of a Hamas "
    "delegation to Russia, which will take place March 3.";

class FtsSnippet : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Db>> db = Db::Open(":memory:", Db::Mode::kReadWrite);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    ASSERT_TRUE(RegisterFtsSnippet(*db_).ok());
    ASSERT_TRUE(db_->Exec("CREATE VIRTUAL TABLE cables_fts USING fts5(subject, body)").ok());
  }
  void Insert(const std::string& subject, const std::string& body) {
    Result<Statement> st = db_->Prepare("INSERT INTO cables_fts(subject, body) VALUES (?, ?)");
    ASSERT_TRUE(st.ok());
    st->BindText(1, subject);
    st->BindText(2, body);
    ASSERT_TRUE(st->Run().ok());
  }
  // The first row's value of `expr` (an expression over cables_fts) for MATCH `match`.
  std::string Value(const std::string& expr, const std::string& match) {
    Result<Statement> st =
        db_->Prepare("SELECT " + expr + " FROM cables_fts WHERE cables_fts MATCH ? LIMIT 1");
    EXPECT_TRUE(st.ok());
    if (!st.ok()) return "<prepare failed>";
    st->BindText(1, match);
    Result<bool> row = st->Step();
    EXPECT_TRUE(row.ok()) << row.status().ToString();
    if (!row.ok() || !*row) return "<no row>";
    return st->ColumnIsNull(0) ? "<null>" : st->ColumnText(0);
  }
  std::unique_ptr<Db> db_;
};

TEST_F(FtsSnippet, HitsCountsEveryInstanceInTheRow) {
  Insert(kSubject, kBody);
  EXPECT_EQ(Value("cablebase_hits(cables_fts)", "hamas"), "2");  // subject and body
  EXPECT_EQ(Value("cablebase_hits(cables_fts)", "hamas OR moscow"), "3");
  EXPECT_EQ(Value("cablebase_hits(cables_fts)", "\"north africa\""), "1");
}

// The window starts tokens/4 before the first instance (in the first column that has one), marks
// each instance (a phrase as one run) and says where the column goes on.
TEST_F(FtsSnippet, FirstSnippetIsTheWindowAroundTheFirstInstance) {
  Insert(kSubject, kBody);
  EXPECT_EQ(Value("cablebase_first_snippet(cables_fts, '[', ']', '…', 8)", "vershinin"),
            "…Director Sergey [Vershinin] to follow up on earlier…");
  EXPECT_EQ(Value("cablebase_first_snippet(cables_fts, '[', ']', '…', 8)", "\"north africa\""),
            "…East and [North Africa] Director Sergey Vershinin to…");
  // The subject holds the first instance of hamas; the whole subject fits the window.
  EXPECT_EQ(Value("cablebase_first_snippet(cables_fts, '[', ']', '…', 8)", "hamas"),
            "[HAMAS] VISIT TO MOSCOW");
  // Several instances inside the window are all marked.
  EXPECT_EQ(Value("cablebase_first_snippet(cables_fts, '[', ']', '…', 12)", "visit OR hamas"),
            "[HAMAS] [VISIT] TO MOSCOW");
}

// The case the function exists for: one row repeating the query word tens of thousands of times
// (FTS5 snippet() took 34 s on 80,000). The window is the start of the row, every word marked.
TEST_F(FtsSnippet, ARowWithVeryManyInstancesGetsItsFirstWindow) {
  std::string body = kBody;
  for (int i = 0; i < 40000; ++i) body += " Hamas";
  Insert(kSubject, body);
  EXPECT_EQ(Value("cablebase_hits(cables_fts)", "vershinin OR russia"), "2");
  EXPECT_EQ(Value("cablebase_hits(cables_fts)", "hamas"), "40002");
  EXPECT_EQ(Value("cablebase_first_snippet(cables_fts, '[', ']', '…', 4)", "russia"),
            "…to [Russia], which will…");
  EXPECT_EQ(Value("cablebase_first_snippet(cables_fts, '<', '>', '...', 6)", "hamas"),
            "<HAMAS> VISIT TO MOSCOW");
}

// The function stops with the connection's interrupt (the server's time limit).
TEST_F(FtsSnippet, StopsWhenInterrupted) {
  Insert(kSubject, kBody);
  db_->Interrupt();
  Result<Statement> st = db_->Prepare(
      "SELECT cablebase_first_snippet(cables_fts, '[', ']', '…', 8) FROM cables_fts "
      "WHERE cables_fts MATCH 'hamas'");
  ASSERT_TRUE(st.ok());
  Result<bool> row = st->Step();
  ASSERT_FALSE(row.ok());
  EXPECT_EQ(row.status().code(), StatusCode::kTimeout);
  db_->ClearInterrupt();
}

}  // namespace
}  // namespace cablebase::store
