// The TAGS rules (docs/cable_format.md, "TAGS"): unknown acronyms separated by spaces are separate
// tags; glued tags are split in linear time (issue 14). Real cables read from the shared folder, and
// fragments written for these tests.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parse/text_header.h"
#include "parse_shared_cable.h"

namespace cablebase::parse {
namespace {

using testing_shared::CablegatePage;
using testing_shared::ReadAndParseOne;
using Tags = std::vector<std::string>;

TEST(TagsCorpus, SpaceSeparatedAcronymsAreSeparateTags) {
  CABLEBASE_SHARED_PATH(oslo, CablegatePage("08OSLO406"));
  EXPECT_EQ(ReadAndParseOne(oslo).tags, (Tags{"CIA", "INRA", "INRO", "PGOV", "PINR", "PREL", "NO"}));
  CABLEBASE_SHARED_PATH(kabul, CablegatePage("10KABUL62"));
  EXPECT_EQ(ReadAndParseOne(kabul).tags, (Tags{"FBI", "JUS", "PGOV", "PINR", "PREL"}));
}

TEST(TagsFragments, AcronymsVersusPhrases) {
  EXPECT_EQ(ParseTags("TAGS: NSA DHS PGOV\n"), (Tags{"NSA", "DHS", "PGOV"}));
  // A free-text phrase (a word longer than four letters) stays one tag.
  Tags phrase = ParseTags("TAGS: PREL, TIP IN TURKEY\n");
  ASSERT_EQ(phrase.size(), 2u);
  EXPECT_EQ(phrase[0], "PREL");
  EXPECT_NE(phrase[1].find(' '), std::string::npos) << phrase[1];
}

// Issue 14: a TAGS line running into a 1,000,000-letter word took hours (quadratic SplitGlued);
// one table over the word is linear (timed by shared/checks/pathological, not here: unit tests assert
// values). The huge word stays one value; a glued run of known tags of the same length still splits.
TEST(TagsFragments, HugeWordsAreRead) {
  Tags huge = ParseTags("TAGS: PREL " + std::string(1'000'000, 'A') + "\n");
  std::string glued;
  for (int i = 0; i < 100'000; ++i) glued += "PRELPGOV";
  Tags split = ParseTags("TAGS: " + glued + "\n");
  ASSERT_FALSE(huge.empty());
  EXPECT_EQ(huge[0], "PREL");
  EXPECT_EQ(split, (Tags{"PREL", "PGOV"}));
  EXPECT_EQ(ParseTags("TAGS: KFRDKIRFCVISPHUMSMIGEG\n"),
            (Tags{"KFRD", "KIRF", "CVIS", "PHUM", "SMIG", "EG"}));
}

}  // namespace
}  // namespace cablebase::parse
