// Inputs that are not ordinary cable files (issue 14's breaker findings): files over the one-cable
// limit and endless streams, FIFOs without a writer, FIFOs and dangling links inside a folder, a
// missing ingest source, an empty ID for `show`, and empty folders for parse/validate/audit.
// Each is refused or reported with a message naming the file; none hangs, none is silent.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cablebase/read.h"
#include "cli_test_util.h"
#include "shared_files.h"
#include "store/store_test_util.h"

namespace cablebase {
namespace {

using store_test::TempDir;
using testing_util::RunCablebase;

TEST(CliInputLimits, FileOverTheOneCableLimitIsRefusedFromItsSizeNamingFileAndLimit) {
  TempDir dir;
  const std::string big = dir.File("huge.txt");
  // A sparse file: its size says too large, nothing is read (issue 14: bad_alloc after reading).
  { std::ofstream create(big); }
  std::filesystem::resize_file(big, kMaxCableFileBytes + 1);
  auto r = RunCablebase("parse '" + big + "' 2>&1 >/dev/null");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find(big), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("larger than 64 MiB"), std::string::npos) << r.out;
}

TEST(CliInputLimits, EndlessStreamIsReadOnlyUpToTheLimit) {
  // /dev/zero never ends: read up to the limit, then refused naming it (never all memory).
  auto r = RunCablebase("parse --format text /dev/zero 2>&1 >/dev/null");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("/dev/zero"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("larger than 64 MiB"), std::string::npos) << r.out;
}

// Runs shell text (sh -c) and returns its exit status; stdout is returned in *out.
int Shell(const std::string& cmd, std::string* out) {
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return -1;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out->append(buf, n);
  const int status = pclose(p);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(CliInputLimits, FifoWithoutWriterIsRefusedAfterTheWait) {
  TempDir dir;
  const std::string fifo = dir.File("pipe");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // Before the fix `parse FIFO` blocked in open() forever: `timeout` turns a hang into exit 124.
  std::string out;
  const int rc = Shell("CABLEBASE_FIFO_WAIT_MS=300 timeout 20 '" + std::string(CABLEBASE_BINARY) +
                           "' parse '" + fifo + "' 2>&1 >/dev/null",
                       &out);
  EXPECT_EQ(rc, 2) << out;
  EXPECT_NE(out.find(fifo), std::string::npos) << out;
  EXPECT_NE(out.find("no process writes to it"), std::string::npos) << out;
}

TEST(CliInputLimits, FifoWithAWriterIsRead) {
  TempDir dir;
  const std::string fifo = dir.File("pipe");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string out;
  const int rc = Shell("cat '" + testing_shared::SeedPath() + "' > '" + fifo + "' & timeout 20 '" +
                           std::string(CABLEBASE_BINARY) + "' parse --format text '" + fifo + "'",
                       &out);
  EXPECT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("\"06MOSCOW1637\""), std::string::npos) << out.substr(0, 300);
}

TEST(CliInputLimits, FifoAndDanglingLinkInAFolderAreReportedNotSkipped) {
  TempDir dir;
  std::filesystem::copy_file(testing_shared::SeedPath(), dir.File("06MOSCOW1637.txt"));
  ASSERT_EQ(::mkfifo(dir.File("pipe").c_str(), 0600), 0);
  std::filesystem::create_symlink(dir.File("gone.txt"), dir.File("dangling.txt"));
  auto r = RunCablebase("parse '" + dir.path() + "' 2>&1 >/dev/null");
  EXPECT_EQ(r.exit_code, 2) << r.out;  // the cable is printed; the two entries are failures
  EXPECT_NE(r.out.find(dir.File("pipe") + ": not read: a FIFO"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(dir.File("dangling.txt") + ": not read: a dangling symbolic link"),
            std::string::npos)
      << r.out;
  auto ok = RunCablebase("parse '" + dir.path() + "' 2>/dev/null");
  EXPECT_NE(ok.out.find("06MOSCOW1637"), std::string::npos);
  // ingest says so too (counted as failed, listed in the errors report).
  TempDir db_dir;  // the archive outside the folder ingested
  auto in = RunCablebase("ingest '" + dir.path() + "' --db '" + db_dir.File("a.db") + "' 2>&1");
  EXPECT_EQ(in.exit_code, 0) << in.out;
  EXPECT_NE(in.out.find("not read: a FIFO"), std::string::npos) << in.out;
  EXPECT_NE(in.out.find("1 added"), std::string::npos) << in.out;
  EXPECT_NE(in.out.find("2 failed"), std::string::npos) << in.out;
}

TEST(CliInputLimits, IngestOfAMissingPathCreatesNoArchive) {
  TempDir dir;
  const std::string db = dir.File("never.db");
  auto r = RunCablebase("ingest /nonexistent/cables --db '" + db + "' 2>&1");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("/nonexistent/cables"), std::string::npos) << r.out;
  EXPECT_FALSE(std::filesystem::exists(db)) << "an empty archive was created";
}

TEST(CliInputLimits, ShowWithAnEmptyIdIsAUsageError) {
  TempDir dir;
  const std::string db = dir.File("a.db");
  ASSERT_EQ(RunCablebase("ingest '" + testing_shared::SeedPath() + "' --db '" + db +
                         "' >/dev/null 2>&1").exit_code,
            0);
  for (const char* id : {"''", "'   '"}) {
    auto r = RunCablebase(std::string("show ") + id + " --db '" + db + "' 2>&1");
    EXPECT_EQ(r.exit_code, 2) << id << ": " << r.out;
    EXPECT_NE(r.out.find("empty reference ID"), std::string::npos) << r.out;
  }
}

TEST(CliInputLimits, EmptyFolderExitsOneForParseValidateAndAudit) {
  TempDir dir;
  for (const char* cmd : {"parse", "validate", "audit"}) {
    auto r = RunCablebase(std::string(cmd) + " '" + dir.path() + "' 2>&1 >/dev/null");
    EXPECT_EQ(r.exit_code, 1) << cmd << ": " << r.out;
    EXPECT_NE(r.out.find("no cables in " + dir.path()), std::string::npos) << cmd << ": " << r.out;
  }
}

}  // namespace
}  // namespace cablebase
