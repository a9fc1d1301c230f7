// `cablebase show` of a cable whose sections were published as separate records (issue 11): the
// parts shown joined in order, `--versions` listing versions per part and never one section as
// replacing another, the same output whichever part was ingested first. Fixtures: the set "parts"
// (tests/testdata/parts/README.md).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "cli_test_util.h"

namespace cablebase {
namespace {

namespace fs = std::filesystem;
using testing_util::RunCablebase;

class CliShowParts : public ::testing::Test {
 protected:
  void SetUp() override {
    CABLEBASE_SHARED_SET(fixtures, "parts");
    fixtures_ = fixtures;
    dir_ = fs::temp_directory_path() / ("cablebase_show_parts_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  // Ingests the parts in `order` (one ingest each) into a new archive `name`.
  std::string MakeArchive(const std::string& name, std::initializer_list<const char*> order) {
    std::string db = (dir_ / name).string();
    for (const char* part : order) {
      testing_util::CommandResult r =
          RunCablebase("ingest '" + fixtures_ + "/" + part + "' --db '" + db + "' 2>&1");
      EXPECT_EQ(r.exit_code, 0) << r.out;
    }
    return db;
  }
  static testing_util::CommandResult Show(const std::string& db, const std::string& args) {
    return RunCablebase("show " + args + " --db '" + db + "' 2>/dev/null");
  }
  std::string fixtures_;
  fs::path dir_;
};

TEST_F(CliShowParts, PartsAreShownInOrderWhicheverCameFirst) {
  std::string ab = MakeArchive("ab.db", {"part1", "part2"});
  std::string ba = MakeArchive("ba.db", {"part2", "part1"});
  for (const char* args : {"06NEWDELHI5266", "06NEWDELHI5266 --json", "06NEWDELHI5266 --text"}) {
    testing_util::CommandResult x = Show(ab, args), y = Show(ba, args);
    ASSERT_EQ(x.exit_code, 0) << x.out;
    EXPECT_EQ(x.out, y.out) << args;
  }
  testing_util::CommandResult r = Show(ab, "06SCTION02OF02NEWDELHI5266");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("2 sections published as separate records, shown joined in order"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("part 2 of 2  published as 06SCTION02OF02NEWDELHI5266"), std::string::npos)
      << r.out;
  size_t p1 = r.out.find("commissioned by a leading Indian");
  size_t p2 = r.out.find("custom-made for the Left");
  ASSERT_NE(p1, std::string::npos) << r.out;
  ASSERT_NE(p2, std::string::npos) << r.out;
  EXPECT_LT(p1, p2);
  EXPECT_EQ(r.out.find("this is the current one"), std::string::npos) << r.out;
}

TEST_F(CliShowParts, VersionsAreListedPerPartAndNeverReplaceAnotherSection) {
  std::string db = MakeArchive("v.db", {"part2", "part1", "part2_revised"});
  testing_util::CommandResult r = Show(db, "06NEWDELHI5266 --versions");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("Versions of 06NEWDELHI5266 (3, in 2 parts: sections published as separate "
                       "records, each current):\n  part 1 of 2 (published as 06NEWDELHI5266)\n"
                       "    v1 (current)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\n  part 2 of 2 (published as 06SCTION02OF02NEWDELHI5266)\n    v1  "),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\n    v2 (current)"), std::string::npos) << r.out;
  // One diff: part 2's two releases; never part 1 against part 2.
  EXPECT_NE(r.out.find("--- part 2 of 2: v1 → v2"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("--- v1"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("part 1 of 2: v"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace cablebase
