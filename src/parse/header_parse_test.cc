// Unit tests of the header parsers (transmission, message header, text header) on real cables.
#include <gtest/gtest.h>

#include "parse/header_lines.h"
#include "parse/message_header.h"
#include "parse/text_header.h"
#include "parse/transmission.h"

namespace cablebase::parse {
namespace {

// The seed cable 06MOSCOW1637 (shared/seed/000_517f99ca9aa40bf8.txt), header and text header.
constexpr char kSeed[] =
    "O 201007Z FEB 06\nFM AMEMBASSY MOSCOW\nTO SECSTATE WASHDC IMMEDIATE 1026\n"
    "INFO ARAB ISRAELI COLLECTIVE PRIORITY\nMOSCOW POLITICAL COLLECTIVE PRIORITY\n\n"
    "C O N F I D E N T I A L MOSCOW 001637\n\nE.O. 12958: DECL: 09/20/2014\n"
    "TAGS: [PREL](#) [RS](#)\nSUBJECT: HAMAS VISIT TO MOSCOW\n\nREF: A. MOSCOW 1323\n"
    "[1](#)B. MOSCOW\n\nClassified By: Minister-Counselor for Political Affairs\n"
    "Kirk Augustine, for reasons 1.4 (B & D)\n\n[1](#)1. (C) SUMMARY. A/DCM met\n";

// 09TELAVIV2502 (corpus html), the routing header.
constexpr char kTelAviv[] =
    "VZCZCXRO1504\nOO RUEHROV\nDE RUEHTV #2502/01 3221434\nZNY SSSSS ZZH\nO 181434Z NOV 09\n"
    "FM AMEMBASSY TEL AVIV\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 4262\n"
    "INFO RUEHXK/ARAB ISRAELI COLLECTIVE PRIORITY\nRHEHNSC/NSC WASHDC PRIORITY\n";

TEST(HeaderMessage, Seed) {
  MessageHeader mh = ParseMessageHeader(kSeed);
  EXPECT_EQ(mh.precedence, "IMMEDIATE");
  EXPECT_EQ(mh.dtg, "201007Z FEB 06");
  EXPECT_EQ(mh.originator, "AMEMBASSY MOSCOW");
  ASSERT_EQ(mh.to.size(), 1u);
  EXPECT_EQ(mh.to[0].name, "SECSTATE WASHDC");
  EXPECT_EQ(mh.to[0].precedence, "IMMEDIATE");
  EXPECT_EQ(mh.to[0].sequence, "1026");
  ASSERT_EQ(mh.info.size(), 2u);
  EXPECT_EQ(mh.info[0].name, "ARAB ISRAELI COLLECTIVE");
  EXPECT_TRUE(mh.info[0].collective);
  EXPECT_EQ(mh.info[1].name, "MOSCOW POLITICAL COLLECTIVE");
  EXPECT_EQ(mh.info[1].precedence, "PRIORITY");
}

TEST(HeaderMessage, RoutesMixedPrecedenceXmtAndPages) {
  MessageHeader tel = ParseMessageHeader(kTelAviv);
  ASSERT_EQ(tel.to.size(), 1u);
  EXPECT_EQ(tel.to[0].route, "RUEHC");
  EXPECT_EQ(tel.to[0].sequence, "4262");
  ASSERT_EQ(tel.info.size(), 2u);
  EXPECT_EQ(tel.info[1].route, "RHEHNSC");
  EXPECT_EQ(tel.info[1].name, "NSC WASHDC");
  // Mixed "O P" (a 1989 circular, golden parse_info_recipients) → the higher, IMMEDIATE; XMT.
  MessageHeader mixed = ParseMessageHeader(
      "O P 190243Z DEC 89\nFM SECSTATE WASHDC\nTO AMEMBASSY MANAGUA\n"
      "INFO ALL DIPLOMATIC AND CONSULAR POSTS PRIORITY\nXMT USINT HAVANA\n");
  EXPECT_EQ(mixed.precedence, "IMMEDIATE");
  ASSERT_EQ(mixed.info.size(), 1u);
  EXPECT_TRUE(mixed.info[0].collective);
  EXPECT_EQ(mixed.info[0].excluded, std::vector<std::string>{"USINT HAVANA"});
  MessageHeader page = ParseMessageHeader(
      "FM SECSTATE WASHDC\nTO PAGE 02        STATE   023763  071504Z\nAMEMBASSY NEW DELHI PRIORITY\n");
  ASSERT_EQ(page.to.size(), 1u);
  EXPECT_EQ(page.to[0].name, "AMEMBASSY NEW DELHI");
}

TEST(HeaderTransmission, TelAviv) {
  auto th = ParseTransmissionHeader(kTelAviv);
  ASSERT_TRUE(th.has_value());
  EXPECT_EQ(th->transmission_id, "VZCZCXRO1504");
  EXPECT_EQ(th->precedence_prosigns, std::vector<std::string>{"OO"});
  EXPECT_EQ(th->routing_indicators, std::vector<std::string>{"RUEHROV"});
  EXPECT_EQ(th->originating_station, "RUEHTV");
  EXPECT_EQ(th->station_serial, "2502");
  EXPECT_EQ(th->section, "01");
  EXPECT_EQ(th->julian_time, "3221434");
  EXPECT_EQ(th->security, "ZNY SSSSS ZZH");
  EXPECT_FALSE(ParseTransmissionHeader("O 201007Z FEB 06\nFM AMEMBASSY MOSCOW\n").has_value());
}

TEST(HeaderText, SeedFields) {
  auto cl = ParseClassificationLine(kSeed);
  ASSERT_TRUE(cl.has_value());
  EXPECT_EQ(cl->classification, "CONFIDENTIAL");
  EXPECT_EQ(cl->post, "MOSCOW");
  EXPECT_EQ(cl->serial, "001637");
  EXPECT_TRUE(ParseCaveats(kSeed).empty());
  auto eo = ParseExecutiveOrder(kSeed);
  ASSERT_TRUE(eo.has_value());
  EXPECT_EQ(eo->executive_order, "12958");
  EXPECT_EQ(eo->declassify_on, "2014-09-20");
  EXPECT_EQ(ParseSubject(kSeed), "HAMAS VISIT TO MOSCOW");
  std::vector<Reference> refs = ParseReferences(kSeed, 2006, "06MOSCOW1637");
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].label, "A");
  EXPECT_EQ(refs[0].text, "MOSCOW 1323");
  EXPECT_EQ(refs[0].reference_id, "06MOSCOW1323");
  EXPECT_EQ(refs[1].label, "B");
  EXPECT_FALSE(refs[1].reference_id.has_value());
  auto cb = ParseClassifiedBy(kSeed);
  ASSERT_TRUE(cb.has_value());
  EXPECT_EQ(cb->name, "Kirk Augustine");
  EXPECT_EQ(cb->title, "Minister-Counselor for Political Affairs");
  EXPECT_EQ(cb->reasons, (std::vector<std::string>{"1.4(b)", "1.4(d)"}));
}

