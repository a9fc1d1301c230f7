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

// The JSON report over 04MADRID961 (REF block over a blank line) and the seed: two cables, one
// with findings; exit status 1 because an invariant is broken; every invariant listed.
TEST(CliAudit, JsonReportCountsCablesPerInvariant) {
  CABLEBASE_SHARED_PATH(madrid, "corpus/html/chillicoder__cablegate/04MADRID961.html");
  CABLEBASE_SHARED_PATH(seed, "seed/000_517f99ca9aa40bf8.txt");
  auto r = RunCablebase("audit --json '" + madrid + "' '" + seed + "'");
  ASSERT_EQ(r.exit_code, 1) << r.out;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["cables"], 2);
  EXPECT_EQ(j["cables_with_findings"], 1);
  ASSERT_EQ(j["invariants"].size(), Invariants().size());
  const nlohmann::json& refs = j["invariants"][0];
  EXPECT_EQ(refs["name"], "ref_labels");
  // Whatever the parser reads of the block, the text has the labels A B C.
  if (refs["cables"] == 1) {
    EXPECT_EQ(refs["hits"][0]["reference_id"], "04MADRID961");
    EXPECT_EQ(refs["hits"][0]["expected"], "A B C");
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
