// FRUS TEI (frus_reader.h): real documents of shared/corpus-more/frus-tei.
#include <gtest/gtest.h>

#include "archive_record_util.h"
#include "read/read_test_util.h"
#include "shared_files.h"

namespace cablebase {
namespace {

using read::testing::ReadFileBytes;
using testing_archive::Records;

// frus1961-63v04_d239: Embassy Saigon telegram 816 of 30 October 1963, signed Lodge.
TEST(FrusReader, SaigonTelegram816) {
  CABLEBASE_SHARED_PATH(f, "corpus-more/frus-tei/frus1961-63v04_d239.xml");
  std::vector<Cable> r = Records(f);
  ASSERT_EQ(r.size(), 1u);
  const Cable& c = r[0];
  EXPECT_EQ(c.source.format, InputFormat::kFrusTei);
  EXPECT_EQ(c.reference_id, "63SAIGON816");
  EXPECT_EQ(c.archive.document_number, "frus1961-63v04/d239");
  EXPECT_EQ(c.archive.collection, "frus1961-63v04");
  EXPECT_EQ(c.archive.message_reference, "816");
  EXPECT_EQ(c.originator, "Embassy in Vietnam");
  ASSERT_EQ(c.to.size(), 1u);
  EXPECT_EQ(c.to[0].name, "Department of State");
  EXPECT_EQ(c.created, "1963-10-30T09:00:00Z");
  EXPECT_EQ(c.origin, "Saigon");
  EXPECT_EQ(c.subject, "239. Telegram From the Embassy in Vietnam to the Department of State");
  EXPECT_EQ(c.signers, (std::vector<std::string>{"LODGE"}));
  EXPECT_EQ(c.paragraphs.size(), 7u);
  EXPECT_NE(c.archive.source_note.find("Secret"), std::string::npos);
}

// frus1969-76v20_d167: the gloss holds "From the Embassy in Thailand"; the head's words are not
// the originator's name.
TEST(FrusReader, GlossWithTheHeadsOwnWords) {
  CABLEBASE_SHARED_PATH(f, "corpus-more/frus-tei/frus1969-76v20_d167.xml");
  std::vector<Cable> r = Records(f);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].originator, "Embassy in Thailand");
  EXPECT_EQ(r[0].reference_id, "72BANGKOK7416");
  EXPECT_EQ(r[0].created, "1972-05-26T12:49:00Z");
  EXPECT_EQ(r[0].signers, (std::vector<std::string>{"UNGER"}));
}

// frus1961-63v04_d238: persName type="from" (Lodge) → the head's phrase with the office.
TEST(FrusReader, PersonInTheHeadIsNamedWithTheOffice) {
  CABLEBASE_SHARED_PATH(f, "corpus-more/frus-tei/frus1961-63v04_d238.xml");
  std::vector<Cable> r = Records(f);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].originator, "Ambassador in Vietnam (Lodge)");
  ASSERT_EQ(r[0].to.size(), 1u);
  EXPECT_EQ(r[0].to[0].name, "Department of State");
}

// A memorandum in a volume (written for the test) is skipped and counted, not an error; the
// telegram beside it is read.
TEST(FrusReader, NonTelegramDocumentIsSkippedAndCounted) {
  const std::string xml =
      "<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"frusTEST\"><text><body>"
      "<div type=\"document\" xml:id=\"d1\" n=\"1\"><head>1. Memorandum of Conversation</head>"
      "<p>Talk.</p></div>"
      "<div type=\"document\" xml:id=\"d2\" n=\"2\"><head>2. Telegram From the <gloss type=\"from\">"
      "Embassy in France</gloss> to the <gloss type=\"to\">Department of State</gloss></head>"
      "<dateline><placeName>Paris</placeName>, <date when=\"1964-01-02T10:00:00\">Jan 2</date>"
      "</dateline><p>123. Text of the telegram.</p></div></body></text></TEI>\n";
  int skipped = 0, records = 0;
  ReadBuffer(xml, InputFormat::kAuto, "written.xml", [&](Result<RawCable> raw) {
    EXPECT_TRUE(raw.ok());
    if (!raw.ok()) return true;
    if (!raw->skipped.empty()) {
      ++skipped;
      EXPECT_FALSE(ParseCable(*raw).ok());
      return true;
    }
    Result<Cable> c = ParseCable(*raw);
    EXPECT_TRUE(c.ok());
    if (c.ok()) {
      ++records;
      EXPECT_EQ(c->reference_id, "64PARIS123");
      EXPECT_EQ(c->archive.document_number, "frusTEST/d2");
    }
    return true;
  });
  EXPECT_EQ(skipped, 1);
  EXPECT_EQ(records, 1);
}

// A copy cut short (at a third, at half) is refused with an error naming the file, never read as a
// cable without its end that, ingested, would replace the whole one as the current version.
TEST(FrusReader, CutCopyIsRefused) {
  CABLEBASE_SHARED_PATH(f, "corpus-more/frus-tei/frus1961-63v04_d239.xml");
  const std::string bytes = ReadFileBytes(f);
  ASSERT_GT(bytes.size(), 1000u);
  for (size_t cut : {bytes.size() / 3, bytes.size() / 2}) {
    int errors = 0, records = 0;
    ReadBuffer(bytes.substr(0, cut), InputFormat::kFrusTei, "cut.txt", [&](Result<RawCable> raw) {
      if (raw.ok()) {
        ++records;
      } else {
        ++errors;
        EXPECT_EQ(raw.status().file(), "cut.txt");
        EXPECT_NE(raw.status().message().find("not well-formed XML"), std::string::npos) << raw.status().ToString();
      }
      return true;
    });
    EXPECT_EQ(records, 0) << "cut at " << cut;
    EXPECT_EQ(errors, 1) << "cut at " << cut;
  }
}

}  // namespace
}  // namespace cablebase
