// 1970s CFPF bodies with entity markup (cfpf_gt_reader.h): shared/corpus-more/cfpf-gt.
#include <gtest/gtest.h>

#include "archive_record_util.h"
#include "shared_files.h"

namespace cablebase {
namespace {

using testing_archive::Records;

// 1974TELAV06773: the entity list becomes archive.entities, the marks are gone from the text, the
// document number gives ID, originating post and year.
TEST(CfpfGtReader, TelAviv1974Body) {
  CABLEBASE_SHARED_PATH(f, "corpus-more/cfpf-gt/1974TELAV06773.txt");
  std::vector<Cable> r = Records(f);
  ASSERT_EQ(r.size(), 1u);
  const Cable& c = r[0];
  EXPECT_EQ(c.source.format, InputFormat::kCfpfGt);
  EXPECT_EQ(c.archive.document_number, "1974TELAV06773");
  EXPECT_EQ(c.reference_id, "74TELAVIV6773");
  EXPECT_EQ(c.originator, "TELAV");
  EXPECT_EQ(c.created, "1974");
  EXPECT_EQ(c.archive.entities.size(), 20u);
  EXPECT_EQ(c.paragraphs.size(), 4u);
  EXPECT_EQ(c.signers, (std::vector<std::string>{"KEATING"}));
  for (const Paragraph& p : c.paragraphs) EXPECT_EQ(p.text.find("[["), std::string::npos);
}

// 1978NAIROB16042's entity list has annotator lines "//POSSIBLE ENTITIES: ..." between entries:
// still detected as cfpf-gt (it failed with "no reference ID" before).
TEST(CfpfGtReader, AnnotatorCommentLinesInTheEntityList) {
  CABLEBASE_SHARED_PATH(f, "corpus-more/cfpf-gt/1978NAIROB16042.txt");
  std::vector<Cable> r = Records(f);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].source.format, InputFormat::kCfpfGt);
  EXPECT_EQ(r[0].archive.document_number, "1978NAIROB16042");
  EXPECT_FALSE(r[0].archive.entities.empty());
}

}  // namespace
}  // namespace cablebase
