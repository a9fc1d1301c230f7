// The golden cases of an independent parser (shared/golden, cablemap's test suite) run through the
// cablebase library: one GoogleTest per case. The adapter below maps cablemap's shapes onto ours
// (golden/README.md); it never changes what the library returns.
//
// The case file is $CABLEBASE_GOLDEN, default <shared>/golden/cablemap-dev.json where <shared> is
// $CABLEBASE_SHARED or the folder `shared` beside the source tree (tests/shared_files.h). Without a
// case file one test reports it: a skip, or a failure in CI (CI=true).
#include <gtest/gtest.h>

#include <cctype>
#include <cstring>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "model/reference_id.h"
#include "model/tag_kind.h"
#include "parse/body.h"
#include "parse/message_header.h"
#include "parse/text_header.h"
#include "shared_files.h"

namespace cablebase {
namespace {

using Json = nlohmann::json;

std::string GoldenPath() {
  if (const char* p = std::getenv("CABLEBASE_GOLDEN"); p && *p) return p;
  return testing_shared::SharedPath("golden/cablemap-dev.json");
}

Json NullOr(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

// cablemap's name normalisation ("normalize": true): a word written all in capitals is title-cased
// ("HOAGLAND" → "Hoagland"); mixed-case words ("LeBaron") and roman numerals ("III") are kept; a
// lone "0." initial is "O.".
std::string TitleCase(const std::string& s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string::npos) j = s.size();
    std::string word = s.substr(i, j - i);
    // A zero typed for the initial O ("LEE 0. COLDREN" → "Lee O. Coldren", golden classified_by
    // #21): normalisation reads it as the letter, as it title-cases the rest.
    if (word == "0.") word = "O.";
    bool has_lower = false, all_roman = true;
    int letters = 0;
    for (char ch : word) {
      unsigned char c = static_cast<unsigned char>(ch);
      if (std::islower(c)) has_lower = true;
      if (std::isalpha(c)) {
        ++letters;
        if (!std::strchr("IVX", ch)) all_roman = false;
      }
    }
    if (!has_lower && letters > 1 && !all_roman) {
      bool start = true;
      for (char& ch : word) {
        unsigned char c = static_cast<unsigned char>(ch);
        if (std::isalpha(c)) {
          ch = static_cast<char>(start ? std::toupper(c) : std::tolower(c));
          start = false;
        } else {
          start = (c == '-' || c == '\'');
        }
      }
    }
    out += word;
    if (j < s.size()) out += ' ';
    i = j + 1;
  }
  return out;
}

Json AddresseesJson(const std::vector<Addressee>& list) {
  Json out = Json::array();
  for (const Addressee& a : list) {
    out.push_back(Json{{"route", NullOr(a.route)},
                       {"name", NullOr(a.name)},
                       {"precedence", NullOr(a.precedence)},
                       {"mcn", NullOr(a.sequence)},
                       {"excluded", a.excluded}});
  }
  return out;
}

// Runs the library function a case names and returns its result in cablemap's shape.
Json Evaluate(const std::string& function, const std::string& input, const Json& params,
              const Json& projection) {
  if (function == "canonicalize_id") return model::CanonicalizeReferenceId(input);
  if (function == "parse_references") {
    int year = params.value("year", 0);
    std::string citing;
    if (params.contains("reference_id") && params["reference_id"].is_string())
      citing = params["reference_id"].get<std::string>();
    std::vector<Reference> refs = parse::ParseReferences(input, year, citing);
    Json out = Json::array();
    if (projection == "unique_cable_values") {
      std::set<std::string> seen;
      for (const Reference& r : refs) {
        if (r.kind != ReferenceKind::kCable || !r.reference_id) continue;
        if (seen.insert(*r.reference_id).second) out.push_back(*r.reference_id);
      }
      return out;
    }
    for (const Reference& r : refs) {
      std::string value = (r.kind == ReferenceKind::kCable && r.reference_id) ? *r.reference_id : r.text;
      out.push_back(Json{{"value", value},
                         {"kind", static_cast<int>(r.kind)},
                         {"bullet", NullOr(r.label)},
                         {"title", nullptr}});
    }
    return out;
  }
  if (function == "parse_tags") return parse::ParseTags(input);
  if (function == "tag_kind") {
    // cablemap returns the caller's `default` for a tag it does not recognise.
    TagKind k = model::TagKindOf(input);
    return k == TagKind::kUnknown ? params.value("default", 0) : static_cast<int>(k);
  }
  if (function == "parse_subject") {
    // `clean: false` asks for the subject as written, portion mark included.
    bool as_written = params.is_object() && !params.value("clean", true);
    return parse::ParseSubject(input, as_written ? parse::SubjectForm::kAsWritten
                                                 : parse::SubjectForm::kClean);
  }
  if (function == "parse_classified_by") {
    Json out = Json::array();
    auto cb = parse::ParseClassifiedBy(input);
    if (cb && !cb->name.empty())
      out.push_back(params.value("normalize", false) ? TitleCase(cb->name) : cb->name);
    return out;
  }
  if (function == "parse_signed_by") return parse::ParseSigners(input);
  if (function == "parse_summary") {
    std::string s = parse::ParseSummary(input);
    return s.empty() ? Json(nullptr) : Json(s);
  }
  if (function == "parse_nondisclosure_deadline") {
    auto eo = parse::ParseExecutiveOrder(input);
    return (eo && !eo->declassify_on.empty()) ? Json(eo->declassify_on) : Json(nullptr);
  }
  if (function == "parse_recipients") return AddresseesJson(parse::ParseMessageHeader(input).to);
  if (function == "parse_info_recipients")
    return AddresseesJson(parse::ParseMessageHeader(input).info);
  if (function == "clean_content") return parse::CleanContent(input);
  return Json("<no adapter for " + function + ">");
}

class GoldenCase : public testing::Test {
 public:
  explicit GoldenCase(Json c) : case_(std::move(c)) {}
  void TestBody() override {
    const Json& c = case_;
    Json got = Evaluate(c["function"], c["input"], c["params"], c["projection"]);
    Json want = c["expected"];
    if (want.is_null() && c.contains("expected_from")) {
      const Json& f = c["expected_from"];
      want = Evaluate(f["function"], f["input"], f["params"], f["projection"]);
    }
    EXPECT_EQ(got, want) << "function: " << c["function"] << "\ninput: " << c["input"].dump()
                         << "\nparams: " << c["params"].dump() << "\ngot:  " << got.dump()
                         << "\nwant: " << want.dump();
  }

