// model::DiffLines: the edit script between two versions of a cable's text.
#include "model/line_diff.h"

#include <gtest/gtest.h>

namespace cablebase::model {
namespace {

std::string Render(const std::vector<DiffLine>& d) {
  std::string out;
  for (const DiffLine& l : d) out += std::string(1, l.op) + l.text + "\n";
  return out;
}

TEST(ModelLineDiff, SameTextIsAllKept) {
  auto d = DiffLines("UNCLASSIFIED\nSUBJECT: X\n", "UNCLASSIFIED\r\nSUBJECT: X\r\n");
  EXPECT_EQ(Render(d), " UNCLASSIFIED\n SUBJECT: X\n");
}

// The two releases of a cable differ in a few lines (72TEHRAN5055: the 2011 page changed the
// classification line); the script keeps the rest.
TEST(ModelLineDiff, ChangedLineIsRemovedThenAdded) {
  auto d = DiffLines("UNCLASSIFIED TEHRAN 5055\n1. TEXT\nEND\n",
                     "CONFIDENTIAL TEHRAN 5055\n1. TEXT\nEND\n");
  EXPECT_EQ(Render(d), "-UNCLASSIFIED TEHRAN 5055\n+CONFIDENTIAL TEHRAN 5055\n 1. TEXT\n END\n");
}

TEST(ModelLineDiff, TooManyEditsFallsBackToReplaceAll) {
  std::string a, b;
  for (int i = 0; i < 50; ++i) a += "a" + std::to_string(i) + "\n", b += "b" + std::to_string(i) + "\n";
  auto d = DiffLines(a, b, /*max_edits=*/10);
  ASSERT_EQ(d.size(), 100u);
  EXPECT_EQ(d.front().op, '-');
  EXPECT_EQ(d.back().op, '+');
}

}  // namespace
}  // namespace cablebase::model
