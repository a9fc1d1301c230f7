// Raw dump rows inside a Cablegate page's <pre> (issue 11): every row is a cable, read like a
// CSV-dump row.
#include "read/dump_rows.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cablebase/parse.h"
#include "cablebase/read.h"
#include "shared_files.h"

namespace cablebase::read {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Written for the test: two tab-separated rows, backslash line ends, the first without its id.
TEST(DumpRows, TabSeparatedRowsWithBackslashLineEnds) {
  const std::string block =
      "7/29/2009 14:42\t09KHARTOUM1\tEmbassy Khartoum\tCONFIDENTIAL\t09KHARTOUM378|09STATE5\t"
      "P 291442Z JUL 09\\\nFM AMEMBASSY KHARTOUM\\\nTO SECSTATE WASHDC\tCONFIDENTIAL KHARTOUM "
      "000001\\\n\\\nSUBJECT: \\\"TANKS\\\" ARRIVE\\\n\\\n1. TEXT.\n"
      "218635\t7/30/2009 9:05\t09KHARTOUM2\tEmbassy Khartoum\tUNCLASSIFIED\t\tR 300905Z JUL 09\\\n"
      "FM AMEMBASSY KHARTOUM\tUNCLAS KHARTOUM 000002\\\n\\\n1. MORE.\n";
  std::vector<DumpRow> rows = SplitDumpRows(block);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].id, "");
  EXPECT_EQ(rows[0].created, "7/29/2009 14:42");
  EXPECT_EQ(rows[0].reference_id, "09KHARTOUM1");
  EXPECT_EQ(rows[0].origin, "Embassy Khartoum");
  EXPECT_EQ(rows[0].classification, "CONFIDENTIAL");
  EXPECT_EQ(rows[0].references, (std::vector<std::string>{"09KHARTOUM378", "09STATE5"}));
  EXPECT_EQ(rows[0].header, "P 291442Z JUL 09\nFM AMEMBASSY KHARTOUM\nTO SECSTATE WASHDC");
  EXPECT_EQ(rows[0].text, "CONFIDENTIAL KHARTOUM 000001\n\nSUBJECT: \"TANKS\" ARRIVE\n\n1. TEXT.");
  EXPECT_EQ(rows[1].id, "218635");
  EXPECT_EQ(rows[1].reference_id, "09KHARTOUM2");
  EXPECT_TRUE(rows[1].references.empty());
  EXPECT_EQ(rows[1].text, "UNCLAS KHARTOUM 000002\n\n1. MORE.");  // the row's line end ends it
}

TEST(DumpRows, OrdinaryTextsAreNotRows) {
  EXPECT_TRUE(SplitDumpRows("").empty());
  EXPECT_TRUE(SplitDumpRows("CONFIDENTIAL KHARTOUM 000881\n\n1. TEXT.\n").empty());
  EXPECT_TRUE(SplitDumpRows("VZCZCXRO9313\nPP RUEHBC\n").empty());
  // A date at the start of a text that is not followed by a reference ID.
  EXPECT_TRUE(SplitDumpRows("7/29/2009 14:42\nMEETING NOTES\n").empty());
  // Pathological: many lines that almost start a row stay linear and are no rows.
  std::string junk;
  for (int i = 0; i < 20000; ++i) junk += "1\t1/1/2000 1:00\t" + std::string(100, 'x') + "\n";
  EXPECT_TRUE(SplitDumpRows(junk).empty());
}

