// The SUBJECT rules (docs/cable_format.md, "SUBJECT"): wraps (a digit, "--"), old-format page
// breaks, rule lines, portion marks; real cables read from the shared folder, and fragments written
// for these tests.
#include <gtest/gtest.h>

#include <string>

#include "parse/text_header.h"
#include "parse_shared_cable.h"

namespace cablebase::parse {
namespace {

using testing_shared::CablegatePage;
using testing_shared::ReadAndParseOne;

TEST(SubjectCorpus, WholeSubjectOfEachShape) {
  const std::pair<const char*, const char*> want[] = {
      // A continuation line that starts with a number.
      {"06PARIS2242", "VISIT OF ATTORNEY GENERAL GONZALES FROM MARCH 1 TO 4, 2006."},
      // A portion mark in lower case, with a caveat; a tasking number in parentheses stays.
      {"08BERLIN1068",
       "germany requests release of xxxxxxxxxxxx nonpaper to the german criminal customs office (zka)"},
      {"10STATE9565", "ARGENTINE REACTION TO POTENTIAL FALKLAND ISLANDS OIL EXPLORATION (C-TN9-01234)"},
      // A dashed rule line under the subject opens a heading.
      {"09HARARE888", "ZIM NOTES 11-09-2009"},
      {"09PRETORIA939", "PART 1 OF 3: THE LIFE AND TIMES OF SOUTH AFRICA\xE2\x80\x99S NEXT PRESIDENT"},
      // "--" at a line end is a dash: it keeps its space.
      {"09SANAA2070", "SAUDI STRIKES IN YEMEN: AN INVITATION TO IRAN -- AND THE U.S.?"},
      // Continued over an old-format page break (banner, "PAGE 02 ... 291400Z OPPOSITION LEADER").
      {"00HARARE6677", "ASSISTANT SECRETARY MEETS WITH ZIMBABWE OPPOSITION LEADER"},
  };
  for (const auto& [id, subject] : want) {
    CABLEBASE_SHARED_PATH(page, CablegatePage(id));
    EXPECT_EQ(ReadAndParseOne(page).subject, subject) << id;
  }
}

TEST(SubjectFragments, Shapes) {
  EXPECT_EQ(ParseSubject("SUBJECT: MEETING FROM JUNE 1 TO\n3, 2008.\n\nREF: NONE\n"),
            "MEETING FROM JUNE 1 TO 3, 2008.");
  EXPECT_EQ(ParseSubject("SUBJECT: (c/nf) talks on the budget\n"), "talks on the budget");
  EXPECT_EQ(ParseSubject("SUBJECT: (S/REL AUS) TALKS ON THE BUDGET\n"), "TALKS ON THE BUDGET");
  EXPECT_EQ(ParseSubject("SUBJECT: TALKS ON THE BUDGET (C)\n"), "TALKS ON THE BUDGET");
  EXPECT_EQ(ParseSubject("SUBJECT: TALKS ON THE BUDGET (C)\n", SubjectForm::kAsWritten),
            "TALKS ON THE BUDGET (C)");
  EXPECT_EQ(ParseSubject("SUBJECT: TALKS ON THE BUDGET\n----------\nSUMMARY\n"), "TALKS ON THE BUDGET");
  EXPECT_EQ(ParseSubject("SUBJECT: TALKS --\nAND A BUDGET\n"), "TALKS -- AND A BUDGET");
  EXPECT_EQ(ParseSubject("SUBJECT: TALKS WITH THE\n CONFIDENTIAL\nOPPOSITION\nREF: A. STATE 1\n"),
            "TALKS WITH THE OPPOSITION");
  // An unfinished subject continues whatever the next line opens with (issue 11).
  EXPECT_EQ(ParseSubject("SUBJECT: REPORT ON ALLEGATIONS OF\nSECRET PRISONS\n\nREF: NONE\n"),
            "REPORT ON ALLEGATIONS OF SECRET PRISONS");
  EXPECT_EQ(ParseSubject("SUBJECT: ELECTIONS:\n[Source removed] CALLS FOR A RECOUNT\n\n1. (C) Text\n"),
            "ELECTIONS: [Source removed] CALLS FOR A RECOUNT");
  EXPECT_EQ(ParseSubject("SUBJECT: TALKS IN\nTEHRAN's SHADOW\n\n1. (C) Text\n"), "TALKS IN TEHRAN's SHADOW");
  EXPECT_EQ(ParseSubject("SUBJECT: TALKS ON THE BUDGET\nSECRET SECTION 01 OF 02 STATE 1234\n"),
            "TALKS ON THE BUDGET");
  EXPECT_EQ(ParseSubject("SUBJECT: TALKS ON THE BUDGET:\n1. (C) Text of the message\n"),
            "TALKS ON THE BUDGET:");
  // Over a page break: a number that opens no paragraph, a dash that keeps its space.
  EXPECT_EQ(ParseSubject("SUBJECT: VISIT OF APRIL\n CONFIDENTIAL\n6-8 TO THE CAPITAL\n\nREF: NONE\n"),
            "VISIT OF APRIL 6-8 TO THE CAPITAL");
  EXPECT_EQ(ParseSubject("SUBJECT: TALKS WITH THE\n CONFIDENTIAL\n1. (C) TEXT\n"), "TALKS WITH THE");
  EXPECT_EQ(ParseSubject("SUBJECT: WEALTH IN TOWN -\n CONFIDENTIAL\n\nPAGE 02 HARARE 06677 01 OF 03 "
                         "291400Z SOURCES\n\n1. (C) Text\n"),
            "WEALTH IN TOWN - SOURCES");
  // A tasking number on a line of its own (issue 11).
  EXPECT_EQ(ParseSubject("SUBJECT: TALKS IN TOWN\n(c-ab1-01234)\n\n1. (C) Text\n"),
            "TALKS IN TOWN (c-ab1-01234)");
}

}  // namespace
}  // namespace cablebase::parse
