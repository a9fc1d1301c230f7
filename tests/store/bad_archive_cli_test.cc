// Archives that cannot be used (issue 14): a locked, newer-schema, truncated, non-database or
// read-only file. Every command says so clearly on stderr, exits 2 and changes nothing: the file's
// bytes are the same after `ingest`, `search`, `show` and `stats`.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli_test_util.h"
#include "store_test_util.h"

namespace cablebase {
namespace {

using store_test::TempDir;
using testing_util::RunCablebase;

std::string Bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A good archive of the seed cable, checkpointed into its main file.
std::string MakeArchive(const TempDir& dir, const std::string& name, const std::string& seed) {
  const std::string db = dir.File(name);
  auto r = RunCablebase("ingest '" + seed + "' --db '" + db + "' 2>&1");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  return db;
}

// Each command on `db`: exit 2, a message naming the file and containing `why`, bytes unchanged.
void ExpectRefusedUnchanged(const std::string& db, const std::string& seed, const std::string& why) {
  const std::string before = Bytes(db);
  for (const std::string& cmd :
       {"ingest '" + seed + "'", std::string("search moscow"), std::string("show 06MOSCOW1637"),
        std::string("stats")}) {
    SCOPED_TRACE(cmd);
    auto r = RunCablebase(cmd + " --db '" + db + "' 2>&1 >/dev/null");
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_NE(r.out.find(db), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(why), std::string::npos) << r.out;
    EXPECT_EQ(Bytes(db), before) << "the archive file changed";
  }
}

TEST(BadArchive, NewerSchemaIsRefusedUnchanged) {
  CABLEBASE_SHARED_SET(fixtures, "store");
  const std::string seed = store_test::Fixture("seed/06MOSCOW1637.txt");
  TempDir dir;
  const std::string db = MakeArchive(dir, "newer.db", seed);
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "PRAGMA user_version = 999; PRAGMA wal_checkpoint(TRUNCATE)",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  ExpectRefusedUnchanged(db, seed, "newer than this cablebase");
}

TEST(BadArchive, TruncatedFileIsRefusedUnchanged) {
  CABLEBASE_SHARED_SET(fixtures, "store");
  const std::string seed = store_test::Fixture("seed/06MOSCOW1637.txt");
  TempDir dir;
  const std::string db = MakeArchive(dir, "trunc.db", seed);
  const std::string bytes = Bytes(db);
  ASSERT_GT(bytes.size(), 8192u);
  std::ofstream(db, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() / 2);
  ExpectRefusedUnchanged(db, seed, "malformed");
}

TEST(BadArchive, FileThatIsNotADatabaseIsRefusedUnchanged) {
  CABLEBASE_SHARED_SET(fixtures, "store");
  const std::string seed = store_test::Fixture("seed/06MOSCOW1637.txt");
  TempDir dir;
  const std::string db = dir.File("notes.db");
  std::ofstream(db) << "Written for the test: a text file, not an SQLite database.\n";
  ExpectRefusedUnchanged(db, seed, "not a database");
}

TEST(BadArchive, ArchiveLockedByAnotherWriterTimesOutUnchanged) {
  CABLEBASE_SHARED_SET(fixtures, "store");
  const std::string seed = store_test::Fixture("seed/06MOSCOW1637.txt");
  TempDir dir;
  const std::string db = MakeArchive(dir, "locked.db", seed);
  const std::string more = store_test::Fixture("refs/08LONDON1115.html");
  sqlite3* holder = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &holder), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(holder, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
  const auto count = store_test::SqlInt(db, "SELECT count(*) FROM cables");
  // The writer waits out its busy timeout (10 s), then gives up naming the file.
  auto r = RunCablebase("ingest '" + more + "' --db '" + db + "' 2>&1 >/dev/null");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find(db), std::string::npos) << r.out;
  sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(holder);
  EXPECT_EQ(store_test::SqlInt(db, "SELECT count(*) FROM cables"), count);
}

TEST(BadArchive, ReadOnlyFileRefusesIngestUnchanged) {
  if (::geteuid() == 0) GTEST_SKIP() << "root writes read-only files: run as a user to check";
  CABLEBASE_SHARED_SET(fixtures, "store");
  const std::string seed = store_test::Fixture("seed/06MOSCOW1637.txt");
  TempDir dir;
  const std::string db = MakeArchive(dir, "ro.db", seed);
  std::filesystem::permissions(db, std::filesystem::perms::owner_read);
  const std::string before = Bytes(db);
  auto r = RunCablebase("ingest '" + store_test::Fixture("refs/08LONDON1115.html") + "' --db '" +
                        db + "' 2>&1 >/dev/null");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find(db), std::string::npos) << r.out;
  EXPECT_EQ(Bytes(db), before);
}

}  // namespace
}  // namespace cablebase
