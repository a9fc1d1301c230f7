// Tests of FindClassificationLine / SplitHeaderAndText on lines taken from real cables.
#include "read/classification_line.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "model/text_util.h"
#include "read/read_test_util.h"

namespace cablebase::read {
namespace {

// The text block that SplitHeaderAndText finds in `s`.
std::string TextOf(std::string_view s) { return SplitHeaderAndText(s).text; }

TEST(ReadSplit, ClassificationLineFormsFromRealCables) {
  // Marker + post + serial, plain and letter-spaced (06NEWDELHI5238, 06MOSCOW1637).
  EXPECT_EQ(TextOf("FM X\nTO Y\nCONFIDENTIAL NEW DELHI 005238 \nSIPDIS"),
            "CONFIDENTIAL NEW DELHI 005238 \nSIPDIS");
  EXPECT_EQ(TextOf("FM X\n\nC O N F I D E N T I A L MOSCOW 001637\n"),
            "C O N F I D E N T I A L MOSCOW 001637\n");
  // Lower and mixed case, letter-spaced (04ANKARA348, 08BERLIN643).
  EXPECT_EQ(TextOf("201247Z Jan 04\nC o n f i d e n t i a l section 01 of 04 ankara 000348\n"),
            "C o n f i d e n t i a l section 01 of 04 ankara 000348\n");
  EXPECT_EQ(TextOf("H\nS e c r e t berlin 000643\nx"), "S e c r e t berlin 000643\nx");
  // Garbled markers (06MANAGUA1002, 08TUNIS679, 10BAGHDAD290, 07SANAA473, 09MOSCOW1108).
  EXPECT_EQ(TextOf("H\nUUNCLAS MANAGUA 001002 \n"), "UUNCLAS MANAGUA 001002 \n");
  EXPECT_EQ(TextOf("H\nSS E C R E T TUNIS 000679 \n"), "SS E C R E T TUNIS 000679 \n");
  EXPECT_EQ(TextOf("H\nO N F I D E N T I A L BAGHDAD 000290 \n"),
            "O N F I D E N T I A L BAGHDAD 000290 \n");
  EXPECT_EQ(TextOf("H\nE C R E T SANAA 000473 \n"), "E C R E T SANAA 000473 \n");
  EXPECT_EQ(TextOf("H\nCSE C R E T SECTION 01 OF 02 SHENYANG 000004 \n"),
            "CSE C R E T SECTION 01 OF 02 SHENYANG 000004 \n");
  // A year before the post (7575LIBREVILLE1895), a multi-word post (00HOCHIMINHCITY838).
  EXPECT_EQ(TextOf("H\nC O N F I D E N T I A L 75 LIBREVILLE 1895 \n"),
            "C O N F I D E N T I A L 75 LIBREVILLE 1895 \n");
  EXPECT_EQ(TextOf("H\nUNCLAS SECTION 01 OF 03 HO CHI MINH CITY 000838 \n"),
            "UNCLAS SECTION 01 OF 03 HO CHI MINH CITY 000838 \n");
  // LIMITED OFFICIAL USE and TOP SECRET.
  EXPECT_EQ(TextOf("H\nLIMITED OFFICIAL USE SECTION 01 OF 02 STATE 012345\n"),
            "LIMITED OFFICIAL USE SECTION 01 OF 02 STATE 012345\n");
  EXPECT_EQ(TextOf("H\nT O P S E C R E T STATE 000001\n"), "T O P S E C R E T STATE 000001\n");
}

TEST(ReadSplit, GluedAlxLines) {
  HeaderAndText s = SplitHeaderAndText(
      "P 090721Z JUL 08\nFM AMCONSUL VLADIVOSTOK\nTO SECSTATE WASHDC PRIORITY 0974\nINFO MOSCOW "
      "POLITICAL COLLECTIVE\nAMCONSUL VLADIVOSTOKUNCLAS VLADIVOSTOK 000068 \n \nE.O. 12958: N/A "
      "\n");
  EXPECT_EQ(s.header,
            "P 090721Z JUL 08\nFM AMCONSUL VLADIVOSTOK\nTO SECSTATE WASHDC PRIORITY 0974\nINFO "
            "MOSCOW POLITICAL COLLECTIVE\nAMCONSUL VLADIVOSTOK");
  EXPECT_EQ(s.text, "UNCLAS VLADIVOSTOK 000068 \n \nE.O. 12958: N/A \n");
  std::optional<ClassificationLineSpan> span = FindClassificationLine(
      "INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVEC O N F I D E N T I A L "
      "SECTION 01 OF 02 MADRID 000049 \n");
  ASSERT_TRUE(span);
  EXPECT_TRUE(span->glued);
  EXPECT_TRUE(span->full);
  EXPECT_EQ(span->marker, 41u);
  // A partial-extract note glued to the line (02ADANA386).
  EXPECT_EQ(TextOf("This record is a partial extract of the original cable. The full text of the "
                   "original cable is not available.UNCLAS SECTION 01 OF 02 ADANA 0386 \n"),
            "UNCLAS SECTION 01 OF 02 ADANA 0386 \n");
}

TEST(ReadSplit, BannersAreNotClassificationLines) {
  // Page banners of old telegrams: marker + a non-serial (00HOCHIMINHCITY838).
  EXPECT_FALSE(FindClassificationLine("                           UNCLASSIFIED     PTQ5647\n"));
  // Printout banners above the routing lines (09DOHA214): the line after FM/TO wins.
  const std::string doha =
      "Cable \nText: \nS E C R E T        DOHA 00214\nCXDOHA:\n    ACTION: AMB\nVZCZCDOI550\n"
      "R 261341Z MAR 09\nFM AMEMBASSY DOHA\nTO RUEHC/SECSTATE WASHDC 8904\n"
      "S E C R E T SECTION 01 OF 05 DOHA 000214  \n\nNOFORN  \n";
  EXPECT_EQ(TextOf(doha), "S E C R E T SECTION 01 OF 05 DOHA 000214  \n\nNOFORN  \n");
  // A bare marker and TAGS in a banner (03ABUDHABI2641).
  const std::string abu =
      "CONFIDENTIAL\n\nSIPDIS\nTELEGRAM\nTAGS:     PREL, EPET\nFM AMEMBASSY ABU DHABI\n"
      "TO RUEHC/SECSTATE WASHDC IMMEDIATE 0227\nC O N F I D E N T I A L ABU DHABI 002641 \n";
  EXPECT_EQ(TextOf(abu), "C O N F I D E N T I A L ABU DHABI 002641 \n");
  // Prose is not a classification line.
  EXPECT_FALSE(FindClassificationLine("Secret talks were held on 15 May.\nSECRETARY RICE 12\n"));
}

TEST(ReadSplit, BareMarkerAndTextHeaderBeforeAFullLine) {
  // A bare "UNCLASSIFIED" followed by SUBJECT is the start of the text even when a later body
  // line looks like a full classification line.
  HeaderAndText s =
      SplitHeaderAndText("R 011200Z JAN 90\nUNCLASSIFIED\nSUBJECT: X\nSECRET TALKS 12\n");
  EXPECT_EQ(s.header, "R 011200Z JAN 90");
  EXPECT_EQ(s.text, "UNCLASSIFIED\nSUBJECT: X\nSECRET TALKS 12\n");
}

TEST(ReadSplit, NoClassificationLineMeansAllText) {
  HeaderAndText s = SplitHeaderAndText("[1](#)2. (C) Timing and Level.\n");
  EXPECT_TRUE(s.header.empty());
  EXPECT_EQ(s.text, "[1](#)2. (C) Timing and Level.\n");
  EXPECT_EQ(SplitHeaderAndText("").text, "");
}

// Every Cablegate page whose published text starts at its classification line: joining the two
// blocks and splitting again gives the publisher's split back.
TEST(ReadSplit, CorpusHtmlBlocksRoundTrip) {
  CABLEBASE_SHARED_PATH(dir, "corpus/html");
  Result<std::vector<SourceFile>> files = ListSources({dir});
  ASSERT_TRUE(files.ok());
  int checked = 0;
  for (const SourceFile& f : *files) {
    testing::Collected c = testing::CollectSource(f.path);
    ASSERT_EQ(c.cables.size(), 1u) << f.path;
    const RawCable& r = c.cables[0];
    std::optional<ClassificationLineSpan> own = FindClassificationLine(r.text);
    if (r.header.empty() || !own || own->marker != 0) continue;
    const std::string header(model::TrimRight(r.header));
    HeaderAndText s = SplitHeaderAndText(header + "\n" + r.text);
    EXPECT_EQ(s.header, std::string(model::Trim(header))) << f.path;
    EXPECT_EQ(s.text, r.text) << f.path;
    ++checked;
  }
  RecordProperty("pages_checked", checked);  // 828 of the 922 corpus pages
  EXPECT_GE(checked, 820);
}

}  // namespace
}  // namespace cablebase::read
