// Robustness of every reader: empty, random, truncated, huge and invalid-UTF-8 inputs generated in
// the test must give a clear Status or a RawCable, never a crash.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "cablebase/read.h"
#include "read/charset.h"
#include "read/read_test_util.h"

namespace cablebase::read {
namespace {

using testing::CollectBuffer;
using testing::FixturePath;
using testing::ReadFileBytes;

constexpr InputFormat kFormats[] = {InputFormat::kAuto, InputFormat::kCablegateHtml,
                                    InputFormat::kText, InputFormat::kCsv};

// Every callback is either a cable with valid UTF-8 or a failure that names the file.
void ExpectSane(const testing::Collected& c, const std::string& path) {
  EXPECT_TRUE(c.status.ok()) << c.status.ToString();
  EXPECT_FALSE(c.cables.empty() && c.errors.empty()) << "no callback for " << path;
  for (const RawCable& r : c.cables) {
    EXPECT_TRUE(IsValidUtf8(r.header)) << path;
    EXPECT_TRUE(IsValidUtf8(r.text)) << path;
    EXPECT_TRUE(IsValidUtf8(r.reference_id)) << path;
    EXPECT_EQ(r.source.path, path);
  }
  for (const Status& s : c.errors) {
    EXPECT_FALSE(s.ok());
    EXPECT_EQ(s.file(), path);
    EXPECT_FALSE(s.message().empty());
  }
}

TEST(ReadRobustness, EmptyInputIsAParseErrorInEveryFormat) {
  for (InputFormat f : kFormats) {
    testing::Collected c = CollectBuffer("", f, "empty");
    ExpectSane(c, "empty");
    ASSERT_EQ(c.errors.size(), 1u) << static_cast<int>(f);
    EXPECT_EQ(c.errors[0].code(), StatusCode::kParseError);
    EXPECT_NE(c.errors[0].message().find("empty input"), std::string::npos);
  }
}

TEST(ReadRobustness, RandomBytesInEveryFormat) {
  std::mt19937 rng(20101128);  // the day Cablegate began
  for (int round = 0; round < 8; ++round) {
    std::string bytes(64 * 1024 + round * 977, '\0');
    for (char& b : bytes) b = static_cast<char>(rng() & 0xFF);
    if (round % 2 == 1) {  // no NUL: the text reader must read it as Latin-1 text
      for (char& b : bytes) b = b == '\0' ? 'x' : b;
    }
    for (InputFormat f : kFormats) ExpectSane(CollectBuffer(bytes, f, "random"), "random");
  }
}

TEST(ReadRobustness, RandomMarkupAndQuotes) {
  // Random strings over the readers' special characters reach the odd paths.
  std::mt19937 rng(251287);
  const std::string alphabet = "<>/\"\\,'&#;\n\r apre=tablcsU0123456789\xB6\xC2";
  for (int round = 0; round < 200; ++round) {
    std::string bytes(1 + rng() % 3000, ' ');
    for (char& b : bytes) b = alphabet[rng() % alphabet.size()];
    if (round % 3 == 0) bytes = "\"1\",\"" + bytes;
    if (round % 3 == 1) bytes = "<html><table class='cable'><pre>" + bytes;
    for (InputFormat f : kFormats) ExpectSane(CollectBuffer(bytes, f, "markup"), "markup");
  }
}

TEST(ReadRobustness, TruncatedHtmlAtManyPoints) {
  CABLEBASE_SHARED_SET(fixtures, "read");
  const std::string page = ReadFileBytes(FixturePath("04ANKARA348.html"));
  const size_t table = page.find("</table>");
  ASSERT_NE(table, std::string::npos);
  for (size_t cut = 1; cut < page.size(); cut += 1999) {
    testing::Collected c = CollectBuffer(std::string_view(page).substr(0, cut),
                                         InputFormat::kCablegateHtml, "cut.html");
    ExpectSane(c, "cut.html");
    if (cut > table + 8) {
      ASSERT_EQ(c.cables.size(), 1u) << cut;
      EXPECT_EQ(c.cables[0].reference_id, "04ANKARA348");
    }
  }
}

TEST(ReadRobustness, TruncatedCsvAtManyPoints) {
  CABLEBASE_SHARED_SET(fixtures, "read");
  const std::string dump = ReadFileBytes(FixturePath("cables_sample.csv"));
  for (size_t cut = 1; cut < dump.size(); cut += 97) {
    testing::Collected c =
        CollectBuffer(std::string_view(dump).substr(0, cut), InputFormat::kCsv, "cut.csv");
    ExpectSane(c, "cut.csv");
    EXPECT_LE(c.cables.size(), 2u);
  }
}

TEST(ReadRobustness, FiftyMegabyteSingleLine) {
  const std::string line_text = "UNCLAS STATE 000001 ";
  std::string big;
  big.reserve(50u << 20);
  big += line_text;
  while (big.size() < (50u << 20)) big += "WORD \xB6 ";
  testing::Collected text = CollectBuffer(big, InputFormat::kAuto, "big.txt");
  ASSERT_EQ(text.cables.size(), 1u);
  EXPECT_EQ(text.cables[0].text.rfind(line_text, 0), 0u);
  EXPECT_GT(text.cables[0].text.size(), big.size());  // 0xB6 became two bytes
  testing::Collected csv = CollectBuffer("\"1\",\"" + big, InputFormat::kCsv, "big.csv");
  ExpectSane(csv, "big.csv");
  testing::Collected html =
      CollectBuffer("<html><table class='cable'></table><pre>" + big + "</pre>",
                    InputFormat::kCablegateHtml, "big.html");
  ExpectSane(html, "big.html");
}

TEST(ReadRobustness, InvalidUtf8BecomesValidText) {
  const std::string bad = "\xC3\x28 \xA0\xA1 \xE2\x82 \xF0\x90\x28 \xED\xA0\x80 \xFF\xFE";
  const std::string bytes = "UNCLAS PARIS 001052 \n" + bad + "\n";
  for (InputFormat f : {InputFormat::kText, InputFormat::kCablegateHtml}) {
    testing::Collected c = CollectBuffer(
        f == InputFormat::kText ? bytes : "<pre>H</pre><pre>" + bytes + "</pre>", f, "bad-utf8");
    ExpectSane(c, "bad-utf8");
    ASSERT_EQ(c.cables.size(), 1u);
  }
  const std::string row = "\"1\",\"d\",\"" + bad + "\",\"o\",\"c\",\"\",\"h\",\"" + bad + "\"\n";
  testing::Collected c = CollectBuffer(row, InputFormat::kCsv, "bad-utf8");
  ExpectSane(c, "bad-utf8");
  ASSERT_EQ(c.cables.size(), 1u);
}

TEST(ReadRobustness, DeeplyNestedHtml) {
  std::string page = "<html><body>";
  for (int i = 0; i < 200000; ++i) page += "<div><span>";
  page += "<pre>UNCLAS STATE 000001</pre>";
  ExpectSane(CollectBuffer(page, InputFormat::kCablegateHtml, "deep.html"), "deep.html");
}

}  // namespace
}  // namespace cablebase::read
