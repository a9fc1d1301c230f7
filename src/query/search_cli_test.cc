// `cablebase search` through the real binary: output, JSON, facets, errors and exit codes (0/1/2).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cablebase/archive.h"
#include "cli_test_util.h"
#include "shared_files.h"

namespace cablebase {
namespace {

namespace fs = std::filesystem;
using testing_util::RunCablebase;

class QueryCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("cablebase_query_cli_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    db_ = (dir_ / "cli.db").string();
    Result<std::unique_ptr<Archive>> a = Archive::Open(db_, Archive::Mode::kReadWrite);
    if (!a.ok()) {
      error_ = a.status().ToString();
      return;
    }
    const std::string cables = testing_shared::StagedSet("query");
    if (cables.empty()) return;  // SetUp skips (fails in CI) with the reason
    Result<IngestSummary> s = (*a)->Ingest({cables});
    if (!s.ok()) error_ = s.status().ToString();
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  void SetUp() override {
    CABLEBASE_SHARED_SET(cables, "query");
    ASSERT_TRUE(error_.empty()) << error_;
    if (RunCablebase("search --help >/dev/null 2>&1").exit_code != 0) {
      GTEST_SKIP() << "this cablebase binary has no search command (main.cc)";
    }
  }
  // `cablebase search ARGS --db <fixture>` with stderr merged into the output.
  static testing_util::CommandResult Search(const std::string& args) {
    return RunCablebase("search " + args + " --db '" + db_ + "' 2>&1");
  }

  static inline fs::path dir_;
  static inline std::string db_;
  static inline std::string error_;
};

TEST_F(QueryCli, HitsExitZeroWithMarkedSnippet) {
  testing_util::CommandResult r = Search("'hamas visit tag:PREL from:2006-02 to:2006-02'");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("06MOSCOW1637  2006-02-20  AMEMBASSY MOSCOW  CONFIDENTIAL"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("HAMAS VISIT TO MOSCOW"), std::string::npos);
  EXPECT_NE(r.out.find("[[Hamas]]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 hit"), std::string::npos);
}

// The seed cites 06MOSCOW1323 (not in the archive) and an entry `B. MOSCOW` with no ID: one
// linked cable, two references, counted in the singular where it is one.
TEST_F(QueryCli, RefsSummaryCountsInWords) {
  testing_util::CommandResult r =
      RunCablebase("refs 06MOSCOW1637 --depth 2 --db '" + db_ + "' 2>&1");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("1 linked cable (1 not in the archive), 2 references"), std::string::npos)
      << r.out;
}

TEST_F(QueryCli, NoHitsExitOne) {
  testing_util::CommandResult r = Search("zzzqqqxyz");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("0 hits"), std::string::npos);
}

TEST_F(QueryCli, MalformedQueryExitTwoWithColumnAndCaret) {
  testing_util::CommandResult r = Search("'hamas (visit OR moscow'");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("invalid query: column 23: expected ')' to close the '(' at column 7"),
            std::string::npos)
      << r.out;
  // The caret sits under column 23 of the query, which is indented by two spaces.
  EXPECT_NE(r.out.find("\n" + std::string(2 + 22, ' ') + "^"), std::string::npos) << r.out;
  // Nothing of SQLite or FTS5 reaches the user.
  for (const char* q : {"'NEAR('", "'\"'", "'*'", "'body:x'", "\"'; DROP TABLE cables; --\""}) {
    testing_util::CommandResult e = Search(q);
    EXPECT_NE(e.exit_code, -1) << q;
    EXPECT_EQ(e.out.find("fts5"), std::string::npos) << q << ": " << e.out;
    EXPECT_EQ(e.out.find("SQL"), std::string::npos) << q << ": " << e.out;
  }
}

TEST_F(QueryCli, MissingArchiveExitTwo) {
  testing_util::CommandResult r =
      RunCablebase("search hamas --db '" + (dir_ / "absent.db").string() + "' 2>&1");
  EXPECT_EQ(r.exit_code, 2) << r.out;
}

