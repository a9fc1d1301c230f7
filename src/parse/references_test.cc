// Tests of the REF block (issue 11): entries over blank lines, the header/body boundary after a
// REF block, non-cable kinds, years of undated references, several blocks. Real cables are read
// from the shared folder (tests/shared_files.h); fragments marked "written for the test" pin a rule.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cablebase/parse.h"
#include "cablebase/read.h"
#include "model/reference_id.h"
#include "parse/body_lines.h"
#include "parse/header_lines.h"
#include "parse/text_header.h"
#include "shared_files.h"

namespace cablebase::parse {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Reads a real page (format detected) and parses its one cable; an empty record on failure.
Cable ParseFile(const std::string& path) {
  std::string bytes = ReadFile(path);
  Cable out;
  Status st = ReadBuffer(bytes, InputFormat::kAuto, path, [&](Result<RawCable> raw) {
    if (raw.ok()) {
      Result<Cable> c = ParseCable(*raw);
      if (c.ok()) out = std::move(*c);
    }
    return false;
  });
  EXPECT_TRUE(st.ok()) << st.ToString();
  return out;
}

std::vector<std::string> Ids(const std::vector<Reference>& refs) {
  std::vector<std::string> out;
  for (const Reference& r : refs) out.push_back(r.reference_id.value_or("-"));
  return out;
}

std::vector<std::string> Labels(const std::vector<Reference>& refs) {
  std::vector<std::string> out;
  for (const Reference& r : refs) out.push_back(r.label);
  return out;
}

#define CABLEGATE(var, id) CABLEBASE_SHARED_PATH(var, "corpus/html/chillicoder__cablegate/" id ".html")

// --- Entries after a blank line (the 2010 Cablegate layout) and the Classified By after them. ---

TEST(RefBlankLine, MadridBulletsAfterBlankAreHeader_04MADRID961) {
  CABLEGATE(page, "04MADRID961");
  Cable c = ParseFile(page);
  EXPECT_EQ(Ids(c.references),
            (std::vector<std::string>{"04MADRID881", "04MADRID919", "04MADRID812"}));
  EXPECT_EQ(Labels(c.references), (std::vector<std::string>{"A", "B", "C"}));
  ASSERT_TRUE(c.classified_by.has_value());
  EXPECT_EQ(c.classified_by->name, "Carol J. Urban");
  EXPECT_EQ(c.body.find("MADRID 919"), std::string::npos) << "REF B stayed in the body";
}

TEST(RefBlankLine, YearedEntryAfterBlank_06KIEV1261) {
  CABLEGATE(page, "06KIEV1261");
  Cable c = ParseFile(page);
  EXPECT_EQ(Ids(c.references),
            (std::vector<std::string>{"06KIEV1186", "05KIEV4590", "06KIEV1081"}));
  EXPECT_TRUE(c.classified_by.has_value());
}

TEST(RefBlankLine, LowerCaseBulletsAfterBlank_08STATE15220) {
  CABLEGATE(page, "08STATE15220");
  Cable c = ParseFile(page);
  ASSERT_EQ(c.references.size(), 18u);  // a. … r.
  EXPECT_EQ(c.references[1].reference_id, "05BERLIN3726");
  EXPECT_EQ(c.references[17].label, "R");
  EXPECT_EQ(c.references[17].reference_id, "07BERLIN2216");
  ASSERT_TRUE(c.classified_by.has_value());
  EXPECT_EQ(c.classified_by->name, "PAM DURHAM");
}

TEST(RefBlankLine, OtherCablesOfTheLayout) {
  struct Case {
    const char* id;
    size_t refs;
  };
  for (Case k : {Case{"08BEIJING1618", 2}, Case{"06PARIS7579", 2}, Case{"06BAKU1835", 3},
                 Case{"05PARIS7835", 3}, Case{"07MADRID116", 3}, Case{"09LAPAZ96", 5}}) {
    CABLEBASE_SHARED_PATH(page, std::string("corpus/html/chillicoder__cablegate/") + k.id + ".html");
    Cable c = ParseFile(page);
    EXPECT_EQ(c.references.size(), k.refs) << k.id;
    EXPECT_TRUE(c.classified_by.has_value()) << k.id;
  }
}

TEST(RefBlankLine, SerialAfterBlankCompletesSecstate_05MADRID4026) {
  CABLEGATE(page, "05MADRID4026");
  Cable c = ParseFile(page);
  EXPECT_EQ(Ids(c.references),
            (std::vector<std::string>{"05MADRID3785", "05MADRID3566", "05STATE36633"}));
}

TEST(RefBlankLine, EntryBeforeClassifiedByIsHeader_10BEIJING207) {
  CABLEGATE(page, "10BEIJING207");
  Cable c = ParseFile(page);
  ASSERT_TRUE(c.classified_by.has_value());
  EXPECT_EQ(c.classified_by->name, "Robert Goldberg");
}

TEST(RefBlankLine, RepeatedLowerCaseHeaderIsHeader_09KHARTOUM881) {
  CABLEGATE(page, "09KHARTOUM881");
  Cable c = ParseFile(page);
  EXPECT_EQ(Ids(c.references), (std::vector<std::string>{"09KHARTOUM378"}));  // read once
  ASSERT_TRUE(c.classified_by.has_value());
  EXPECT_EQ(c.classified_by->name, "Robert Whitehead");
}

TEST(RefBlankLine, InlineClassifiedByClosesTheBlock_07SANTIAGO983) {
  // "REF: ASUNCION 396 Classified By: …; Reasons 1.4(b), (d)": the "(d)" is no bare bullet, the
  // "------- Summary -------" heading after the blank line stays body.
  CABLEGATE(page, "07SANTIAGO983");
  Cable c = ParseFile(page);
  EXPECT_EQ(Ids(c.references), (std::vector<std::string>{"07ASUNCION396"}));
  EXPECT_EQ(c.body.rfind("------- Summary -------", 0), 0u);
}

TEST(RefBlankLine, ContinuationRules) {
  // Written for the test.
  internal::RefBlockState s;
  s.Add("REF: A. MADRID 881");
  EXPECT_TRUE(internal::ContinuesRefAfterBlank(s, "B. MADRID 919", ""));
  EXPECT_TRUE(internal::ContinuesRefAfterBlank(s, "(B) MADRID 919", ""));
  EXPECT_FALSE(internal::ContinuesRefAfterBlank(s, "A. MADRID 919", ""));  // not the next letter
  EXPECT_FALSE(internal::ContinuesRefAfterBlank(s, "D. MADRID 919", ""));
  EXPECT_FALSE(internal::ContinuesRefAfterBlank(s, "BACKGROUND", "1. (C) text"));
  EXPECT_TRUE(internal::ContinuesRefAfterBlank(s, "XXXXXXXXXXXX", "Classified By: DCM X."));
  internal::RefBlockState post;
  post.Add("REF: (A) MADRID 3785 (B) MADRID 3566 (C) SECSTATE");
  EXPECT_TRUE(internal::ContinuesRefAfterBlank(post, "36633", ""));
  EXPECT_FALSE(internal::ContinuesRefAfterBlank(post, "SUMMARY", ""));
  internal::RefBlockState word;  // a word one letter from a post is no post: "NOTE" is not ROME
  word.Add("REF: A. STATE 1234 NOTE");
  EXPECT_FALSE(internal::ContinuesRefAfterBlank(word, "2. text", ""));
  internal::RefBlockState bullet;
  bullet.Add("REFS: A) STATE (01) 201265, B) STATE (01) 213042,C)");
  EXPECT_TRUE(internal::ContinuesRefAfterBlank(bullet, "STATE 02034", ""));
  internal::RefBlockState closed;
  closed.Add("REF: ASUNCION 396 Classified By: AMBASSADOR X; Reasons 1.4(b), (d)");
  EXPECT_FALSE(internal::ContinuesRefAfterBlank(closed, "------- Summary -------", ""));
}

TEST(RefBlankLine, RepeatedClassificationLine) {
  // Written for the test.
  EXPECT_TRUE(internal::IsRepeatedClassificationLine(
      "C o n f i d e n t i a l section 01 of 02 khartoum 000881"));
  EXPECT_TRUE(internal::IsRepeatedClassificationLine("SECRET"));
  EXPECT_TRUE(internal::IsRepeatedClassificationLine("CONFIDENTIAL MADRID 000961"));
  EXPECT_FALSE(internal::IsRepeatedClassificationLine("Secret talks were held in Madrid."));
}

TEST(RefBlankLine, ManyBlankSeparatedEntriesAreAllRead) {
  // Written for the test: 20,000 entries, each after a blank line, all read (the time this takes is
  // checked by shared/checks/pathological, not here).
  std::string text = "REF: ";
  for (int i = 0; i < 20000; ++i) {
    text += std::string(1, static_cast<char>('A' + i % 26)) + ". MOSCOW " + std::to_string(i + 1) +
            "\n\n";
  }
  std::vector<Reference> refs = ParseReferences(text, 2006, "");
  ASSERT_EQ(refs.size(), 20000u);
  EXPECT_EQ(refs.back().reference_id.value_or(""), "06MOSCOW20000");
}

// --- Kinds of documents that are not cables. ---

TEST(RefKinds, ReportNumbersAreReports_09STATE124636) {
  CABLEGATE(page, "09STATE124636");
  Cable c = ParseFile(page);
  ASSERT_EQ(c.references.size(), 8u);
  EXPECT_EQ(c.references[0].text, "314/07696-07");
  EXPECT_EQ(c.references[0].kind, ReferenceKind::kReport);
  EXPECT_FALSE(c.references[0].reference_id.has_value());
  EXPECT_EQ(c.references[3].reference_id, "09MEXICO2071");
}

TEST(RefKinds, FirstNamingWordDecides) {
  // Written for the test, from entries of the corpus (08LONDON1350, 06LISBON2365, 09STATE119085,
  // 06MADRID1914, 07BEIJING7035).
  struct Case {
    const char* entry;
    ReferenceKind kind;
  };
  for (Case k : {Case{"REF: SADOWSKA E-MAIL JUNE 22 READOUT OF CUESTA MEETINGS", ReferenceKind::kEmail},
                 Case{"REF: STATE-LONDON SVTC MAY 9", ReferenceKind::kMeeting},
                 Case{"REF: OCTOBER 12 DVC (WITH DOS DOD AND EMBASSY LISBON)", ReferenceKind::kMeeting},
                 Case{"REF: 7 FAM 180", ReferenceKind::kBook},
                 Case{"REF: TD-314/09169-05", ReferenceKind::kReport},
                 Case{"REF: OSC CPP20071019968173", ReferenceKind::kReport},
                 Case{"REF: JONES FAX OF MAY 3", ReferenceKind::kFax},
                 Case{"REF: SMITH-JONES MEMCON 4/5/2008", ReferenceKind::kMemo},
                 Case{"REF: HTTP://WWW.STATE.GOV/G/TIP", ReferenceKind::kWeb},
                 Case{"REF: MAY 1 GILLARD-TREMONT LETTER", ReferenceKind::kUnknown}}) {
    std::vector<Reference> refs = ParseReferences(k.entry, 2008, "");
    ASSERT_EQ(refs.size(), 1u) << k.entry;
    EXPECT_EQ(refs[0].kind, k.kind) << k.entry;
    EXPECT_FALSE(refs[0].reference_id.has_value()) << k.entry;
  }
}

TEST(RefKinds, CableWithTitleIsCable_09STATE83014) {
  CABLEGATE(page, "09STATE83014");
  Cable c = ParseFile(page);
  ASSERT_EQ(Ids(c.references), (std::vector<std::string>{"09BOGOTA2409", "09STATE81957"}));
  EXPECT_EQ(c.references[1].kind, ReferenceKind::kCable);
}

TEST(RefKinds, PilcrowIsNotPartOfTheEntry) {
  // Written for the test (the form of golden 10SANAA317).
  std::vector<Reference> refs =
      ParseReferences("REF: A. SANAA 71\n\xC2\xB6" "B. MITCHELL/SIMS TELCON 02/16/2010\n\xC2\xB6" "C. SANAA 214\n",
                      2010, "");
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_EQ(refs[1].text, "MITCHELL/SIMS TELCON 02/16/2010");
  EXPECT_EQ(refs[1].kind, ReferenceKind::kTelcon);
}

// --- Cable references: forms and years. ---

TEST(RefCables, YearPrefixedMultiWordPost_09BRASILIA177) {
  CABLEGATE(page, "09BRASILIA177");
  Cable c = ParseFile(page);
  ASSERT_GE(c.references.size(), 2u);
  EXPECT_EQ(c.references[1].reference_id, "08RIODEJANEIRO236");
  EXPECT_EQ(c.references[1].text, "2008 RIO DE JANEIRO 236");
}

TEST(RefCables, ReversedFormStillRead) {
  // Written for the test (the forms of golden 06ULAANBAATAR881 and 02KATHMANDU496).
  EXPECT_EQ(Ids(ParseReferences("Ref: 870 Ulaanbaatar ", 2006, "")),
            (std::vector<std::string>{"06ULAANBAATAR870"}));
  EXPECT_EQ(Ids(ParseReferences("REFS: A) 377 KATHMANDU, B) 01 KATHMANDU 2383", 2002, "")),
            (std::vector<std::string>{"02KATHMANDU377", "01KATHMANDU2383"}));
}

TEST(RefCables, HigherSerialOfOwnPostIsFromTheYearBefore_10STATE9124) {
  CABLEGATE(page, "10STATE9124");
  Cable c = ParseFile(page);
  EXPECT_EQ(Ids(c.references), (std::vector<std::string>{"09STATE120288"}));
}

TEST(RefCables, YearBeforeRuleOnlyForOwnPostAndUndated) {
  // Written for the test.
  EXPECT_EQ(Ids(ParseReferences("REF: A. STATE 120288 B. STATE 8000 C. 10 STATE 120288 D. MOSCOW 120288",
                                2010, "10STATE9124")),
            (std::vector<std::string>{"09STATE120288", "10STATE8000", "10STATE120288",
                                      "10MOSCOW120288"}));
  // More serials of the same post after the first ("AND", "/").
  EXPECT_EQ(Ids(ParseReferences("REF: ISLAMABAD 2591 AND 12", 2010, "10ISLAMABAD175")),
            (std::vector<std::string>{"09ISLAMABAD2591", "10ISLAMABAD12"}));
}

TEST(RefCables, YearGluedToPost_10SHENYANG5) {
  CABLEGATE(page, "10SHENYANG5");
  Cable c = ParseFile(page);
  EXPECT_EQ(Ids(c.references), (std::vector<std::string>{"10SHENYANG3", "09SHENYANG167"}));
}

TEST(RefCables, ShortWordIsNotAMisspelledPost) {
  // Written for the test: "PARAS" is one letter from PARIS, "Colomobo" is COLOMBO misspelled.
  EXPECT_EQ(Ids(ParseReferences("REF: STATE 1234 PARAS 5", 2008, "")),
            (std::vector<std::string>{"08STATE1234"}));
  EXPECT_EQ(Ids(ParseReferences("Refs: (A) Colomobo 2304", 2002, "")),
            (std::vector<std::string>{"02COLOMBO2304"}));
  // Published IDs are IDs: a short misspelled post is corrected there (golden canonicalize_id).
  EXPECT_EQ(model::CanonicalizeReferenceId("07SOIA828"), "07SOFIA828");
}

TEST(RefCables, PageBreakClassificationInsideBlock) {
  // Written for the test (the form of golden 02ROME1196: a continuation page inside the block).
  std::vector<Reference> refs = ParseReferences(
      "REF: A. STATE 40721\n CONFIDENTIAL\nPAGE 02 ROME 01196 01 OF 02 082030Z  B. ROME 1098\n",
      2002, "");
  EXPECT_EQ(Ids(refs), (std::vector<std::string>{"02STATE40721", "02ROME1098"}));
}

TEST(RefBlocks, SeveralBlocksEachReferenceOnce) {
  // Written for the test.
  std::vector<Reference> refs = ParseReferences(
      "REF: A. MADRID 881\nClassified By: X for reasons 1.4 (b)\n\nREF: B. MADRID 919\n"
      "Ref: a. madrid 881\n",
      2004, "");
  EXPECT_EQ(Ids(refs), (std::vector<std::string>{"04MADRID881", "04MADRID919"}));
}

// read_fuzz (a FOIA text, UBSan): a REF word that starts with '-' made the serial of the entry
// an empty token whose last character was read. Written for the test: such a word is no serial,
// the entry names no cable, nothing else changes.
TEST(References, SerialTokenStartingWithAHyphenIsNoSerial) {
  std::vector<Reference> refs = ParseReferences("REF: SEOUL -6230\n", 1994, "");
  for (const Reference& r : refs) EXPECT_FALSE(r.reference_id.has_value()) << r.text;
  refs = ParseReferences("REF: A. SEOUL 6230 B. SEOUL -78\n", 1994, "");
  ASSERT_FALSE(refs.empty());
  EXPECT_EQ(refs[0].reference_id.value_or("-"), "94SEOUL6230");
}

}  // namespace
}  // namespace cablebase::parse