TEST(HeaderText, LowerCaseCable08Berlin1068) {
  constexpr char kText[] =
      "S e c r e t berlin 001068\n\nSipdis\nstate for isn/mtr (herrmann), eur/ce\n\n"
      "E.o. 12958: decl: 08/06/2033\nTags: parm, prel, ettc, mtcre, ksca, ir, aec, gm\n"
      "Subject: (s) germany requests release of xxxxxxxxxxxx\nnonpaper to the german criminal "
      "customs office (zka)\n\nRef: a. State 77660\nb. Berlin 1000\n\n";
  auto cl = ParseClassificationLine(kText);
  ASSERT_TRUE(cl.has_value());
  EXPECT_EQ(cl->classification, "SECRET");
  EXPECT_EQ(cl->post, "BERLIN");
  EXPECT_EQ(cl->serial, "001068");
  EXPECT_EQ(ParseCaveats(kText), std::vector<std::string>{"SIPDIS"});
  EXPECT_EQ(ParseExecutiveOrder(kText)->declassify_on, "2033-08-06");
  EXPECT_EQ(ParseTags(kText), (std::vector<std::string>{"PARM", "PREL", "ETTC", "MTCRE", "KSCA",
                                                         "IR", "AEC", "GM"}));
  std::vector<Reference> refs = ParseReferences(kText, 2008, "08BERLIN1068");
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].reference_id, "08STATE77660");
  EXPECT_EQ(refs[1].reference_id, "08BERLIN1000");
}