TEST_F(QueryCli, JsonWithFacets) {
  testing_util::CommandResult r = Search("origin:moscow --json --facets --limit 2 --sort -date");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  EXPECT_EQ(j["total"], 4);
  EXPECT_EQ(j["sort"], "-date");
  ASSERT_EQ(j["hits"].size(), 2u);
  EXPECT_EQ(j["hits"][0]["reference_id"], "08MOSCOW1215");
  EXPECT_EQ(j["hits"][1]["reference_id"], "08MOSCOW1187");
  EXPECT_EQ(j["hits"][0]["classification"], "CONFIDENTIAL");
  // The document of GET /api/search: a filter-only query is not ranked; snippets are runs.
  EXPECT_EQ(j["ranked"], false);
  EXPECT_TRUE(j["took_ms"].is_number());
  EXPECT_TRUE(j["hits"][0]["snippet"].is_array());
  bool rs = false;
  for (const auto& t : j["facets"]["tag"]) rs |= t["value"] == "RS" && t["count"] == 4;
  EXPECT_TRUE(rs) << j["facets"].dump();
}

TEST_F(QueryCli, NotOnlyQueryAfterDoubleDash) {
  testing_util::CommandResult r =
      RunCablebase("search --db '" + db_ + "' --limit 0 -- -hamas 2>&1");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("7 hits"), std::string::npos) << r.out;
}

// A query that starts with '-' is the query even without "--" (CLI11 read `-hamas` as -h + amas
// and printed the help), wherever it stands; short options keep their meaning.
TEST_F(QueryCli, NotOnlyQueryWithoutDoubleDash) {
  for (const std::string& args :
       {"search -hamas --db '" + db_ + "' --limit 0", "search --db '" + db_ + "' -hamas -n0",
        "search --limit 0 --db '" + db_ + "' '-hamas'"}) {
    testing_util::CommandResult r = RunCablebase(args + " 2>&1");
    EXPECT_EQ(r.exit_code, 0) << args << "\n" << r.out;
    EXPECT_NE(r.out.find("7 hits"), std::string::npos) << args << "\n" << r.out;
  }
  testing_util::CommandResult r =
      RunCablebase("search --db '" + db_ + "' -n 1 '-(hamas OR moscow)' 2>&1");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("4 hits (showing 1-1)"), std::string::npos) << r.out;
  EXPECT_EQ(RunCablebase("search -h").exit_code, 0);
}

// A query typed as several shell words is one query, in the order typed, even with an exclusion
// first (the cold user's `search hamas visit` failed with "argument was not expected: visit", and
// `search -hamas moscow` printed the help and exited 0).
TEST_F(QueryCli, QueryInSeveralShellWords) {
  testing_util::CommandResult quoted = Search("'-hamas moscow' --limit 0");
  ASSERT_EQ(quoted.exit_code, 0) << quoted.out;
  for (const std::string& args :
       {"search -hamas moscow --db '" + db_ + "' --limit 0",
        "search --db '" + db_ + "' -n 0 -hamas moscow", "search --db '" + db_ + "' -n0 -- -hamas moscow"}) {
    testing_util::CommandResult r = RunCablebase(args + " 2>&1");
    EXPECT_EQ(r.exit_code, 0) << args << "\n" << r.out;
    EXPECT_EQ(r.out, quoted.out) << args;
  }
  testing_util::CommandResult words = Search("hamas visit tag:PREL --limit 1");
  EXPECT_EQ(words.exit_code, 0) << words.out;
  EXPECT_NE(words.out.find("06MOSCOW1637"), std::string::npos) << words.out;
}

TEST_F(QueryCli, TextFacets) {
  testing_util::CommandResult r = Search("tag:PREL --facets --limit 1");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("facets:\n  year:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  tag: PREL 6"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace cablebase
