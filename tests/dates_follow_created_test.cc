// from:/to: follow `created` (issue 11): the alx file of 10MADRID49 writes its date as local
// midnight ("Tue Jan 19 00:00:00 +0100 2010") and its text has the DTG 191734Z JAN 10, so the cable
// was created on 2010-01-19 — before issue 11 the offset moved it to the 18th.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <unistd.h>

#include "cli_test_util.h"
#include "shared_files.h"

namespace cablebase {
namespace {

namespace fs = std::filesystem;

TEST(DatesFollowCreated, AlxLocalMidnightCableIsFoundOnItsOwnDay) {
  CABLEBASE_SHARED_PATH(alx, "corpus/text/alx__cablegate/10MADRID49.txt");
  const fs::path dir = fs::temp_directory_path() / ("cablebase_dates_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string db = (dir / "a.db").string();
  auto run = [&](const std::string& args) {
    return testing_util::RunCablebase(args + " --db '" + db + "' 2>&1");
  };
  ASSERT_EQ(run("ingest '" + alx + "'").exit_code, 0);
  testing_util::CommandResult same_day = run("search 'from:2010-01-19 to:2010-01-19' --json");
  EXPECT_EQ(same_day.exit_code, 0) << same_day.out;
  EXPECT_NE(same_day.out.find("\"2010-01-19T17:34:00Z\""), std::string::npos) << same_day.out;
  EXPECT_NE(same_day.out.find("10MADRID49"), std::string::npos) << same_day.out;
  testing_util::CommandResult day_before = run("search 'from:2010-01-18 to:2010-01-18' --json");
  EXPECT_EQ(day_before.exit_code, 1) << day_before.out;
  EXPECT_EQ(day_before.out.find("10MADRID49"), std::string::npos) << day_before.out;
  std::error_code ec;
  fs::remove_all(dir, ec);
}

}  // namespace
}  // namespace cablebase
