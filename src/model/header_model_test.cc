// Unit tests of src/model: reference IDs, dates, TAGS kinds and text helpers (real cable values).
#include <gtest/gtest.h>

#include "model/dates.h"
#include "model/reference_id.h"
#include "model/tag_kind.h"
#include "model/text_util.h"

namespace cablebase::model {
namespace {

TEST(ModelReferenceId, MakeFromClassificationLine) {
  // 06MOSCOW1637 (seed): "C O N F I D E N T I A L MOSCOW 001637".
  EXPECT_EQ(MakeReferenceId(2006, "MOSCOW", "001637"), "06MOSCOW1637");
  // 09RIODEJANEIRO329: "SECTION 01 OF 04 RIO DE JANEIRO 000329".
  EXPECT_EQ(MakeReferenceId(9, "RIO DE JANEIRO", "000329"), "09RIODEJANEIRO329");
  // 07BERN881-style STATE cables: "SECSTATE" is STATE.
  EXPECT_EQ(MakeReferenceId(2008, "SECSTATE", "74879"), "08STATE74879");
  EXPECT_EQ(MakeReferenceId(2010, "THE HAGUE", "109"), "10THEHAGUE109");
  EXPECT_EQ(MakeReferenceId(2009, "RPO DUBAI", "000316"), "09RPODUBAI316");
  EXPECT_EQ(MakeReferenceId(2009, "", "12"), "");
  EXPECT_EQ(MakeReferenceId(2009, "PARIS", "12A"), "");
}

TEST(ModelReferenceId, CanonicalPostNames) {
  EXPECT_EQ(CanonicalPostName("RIO"), "RIODEJANEIRO");
  EXPECT_EQ(CanonicalPostName("SECSTATE WASHDC"), "STATE");
  EXPECT_EQ(CanonicalPostName("USUN"), "USUNNEWYORK");
  EXPECT_EQ(CanonicalPostName("HAGUE"), "THEHAGUE");
  EXPECT_EQ(CanonicalPostName("N'DJAMENA"), "NDJAMENA");
  EXPECT_EQ(CanonicalPostName("PORT-AU-PRINCE"), "PORTAUPRINCE");
  EXPECT_EQ(CanonicalPostName("BRASILA"), "BRASILIA");  // misspelt in a REF (golden 09BRASILIA)
  EXPECT_EQ(CanonicalPostName("TEL AVIV"), "TELAVIV");
  EXPECT_EQ(CanonicalPostName(""), "");
}

TEST(ModelReferenceId, CanonicalizeMalformedPublishedIds) {
  EXPECT_EQ(CanonicalizeReferenceId("08SCTION02OF02SAOPAULO335"), "08SAOPAULO335");
  EXPECT_EQ(CanonicalizeReferenceId("7575LIBREVILLE1895"), "75LIBREVILLE1895");  // corpus file
  EXPECT_EQ(CanonicalizeReferenceId("09EFTOLONDON2468"), "09LONDON2468");
  EXPECT_EQ(CanonicalizeReferenceId("06MADRID002583ZFR2585"), "06MADRID2583");
  EXPECT_EQ(CanonicalizeReferenceId("90STATE255723TOSEC140328"), "90STATE255723");
  EXPECT_EQ(CanonicalizeReferenceId("06MOSCOW1637"), "06MOSCOW1637");
  EXPECT_EQ(CanonicalizeReferenceId("not an id"), "NOT AN ID");
}

TEST(ModelDates, DtgToIso) {
  EXPECT_EQ(DtgToIso("201007Z FEB 06"), "2006-02-20T10:07:00Z");  // seed 06MOSCOW1637
  EXPECT_EQ(DtgToIso("181434Z NOV 09"), "2009-11-18T14:34:00Z");  // 09TELAVIV2502
  EXPECT_EQ(DtgToIso("190243Z DEC 89"), "1989-12-19T02:43:00Z");
  EXPECT_EQ(DtgToIso("311200Z FEB 06"), "");
  EXPECT_EQ(DtgToIso("garbage"), "");
  EXPECT_EQ(NormalizeDtg("201007z feb 06"), "201007Z FEB 06");
}

TEST(ModelDates, PublishedDates) {
  EXPECT_EQ(PublishedDateToIso("2004-01-20 12:12"), "2004-01-20T12:12:00Z");
  EXPECT_EQ(PublishedDateToIso("12/28/1966 18:48"), "1966-12-28T18:48:00Z");
  // Local midnight is the calendar date, never shifted across midnight (issue 11; alx 08VLADIVOSTOK68).
  EXPECT_EQ(PublishedDateToIso("Wed Jul 09 00:00:00 +0200 2008"), "2008-07-09T00:00:00Z");
  EXPECT_EQ(PublishedDateToIso("Tue Jan 19 00:00:00 +0100 2010"), "2010-01-19T00:00:00Z");
  // Another time of day is an instant: its offset is applied (written for the test).
  EXPECT_EQ(PublishedDateToIso("Tue Jan 19 00:30:00 +0100 2010"), "2010-01-18T23:30:00Z");
  EXPECT_EQ(PublishedDateToIso("Tue Jan 19 17:34:00 -0500 2010"), "2010-01-19T22:34:00Z");
  EXPECT_EQ(PublishedDateToIso(""), "");
}

TEST(ModelDates, DeclassifyDates) {
  EXPECT_EQ(DateToIso("09/20/2014"), "2014-09-20");  // seed
  EXPECT_EQ(DateToIso("11/29/10"), "2010-11-29");    // 00HARARE6677 "EO 12958 DECL: 11/29/10"
  EXPECT_EQ(DateToIso("2020/02/23"), "2020-02-23");
  EXPECT_EQ(DateToIso("N/A"), "");
  EXPECT_EQ(DateToIso("OADR"), "");
}

TEST(ModelTagKind, Kinds) {
  EXPECT_EQ(TagKindOf("PREL"), TagKind::kSubject);
  EXPECT_EQ(TagKindOf("phum"), TagKind::kSubject);
  EXPECT_EQ(TagKindOf("RS"), TagKind::kGeographic);
  EXPECT_EQ(TagKindOf("KIPR"), TagKind::kProgram);
  EXPECT_EQ(TagKindOf("OBAMA, BARACK"), TagKind::kPerson);
  EXPECT_EQ(TagKindOf("NATO"), TagKind::kOrganization);
  EXPECT_EQ(TagKindOf("BA'ATH"), TagKind::kOrganization);
  EXPECT_EQ(TagKindOf("THIS IS UNKNOWN"), TagKind::kUnknown);
}

TEST(ModelTextUtil, Helpers) {
  EXPECT_EQ(Trim("  a b \n"), "a b");
  EXPECT_EQ(CollapseWhitespace(" a \n\t b "), "a b");
  EXPECT_EQ(ToUpperAscii("Moscow"), "MOSCOW");
  EXPECT_TRUE(StartsWithIgnoreCase("Subject: x", "SUBJECT"));
  EXPECT_EQ(SplitLines("a\r\nb\n").size(), 2u);
  EXPECT_EQ(StripLeadingZeros("000068"), "68");
  EXPECT_EQ(FindIgnoreCase("E.o. 12958", "E.O."), 0u);
}

}  // namespace
}  // namespace cablebase::model

namespace cablebase::model {
namespace {

// The misspellings real Classified By lines carry (golden cases: "Ambassaor", "AMBASSSADOR").
TEST(ModelEditDistance, CountsMisspellingsOfTitleWords) {
  EXPECT_EQ(EditDistance("ambassador", "ambassaor", false), 1);
  EXPECT_EQ(EditDistance("ambassador", "ambasssador", false), 1);
  EXPECT_EQ(EditDistance("counselor", "couselor", false), 1);
  EXPECT_EQ(EditDistance("chief", "cheif", false), 2);
  EXPECT_EQ(EditDistance("chief", "cheif", true), 1);  // an adjacent swap
  EXPECT_EQ(EditDistance("", "prel", true), 4);
}

}  // namespace
}  // namespace cablebase::model