TEST(HeaderText, Sectioned00Harare6677) {
  constexpr char kText[] =
      "Wednesday, 29 November 2000, 13:59\n"
      "C O N F I D E N T I A L SECTION 01 OF 03 HARARE 006677 \nSIPDIS \n"
      "NSC FOR SENIOR AFRICA DIRECTOR GAYLE SMITH \nEO 12958 DECL: 11/29/10 \n"
      "TAGS PGOV, PREL, ECON, PINR, ZI, SA \nSUBJECT: ASSISTANT SECRETARY MEETS WITH ZIMBABWE \n"
      " CONFIDENTIAL\nPAGE 02 HARARE 06677 01 OF 03 291400Z OPPOSITION LEADER\n"
      "REFTEL: HARARE 6584\n"
      "CLASSIFIED BY AMBASSADOR TOM MCDONALD FOR REASONS 1.5 (B) AND (D).\n";
  auto cl = ParseClassificationLine(kText);
  ASSERT_TRUE(cl.has_value());
  EXPECT_EQ(cl->section_number, 1);
  EXPECT_EQ(cl->section_count, 3);
  EXPECT_EQ(cl->post, "HARARE");
  EXPECT_EQ(ParseExecutiveOrder(kText)->declassify_on, "2010-11-29");
  EXPECT_EQ(ParseTags(kText), (std::vector<std::string>{"PGOV", "PREL", "ECON", "PINR", "ZI", "SA"}));
  std::vector<Reference> refs = ParseReferences(kText, 2000, "00HARARE6677");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].reference_id, "00HARARE6584");
  auto cb = ParseClassifiedBy(kText);
  ASSERT_TRUE(cb.has_value());
  EXPECT_EQ(cb->name, "TOM MCDONALD");
  EXPECT_EQ(cb->title, "AMBASSADOR");
  EXPECT_EQ(cb->reasons, (std::vector<std::string>{"1.5(b)", "1.5(d)"}));
}

TEST(HeaderText, ClassificationVariants) {
  // 10BAGHDAD290 lost its first letter; 09MOSCOW226 doubled it; 75LIBREVILLE1895 has a year.
  EXPECT_EQ(ParseClassificationLine("O N F I D E N T I A L BAGHDAD 000290 \n")->post, "BAGHDAD");
  EXPECT_EQ(ParseClassificationLine("SS E C R E T MOSCOW 000226 \n")->classification, "SECRET");
  // 09MOSCOW1108 (its page carries Shenyang's cable): a stray C glued to the first two letters.
  auto shenyang = ParseClassificationLine("CSE C R E T SECTION 01 OF 02 SHENYANG 000004 \n");
  ASSERT_TRUE(shenyang.has_value());
  EXPECT_EQ(shenyang->classification, "SECRET");
  EXPECT_EQ(shenyang->post, "SHENYANG");
  EXPECT_EQ(shenyang->serial, "000004");
  EXPECT_EQ(shenyang->section_number, 1);
  EXPECT_EQ(shenyang->section_count, 2);
  // A line that starts with a 3-letter word is not joined into a marker.
  EXPECT_FALSE(ParseClassificationLine("THE SECRET TALKS CONTINUE\n").has_value());
  EXPECT_FALSE(ParseClassificationLine("FOR S E C R E T\n").has_value());
  auto lib = ParseClassificationLine("C O N F I D E N T I A L 75 LIBREVILLE 1895 \n");
  ASSERT_TRUE(lib.has_value());
  EXPECT_EQ(lib->post, "LIBREVILLE");
  EXPECT_EQ(lib->serial, "1895");
  EXPECT_EQ(ParseClassificationLine("UNCLAS SECTION 01 OF 03 OTTAWA 000136\n")->classification,
            "UNCLASSIFIED");
  EXPECT_FALSE(ParseClassificationLine("hello\nworld\n").has_value());
  // Nothing crashes on junk.
  std::string junk = "\xff\xfe\x00 S E C R E T \x01";
  ParseClassificationLine(junk);
  ParseReferences(junk, 2000, "");
  ParseClassifiedBy("Classified By:");
  ParseTags("TAGS");
  ParseSubject("SUBJECT:");
  ParseMessageHeader("TO\nINFO XMT\n");
}

}  // namespace
}  // namespace cablebase::parse

