// Tests of the Cablegate HTML reader on real pages of both layouts.
#include "read/html_reader.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "read/charset.h"
#include "read/read_test_util.h"

namespace cablebase::read {
namespace {

using testing::CollectBuffer;
using testing::CollectFixture;
using testing::FixturePath;
using testing::ReadFileBytes;

// 08TRIPOLI220 (heuer/cablemap, an early-2011 page): the publisher's record is appended to the
// text in the same <pre> ("STEVENS 0 03/13/2008 9871 PGOV,PREL,PHUM,PINR,LY DETAINED ... Reports
// by ..."). It is cut from the text, the signer stays, and its subject becomes the title.
TEST(ReadHtml, TrailingPublisherRecordBecomesTheTitle) {
  CABLEBASE_SHARED_SET(fixtures, "read");
  testing::Collected c = CollectFixture("08TRIPOLI220.html");
  ASSERT_TRUE(c.status.ok()) << c.status.ToString();
  ASSERT_EQ(c.cables.size(), 1u);
  const RawCable& r = c.cables[0];
  EXPECT_EQ(r.created, "2008-03-13 15:03");
  EXPECT_EQ(r.title, "DETAINED HUMAN RIGHTS ACTIVIST FATHI EL-JAHMI \"RELEASED\"");
  const std::string tail = "continued medical treatment. End comment. STEVENS";
  ASSERT_GE(r.text.size(), tail.size());
  EXPECT_EQ(r.text.substr(r.text.size() - tail.size()), tail);

  // Without a comma-joined TAGS list after the page's own date, nothing is cut.
  std::string bytes = ReadFileBytes(FixturePath("08TRIPOLI220.html"));
  const std::string tags = "PGOV,PREL,PHUM,PINR,LY DETAINED";
  size_t at = bytes.rfind(tags);
  ASSERT_NE(at, std::string::npos);
  bytes.replace(at, tags.size(), "PGOV PREL PHUM PINR LY DETAINED");
  testing::Collected plain = CollectBuffer(bytes, InputFormat::kCablegateHtml, "08TRIPOLI220.html");
  ASSERT_EQ(plain.cables.size(), 1u);
  EXPECT_EQ(plain.cables[0].title, "");
  EXPECT_NE(plain.cables[0].text.find("STEVENS 0 03/13/2008 9871"), std::string::npos);

  // The page's date inside the body, in the record's shape, is not a record: the record is the
  // text's last line (breaker: the text was cut at "Shipments: lot" with everything after lost).
  std::string mid = ReadFileBytes(FixturePath("08TRIPOLI220.html"));
  const std::string record = " 0 03/13/2008 9871 PGOV,PREL,PHUM,PINR,LY";
  at = mid.rfind(record);
  ASSERT_NE(at, std::string::npos);
  mid.erase(at, record.size());
  const std::string para = "1.(C) Summary:";
  at = mid.find(para);
  ASSERT_NE(at, std::string::npos);
  mid.insert(at, "Shipments: lot 4 03/13/2008 250 MT,WHEAT delivered.&#x000A;");
  testing::Collected kept = CollectBuffer(mid, InputFormat::kCablegateHtml, "mid.html");
  ASSERT_EQ(kept.cables.size(), 1u);
  EXPECT_EQ(kept.cables[0].title, "");
  EXPECT_NE(kept.cables[0].text.find("Shipments: lot 4 03/13/2008 250 MT,WHEAT delivered.\n1.(C)"),
            std::string::npos);
  EXPECT_NE(kept.cables[0].text.find("End comment. STEVENS DETAINED"), std::string::npos);
}

// libxml2 ends a document at a NUL byte; the page is refused with the line, not read in part
// (breaker: 09MOSCOW1108 with one NUL gave 182 of 8,402 characters and no error).
TEST(ReadHtml, NulByteIsAnErrorNamingTheLine) {
  CABLEBASE_SHARED_SET(fixtures, "read");
  std::string bytes =
      ReadFileBytes(FixturePath("09MOSCOW1108.html"));
  size_t at = bytes.find("SUBJECT");
  ASSERT_NE(at, std::string::npos);
  const int64_t line = 1 + std::count(bytes.begin(), bytes.begin() + at, '\n');
  bytes.insert(at, 1, '\0');
  testing::Collected c = CollectBuffer(bytes, InputFormat::kCablegateHtml, "nul.html");
  EXPECT_TRUE(c.cables.empty());
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].line(), line);
  EXPECT_NE(c.errors[0].message().find("NUL byte"), std::string::npos) << c.errors[0].ToString();
}