// 09KHARTOUM881's 2010 page: the text block is a dump row, one column per line
// (<<218634>>, 7/29/2009 14:42, 09KHARTOUM881, Embassy Khartoum, CONFIDENTIAL, 09KHARTOUM378),
// then the routing header again, TAGS/SUBJECT/REF, and the text. Before issue 11 the row and the
// mixed-case text header stayed in the body and Classified By was lost.
TEST(DumpRows, RealPageWithOneRowPerLine) {
  CABLEBASE_SHARED_PATH(path, "corpus/html/chillicoder__cablegate/09KHARTOUM881.html");
  std::vector<Cable> cables;
  ASSERT_TRUE(ReadBuffer(ReadFile(path), InputFormat::kAuto, path, [&](Result<RawCable> r) {
                EXPECT_TRUE(r.ok());
                if (!r.ok()) return true;
                EXPECT_EQ(r->source.csv_id, "218634");
                EXPECT_EQ(r->text.find("<<218634>>"), std::string::npos);
                Result<Cable> c = ParseCable(*r);
                EXPECT_TRUE(c.ok());
                if (c.ok()) cables.push_back(*c);
                return true;
              }).ok());
  ASSERT_EQ(cables.size(), 1u);
  const Cable& c = cables[0];
  EXPECT_EQ(c.reference_id, "09KHARTOUM881");
  EXPECT_EQ(c.classification, "CONFIDENTIAL");
  EXPECT_EQ(c.metadata_references, (std::vector<std::string>{"09KHARTOUM378"}));
  EXPECT_EQ(c.serial, "000881");
  ASSERT_TRUE(c.classified_by.has_value());
  EXPECT_EQ(c.classified_by->name, "Robert Whitehead");
  EXPECT_EQ(c.body.rfind("1. (C) GOSS", 0), 0u) << c.body.substr(0, 80);
  EXPECT_EQ(c.dtg, "291442Z JUL 09");
}

TEST(DumpRows, RealPageWithReferencesJoinedByBars) {
  CABLEBASE_SHARED_PATH(path, "corpus/html/chillicoder__cablegate/09NAIROBI2497.html");
  std::vector<Cable> cables;
  ASSERT_TRUE(ReadBuffer(ReadFile(path), InputFormat::kAuto, path, [&](Result<RawCable> r) {
                if (r.ok()) {
                  Result<Cable> c = ParseCable(*r);
                  if (c.ok()) cables.push_back(*c);
                }
                return true;
              }).ok());
  ASSERT_EQ(cables.size(), 1u);
  EXPECT_EQ(cables[0].metadata_references,
            (std::vector<std::string>{"09NAIROBI2487", "09STATE122115"}));
  EXPECT_EQ(cables[0].classification, "SECRET");
  EXPECT_EQ(cables[0].section_count, 2);
}

// The page with a second row after the first (written for the test from 09NAIROBI2497's page:
// its row is repeated under another id and reference ID): both cables are found.
TEST(DumpRows, SecondRowInTheBlockIsASecondCable) {
  CABLEBASE_SHARED_PATH(path, "corpus/html/chillicoder__cablegate/09NAIROBI2497.html");
  std::string page = ReadFile(path);
  size_t row = page.find("<<240168>>");
  ASSERT_NE(row, std::string::npos);
  size_t end = page.find("</pre>", row);
  ASSERT_NE(end, std::string::npos);
  std::string second = page.substr(row, end - row);
  second.replace(0, 10, "<<240169>>");
  size_t id = second.find("09NAIROBI2497");
  ASSERT_NE(id, std::string::npos);
  second.replace(id, 13, "09NAIROBI2498");
  page.insert(end, "&#x000A;" + second);
  std::vector<RawCable> raws;
  ASSERT_TRUE(ReadBuffer(page, InputFormat::kAuto, "two-rows.html", [&](Result<RawCable> r) {
                EXPECT_TRUE(r.ok());
                if (r.ok()) raws.push_back(*r);
                return true;
              }).ok());
  ASSERT_EQ(raws.size(), 2u);
  EXPECT_EQ(raws[0].reference_id, "09NAIROBI2497");
  EXPECT_EQ(raws[1].reference_id, "09NAIROBI2498");
  EXPECT_EQ(raws[1].source.csv_id, "240169");
  EXPECT_EQ(raws[1].created, "12/16/2009 14:15");
  EXPECT_EQ(raws[1].references, (std::vector<std::string>{"09NAIROBI2487", "09STATE122115"}));
  EXPECT_EQ(raws[0].text.find("<<240169>>"), std::string::npos);
}

}  // namespace
}  // namespace cablebase::read
