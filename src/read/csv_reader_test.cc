// Tests of the streaming CSV dump reader on the real sample and on damaged dumps.
#include "read/csv_reader.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "read/read_test_util.h"

namespace cablebase::read {
namespace {

using testing::CollectBuffer;
using testing::CollectFixture;
using testing::FixturePath;
using testing::ReadFileBytes;

void ExpectSampleRows(const testing::Collected& c) {
  ASSERT_TRUE(c.status.ok()) << c.status.ToString();
  ASSERT_TRUE(c.errors.empty()) << c.errors[0].ToString();
  ASSERT_EQ(c.cables.size(), 2u);
  const RawCable& a = c.cables[0];
  EXPECT_EQ(a.source.csv_id, "1");
  EXPECT_EQ(a.source.line, 1);
  EXPECT_EQ(a.source.format, InputFormat::kCsv);
  EXPECT_EQ(a.created, "12/28/1966 18:48");
  EXPECT_EQ(a.reference_id, "66BUENOSAIRES2481");
  EXPECT_EQ(a.origin, "Embassy Buenos Aires");
  EXPECT_EQ(a.classification, "UNCLASSIFIED");
  EXPECT_EQ(a.references, std::vector<std::string>{"66STATE106206"});
  EXPECT_EQ(a.header.rfind("P R 281848Z DEC 66\nFM AMEMBASSY BUENOS AIRES\nTO SECSTATE WASHDC "
                           "PRIORITY\n",
                           0),
            0u);
  EXPECT_EQ(a.header.substr(a.header.size() - 10), "STATE GRNC");
  EXPECT_EQ(a.text.rfind("UNCLASSIFIED BUENOS AIRES 2481 \n", 0), 0u);
  // \" is a quote, not the end of the field.
  EXPECT_NE(a.text.find("OF \"PREFERENTIAL JURISDICTION\" FOR FISHING PURPOSES."),
            std::string::npos);
  EXPECT_EQ(a.text.find('\\'), std::string::npos);
  EXPECT_EQ(a.text.substr(a.text.size() - 14), "GP-3 \nSACCIO \n");

  const RawCable& b = c.cables[1];
  EXPECT_EQ(b.source.csv_id, "2");
  EXPECT_EQ(b.source.line, 116);  // the physical line where the row starts
  EXPECT_EQ(b.created, "2/25/1972 9:30");
  EXPECT_EQ(b.reference_id, "72TEHRAN1164");
  EXPECT_EQ(b.references,
            (std::vector<std::string>{"72MOSCOW1603", "72TEHRAN1091", "72TEHRAN263"}));
  EXPECT_EQ(b.header,
            "R 250930Z FEB 72 \nFM AMEMBASSY TEHRAN\nTO SECSTATE WASHDC 7561 \n"
            "INFO SECDEF\nEUCOM\nCSAF \n");
  EXPECT_NE(b.text.find("REQUEST REFLECTS SHAH'S INCREAS"), std::string::npos);  // \' too
  EXPECT_EQ(b.text.substr(b.text.size() - 6), "HECK \n");
  EXPECT_EQ(a.bytes + b.bytes, 12224u);
}

TEST(ReadCsv, RealSampleTwoRowsWithBackslashQuotes) {
  CABLEBASE_SHARED_SET(fixtures, "read");
  ExpectSampleRows(CollectFixture("cables_sample.csv"));
}

TEST(ReadCsv, TinyBufferGivesTheSameRows) {
  CABLEBASE_SHARED_SET(fixtures, "read");
  // Streaming: a 7-byte buffer forces refills inside every field and escape.
  const int fd = ::open(FixturePath("cables_sample.csv").c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  ByteStream in(fd, "\"1", 7);  // a prefix as if detection had read it (then the rest of fd)
  ::lseek(fd, 2, SEEK_SET);
  testing::Collected c;
  c.status = ReadCsvDump(&in, "sample.csv", [&](Result<RawCable> r) {
    if (r.ok())
      c.cables.push_back(*r);
    else
      c.errors.push_back(r.status());
    return true;
  });
  ::close(fd);
  ExpectSampleRows(c);
}

TEST(ReadCsv, MalformedRowIsReportedAndReadingResumes) {
  const std::string dump =
      "\"1\",\"12/28/1966 18:48\",\"66BUENOSAIRES2481\",\"Embassy Buenos Aires\",\"UNCLASSIFIED\","
      "\"\",\"H\",\"T\"\n"
      "\"2\",\"2/25/1972 9:30\",\"72TEHRAN1164\" junk,\"x\"\nmore\n\"not a row\n"
      "\"3\",\"2/25/1972 9:30\",\"72TEHRAN1381\",\"Embassy Tehran\",\"SECRET\",\"\",\"H\",\"line\n"
      "two\"\n";
  testing::Collected c = CollectBuffer(dump, InputFormat::kCsv, "bad.csv");
  ASSERT_TRUE(c.status.ok());
  ASSERT_EQ(c.cables.size(), 2u);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].code(), StatusCode::kParseError);
  EXPECT_EQ(c.errors[0].file(), "bad.csv");
  EXPECT_EQ(c.errors[0].line(), 2);
  EXPECT_NE(c.errors[0].message().find("expected ',' or the end of the line after the closing "
                                       "quote of column 3, found ' '"),
            std::string::npos)
      << c.errors[0].message();
  EXPECT_EQ(c.cables[1].reference_id, "72TEHRAN1381");
  EXPECT_EQ(c.cables[1].source.line, 5);
  EXPECT_EQ(c.cables[1].text, "line\ntwo");
}

// Input forced as CSV that holds no row start at all (found by trying `parse --format csv
// /dev/zero`, which read forever): the reader stops after kMaxCsvRowBytes of looking, saying why.
TEST(ReadCsv, NoRowStartWithinTheRowLimitStopsReading) {
  const std::string zeros(2 * kMaxCsvRowBytes + 4096, '\0');
  testing::Collected c = CollectBuffer(zeros, InputFormat::kCsv, "zeros.csv");
  EXPECT_TRUE(c.cables.empty());
  ASSERT_EQ(c.errors.size(), 2u);
  EXPECT_NE(c.errors[0].message().find("row longer than 64 MiB"), std::string::npos)
      << c.errors[0].message();
  EXPECT_NE(c.errors[1].message().find("no CSV row starts in the next 64 MiB"), std::string::npos)
      << c.errors[1].message();
}

TEST(ReadCsv, WrongColumnCountAndHeaderRow) {
  const std::string dump =
      "id,date,reference_id,origin,classification,references,header,text\n"
      "\"7\",\"1/1/2000 0:00\",\"00STATE1\"\n"
      "\"8\",\"1/1/2000 0:00\",\"00STATE2\",\"o\",\"c\",\"\",\"h\",\"t\"\r\n";
  testing::Collected c = CollectBuffer(dump, InputFormat::kCsv, "cols.csv");
  ASSERT_EQ(c.errors.size(), 2u);
  EXPECT_NE(c.errors[0].message().find("expected the row id (digits) in column 1"),
            std::string::npos);
  EXPECT_EQ(c.errors[0].line(), 1);
  EXPECT_NE(c.errors[1].message().find("expected 8 columns, found 3"), std::string::npos);
  EXPECT_EQ(c.errors[1].line(), 2);
  ASSERT_EQ(c.cables.size(), 1u);
  EXPECT_EQ(c.cables[0].reference_id, "00STATE2");
  EXPECT_EQ(c.cables[0].text, "t");
}

TEST(ReadCsv, EscapedBackslashBeforeClosingQuote) {
  const std::string dump =
      "\"9\",\"d\",\"r\",\"o\",\"c\",\"A,B|C\",\"h\\\\\",\"say \\\"hi\\\" C:\\\\dir \\n\"\n";
  testing::Collected c = CollectBuffer(dump, InputFormat::kCsv, "esc.csv");
  ASSERT_TRUE(c.errors.empty()) << c.errors[0].ToString();
  ASSERT_EQ(c.cables.size(), 1u);
  EXPECT_EQ(c.cables[0].header, "h\\");
  EXPECT_EQ(c.cables[0].text, "say \"hi\" C:\\dir \\n");  // unknown escapes stay as written
  EXPECT_EQ(c.cables[0].references, (std::vector<std::string>{"A", "B", "C"}));
}

TEST(ReadCsv, TruncatedDumpReportsEndOfFileInsideQuotes) {
  CABLEBASE_SHARED_SET(fixtures, "read");
  const std::string sample = ReadFileBytes(FixturePath("cables_sample.csv"));
  const size_t cut = sample.find("SHAH\\'S");
  ASSERT_NE(cut, std::string::npos);
  testing::Collected c =
      CollectBuffer(std::string_view(sample).substr(0, cut), InputFormat::kCsv, "cut.csv");
  ASSERT_EQ(c.cables.size(), 1u);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].line(), 116);
  EXPECT_NE(c.errors[0].message().find("end of file inside quoted column 8"), std::string::npos);
}

TEST(ReadCsv, SinkCanStopEarly) {
  CABLEBASE_SHARED_SET(fixtures, "read");
  int calls = 0;
  const std::string sample = ReadFileBytes(FixturePath("cables_sample.csv"));
  ReadBuffer(sample, InputFormat::kCsv, "s.csv", [&](Result<RawCable>) {
    ++calls;
    return false;
  });
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace cablebase::read
