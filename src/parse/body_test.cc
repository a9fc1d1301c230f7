// Tests of the body functions: paragraphs, summary, comment, signers, clean content, partial flag.
#include "parse/body.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>

#include "parse/body_lines.h"
#include "shared_files.h"

namespace cablebase::parse {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The 48 body cases of shared/golden/cablemap-dev.json (parse_summary, parse_signed_by,
// clean_content), read from the shared folder.
TEST(ParseBodyGolden, AllCasesPass) {
  CABLEBASE_SHARED_PATH(golden, "golden/cablemap-dev.json");
  std::string raw = ReadFile(golden);
  ASSERT_FALSE(raw.empty());
  nlohmann::json cases = nlohmann::json::parse(raw);
  int passed = 0, total = 0;
  for (const auto& c : cases) {
    std::string fn = c["function"];
    if (fn != "parse_summary" && fn != "parse_signed_by" && fn != "clean_content") continue;
    std::string input = c["input"];
    ++total;
    nlohmann::json got;
    if (fn == "parse_summary") {
      got = ParseSummary(input);
    } else if (fn == "parse_signed_by") {
      got = ParseSigners(input);
    } else if (fn == "clean_content") {
      got = CleanContent(input);
    }
    if (got == c["expected"]) {
      ++passed;
    } else {
      ADD_FAILURE() << fn << " case " << total << "\ninput: " << input
                    << "\nexpected: " << c["expected"].dump() << "\ngot:      " << got.dump();
    }
  }
  EXPECT_EQ(passed, total);
  EXPECT_EQ(total, 48);
}

TEST(ParseBodyLines, RemovesRenderedLinkDebris) {
  EXPECT_EQ(RemoveLineDebris("[1](#)1. (C) SUMMARY."), "1. (C) SUMMARY.");
  EXPECT_EQ(RemoveLineDebris("TAGS: [PREL](#) [RS](#)"), "TAGS: PREL RS");
  EXPECT_EQ(RemoveLineDebris("\xC2\xB6"
                             "12. (C) text"),
            "12. (C) text");
  EXPECT_EQ(RemoveLineDebris("a [b] (#) c"), "a [b] (#) c");
}

TEST(ParseBodyLines, StripsPageHeaders) {
  EXPECT_EQ(StripPageHeader("MOSCOW 00005645 002 OF 010"), std::string_view());
  EXPECT_EQ(StripPageHeader("BAKU 00001835  001.2 OF 003 "), std::string_view());
  EXPECT_EQ(StripPageHeader("ASHGABAT 00001182 002.2 OF 003 THE EDUCATION SYSTEM"),
            std::string_view("THE EDUCATION SYSTEM"));
  EXPECT_EQ(StripPageHeader("PAGE 04 HARARE 06677 01 OF 03 291400Z COALITION GOVERNMENT."),
            std::string_view("COALITION GOVERNMENT."));
  EXPECT_EQ(StripPageHeader("SECRET PAGE 02 ROME 03067 211833Z"), std::string_view());
  EXPECT_EQ(StripPageHeader("PAGE 02 RUEHFRA0170 S E C R E T "), std::string_view());
  EXPECT_FALSE(StripPageHeader("THE PAGE 12 OF THE REPORT").has_value());
  EXPECT_FALSE(StripPageHeader("1. (C) MOSCOW said").has_value());
  // 08BRASILIA351: a page header glued to the end of a wrapped subject line.
  auto lines = CleanLines("NELSON JOBIM TO WASHINGTON BRASILIA 00000351 001.2 OF 003 \nnext");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "NELSON JOBIM TO WASHINGTON");
}

TEST(ParseBodyLines, DropsDebrisLines) {
  EXPECT_TRUE(IsDebrisLine("SIPDIS"));
  EXPECT_TRUE(IsDebrisLine(" S I P D I S "));
  EXPECT_TRUE(IsDebrisLine("                       UNCLASSIFIED"));
  EXPECT_TRUE(IsDebrisLine("C O N F I D E N T I A L"));
  EXPECT_TRUE(IsDebrisLine("NNNN"));
  EXPECT_FALSE(IsDebrisLine("Not SIPDIS"));
  EXPECT_FALSE(IsDebrisLine("SECRET TALKS"));
}

TEST(ParseParagraphs, NumbersMarksAndSwallowedLinks) {
  std::string text =
      "SUBJECT: X\n\n[1](#)1. (C) One.\n\n[1](#)2. (S/NF) Two\n-- sub\nA. sub\n\n"
      "3. (SBU) Three 1. not a paragraph\n2. list inside three\n\n14. (C) Four.\n\n"
      "15. (C) Five.\n\nBURNS\n";
  auto ps = ParseParagraphs(text);
  ASSERT_EQ(ps.size(), 5u);
  EXPECT_EQ(ps[0].number, 1);
  EXPECT_EQ(ps[0].portion_marking, "C");
  EXPECT_EQ(ps[0].text, "One.");
  EXPECT_EQ(ps[1].portion_marking, "S/NF");
  EXPECT_EQ(ps[1].text, "Two\n-- sub\nA. sub");
  EXPECT_EQ(ps[2].text, "Three 1. not a paragraph\n2. list inside three");
  EXPECT_EQ(ps[3].number, 4);
  EXPECT_EQ(ps[4].number, 5);
  EXPECT_EQ(ps[4].text, "Five.");
}

TEST(ParseParagraphs, MalformedAndMissingMarks) {
  auto ps = ParseParagraphs("1. C) Content 1\n2. SBU) Content 2\n3. Content 3\n");
  ASSERT_EQ(ps.size(), 3u);
  EXPECT_EQ(ps[0].portion_marking, "C");
  EXPECT_EQ(ps[1].portion_marking, "SBU");
  EXPECT_EQ(ps[2].portion_marking, "");
  EXPECT_EQ(ps[2].text, "Content 3");
}

// 04MADRID4367: a pilcrow wrongly put before a year must not start a paragraph.
TEST(ParseParagraphs, YearAfterPilcrowIsNoParagraph) {
  auto ps = ParseParagraphs(
      "\xC2\xB6"
      "1. (C) One\n\xC2\xB6"
      "2001. was a year\n\xC2\xB6"
      "2. (C) Two\n");
  ASSERT_EQ(ps.size(), 2u);
  EXPECT_EQ(ps[0].text, "One\n2001. was a year");
}

TEST(ParseParagraphs, HeadingBelongsToNoParagraph) {
  auto ps = ParseParagraphs("1. (C) One.\n\nComment\n-------\n\n2. (C) Two.\n");
  ASSERT_EQ(ps.size(), 2u);
  EXPECT_EQ(ps[0].text, "One.");
}

TEST(ParseSigners, GluedAndMixedCase) {
  EXPECT_EQ(ParseSigners("17. (U) SRAP Holbrooke has cleared this message. ROEMER\n"),
            std::vector<std::string>{"ROEMER"});
  EXPECT_EQ(ParseSigners("forward towards CPA implementation.\nRanneberger\n"),
            std::vector<std::string>{"Ranneberger"});
  EXPECT_EQ(ParseSigners("cleared this message.\nHuntsman\nhuntsman\n"),
            std::vector<std::string>{"Huntsman"});
  EXPECT_EQ(ParseSigners("END COMMENT.\n"), std::vector<std::string>{});
  EXPECT_EQ(ParseSigners("END TEXT.\n"), std::vector<std::string>{});
  EXPECT_EQ(ParseSigners("ends with XXXXXXXXXXXX\n"), std::vector<std::string>{});
  EXPECT_EQ(ParseSigners(""), std::vector<std::string>{});
}

TEST(ParseComment, InlineAndParagraph) {
  std::string text =
      "1. (C) Talks. (Comment. We expect more. End Comment) Then.\n\n"
      "2. (C) Comment: The last word.\n\nBURNS\n";
  EXPECT_EQ(ParseComment(text), "We expect more.\n\nThe last word.");
  EXPECT_EQ(ParseComment("1. (C) No comment here.\n"), "");
  EXPECT_EQ(ParseComment("1. COMMENT: A\nB\nEND COMMENT.\n2. X\n"), "A\nB");
  EXPECT_EQ(ParseComment("1. (C) Fine. (Comment: inline only.) After.\n"), "inline only.");
}

TEST(ParseSummary, NotAMarker) {
  EXPECT_EQ(ParseSummary("1. (C) Summary of the talks follows.\n"), "");
  EXPECT_EQ(ParseSummary(""), "");
}

TEST(ParsePartialExtract, Note) {
  EXPECT_TRUE(IsPartialExtract(
      "This record is a partial extract of the original cable. The full text of the original "
      "cable is not available."));
  EXPECT_TRUE(IsPartialExtract("a partial\nextract of the   original cable"));
  EXPECT_FALSE(IsPartialExtract("partial agreement"));
}

TEST(ParseCleanBody, DropsHeaderAndDebris) {
  std::string text =
      "C O N F I D E N T I A L MOSCOW 001637\n\nSIPDIS\n\nSUBJECT: X\n\n"
      "Classified By: A for reasons 1.4 (b)\n\n[1](#)1. (C) One.\n\n\n"
      "MOSCOW 00001637 002 OF 002\n\nSIPDIS\n2. (C) Two.  \n\nBURNS\n";
  EXPECT_EQ(CleanBody(text), "1. (C) One.\n\n2. (C) Two.\n\nBURNS");
}

// Nothing may crash or hang on any byte sequence.
TEST(ParseBodyRobustness, RandomBytesAndHugeLines) {
  std::mt19937 rng(42);
  for (int round = 0; round < 300; ++round) {
    std::string s(rng() % 2000, '\0');
    for (char& c : s) {
      int r = rng() % 20;
      c = r == 0   ? '\n'
          : r == 1 ? '('
          : r == 2 ? ')'
          : r == 3 ? '['
          : r == 4 ? '.'
                   : static_cast<char>(rng() % 256);
    }
    ParseParagraphs(s);
    ParseSummary(s);
    ParseComment(s);
    ParseSigners(s);
    CleanContent(s);
    CleanBody(s);
    IsPartialExtract(s);
  }
  std::string huge(5 * 1024 * 1024, 'A');
  for (size_t i = 0; i < huge.size(); i += 7) huge[i] = ' ';
  huge += " END SUMMARY (COMMENT: [1](#)";
  EXPECT_TRUE(ParseParagraphs(huge).empty());
  ParseSummary(huge);
  ParseComment(huge);
  ParseSigners(huge);
  CleanContent(huge);
}

}  // namespace
}  // namespace cablebase::parse
