// `cablebase audit` end to end: the real binary over real cables of the shared folder.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cablebase/audit.h"
#include "cli_test_util.h"
#include "shared_files.h"

namespace cablebase {
namespace {

using testing_util::RunCablebase;

// The JSON report over 09MOSCOW1108 and the seed: two cables, one with a finding; exit status 1
// because an invariant is broken; every invariant listed. 09MOSCOW1108's page holds the text of
// another cable (its classification line says SHENYANG 000004: the publisher's error, a finding
// whatever the parser does), and the seed keeps every invariant.
TEST(CliAudit, JsonReportCountsCablesPerInvariant) {
  CABLEBASE_SHARED_PATH(moscow, "corpus/html/chillicoder__cablegate/09MOSCOW1108.html");
  CABLEBASE_SHARED_PATH(seed, "seed/000_517f99ca9aa40bf8.txt");
  auto r = RunCablebase("audit --json '" + moscow + "' '" + seed + "'");
  ASSERT_EQ(r.exit_code, 1) << r.out;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["cables"], 2);
  EXPECT_EQ(j["cables_with_findings"], 1);
  ASSERT_EQ(j["invariants"].size(), Invariants().size());
  for (const nlohmann::json& inv : j["invariants"]) {
    if (inv["name"] != "reference_id") {
      EXPECT_EQ(inv["cables"], 0) << inv["name"];
      continue;
    }
    ASSERT_EQ(inv["cables"], 1);
    EXPECT_EQ(inv["hits"][0]["reference_id"], "09MOSCOW1108");
    EXPECT_EQ(inv["hits"][0]["expected"], "SHENYANG 000004");
  }
}

// The seed alone keeps every invariant: exit 0. --out writes a header row and no finding; an
// unknown invariant name is an error (2).
TEST(CliAudit, CleanCableExitsZeroAndTsvHasOnlyTheHeader) {
  CABLEBASE_SHARED_PATH(seed, "seed/000_517f99ca9aa40bf8.txt");
  std::string tsv = ::testing::TempDir() + "/cli_audit_seed.tsv";
  auto r = RunCablebase("audit --out '" + tsv + "' '" + seed + "'");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("1 cables audited: 0 break an invariant"), std::string::npos) << r.out;
  std::ifstream in(tsv);
  std::stringstream all;
  all << in.rdbuf();
  EXPECT_EQ(all.str(), "reference_id\tpath\tinvariant\tmessage\texpected\tfound\n");
  EXPECT_EQ(RunCablebase("audit --invariant nope '" + seed + "' 2>/dev/null").exit_code, 2);
  EXPECT_EQ(RunCablebase("audit /nonexistent/x.html 2>/dev/null").exit_code, 2);
}

}  // namespace
}  // namespace cablebase