TEST(ReadHtml, Chillicoder2010LayoutMetadataAndBlocks) {
  CABLEBASE_SHARED_SET(fixtures, "read");
  // 04ANKARA348: 2010 layout, partial extract, lower-case letter-spaced classification line.
  testing::Collected c = CollectFixture("04ANKARA348.html");
  ASSERT_TRUE(c.status.ok()) << c.status.ToString();
  ASSERT_TRUE(c.errors.empty());
  ASSERT_EQ(c.cables.size(), 1u);
  const RawCable& r = c.cables[0];
  EXPECT_EQ(r.reference_id, "04ANKARA348");
  EXPECT_EQ(r.created, "2004-01-20 12:12");
  EXPECT_EQ(r.released, "2010-11-28 18:06");
  // The link's title attribute says 'unclassified'; the link text is right.
  EXPECT_EQ(r.classification, "CONFIDENTIAL");
  EXPECT_EQ(r.origin, "Embassy Ankara");
  EXPECT_EQ(r.source.format, InputFormat::kCablegateHtml);
  EXPECT_EQ(r.source.line, 1);
  EXPECT_EQ(r.bytes, 50374u);
  EXPECT_EQ(r.header,
            "This record is a partial extract of the original cable. The full text of the "
            "original cable is not available.\n\n201247Z Jan 04");
  EXPECT_EQ(r.text.rfind("C o n f i d e n t i a l section 01 of 04 ankara 000348\n\nSipdis\n", 0),
            0u);
  // The paragraph anchor keeps its pilcrow; literal UTF-8 quotes survive.
  EXPECT_NE(r.text.find("\n\xC2\xB6"
                        "1. (C) Summary: P.M. Erdogan expects"),
            std::string::npos);
  EXPECT_NE(r.text.find("\xE2\x80\x9CIslamic terrorism\xE2\x80\x9D"), std::string::npos);
  EXPECT_EQ(r.text.find('<'), std::string::npos);
  EXPECT_TRUE(IsValidUtf8(r.text));
}

TEST(ReadHtml, MarkChips2011LayoutWithSidebarAndTagLinks) {
  CABLEBASE_SHARED_SET(fixtures, "read");
  // 72TEHRAN1164: 2011 layout (sidebar of ~4800 lines before the table), TAGS as links.
  testing::Collected c = CollectFixture("72TEHRAN1164.html");
  ASSERT_EQ(c.cables.size(), 1u);
  const RawCable& r = c.cables[0];
  EXPECT_EQ(r.reference_id, "72TEHRAN1164");
  EXPECT_EQ(r.created, "1972-02-25 09:30");
  EXPECT_EQ(r.released, "2011-08-30 01:44");
  EXPECT_EQ(r.classification, "UNCLASSIFIED");  // title attribute: 'unclassified//fouo'
  EXPECT_EQ(r.origin, "Embassy Tehran");
  EXPECT_EQ(r.header,
            "R 250930Z FEB 72 \nFM AMEMBASSY TEHRAN\nTO SECSTATE WASHDC 7561 \nINFO SECDEF\n"
            "EUCOM\nCSAF");
  EXPECT_EQ(r.text.rfind("UNCLASSIFIED SECTION 01 OF 01 TEHRAN 1164 \n", 0), 0u);
  EXPECT_NE(r.text.find("\nTAGS: MASS MARR IR\nSUBJECT: ACCELERATION OF F-4ES FOR IRAN"),
            std::string::npos);
  EXPECT_EQ(r.text.find("Discussing cables"), std::string::npos);  // page furniture stays out
}

