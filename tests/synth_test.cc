// Scaled-down run of the benchmark corpus (issue 6): bench/synth at N=5,000, re-read and parsed.
//
// Checks correctness only (no timing): the row count, unique reference IDs, that the CSV re-reads with
// ReadSource into exactly N raw cables, that ParseCable recovers every cable's ID and every reference
// the generator wrote, and that references point inside the corpus at the intended rate (80 %).
// Needs python3 and the real corpus (shared/corpus) that bench/synth learns from; skips without them.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "cablebase/parse.h"
#include "cablebase/read.h"
#include "cli_test_util.h"

namespace cablebase {
namespace {

namespace fs = std::filesystem;
using testing_shared::SharedDir;
using testing_util::SourceDir;

constexpr int kCables = 5000;

// One row of bench/synth's --truth file: the cable and the references it was given.
struct TruthRow {
  std::string reference_id;
  std::vector<std::string> refs;
  std::vector<bool> inside;
};

std::vector<TruthRow> ReadTruth(const std::string& path) {
  std::vector<TruthRow> rows;
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // column names
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string row_number, refs;
    TruthRow row;
    std::getline(fields, row_number, '\t');
    std::getline(fields, row.reference_id, '\t');
    std::getline(fields, refs, '\t');
    std::istringstream items(refs);
    std::string item;
    while (std::getline(items, item, ',')) {
      size_t colon = item.rfind(':');
      if (colon == std::string::npos) continue;
      row.refs.push_back(item.substr(0, colon));
      row.inside.push_back(item.substr(colon + 1) == "in");
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

class Synth : public ::testing::Test {
 protected:
  // Generates the corpus once for the whole suite.
  static void SetUpTestSuite() {
    corpus_ = SharedDir() + "/corpus";
    if (!fs::is_directory(corpus_)) return;
    if (std::system("python3 -c 'pass' >/dev/null 2>&1") != 0) return;
    dir_ = (fs::temp_directory_path() / ("cablebase_synth_" + std::to_string(getpid()))).string();
    fs::create_directories(dir_);
    std::string cmd = "python3 '" + SourceDir() + "/bench/synth' --quiet --n " +
                      std::to_string(kCables) + " --seed 7 --corpus '" + corpus_ + "' --out '" +
                      dir_ + "/cables.csv' --truth '" + dir_ + "/truth.tsv'";
    generated_ = std::system(cmd.c_str()) == 0;
  }
  static void TearDownTestSuite() {
    if (!dir_.empty()) {
      std::error_code ec;
      fs::remove_all(dir_, ec);
    }
  }
  void SetUp() override {
    CABLEBASE_SHARED_PATH(corpus, "corpus");
    if (dir_.empty()) GTEST_SKIP() << "python3 not found: bench/synth cannot run";
    ASSERT_TRUE(generated_) << "bench/synth failed";
  }
  static std::string CsvPath() { return dir_ + "/cables.csv"; }
  static std::string TruthPath() { return dir_ + "/truth.tsv"; }

  static inline std::string corpus_, dir_;
  static inline bool generated_ = false;
};

TEST_F(Synth, WritesNRowsWithUniqueIds) {
  std::vector<TruthRow> truth = ReadTruth(TruthPath());
  ASSERT_EQ(truth.size(), static_cast<size_t>(kCables));
  std::set<std::string> ids;
  for (const TruthRow& row : truth) ids.insert(row.reference_id);
  EXPECT_EQ(ids.size(), truth.size());
}

TEST_F(Synth, IsDeterministicForASeed) {
  std::string again = dir_ + "/again.csv";
  std::string cmd = "python3 '" + SourceDir() + "/bench/synth' --quiet --n " +
                    std::to_string(kCables) + " --seed 7 --corpus '" + corpus_ + "' --out '" + again +
                    "' && cmp -s '" + again + "' '" + CsvPath() + "'";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << "two runs with the same seed differ";
}

TEST_F(Synth, RereadsAndParsesEveryCableWithItsReferences) {
  std::vector<TruthRow> truth = ReadTruth(TruthPath());
  ASSERT_EQ(truth.size(), static_cast<size_t>(kCables));

  SourceFile file{CsvPath(), static_cast<uint64_t>(fs::file_size(CsvPath())), {}};
  size_t raws = 0, read_failures = 0, parse_failures = 0, id_mismatches = 0;
  size_t refs_expected = 0, refs_missing = 0;
  std::vector<std::string> problems;
  std::vector<std::vector<std::string>> parsed_refs;
  std::unordered_set<std::string> parsed_ids;
  auto note = [&](std::string s) {
    if (problems.size() < 10) problems.push_back(std::move(s));
  };
  Status s = ReadSource(file, InputFormat::kCsv, [&](Result<RawCable> raw) {
    size_t row = raws++;
    if (!raw.ok()) {
      ++read_failures;
      note("read: " + raw.status().ToString());
      return true;
    }
    Result<Cable> cable = ParseCable(*raw);
    if (!cable.ok()) {
      ++parse_failures;
      note("parse: " + cable.status().ToString());
      return true;
    }
    parsed_ids.insert(cable->reference_id);
    std::vector<std::string> cited;
    for (const Reference& r : cable->references) {
      if (r.reference_id) cited.push_back(*r.reference_id);
    }
    if (row < truth.size()) {
      const TruthRow& want = truth[row];
      if (cable->reference_id != want.reference_id) {
        ++id_mismatches;
        note("row " + std::to_string(row + 1) + ": ID " + cable->reference_id + ", want " +
             want.reference_id);
      }
      for (const std::string& ref : want.refs) {
        ++refs_expected;
        if (std::find(cited.begin(), cited.end(), ref) == cited.end()) {
          ++refs_missing;
          note(want.reference_id + ": reference " + ref + " not recovered");
        }
      }
    }
    parsed_refs.push_back(std::move(cited));
    return true;
  });
  ASSERT_TRUE(s.ok()) << s.ToString();

  std::string examples;
  for (const std::string& p : problems) examples += "\n  " + p;
  EXPECT_EQ(raws, static_cast<size_t>(kCables)) << examples;
  EXPECT_EQ(read_failures, 0u) << examples;
  EXPECT_EQ(parse_failures, 0u) << examples;
  EXPECT_EQ(id_mismatches, 0u) << examples;
  EXPECT_EQ(parsed_ids.size(), static_cast<size_t>(kCables)) << examples;
  // 44 % of the corpus's templates have a REF block (1-26 entries): ~4,600 references at N=5,000.
  EXPECT_GT(refs_expected, static_cast<size_t>(kCables) / 2);
  // Every reference sits where its template's REF block was. A few real layouts still defeat the
  // parser in the real cables too (subject wrapped across a blank line: 09LONDON290, 09BRASILIA1460;
  // subject continuation `4, 2006.`: 06PARIS2242 — their own REF entries are lost the same way), so
  // up to 2 % may be missed; the misses are listed.
  EXPECT_LE(refs_missing * 50, refs_expected)
      << refs_missing << " of " << refs_expected << " references not recovered" << examples;

  // The generator's in/out flags, checked against the IDs the parser found.
  size_t inside = 0, total = 0, flagged_inside = 0;
  for (const TruthRow& row : truth) {
    for (size_t i = 0; i < row.refs.size(); ++i) {
      ++total;
      flagged_inside += row.inside[i];
      inside += parsed_ids.count(row.refs[i]);
      if (row.inside[i] != (parsed_ids.count(row.refs[i]) == 1)) {
        ADD_FAILURE() << row.reference_id << " cites " << row.refs[i] << " flagged "
                      << (row.inside[i] ? "in" : "out") << " but it is not so";
        break;
      }
    }
  }
  ASSERT_GT(total, 0u);
  EXPECT_EQ(inside, flagged_inside);
  double share = static_cast<double>(inside) / static_cast<double>(total);
  EXPECT_GT(share, 0.75) << "share of references inside the corpus";
  EXPECT_LT(share, 0.85) << "share of references inside the corpus";
}

// The benchmark's ingest step on the same corpus, through the CLI as bench/run_all.sh runs it:
// every cable stored once, indexed once, its references stored, and the graph's resolved edges
// exactly the references the generator pointed inside the corpus (minus those the parser misses,
// bounded as above).
TEST_F(Synth, IngestStoresEveryCableAndReference) {
  std::vector<TruthRow> truth = ReadTruth(TruthPath());
  ASSERT_EQ(truth.size(), static_cast<size_t>(kCables));
  size_t truth_refs = 0, truth_inside = 0;
  for (const TruthRow& row : truth) {
    truth_refs += row.refs.size();
    for (bool in : row.inside) truth_inside += in;
  }
  std::string db = dir_ + "/ingest.db";
  testing_util::CommandResult ingest =
      testing_util::RunCablebase("ingest '" + CsvPath() + "' --db '" + db + "' 2>&1");
  ASSERT_EQ(ingest.exit_code, 0) << ingest.out;
  EXPECT_NE(ingest.out.find("5000 added"), std::string::npos) << ingest.out;
  EXPECT_NE(ingest.out.find("0 failed"), std::string::npos) << ingest.out;

  auto count = [&](const std::string& sql) -> long long {
    std::string cmd = "sqlite3 -readonly '" + db + "' \"" + sql + "\"";
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return -1;
    char buf[64] = {0};
    long long v = fgets(buf, sizeof buf, p) ? std::atoll(buf) : -1;
    pclose(p);
    return v;
  };
  EXPECT_EQ(count("SELECT count(*) FROM cables"), kCables);
  EXPECT_EQ(count("SELECT count(*) FROM cable_versions"), kCables);
  EXPECT_EQ(count("SELECT count(*) FROM cables_fts"), kCables);
  EXPECT_EQ(count("SELECT count(DISTINCT reference_id) FROM cables"), kCables);
  long long stored_refs = count("SELECT count(*) FROM refs WHERE cited_id IS NOT NULL");
  long long resolved = count("SELECT count(*) FROM ref_edges WHERE resolved");
  // More than the generator wrote is expected: it rewrites the REF entries it recognises, and
  // the ones it leaves in a template (00HARARE25's `HARARE 6584`) still name cables.
  EXPECT_GE(static_cast<size_t>(stored_refs) * 50, truth_refs * 49) << "references stored";
  // A template's own REF entries that the generator leaves (see above) can name a generated cable
  // by chance: at seed 7, 13 edges (10ZAGREB27 "A. ZAGREB 0053" → 10ZAGREB53 and its copies)
  // beside all 3,779 of the truth's, once subjects wrapped across a blank line were read whole
  // (before, the REF lines of those templates were body). Allowed up to 1%.
  EXPECT_LE(static_cast<size_t>(resolved) * 100, truth_inside * 101)
      << resolved << " edges resolved of " << truth_inside;
  EXPECT_GE(static_cast<size_t>(resolved) * 50, truth_inside * 49) << "references resolved";
  // A full-text query agrees with the index: every cable has a subject or body word.
  testing_util::CommandResult search =
      testing_util::RunCablebase("search --db '" + db + "' --limit 0 --json 'government' 2>&1");
  EXPECT_EQ(search.exit_code, 0) << search.out;
  long long fts = count("SELECT count(*) FROM cables_fts WHERE cables_fts MATCH 'government'");
  EXPECT_GT(fts, 100);
  EXPECT_NE(search.out.find("\"total\": " + std::to_string(fts) + ","), std::string::npos)
      << search.out.substr(0, 300);
}

}  // namespace
}  // namespace cablebase
