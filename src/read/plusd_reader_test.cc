// WikiLeaks PlusD pages (plusd_reader.h): real pages of shared/corpus-more/plusd-html.
#include <gtest/gtest.h>

#include "archive_record_util.h"
#include "read/read_test_util.h"
#include "shared_files.h"

namespace cablebase {
namespace {

using read::testing::ReadFileBytes;
using testing_archive::Records;

// 1974ATHENS03099: synopsis, raw content with the 1970s printout lines, resolved references.
TEST(PlusdReader, Athens1974Page) {
  CABLEBASE_SHARED_PATH(page, "corpus-more/plusd-html/1974ATHENS03099_b.html");
  std::vector<Cable> r = Records(page);
  ASSERT_EQ(r.size(), 1u);
  const Cable& c = r[0];
  EXPECT_EQ(c.source.format, InputFormat::kPlusdHtml);
  EXPECT_EQ(c.reference_id, "74ATHENS3099");
  EXPECT_EQ(c.archive.document_number, "1974ATHENS03099");
  EXPECT_EQ(c.created, "1974-05-23T15:15:00Z");
  EXPECT_EQ(c.originator, "AMEMBASSY ATHENS");
  EXPECT_EQ(c.origin, "Greece Athens");
  EXPECT_EQ(c.classification, "CONFIDENTIAL");
  EXPECT_EQ(c.tags, (std::vector<std::string>{"PINS", "GR"}));
  EXPECT_EQ(c.subject, "ARRESTS OF KALOUDIS AND AMBATIELOS");
  EXPECT_EQ(c.signers, (std::vector<std::string>{"TASCA"}));
  EXPECT_EQ(c.paragraphs.size(), 2u);
  EXPECT_EQ(c.archive.action_offices, (std::vector<std::string>{"EUR-25"}));
  EXPECT_EQ(c.archive.film_number, "D740129-0690");
  EXPECT_EQ(c.archive.message_reference, "013841");
  EXPECT_EQ(c.archive.resolved_references,
            (std::vector<std::string>{"1974STATE097844", "1973STATE097844"}));
  EXPECT_EQ(c.archive.addressees.size(), 5u);
}

// A copy cut short (at a third, at half) is refused with an error naming the file, never read as a
// cable without its end that, ingested, would replace the whole one as the current version.
TEST(PlusdReader, CutCopyIsRefused) {
  CABLEBASE_SHARED_PATH(f, "corpus-more/plusd-html/1974ATHENS03099_b.html");
  const std::string bytes = ReadFileBytes(f);
  ASSERT_GT(bytes.size(), 1000u);
  for (size_t cut : {bytes.size() / 3, bytes.size() / 2}) {
    int errors = 0, records = 0;
    ReadBuffer(bytes.substr(0, cut), InputFormat::kPlusdHtml, "cut.txt", [&](Result<RawCable> raw) {
      if (raw.ok()) {
        ++records;
      } else {
        ++errors;
        EXPECT_EQ(raw.status().file(), "cut.txt");
        EXPECT_NE(raw.status().message().find("truncated PlusD page"), std::string::npos) << raw.status().ToString();
      }
      return true;
    });
    EXPECT_EQ(records, 0) << "cut at " << cut;
    EXPECT_EQ(errors, 1) << "cut at " << cut;
  }
}

}  // namespace
}  // namespace cablebase
