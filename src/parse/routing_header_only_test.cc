// Header-only cables (issue 11): a text that holds only the routing header is header, the body is
// empty, and validate says the cable has no text (TXT001).
#include "parse/routing_header_only.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cablebase/parse.h"
#include "cablebase/read.h"
#include "cablebase/write.h"
#include "shared_files.h"

namespace cablebase {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> Codes(const std::vector<Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const Diagnostic& d : ds) out.push_back(d.code);
  return out;
}

// Fragments written for the test.
TEST(RoutingHeaderOnly, OnlyRoutingLinesAreHeaderOnly) {
  EXPECT_TRUE(parse::IsRoutingHeaderOnly(
      "VZCZCXRO1111\nPP RUEHBC RUEHDE\nRUEHROV RUEHTRO\nDE RUEHKH #0001/01 2101442\n"
      "ZNY CCCCC ZZH\nP 291442Z JUL 09\nFM AMEMBASSY KHARTOUM\n"
      "TO RUEHC/SECSTATE WASHDC PRIORITY 4161\nINFO IGAD COLLECTIVE\n"
      "RUEKJCS/SECDEF WASHDC PRIORITY 0291\n\n"));
  EXPECT_TRUE(parse::IsRoutingHeaderOnly("O R 161415Z DEC 09\nFM AMEMBASSY NAIROBI\n"
                                         "TO SECSTATE WASHDC IMMEDIATE 0140\nBT\n"));
  // Something after the header: a classification line, a TAGS line, a paragraph, mixed case.
  const std::string header = "P 291442Z JUL 09\nFM AMEMBASSY KHARTOUM\nTO SECSTATE WASHDC 4161\n";
  EXPECT_FALSE(parse::IsRoutingHeaderOnly(header + "C O N F I D E N T I A L KHARTOUM 000001\n"));
  EXPECT_FALSE(parse::IsRoutingHeaderOnly(header + "UNCLAS SECTION 01 OF 02 KHARTOUM 000001\n"));
  EXPECT_FALSE(parse::IsRoutingHeaderOnly(header + "TAGS: PREL SU\n"));
  EXPECT_FALSE(parse::IsRoutingHeaderOnly(header + "1. THE TANKS ARRIVED.\n"));
  EXPECT_FALSE(parse::IsRoutingHeaderOnly(header + "Some text follows.\n"));
  // Prose in capitals after the header (an old cable without its classification line) is text.
  EXPECT_FALSE(parse::IsRoutingHeaderOnly(header + "THE AMBASSADOR MET THE FOREIGN MINISTER TODAY TO "
                                                   "DISCUSS THE TANKS\n"));
  EXPECT_FALSE(parse::IsRoutingHeaderOnly(header + "DEPARTMENT SHOULD KNOW\n"));
  // Nothing that names the routing header: not header-only.
  EXPECT_FALSE(parse::IsRoutingHeaderOnly(""));
  EXPECT_FALSE(parse::IsRoutingHeaderOnly("\n\n"));
  EXPECT_FALSE(parse::IsRoutingHeaderOnly("THE TANKS ARRIVED\n"));
}

// 09KHARTOUM881's 2010 page without its text block (cut here, in memory): the routing header alone.
// Before issue 11 its lines became the body and validate reported CLS001, TAG001 and SUB001.
TEST(RoutingHeaderOnly, RealPageWithoutItsTextHasNoBodyAndValidateSaysSo) {
  CABLEBASE_SHARED_PATH(path, "corpus/html/chillicoder__cablegate/09KHARTOUM881.html");
  std::string page = ReadFile(path);
  size_t first = page.find("<pre>");
  ASSERT_NE(first, std::string::npos);
  size_t second = page.find("<pre>", first + 5);
  ASSERT_NE(second, std::string::npos);
  size_t end = page.find("</pre>", second);
  ASSERT_NE(end, std::string::npos);
  page.erase(second, end + 6 - second);

  std::vector<RawCable> raws;
  ASSERT_TRUE(ReadBuffer(page, InputFormat::kCablegateHtml, "header-only.html",
                         [&](Result<RawCable> r) {
                           EXPECT_TRUE(r.ok()) << r.status().ToString();
                           if (r.ok()) raws.push_back(*r);
                           return true;
                         })
                  .ok());
  ASSERT_EQ(raws.size(), 1u);
  Result<Cable> c = ParseCable(raws[0]);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->reference_id, "09KHARTOUM881");
  EXPECT_EQ(c->body, "");
  EXPECT_TRUE(c->paragraphs.empty());
  EXPECT_TRUE(c->signers.empty());
  EXPECT_EQ(c->text_raw, "");
  EXPECT_EQ(c->dtg, "291442Z JUL 09");
  EXPECT_EQ(c->originator, "AMEMBASSY KHARTOUM");
  ASSERT_EQ(c->to.size(), 1u);
  EXPECT_EQ(c->info.size(), 8u);
  std::vector<std::string> codes = Codes(ValidateCable(*c, raws[0]));
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "TXT001"), 1);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "CLS001"), 0);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "SUB001"), 0);
}

// The whole page (header block, then text) is not header-only: its body is the text.
TEST(RoutingHeaderOnly, RealPageWithItsTextKeepsItsBody) {
  CABLEBASE_SHARED_PATH(path, "corpus/html/chillicoder__cablegate/09KHARTOUM881.html");
  std::vector<Cable> cables;
  ASSERT_TRUE(ReadBuffer(ReadFile(path), InputFormat::kCablegateHtml, path, [&](Result<RawCable> r) {
                if (r.ok()) {
                  Result<Cable> c = ParseCable(*r);
                  if (c.ok()) cables.push_back(*c);
                }
                return true;
              }).ok());
  ASSERT_FALSE(cables.empty());
  EXPECT_NE(cables[0].body.find("Whitehead"), std::string::npos);
  EXPECT_FALSE(cables[0].paragraphs.empty());
}

// alx 08MOSCOW2426: the five metadata lines and nothing else.
TEST(RoutingHeaderOnly, MetadataOnlyFileHasNoText) {
  CABLEBASE_SHARED_PATH(path, "corpus/text/alx__cablegate/08MOSCOW2426.txt");
  std::vector<std::string> codes;
  ASSERT_TRUE(ReadBuffer(ReadFile(path), InputFormat::kAuto, path, [&](Result<RawCable> r) {
                EXPECT_TRUE(r.ok());
                if (!r.ok()) return true;
                Result<Cable> c = ParseCable(*r);
                EXPECT_TRUE(c.ok());
                if (c.ok()) codes = Codes(ValidateCable(*c, *r));
                return true;
              }).ok());
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "TXT001"), 1);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "TAG001"), 0);
}

}  // namespace
}  // namespace cablebase
