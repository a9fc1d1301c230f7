// Tests of the telegram formatter: layout, missing must-have values, and the draft in docs/.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "cablebase/json.h"
#include "cablebase/parse.h"
#include "cablebase/read.h"
#include "cablebase/write.h"
#include "write/formatter.h"

namespace cablebase {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Parses telegram text as `cablebase parse --format text` does.
Result<Cable> ParseText(const std::string& text) {
  Result<Cable> out = Status(StatusCode::kNotFound, "no cable");
  Status s = ReadBuffer(text, InputFormat::kText, "formatted", [&](Result<RawCable> raw) {
    if (!raw.ok()) {
      out = raw.status();
      return false;
    }
    out = ParseCable(*raw);
    return false;
  });
  if (!s.ok()) return s;
  return out;
}

TEST(FormatCable, MissingMustHavesAreAllReported) {
  Cable c;
  c.classification = "CONFIDENTIAL";
  Result<std::string> r = FormatCable(c);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  for (const char* what : {"dtg", "precedence", "originator", "to", "post", "serial"}) {
    EXPECT_NE(r.status().message().find(what), std::string::npos) << what;
  }
  EXPECT_EQ(r.status().message().find("classification"), std::string::npos);
}

TEST(FormatCable, OptionsFillDtgAndSerialNothingElse) {
  Cable c;
  c.originator = "AMEMBASSY BERN";
  c.to = {{"RUEHC", "SECSTATE WASHDC", "PRIORITY", "", false, {}}};
  c.classification = "UNCLASSIFIED";
  c.post = "BERN";
  FormatOptions o;
  o.now_dtg = "151230Z MAR 10";
  o.serial = "123";
  Result<std::string> r = FormatCable(c, o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // The header precedence is the highest addressee's (5 FAH-2: never higher than needed).
  EXPECT_EQ(r->substr(0, 17), "P 151230Z MAR 10\n");
  EXPECT_NE(r->find("\nUNCLAS BERN 000123\n"), std::string::npos) << *r;
  EXPECT_EQ(r->find("TAGS"), std::string::npos);  // none given, none invented
}

TEST(FormatCable, NowGivesAUtcDtg) {
  EXPECT_EQ(FormatDtg(1140430020), "201007Z FEB 06");  // 2006-02-20 10:07:00 UTC
  EXPECT_EQ(FormatDtg(0), "010000Z JAN 70");
}

TEST(FormatCable, ClassificationLineLetterSpacing) {
  EXPECT_EQ(write::ClassificationLineWord("CONFIDENTIAL"), "C O N F I D E N T I A L");
  EXPECT_EQ(write::ClassificationLineWord("SECRET"), "S E C R E T");
  EXPECT_EQ(write::ClassificationLineWord("TOP SECRET"), "T O P S E C R E T");
  EXPECT_EQ(write::ClassificationLineWord("UNCLASSIFIED"), "UNCLAS");
  EXPECT_EQ(write::ClassificationLineWord("LIMITED OFFICIAL USE"), "LIMITED OFFICIAL USE");
}

TEST(FormatCable, ReasonsPhrase) {
  EXPECT_EQ(write::ReasonsPhrase({"1.4(b)", "1.4(d)"}), "1.4 (b) and (d)");
  EXPECT_EQ(write::ReasonsPhrase({"1.4(a)", "1.4(b)", "1.4(d)"}), "1.4 (a), (b) and (d)");
  EXPECT_EQ(write::ReasonsPhrase({"1.5(b)", "1.4(d)"}), "1.5 (b), 1.4 (d)");
  EXPECT_EQ(write::IsoToDeclDate("2014-09-20"), "09/20/2014");
  EXPECT_EQ(write::IsoToDeclDate("N/A"), "");
}

TEST(FormatCable, TransmissionHeaderOnRequest) {
  Cable c;
  c.precedence = "IMMEDIATE";
  c.dtg = "110944Z SEP 07";
  c.originator = "AMEMBASSY BERN";
  c.to = {{"RUEHC", "SECSTATE WASHDC", "IMMEDIATE", "4460", false, {}}};
  c.info = {{"RUCNMEU", "EU INTEREST COLLECTIVE", "PRIORITY", "", true, {"AMEMBASSY BERN"}}};
  c.classification = "SECRET";
  c.post = "BERN";
  c.serial = "000881";
  c.section_number = 1;
  c.section_count = 3;
  TransmissionHeader t;
  t.transmission_id = "VZCZCXRO4549";
  t.precedence_prosigns = {"OO"};
  t.routing_indicators = {"RUEHRG"};
  t.originating_station = "RUEHSW";
  t.station_serial = "0881";
  t.section = "01";
  t.julian_time = "2540944";
  t.security = "ZNY SSSSS ZZH";
  c.transmission = t;
  FormatOptions o;
  EXPECT_EQ(FormatCable(c, o)->find("VZCZC"), std::string::npos);
  o.transmission = true;
  std::string text = *FormatCable(c, o);
  EXPECT_EQ(text.substr(0, text.find("FM ")),
            "VZCZCXRO4549\nOO RUEHRG\nDE RUEHSW #0881/01 2540944\nZNY SSSSS ZZH\nO 110944Z SEP 07\n");
  EXPECT_NE(text.find("INFO RUCNMEU/EU INTEREST COLLECTIVE PRIORITY\nXMT AMEMBASSY BERN\n"),
            std::string::npos);
  EXPECT_NE(text.find("\nS E C R E T SECTION 01 OF 03 BERN 000881\n"), std::string::npos);
}

// docs/draft_example.json formats to a telegram that `cablebase parse` reads back exactly: every
// field of the draft, plus what the parser derives (reference ID, created) from the options.
TEST(FormatCable, DraftExampleReadsBackExactly) {
  std::string json = ReadFile(std::string(CABLEBASE_SOURCE_DIR) + "/docs/draft_example.json");
  ASSERT_FALSE(json.empty());
  Result<Cable> draft = CableFromJson(json, "docs/draft_example.json");
  ASSERT_TRUE(draft.ok()) << draft.status().ToString();
  FormatOptions o;
  o.now_dtg = "151230Z MAR 10";
  o.serial = "123";
  Result<std::string> text = FormatCable(*draft, o);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  Result<Cable> back = ParseText(*text);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  const Cable& d = *draft;
  const Cable& b = *back;
  EXPECT_EQ(b.reference_id, "10BERN123");
  EXPECT_EQ(b.created, "2010-03-15T12:30:00Z");
  EXPECT_EQ(b.dtg, o.now_dtg);
  EXPECT_EQ(b.serial, "000123");
  EXPECT_EQ(b.precedence, d.precedence);
  EXPECT_EQ(b.originator, d.originator);
  ASSERT_EQ(b.to.size(), d.to.size());
  ASSERT_EQ(b.info.size(), d.info.size());
  for (size_t i = 0; i < d.info.size(); ++i) {
    EXPECT_EQ(b.info[i].route, d.info[i].route);
    EXPECT_EQ(b.info[i].name, d.info[i].name);
    EXPECT_EQ(b.info[i].precedence, d.info[i].precedence);
    EXPECT_EQ(b.info[i].sequence, d.info[i].sequence);
    EXPECT_EQ(b.info[i].collective, d.info[i].collective);
  }
  EXPECT_EQ(b.to[0].name, d.to[0].name);
  EXPECT_EQ(b.to[0].sequence, d.to[0].sequence);
  EXPECT_EQ(b.classification, d.classification);
  EXPECT_EQ(b.caveats, d.caveats);
  EXPECT_EQ(b.post, d.post);
  EXPECT_EQ(b.executive_order, d.executive_order);
  EXPECT_EQ(b.declassify_on, d.declassify_on);
  EXPECT_EQ(b.tags, d.tags);
  EXPECT_EQ(b.subject, d.subject);
  ASSERT_EQ(b.references.size(), d.references.size());
  for (size_t i = 0; i < d.references.size(); ++i) {
    EXPECT_EQ(b.references[i].label, d.references[i].label);
    EXPECT_EQ(b.references[i].text, d.references[i].text);
  }
  EXPECT_EQ(b.references[0].reference_id.value_or(""), "10BERN118");
  ASSERT_TRUE(b.classified_by.has_value());
  EXPECT_EQ(b.classified_by->name, d.classified_by->name);
  EXPECT_EQ(b.classified_by->title, d.classified_by->title);
  EXPECT_EQ(b.classified_by->reasons, d.classified_by->reasons);
  ASSERT_EQ(b.paragraphs.size(), d.paragraphs.size());
  for (size_t i = 0; i < d.paragraphs.size(); ++i) {
    EXPECT_EQ(b.paragraphs[i].number, d.paragraphs[i].number);
    EXPECT_EQ(b.paragraphs[i].portion_marking, d.paragraphs[i].portion_marking);
    EXPECT_EQ(b.paragraphs[i].text, d.paragraphs[i].text);
  }
  EXPECT_EQ(b.signers, d.signers);
  // And the draft keeps every format rule.
  RawCable raw;
  Status s = ReadBuffer(*text, InputFormat::kText, "formatted", [&](Result<RawCable> r) {
    raw = *r;
    return false;
  });
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(ValidateCable(b, raw).empty());
}

}  // namespace
}  // namespace cablebase