 private:
  Json case_;
};

std::string Sanitize(const std::string& s) {
  std::string out;
  for (char ch : s) out.push_back(std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_');
  return out;
}

void RegisterCases() {
  const std::string path = GoldenPath();
  std::ifstream in(path);
  if (!in) {
    testing::RegisterTest("Golden", "CaseFileMissing", nullptr, nullptr, __FILE__, __LINE__,
                          [path]() -> testing::Test* {
                            struct Skip : testing::Test {
                              std::string p;
                              void TestBody() override {
                                const std::string why =
                                    testing_shared::MissingMessage(p) + " (or set CABLEBASE_GOLDEN)";
                                if (testing_shared::InCi()) FAIL() << why;
                                GTEST_SKIP() << why;
                              }
                            };
                            auto* t = new Skip;
                            t->p = path;
                            return t;
                          });
    return;
  }
  Json cases = Json::parse(in);
  std::set<std::string> names;
  for (const Json& c : cases) {
    std::string suite = "Golden_" + Sanitize(c.value("function", "unknown"));
    std::string name = Sanitize(c.value("suite", "")) + "_" + Sanitize(c.value("case", "")) + "_" +
                       std::to_string(c.value("index", 0));
    while (!names.insert(suite + "." + name).second) name += "_";
    testing::RegisterTest(suite.c_str(), name.c_str(), nullptr, nullptr, __FILE__, __LINE__,
                          [c]() -> testing::Test* { return new GoldenCase(c); });
  }
}

}  // namespace
}  // namespace cablebase

// Runs every case, then judges the run as a whole: the cases are an outside parser's expectations,
// some of which contradict each other (docs/cable_format.md lists every failing case and why), so the
// process succeeds when at least $CABLEBASE_GOLDEN_MIN percent (default 95) pass. Each case is still
// its own GoogleTest, so `--gtest_filter` and the per-case report work as usual.
int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  cablebase::RegisterCases();
  int rc = RUN_ALL_TESTS();
  const testing::UnitTest& u = *testing::UnitTest::GetInstance();
  int passed = u.successful_test_count(), failed = u.failed_test_count();
  double min_percent = 95.0;
  if (const char* m = std::getenv("CABLEBASE_GOLDEN_MIN"); m && *m) min_percent = std::atof(m);
  int run = passed + failed;
  if (run == 0) return rc;
  double percent = 100.0 * passed / run;
  std::printf("golden: %d of %d cases pass (%.1f%%; the bar is %.1f%%)\n", passed, run, percent,
              min_percent);
  return percent >= min_percent ? 0 : 1;
}
