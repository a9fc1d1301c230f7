// NARA AAD records (aad_reader.h). corpus-more has no AAD file: FORMAT.md §1 item 5 describes the
// form and the PlusD page of 1974ATHENS03099 carries the same attributes (its Metadata pane) and
// telegram (its Raw content pane). The record below is WRITTEN FOR THE TEST in the AAD layout from
// a few of that page's values, with the noisy DTG FORMAT.md quotes.
#include <gtest/gtest.h>

#include "archive_record_util.h"
#include "shared_files.h"

namespace cablebase {
namespace {

using testing_archive::Records;

constexpr const char* kWrittenAadRecord =
    "Message Text\n"
    "PAGE 01  ATHENS 03099  231541Z\n"
    "ACTION EUR-25\n"
    "P 231515 Z MAY 7 4\n"
    "FM AMEMBASSY ATHENS\n"
    "TO SECSTATE WASHDC PRIORITY 4869\n"
    "C O N F I D E N T I A L ATHENS 3099\n"
    "E.O. 11652: GDS\n"
    "TAGS: PINS, GR\n"
    "SUBJECT: ARRESTS OF KALOUDIS AND AMBATIELOS\n"
    "1. WRITTEN FOR THE TEST: FIRST PARAGRAPH.\n"
    "2. SECOND PARAGRAPH.\n"
    "TASCA\n"
    "NNNN\n"
    "Message Attributes\n"
    "Draft Date: 23 MAY 1974\n"
    "Document Number: 1974ATHENS03099\n"
    "Film Number: D740129-0690\n"
    "From: ATHENS\n"
    "To: SECSTATE WASHDC\n"
    "Concepts: ARRESTS, COMMUNISTS\n"
    "Handling Restrictions: n/a\n";

TEST(AadReader, WrittenRecordInTheAadLayout) {
  std::vector<Cable> out;
  ReadBuffer(kWrittenAadRecord, InputFormat::kAuto, "1974ATHENS03099.txt",
             [&](Result<RawCable> raw) {
               EXPECT_TRUE(raw.ok());
               if (!raw.ok()) return true;
               Result<Cable> c = ParseCable(*raw);
               EXPECT_TRUE(c.ok()) << c.status().message();
               if (c.ok()) out.push_back(*c);
               return true;
             });
  ASSERT_EQ(out.size(), 1u);
  const Cable& c = out[0];
  EXPECT_EQ(c.source.format, InputFormat::kAad);
  EXPECT_EQ(c.reference_id, "74ATHENS3099");
  EXPECT_EQ(c.archive.document_number, "1974ATHENS03099");
  EXPECT_EQ(c.archive.film_number, "D740129-0690");
  EXPECT_EQ(c.archive.concepts, (std::vector<std::string>{"ARRESTS", "COMMUNISTS"}));
  EXPECT_TRUE(c.archive.handling_restrictions.empty());
  EXPECT_EQ(c.archive.action_offices, (std::vector<std::string>{"EUR-25"}));
  EXPECT_EQ(c.dtg, "231515Z MAY 74");
  EXPECT_EQ(c.originator, "AMEMBASSY ATHENS");
  EXPECT_EQ(c.subject, "ARRESTS OF KALOUDIS AND AMBATIELOS");
  EXPECT_EQ(c.paragraphs.size(), 2u);
}

// The real page's Metadata pane and the AAD attributes name the same fields: the page's record
// has the film number the written AAD record has.
TEST(AadReader, PlusdPageCarriesTheSameAttributes) {
  CABLEBASE_SHARED_PATH(page, "corpus-more/plusd-html/1974ATHENS03099_b.html");
  std::vector<Cable> r = Records(page);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].archive.film_number, "D740129-0690");
  EXPECT_EQ(r[0].archive.document_number, "1974ATHENS03099");
}

}  // namespace
}  // namespace cablebase
