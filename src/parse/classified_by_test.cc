// The Classified By rules (docs/cable_format.md, "Classified By"): the name is the person at the end
// of the title phrase whatever the title holds; real cables read from the shared folder, and
// fragments written for these tests.
#include <gtest/gtest.h>

#include <string>

#include "parse/text_header.h"
#include "parse_shared_cable.h"

namespace cablebase::parse {
namespace {

using testing_shared::CablegatePage;
using testing_shared::ReadAndParseOne;

struct Want {
  const char* id;
  const char* title;
  const char* name;
};

// One teaching cable per shape of title: an abbreviated title (CDA, A/DCM), a unit or office
// before the head word (Unit Counselor, PRT ... Leader, Unit Chief), a wrap inside a word, a name
// written first, initials after a slash title.
TEST(ClassifiedByCorpus, TheNameIsThePersonAfterTheTitle) {
  const Want want[] = {
      {"07SANAA473", "CDA", "NABEEL KHOURY"},
      {"09STOCKHOLM418", "CDA", "LAURA J. KIRKCONNELL"},
      {"07LAPAZ2385", "A/DCM", "Mike Hammer"},
      {"09NAIROBI1057", "Somalia Unit Counselor", "Bob Patterson"},
      {"09BAGHDAD759", "PRT Salah Ad Din Leader", "Rick Bell"},
      {"08BERLIN1068", "Global Affairs Unit Chief", "Don L. Brown"},
      {"09BERLIN1106", "MINISTER COUNSELOR FOR POLITICAL AFFAIRS", "GEORGE GLASS"},
      {"10BAGHDAD290", "MINISTER-COUNSELOR FOR POLITICAL AFFAIRS", "GARY A. GRAPPO"},
      {"10BERLIN180", "Minister-Counselor for Economics Affairs", "ROBERT A. POLLARD"},
      {"10USNATO52", "A/PolAd", "A. \xE2\x80\x9CHoot\xE2\x80\x9D Baez"},
  };
  for (const Want& w : want) {
    CABLEBASE_SHARED_PATH(page, CablegatePage(w.id));
    Cable c = ReadAndParseOne(page);
    ASSERT_TRUE(c.classified_by.has_value()) << w.id;
    EXPECT_EQ(c.classified_by->title, w.title) << w.id;
    EXPECT_EQ(c.classified_by->name, w.name) << w.id;
  }
}

// Issue 11, found by the metamorphic tests (tests/metamorphic_names_test.cc): a camel-case
// abbreviated title (07PARIS921, 09BRUSSELS536), a run inside a connector's phrase before more
// title words (09BAGHDAD383), a comma typed for an initial's stop (09TELAVIV1060), a word cut by
// the wrap and re-joined with a blank (09KABUL3161).
TEST(ClassifiedByCorpus, NameAfterAbbreviationsPhrasesAndTypos) {
  const Want want[] = {
      {"07PARIS921", "PolMC", "Josiah Rosenblatt"},
      {"09BRUSSELS536", "USEU EconMinCouns", "Peter Chase"},
      {"09BAGHDAD383", "Minister-Counselor for Political Military Affairs", "Michael Corbin"},
      {"09TELAVIV1060", "DCM", "Luis G. Moreno"},
      {"09KABUL3161", "Interagency Provincial Affairs Deputy CooQnator", "Hoyt Yee"},
  };
  for (const Want& w : want) {
    CABLEBASE_SHARED_PATH(page, CablegatePage(w.id));
    Cable c = ReadAndParseOne(page);
    ASSERT_TRUE(c.classified_by.has_value()) << w.id;
    EXPECT_EQ(c.classified_by->title, w.title) << w.id;
    EXPECT_EQ(c.classified_by->name, w.name) << w.id;
  }
}

// Fragments written for this test: the shapes of issue 11's name rules.
TEST(ClassifiedByFragments, NameShapes) {
  auto name = [](const char* text) {
    auto cb = ParseClassifiedBy(text);
    return cb ? cb->name : std::string("<none>");
  };
  EXPECT_EQ(name("Classified By: Charge d'Affaires DANIEL SMITH for reasons 1.4 (b)\n"), "DANIEL SMITH");
  EXPECT_EQ(name("Classified By: COM John Smith for reasons 1.4 (b)\n"), "John Smith");
  EXPECT_EQ(name("Classified By: Ambassador Kevin McDonald, reasons 1.4 (d)\n"), "Kevin McDonald");
  EXPECT_EQ(name("CLASSIFIED BY AMBASSADOR ED WU.\nREASON 1.5(D).\n"), "ED WU");
  EXPECT_EQ(name("CLASSIFIED BY AMBASSADOR JOHN T.\nREASON 1.5(D).\n"), "JOHN T.");
  EXPECT_EQ(name("Classified By: D. Jane Smith, CDA, reasons 1.4 (b) and (d)\n"), "D. Jane Smith");
  EXPECT_EQ(name("Classified By: Acting DCM/J.D. Smith for reasons 1.4 (b)\n"), "J.D. Smith");
  EXPECT_EQ(name("Classified By: Special Envoy for Eurasian Energy Glyn T. Smith, 1.4 (b)\n"),
            "Glyn T. Smith");
  EXPECT_EQ(name("Classified By: ADANA 222 ANKARA 6772 Classified\nby DCM Jane Smith, 1.4 (b)\n"),
            "Jane Smith");
  EXPECT_EQ(name("Classified By: Classified by Classified by DCM Jane Smith, 1.4 (b)\n"), "Jane Smith");
  EXPECT_EQ(name("Classified By: Charge d'Affaires, a.i., JANE Q. SMITH, Embassy, 1.4 (b)\n"),
            "JANE Q. SMITH");
  EXPECT_EQ(name("Classified By: Acting PolCouns, USEU BRUSSELS, for reasons 1.4 (b)\n"), "");
}

// "Derived from Multiple Sources" names no person (08STATE116943, 09STATE67105).
TEST(ClassifiedByCorpus, DerivedFromMultipleSourcesIsNoPerson) {
  for (const char* id : {"08STATE116943", "09STATE67105"}) {
    CABLEBASE_SHARED_PATH(page, CablegatePage(id));
    Cable c = ReadAndParseOne(page);
    ASSERT_TRUE(c.classified_by.has_value()) << id;
    EXPECT_EQ(c.classified_by->name, "") << id;
    EXPECT_EQ(c.classified_by->title, "") << id;
  }
}

// A Classified By line the text header did not hold: inside paragraph 1 or 2 (09STATE30049,
// 08STATE103511), after a page marker (09RIODEJANEIRO365), after a REF block over blank lines and a
// page marker (06BAKU1835).
TEST(ClassifiedByCorpus, LineOutsideTheHeaderIsRead) {
  const Want want[] = {
      {"09STATE30049", "Acting EAP A/S", "Alexander A. Arvizu"},
      {"08STATE103511", "Acting DAS", "James Knight"},
      {"09RIODEJANEIRO365", "Principal Officer", "Dennis W. Hearne"},
      {"06BAKU1835", "Charge", "Jason P. Hyland"},
  };
  for (const Want& w : want) {
    CABLEBASE_SHARED_PATH(page, CablegatePage(w.id));
    Cable c = ReadAndParseOne(page);
    ASSERT_TRUE(c.classified_by.has_value()) << w.id;
    EXPECT_EQ(c.classified_by->title, w.title) << w.id;
    EXPECT_EQ(c.classified_by->name, w.name) << w.id;
  }
  // The line's text stops before the next paragraph (08STATE103511 "¶3. (U) This is ...").
  CABLEBASE_SHARED_PATH(page, CablegatePage("08STATE103511"));
  Cable c = ReadAndParseOne(page);
  ASSERT_TRUE(c.classified_by.has_value());
  EXPECT_EQ(c.classified_by->text.find("This is"), std::string::npos) << c.classified_by->text;
}

// Fragments written for this test: the same shapes with other words.
TEST(ClassifiedByFragments, TitleShapes) {
  auto read = [](const char* text) {
    std::optional<ClassifiedBy> cb = ParseClassifiedBy(text);
    return cb ? cb->title + " | " + cb->name : std::string("none");
  };
  EXPECT_EQ(read("Classified By: DCM JANE Q. ROE for reasons 1.4 (b) and (d)"), "DCM | JANE Q. ROE");
  EXPECT_EQ(read("Classified By: Caucasus Unit Chief Jane Roe. Reasons: 1.4 (b,d)."),
            "Caucasus Unit Chief | Jane Roe");
  EXPECT_EQ(read("Classified By: PRT Kirkuk Team Leader John Doe for reasons 1.4 (b)"),
            "PRT Kirkuk Team Leader | John Doe");
  EXPECT_EQ(read("Classified By: Derived from Multiple Sources"), " | ");
  // Wrapped inside "FOR" at the column-72 wrap: the halves are glued back, not kept in the name.
  EXPECT_EQ(read("Classified By: MINISTER COUNSELOR FOR POLITICAL AFFAIRS JOHN DOE FO \n"
                 "R REASONS 1.4 (B) AND (D)"),
            "MINISTER COUNSELOR FOR POLITICAL AFFAIRS | JOHN DOE");
}

TEST(ClassifiedByFragments, LeadingLineOfTheBody) {
  std::optional<ClassifiedBy> cb = ParseLeadingClassifiedBy(
      "SUBJECT: A MEETING\n\n\xC2\xB6" "1. (U) Classified by Acting A/S Jane Roe. Reason: 1.4 (d)\n\n"
      "\xC2\xB6" "2. (C) Text.\n",
      /*body_line=*/2, /*max_lines=*/60);
  ASSERT_TRUE(cb.has_value());
  EXPECT_EQ(cb->name, "Jane Roe");
  EXPECT_EQ(cb->title, "Acting A/S");
  // Paragraph 3 of the body ends the search: a later "classified by" is text.
  EXPECT_FALSE(ParseLeadingClassifiedBy("1. (C) One.\n2. (C) Two.\n3. (C) Three.\n"
                                        "4. Classified by Jane Roe.\n",
                                        0, 60)
                   .has_value());
}

}  // namespace
}  // namespace cablebase::parse
