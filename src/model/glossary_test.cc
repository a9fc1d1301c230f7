// Unit tests of the glossary (cablebase/glossary.h): lookups, the tables, and their agreement with
// the TAGS vocabularies of tag_lists.cc.
#include "cablebase/glossary.h"

#include <gtest/gtest.h>

#include <cctype>
#include <set>
#include <string>

#include "model/tag_kind.h"

namespace cablebase {
namespace {

TEST(Glossary, LookupsAreCaseInsensitiveAndTrimmed) {
  ASSERT_NE(PrecedenceMeaning("IMMEDIATE"), nullptr);
  EXPECT_STREQ(PrecedenceMeaning("immediate"), PrecedenceMeaning("IMMEDIATE"));
  EXPECT_STREQ(PrecedenceMeaning(" Niact Immediate "), PrecedenceMeaning("NIACT IMMEDIATE"));
  EXPECT_STREQ(ClassificationMeaning("confidential"), ClassificationMeaning("CONFIDENTIAL"));
  EXPECT_STREQ(CaveatMeaning("noforn"), "not releasable to foreign nationals");
  EXPECT_STREQ(SubjectTagMeaning("prel"), "external political relations");
  EXPECT_STREQ(GeographicTagMeaning("rs"), "Russia");
  EXPECT_STREQ(GeographicTagMeaning(" Uy"), "Uruguay");
  EXPECT_STREQ(OrganizationTagMeaning("nato"), "North Atlantic Treaty Organization");
  EXPECT_STREQ(PortionMarkMeaning("s/nf"), "secret, not releasable to foreign nationals");
}

TEST(Glossary, UnknownWordsHaveNoMeaning) {
  EXPECT_EQ(PrecedenceMeaning("URGENT"), nullptr);
  EXPECT_EQ(ClassificationMeaning(""), nullptr);
  EXPECT_EQ(CaveatMeaning("NOFORNX"), nullptr);
  EXPECT_EQ(SubjectTagMeaning("ZZZZ"), nullptr);
  EXPECT_EQ(GeographicTagMeaning("QQ"), nullptr);
  EXPECT_EQ(OrganizationTagMeaning("ACME"), nullptr);
  EXPECT_EQ(PortionMarkMeaning("X"), nullptr);
  // Not guessed (docs/cable_format.md "What TAGS mean"): SR is not a FIPS 10-4 code (Belgrade
  // writes it for Serbia, 09BELGRADE399), and most regional X* codes are not pinned down by the
  // corpus (XR is on Brazilian and Mexican cables, not a "Soviet Union" code).
  for (const char* code : {"SR", "XB", "XG", "XH", "XL", "XR", "XS", "XY"}) {
    EXPECT_EQ(GeographicTagMeaning(code), nullptr) << code;
  }
}

// State's TAGS use FIPS 10-4, not ISO 3166 (06ASUNCION589 "PARAGUAY: ..." is tagged PA).
TEST(Glossary, GeographicCodesAreFips104NotIso) {
  EXPECT_STREQ(GeographicTagMeaning("PA"), "Paraguay");  // ISO PA is Panama
  EXPECT_STREQ(GeographicTagMeaning("PM"), "Panama");    // ISO PM is Saint Pierre and Miquelon
  EXPECT_STREQ(GeographicTagMeaning("SZ"), "Switzerland");
  EXPECT_STREQ(GeographicTagMeaning("JA"), "Japan");
  EXPECT_STREQ(GeographicTagMeaning("GB"), "Gabon");  // 75LIBREVILLE1895
  EXPECT_STREQ(GeographicTagMeaning("LI"), "Liberia");
  EXPECT_STREQ(GeographicTagMeaning("MJ"), "Montenegro");
  EXPECT_STREQ(GeographicTagMeaning("RI"), "Serbia");
  EXPECT_STREQ(GeographicTagMeaning("BK"), "Bosnia and Herzegovina");  // 10SARAJEVO134
  EXPECT_STREQ(GeographicTagMeaning("MU"), "Oman");                    // 10MUSCAT71
}

TEST(Glossary, ReasonMeaningReadsTheLetter) {
  const char* b = "foreign government information";
  EXPECT_STREQ(ReasonMeaning("1.4(b)"), b);
  EXPECT_STREQ(ReasonMeaning("1.4 (B)"), b);
  EXPECT_STREQ(ReasonMeaning("1.5 (b)"), b);
  EXPECT_STREQ(ReasonMeaning("B"), b);
  EXPECT_STREQ(ReasonMeaning(" b "), b);
  EXPECT_NE(ReasonMeaning("1.5 (d)"), nullptr);
  EXPECT_NE(ReasonMeaning("1.4(h)"), nullptr);
  EXPECT_EQ(ReasonMeaning("1.4(z)"), nullptr);
  EXPECT_EQ(ReasonMeaning("1.4("), nullptr);
  EXPECT_EQ(ReasonMeaning("1.4"), nullptr);
  EXPECT_EQ(ReasonMeaning(""), nullptr);
}

TEST(Glossary, TagMeaningFollowsTheKind) {
  EXPECT_STREQ(TagMeaning("PREL", TagKind::kSubject), "external political relations");
  EXPECT_STREQ(TagMeaning("KNNP", TagKind::kProgram), "nuclear non-proliferation");
  EXPECT_STREQ(TagMeaning("UY", TagKind::kGeographic), "Uruguay");
  // Two-letter organisations are geographic by shape (09PARIS1052 "PHUM UN FR").
  EXPECT_STREQ(TagMeaning("UN", TagKind::kGeographic), "United Nations");
  EXPECT_STREQ(TagMeaning("IAEA", TagKind::kOrganization), "International Atomic Energy Agency");
  EXPECT_EQ(TagMeaning("RS", TagKind::kOrganization), nullptr);
  EXPECT_EQ(TagMeaning("BUSH, GEORGE W.", TagKind::kPerson), nullptr);
  EXPECT_STREQ(TagMeaning("nato", TagKind::kUnknown), "North Atlantic Treaty Organization");
  EXPECT_STREQ(TagMeaning("rs", TagKind::kUnknown), "Russia");
  EXPECT_EQ(TagMeaning("SR", TagKind::kGeographic), nullptr);
}

TEST(Glossary, TablesAreEnumerableWithUniqueUpperCaseKeys) {
  const char* names[] = {"precedence",       "classification", "caveats",
                         "reasons",          "subject_tags",   "subject_tag_areas",
                         "geographic_codes", "organizations",  "portion_marks"};
  ASSERT_EQ(GlossaryTables().size(), std::size(names));
  for (size_t i = 0; i < std::size(names); ++i) {
    const GlossaryTable& t = GlossaryTables()[i];
    EXPECT_EQ(t.name, names[i]);
    EXPECT_EQ(FindGlossaryTable(names[i]), &t);
    EXPECT_FALSE(t.source.empty()) << t.name;
    EXPECT_FALSE(t.entries.empty()) << t.name;
    std::set<std::string_view> keys;
    for (const GlossaryEntry& e : t.entries) {
      EXPECT_TRUE(keys.insert(e.key).second) << t.name << ": duplicate " << e.key;
      for (char c : e.key) EXPECT_FALSE(std::islower(static_cast<unsigned char>(c))) << e.key;
      ASSERT_NE(e.meaning, nullptr) << e.key;
      EXPECT_GT(std::string(e.meaning).size(), 1u) << e.key;
    }
  }
  EXPECT_EQ(FindGlossaryTable("nope"), nullptr);
  EXPECT_EQ(FindGlossaryTable("Precedence"), nullptr);
}

// Consistency with the TAGS vocabularies: a named geographic code is one the parser recognises as
// geographic, and a named organisation one it recognises as an organisation.
TEST(Glossary, NamedCodesAreRecognisedByTheTagVocabularies) {
  for (const GlossaryEntry& e : FindGlossaryTable("geographic_codes")->entries) {
    EXPECT_TRUE(model::IsGeographicCode(e.key)) << e.key << " is named but not geographic";
    EXPECT_EQ(model::TagKindOf(e.key), TagKind::kGeographic) << e.key;
  }
  for (const GlossaryEntry& e : FindGlossaryTable("organizations")->entries) {
    EXPECT_TRUE(model::IsOrganizationTag(e.key)) << e.key << " is named but not an organisation";
  }
  // A subject meaning must be reachable: its key is not taken for a code or an organisation (the
  // old CLI table had "PM" political-military, but PM is Panama). Keys the vocabulary does not know
  // (TNGD, seen in Cablegate's tag index) are of kind unknown, which TagMeaning also looks up.
  for (const GlossaryEntry& e : FindGlossaryTable("subject_tags")->entries) {
    TagKind k = model::TagKindOf(e.key);
    EXPECT_TRUE(k == TagKind::kSubject || k == TagKind::kProgram || k == TagKind::kUnknown)
        << e.key << " is named as a subject TAG but parsed as " << TagKindName(k);
    EXPECT_STREQ(TagMeaning(e.key, k), e.meaning) << e.key;
  }
}

// Every recognised geographic code has a name, except the ones left unnamed on purpose (see
// docs/cable_format.md "What TAGS mean"). A code added to tag_lists.cc must be named or listed
// here.
TEST(Glossary, EveryRecognisedGeographicCodeIsNamedButTheUncertainOnes) {
  const std::set<std::string_view> unnamed = {"SR", "XB", "XG", "XH", "XI", "XK", "XL",
                                              "XN", "XO", "XP", "XR", "XS", "XT", "XU",
                                              "XV", "XW", "XX", "XY", "XZ"};
  size_t named = 0;
  for (std::string_view code : model::GeographicCodes()) {
    if (unnamed.count(code)) {
      EXPECT_EQ(GeographicTagMeaning(code), nullptr) << code;
    } else {
      EXPECT_NE(GeographicTagMeaning(code), nullptr) << code << " has no name";
      ++named;
    }
  }
  EXPECT_EQ(named, FindGlossaryTable("geographic_codes")->entries.size());
  EXPECT_GE(named, 200u);
}

}  // namespace
}  // namespace cablebase
