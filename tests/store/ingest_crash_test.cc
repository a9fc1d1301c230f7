// Crash safety: the real `cablebase ingest` killed (SIGKILL) at random points never corrupts or loses data.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "cablebase/archive.h"
#include "store/cable_parts.h"
#include "store_test_util.h"

extern char** environ;

namespace cablebase {
namespace {

using store_test::SqlInt;
using store_test::SqlText;
using store_test::TempDir;

using Clock = std::chrono::steady_clock;

// Starts `cablebase ARGS...` with stdout/stderr discarded; returns the pid (or -1).
pid_t Spawn(const std::vector<std::string>& args) {
  std::vector<std::string> argv_s = {CABLEBASE_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& s : argv_s) argv.push_back(s.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  if (posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&fa);
  return pid;
}

// Runs to completion; the exit status, or -1 when it did not exit normally.
int RunCli(const std::vector<std::string>& args) {
  pid_t pid = Spawn(args);
  if (pid < 0) return -1;
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Everything that must be identical between a clean ingest and a crashed-then-completed one.
std::string Fingerprint(const std::string& db) {
  std::string fp;
  fp += SqlText(db,
                "SELECT group_concat(x, ',') FROM (SELECT reference_id || ':' || version || ':' || "
                "content_hash AS x FROM cable_versions ORDER BY reference_id, version)");
  fp += "|" + SqlText(db,
                      "SELECT group_concat(x, ',') FROM (SELECT c.reference_id || ':' || v.version "
                      "AS x FROM cables c JOIN cable_versions v ON v.id = c.version_id "
                      "ORDER BY c.reference_id)");
  for (const char* t : {"tags", "refs", "paragraphs", "addressees", "caveats"}) {
    fp += "|" + std::to_string(SqlInt(db, std::string("SELECT count(*) FROM ") + t));
  }
  fp += "|" + std::to_string(SqlInt(db, "SELECT count(*) FROM cables_fts"));
  return fp;
}

// The checks a killed ingest must pass: the file opens, both integrity checks pass, and the
// tables agree with each other (no half-written cable).
void CheckConsistent(const std::string& db, int attempt) {
  SCOPED_TRACE("after kill " + std::to_string(attempt));
  // The next writer recovers the log first (a read-only connection cannot when the kill came
  // before the schema was committed); open it read-write once, as the next ingest would.
  {
    sqlite3* rw = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &rw), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(rw, "PRAGMA user_version", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(rw);
  }
  EXPECT_EQ(SqlText(db, "PRAGMA integrity_check"), "ok");
  if (SqlInt(db, "PRAGMA user_version") == 0) {
    // Killed before the schema was committed: the file is empty, never half a schema.
    EXPECT_EQ(SqlInt(db, "SELECT count(*) FROM sqlite_schema"), 0);
    return;
  }
  // The archive opens as users open it.
  Result<std::unique_ptr<Archive>> ro = Archive::Open(db, Archive::Mode::kReadOnly);
  EXPECT_TRUE(ro.ok()) << ro.status().ToString();
  // FTS5's own check: the index matches the external content exactly.
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  char* err = nullptr;
  int rc = sqlite3_exec(raw, "INSERT INTO cables_fts(cables_fts) VALUES('integrity-check')",
                        nullptr, nullptr, &err);
  EXPECT_EQ(rc, SQLITE_OK) << (err ? err : "");
  sqlite3_free(err);
  sqlite3_close(raw);
  EXPECT_EQ(SqlInt(db, "SELECT count(*) FROM cables"),
            SqlInt(db, "SELECT count(DISTINCT reference_id) FROM cable_versions"));
  EXPECT_EQ(SqlInt(db, "SELECT count(*) FROM cables c LEFT JOIN cable_versions v "
                       "ON v.id = c.version_id WHERE v.id IS NULL OR v.reference_id != c.reference_id"),
            0);
  EXPECT_EQ(SqlInt(db, "SELECT count(*) FROM cables c WHERE version_count != "
                       "(SELECT count(*) FROM cable_versions v WHERE v.reference_id = c.reference_id)"),
            0);
}

TEST(IngestCrash, KilledAtRandomPointsNeverCorruptsOrLosesData) {
  CABLEBASE_SHARED_SET(samples, "samples");
  std::vector<std::string> sources = {samples};
  ASSERT_EQ(RunCli({"ingest", "--help"}), 0) << CABLEBASE_BINARY << " has no ingest command";
  TempDir dir;
  const std::string ref_db = dir.File("ref.db");
  const std::string db = dir.File("crash.db");
  // Small batches: many commits, so kills land between and inside transactions.
  std::vector<std::string> args = {"ingest", "--batch", "5", "--jobs", "2", "--errors",
                                   dir.File("errors.tsv")};
  args.insert(args.end(), sources.begin(), sources.end());

  auto t0 = Clock::now();
  std::vector<std::string> ref_args = args;
  ref_args.insert(ref_args.end(), {"--db", ref_db});
  ASSERT_EQ(RunCli(ref_args), 0);
  const double full_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  const std::string expected = Fingerprint(ref_db);
  ASSERT_GT(SqlInt(ref_db, "SELECT count(*) FROM cables"), 0);

  std::vector<std::string> crash_args = args;
  crash_args.insert(crash_args.end(), {"--db", db});
  std::mt19937 rng(20240601);
  // Kill points spread over the whole run; later attempts resume an ingest already under way.
  std::uniform_real_distribution<double> when(0.0, full_ms);
  int kills = 0;
  int partial = 0;  // kills that left some but not all cables stored: the interesting ones
  const int64_t total = SqlInt(ref_db, "SELECT count(*) FROM cable_versions");
  // On a loaded machine a run takes longer than the reference and many kills land before the
  // first commit: keep going (up to 60 attempts) until 3 kills interrupted a partial ingest.
  for (int attempt = 0; attempt < 60 && (kills < 12 || partial < 3); ++attempt) {
    pid_t pid = Spawn(crash_args);
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(when(rng)));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) {
      ++kills;
      if (std::filesystem::exists(db)) {
        CheckConsistent(db, kills);
        int64_t stored = SqlInt(db, "SELECT count(*) FROM cable_versions");
        if (stored > 0 && stored < total) ++partial;
        if (stored == total) {
          // Killed after the last commit (while it checkpointed or exited): complete, so start
          // over, or every later kill would find a finished archive.
          EXPECT_EQ(Fingerprint(db), expected);
          for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(db + ext);
        }
      }
    } else if (std::filesystem::exists(db)) {
      // It finished before the kill: start over so the next kills interrupt a fresh ingest.
      CheckConsistent(db, kills);
      EXPECT_EQ(Fingerprint(db), expected);
      for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(db + ext);
    }
  }
  EXPECT_GE(kills, 10);
  EXPECT_GE(partial, 1) << "no kill landed in the middle of the ingest";
  std::printf("[ info ] %d kills, %d mid-ingest (of %lld versions), full run %.0f ms\n", kills,
              partial, static_cast<long long>(total), full_ms);
  ASSERT_EQ(RunCli(crash_args), 0);
  CheckConsistent(db, kills);
  EXPECT_EQ(Fingerprint(db), expected);
  // And a further run changes nothing.
  ASSERT_EQ(RunCli(crash_args), 0);
  EXPECT_EQ(Fingerprint(db), expected);
}

// Removes every cable from the full-text index: what an ingest killed between its commits and its
// index flush leaves (the work `ingest --upgrade` then does).
void Unindex(const std::string& db) {
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw,
                         "INSERT INTO cables_fts(cables_fts, rowid, subject, body) "
                         "SELECT 'delete', id, subject, body FROM cables",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
}

// Kills `args` (on `db`, prepared by `prepare` before each attempt) at random points `kills`
// times; after each kill the archive is consistent, and a completed run gives `expected`.
void KillRepeatedly(const std::vector<std::string>& args, const std::string& db,
                    const std::function<void()>& prepare, const std::string& expected, int kills,
                    unsigned seed, const std::function<void()>& also_check = [] {},
                    const std::function<void()>& after_kill = [] {}) {
  prepare();
  auto t0 = Clock::now();
  ASSERT_EQ(RunCli(args), 0);
  const double full_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  CheckConsistent(db, 0);
  EXPECT_EQ(Fingerprint(db), expected);
  also_check();
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> when(0.0, full_ms);
  for (int k = 1; k <= kills; ++k) {
    prepare();
    pid_t pid = Spawn(args);
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(when(rng)));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    CheckConsistent(db, k);
    after_kill();
    // The next run completes what the killed one left, to the uninterrupted result.
    ASSERT_EQ(RunCli(args), 0);
    CheckConsistent(db, k);
    EXPECT_EQ(Fingerprint(db), expected);
    EXPECT_EQ(SqlInt(db, "SELECT count(*) FROM cables WHERE id NOT IN "
                         "(SELECT id FROM cables_fts_docsize)"),
              0);
    also_check();
  }
}

// `ingest --upgrade` (indexing what an interrupted ingest left unindexed) and a re-ingest that
// adds cables to an archive holding part of them, each killed at 10 random points (issue 14).
TEST(IngestCrash, UpgradeAndAddingReingestKilledAtRandomPointsComplete) {
  CABLEBASE_SHARED_SET(samples, "samples");
  CABLEBASE_SHARED_SET(fixtures, "store");
  TempDir dir;
  const std::string ref_db = dir.File("ref.db");
  const std::vector<std::string> base = {"ingest", "--batch", "5", "--jobs", "2", "--errors",
                                         dir.File("errors.tsv")};
  auto with = [&](std::vector<std::string> extra, const std::string& db) {
    std::vector<std::string> a = base;
    a.insert(a.end(), extra.begin(), extra.end());
    a.insert(a.end(), {"--db", db});
    return a;
  };
  ASSERT_EQ(RunCli(with({samples}, ref_db)), 0);
  const std::string expected = Fingerprint(ref_db);

  // --upgrade on an archive whose whole index is missing.
  const std::string up = dir.File("upgrade.db");
  KillRepeatedly({"ingest", "--upgrade", "--db", up}, up,
                 [&] {
                   std::filesystem::copy_file(ref_db, up,
                                              std::filesystem::copy_options::overwrite_existing);
                   for (const char* ext : {"-wal", "-shm"}) std::filesystem::remove(up + ext);
                   Unindex(up);
                 },
                 expected, 10, 1401);

  // A re-ingest adding the sample set to an archive that holds the store fixtures' cables.
  const std::string part_ref = dir.File("part-ref.db");
  ASSERT_EQ(RunCli(with({fixtures + "/refs"}, part_ref)), 0);
  const std::string full_ref = dir.File("full-ref.db");
  ASSERT_EQ(RunCli(with({fixtures + "/refs"}, full_ref)), 0);
  ASSERT_EQ(RunCli(with({samples}, full_ref)), 0);
  const std::string add = dir.File("add.db");
  KillRepeatedly(with({samples}, add), add,
                 [&] {
                   std::filesystem::copy_file(part_ref, add,
                                              std::filesystem::copy_options::overwrite_existing);
                   for (const char* ext : {"-wal", "-shm"}) std::filesystem::remove(add + ext);
                 },
                 Fingerprint(full_ref), 10, 1402);
}

// Every version, per reference ID and part: its number, content hash and whether it is current
// (the writer's rule, store::kIsCurrentOfPartSql); and per cable its version count and record's
// version. Equal strings: no version lost, none stored twice, the same ones current.
std::string VersionsFingerprint(const std::string& db) {
  return SqlText(db, std::string("SELECT group_concat(x, ',') FROM (SELECT v.reference_id || ':' || "
                                 "v.part || ':' || v.version || ':' || v.content_hash || ':' || "
                                 "(CASE WHEN ") +
                         store::kIsCurrentOfPartSql +
                         " THEN 'current' ELSE 'old' END) AS x FROM cable_versions v "
                         "ORDER BY v.reference_id, v.part, v.version)") +
         "|" +
         SqlText(db,
                 "SELECT group_concat(x, ',') FROM (SELECT c.reference_id || ':' || "
                 "c.version_count || ':' || v.part || '.' || v.version AS x FROM cables c JOIN "
                 "cable_versions v ON v.id = c.version_id ORDER BY c.reference_id)");
}

// A re-ingest that adds NEW VERSIONS of stored cables (issue 14), killed at 10 random points: the
// archive holds the originals (the sample set, with 10MADRID49 as the Cablegate page and the alx
// text, and 06NEWDELHI5266 as two sections published separately); the re-ingest brings a re-release
// of section 2 of 06NEWDELHI5266, the sample set again (unchanged: no new version) and a revised
// 10MADRID49 (both derived by tests/stage_fixtures.sh), so the new versions come at both ends.
TEST(IngestCrash, ReingestAddingNewVersionsKilledAtRandomPointsComplete) {
  CABLEBASE_SHARED_SET(samples, "samples");
  CABLEBASE_SHARED_SET(server, "server");
  CABLEBASE_SHARED_SET(parts, "parts");
  TempDir dir;
  const std::vector<std::string> base = {"ingest", "--batch", "5", "--jobs", "2", "--errors",
                                         dir.File("errors.tsv")};
  auto with = [&](std::vector<std::string> extra, const std::string& db) {
    std::vector<std::string> a = base;
    a.insert(a.end(), extra.begin(), extra.end());
    a.insert(a.end(), {"--db", db});
    return a;
  };
  const std::vector<std::string> originals = {
      samples, server + "/10MADRID49.html", server + "/10MADRID49_alx.txt", parts + "/part1",
      parts + "/part2"};
  const std::vector<std::string> revised = {parts + "/part2_revised", samples,
                                            server + "/10MADRID49_revised.txt"};
  const std::string old_db = dir.File("originals.db");
  ASSERT_EQ(RunCli(with(originals, old_db)), 0);
  const std::string ref_db = dir.File("revised-ref.db");
  std::filesystem::copy_file(old_db, ref_db);
  ASSERT_EQ(RunCli(with(revised, ref_db)), 0);
  const std::string expected_versions = VersionsFingerprint(ref_db);
  // The uninterrupted run added exactly the two new versions, and each is counted.
  const int64_t before = SqlInt(old_db, "SELECT count(*) FROM cable_versions");
  EXPECT_EQ(SqlInt(ref_db, "SELECT count(*) FROM cable_versions"), before + 2);
  EXPECT_EQ(SqlInt(ref_db, "SELECT version_count FROM cables WHERE reference_id = '10MADRID49'"), 2);
  EXPECT_EQ(SqlInt(ref_db, "SELECT count(*) FROM cable_versions WHERE reference_id = "
                           "'06NEWDELHI5266' AND part = 2"),
            2);
  EXPECT_EQ(SqlInt(ref_db, std::string("SELECT version FROM cable_versions v WHERE reference_id = "
                                       "'06NEWDELHI5266' AND part = 2 AND ") +
                               store::kIsCurrentOfPartSql),
            2);  // the re-release of section 2 is its current version

  const std::string db = dir.File("versions.db");
  int landed[3] = {0, 0, 0};
  auto t0 = Clock::now();
  KillRepeatedly(with(revised, db), db,
                 [&] {
                   std::filesystem::copy_file(old_db, db,
                                              std::filesystem::copy_options::overwrite_existing);
                   for (const char* ext : {"-wal", "-shm"}) std::filesystem::remove(db + ext);
                 },
                 Fingerprint(ref_db), 10, 1403,
                 [&] { EXPECT_EQ(VersionsFingerprint(db), expected_versions); },
                 [&] {
                   // How far the killed run got: 0, 1 or 2 of the new versions committed.
                   const int64_t n = SqlInt(db, "SELECT count(*) FROM cable_versions") - before;
                   EXPECT_GE(n, 0);
                   EXPECT_LE(n, 2);
                   ++landed[std::clamp<int64_t>(n, 0, 2)];
                 });
  // And one more run adds nothing.
  ASSERT_EQ(RunCli(with(revised, db)), 0);
  EXPECT_EQ(VersionsFingerprint(db), expected_versions);
  std::printf("[ info ] 10 kills of a re-ingest adding 2 versions to %lld (killed with 0/1/2 of "
              "them committed: %d/%d/%d): %.1f s\n",
              static_cast<long long>(before), landed[0], landed[1], landed[2],
              std::chrono::duration<double>(Clock::now() - t0).count());
}

}  // namespace
}  // namespace cablebase