TEST(ReadHtml, HeuerPageWithoutLineBreaksAfterRoutingHeader) {
  CABLEBASE_SHARED_SET(fixtures, "read");
  // 10STATE284: the text header runs on one line; the reader leaves it for the parser.
  testing::Collected c = CollectFixture("10STATE284.html");
  ASSERT_EQ(c.cables.size(), 1u);
  const RawCable& r = c.cables[0];
  EXPECT_EQ(r.reference_id, "10STATE284");
  EXPECT_EQ(r.origin, "Secretary of State");
  EXPECT_EQ(r.header.rfind("VZCZCXRO0379\nPP RUEHTRO\nDE RUEHC #0284/01 0041825\n", 0), 0u);
  EXPECT_EQ(r.header.substr(r.header.size() - 33), "RHMFISS/HQ USAFRICOM STUTTGART GE");
  EXPECT_EQ(r.text.rfind("C O N F I D E N T I A L SECTION 01 OF 02 STATE 000284 SIPDIS E.O. 12958: "
                         "DECL: 01/04/2020 TAGS: MASS MARR MCAP MOPS PARM PGOV\n\n1.(U) This is",
                         0),
            0u);
}

TEST(ReadHtml, BrFollowedByNewlineEntityGivesOneNewline) {
  CABLEBASE_SHARED_SET(fixtures, "read");
  // 09LAPAZ96 writes "SIPDIS <br>&#x000A;<br>&#x000A;E.O. ...".
  testing::Collected c = CollectFixture("09LAPAZ96.html");
  ASSERT_EQ(c.cables.size(), 1u);
  EXPECT_EQ(c.cables[0].text.rfind("SIPDIS \n\nE.O. 12958: DECL: 01/21/2019 \nTAGS: PGOV KDEM", 0),
            0u);
}

TEST(ReadHtml, BareAmpersandsAndUnknownEntitiesStayAsWritten) {
  // Real snippets: "R&D; they" (09MOSCOW2723), "&middle power8" (a 2009 Ottawa cable).
  const std::string page =
      "<html><body><table class='cable'><tr><th>Reference ID</th></tr><tr><td>"
      "<a href='#'>09MOSCOW2723</a></td></tr></table><code><pre>H</pre></code>"
      "<code><pre>SECRET MOSCOW 002723&#x000A;used in R&D; they&#x000A;from &middle power8 "
      "&amp; more</pre></code></body></html>";
  testing::Collected c = CollectBuffer(page, InputFormat::kAuto, "x.html");
  ASSERT_EQ(c.cables.size(), 1u);
  EXPECT_EQ(c.cables[0].reference_id, "09MOSCOW2723");
  EXPECT_NE(c.cables[0].text.find("used in R&D; they\n"), std::string::npos);
  EXPECT_NE(c.cables[0].text.find("from &middle power8 & more"), std::string::npos);
}

TEST(ReadHtml, SinglePreIsSplitAtTheClassificationLine) {
  const std::string page =
      "<html><body><table class='cable'><tr><td>08VLADIVOSTOK68</td></tr></table>"
      "<pre>P 090721Z JUL 08&#x000A;FM AMCONSUL VLADIVOSTOK&#x000A;TO SECSTATE WASHDC PRIORITY "
      "0974&#x000A;UNCLAS VLADIVOSTOK 000068 &#x000A;TAGS: PGOV</pre></body></html>";
  Result<RawCable> r = ReadCablegateHtml(page, "one-pre.html");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->reference_id, "08VLADIVOSTOK68");  // no <th>: default column order
  EXPECT_EQ(r->header,
            "P 090721Z JUL 08\nFM AMCONSUL VLADIVOSTOK\nTO SECSTATE WASHDC PRIORITY 0974");
  EXPECT_EQ(r->text, "UNCLAS VLADIVOSTOK 000068 \nTAGS: PGOV");
}

TEST(ReadHtml, PageWithoutTableOrPreIsAParseError) {
  Result<RawCable> r = ReadCablegateHtml("<html><body><p>nothing</p></body></html>", "x.html");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kParseError);
  EXPECT_EQ(r.status().file(), "x.html");
  EXPECT_NE(r.status().message().find("<table class='cable'>"), std::string::npos);
}

TEST(ReadHtml, TruncatedPageKeepsWhatItHas) {
  CABLEBASE_SHARED_SET(fixtures, "read");
  const std::string page = ReadFileBytes(FixturePath("04ANKARA348.html"));
  const size_t cut = page.find("Charismatic, and possessing");
  ASSERT_NE(cut, std::string::npos);
  Result<RawCable> r = ReadCablegateHtml(std::string_view(page).substr(0, cut), "cut.html");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->reference_id, "04ANKARA348");
  EXPECT_NE(r->text.find("Who are we dealing with?"), std::string::npos);
}

}  // namespace
}  // namespace cablebase::read
