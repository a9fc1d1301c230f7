// Tests of the plain-text reader: alx layout, paul-mathieu CRLF/Latin-1, rendered text.
#include "read/text_reader.h"

#include <gtest/gtest.h>

#include "read/charset.h"
#include "read/read_test_util.h"

namespace cablebase::read {
namespace {

using testing::CollectFixture;
using testing::FixturePath;
using testing::ReadFileBytes;

TEST(ReadText, AlxFiveLinesAndGluedHeader) {
  CABLEBASE_SHARED_SET(fixtures, "read");
  // 08VLADIVOSTOK68: "AMCONSUL VLADIVOSTOKUNCLAS VLADIVOSTOK 000068".
  testing::Collected c = CollectFixture("08VLADIVOSTOK68.txt");
  ASSERT_EQ(c.cables.size(), 1u);
  const RawCable& r = c.cables[0];
  EXPECT_EQ(r.reference_id, "08VLADIVOSTOK68");
  EXPECT_EQ(r.title, "RUSSIAN FAR EAST: CHUKOTKANS WORRY AS THEIR \"HERO,\"");
  EXPECT_EQ(r.created, "Wed Jul 09 00:00:00 +0200 2008");
  EXPECT_EQ(r.classification, "UNCLASSIFIED");
  EXPECT_EQ(r.origin, "Consulate Vladivostok");
  EXPECT_EQ(r.source.format, InputFormat::kText);
  EXPECT_EQ(r.header,
            "P 090721Z JUL 08\nFM AMCONSUL VLADIVOSTOK\nTO SECSTATE WASHDC PRIORITY 0974\n"
            "INFO MOSCOW POLITICAL COLLECTIVE\nAMCONSUL VLADIVOSTOK");
  EXPECT_EQ(
      r.text.rfind("UNCLAS VLADIVOSTOK 000068 \n \n \nE.O. 12958: N/A \nTAGS: PGOV PINR RS\n", 0),
      0u);
  EXPECT_NE(r.text.find("\xC2\xB6"
                        "1.  Summary.  On July 3, Presi..."),
            std::string::npos);
}

TEST(ReadText, AlxLetterSpacedGluedToCollective) {
  CABLEBASE_SHARED_SET(fixtures, "read");
  // 10MADRID49: "...EUROPEAN POLITICAL COLLECTIVEC O N F I D E N T I A L SECTION 01 OF 02 ...".
  testing::Collected c = CollectFixture("10MADRID49.txt");
  ASSERT_EQ(c.cables.size(), 1u);
  const RawCable& r = c.cables[0];
  EXPECT_EQ(r.header.substr(r.header.size() - 41), "INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE");
  EXPECT_EQ(r.text.rfind("C O N F I D E N T I A L SECTION 01 OF 02 MADRID 000049 \n", 0), 0u);
}

TEST(ReadText, AlxPageBannerIsNotTheClassificationLine) {
  CABLEBASE_SHARED_SET(fixtures, "read");
  // 00HOCHIMINHCITY838: "UNCLASSIFIED     PTQ5647" in the page banner, the real line glued.
  testing::Collected c = CollectFixture("00HOCHIMINHCITY838.txt");
  ASSERT_EQ(c.cables.size(), 1u);
  const RawCable& r = c.cables[0];
  EXPECT_EQ(r.header.rfind("This record is a partial extract of the original cable.", 0), 0u);
  EXPECT_NE(r.header.find("UNCLASSIFIED     PTQ5647"), std::string::npos);
  EXPECT_EQ(r.header.substr(r.header.size() - 20), "INFO AMEMBASSY HANOI");
  EXPECT_EQ(r.text.rfind("UNCLAS SECTION 01 OF 03 HO CHI MINH CITY 000838 \n", 0), 0u);
}

TEST(ReadText, AlxWithOnlyTheFiveLines) {
  CABLEBASE_SHARED_SET(fixtures, "read");
  testing::Collected c = CollectFixture("01STATE176819.txt");
  ASSERT_TRUE(c.errors.empty());
  ASSERT_EQ(c.cables.size(), 1u);
  const RawCable& r = c.cables[0];
  EXPECT_EQ(r.reference_id, "01STATE176819");
  EXPECT_EQ(r.title, "AFGHANISTAN'S POLITICAL FUTURE (CORRECTED COPY)");
  EXPECT_EQ(r.created, "Thu Oct 11 00:00:00 +0200 2001");
  EXPECT_EQ(r.classification, "CONFIDENTIAL");
  EXPECT_EQ(r.origin, "Secretary of State");
  EXPECT_TRUE(r.header.empty());
  EXPECT_TRUE(r.text.empty());
}

TEST(ReadText, PaulMathieuCrlfAndLatin1Pilcrow) {
  CABLEBASE_SHARED_SET(fixtures, "read");
  // 06NEWDELHI5238: CRLF line ends and the pilcrow as the single byte 0xB6.
  const std::string bytes = ReadFileBytes(FixturePath("06NEWDELHI5238.txt"));
  ASSERT_NE(bytes.find("\r\n"), std::string::npos);
  ASSERT_NE(bytes.find("\xB6"
                       "1."),
            std::string::npos);
  testing::Collected c = CollectFixture("06NEWDELHI5238.txt");
  ASSERT_EQ(c.cables.size(), 1u);
  const RawCable& r = c.cables[0];
  EXPECT_TRUE(r.reference_id.empty());  // no metadata in these files
  EXPECT_EQ(
      r.header.rfind("VZCZCXRO1359\nOO RUEHBI RUEHCI RUEHLH RUEHPW\nDE RUEHNE #5238 2070843\n", 0),
      0u);
  const std::string last_line = "RUEKJCS/JOINT STAFF WASHDC";
  EXPECT_EQ(r.header.substr(r.header.size() - last_line.size()), last_line);
  EXPECT_NE(r.header.find("\nO 260843Z JUL 06\nFM AMEMBASSY NEW DELHI\n"), std::string::npos);
  EXPECT_EQ(r.text.rfind("CONFIDENTIAL NEW DELHI 005238 \n", 0), 0u);
  EXPECT_NE(r.text.find("\xC2\xB6"
                        "1.  (C) On July 25, Poloff met"),
            std::string::npos);
  EXPECT_EQ(r.text.find('\r'), std::string::npos);
  EXPECT_EQ(r.header.find('\r'), std::string::npos);
  EXPECT_TRUE(IsValidUtf8(r.text));
  EXPECT_EQ(r.bytes, bytes.size());
}

TEST(ReadText, RenderedSeedMessageHeaderAndDebris) {
  CABLEBASE_SHARED_SET(fixtures, "read");
  // The seed 06MOSCOW1637: no routing header, message header before the classification line,
  // markdown link debris left for the parser.
  testing::Collected c = CollectFixture("06MOSCOW1637_rendered.txt");
  ASSERT_EQ(c.cables.size(), 1u);
  const RawCable& r = c.cables[0];
  EXPECT_EQ(r.header,
            "O 201007Z FEB 06\nFM AMEMBASSY MOSCOW\nTO SECSTATE WASHDC IMMEDIATE 1026\n"
            "INFO ARAB ISRAELI COLLECTIVE PRIORITY\nMOSCOW POLITICAL COLLECTIVE PRIORITY");
  EXPECT_EQ(r.text.rfind("C O N F I D E N T I A L MOSCOW 001637\n\nE.O. 12958: DECL: 09/20/2014\n"
                         "TAGS: [PREL](#) [RS](#)\n",
                         0),
            0u);
  EXPECT_NE(r.text.find("[1](#)1. (C) SUMMARY. A/DCM met February 17"), std::string::npos);
}

TEST(ReadText, EntitiesInAlxTextAreDecoded) {
  CABLEBASE_SHARED_SET(fixtures, "read");
  // The alx files are cut from web pages without decoding entities; 08VLADIVOSTOK68 with its
  // quotes written as entities must read like the original.
  std::string bytes = ReadFileBytes(FixturePath("08VLADIVOSTOK68.txt"));
  const std::string quoted = "THEIR \"HERO,\" \n";
  const size_t at = bytes.find(quoted);
  ASSERT_NE(at, std::string::npos);
  bytes.replace(at, quoted.size(), "THEIR &quot;HERO,&quot; &amp; &#182;&#x00B6; R&D \n");
  Result<RawCable> r = ReadPlainText(bytes, "entities.txt");
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->text.find("THEIR \"HERO,\" & \xC2\xB6\xC2\xB6 R&D \n"), std::string::npos);
}

TEST(ReadText, WholeFileLatin1AndLoneCr) {
  const std::string bytes =
      "CONFIDENTIAL PARIS 001007\r\rSUBJECT: CAF\xC9 \xB6"
      "1.\r\n";
  Result<RawCable> r = ReadPlainText(bytes, "latin1.txt");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text,
            "CONFIDENTIAL PARIS 001007\n\nSUBJECT: CAF\xC3\x89 \xC2\xB6"
            "1.\n");
}

