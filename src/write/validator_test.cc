// Tests of the format rules: for every rule a telegram that keeps it and one that breaks it.
//
// The minimal cables are a complete draft (modelled on 06MOSCOW1637, the seed) formatted by
// FormatCable and changed in one field; real cables from the corpus (tests/testdata/write.files) show
// the rules on published text through the parser.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "cablebase/parse.h"
#include "cablebase/read.h"
#include "cablebase/write.h"
#include "shared_files.h"

namespace cablebase {
namespace {

// A draft that breaks no rule: 06MOSCOW1637's header, a few paragraphs, a NOFORN paragraph.
Cable GoodCable() {
  Cable c;
  c.reference_id = "06MOSCOW1637";
  c.precedence = "IMMEDIATE";
  c.dtg = "201007Z FEB 06";
  c.originator = "AMEMBASSY MOSCOW";
  c.to = {{"RUEHC", "SECSTATE WASHDC", "IMMEDIATE", "1026", false, {}}};
  c.info = {{"", "ARAB ISRAELI COLLECTIVE", "PRIORITY", "", true, {}},
            {"RUEHGV", "USMISSION GENEVA", "PRIORITY", "0311", false, {}}};
  c.classification = "SECRET";
  c.caveats = {"SIPDIS", "NOFORN"};
  c.post = "MOSCOW";
  c.serial = "001637";
  c.executive_order = "12958";
  c.declassify_on = "2014-09-20";
  c.tags = {"PREL", "RS", "KPAL"};
  c.subject = "HAMAS VISIT TO MOSCOW";
  c.references = {{"A", "MOSCOW 1323", ReferenceKind::kCable, "06MOSCOW1323"},
                  {"B", "STATE 2345", ReferenceKind::kCable, "06STATE2345"}};
  ClassifiedBy cb;
  cb.name = "Kirk Augustine";
  cb.title = "Minister-Counselor for Political Affairs";
  cb.reasons = {"1.4(b)", "1.4(d)"};
  c.classified_by = cb;
  c.paragraphs = {{1, "C", "SUMMARY. A/DCM met February 17 with MFA. END SUMMARY."},
                  {2, "S/NF", "Timing and Level. Vershinin noted the visit."},
                  {3, "U", "Comment. Like other GOR officials."}};
  c.signers = {"BURNS"};
  return c;
}

// The telegram of `c` as a reader would deliver it: header block, then text block.
RawCable RawOf(const std::string& telegram) {
  RawCable raw;
  size_t split = telegram.find("\n\n");
  raw.header = telegram.substr(0, split);
  raw.text = split == std::string::npos ? std::string() : telegram.substr(split + 2);
  return raw;
}

std::vector<Diagnostic> Validate(const Cable& c) {
  Result<std::string> text = FormatCable(c);
  EXPECT_TRUE(text.ok()) << text.status().ToString();
  if (!text.ok()) return {};
  return ValidateCable(c, RawOf(*text));
}

std::vector<std::string> Codes(const std::vector<Diagnostic>& diags) {
  std::vector<std::string> codes;
  for (const Diagnostic& d : diags) codes.push_back(d.code);
  return codes;
}

bool Has(const std::vector<Diagnostic>& diags, const std::string& code) {
  return std::any_of(diags.begin(), diags.end(), [&](const Diagnostic& d) { return d.code == code; });
}

TEST(ValidateRules, EveryRuleHasCodeDescriptionAndUniqueCode) {
  std::vector<std::string> codes;
  for (const ValidationRule& r : ValidationRules()) {
    EXPECT_EQ(std::string(r.code).size(), 6u) << r.code;
    EXPECT_GT(std::string(r.description).size(), 20u) << r.code;
    codes.push_back(r.code);
  }
  std::sort(codes.begin(), codes.end());
  EXPECT_EQ(std::adjacent_find(codes.begin(), codes.end()), codes.end());
  EXPECT_GE(codes.size(), 26u);
}

TEST(ValidateRules, GoodDraftHasNoDiagnostic) {
  std::vector<Diagnostic> d = Validate(GoodCable());
  EXPECT_TRUE(d.empty()) << ::testing::PrintToString(Codes(d));
}

// One rule: a change that keeps it (still no diagnostic of that code) and one that breaks it.
struct RuleCase {
  const char* code;
  std::function<void(Cable&)> keep;
  std::function<void(Cable&)> brk;
  // Optional: a change to the formatted text (for what the record normalises away).
  std::function<void(std::string&)> brk_text = nullptr;
};

const std::vector<RuleCase>& Cases() {
  static const std::vector<RuleCase> kCases = {
      {"DTG001", [](Cable& c) { c.dtg = "290000Z FEB 08"; c.reference_id = "08MOSCOW1637"; },
       [](Cable& c) { c.dtg = "300000Z FEB 08"; c.reference_id = "08MOSCOW1637"; }},
      {"DTG002", [](Cable& c) {}, [](Cable& c) { c.dtg.clear(); },
       [](std::string& t) { t.erase(0, t.find('\n') + 1); }},
      {"PRE001", [](Cable& c) { c.to[0].precedence = "NIACT IMMEDIATE"; },
       [](Cable& c) { c.to[0].precedence = "URGENT"; }},
      {"PRE002", [](Cable& c) { c.precedence = "IMMEDIATE"; },
       [](Cable& c) { c.precedence = "PRIORITY"; }},
      {"PRE003", [](Cable& c) { c.to[0].precedence = "NIACT IMMEDIATE"; },
       [](Cable& c) { c.info[1].precedence = "NIACT IMMEDIATE"; }},
      {"ADR001", [](Cable& c) { c.info[1].sequence = "0312"; },
       [](Cable& c) { c.info[0].sequence = "0312"; }},
      {"ADR002", [](Cable& c) { c.to[0].sequence = "9314-9317"; },
       [](Cable& c) { c.to[0].sequence = "10A6"; }},
      {"ADR003", [](Cable& c) {}, [](Cable& c) { c.to.clear(); },
       // FormatCable refuses a cable without TO; the telegram loses its TO line instead.
       [](std::string& t) {
         size_t at = t.find("TO RUEHC");
         t.erase(at, t.find('\n', at) + 1 - at);
       }},
      {"CLS001", [](Cable& c) { c.classification = "LIMITED OFFICIAL USE"; },
       [](Cable& c) { c.classification = "PRIVATE"; }},
      {"CLS002", [](Cable& c) { c.paragraphs[1].portion_marking = "S"; },
       [](Cable& c) { c.paragraphs[1].portion_marking = "TS"; }},
      {"CLS003", [](Cable& c) { c.paragraphs[1].portion_marking = "S"; c.caveats = {"SIPDIS"}; },
       [](Cable& c) { c.caveats = {"SIPDIS"}; }},
      {"CLS004", [](Cable& c) { c.paragraphs[0].portion_marking = "C//REL NATO"; },
       [](Cable& c) { c.paragraphs[0].portion_marking = "S-NF"; }},
      {"RID001", [](Cable& c) { c.serial = "1637"; },
       [](Cable& c) { c.reference_id = "07MOSCOW1637"; }},
      {"SEC001", [](Cable& c) { c.section_number = 1; c.section_count = 2; },
       [](Cable& c) { c.section_number = 3; c.section_count = 2; }},
      {"DCL001", [](Cable& c) { c.declassify_on.clear(); c.eo_line = "E.O. 12958: DECL: X1"; },
       [](Cable& c) { c.executive_order.clear(); c.declassify_on.clear(); }},
      {"DCL002", [](Cable& c) { c.declassify_on = "2006-02-21"; },
       [](Cable& c) { c.declassify_on = "2006-02-20"; }},
      {"DCL003", [](Cable& c) { c.executive_order = "12356"; c.declassify_on.clear();
                                c.eo_line = "E.O. 12356: DECL: OADR"; },
       [](Cable& c) { c.declassify_on.clear(); c.eo_line = "E.O. 12958: DECL: N/A"; }},
      {"DCL004", [](Cable& c) { c.classified_by.reset(); c.executive_order = "12356";
                                c.declassify_on.clear(); c.eo_line = "E.O. 12356: DECL: OADR"; },
       [](Cable& c) { c.classified_by.reset(); }},
      {"DCL005", [](Cable& c) { c.classified_by->reasons = {"1.5(b)", "1.4(h)"}; },
       [](Cable& c) { c.classified_by->reasons = {"1.4(i)"}; }},
      {"DCL006",
       [](Cable& c) { c.classification = "UNCLASSIFIED"; c.classified_by.reset();
                      c.declassify_on.clear(); c.paragraphs[1].portion_marking = "SBU";
                      c.paragraphs[0].portion_marking = "U"; },
       [](Cable& c) { c.classification = "UNCLASSIFIED"; c.paragraphs[1].portion_marking = "SBU";
                      c.paragraphs[0].portion_marking = "U"; }},
      // TXT001: a cable without text (header-only, 09KHARTOUM881's routing block alone).
      {"TXT001", [](Cable&) {},
       [](Cable& c) { c.text_raw.clear(); c.body.clear(); c.paragraphs.clear(); },
       [](std::string& t) { t = t.substr(0, t.find("\n\n")) + "\n"; }},
      {"TAG001", [](Cable& c) { c.tags = {"PGOV"}; }, [](Cable& c) { c.tags.clear(); }},
      {"TAG002", [](Cable& c) { c.tags = {"PGOV", "KDEM", "NATO"}; },
       [](Cable& c) { c.tags = {"PGOV", "PXQZ"}; }},
      {"TAG003", [](Cable& c) { c.tags = {"PREL", "SZ", "IZ"}; },
       [](Cable& c) { c.tags = {"PREL", "IQ"}; }},  // ISO's Iraq; State's code is IZ
      {"SUB001", [](Cable& c) { c.subject = "X"; }, [](Cable& c) { c.subject.clear(); }},
      {"PAR001", [](Cable& c) { c.paragraphs.pop_back(); },
       [](Cable& c) { c.paragraphs[2].number = 4; }},
      {"REF001", [](Cable& c) { c.references[1].label = "B"; c.references.push_back(c.references[1]); },
       [](Cable& c) { c.references[1].label = "C"; }},
  };
  return kCases;
}

TEST(ValidateRules, EveryRuleHasACase) {
  for (const ValidationRule& r : ValidationRules()) {
    bool found = std::any_of(Cases().begin(), Cases().end(),
                             [&](const RuleCase& k) { return std::string(k.code) == r.code; });
    EXPECT_TRUE(found) << r.code << " has no test case";
  }
}

TEST(ValidateRules, KeepingCasesPass) {
  for (const RuleCase& k : Cases()) {
    Cable c = GoodCable();
    k.keep(c);
    std::vector<Diagnostic> d = Validate(c);
    EXPECT_FALSE(Has(d, k.code)) << k.code << " fired on its passing case: "
                                 << ::testing::PrintToString(Codes(d));
  }
}

TEST(ValidateRules, BreakingCasesFail) {
  for (const RuleCase& k : Cases()) {
    Cable c = GoodCable();
    Cable formatted = c;
    if (!k.brk_text) {
      k.brk(c);
      formatted = c;
    }
    Result<std::string> text = FormatCable(formatted);
    ASSERT_TRUE(text.ok()) << k.code << ": " << text.status().ToString();
    std::string t = *text;
    if (k.brk_text) {
      k.brk(c);
      k.brk_text(t);
    }
    std::vector<Diagnostic> d = ValidateCable(c, RawOf(t));
    ASSERT_TRUE(Has(d, k.code)) << k.code << " did not fire on its failing case: "
                                << ::testing::PrintToString(Codes(d)) << "\n" << t;
    for (const Diagnostic& x : d) {
      if (x.code != k.code) continue;
      EXPECT_GT(x.line, 0) << k.code;
      EXPECT_GT(x.column, 0) << k.code;
      EXPECT_FALSE(x.message.empty());
    }
  }
}

TEST(ValidateRules, PositionsPointAtTheField) {
  Cable c = GoodCable();
  c.paragraphs[2].number = 4;
  c.info[0].sequence = "0312";
  std::string text = *FormatCable(c);
  std::vector<Diagnostic> d = ValidateCable(c, RawOf(text));
  ASSERT_EQ(d.size(), 2u) << ::testing::PrintToString(Codes(d));
  // Header: line 4 is "INFO ARAB ISRAELI COLLECTIVE PRIORITY 0312", the name at column 6.
  EXPECT_EQ(d[0].code, "ADR001");
  EXPECT_EQ(d[0].line, 4);
  EXPECT_EQ(d[0].column, 6);
  EXPECT_EQ(d[1].code, "PAR001");
  RawCable raw = RawOf(text);
  std::vector<std::string> lines;
  std::istringstream all(raw.header + "\n" + raw.text);
  for (std::string l; std::getline(all, l);) lines.push_back(l);
  ASSERT_LE(d[1].line, static_cast<int64_t>(lines.size()));
  EXPECT_EQ(lines[d[1].line - 1].rfind("4. (U)", 0), 0u) << lines[d[1].line - 1];
}

TEST(ValidateRules, DtgRanges) {
  for (const char* bad : {"320000Z JAN 06", "311200Z APR 06", "202400Z FEB 06", "201060Z FEB 06",
                          "201007Z FOO 06", "201007 FEB 06", "2010Z FEB 06"}) {
    Cable c = GoodCable();
    c.dtg = bad;
    EXPECT_TRUE(Has(Validate(c), "DTG001")) << bad;
  }
  for (const char* good : {"010000Z JAN 06", "312359Z DEC 06", "290000Z FEB 00"}) {
    Cable c = GoodCable();
    c.dtg = good;
    EXPECT_FALSE(Has(Validate(c), "DTG001")) << good;
  }
}

TEST(ValidateRules, NothingCrashesOnJunk) {
  RawCable raw;
  raw.header = std::string("O \xff\xfe 99999Z\n[](\n\xC2", 16);
  raw.text = std::string("\0SECTION 9 OF\n1.\n[1](#", 21);
  Cable c;
  c.post = "X";
  c.section_count = 1;
  c.section_number = 5;
  c.paragraphs = {{7, "(", ""}};
  c.references = {{"Z", "", ReferenceKind::kUnknown, std::nullopt}};
  c.classified_by = ClassifiedBy{};
  c.classification = "SECRET";
  std::vector<Diagnostic> d = ValidateCable(c, raw);
  EXPECT_FALSE(d.empty());
  EXPECT_FALSE(ValidateCable(Cable{}, RawCable{}).empty());
}

// --- Real cables through the reader and parser ---------------------------------------------

// <name> in the fixture set "write" (tests/testdata/write.files, staged from the shared folder; a
// test using it starts with CABLEBASE_SHARED_SET(fixtures, "write")).
std::string TestData(const std::string& name) {
  return testing_shared::StagedSet("write") + "/" + name;
}

std::vector<Diagnostic> ValidateFile(const std::string& name, Cable* out = nullptr) {
  auto sources = ListSources({TestData(name)});
  EXPECT_TRUE(sources.ok()) << name;
  std::vector<Diagnostic> diags;
  if (!sources.ok()) return diags;
  for (const SourceFile& f : *sources) {
    ReadSource(f, InputFormat::kAuto, [&](Result<RawCable> raw) {
      EXPECT_TRUE(raw.ok()) << raw.status().ToString();
      if (!raw.ok()) return true;
      Result<Cable> cable = ParseCable(*raw);
      EXPECT_TRUE(cable.ok()) << cable.status().ToString();
      if (!cable.ok()) return true;
      diags = ValidateCable(*cable, *raw);
      if (out) *out = *cable;
      return false;
    });
  }
  return diags;
}

// The seed (06MOSCOW1637): no diagnostic at all — DECL 09/20/2014 lies after the DTG of
// 20 FEB 06, the INFO collectives carry no sequence number, IMMEDIATE is the highest addressee
// precedence, REF labels A, B, paragraphs 1..7 (the rendered "16." is paragraph 6).
TEST(ValidateRealCables, SeedHasNoDiagnostic) {
  CABLEBASE_SHARED_SET(fixtures, "write");
  std::vector<Diagnostic> d = ValidateFile("06MOSCOW1637.txt");
  EXPECT_TRUE(d.empty()) << ::testing::PrintToString(Codes(d));
}

struct RealCase {
  const char* file;
  const char* code;
  int64_t line;  // in the telegram (0: not checked)
};

// Hand-checked hits of the corpus (docs/validate_rules.md).
TEST(ValidateRealCables, KnownHits) {
  CABLEBASE_SHARED_SET(fixtures, "write");
  const RealCase kCases[] = {
      {"10TELAVIV414.html", "CLS003", 0},    // (S/NF) paragraph, no NOFORN caveat
      {"08BRASILIA351.html", "DCL005", 0},   // "Classified By: Ambassador Clifford Sobel", no reason
      {"09PRAGUE589.html", "PAR001", 0},     // first paragraph unnumbered, then "2."
      {"07PARIS2725.html", "RID001", 0},     // published as PARIS 2725, text of MOSCOW 005154
      {"09ASTANA982.html", "ADR001", 9},     // "CIS COLLECTIVE 1640"
      {"09SAOPAULO663.html", "SUB001", 0},   // no SUBJECT line
  };
  for (const RealCase& k : kCases) {
    std::vector<Diagnostic> d = ValidateFile(k.file);
    auto it = std::find_if(d.begin(), d.end(), [&](const Diagnostic& x) { return x.code == k.code; });
    ASSERT_NE(it, d.end()) << k.file << " lacks " << k.code << ": "
                           << ::testing::PrintToString(Codes(d));
    if (k.line) {
      EXPECT_EQ(it->line, k.line) << k.file;
    }
  }
}

TEST(ValidateRealCables, CleanCablesKeepTheRules) {
  CABLEBASE_SHARED_SET(fixtures, "write");
  // 09ADDISABABA1318: SECRET, E.O. 12958 DECL 06/07/2019, Classified By with 1.4 (B) and (D).
  std::vector<Diagnostic> d = ValidateFile("09ADDISABABA1318.html");
  for (const Diagnostic& x : d) EXPECT_NE(x.severity, Severity::kError) << x.code << " " << x.message;
}

TEST(TelegramLinesInFile, MapsTextLinesAndSkipsMetadata) {
  RawCable raw;
  raw.source.line = 1;
  raw.header = "O 201007Z FEB 06\nFM AMEMBASSY MOSCOW";
  raw.text = "C O N F I D E N T I A L MOSCOW 001637\n\nTAGS: PREL";
  std::string file =
      "06MOSCOW1637\nTITLE\nDATE\nCONFIDENTIAL\nEmbassy Moscow\nO 201007Z FEB 06\n"
      "FM AMEMBASSY MOSCOWC O N F I D E N T I A L MOSCOW 001637\n\nTAGS: PREL\n";
  std::vector<int64_t> m = TelegramLinesInFile(raw, file);
  ASSERT_EQ(m.size(), 5u);
  EXPECT_EQ(m[0], 6);
  EXPECT_EQ(m[1], 7);
  EXPECT_EQ(m[2], 7);  // glued alx line (08VLADIVOSTOK68 layout)
  EXPECT_EQ(m[3], 0);  // blank
  EXPECT_EQ(m[4], 9);
}

}  // namespace
}  // namespace cablebase
