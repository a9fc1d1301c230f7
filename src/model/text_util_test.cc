// Tests of the ASCII string helpers that every scanner relies on (model/text_util.h).
#include "model/text_util.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace cablebase::model {
namespace {

// The definition FindIgnoreCase must agree with: try every offset.
size_t NaiveFindIgnoreCase(std::string_view h, std::string_view n, size_t from) {
  for (size_t i = from; i + n.size() <= h.size(); ++i) {
    if (EqualsIgnoreCase(h.substr(i, n.size()), n)) return i;
  }
  return std::string_view::npos;
}

TEST(FindIgnoreCase, FindsWordsOfRealCableLines) {
  // 06MOSCOW1637 paragraph 2 and the seed's END SUMMARY line.
  std::string_view line = "2. (C) (Comment. We expect ... End Comment) END SUMMARY.";
  EXPECT_EQ(FindIgnoreCase(line, "comment."), 8u);
  EXPECT_EQ(FindIgnoreCase(line, "END"), 31u);
  EXPECT_EQ(FindIgnoreCase(line, "END", 32), 44u);
  EXPECT_EQ(FindIgnoreCase(line, "end summary"), 44u);
  EXPECT_EQ(FindIgnoreCase(line, "(C)"), 3u);
  EXPECT_EQ(FindIgnoreCase(line, "SUMMARY.."), std::string_view::npos);
  EXPECT_EQ(FindIgnoreCase(line, ""), 0u);
  EXPECT_EQ(FindIgnoreCase("", "x"), std::string_view::npos);
  EXPECT_EQ(FindIgnoreCase("abc", "abc", 1), std::string_view::npos);
}

// The 8-bytes-at-a-time scan must find exactly what the byte loop finds, at every alignment and
// with the bytes that OR-ing 0x20 confuses with letters ('@' → '`', 0xC1 → 0xE1) and UTF-8.
TEST(FindIgnoreCase, AgreesWithTheNaiveSearchOnRandomText) {
  const std::string alphabet = "aAbBeEnNdD @`[{\xC1\xE1\xC2\xB6\n.";
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    std::string h, n;
    size_t hl = rng() % 40, nl = 1 + rng() % 3;
    for (size_t i = 0; i < hl; ++i) h.push_back(alphabet[rng() % alphabet.size()]);
    for (size_t i = 0; i < nl; ++i) n.push_back(alphabet[rng() % alphabet.size()]);
    size_t from = rng() % (hl + 2);
    ASSERT_EQ(FindIgnoreCase(h, n, from), NaiveFindIgnoreCase(h, n, from))
        << "haystack '" << h << "' needle '" << n << "' from " << from;
  }
}

TEST(CharClasses, AreAsciiOnly) {
  EXPECT_TRUE(IsSpace('\v'));
  EXPECT_TRUE(IsSpace('\r'));
  EXPECT_FALSE(IsSpace('\x0e'));
  EXPECT_FALSE(IsSpace('\x08'));
  EXPECT_FALSE(IsAlpha('\xC1'));
  EXPECT_EQ(ToUpperChar('\xE1'), '\xE1');
  EXPECT_EQ(ToLowerChar('Q'), 'q');
}

}  // namespace
}  // namespace cablebase::model

namespace cablebase::model {
namespace {

// FindBytes gives string_view::find's answer (written for the test: needles of the sniffers and
// needles with repeated bytes, at every offset of a text that holds near misses).
TEST(FindBytes, AgreesWithFind) {
  const std::string text =
      "<html type=\"doc\" id=\"syn\"> type=\"document\" /plus/plusd/ \n@@\n@@@ aaaab aaaaab";
  for (std::string_view needle : {"type=\"document\"", "/plusd/", "\n@@@", "id=\"synopsis\"",
                                  "aaaab", "aab", "b", "ab", "<html", "aaaaaa", "@@@ a", ""}) {
    for (size_t from = 0; from <= text.size(); ++from) {
      const std::string_view hay = std::string_view(text).substr(from);
      EXPECT_EQ(FindBytes(hay, needle), hay.find(needle)) << needle << " from " << from;
    }
  }
}

}  // namespace
}  // namespace cablebase::model
