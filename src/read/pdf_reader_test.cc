// PDFs through poppler-cpp (pdf_reader.h): real Cablegate PDFs of shared/corpus-more/cablegate-pdf.
#include <gtest/gtest.h>

#include "archive_record_util.h"
#include "shared_files.h"

namespace cablebase {
namespace {

using testing_archive::Records;

// 00ANKARA8112: two pages of per-glyph text; the record is the one the cable's page gives (ID,
// header, TAGS, subject, reference, numbered paragraphs after the pilcrow lines, signer). The
// shared corpus has no page of this cable (nor of the other six PDFs), so the values are those the
// PDF shows.
TEST(PdfReader, CablegatePdfGivesTheFullRecord) {
  CABLEBASE_SHARED_PATH(pdf, "corpus-more/cablegate-pdf/00ANKARA8112.pdf");
  std::vector<Cable> r = Records(pdf);
  ASSERT_EQ(r.size(), 1u);
  const Cable& c = r[0];
  EXPECT_EQ(c.source.format, InputFormat::kPdf);
  EXPECT_EQ(c.reference_id, "00ANKARA8112");
  EXPECT_EQ(c.dtg, "111147Z DEC 00");
  EXPECT_EQ(c.created, "2000-12-11T11:47:00Z");
  EXPECT_EQ(c.originator, "AMEMBASSY ANKARA");
  ASSERT_FALSE(c.to.empty());
  EXPECT_EQ(c.to[0].name, "SECSTATE WASHDC");
  EXPECT_EQ(c.classification, "SECRET");
  EXPECT_EQ(c.tags, (std::vector<std::string>{"PTER", "TU"}));
  EXPECT_EQ(c.subject, "TURKEY: 2000 ANNUAL TERRORISM REPORT");
  ASSERT_FALSE(c.references.empty());
  ASSERT_TRUE(c.references[0].reference_id.has_value());
  EXPECT_EQ(*c.references[0].reference_id, "00STATE217248");
  EXPECT_EQ(c.paragraphs.size(), 40u);
  EXPECT_EQ(c.signers, (std::vector<std::string>{"PEARSON"}));
  EXPECT_EQ(c.archive.pages, 2);
}

// Every Cablegate PDF of the sample gives ID, date, originator, subject and paragraphs.
TEST(PdfReader, EverySamplePdfGivesIdDateOriginatorSubjectParagraphs) {
  for (const char* id : {"00ABUDHABI5893", "00ANKARA8112", "00ATHENS1501", "00ATHENS1917",
                         "00ATHENS1937", "00BANDARSERIBEGAWAN695", "00BEIJING11790"}) {
    CABLEBASE_SHARED_PATH(pdf, std::string("corpus-more/cablegate-pdf/") + id + ".pdf");
    std::vector<Cable> r = Records(pdf);
    ASSERT_EQ(r.size(), 1u) << id;
    EXPECT_EQ(r[0].reference_id, id);
    EXPECT_FALSE(r[0].created.empty()) << id;
    EXPECT_FALSE(r[0].originator.empty()) << id;
    EXPECT_FALSE(r[0].subject.empty()) << id;
    EXPECT_FALSE(r[0].paragraphs.empty()) << id;
  }
}

// Bytes that start like a PDF but are none (written for the test): an error, no crash.
TEST(PdfReader, BrokenPdfIsAnErrorThatSaysSo) {
  std::vector<std::string> errors;
  bool got = false;
  ReadBuffer("%PDF-1.4\nnot really a pdf\n", InputFormat::kAuto, "broken.pdf",
             [&](Result<RawCable> raw) {
               got = true;
               if (!raw.ok()) errors.push_back(raw.status().message());
               return true;
             });
  EXPECT_TRUE(got);
  ASSERT_EQ(errors.size(), 1u);
}

}  // namespace
}  // namespace cablebase
