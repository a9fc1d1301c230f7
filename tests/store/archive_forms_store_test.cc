// The archive forms in the store (issue 13, schema 5): a stored record parses back whole, with the
// publisher's fields that are not in its text (cable_versions.archive_json).
#include <gtest/gtest.h>

#include <string>

#include "cablebase/archive.h"
#include "cablebase/json.h"
#include "shared_files.h"
#include "store_test_util.h"
#include "archive_record_util.h"

namespace cablebase {
namespace {

using store_test::TempDir;

TEST(ArchiveFormsStore, EveryFormIngestsAndReadsBackTheSameRecord) {
  CABLEBASE_SHARED_PATH(plusd, "corpus-more/plusd-html/1974ATHENS03099_b.html");
  CABLEBASE_SHARED_PATH(frus, "corpus-more/frus-tei/frus1961-63v04_d239.xml");
  CABLEBASE_SHARED_PATH(gt, "corpus-more/cfpf-gt/1974TELAV06773.txt");
  CABLEBASE_SHARED_PATH(foia, "corpus-more/foia-text/C06698243.txt");
  CABLEBASE_SHARED_PATH(pdf, "corpus-more/cablegate-pdf/00ANKARA8112.pdf");
  TempDir dir;
  Result<std::unique_ptr<Archive>> a = Archive::Open(dir.File("a.db"), Archive::Mode::kReadWrite);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  Result<IngestSummary> s = (*a)->Ingest({plusd, frus, gt, foia, pdf});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->added, 5);
  EXPECT_EQ(s->failed, 0);
  for (const std::string& path : {plusd, frus, gt, foia, pdf}) {
    std::vector<Cable> parsed = testing_archive::Records(path);
    ASSERT_EQ(parsed.size(), 1u) << path;
    Result<Cable> stored = (*a)->Get(parsed[0].reference_id);
    ASSERT_TRUE(stored.ok()) << path << ": " << stored.status().ToString();
    EXPECT_EQ(CableToJson(*stored), CableToJson(parsed[0])) << path;
  }
  Result<Cable> athens = (*a)->Get("74ATHENS3099");
  ASSERT_TRUE(athens.ok());
  EXPECT_EQ(athens->archive.film_number, "D740129-0690");  // from the page's pane, not the text
  EXPECT_EQ(athens->source.format, InputFormat::kPlusdHtml);
}

// frus1961-63v04_d256 (CIA Station Saigon to NSA) makes no State reference ID: it is known by its
// document number, upper case, and found by the spelling the file name gives.
TEST(ArchiveFormsStore, DocumentNumberIdIsFoundInAnyCase) {
  CABLEBASE_SHARED_PATH(frus, "corpus-more/frus-tei/frus1961-63v04_d256.xml");
  TempDir dir;
  Result<std::unique_ptr<Archive>> a = Archive::Open(dir.File("a.db"), Archive::Mode::kReadWrite);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_TRUE((*a)->Ingest({frus}).ok());
  Result<Cable> c = (*a)->Get("frus1961-63v04/d256");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->reference_id, "FRUS1961-63V04/D256");
  EXPECT_EQ(c->archive.document_number, "frus1961-63v04/d256");
}

}  // namespace
}  // namespace cablebase