namespace cablebase::parse {
namespace {

// What may and may not continue a subject after a blank line (real lines from the dev corpus).
TEST(HeaderText, SubjectContinuationAfterBlank) {
  using internal::ContinuesSubjectAfterBlank;
  const std::string wrapped = "SUBJECT: WAITING AND WATCHING: NORTH KOREA AFTER CURRENCY";
  EXPECT_TRUE(ContinuesSubjectAfterBlank(wrapped, "REFORM", "REF: 09 SHENYANG 167"));
  EXPECT_TRUE(ContinuesSubjectAfterBlank(wrapped, "REFORM", "Classified By: Consul General"));
  // Before a numbered paragraph or a portion mark the line is a heading of the body (breaker:
  // "BACKGROUND" was lost between the subject and the body).
  EXPECT_FALSE(ContinuesSubjectAfterBlank(wrapped, "BACKGROUND", "1. (C) Summary."));
  EXPECT_FALSE(ContinuesSubjectAfterBlank(wrapped, "KEY POINTS", "(U) The"));
  // Not after a short (unwrapped) subject: 09SAOPAULO487 "SUBJECT: SAO PAULO" / "" / a date.
  EXPECT_FALSE(ContinuesSubjectAfterBlank("SUBJECT: SAO PAULO", "REFORM", "REF: 09 SHENYANG 167"));
  // Not a page header, caveat, classification line, banner, summary heading or sentence.
  EXPECT_FALSE(ContinuesSubjectAfterBlank(wrapped, "MADRID 00000614 001.2 OF 004", "Classified By"));
  EXPECT_FALSE(ContinuesSubjectAfterBlank(wrapped, "NOFORN", "REF: A. STATE 1"));
  EXPECT_FALSE(ContinuesSubjectAfterBlank(wrapped, "SIPDIS", "REF: A. STATE 1"));
  EXPECT_FALSE(ContinuesSubjectAfterBlank(wrapped, "C O N F I D E N T I A L", "REF: A. STATE 1"));
  EXPECT_FALSE(ContinuesSubjectAfterBlank(wrapped, "SUMMARY", "1. (C) The"));
  EXPECT_FALSE(ContinuesSubjectAfterBlank(
      wrapped, "THIS CABLE IS SENSITIVE BUT UNCLASSIFIED.", "1. (SBU) Summary"));
  // Not a mixed-case line or after a mixed-case subject (09STATE30049).
  EXPECT_FALSE(ContinuesSubjectAfterBlank(wrapped, "Conversation with Australian Prime Minister",
                                          "1. Classified by"));
  EXPECT_FALSE(ContinuesSubjectAfterBlank("SUBJECT: (U) Secretary Clinton's March 24, 2009",
                                          "CONVERSATION", "1. Classified by"));
  // Not when what follows is prose rather than a header field or paragraph.
  EXPECT_FALSE(ContinuesSubjectAfterBlank(wrapped, "REFORM", "The embassy reports that"));
}

}  // namespace
}  // namespace cablebase::parse