TEST(ReadText, AlxMetadataNeedsIdDateAndClassification) {
  EXPECT_TRUE(
      ParseAlxMetadata("08MOSCOW2426\n\nFri Aug 15 00:00:00 +0200 2008\nCONFIDENTIAL\n"
                       "Embassy Moscow\n"));
  EXPECT_FALSE(
      ParseAlxMetadata("P 090721Z JUL 08\nFM AMCONSUL VLADIVOSTOK\nTO SECSTATE\nINFO\nX\n"));
  EXPECT_FALSE(ParseAlxMetadata("08MOSCOW2426\n\nnot a date\nCONFIDENTIAL\nEmbassy Moscow\n"));
}

TEST(ReadText, EmptyAndBinaryInputsAreParseErrors) {
  Result<RawCable> empty = ReadPlainText(" \r\n\n", "empty.txt");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), StatusCode::kParseError);
  EXPECT_EQ(empty.status().file(), "empty.txt");
  Result<RawCable> binary = ReadPlainText(std::string("UNCLAS\nab\0cd", 12), "bin.txt");
  ASSERT_FALSE(binary.ok());
  EXPECT_EQ(binary.status().line(), 2);
  EXPECT_NE(binary.status().message().find("NUL byte at offset 9"), std::string::npos);
}

}  // namespace
}  // namespace cablebase::read
