// `cablebase ingest --upgrade` through the real binary (the command read-only commands name when an
// archive is older than this cablebase).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "cli_test_util.h"

namespace cablebase {
namespace {

namespace fs = std::filesystem;
using testing_util::RunCablebase;

TEST(CliIngest, UpgradeNeedsAnExistingArchiveAndReadsNothing) {
  CABLEBASE_SHARED_SET(cables, "query");
  fs::path dir = fs::temp_directory_path() / ("cablebase_cli_ingest_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string missing = (dir / "typo.db").string();
  testing_util::CommandResult r = RunCablebase("ingest --upgrade --db '" + missing + "' 2>&1");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("no archive to upgrade"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(missing)) << "a mistyped path must not become an empty archive";

  const std::string db = (dir / "a.db").string();
  ASSERT_EQ(RunCablebase("ingest '" + cables + "' --db '" + db + "' 2>&1").exit_code, 0);
  r = RunCablebase("ingest --upgrade --db '" + db + "' 2>&1");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("every stored cable in the full-text index); nothing read"),
            std::string::npos)
      << r.out;
  r = RunCablebase("ingest --upgrade '" + cables + "' --db '" + db + "' 2>&1");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("--upgrade reads no cables"), std::string::npos) << r.out;
  std::error_code ec;
  fs::remove_all(dir, ec);
}

}  // namespace
}  // namespace cablebase
