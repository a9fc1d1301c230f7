// Reads every file of shared/corpus/MANIFEST.tsv (skipped when the corpus is absent).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "cablebase/read.h"
#include "model/text_util.h"
#include "read/read_test_util.h"

namespace cablebase::read {
namespace {

struct ManifestRow {
  std::string reference_id, path, format;
};

std::vector<ManifestRow> ReadManifest(const std::string& corpus) {
  std::vector<ManifestRow> rows;
  std::ifstream in(corpus + "/MANIFEST.tsv");
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (header) {
      header = false;
      continue;
    }
    const std::vector<std::string_view> cols = model::Split(line, '\t');
    if (cols.size() < 4) continue;
    rows.push_back({std::string(cols[0]), std::string(cols[2]), std::string(cols[3])});
  }
  return rows;
}

TEST(ReadCorpus, EveryManifestFileYieldsItsCable) {
  CABLEBASE_SHARED_PATH(manifest_tsv, "corpus/MANIFEST.tsv");
  const std::string corpus = testing::CorpusDir();
  const std::vector<ManifestRow> rows = ReadManifest(corpus);
  ASSERT_GT(rows.size(), 900u);
  std::map<std::string, testing::Collected> by_path;
  for (const ManifestRow& row : rows) {
    if (!by_path.count(row.path))
      by_path[row.path] = testing::CollectSource(corpus + "/" + row.path);
  }
  int matched = 0, metadata_only = 0, by_file_name = 0;
  for (const ManifestRow& row : rows) {
    const testing::Collected& c = by_path[row.path];
    SCOPED_TRACE(row.path);
    ASSERT_TRUE(c.status.ok()) << c.status.ToString();
    ASSERT_TRUE(c.errors.empty()) << c.errors[0].ToString();
    ASSERT_FALSE(c.cables.empty());
    const RawCable* found = nullptr;
    for (const RawCable& r : c.cables) {
      if (r.reference_id == row.reference_id) found = &r;
    }
    if (found == nullptr && c.cables.size() == 1 && c.cables[0].reference_id.empty()) {
      // Bare text without metadata (the paul-mathieu files): the file is named after its ID.
      EXPECT_EQ(std::filesystem::path(row.path).stem().string(), row.reference_id);
      found = &c.cables[0];
      ++by_file_name;
    }
    ASSERT_NE(found, nullptr) << "no cable with reference ID " << row.reference_id;
    ++matched;
    if (found->header.empty() && found->text.empty()) {
      // Only the alx five-line files have no text at all; they still carry their metadata.
      EXPECT_EQ(row.format, "text");
      EXPECT_FALSE(found->classification.empty());
      EXPECT_FALSE(found->origin.empty());
      ++metadata_only;
    }
  }
  EXPECT_EQ(matched, static_cast<int>(rows.size()));
  EXPECT_LE(metadata_only, 2);  // 01STATE176819, 08MOSCOW2426
  EXPECT_EQ(by_file_name, 16);  // the paul-mathieu files
}

TEST(ReadCorpus, SameCableFromHtmlAndAlxText) {
  // 10MADRID49 is published as a Cablegate page and as an alx file: the same two blocks.
  CABLEBASE_SHARED_PATH(manifest_tsv, "corpus/MANIFEST.tsv");
  const std::string corpus = testing::CorpusDir();
  testing::Collected html =
      testing::CollectSource(corpus + "/html/chillicoder__cablegate/10MADRID49.html");
  testing::Collected alx = testing::CollectSource(corpus + "/text/alx__cablegate/10MADRID49.txt");
  ASSERT_EQ(html.cables.size(), 1u);
  ASSERT_EQ(alx.cables.size(), 1u);
  EXPECT_EQ(alx.cables[0].header, html.cables[0].header);
  EXPECT_EQ(alx.cables[0].text, html.cables[0].text);
  EXPECT_EQ(alx.cables[0].classification, html.cables[0].classification);
  EXPECT_EQ(alx.cables[0].origin, html.cables[0].origin);
}

}  // namespace
}  // namespace cablebase::read
